import { QUEUE } from '@marsad/contracts';
import { redisConnectionOptions } from '@marsad/config';
import { JITTERED_BACKOFF } from './backoff';

/** The BullMQ queue of alert jobs (decide, send-webhook, send-email, digest): one name everywhere. */
export const ALERTS_QUEUE = QUEUE.alerts;

/** How long job ids keep de-duplicating: completed jobs stay 7 days, failed ones 14 (retry from the API). */
export const KEEP_COMPLETED_SECONDS = 7 * 24 * 3600;
export const KEEP_FAILED_SECONDS = 14 * 24 * 3600;

/**
 * Queue options for a process that uses the alerts queue. `worker` (the alerter) blocks on Redis
 * and must never give up a command (BullMQ requires maxRetriesPerRequest null); `client` (the
 * admin reading counts, retrying alerts) fails fast while Redis is away so a request never hangs.
 */
export function alertsQueueOptions(queuePrefix: string, redisUrl: string, role: 'worker' | 'client') {
  const behaviour = role === 'worker' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: false };
  return { prefix: queuePrefix, connection: redisConnectionOptions(redisUrl, behaviour) };
}

/** Retry and retention of every alert job: attempts and base delay from config, jittered exponential. */
export function alertJobOptions(jobId: string, retry: { attempts: number; backoffMs: number }) {
  return {
    jobId,
    attempts: retry.attempts,
    backoff: { type: JITTERED_BACKOFF, delay: retry.backoffMs },
    // Completed jobs stay for days: their ids keep de-duplicating redelivered Kafka messages.
    removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
    removeOnFail: { age: KEEP_FAILED_SECONDS },
  };
}
