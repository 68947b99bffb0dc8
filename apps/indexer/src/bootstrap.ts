import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadIndexerConfig, mergeEnv } from '@marsad/config';
import { HealthRegistry, PipelineMetrics, serviceLogger } from '@marsad/observability';
import { NestJsonLogger, PipelineAppModule } from '@marsad/observability/nest';
import { IndexerPipeline } from './pipeline';


export interface BootstrapOptions {
  /** Write JSON logs to this file instead of stdout. */
  logFile?: string;
  /** HTTP port (0 = any free port); default PORT from the config (8082). */
  port?: number;
  /**
   * Close cleanly on SIGINT/SIGTERM via Nest's enableShutdownHooks (default true). Nest re-raises
   * the signal after closing, so a host running several apps in ONE process should pass false and
   * call close() on each itself.
   */
  handleSignals?: boolean;
}

export interface RunningIndexer {
  app: INestApplication;
  port: number;
  pipeline: IndexerPipeline;
  close(): Promise<void>;
}

/**
 * Starts the indexer: config (throws ConfigError naming the variable), index template, consumer of
 * `marsad.articles.enriched` → bulk into `<ns>-marsad-articles-YYYY.MM` (alias `<ns>-marsad-articles`),
 * HTTP /health/live, /health/ready (Kafka + Elasticsearch), /metrics, /status.
 */
export async function bootstrapIndexer(env: Record<string, string | undefined> = {}, opts: BootstrapOptions = {}): Promise<RunningIndexer> {
  const cfg = loadIndexerConfig(mergeEnv(env));
  const { logger, close: closeLog } = serviceLogger('indexer', cfg.LOG_LEVEL, opts.logFile);
  const metrics = new PipelineMetrics('indexer');
  const health = new HealthRegistry(3000, (name, up) => metrics.dependencyUp.set({ dependency: name }, up ? 1 : 0));
  const pipeline = new IndexerPipeline(cfg, logger, metrics, health);
  const app = await NestFactory.create(PipelineAppModule.forRoot(pipeline, logger, metrics, health), { logger: new NestJsonLogger(logger), abortOnError: false });
  if (opts.handleSignals !== false) app.enableShutdownHooks();
  await app.listen(opts.port ?? cfg.PORT, cfg.HOST);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  logger.info('indexer listening', { port, namespace: cfg.MARSAD_NAMESPACE ?? null, batchSize: cfg.MARSAD_INDEX_BATCH_SIZE });
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
