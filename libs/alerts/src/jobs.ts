import type { WebhookPayload } from '@marsad/contracts';
import type { DigestPayload } from './digest';

/**
 * Jobs on the BullMQ queue `alerts`, typed per job name. There is no job per (watch, article): the
 * alerter's Kafka intake decides every match of a chunk itself (decideAlerts: already decided?
 * near-duplicate of a story already alerted for the watch? digest or throttle?) in a few Redis round
 * trips and enqueues only what must be delivered (ADR 0020).
 * - `send-webhooks`: up to SEND_BATCH webhook deliveries of one chunk, each tried once (one job,
 *   not one per delivery: a BullMQ job costs the alerter more CPU than the POST itself). Each
 *   delivery is claimed in Redis first, so one that another batch already made is not made twice.
 *   A delivery that fails is handed over to its own `send-webhook` job (from attempt 2, after the
 *   first backoff), which is what the retries, the failed set and `POST /v1/alerts/:id/retry` see.
 * - `send-webhook` / `send-email`: one per (alert, channel), job id = `<alertId>-c<index>`;
 *   retried with jittered exponential backoff. Secrets and addresses are read from the current
 *   watch at send time, so they never sit in Redis. Completed ones are kept 7 days: their ids keep
 *   a handed-over delivery from being enqueued twice. E-mails, digests and test alerts always use
 *   these.
 * - `digest`: for watches with `digest` (and throttled alerts over the limit), the decide step files
 *   the alert under the watch's current window (Redis hash) and schedules one delayed `digest` job
 *   per window (job id = digestId), which sends all the window's alerts as one delivery.
 */
export interface SendJobData {
  /** The alert id, or the digest id for a digest delivery. */
  alertId: string;
  watchId: string;
  channelIndex: number;
  payload: WebhookPayload | DigestPayload;
  /** When the article was published (else fetched; a digest: its oldest article), for delivery latency. */
  articleTime?: string;
  /** A test alert (POST /v1/watches/:id/test): sent even to a disabled watch, logged as kind `test`. */
  test?: boolean;
  /** Bumped by each manual retry (POST /v1/alerts/:id/retry), so its attempts log under new ids. */
  retryRound?: number;
  /** Attempts already made in a `send-webhooks` batch before this job took the delivery over. */
  attemptOffset?: number;
}
/**
 * One webhook delivery of a `send-webhooks` batch: the body serialised by the intake (signed and
 * sent byte for byte: no payload object to (de)serialise per delivery in the job, no stringify per
 * POST) and the few fields the delivery log needs. A failed one is handed over to a `send-webhook`
 * job with the payload parsed back from `body` (ADR 0020, fifth session).
 */
export interface WebhookDelivery {
  alertId: string;
  watchId: string;
  channelIndex: number;
  /** The serialised WebhookPayload. */
  body: string;
  watchName: string;
  articleId: string;
  articleUrl: string;
  articleTitle?: string;
  /** As SendJobData.articleTime. */
  articleTime?: string;
}
/**
 * Webhook deliveries of one chunk, each tried once (see `send-webhooks` above). A batch enqueued by
 * an alerter before the fifth session of ADR 0020 carries SendJobData (with `payload`); both are read.
 */
export interface SendBatchJobData {
  deliveries: (WebhookDelivery | SendJobData)[];
}

export function isWebhookDelivery(d: WebhookDelivery | SendJobData): d is WebhookDelivery {
  return typeof (d as WebhookDelivery).body === 'string';
}
/** A digest window's alert as filed by the decide step (Redis hash value, JSON). */
export interface FiledAlert {
  payload: WebhookPayload;
  articleTime?: string;
}
/** Closes a digest window: collects the window's alerts and fans out one send per channel. */
export interface DigestJobData {
  digestId: string;
  watchId: string;
  window: { start: string; end: string };
  /** `digest` (the watch's digest mode) or `throttle` (alerts over the throttle's max, folded). */
  reason?: 'digest' | 'throttle';
}
export interface AlertJobs {
  'send-webhooks': SendBatchJobData;
  'send-webhook': SendJobData;
  'send-email': SendJobData;
  digest: DigestJobData;
}
export type AlertJobName = keyof AlertJobs;
export const ALERT_JOB_NAMES: readonly AlertJobName[] = ['send-webhooks', 'send-webhook', 'send-email', 'digest'];

export function isDigestPayload(p: WebhookPayload | DigestPayload): p is DigestPayload {
  return (p as DigestPayload).digestId !== undefined;
}

export type JobHandler<D> = (data: D, ctx: { attemptsMade: number; jobId: string; maxAttempts: number }) => Promise<unknown>;
export type AlertJobHandlers = { [K in AlertJobName]: JobHandler<AlertJobs[K]> };

/** Fails at start-up when a job name has no handler (instead of at the first job of that kind). */
export function assertHandlers(
  handlers: Partial<Record<string, unknown>>,
  names: readonly string[] = ALERT_JOB_NAMES,
): asserts handlers is AlertJobHandlers {
  const missing = names.filter((n) => typeof handlers[n] !== 'function');
  if (missing.length) throw new Error(`no handler for alert job name(s): ${missing.join(', ')}`);
}

export const sendJobId = (alertId: string, channelIndex: number) => `${alertId}-c${channelIndex}`;

/** Webhook deliveries per `send-webhooks` job. */
export const SEND_BATCH = 50;

/** Channel indexes tried when looking up the send jobs of an alert (a watch has few channels). */
export const MAX_CHANNELS_LOOKUP = 16;
