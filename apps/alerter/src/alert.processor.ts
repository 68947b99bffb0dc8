import { Inject, OnModuleInit } from '@nestjs/common';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job, type JobsOptions, type Queue } from 'bullmq';
import type { Watch } from '@marsad/contracts';
import {
  ALERT_JOB_NAMES,
  ALERTS_QUEUE,
  alertJobOptions,
  ALERT_STATE_TTL_SECONDS,
  buildDigestPayload,
  isDigestPayload,
  isPackedBatch,
  isWebhookDelivery,
  renderDigestEmail,
  type DigestJobData,
  JITTERED_BACKOFF,
  assertHandlers,
  jitteredBackoffDelay,
  renderAlertEmail,
  sendJobId,
  serializePayload,
  unpackWebhookBatch,
  type AlertJobHandlers,
  type FiledAlert,
  type AlertJobName,
  type PackedSendBatchJobData,
  type SendBatchJobData,
  type SendJobData,
  type WebhookDelivery,
} from '@marsad/alerts';
import { errorFields, fulfilledWithin } from '@marsad/observability';
import { ALERTER_CTX, type AlerterContext } from './context';
import { postWebhook, WebhookHttpError } from './webhook-sender';
import type { AlertLogEntry } from './alert-log';
import { RedisAlertStateRepository } from './alert-state.repository';

/** Retry policy of every alert job (libs/alerts alertJobOptions) with this alerter's settings. */
export function jobOptions(ctx: AlerterContext, jobId: string): JobsOptions {
  return alertJobOptions(jobId, { attempts: ctx.config.MARSAD_ALERT_ATTEMPTS, backoffMs: ctx.config.MARSAD_ALERT_BACKOFF_MS });
}

/** BullMQ calls this for backoff types it does not know: ours is `marsad-jittered`. */
export function backoffStrategy(
  attemptsMade: number,
  type?: string,
  _err?: Error,
  job?: { opts?: JobsOptions; data?: Partial<SendJobData> },
): number {
  const b = job?.opts?.backoff;
  const base = typeof b === 'object' && b?.delay ? b.delay : typeof b === 'number' ? b : 1000;
  if (type !== JITTERED_BACKOFF) return base;
  // A delivery handed over by a batch continues the batch's backoff sequence.
  return jitteredBackoffDelay(attemptsMade + attemptOffset(job?.data), base);
}

/** Attempts a `send-webhooks` batch made before the job took the delivery over (none after a manual retry). */
const attemptOffset = (d?: Partial<SendJobData>) => (d && !d.retryRound ? (d.attemptOffset ?? 0) : 0);

/** A delivery of a job: its own job's (SendJobData) or one of a `send-webhooks` batch (WebhookDelivery). */
type Delivery = SendJobData | WebhookDelivery;
const NO_JOB_FIELDS: Partial<SendJobData> = Object.freeze({});
const asSendJob = (d: Delivery): Partial<SendJobData> => (isWebhookDelivery(d) ? NO_JOB_FIELDS : d);

/** The `send-webhook` job that takes a batch's delivery over: the payload parsed back from the body. */
function handoverData(d: Delivery): SendJobData {
  if (!isWebhookDelivery(d)) return d;
  const { alertId, watchId, channelIndex, articleTime } = d;
  return { alertId, watchId, channelIndex, payload: JSON.parse(d.body) as SendJobData['payload'], ...(articleTime ? { articleTime } : {}) };
}

/** How long a batch waits for its deliveries' log entries (as AlertLog.record does for one). */
const LOG_WAIT_MS = 2000;

/** Runs `fn` over `items`, at most `limit` at once. */
async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Webhook deliveries of one `send-webhooks` batch in flight at once. */
const BATCH_CONCURRENCY = 8;

const articleTimeMs = (t?: string) => (t ? Date.parse(t) : NaN);

/** A log entry before its attempt's fields. */
type LogBase = Omit<AlertLogEntry, 'jobId' | 'channel' | 'status' | 'attempt' | 'maxAttempts' | 'attemptedAt'>;

/**
 * The BullMQ worker of queue `alerts`: deliveries (`send-webhooks` batches, `send-webhook`,
 * `send-email`) and digest windows (`digest`); the decide step runs in the Kafka intake
 * (intake.ts). Job names are typed (AlertJobs) and dispatched through a handler table that is
 * checked at start-up: a job name without handler stops the service.
 */
@Processor(ALERTS_QUEUE, { concurrency: 16, settings: { backoffStrategy } })
export class AlertProcessor extends WorkerHost implements OnModuleInit {
  readonly handlers: AlertJobHandlers;

  constructor(
    @Inject(ALERTER_CTX) private readonly ctx: AlerterContext,
    @InjectQueue(ALERTS_QUEUE) private readonly queue: Queue,
  ) {
    super();
    this.handlers = {
      'send-webhooks': (d, c) => this.sendWebhookBatch(d, c),
      'send-webhook': (d, c) => this.sendWebhook(d, c),
      'send-email': (d, c) => this.sendEmail(d, c),
      digest: (d) => this.closeDigest(d),
    };
  }

  onModuleInit(): void {
    assertHandlers(this.handlers as unknown as Record<string, unknown>, ALERT_JOB_NAMES);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as AlertJobName] as
      ((d: unknown, c: { attemptsMade: number; jobId: string; maxAttempts: number }) => Promise<unknown>) | undefined;
    if (!handler) throw new UnrecoverableError(`no handler for job name "${job.name}"`);
    return handler(job.data, { attemptsMade: job.attemptsMade, jobId: job.id ?? '', maxAttempts: job.opts.attempts ?? 1 });
  }

  /** The alert rules' state (Redis), made on first use. */
  private stateRepo?: RedisAlertStateRepository;
  private get state(): RedisAlertStateRepository {
    return (this.stateRepo ??= new RedisAlertStateRepository(this.ctx.redis, this.ctx.names.queuePrefix));
  }

  private currentWatch(watchId: string): Watch | undefined {
    const w = this.ctx.watches.get(watchId);
    return w && w.enabled ? w : undefined;
  }

  /**
   * The log entry's fields that describe the delivery (not the attempt). Built by assignment, in
   * the order of the entry: one object per delivery, no spread copies (a batch makes ~50).
   */
  private base(d: Delivery, watch: Pick<Watch, 'name'> | undefined): LogBase {
    const now = Date.now();
    const at = articleTimeMs(d.articleTime);
    let b: LogBase;
    if (isWebhookDelivery(d)) {
      b = {
        kind: 'alert',
        alertId: d.alertId,
        watchId: d.watchId,
        watchName: watch?.name ?? d.watchName,
        articleId: d.articleId,
        articleUrl: d.articleUrl,
      };
      if (d.articleTitle) b.articleTitle = d.articleTitle;
    } else {
      const p = d.payload;
      if (isDigestPayload(p)) {
        b = {
          kind: 'digest',
          alertId: d.alertId,
          watchId: d.watchId,
          watchName: watch?.name ?? p.watch.name,
          articleIds: p.alerts.map((a) => a.article.id),
          count: p.count,
        };
      } else {
        b = {
          kind: 'alert',
          alertId: d.alertId,
          watchId: d.watchId,
          watchName: watch?.name ?? p.watch.name,
          articleId: p.article.id,
          articleUrl: p.article.url,
        };
        if (p.article.title) b.articleTitle = p.article.title;
      }
    }
    if (Number.isFinite(at)) {
      b.latencyMs = Math.max(0, now - at);
      b.articleTime = d.articleTime;
    }
    return b;
  }

  private async fanOut(watch: Watch, id: string, payload: SendJobData['payload'], articleTime?: string): Promise<unknown> {
    const jobs = watch.channels.map((ch, i) => ({
      name: ch.type === 'webhook' ? ('send-webhook' as const) : ('send-email' as const),
      data: { alertId: id, watchId: watch.id, channelIndex: i, payload, articleTime } satisfies SendJobData,
      opts: jobOptions(this.ctx, sendJobId(id, i)),
    }));
    // One channel (the usual watch): a plain add. addBulk builds an ioredis pipeline, whose
    // constructor copies every loaded script (BullMQ's ~40) onto it: a cost per alert.
    if (jobs.length === 1) await this.queue.add(jobs[0].name, jobs[0].data, jobs[0].opts);
    else await this.queue.addBulk(jobs);
    this.ctx.alertMetrics.enqueued.inc({ kind: 'send' }, jobs.length);
    return { channels: jobs.map((j) => j.name) };
  }

  /** End of a digest window: one delivery per channel with every alert filed in the window. */
  private async closeDigest(d: DigestJobData): Promise<unknown> {
    const values = await this.state.closeDigest(d.watchId, d.window.start, ALERT_STATE_TTL_SECONDS);
    const items = values.map((v) => JSON.parse(v) as FiledAlert);
    if (!items.length) return { skipped: 'empty window' };
    const watch = this.currentWatch(d.watchId);
    if (!watch) {
      this.ctx.logger.warn('digest not sent: watch deleted or disabled', {
        digestId: d.digestId,
        watchId: d.watchId,
        alerts: items.length,
      });
      return { skipped: 'watch deleted or disabled', alerts: items.length };
    }
    const payload = buildDigestPayload(
      watch,
      d.window,
      items.map((i) => i.payload),
      new Date(),
      d.reason === 'throttle' ? 'throttle' : undefined,
    );
    // Latency of a digest: from the oldest article it carries.
    const oldest = items
      .map((i) => i.articleTime)
      .filter((t): t is string => !!t)
      .sort()[0];
    return this.fanOut(watch, d.digestId, payload, oldest);
  }

  private channelOf<T extends Watch['channels'][number]['type']>(
    d: Delivery,
    type: T,
  ): { watch: Watch; channel: Extract<Watch['channels'][number], { type: T }> } | undefined {
    const watch = asSendJob(d).test ? this.ctx.watches.get(d.watchId) : this.currentWatch(d.watchId);
    const ch = watch?.channels[d.channelIndex];
    if (!watch || !ch || ch.type !== type) return undefined;
    return { watch, channel: ch as Extract<Watch['channels'][number], { type: T }> };
  }

  /**
   * One attempt of delivery `d`, logged. `batchLogs`: in a batch, the log writes are collected there
   * and waited for once per batch, instead of one wait (and timer) per delivery.
   */
  private async attempt(
    d: Delivery,
    c: { attemptsMade: number; jobId: string; maxAttempts: number },
    channel: 'webhook' | 'email',
    run: (watch: Watch) => Promise<{ httpStatus?: number; durationMs: number }>,
    batchLogs?: Promise<void>[],
  ): Promise<unknown> {
    const inBatch = batchLogs !== undefined;
    const log = (e: AlertLogEntry) => (batchLogs ? void batchLogs.push(this.ctx.alertLog.enqueue(e)) : this.ctx.alertLog.record(e));
    const sd = asSendJob(d);
    const found = this.channelOf(d, channel);
    const offset = attemptOffset(sd);
    const attempt = c.attemptsMade + 1 + offset;
    c = { ...c, maxAttempts: c.maxAttempts + offset };
    const entry = (watch: Pick<Watch, 'name'> | undefined, status: AlertLogEntry['status']): AlertLogEntry => {
      const e = this.base(d, watch) as AlertLogEntry;
      if (sd.test) e.kind = 'test';
      if (sd.retryRound) e.retryRound = sd.retryRound;
      e.jobId = c.jobId;
      e.channel = channel;
      e.channelIndex = d.channelIndex;
      e.attempt = attempt;
      e.maxAttempts = c.maxAttempts;
      e.attemptedAt = new Date().toISOString();
      e.status = status;
      return e;
    };
    if (!found) {
      const e = entry(undefined, 'skipped');
      e.reason = 'watch or channel removed';
      await log(e);
      return { skipped: 'watch or channel removed' };
    }
    try {
      const r = await run(found.watch);
      const e = entry(found.watch, 'delivered');
      this.ctx.alertMetrics.deliveries.inc({ channel, status: 'delivered' });
      if (e.latencyMs !== undefined) this.ctx.alertMetrics.deliveryLatency.observe({ channel }, e.latencyMs / 1000);
      this.ctx.logger.info('alert delivered', {
        alertId: d.alertId,
        watchId: d.watchId,
        channel,
        attempt,
        httpStatus: r.httpStatus,
        durationMs: r.durationMs,
      });
      if (r.httpStatus !== undefined) e.httpStatus = r.httpStatus;
      e.durationMs = r.durationMs;
      await log(e);
      return { delivered: true, attempt, ...r };
    } catch (err) {
      // In a batch, an unrecoverable failure is left to the delivery's own job (attempt 1 there):
      // it fails for good in BullMQ's failed set, where POST /v1/alerts/:id/retry finds it.
      if (inBatch && err instanceof UnrecoverableError) throw err;
      const final = err instanceof UnrecoverableError || attempt >= c.maxAttempts;
      // `failed` is the end state (attempts exhausted or unrecoverable); `retrying` means BullMQ will try again.
      const status = final ? 'failed' : 'retrying';
      this.ctx.alertMetrics.deliveries.inc({ channel, status });
      this.ctx.logger.warn(final ? 'alert delivery failed for good' : 'alert delivery failed; will retry', {
        alertId: d.alertId,
        watchId: d.watchId,
        channel,
        attempt,
        of: c.maxAttempts,
        ...errorFields(err),
      });
      const e = entry(found.watch, status);
      e.error = err instanceof Error ? err.message : String(err);
      if (err instanceof WebhookHttpError) e.httpStatus = err.status;
      await log(e);
      throw err;
    }
  }

  /**
   * A batch of webhook deliveries (one chunk's), each tried once: claimed first (a delivery another
   * batch made, or handed over, is not made again), then POSTed, at most BATCH_CONCURRENCY at once,
   * and marked done one by one (a delivery skipped because its watch or channel is gone counts as made).
   * A failed one is handed over to its own `send-webhook` job (`<alertId>-c<n>`) from attempt 2,
   * after the first backoff; an unrecoverable one from attempt 1, so it ends in the failed set.
   */
  private async sendWebhookBatch(data: SendBatchJobData | PackedSendBatchJobData, c: { jobId: string }): Promise<unknown> {
    const ttl = ALERT_STATE_TTL_SECONDS;
    const d: SendBatchJobData = isPackedBatch(data) ? { deliveries: unpackWebhookBatch(data) } : data;
    const ids = d.deliveries.map((x) => sendJobId(x.alertId, x.channelIndex));
    const mine = await this.state.claimDeliveries(ids, c.jobId, ttl);
    const attempts = this.ctx.config.MARSAD_ALERT_ATTEMPTS;
    const handover: { name: 'send-webhook'; data: SendJobData; opts: JobsOptions }[] = [];
    const logs: Promise<void>[] = [];
    let made = 0;
    let markError: unknown;
    await eachLimit(
      d.deliveries.filter((_, i) => mine[i]),
      BATCH_CONCURRENCY,
      async (x) => {
        const jobId = sendJobId(x.alertId, x.channelIndex);
        try {
          await this.attempt(x, { attemptsMade: 0, jobId, maxAttempts: attempts }, 'webhook', (w) => this.postTo(w, x, 1), logs);
        } catch (err) {
          const later = !(err instanceof UnrecoverableError) && attempts > 1;
          handover.push({
            name: 'send-webhook',
            data: { ...handoverData(x), ...(later ? { attemptOffset: 1 } : {}) },
            opts: {
              ...jobOptions(this.ctx, jobId),
              ...(later ? { attempts: attempts - 1, delay: jitteredBackoffDelay(1, this.ctx.config.MARSAD_ALERT_BACKOFF_MS) } : {}),
            },
          });
          return;
        }
        made++;
        // Marked as soon as made (auto-pipelined with the batch's other marks), so a re-run after a
        // crash repeats only what was in flight. A failed mark fails the batch once it is through:
        // its re-run makes the unmarked deliveries again (at least once, as an interrupted job did).
        await this.state.deliveriesDone([jobId], ttl).catch((e: unknown) => (markError ??= e));
      },
    );
    if (handover.length) {
      await this.queue.addBulk(handover);
      this.ctx.alertMetrics.enqueued.inc({ kind: 'send' }, handover.length);
      await this.state.deliveriesDone(
        handover.map((h) => h.opts.jobId!),
        ttl,
      );
    }
    // The log is best effort: wait for it as a single delivery does (AlertLog.record), once.
    if (logs.length) await fulfilledWithin(Promise.all(logs), LOG_WAIT_MS);
    if (markError) throw markError;
    return { made, handedOver: handover.length, skipped: mine.filter((m) => !m).length };
  }

  private sendWebhook(d: SendJobData, c: { attemptsMade: number; jobId: string; maxAttempts: number }): Promise<unknown> {
    return this.attempt(d, c, 'webhook', (watch) => this.postTo(watch, d, c.attemptsMade + 1 + attemptOffset(d)));
  }

  private async postTo(watch: Watch, d: Delivery, attempt: number): Promise<{ httpStatus: number; durationMs: number }> {
    const ch = watch.channels[d.channelIndex];
    if (ch.type !== 'webhook') throw new UnrecoverableError('channel is not a webhook');
    if (!ch.secret) throw new UnrecoverableError('webhook channel has no secret: refusing to send unsigned');
    const r = await postWebhook({
      url: ch.url,
      body: isWebhookDelivery(d) ? d.body : serializePayload(d.payload),
      alertId: d.alertId,
      secret: ch.secret,
      timeoutMs: this.ctx.config.MARSAD_WEBHOOK_TIMEOUT_MS,
      guard: this.ctx.guard,
      attempt,
      test: asSendJob(d).test,
    }).catch((err) => {
      if (err?.name === 'UnsafeUrlError') throw new UnrecoverableError(`unsafe webhook target: ${err.message}`);
      throw err;
    });
    return { httpStatus: r.status, durationMs: r.durationMs };
  }

  private sendEmail(d: SendJobData, c: { attemptsMade: number; jobId: string; maxAttempts: number }): Promise<unknown> {
    return this.attempt(d, c, 'email', async (watch) => {
      const ch = watch.channels[d.channelIndex];
      if (ch.type !== 'email') throw new UnrecoverableError('channel is not e-mail');
      if (!this.ctx.mailer) throw new UnrecoverableError('SMTP_URL is not configured: cannot send e-mail alerts');
      const t0 = Date.now();
      const mail = isDigestPayload(d.payload) ? renderDigestEmail(d.payload) : renderAlertEmail(d.payload);
      await this.ctx.mailer.sendMail({
        from: this.ctx.mailFrom,
        to: ch.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'X-Marsad-Alert-Id': d.alertId },
        messageId: `<${d.alertId}.c${d.channelIndex}@marsad>`,
      });
      return { durationMs: Date.now() - t0 };
    });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    if (!job || job.name.startsWith('send-')) return; // sends log their own attempts
    this.ctx.logger.warn('alert job failed', {
      job: job.name,
      jobId: job.id,
      attempt: job.attemptsMade,
      of: job.opts.attempts,
      ...errorFields(err),
    });
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.ctx.logger.warn('alerts worker error', errorFields(err));
  }
}
