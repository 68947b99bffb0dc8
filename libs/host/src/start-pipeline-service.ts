import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { HealthRegistry, PipelineMetrics, Logger } from '@marsad/observability';
import { listen, serviceRuntime } from './runtime';
import { NestJsonLogger } from './nest-logger';
import { PipelineAppModule, type ServicePipeline } from './pipeline-app.module';

export interface BootstrapOptions {
  /** Write JSON logs to this file instead of stdout. */
  logFile?: string;
  /** HTTP port (0 = any free port); default PORT from the config. */
  port?: number;
  /**
   * Close cleanly on SIGINT/SIGTERM via Nest's enableShutdownHooks (default true). Nest re-raises
   * the signal after closing, so a host running several apps in ONE process should pass false and
   * call close() on each itself.
   */
  handleSignals?: boolean;
}

export interface RunningPipelineService<P> {
  app: INestApplication;
  port: number;
  pipeline: P;
  close(): Promise<void>;
}

/** The config fields every pipeline service has (see @marsad/config). */
interface ServiceConfig {
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error';
  HOST: string;
  PORT: number;
  MARSAD_NAMESPACE?: string;
}

/**
 * Hosts a Kafka pipeline service (enricher, indexer) in Nest: JSON logger, metrics, health
 * registry, the pipeline built by `create`, HTTP /health/live, /health/ready, /metrics, /status.
 * The app loads and validates its own config first, so a bad variable fails before anything starts.
 */
export async function startPipelineService<C extends ServiceConfig, P extends ServicePipeline>(
  service: string,
  cfg: C,
  create: (cfg: C, logger: Logger, metrics: PipelineMetrics, health: HealthRegistry) => P,
  opts: BootstrapOptions,
  startupFields: Record<string, unknown> = {},
): Promise<RunningPipelineService<P>> {
  const runtime = serviceRuntime(service, cfg.LOG_LEVEL, opts.logFile);
  const { logger, metrics, health } = runtime;
  const pipeline = create(cfg, logger, metrics, health);
  const nest = pipeline.nest?.();
  const app = await NestFactory.create(PipelineAppModule.forRoot(pipeline, logger, metrics, health, nest), {
    logger: new NestJsonLogger(logger),
    abortOnError: false,
  });
  if (opts.handleSignals !== false) app.enableShutdownHooks();
  if (nest) {
    // The Kafka consumers: @EventPattern handlers bound to the pipeline's runners by the transport.
    app.connectMicroservice({ strategy: nest.strategy }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  const port = await listen(app, opts.port ?? cfg.PORT, cfg.HOST);
  logger.info(`${service} listening`, { port, namespace: cfg.MARSAD_NAMESPACE ?? null, ...startupFields });
  let closing: Promise<void> | undefined;
  return {
    app,
    port,
    pipeline,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await runtime.close();
      })()),
  };
}
