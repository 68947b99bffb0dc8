import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { HealthRegistry, PipelineMetrics, serviceLogger, type LogLevel, type Logger } from '@marsad/observability';

/** What every service process has: JSON logger (stdout or a file), metrics registry, health registry. */
export interface ServiceRuntime {
  logger: Logger;
  metrics: PipelineMetrics;
  health: HealthRegistry;
  /** Stops the background health watch and flushes the log file. */
  close(): Promise<void>;
}

/**
 * The start of every service: logger, `/metrics` registry and the readiness registry, whose results
 * feed `marsad_dependency_up` and whose outages are logged once when they start and once when they end.
 */
export function serviceRuntime(service: string, level: LogLevel, logFile?: string): ServiceRuntime {
  const { logger, close: closeLog } = serviceLogger(service, level, logFile);
  const metrics = new PipelineMetrics(service);
  const health = new HealthRegistry(3000, (name, up) => metrics.dependencyUp.set({ dependency: name }, up ? 1 : 0));
  health.watch(logger.child({ component: 'health' }));
  return {
    logger,
    metrics,
    health,
    close: async () => {
      health.stop();
      await closeLog();
    },
  };
}

/** Listens on `port` (0 = any free port) and returns the port actually bound. */
export async function listen(app: INestApplication, port: number, host: string): Promise<number> {
  await app.listen(port, host);
  return (app.getHttpServer().address() as AddressInfo).port;
}
