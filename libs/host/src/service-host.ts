import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Kafka } from 'kafkajs';
import type { ZodType } from 'zod';
import type { EnricherConfig, commonEnv } from '@marsad/config';
import { TOPIC, names as namesFor, type Names, type TopicKey } from '@marsad/contracts';
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
  topicMaxMessageBytes,
  type ConsumerRunnerOptions,
} from '@marsad/messaging';
import { KafkaConsumerTransport, bindRunners } from '@marsad/messaging/nest';
import { errorFields, type HealthIndicator, type HealthRegistry, type Logger, type PipelineMetrics } from '@marsad/observability';
import { NestJsonLogger } from './nest-logger';
import { listen, serviceRuntime } from './runtime';
import { ServiceHostModule } from './service-host.module';

export type ServiceName = 'enricher' | 'indexer' | 'alerter' | 'admin';

/** The config fields the host reads: every service's config has them (commonEnv in @marsad/config, plus PORT). */
export type HostConfig = Pick<EnricherConfig, keyof typeof commonEnv | 'PORT'>;

export interface BootstrapOptions {
  /** Write JSON logs to this file instead of stdout. */
  logFile?: string;
  /** HTTP port (0 = any free port); default PORT from the config. */
  port?: number;
  /**
   * Close cleanly (the host's order) and exit on SIGTERM/SIGINT. Default false: `main.ts` runs the
   * service through runMain, which does that; tests and tools running several services in one
   * process call close() themselves.
   */
  handleSignals?: boolean;
}

/** One Kafka consumer of the service: the runner's own options minus what the host supplies. */
export type ConsumerSpec = Omit<ConsumerRunnerOptions, 'kafka' | 'control' | 'groupId' | 'topics' | 'dlq' | 'logger' | 'metrics'> & {
  /** Logical topic key; the handler is the app's `@EventPattern(<key>)` method. */
  topic: TopicKey;
};

export interface ViewOptions {
  /** Not ready (/health/ready 503) until the view has replayed its topic; the check is named after the key. */
  readiness?: boolean;
}

/**
 * What the host builds for every service and hands to the app's wiring: the typed config (loaded
 * once, by the app's bootstrap), names, logger, metrics, health registry, Kafka client, publisher,
 * consumer control (marsad.control), and factories for consumers and compacted-topic views whose
 * start and shutdown the host then owns.
 */
export interface ServiceHost<C extends HostConfig = HostConfig> {
  readonly service: ServiceName;
  readonly config: C;
  readonly names: Names;
  readonly logger: Logger;
  readonly metrics: PipelineMetrics;
  readonly health: HealthRegistry;
  readonly kafka: Kafka;
  readonly publisher: Publisher;
  readonly control: ConsumerControl;
  /**
   * A consumer group `<ns>.marsad.<service>` on one topic, with the DLQ writer (records bounded to
   * the DLQ topic's size), wedge reports through marsad.control and a readiness check (`consumer`).
   * Its handler is the app's `@EventPattern(spec.topic)` controller method (KafkaConsumerTransport).
   */
  consumer(spec: ConsumerSpec): ConsumerRunner;
  /** In-memory view of a compacted topic (group `<ns>.marsad.<service>-<key>-<host>-<pid>-<random>`, one per replica). */
  view<T>(key: TopicKey, schema: ZodType<T, any, any>, opts?: ViewOptions): CompactedTopicView<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** What is particular to one app, returned by its wiring function. */
export interface ServiceWiring {
  /** The app's Nest module: HTTP controllers, `@EventPattern` consumer controllers, providers. */
  module: DynamicModule;
  /** Topics whose metadata the Kafka readiness check fetches (not ready before they exist). */
  kafkaTopics: readonly TopicKey[];
  /** More readiness checks, one per dependency (after `kafka`, the consumer and the views). */
  health?: HealthIndicator[];
  /** Consumer state for operators, served at GET /status. */
  status?(): unknown;
  /** Called once the Nest app exists (providers built), before the consumers and the HTTP listener start. */
  init?(app: INestApplication): void;
  /** Background start after the topics exist and the views started; the consumers start when it resolves. */
  start?(signal: AbortSignal): Promise<void>;
  /** The app's own clients (Elasticsearch, Redis, mail), closed after the drain. */
  close?(): Promise<void>;
  /** HTTP particulars: Express middleware installed before any route, the body parser (default on). */
  http?: { bodyParser?: boolean; configure?(app: INestApplication): void };
  /** OpenAPI document served at /docs (UI) and /docs-json. */
  openApi?: { title: string; description: string; bearerAuth?: string };
  /** Extra fields of the "<service> started" log line. */
  startupFields?: Record<string, unknown>;
}

export interface RunningService<C extends HostConfig = HostConfig> {
  app: INestApplication;
  port: number;
  host: ServiceHost<C>;
  /** The ordered shutdown (idempotent): stop intake, drain, close clients. */
  close(): Promise<void>;
}

/**
 * Starts a service: logger, metrics and readiness registry; Kafka client, publisher and consumer
 * control; the app's wiring (`wire`); the Nest app with /health/live, /health/ready, /metrics (and
 * /status, OpenAPI where the wiring asks); the Kafka consumers as a Nest microservice; the HTTP
 * listener; and, in the background (never blocking the listener, retrying while Kafka is away),
 * the topics, the views, the app's own start, then the consumers.
 *
 * Shutdown order (close()): 1. stop intake — abort the background start, stop the consumers (each
 * finishes and commits its chunk, then leaves its group); 2. drain — the Nest app closes (HTTP
 * server finishes in-flight requests, module hooks such as the BullMQ worker wait for running jobs);
 * 3. close clients — the app's, then views, consumer control, Kafka health admin, publisher, logger.
 */
export async function startService<C extends HostConfig>(
  service: ServiceName,
  config: C,
  opts: BootstrapOptions,
  wire: (host: ServiceHost<C>) => ServiceWiring | Promise<ServiceWiring>,
): Promise<RunningService<C>> {
  const runtime = serviceRuntime(service, config.LOG_LEVEL, opts.logFile);
  const { logger, metrics, health } = runtime;
  const names = namesFor(config.MARSAD_NAMESPACE);
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: `marsad-${service}`,
    logger,
    unregisterCodecs: config.MARSAD_TEST_UNREGISTER_CODEC,
  });
  const publisher = new Publisher(kafka, { logger, metrics, compression: compressionType(config.MARSAD_KAFKA_COMPRESSION) });
  const control = new ConsumerControl({
    kafka,
    topic: names.topic('control'),
    groupIdPrefix: names.consumerGroup(`${service}-control`),
    publisher,
    logger,
    metrics,
  });
  const runners: ConsumerRunner[] = [];
  const views: CompactedTopicView<unknown>[] = [];
  const checks: HealthIndicator[] = [];
  // DLQ records stay under the DLQ topic's max.message.bytes (the topics are sized from MARSAD_MAX_BODY_BYTES).
  const dlqMaxRecordBytes = topicMaxMessageBytes(config.MARSAD_MAX_BODY_BYTES) - 64 * 1024;

  const host: ServiceHost<C> = {
    service,
    config,
    names,
    logger,
    metrics,
    health,
    kafka,
    publisher,
    control,
    consumer: ({ topic, ...rest }) => {
      const dlq = new DlqWriter(publisher, names.topic('articlesDlq'), { logger, metrics, maxRecordBytes: dlqMaxRecordBytes });
      const runner = new ConsumerRunner({
        ...rest,
        kafka,
        control,
        groupId: names.consumerGroup(service),
        topics: [names.topic(topic)],
        dlq,
        logger,
        metrics,
      });
      runners.push(runner);
      checks.push(runner.healthIndicator());
      return runner;
    },
    view: (key, schema, viewOpts = {}) => {
      const view = new CompactedTopicView({
        kafka,
        topic: names.topic(key),
        groupIdPrefix: names.consumerGroup(`${service}-${key}`),
        schema,
        logger,
        metrics,
      });
      views.push(view as CompactedTopicView<unknown>);
      if (viewOpts.readiness) {
        checks.push({
          name: key,
          check: async () => {
            if (!view.caughtUp) throw new Error(`still replaying ${TOPIC[key]}`);
          },
        });
      }
      return view;
    },
  };

  const abort = new AbortController();
  let started: Promise<void> = Promise.resolve();
  let app: INestApplication | undefined;
  let wiring: ServiceWiring | undefined;
  let kafkaHealth: KafkaHealthIndicator | undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info(`${service} shutting down`);
      try {
        // 1. Stop intake: nothing new is taken from Kafka; each consumer commits what it finished.
        abort.abort();
        await started;
        for (const runner of runners) await runner.stop();
        // 2. Drain: the HTTP server and the app's module hooks (e.g. the BullMQ worker) finish their work.
        await app?.close();
      } finally {
        // 3. Close clients: the app's, then the host's.
        await wiring?.close?.();
        for (const view of views) await view.stop();
        await control.stop();
        await kafkaHealth?.close();
        await publisher.disconnect().catch(() => undefined);
        logger.info(`${service} stopped`);
        await runtime.close();
      }
    })());

  try {
    wiring = await wire(host);
    const w = wiring;
    kafkaHealth = new KafkaHealthIndicator(
      kafka,
      w.kafkaTopics.map((k) => names.topic(k)),
    );
    for (const check of [kafkaHealth, ...checks, ...(w.health ?? [])]) health.add(check);

    app = await NestFactory.create(ServiceHostModule.forRoot(w, metrics, health), {
      logger: new NestJsonLogger(logger),
      abortOnError: false,
      bodyParser: w.http?.bodyParser ?? true,
    });
    w.init?.(app);
    w.http?.configure?.(app);
    if (w.openApi) {
      const { title, description, bearerAuth } = w.openApi;
      const builder = new DocumentBuilder().setTitle(title).setDescription(description).setVersion('1');
      if (bearerAuth) builder.addBearerAuth({ type: 'http', scheme: 'bearer', description: bearerAuth });
      SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, builder.build()), { jsonDocumentUrl: 'docs-json' });
    }
    if (runners.length) {
      // The Kafka consumers: the app's @EventPattern handlers, bound by the transport to the runners.
      app.connectMicroservice({ strategy: new KafkaConsumerTransport(bindRunners(names, runners)) }, { inheritAppConfig: true });
      await app.startAllMicroservices();
    }

    started = (async () => {
      const signal = abort.signal;
      await ensureTopicsWhenReachable(kafka, names, config, { logger, signal });
      if (signal.aborted) return;
      for (const view of views) void view.start();
      void control.start();
      await w.start?.(signal);
      if (signal.aborted) return;
      for (const runner of runners) void runner.start();
    })().catch((err) => logger.error(`${service} failed to start`, errorFields(err)));
    void publisher
      .connect()
      .catch((err) => logger.warn('Kafka producer not connected yet (will retry on first publish)', errorFields(err)));

    const port = await listen(app, opts.port ?? config.PORT, config.HOST);
    logger.info(`${service} started`, {
      port,
      host: config.HOST,
      namespace: config.MARSAD_NAMESPACE ?? null,
      ...(runners.length ? { consumerGroup: names.consumerGroup(service) } : {}),
      ...w.startupFields,
    });
    if (opts.handleSignals) exitOnSignal(service, close);
    return { app, port, host, close };
  } catch (err) {
    // A start that failed half way (port taken, a module that cannot be built) leaves nothing open.
    await close().catch(() => undefined);
    throw err;
  }
}

/** SIGTERM/SIGINT: close in the host's order, then exit (forced after 30 s); a second signal does nothing more. */
export function exitOnSignal(service: string, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 30_000).unref();
    close().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`${service}: error during shutdown (${signal}): ${err instanceof Error ? err.stack : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
