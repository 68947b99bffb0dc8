import { loadEnricherConfig, mergeEnv, type EnricherConfig } from '@marsad/config';
import { startService, type BootstrapOptions, type RunningService } from '@marsad/host';
import { EnricherPipeline } from './pipeline';

export type { BootstrapOptions };
export type RunningEnricher = RunningService<EnricherConfig> & { pipeline: EnricherPipeline };

/**
 * Starts the enricher on the service host: config (throws ConfigError naming the variable), KB +
 * Enricher, consumer of `marsad.articles.raw` → `marsad.articles.enriched` / DLQ, `marsad.kb` view,
 * HTTP /health/live, /health/ready, /metrics, /status (default port 8081). `env` overrides
 * process.env (tests pass MARSAD_NAMESPACE...).
 */
export async function bootstrapEnricher(
  env: Record<string, string | undefined> = {},
  opts: BootstrapOptions = {},
): Promise<RunningEnricher> {
  let pipeline!: EnricherPipeline;
  const running = await startService(
    'enricher',
    loadEnricherConfig(mergeEnv(env)),
    opts,
    (host) => (pipeline = new EnricherPipeline(host)),
  );
  return { ...running, pipeline };
}
