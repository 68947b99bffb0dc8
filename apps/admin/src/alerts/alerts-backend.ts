import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { Queue } from 'bullmq';
import { ALERTS_QUEUE, alertsQueueOptions } from '@marsad/alerts';
import { ADMIN_CTX, type AdminContext } from '../context';
import { withTimeout } from '@marsad/observability';

/** BullMQ connection options from REDIS_URL (fail fast: an API call must not hang on Redis). */
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
      this.q = new Queue(ALERTS_QUEUE, alertsQueueOptions(this.ctx.names.queuePrefix, this.ctx.config.REDIS_URL, 'client'));
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
  return withTimeout(p, ms, what);
}
