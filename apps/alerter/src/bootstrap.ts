import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Client } from '@elastic/elasticsearch';
import nodemailer from 'nodemailer';
import Redis from 'ioredis';
import { Counter, Histogram } from 'prom-client';
import { loadAlerterConfig, mergeEnv, redisConnectionOptions, type AlerterConfig } from '@marsad/config';
import { WatchSchema, type Watch } from '@marsad/contracts';
import { ALERTS_QUEUE, UrlGuard, WatchMatcher } from '@marsad/alerts';
import type { ConsumerRunner } from '@marsad/messaging';
import { errorFields, type PipelineMetrics } from '@marsad/observability';
import { startService, type BootstrapOptions, type ServiceHost, type ServiceWiring } from '@marsad/host';
import { AlerterModule } from './alerter.module';
import { type AlertMetrics, type AlerterContext } from './context';
import { AlertLog } from './alert-log';
import { alertIntakeHandler } from './intake';
import { ALERT_INTAKE, AlertIntakeConsumer, type AlertIntake } from './intake.consumer';
import { redisRetryStrategy } from './redis';

export type { BootstrapOptions };

export interface AlerterHandle {
  app: INestApplication;
  port: number;
  /** Resolves when the watches view has caught up and the Kafka consumer joined its group. */
  ready(): Promise<void>;
  ctx: AlerterContext;
  queue: Queue;
  close(): Promise<void>;
}

/** Root of the alerter's Nest app: AlerterModule (queue, worker) plus the Kafka intake controller. */
@Module({})
class AlerterHostModule {}

function alertMetrics(metrics: PipelineMetrics): AlertMetrics {
  const registers = [metrics.registry];
  return {
    enqueued: new Counter({
      name: 'marsad_alerts_enqueued_total',
      help: 'Alert jobs enqueued (kind=send|digest)',
      labelNames: ['kind'],
      registers,
    }),
    deliveries: new Counter({
      name: 'marsad_alert_deliveries_total',
      help: 'Alert delivery attempts by channel and outcome',
      labelNames: ['channel', 'status'],
      registers,
    }),
    deliveryLatency: new Histogram({
      name: 'marsad_alert_delivery_latency_seconds',
      help: 'From article publishedAt (else fetchedAt) to successful delivery',
      labelNames: ['channel'],
      buckets: [1, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600, 86400],
      registers,
    }),
    suppressed: new Counter({
      name: 'marsad_alerts_suppressed_total',
      help: 'Alerts not sent (duplicate story, throttled)',
      labelNames: ['reason'],
      registers,
    }),
    logErrors: new Counter({ name: 'marsad_alert_log_errors_total', help: 'Delivery log writes to Elasticsearch that failed', registers }),
  };
}

/**
 * Starts the alerter on the service host: watches view (marsad.watches), Kafka intake
 * (marsad.articles.enriched → match, decide → BullMQ `alerts`), the BullMQ worker (webhook/e-mail
 * sends, digest windows), and the HTTP surface (/health/live, /health/ready, /metrics). Usable in-process (tests:
 * port 0, own MARSAD_NAMESPACE) and from main.ts. `env` overrides process.env; undefined deletes a variable.
 */
export async function bootstrapAlerter(env?: Record<string, string | undefined>, opts: BootstrapOptions = {}): Promise<AlerterHandle> {
  let alerter!: AlerterWiring;
  const running = await startService('alerter', loadAlerterConfig(mergeEnv(env)), opts, (host) => (alerter = new AlerterWiring(host)));
  const { ctx, runner, queue } = alerter;
  return {
    app: running.app,
    port: running.port,
    ctx,
    queue,
    ready: async () => {
      await ctx.watches.ready();
      await runner.joined;
    },
    close: running.close,
  };
}

/** The alerter's parts: Elasticsearch (delivery log), Redis (alert state), mail, the watch matcher, the intake consumer. */
class AlerterWiring implements ServiceWiring {
  readonly ctx: AlerterContext;
  readonly runner: ConsumerRunner;
  queue!: Queue;
  readonly kafkaTopics = ['articlesEnriched', 'watches'] as const;
  private readonly intake: AlertIntake = {};

  constructor(host: ServiceHost<AlerterConfig>) {
    const { config, names, logger, metrics } = host;
    const es = new Client({ node: config.ELASTICSEARCH_URL, requestTimeout: 5000, maxRetries: 1 });
    const am = alertMetrics(metrics);
    const watches = host.view<Watch>('watches', WatchSchema as never, { readiness: true });
    const matcher = new WatchMatcher();
    watches.onChange((c) => {
      if (c.value) matcher.upsert(c.value);
      else matcher.remove(c.key);
      if (matcher.rejected.has(c.key)) logger.warn('watch ignored: invalid query', { watchId: c.key, reason: matcher.rejected.get(c.key) });
    });
    // Fails fast while Redis is down (the intake does not commit; a digest job fails and BullMQ
    // retries it later). Auto-pipelining: the intake decides a chunk's alerts concurrently, and the
    // commands of one tick go out as one pipeline (ADR 0020).
    const redis = new Redis(
      redisConnectionOptions(config.REDIS_URL, {
        maxRetriesPerRequest: 2,
        connectTimeout: 3000,
        retryStrategy: redisRetryStrategy,
        enableAutoPipelining: true,
      }),
    );
    redis.on('error', (err) => logger.debug('redis connection error', errorFields(err)));
    this.ctx = {
      config,
      names,
      logger,
      metrics,
      alertMetrics: am,
      health: host.health,
      kafka: host.kafka,
      es,
      watches,
      matcher,
      guard: new UrlGuard({ allowCidrs: config.MARSAD_WEBHOOK_ALLOW_CIDRS }),
      alertLog: new AlertLog(es, names.alertsIndex, logger, () => am.logErrors.inc()),
      mailer: config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : undefined,
      redis,
      mailFrom: config.MARSAD_MAIL_FROM,
    };
    this.runner = host.consumer({
      topic: 'articlesEnriched',
      stage: 'alert',
      maxBatchSize: 200,
      // Enqueues fail fast while Redis is down: short pauses, so intake resumes within ~2 s of its return.
      pause: { initialMs: 500, maxMs: 2000 },
    });
  }

  get module() {
    return {
      module: AlerterHostModule,
      imports: [AlerterModule.forRoot(this.ctx)],
      controllers: [AlertIntakeConsumer], // @EventPattern('articlesEnriched')
      providers: [{ provide: ALERT_INTAKE, useValue: this.intake }],
    };
  }

  get health() {
    const { redis } = this.ctx;
    return [
      {
        name: 'redis',
        check: async () => {
          const pong = await redis.ping();
          if (pong !== 'PONG') throw new Error(`unexpected answer ${pong}`);
        },
      },
      {
        name: 'queue',
        check: async () => {
          const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
          if (counts.waiting === undefined) throw new Error('no job counts');
        },
      },
    ];
  }

  get startupFields() {
    return { queuePrefix: this.ctx.names.queuePrefix };
  }

  /** The alerts queue exists once Nest built AlerterModule: the intake enqueues into it. */
  init(app: INestApplication): void {
    this.queue = app.get<Queue>(getQueueToken(ALERTS_QUEUE));
    this.intake.handle = alertIntakeHandler(this.ctx, this.queue);
    const { alertLog, logger } = this.ctx;
    void alertLog.ensureIndex().catch((err) => logger.warn('alerts index not ready yet (will retry on first write)', errorFields(err)));
  }

  async close(): Promise<void> {
    await this.ctx.es.close().catch(() => undefined);
    this.ctx.mailer?.close();
    this.ctx.redis.disconnect();
  }
}
