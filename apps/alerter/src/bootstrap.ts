import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module, type INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Client } from '@elastic/elasticsearch';
import nodemailer from 'nodemailer';
import Redis from 'ioredis';
import { Counter, Histogram } from 'prom-client';
import { loadAlerterConfig, mergeEnv, redisConnectionOptions } from '@marsad/config';
import { WatchSchema, names as namesFor, type Watch } from '@marsad/contracts';
import { ALERTS_QUEUE, UrlGuard, WatchMatcher } from '@marsad/alerts';
import {
  CompactedTopicView,
  ConsumerControl,
  ConsumerRunner,
  DlqWriter,
  KafkaHealthIndicator,
  Publisher,
  compressionType,
  createKafka,
  ensureTopicsWhenReachable,
} from '@marsad/messaging';
import { errorFields, type PipelineMetrics } from '@marsad/observability';
import { NestJsonLogger, listen, serviceRuntime } from '@marsad/host';
import { AlerterModule } from './alerter.module';
import { type AlertMetrics, type AlerterContext } from './context';
import { AlertLog } from './alert-log';
import { alertIntakeHandler } from './intake';
import { ALERT_INTAKE, AlertIntakeConsumer, type AlertIntake } from './intake.consumer';
import { KafkaConsumerTransport, bindRunners } from '@marsad/messaging/nest';
import { redisRetryStrategy } from './redis';

export interface AlerterHandle {
  app: INestApplication;
  port: number;
  /** Resolves when the watches view has caught up and the Kafka consumer joined its group. */
  ready(): Promise<void>;
  ctx: AlerterContext;
  queue: Queue;
  close(): Promise<void>;
}

/** Root of the alerter's Nest app: AlerterModule (queue, worker, HTTP) plus the Kafka intake controller. */
@Module({})
class AlerterHostModule {}

export interface BootstrapOptions {
  logFile?: string;
  port?: number;
}

function alertMetrics(metrics: PipelineMetrics): AlertMetrics {
  const registers = [metrics.registry];
  return {
    enqueued: new Counter({
      name: 'marsad_alerts_enqueued_total',
      help: 'Alert jobs enqueued (kind=alert|send)',
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
 * Starts the alerter: watches view (marsad.watches), Kafka intake (marsad.articles.enriched →
 * BullMQ `alerts`), the BullMQ worker (decide/render + webhook/e-mail sends), and the HTTP
 * surface (/health/live, /health/ready, /metrics). Usable in-process (tests: port 0, own
 * MARSAD_NAMESPACE) and from main.ts.
 */
export async function bootstrapAlerter(env?: Record<string, string | undefined>, opts: BootstrapOptions = {}): Promise<AlerterHandle> {
  // `env` overrides process.env (tests pass MARSAD_NAMESPACE, PORT...); undefined deletes a variable.
  const config = loadAlerterConfig(mergeEnv(env));
  const runtime = serviceRuntime('alerter', config.LOG_LEVEL, opts.logFile);
  const { logger, metrics, health } = runtime;
  const names = namesFor(config.MARSAD_NAMESPACE);
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: 'marsad-alerter',
    logger,
    unregisterCodecs: config.MARSAD_TEST_UNREGISTER_CODEC,
  });
  const es = new Client({ node: config.ELASTICSEARCH_URL, requestTimeout: 5000, maxRetries: 1 });
  const am = alertMetrics(metrics);
  const watches = new CompactedTopicView<Watch>({
    kafka,
    topic: names.topic('watches'),
    groupIdPrefix: names.consumerGroup('alerter-watches'),
    schema: WatchSchema as never,
    logger,
    metrics,
  });
  const matcher = new WatchMatcher();
  watches.onChange((c) => {
    if (c.value) matcher.upsert(c.value);
    else matcher.remove(c.key);
    if (matcher.rejected.has(c.key)) logger.warn('watch ignored: invalid query', { watchId: c.key, reason: matcher.rejected.get(c.key) });
  });
  // Fails fast while Redis is down (the job then fails and BullMQ retries it later).
  const redis = new Redis(
    redisConnectionOptions(config.REDIS_URL, { maxRetriesPerRequest: 2, connectTimeout: 3000, retryStrategy: redisRetryStrategy }),
  );
  redis.on('error', (err) => logger.debug('redis connection error', errorFields(err)));
  let mailer: AlerterContext['mailer'];
  if (config.SMTP_URL) mailer = nodemailer.createTransport(config.SMTP_URL);
  const ctx: AlerterContext = {
    config,
    names,
    logger,
    metrics,
    alertMetrics: am,
    health,
    kafka,
    es,
    watches,
    matcher,
    guard: new UrlGuard({ allowCidrs: config.MARSAD_WEBHOOK_ALLOW_CIDRS }),
    alertLog: new AlertLog(es, names.alertsIndex, logger, () => am.logErrors.inc()),
    mailer,
    redis,
    mailFrom: config.MARSAD_MAIL_FROM,
  };

  const intake: AlertIntake = {};
  const app = await NestFactory.create(
    {
      module: AlerterHostModule,
      imports: [AlerterModule.forRoot(ctx)],
      controllers: [AlertIntakeConsumer],
      providers: [{ provide: ALERT_INTAKE, useValue: intake }],
    },
    { logger: new NestJsonLogger(logger), abortOnError: false },
  );
  await app.init();
  const queue = app.get<Queue>(getQueueToken(ALERTS_QUEUE));
  intake.handle = alertIntakeHandler(ctx, queue);

  const publisher = new Publisher(kafka, { logger, metrics, compression: compressionType(config.MARSAD_KAFKA_COMPRESSION) });
  const dlq = new DlqWriter(publisher, names.topic('articlesDlq'), { logger, metrics });
  const control = new ConsumerControl({
    kafka,
    topic: names.topic('control'),
    groupIdPrefix: names.consumerGroup('alerter-control'),
    publisher,
    logger,
    metrics,
  });
  const runner = new ConsumerRunner({
    kafka,
    control,
    groupId: names.consumerGroup('alerter'),
    topics: [names.topic('articlesEnriched')],
    stage: 'alert',
    dlq,
    logger,
    metrics,
    maxBatchSize: 200,
    // Enqueues fail fast while Redis is down: short pauses, so intake resumes within ~2 s of its return.
    pause: { initialMs: 500, maxMs: 2000 },
  });

  // The Kafka intake as a Nest microservice handler (AlertIntakeConsumer, @EventPattern('articlesEnriched')).
  app.connectMicroservice({ strategy: new KafkaConsumerTransport(bindRunners(names, [runner])) }, { inheritAppConfig: true });
  await app.startAllMicroservices();

  const kafkaHealth = new KafkaHealthIndicator(kafka, [names.topic('articlesEnriched'), names.topic('watches')]);
  health
    .add(kafkaHealth)
    .add(runner.healthIndicator())
    .add({
      name: 'redis',
      check: async () => {
        const pong = await redis.ping();
        if (pong !== 'PONG') throw new Error(`unexpected answer ${pong}`);
      },
    })
    .add({
      name: 'queue',
      check: async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        if (counts.waiting === undefined) throw new Error('no job counts');
      },
    })
    .add({
      name: 'watches',
      check: async () => {
        if (!watches.caughtUp) throw new Error('still replaying marsad.watches');
      },
    });

  // Background start (never blocks the HTTP server; retries while Kafka is away): ensure the
  // topics exist (idempotent, same specs as every service), then follow watches and consume.
  const abort = new AbortController();
  const started = (async () => {
    await ensureTopicsWhenReachable(kafka, names, config, { logger, signal: abort.signal });
    if (abort.signal.aborted) return;
    void watches.start();
    void control.start();
    void runner.start();
  })();
  void ctx.alertLog.ensureIndex().catch((err) => logger.warn('alerts index not ready yet (will retry on first write)', errorFields(err)));

  const host = config.HOST;
  const port = await listen(app, opts.port ?? config.PORT, host);
  logger.info('alerter started', {
    port,
    host,
    namespace: config.MARSAD_NAMESPACE ?? null,
    queuePrefix: names.queuePrefix,
    consumerGroup: names.consumerGroup('alerter'),
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info('alerter shutting down');
      abort.abort();
      await started.catch(() => undefined);
      await runner.stop(); // stop taking new articles first
      await control.stop();
      await app.close(); // closes the worker (waits for running jobs) and the queue
      await watches.stop();
      await kafkaHealth.close();
      await publisher.disconnect().catch(() => undefined);
      await es.close().catch(() => undefined);
      mailer?.close();
      redis.disconnect();
      logger.info('alerter stopped');
      await runtime.close();
    })());

  return {
    app,
    port,
    ctx,
    queue,
    ready: async () => {
      await watches.ready();
      await runner.joined;
    },
    close,
  };
}
