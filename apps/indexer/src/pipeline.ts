import type { Client } from '@elastic/elasticsearch';
import { Module, type DynamicModule } from '@nestjs/common';
import type { Names, TopicKey } from '@marsad/contracts';
import type { IndexerConfig } from '@marsad/config';
import { type BatchHandler, type ConsumerRunner, retryUntil, topicMaxMessageBytes } from '@marsad/messaging';
import { normalizeForSearch } from '@marsad/nlp';
import { BulkWriter, createEsClient, ensureArticlesTemplate, esHealthIndicator } from '@marsad/search';
import { errorFields, type HealthIndicator, type PipelineMetrics } from '@marsad/observability';
import type { ServiceHost, ServiceWiring } from '@marsad/host';
import { createIndexHandler } from './index-handler';
import { INDEX_HANDLER, IndexConsumer } from './index.consumer';

/** Sets marsad_last_indexed_timestamp_seconds after each bulk that indexed at least one article. */
function lastIndexed(metrics: PipelineMetrics, handler: BatchHandler): BatchHandler {
  return async (messages, ctx) => {
    const res = await handler(messages, ctx);
    if ((res?.dlq?.length ?? 0) < messages.length) metrics.lastIndexedTimestamp.set(Date.now() / 1000);
    return res;
  };
}

@Module({})
class IndexerModule {}

/**
 * The indexer's wiring on the service host: Elasticsearch client and index template, the consumer of
 * `marsad.articles.enriched` served by IndexConsumer (@EventPattern('articlesEnriched')) → bulk into
 * `<ns>-marsad-articles-YYYY.MM` (alias `<ns>-marsad-articles`) / DLQ.
 */
export class IndexerPipeline implements ServiceWiring {
  readonly names: Names;
  readonly es: Client;
  readonly runner: ConsumerRunner;
  /** The stage's batch handler, served by IndexConsumer. */
  readonly handler: BatchHandler;
  readonly module: DynamicModule;
  readonly kafkaTopics: TopicKey[] = ['articlesEnriched', 'articlesDlq'];
  readonly health: HealthIndicator[];
  readonly startupFields: Record<string, unknown>;
  private templateReady = false;

  constructor(private readonly host: ServiceHost<IndexerConfig>) {
    const { config: cfg, names: n, logger, metrics } = host;
    this.names = n;
    this.es = createEsClient(cfg.ELASTICSEARCH_URL, { requestTimeout: 30_000, maxRetries: 1 });
    this.health = [esHealthIndicator(this.es)];
    this.runner = host.consumer({
      topic: 'articlesEnriched',
      stage: 'index',
      maxBatchSize: cfg.MARSAD_INDEX_BATCH_SIZE,
      // Every partition of a default (3-partition) topic at once: kafkajs fetches again only when all
      // batches of the last fetch are done, so with 2 workers the third partition's bulk waited for a
      // whole bulk round, adding a bulk's duration to publish → searchable (ADR 0013, fifth session).
      partitionsConsumedConcurrently: 3,
      // Fetches of half MARSAD_INDEX_BATCH_BYTES per partition, two partitions at once: the enriched
      // topic is lz4 (~3× smaller on the wire), so one fetch still decodes to more than a bulk slice;
      // a full MARSAD_INDEX_BATCH_BYTES per partition held ~100 MB of decoded batches (ADR 0021;
      // 16/64 MiB fetches had held the indexer over 350 MB RSS). A larger single message still comes
      // (the broker returns at least one record).
      consumer: { maxBytesPerPartition: Math.ceil(cfg.MARSAD_INDEX_BATCH_BYTES / 2), maxBytes: cfg.MARSAD_INDEX_BATCH_BYTES },
    });
    this.handler = lastIndexed(
      metrics,
      createIndexHandler({
        names: n,
        writer: new BulkWriter(this.es, { maxRequestBytes: cfg.MARSAD_INDEX_BATCH_BYTES }),
        normalize: normalizeForSearch,
        maxMessageBytes: topicMaxMessageBytes(cfg.MARSAD_MAX_BODY_BYTES),
        sliceBytes: cfg.MARSAD_INDEX_BATCH_BYTES,
        logger,
      }),
    );
    this.module = {
      module: IndexerModule,
      controllers: [IndexConsumer],
      providers: [{ provide: INDEX_HANDLER, useValue: this.handler }],
    };
    this.startupFields = { batchSize: cfg.MARSAD_INDEX_BATCH_SIZE };
  }

  /** Consume only once the index template is in place (retrying while Elasticsearch is away). */
  async start(signal: AbortSignal): Promise<void> {
    const { logger, names } = this.host;
    await retryUntil(
      async () => {
        const r = await ensureArticlesTemplate(this.es, names, { replicas: this.host.config.MARSAD_INDEX_REPLICAS });
        if (r.mappingConflicts.length) logger.warn('mapping conflicts on existing indices', { conflicts: r.mappingConflicts });
        this.templateReady = true;
        logger.info('articles index template ensured', { template: names.articlesTemplate, alias: names.articlesAlias });
      },
      {
        signal,
        onError: (err, attempt) => logger.warn('cannot ensure the index template yet; retrying', { attempt, ...errorFields(err) }),
      },
    );
  }

  status() {
    return { consumer: this.runner.status(), templateReady: this.templateReady, alias: this.names.articlesAlias };
  }

  async close(): Promise<void> {
    await this.es.close().catch(() => undefined);
  }
}
