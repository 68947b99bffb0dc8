/** ioredis connection options, structurally (libs/config stays free of the ioredis package). */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
  [option: string]: unknown;
}

/**
 * REDIS_URL → connection options: the one parser of that variable (BullMQ queues and workers take
 * options, not URLs, and duplicate connections per worker). `extra` sets client behaviour such as
 * `maxRetriesPerRequest` (BullMQ workers need null) or `enableOfflineQueue`.
 */
export function redisConnectionOptions(url: string, extra: Record<string, unknown> = {}): RedisConnectionOptions {
  const u = new URL(url);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : undefined;
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    ...extra,
  };
}
