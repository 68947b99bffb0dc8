import { Controller, DynamicModule, Get, Global, Module, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRegistry, PipelineMetrics } from '@marsad/observability';

@Controller()
class ObservabilityController {
  constructor(
    private readonly health: HealthRegistry,
    private readonly metrics: PipelineMetrics,
  ) {}

  @Get('health/live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('health/ready')
  async ready(@Res() res: Response) {
    const report = await this.health.readiness();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  @Get('metrics')
  async metricsText(@Res() res: Response) {
    res.setHeader('Content-Type', this.metrics.contentType);
    res.send(await this.metrics.text());
  }
}

/**
 * Nest binding for the transport-neutral observability pieces: `/health/live`, `/health/ready`,
 * `/metrics`, and injectable metrics and health registry. The service host adds one readiness check
 * per dependency to the HealthRegistry.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forService(metrics: PipelineMetrics, health: HealthRegistry): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [ObservabilityController],
      providers: [
        { provide: PipelineMetrics, useValue: metrics },
        { provide: HealthRegistry, useValue: health },
      ],
      exports: [PipelineMetrics, HealthRegistry],
    };
  }
}
