import { loadIndexerConfig, mergeEnv, type IndexerConfig } from '@marsad/config';
import { startService, type BootstrapOptions, type RunningService } from '@marsad/host';
import { IndexerPipeline } from './pipeline';

export type { BootstrapOptions };
export type RunningIndexer = RunningService<IndexerConfig> & { pipeline: IndexerPipeline };

/**
 * Starts the indexer on the service host: config (throws ConfigError naming the variable), index
 * template, consumer of `marsad.articles.enriched` → bulk into `<ns>-marsad-articles-YYYY.MM`, HTTP
 * /health/live, /health/ready (Kafka, consumer, Elasticsearch), /metrics, /status (default port 8082).
 */
export async function bootstrapIndexer(env: Record<string, string | undefined> = {}, opts: BootstrapOptions = {}): Promise<RunningIndexer> {
  let pipeline!: IndexerPipeline;
  const running = await startService('indexer', loadIndexerConfig(mergeEnv(env)), opts, (host) => (pipeline = new IndexerPipeline(host)));
  return { ...running, pipeline };
}
