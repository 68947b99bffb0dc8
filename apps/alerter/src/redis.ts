import type { RedisOptions } from 'ioredis';

/** REDIS_URL → ioredis options (BullMQ takes options, and duplicates connections per worker). */
export function redisOptionsFromUrl(url: string, extra: RedisOptions = {}): RedisOptions {
  const u = new URL(url);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : undefined;
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers need blocking commands that never give up; BullMQ requires null here.
    maxRetriesPerRequest: null,
    retryStrategy: redisRetryStrategy,
    ...extra,
  };
}

/**
 * Reconnect delay for every alerter connection: capped at 1 s, so the alerter is back within about
 * a second of Redis returning (ioredis' usual growing backoff left it ~17 s behind, issue 9).
 */
export function redisRetryStrategy(times: number): number {
  return Math.min(100 + times * 200, 1000);
}
