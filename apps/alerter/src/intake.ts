import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import {
  EnrichedArticleSchema,
  isCanonicalEnrichedArticle,
  alertId as computeAlertId,
  type EnrichedArticle,
  type Watch,
} from '@marsad/contracts';
import {
  ALERT_STATE_TTL_SECONDS,
  buildWebhookPayload,
  decideAlerts,
  packWebhookBatch,
  SEND_BATCH,
  sendJobId,
  unpackedDelivery,
  webhookBodyParts,
  type AlertJobName,
  type AlertJobs,
  type DecideCandidate,
  type FiledAlert,
  type Match,
  type PackableDelivery,
  type PackedArticle,
  type PayloadArticle,
  type SendJobData,
  type WebhookBodyParts,
} from '@marsad/alerts';
import { decodeJson, type BatchHandler, type DlqItem } from '@marsad/messaging';
import { withTimeout } from '@marsad/observability';
import type { AlerterContext } from './context';
import type { AlertLogEntry } from './alert-log';
import { RedisAlertStateRepository } from './alert-state.repository';
import { jobOptions } from './alert.processor';

/**
 * The Kafka side of the alerter: for a chunk of enriched articles, match the in-memory watches and
 * decide every match at once (decideAlerts: a few Redis round trips for the whole chunk), then
 * enqueue only what must be delivered, in one addBulk: the webhooks in `send-webhooks` batches of
 * SEND_BATCH, a `send-email` job per e-mail channel (job id `<alertId>-c<n>`), and the digest
 * windows' delayed `digest` jobs. The handler
 * returns only after Redis acknowledged the decisions and the enqueue, so the runner commits
 * offsets after them. A redelivered message finds its alerts marked decided and enqueues nothing;
 * one redelivered after a crash between enqueue and mark re-decides the same way (idempotent rules)
 * and its deliveries are already claimed (batches) or their job ids exist (e-mail). Invalid messages go to the DLQ. (ADR 0020)
 */
export const ENQUEUE_TIMEOUT_MS = 5000;

interface Candidate extends DecideCandidate {
  watch: Watch;
  article: AlertArticle;
  match: Match;
  firedAt: Date;
  /** The article's webhook body parts and delivery fields (shared by its candidates). */
  sends: ArticleSends;
}

/** What the webhook deliveries of one article share; `ref` is made for the first one. */
interface ArticleSends {
  parts: WebhookBodyParts;
  ref?: PackedArticle;
}

type Job = { [K in AlertJobName]: { name: K; data: AlertJobs[K]; opts: ReturnType<typeof jobOptions> } }[AlertJobName];

/**
 * What an article's alerts need of it once matched. Candidates live across the chunk's Redis round
 * trips; holding only these fields lets the rest of the ~20 KB parsed article (text, normalised
 * text, actors and their mentions) die young instead of being copied by every scavenge and promoted
 * (GC was ~23% of the alerter's CPU; ADR 0020, fifth session).
 */
type AlertArticle = PayloadArticle & Pick<EnrichedArticle, 'fetchedAt' | 'dedup'>;
const alertArticle = (a: EnrichedArticle): AlertArticle => ({
  id: a.id,
  url: a.url,
  language: a.language,
  source: a.source,
  title: a.title,
  publishedAt: a.publishedAt,
  fetchedAt: a.fetchedAt,
  claims: a.claims,
  dedup: a.dedup,
});

const articleTime = (a: AlertArticle) => a.publishedAt ?? a.fetchedAt;

/** A delivery-log entry for an alert decided not to be sent on its own (suppressed, folded, skipped). */
function decisionEntry(c: Candidate, status: AlertLogEntry['status'], reason: string, extra: Partial<AlertLogEntry> = {}): AlertLogEntry {
  const now = Date.now();
  const t = articleTime(c.article);
  const at = t ? Date.parse(t) : NaN;
  return {
    kind: 'alert',
    alertId: c.alert.alertId,
    jobId: c.alert.alertId,
    watchId: c.watch.id,
    watchName: c.watch.name,
    articleId: c.article.id,
    articleUrl: c.article.url,
    ...(c.article.title ? { articleTitle: c.article.title } : {}),
    ...(Number.isFinite(at) ? { latencyMs: Math.max(0, now - at), articleTime: t } : {}),
    channel: 'none',
    status,
    reason,
    attempt: 1,
    maxAttempts: 1,
    attemptedAt: new Date(now).toISOString(),
    ...extra,
  };
}

export function alertIntakeHandler(ctx: AlerterContext, queue: Queue): BatchHandler {
  const state = new RedisAlertStateRepository(ctx.redis, ctx.names.queuePrefix);
  return async (messages, hctx) => {
    // Never match against a half-loaded set of watches: wait until marsad.watches is replayed.
    if (!ctx.watches.caughtUp) {
      await Promise.race([
        ctx.watches.ready(),
        new Promise((_, rej) => setTimeout(() => rej(new Error('watches view not caught up yet')), 10_000).unref()),
      ]);
    }
    const dlq: DlqItem[] = [];
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (const m of messages) {
      const decoded = decodeJson(m.value, EnrichedArticleSchema, { accept: isCanonicalEnrichedArticle });
      if (!decoded.ok) {
        dlq.push({ message: m, error: decoded.error, attempts: hctx.attempt });
        continue;
      }
      const matches = ctx.matcher.match(decoded.value);
      if (!matches.length) continue;
      const article = alertArticle(decoded.value);
      const firedAt = new Date();
      const sends: ArticleSends = { parts: webhookBodyParts(article) };
      for (const match of matches) {
        const id = computeAlertId(match.watch.id, article.id);
        if (seen.has(id)) continue; // the same article twice in one chunk
        seen.add(id);
        const c: Candidate = {
          watch: match.watch,
          article,
          match,
          firedAt,
          sends,
          alert: { alertId: id, watchId: match.watch.id, clusterId: article.dedup?.clusterId },
          // Only digest and throttled watches file the payload; a suppressed alert never builds one.
          filed: () =>
            JSON.stringify({
              payload: buildWebhookPayload(match.watch, article, match, firedAt),
              articleTime: articleTime(article),
            } satisfies FiledAlert),
        };
        candidates.push(c);
      }
    }
    if (!candidates.length) return { dlq };

    // Fail fast while Redis is away (ioredis would queue the commands until it reconnects): the
    // runner retries, then pauses the partition briefly (nothing committed) and tries again.
    const client = await queue.client;
    if (client.status !== 'ready') throw new Error(`Redis unavailable for the alerts queue (connection ${client.status})`);
    if (ctx.redis.status !== 'ready') throw new Error(`Redis unavailable for the alert state (connection ${ctx.redis.status})`);
    // Bound the waits anyway (Redis may stall without dropping the connection): nothing is
    // committed, and a redelivery re-decides the same way.
    const decided = await withTimeout(decideAlerts(candidates, state), ENQUEUE_TIMEOUT_MS, 'alert decisions in Redis');

    const jobs: Job[] = [];
    const packed = ctx.config.MARSAD_ALERT_PACKED_BATCHES;
    const webhooks: PackableDelivery[] = [];
    const digests = new Set<string>();
    const entries: AlertLogEntry[] = [];
    let sends = 0;
    for (const { candidate: c, decision } of decided) {
      switch (decision.action) {
        case 'skip':
          entries.push(decisionEntry(c, 'skipped', decision.reason));
          break;
        case 'suppress':
          ctx.alertMetrics.suppressed.inc({ reason: decision.reason });
          ctx.logger.info('alert suppressed: near-duplicate of a story already alerted for this watch', {
            alertId: c.alert.alertId,
            watchId: c.watch.id,
            clusterId: c.alert.clusterId,
            firstAlertId: decision.firstAlertId,
          });
          entries.push(decisionEntry(c, 'suppressed', `near-duplicate of alert ${decision.firstAlertId}`));
          break;
        case 'digest': {
          const { digestId: id, window, reason } = decision;
          if (!digests.has(id)) {
            digests.add(id);
            jobs.push({
              name: 'digest',
              data: { digestId: id, watchId: c.watch.id, window, reason },
              opts: { ...jobOptions(ctx, id), delay: Math.max(0, decision.closeAt - Date.now()) },
            });
          }
          if (reason === 'throttle') {
            const t = c.watch.throttle!;
            ctx.alertMetrics.suppressed.inc({ reason: 'throttled' });
            entries.push(
              decisionEntry(c, 'folded', `throttled: more than ${t.max} alerts in ${t.perMinutes} min; folded into digest ${id}`, {
                digestId: id,
              }),
            );
          }
          break;
        }
        case 'send': {
          const { alertId: id } = c.alert;
          const { watch, article, sends: s } = c;
          let parts: { claims: string; matched: string } | undefined;
          watch.channels.forEach((ch, i) => {
            const t = articleTime(article);
            if (ch.type === 'webhook') {
              s.ref ??= {
                id: article.id,
                url: article.url,
                ...(article.title ? { title: article.title } : {}),
                ...(t ? { time: t } : {}),
                json: s.parts.article(),
                firedAt: c.firedAt.toISOString(),
              };
              parts ??= { claims: s.parts.claims(c.match), matched: s.parts.matched(c.match) };
              webhooks.push({ alertId: id, watchId: watch.id, channelIndex: i, watchName: watch.name, article: s.ref, ...parts });
            } else {
              const payload = buildWebhookPayload(watch, article, c.match, c.firedAt);
              const data: SendJobData = { alertId: id, watchId: watch.id, channelIndex: i, payload, articleTime: t };
              jobs.push({ name: 'send-email', data, opts: jobOptions(ctx, sendJobId(id, i)) });
            }
            sends++;
          });
          break;
        }
      }
    }
    // Webhooks in batches: one job per SEND_BATCH deliveries instead of one each. The job id is a
    // digest of the deliveries, so a re-decided chunk adds the same batch again (ignored).
    // Packed (MARSAD_ALERT_PACKED_BATCHES), an article's shared parts go in once per batch.
    for (let i = 0; i < webhooks.length; i += SEND_BATCH) {
      const batch = webhooks.slice(i, i + SEND_BATCH);
      const h = createHash('sha256');
      for (const x of batch) h.update(sendJobId(x.alertId, x.channelIndex)).update('\n');
      const batchId = `b-${h.digest('hex').slice(0, 32)}`;
      const data = packed ? packWebhookBatch(batch) : { deliveries: batch.map(unpackedDelivery) };
      jobs.push({ name: 'send-webhooks', data, opts: jobOptions(ctx, batchId) });
    }
    if (jobs.length) await withTimeout(queue.addBulk(jobs), ENQUEUE_TIMEOUT_MS, 'enqueue to Redis (BullMQ alerts)');
    await withTimeout(
      state.markDecided(
        decided.map((d) => d.candidate.alert.alertId),
        ALERT_STATE_TTL_SECONDS,
      ),
      ENQUEUE_TIMEOUT_MS,
      'marking alerts decided in Redis',
    );
    // The log is best effort and batched: the intake does not wait for Elasticsearch.
    for (const e of entries) void ctx.alertLog.enqueue(e);
    if (sends) ctx.alertMetrics.enqueued.inc({ kind: 'send' }, sends);
    if (digests.size) ctx.alertMetrics.enqueued.inc({ kind: 'digest' }, digests.size);
    ctx.logger.debug('alerts decided', {
      matches: candidates.length,
      decided: decided.length,
      jobs: jobs.length,
      partition: hctx.partition,
    });
    return { dlq };
  };
}
