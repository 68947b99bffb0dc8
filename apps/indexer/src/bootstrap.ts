import { loadIndexerConfig, mergeEnv } from '@marsad/config';
import { startPipelineService, type BootstrapOptions, type RunningPipelineService } from '@marsad/host';
import { IndexerPipeline } from './pipeline';

export type { BootstrapOptions };
export type RunningIndexer = RunningPipelineService<IndexerPipeline>;

/**
 * Starts the indexer: config (throws ConfigError naming the variable), index template, consumer of
 * `marsad.articles.enriched` → bulk into `<ns>-marsad-articles-YYYY.MM` (alias `<ns>-marsad-articles`),
 * HTTP /health/live, /health/ready (Kafka + Elasticsearch), /metrics, /status (default port 8082).
 */
export async function bootstrapIndexer(env: Record<string, string | undefined> = {}, opts: BootstrapOptions = {}): Promise<RunningIndexer> {
  const cfg = loadIndexerConfig(mergeEnv(env));
  return startPipelineService('indexer', cfg, (c, logger, metrics, health) => new IndexerPipeline(c, logger, metrics, health), opts, {
    batchSize: cfg.MARSAD_INDEX_BATCH_SIZE,
  });
}
