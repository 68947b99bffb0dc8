import type { RedisOptions } from 'ioredis';
import { alertsQueueOptions } from '@marsad/alerts';

/**
 * The alerter's BullMQ connection: the alerts queue's worker options (libs/alerts, one definition
 * for alerter and admin) with the alerter's short reconnect delay.
 */
export function alerterQueueOptions(queuePrefix: string, redisUrl: string) {
  const base = alertsQueueOptions(queuePrefix, redisUrl, 'worker');
  return { ...base, connection: { ...base.connection, retryStrategy: redisRetryStrategy } as RedisOptions };
}

/**
 * Reconnect delay for every alerter connection: capped at 1 s, so the alerter is back within about
 * a second of Redis returning (ioredis' usual growing backoff left it ~17 s behind, issue 9).
 */
export function redisRetryStrategy(times: number): number {
  return Math.min(100 + times * 200, 1000);
}
