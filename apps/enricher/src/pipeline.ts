import Redis from 'ioredis';
import { KbChangeSchema, names as namesFor, type KbChange } from '@marsad/contracts';
import type { EnricherConfig } from '@marsad/config';
import type { Kafka } from 'kafkajs';
import {
  type BatchHandler,
  CompactedTopicView,
  ConsumerControl,
  ConsumerRunner,
  DlqWriter,
  ENVELOPE_BYTES,
  KafkaHealthIndicator,
  Publisher,
  compressionType,
  createKafka,
  topicMaxMessageBytes,
  ensureTopicsWhenReachable,
} from '@marsad/messaging';
import { Enricher, InMemoryDedupStore, NearDuplicateIndex } from '@marsad/nlp';
import { loadKnowledgeBase, type KnowledgeBase } from '@marsad/kb';
import { errorFields, type HealthRegistry, type Logger, type PipelineMetrics } from '@marsad/observability';
import { createEnrichHandler } from './enrich-handler';
import { ENRICH_HANDLER, EnrichConsumer } from './enrich.consumer';
import { KafkaConsumerTransport, bindRunners } from '@marsad/messaging/nest';
import type { PipelineNest } from '@marsad/host';
import { RedisDedupStore, dedupPrefix } from './redis-dedup.store';
import { redisHealthIndicator } from './redis.health';
import { redisConnectionOptions } from '@marsad/config';

/**
 * The enricher's moving parts, transport-level and Nest-free: KB (+ live `marsad.kb` view),
 * Enricher, near-duplicate index (Redis/memory/off), publisher, DLQ writer, consumer runner.
 */
export class EnricherPipeline {
  readonly names;
  readonly kb: KnowledgeBase;
  readonly runner: ConsumerRunner;
  readonly kbView: CompactedTopicView<KbChange>;
  readonly control: ConsumerControl;
  /** The stage's batch handler, served by EnrichConsumer (@EventPattern('articlesRaw')). */
  readonly handler: BatchHandler;
  private readonly publisher: Publisher;
  private readonly kafkaHealth: KafkaHealthIndicator;
  private readonly redis?: Redis;
  private readonly kafka: Kafka;
  private readonly abort = new AbortController();
  private started?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly cfg: EnricherConfig,
    private readonly logger: Logger,
    metrics: PipelineMetrics,
    health: HealthRegistry,
  ) {
    this.names = namesFor(cfg.MARSAD_NAMESPACE);
    const n = this.names;
    const kafka = createKafka({
      brokers: cfg.KAFKA_BROKERS,
      clientId: 'marsad-enricher',
      logger,
      unregisterCodecs: cfg.MARSAD_TEST_UNREGISTER_CODEC,
    });
    this.kafka = kafka;
    this.kb = loadKnowledgeBase();
    const engine = new Enricher(this.kb);

    let dedup: NearDuplicateIndex | undefined;
    if (cfg.MARSAD_DEDUP === 'redis') {
      this.redis = new Redis(
        redisConnectionOptions(cfg.REDIS_URL, {
          maxRetriesPerRequest: 1,
          connectTimeout: 3000,
          retryStrategy: (times: number) => Math.min(times * 250, 5000),
          lazyConnect: false,
        }),
      );
      let lastLog = 0;
      this.redis.on('error', (err) => {
        if (Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          logger.warn('redis connection error', errorFields(err));
        }
      });
      dedup = new NearDuplicateIndex(new RedisDedupStore(this.redis, { prefix: dedupPrefix(cfg.MARSAD_NAMESPACE) }));
      health.add(redisHealthIndicator(this.redis));
    } else if (cfg.MARSAD_DEDUP === 'memory') {
      dedup = new NearDuplicateIndex(new InMemoryDedupStore());
    }

    this.kafkaHealth = new KafkaHealthIndicator(kafka, [n.topic('articlesRaw'), n.topic('articlesEnriched'), n.topic('articlesDlq')]);
    health.add(this.kafkaHealth);

    const topicMax = topicMaxMessageBytes(cfg.MARSAD_MAX_BODY_BYTES);
    this.publisher = new Publisher(kafka, { logger, metrics, compression: compressionType(cfg.MARSAD_KAFKA_COMPRESSION) });
    const dlq = new DlqWriter(this.publisher, n.topic('articlesDlq'), { logger, metrics, maxRecordBytes: topicMax - 64 * 1024 });
    this.control = new ConsumerControl({
      kafka,
      topic: n.topic('control'),
      groupIdPrefix: n.consumerGroup('enricher-control'),
      publisher: this.publisher,
      logger,
      metrics,
    });
    this.runner = new ConsumerRunner({
      kafka,
      control: this.control,
      groupId: n.consumerGroup('enricher'),
      topics: [n.topic('articlesRaw')],
      stage: 'enrich',
      dlq,
      logger,
      metrics,
      maxBatchSize: 100,
      maxBatchBytes: cfg.MARSAD_ENRICH_BATCH_BYTES,
      partitionsConsumedConcurrently: 2,
      consumer: { maxBytesPerPartition: 8 * 1024 * 1024 },
    });
    this.handler = createEnrichHandler({
      names: n,
      engine,
      dedup,
      publisher: this.publisher,
      maxBodyBytes: cfg.MARSAD_MAX_BODY_BYTES,
      maxOutputBytes: topicMax - 64 * 1024,
      // JSON escaping can double a body (quotes, newlines): refuse before parsing only beyond that.
      envelopeBytes: ENVELOPE_BYTES + cfg.MARSAD_MAX_BODY_BYTES,
      logger,
      warmUpActors: this.kb.actors(),
    });
    health.add(this.runner.healthIndicator());

    // Operators' KB edits (compacted `marsad.kb`), applied at run time to every replica.
    this.kbView = new CompactedTopicView<KbChange>({
      kafka,
      topic: n.topic('kb'),
      groupIdPrefix: n.consumerGroup('enricher-kb'),
      schema: KbChangeSchema,
      logger,
      metrics,
    });
    this.kbView.onChange(({ key, value }) => {
      try {
        this.kb.applyChange(key, value ?? null);
        logger.info('knowledge base updated from marsad.kb', { actorId: key, removed: value === undefined });
      } catch (err) {
        logger.warn('could not apply KB change', { actorId: key, ...errorFields(err) });
      }
    });
  }

  /**
   * Background start (never blocks the HTTP server, retries while Kafka is away): ensure the topics
   * (idempotent), follow `marsad.kb` and wait until caught up (so articles see operators' edits;
   * at most 30 s), then consume.
   */
  start(): Promise<void> {
    this.started ??= (async () => {
      await ensureTopicsWhenReachable(this.kafka, this.names, this.cfg, { logger: this.logger, signal: this.abort.signal });
      if (this.stopped) return;
      void this.kbView.start();
      void this.control.start();
      await Promise.race([this.kbView.ready(), new Promise((r) => setTimeout(r, 30_000).unref())]);
      if (this.stopped) return;
      await this.runner.start();
    })().catch((err) => this.logger.error('enricher pipeline failed to start', errorFields(err)));
    return this.started;
  }

  /** Nest microservice wiring: the consumer controller, its handler, the transport bound to the runner. */
  nest(): PipelineNest {
    return {
      controllers: [EnrichConsumer],
      providers: [{ provide: ENRICH_HANDLER, useValue: this.handler }],
      strategy: new KafkaConsumerTransport(bindRunners(this.names, [this.runner])),
    };
  }

  status() {
    return {
      consumer: this.runner.status(),
      kb: { actors: this.kb.actors().length, viewCaughtUp: this.kbView.caughtUp, operatorEdits: this.kbView.size },
      dedup: this.cfg.MARSAD_DEDUP,
    };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.abort.abort();
    await this.runner.stop();
    await this.control.stop();
    await this.kbView.stop();
    await this.publisher.disconnect().catch(() => undefined);
    await this.kafkaHealth.close();
    this.redis?.disconnect();
  }
}
