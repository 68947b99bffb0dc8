import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { HealthRegistry, PipelineMetrics, serviceLogger, type Logger } from '../index';
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
  const { logger, close: closeLog } = serviceLogger(service, cfg.LOG_LEVEL, opts.logFile);
  const metrics = new PipelineMetrics(service);
  const health = new HealthRegistry(3000, (name, up) => metrics.dependencyUp.set({ dependency: name }, up ? 1 : 0));
  const pipeline = create(cfg, logger, metrics, health);
  health.watch(logger.child({ component: 'health' }));
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
  await app.listen(opts.port ?? cfg.PORT, cfg.HOST);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  logger.info(`${service} listening`, { port, namespace: cfg.MARSAD_NAMESPACE ?? null, ...startupFields });
  let closing: Promise<void> | undefined;
  return {
    app,
    port,
    pipeline,
    close: () =>
      (closing ??= (async () => {
        health.stop();
        await app.close();
        await closeLog();
      })()),
  };
}
