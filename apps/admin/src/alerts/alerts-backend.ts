import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { Queue } from 'bullmq';
import { ADMIN_CTX, type AdminContext } from '../context';

/** BullMQ connection options from REDIS_URL (fail fast: an API call must not hang on Redis). */
export function queueConnection(redisUrl: string) {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) || 0 } : {}),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  };
}

/**
 * The admin's handles on the alerting state: the BullMQ queue `alerts` (same prefix as the
 * alerter) and the Elasticsearch delivery log `marsad-alerts`. Created on first use, closed with
 * the app, so the admin still starts (and answers everything else) while Redis or ES is away.
 */
@Injectable()
export class AlertsBackend implements OnApplicationShutdown {
  private q?: Queue;
  private client?: Client;

  constructor(@Inject(ADMIN_CTX) readonly ctx: AdminContext) {}

  get index(): string {
    return this.ctx.names.alertsIndex;
  }

  queue(): Queue {
    if (!this.q) {
      this.q = new Queue('alerts', { prefix: this.ctx.names.queuePrefix, connection: queueConnection(this.ctx.config.REDIS_URL) });
      this.q.on('error', () => undefined);
    }
    return this.q;
  }

  es(): Client {
    this.client ??= new Client({ node: this.ctx.config.ELASTICSEARCH_URL, requestTimeout: 5000, maxRetries: 1 });
    return this.client;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.q?.close().catch(() => undefined);
    await this.client?.close().catch(() => undefined);
  }
}

/** Bounds a call to Redis or Elasticsearch so an API request answers 503 instead of hanging. */
export async function bounded<T>(p: Promise<T>, what: string, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`${what} did not answer within ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
