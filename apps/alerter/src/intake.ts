import type { Queue } from 'bullmq';
import { EnrichedArticleSchema, isCanonicalEnrichedArticle, alertId as computeAlertId } from '@marsad/contracts';
import { buildWebhookPayload, type AlertJobData } from '@marsad/alerts';
import { decodeJson, type BatchHandler, type DlqItem } from '@marsad/messaging';
import type { AlerterContext } from './context';
import { jobOptions } from './alert.processor';

/**
 * The Kafka side of the alerter: for each enriched article, match the in-memory watches and
 * enqueue one `alert` job per match, with job id = alertId(watch, article). The handler returns
 * only after Redis acknowledged every add, so the runner commits offsets after the enqueue; a
 * redelivered message adds jobs whose ids already exist, which BullMQ ignores (completed jobs are
 * kept for days for exactly this). Invalid messages go to the DLQ.
 */
export const ENQUEUE_TIMEOUT_MS = 5000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function alertIntakeHandler(ctx: AlerterContext, queue: Queue): BatchHandler {
  return async (messages, hctx) => {
    // Never match against a half-loaded set of watches: wait until marsad.watches is replayed.
    if (!ctx.watches.caughtUp) {
      await Promise.race([
        ctx.watches.ready(),
        new Promise((_, rej) => setTimeout(() => rej(new Error('watches view not caught up yet')), 10_000).unref()),
      ]);
    }
    const dlq: DlqItem[] = [];
    const jobs: { name: 'alert'; data: AlertJobData; opts: ReturnType<typeof jobOptions> }[] = [];
    for (const m of messages) {
      const decoded = decodeJson(m.value, EnrichedArticleSchema, { accept: isCanonicalEnrichedArticle });
      if (!decoded.ok) {
        dlq.push({ message: m, error: decoded.error, attempts: hctx.attempt });
        continue;
      }
      const article = decoded.value;
      const firedAt = new Date();
      for (const match of ctx.matcher.match(article)) {
        const id = computeAlertId(match.watch.id, article.id);
        const payload = buildWebhookPayload(match.watch, article, match, firedAt);
        jobs.push({
          name: 'alert',
          data: {
            alertId: id,
            watchId: match.watch.id,
            clusterId: article.dedup?.clusterId,
            payload,
            articleTime: article.publishedAt ?? article.fetchedAt,
          },
          opts: { ...jobOptions(ctx, id), attempts: 5 },
        });
      }
    }
    if (jobs.length) {
      // Fail fast while Redis is away (ioredis would queue the commands until it reconnects): the
      // runner retries, then pauses the partition briefly (nothing committed) and tries again.
      const client = await queue.client;
      if (client.status !== 'ready') throw new Error(`Redis unavailable for the alerts queue (connection ${client.status})`);
      // Bound the wait anyway (Redis may stall without dropping the connection). A late add is
      // harmless: job ids.
      await withTimeout(queue.addBulk(jobs), ENQUEUE_TIMEOUT_MS, 'enqueue to Redis (BullMQ alerts)');
      ctx.alertMetrics.enqueued.inc({ kind: 'alert' }, jobs.length);
      ctx.logger.debug('alerts enqueued', { count: jobs.length, partition: hctx.partition });
    }
    return { dlq };
  };
}
