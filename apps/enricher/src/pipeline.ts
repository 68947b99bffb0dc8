import Redis from 'ioredis';
import { Module, type DynamicModule } from '@nestjs/common';
import { KbChangeSchema, type KbChange, type Names, type TopicKey } from '@marsad/contracts';
import { redisConnectionOptions, type EnricherConfig } from '@marsad/config';
import {
  type BatchHandler,
  type CompactedTopicView,
  type ConsumerRunner,
  ENVELOPE_BYTES,
  sleep,
  topicMaxMessageBytes,
} from '@marsad/messaging';
import { Enricher, InMemoryDedupStore, NearDuplicateIndex } from '@marsad/nlp';
import { loadKnowledgeBase, type KnowledgeBase } from '@marsad/kb';
import { errorFields, type HealthIndicator } from '@marsad/observability';
import type { ServiceHost, ServiceWiring } from '@marsad/host';
import { createEnrichHandler } from './enrich-handler';
import { ENRICH_HANDLER, EnrichConsumer } from './enrich.consumer';
import { RedisDedupStore, dedupPrefix } from './redis-dedup.store';
import { redisHealthIndicator } from './redis.health';

@Module({})
class EnricherModule {}

/**
 * The enricher's wiring on the service host: KB (+ live `marsad.kb` view), Enricher, near-duplicate
 * index (Redis/memory/off), the consumer of `marsad.articles.raw` served by EnrichConsumer
 * (@EventPattern('articlesRaw')) → `marsad.articles.enriched` / DLQ.
 */
export class EnricherPipeline implements ServiceWiring {
  readonly names: Names;
  readonly kb: KnowledgeBase;
  readonly runner: ConsumerRunner;
  readonly kbView: CompactedTopicView<KbChange>;
  /** The stage's batch handler, served by EnrichConsumer. */
  readonly handler: BatchHandler;
  readonly module: DynamicModule;
  readonly kafkaTopics: TopicKey[] = ['articlesRaw', 'articlesEnriched', 'articlesDlq'];
  readonly health: HealthIndicator[] = [];
  readonly startupFields: Record<string, unknown>;
  private readonly redis?: Redis;

  constructor(private readonly host: ServiceHost<EnricherConfig>) {
    const { config: cfg, names: n, logger } = host;
    this.names = n;
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
      this.health.push(redisHealthIndicator(this.redis));
    } else if (cfg.MARSAD_DEDUP === 'memory') {
      dedup = new NearDuplicateIndex(new InMemoryDedupStore());
    }

    const topicMax = topicMaxMessageBytes(cfg.MARSAD_MAX_BODY_BYTES);
    this.runner = host.consumer({
      topic: 'articlesRaw',
      stage: 'enrich',
      maxBatchSize: 100,
      maxBatchBytes: cfg.MARSAD_ENRICH_BATCH_BYTES,
      partitionsConsumedConcurrently: 2,
      // Two chunks' worth per partition fetch, two partitions at once: enough to keep enriching while
      // the next fetch comes; 8 MiB fetches (and their decoded copies) kept ~40 MB more alive (ADR 0021).
      consumer: { maxBytesPerPartition: 2 * cfg.MARSAD_ENRICH_BATCH_BYTES, maxBytes: 4 * cfg.MARSAD_ENRICH_BATCH_BYTES },
    });
    this.handler = createEnrichHandler({
      names: n,
      engine,
      dedup,
      publisher: host.publisher,
      maxBodyBytes: cfg.MARSAD_MAX_BODY_BYTES,
      maxOutputBytes: topicMax - 64 * 1024,
      // JSON escaping can double a body (quotes, newlines): refuse before parsing only beyond that.
      envelopeBytes: ENVELOPE_BYTES + cfg.MARSAD_MAX_BODY_BYTES,
      logger,
      warmUpActors: this.kb.actors(),
    });
    this.module = {
      module: EnricherModule,
      controllers: [EnrichConsumer],
      providers: [{ provide: ENRICH_HANDLER, useValue: this.handler }],
    };

    // Operators' KB edits (compacted `marsad.kb`), applied at run time to every replica.
    this.kbView = host.view('kb', KbChangeSchema);
    this.kbView.onChange(({ key, value }) => {
      try {
        this.kb.applyChange(key, value ?? null);
        logger.info('knowledge base updated from marsad.kb', { actorId: key, removed: value === undefined });
      } catch (err) {
        logger.warn('could not apply KB change', { actorId: key, ...errorFields(err) });
      }
    });
    this.startupFields = { dedup: cfg.MARSAD_DEDUP, maxBodyBytes: cfg.MARSAD_MAX_BODY_BYTES };
  }

  /** Consume only once `marsad.kb` has caught up (so articles see operators' edits), waiting at most 30 s. */
  async start(signal: AbortSignal): Promise<void> {
    await Promise.race([this.kbView.ready(), sleep(30_000, signal)]);
  }

  status() {
    return {
      consumer: this.runner.status(),
      kb: { actors: this.kb.actors().length, viewCaughtUp: this.kbView.caughtUp, operatorEdits: this.kbView.size },
      dedup: this.host.config.MARSAD_DEDUP,
    };
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }
}
