import type { Client } from '@elastic/elasticsearch';
import { names as namesFor } from '@marsad/contracts';
import type { IndexerConfig } from '@marsad/config';
import type { Kafka } from 'kafkajs';
import {
  type BatchHandler,
  ConsumerControl,
  ConsumerRunner,
  DlqWriter,
  KafkaHealthIndicator,
  Publisher,
  compressionType,
  createKafka,
  retryUntil,
  topicMaxMessageBytes,
  ensureTopicsWhenReachable,
} from '@marsad/messaging';
import { normalizeForSearch } from '@marsad/nlp';
import { BulkWriter, createEsClient, ensureArticlesTemplate, esHealthIndicator } from '@marsad/search';
import { errorFields, type HealthRegistry, type Logger, type PipelineMetrics } from '@marsad/observability';
import { createIndexHandler } from './index-handler';
import { INDEX_HANDLER, IndexConsumer } from './index.consumer';
import { KafkaConsumerTransport, bindRunners } from '@marsad/messaging/nest';
import type { PipelineNest } from '@marsad/host';

/** Sets marsad_last_indexed_timestamp_seconds after each bulk that indexed at least one article. */
function lastIndexed(metrics: PipelineMetrics, handler: BatchHandler): BatchHandler {
  return async (messages, ctx) => {
    const res = await handler(messages, ctx);
    if ((res?.dlq?.length ?? 0) < messages.length) metrics.lastIndexedTimestamp.set(Date.now() / 1000);
    return res;
  };
}

export class IndexerPipeline {
  readonly names;
  readonly es: Client;
  readonly runner: ConsumerRunner;
  readonly control: ConsumerControl;
  /** The stage's batch handler, served by IndexConsumer (@EventPattern('articlesEnriched')). */
  readonly handler: BatchHandler;
  private readonly publisher: Publisher;
  private readonly kafkaHealth: KafkaHealthIndicator;
  private readonly abort = new AbortController();
  private started?: Promise<void>;
  private templateReady = false;
  private readonly kafka: Kafka;

  constructor(
    private readonly cfg: IndexerConfig,
    private readonly logger: Logger,
    metrics: PipelineMetrics,
    health: HealthRegistry,
  ) {
    this.names = namesFor(cfg.MARSAD_NAMESPACE);
    const n = this.names;
    const kafka = createKafka({
      brokers: cfg.KAFKA_BROKERS,
      clientId: 'marsad-indexer',
      logger,
      unregisterCodecs: cfg.MARSAD_TEST_UNREGISTER_CODEC,
    });
    this.kafka = kafka;
    this.es = createEsClient(cfg.ELASTICSEARCH_URL, { requestTimeout: 30_000, maxRetries: 1 });
    this.kafkaHealth = new KafkaHealthIndicator(kafka, [n.topic('articlesEnriched'), n.topic('articlesDlq')]);
    health.add(this.kafkaHealth);
    health.add(esHealthIndicator(this.es));
    const topicMax = topicMaxMessageBytes(cfg.MARSAD_MAX_BODY_BYTES);
    this.publisher = new Publisher(kafka, { logger, metrics, compression: compressionType(cfg.MARSAD_KAFKA_COMPRESSION) });
    const dlq = new DlqWriter(this.publisher, n.topic('articlesDlq'), { logger, metrics, maxRecordBytes: topicMax - 64 * 1024 });
    this.control = new ConsumerControl({
      kafka,
      topic: n.topic('control'),
      groupIdPrefix: n.consumerGroup('indexer-control'),
      publisher: this.publisher,
      logger,
      metrics,
    });
    this.runner = new ConsumerRunner({
      kafka,
      control: this.control,
      groupId: n.consumerGroup('indexer'),
      topics: [n.topic('articlesEnriched')],
      stage: 'index',
      dlq,
      logger,
      metrics,
      maxBatchSize: cfg.MARSAD_INDEX_BATCH_SIZE,
      partitionsConsumedConcurrently: 2,
      // Fetches of MARSAD_INDEX_BATCH_BYTES per partition (compressed: a few times more documents
      // than one bulk's bytes), two partitions at once: enough for full chunks, and a bounded heap
      // (16/64 MiB fetches held the indexer over 350 MB RSS). A larger single message still comes
      // (the broker returns at least one record).
      consumer: { maxBytesPerPartition: cfg.MARSAD_INDEX_BATCH_BYTES, maxBytes: 2 * cfg.MARSAD_INDEX_BATCH_BYTES },
    });
    this.handler = lastIndexed(
      metrics,
      createIndexHandler({
        names: n,
        writer: new BulkWriter(this.es, { maxRequestBytes: cfg.MARSAD_INDEX_BATCH_BYTES }),
        normalize: normalizeForSearch,
        maxMessageBytes: topicMax,
        sliceBytes: cfg.MARSAD_INDEX_BATCH_BYTES,
        logger,
      }),
    );
    health.add(this.runner.healthIndicator());
  }

  /**
   * Background start (never blocks the HTTP server): ensure the topics and the index template,
   * retrying while Kafka/ES are away, then consume.
   */
  start(): Promise<void> {
    this.started ??= (async () => {
      const signal = this.abort.signal;
      await ensureTopicsWhenReachable(this.kafka, this.names, this.cfg, { logger: this.logger, signal: signal });
      await retryUntil(
        async () => {
          const r = await ensureArticlesTemplate(this.es, this.names, { replicas: this.cfg.MARSAD_INDEX_REPLICAS });
          if (r.mappingConflicts.length) this.logger.warn('mapping conflicts on existing indices', { conflicts: r.mappingConflicts });
          this.templateReady = true;
          this.logger.info('articles index template ensured', { template: this.names.articlesTemplate, alias: this.names.articlesAlias });
        },
        {
          signal,
          onError: (err, attempt) => this.logger.warn('cannot ensure the index template yet; retrying', { attempt, ...errorFields(err) }),
        },
      );
      if (signal.aborted) return;
      void this.control.start();
      await this.runner.start();
    })().catch((err) => this.logger.error('indexer pipeline failed to start', errorFields(err)));
    return this.started;
  }

  /** Nest microservice wiring: the consumer controller, its handler, the transport bound to the runner. */
  nest(): PipelineNest {
    return {
      controllers: [IndexConsumer],
      providers: [{ provide: INDEX_HANDLER, useValue: this.handler }],
      strategy: new KafkaConsumerTransport(bindRunners(this.names, [this.runner])),
    };
  }

  status() {
    return { consumer: this.runner.status(), templateReady: this.templateReady, alias: this.names.articlesAlias };
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.runner.stop();
    await this.control.stop();
    await this.publisher.disconnect().catch(() => undefined);
    await this.kafkaHealth.close();
    await this.es.close().catch(() => undefined);
  }
}
