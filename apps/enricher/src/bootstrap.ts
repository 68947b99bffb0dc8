import { loadEnricherConfig, mergeEnv } from '@marsad/config';
import { startPipelineService, type BootstrapOptions, type RunningPipelineService } from '@marsad/host';
import { EnricherPipeline } from './pipeline';

export type { BootstrapOptions };
export type RunningEnricher = RunningPipelineService<EnricherPipeline>;

/**
 * Starts the enricher: config (throws ConfigError naming the variable), KB + Enricher, consumer of
 * `marsad.articles.raw` → `marsad.articles.enriched` / DLQ, `marsad.kb` view, HTTP /health/live,
 * /health/ready, /metrics, /status (default port 8081). `env` overrides process.env (tests pass
 * MARSAD_NAMESPACE...).
 */
export async function bootstrapEnricher(
  env: Record<string, string | undefined> = {},
  opts: BootstrapOptions = {},
): Promise<RunningEnricher> {
  const cfg = loadEnricherConfig(mergeEnv(env));
  return startPipelineService('enricher', cfg, (c, logger, metrics, health) => new EnricherPipeline(c, logger, metrics, health), opts, {
    dedup: cfg.MARSAD_DEDUP,
    maxBodyBytes: cfg.MARSAD_MAX_BODY_BYTES,
  });
}
