import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadEnricherConfig, mergeEnv } from '@marsad/config';
import { HealthRegistry, PipelineMetrics, serviceLogger } from '@marsad/observability';
import { NestJsonLogger, PipelineAppModule } from '@marsad/observability/nest';
import { EnricherPipeline } from './pipeline';


export interface BootstrapOptions {
  /** Write JSON logs to this file instead of stdout. */
  logFile?: string;
  /** HTTP port (0 = any free port); default PORT from the config (8081). */
  port?: number;
  /**
   * Close cleanly on SIGINT/SIGTERM via Nest's enableShutdownHooks (default true). Nest re-raises
   * the signal after closing, so a host running several apps in ONE process should pass false and
   * call close() on each itself.
   */
  handleSignals?: boolean;
}

export interface RunningEnricher {
  app: INestApplication;
  port: number;
  pipeline: EnricherPipeline;
  close(): Promise<void>;
}

/**
 * Starts the enricher: config (throws ConfigError naming the variable), KB + Enricher, consumer of
 * `marsad.articles.raw` → `marsad.articles.enriched` / DLQ, `marsad.kb` view, HTTP /health/live,
 * /health/ready, /metrics, /status. `env` overrides process.env (tests pass MARSAD_NAMESPACE...).
 */
export async function bootstrapEnricher(env: Record<string, string | undefined> = {}, opts: BootstrapOptions = {}): Promise<RunningEnricher> {
  const cfg = loadEnricherConfig(mergeEnv(env));
  const { logger, close: closeLog } = serviceLogger('enricher', cfg.LOG_LEVEL, opts.logFile);
  const metrics = new PipelineMetrics('enricher');
  const health = new HealthRegistry(3000, (name, up) => metrics.dependencyUp.set({ dependency: name }, up ? 1 : 0));
  const pipeline = new EnricherPipeline(cfg, logger, metrics, health);
  const app = await NestFactory.create(PipelineAppModule.forRoot(pipeline, logger, metrics, health), { logger: new NestJsonLogger(logger), abortOnError: false });
  if (opts.handleSignals !== false) app.enableShutdownHooks();
  await app.listen(opts.port ?? cfg.PORT, cfg.HOST);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  logger.info('enricher listening', { port, namespace: cfg.MARSAD_NAMESPACE ?? null, dedup: cfg.MARSAD_DEDUP, maxBodyBytes: cfg.MARSAD_MAX_BODY_BYTES });
  let closing: Promise<void> | undefined;
  return {
    app,
    port,
    pipeline,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await closeLog();
      })()),
  };
}
