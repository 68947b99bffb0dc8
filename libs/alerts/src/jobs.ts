import type { WebhookPayload } from '@marsad/contracts';

/**
 * Jobs on the BullMQ queue `alerts`, typed per job name.
 * - `alert` (decide + render): one per (watch, article), job id = alertId. Re-checks the watch,
 *   suppresses near-duplicates of a story already alerted for the watch, then fans out one send
 *   job per channel.
 * - `send-webhook` / `send-email`: one per (alert, channel), job id = `<alertId>-c<index>`;
 *   retried with jittered exponential backoff. Secrets and addresses are read from the current
 *   watch at send time, so they never sit in Redis.
 */
export interface AlertJobData {
  alertId: string;
  watchId: string;
  clusterId?: string;
  payload: WebhookPayload;
  /** When the article was published (else fetched), for delivery latency. */
  articleTime?: string;
}
export interface SendJobData {
  alertId: string;
  watchId: string;
  channelIndex: number;
  payload: WebhookPayload;
  articleTime?: string;
}
export interface AlertJobs {
  alert: AlertJobData;
  'send-webhook': SendJobData;
  'send-email': SendJobData;
}
export type AlertJobName = keyof AlertJobs;
export const ALERT_JOB_NAMES: readonly AlertJobName[] = ['alert', 'send-webhook', 'send-email'];

export type JobHandler<D> = (data: D, ctx: { attemptsMade: number; jobId: string; maxAttempts: number }) => Promise<unknown>;
export type AlertJobHandlers = { [K in AlertJobName]: JobHandler<AlertJobs[K]> };

/** Fails at start-up when a job name has no handler (instead of at the first job of that kind). */
export function assertHandlers(handlers: Partial<Record<string, unknown>>, names: readonly string[] = ALERT_JOB_NAMES): asserts handlers is AlertJobHandlers {
  const missing = names.filter((n) => typeof handlers[n] !== 'function');
  if (missing.length) throw new Error(`no handler for alert job name(s): ${missing.join(', ')}`);
}

export const sendJobId = (alertId: string, channelIndex: number) => `${alertId}-c${channelIndex}`;
