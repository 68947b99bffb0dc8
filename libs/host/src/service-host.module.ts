import { Controller, DynamicModule, Get, Inject, Module } from '@nestjs/common';
import type { HealthRegistry, PipelineMetrics } from '@marsad/observability';
import { ObservabilityModule } from './observability.module';

const SERVICE_STATUS = Symbol('SERVICE_STATUS');

@Controller()
class StatusController {
  constructor(@Inject(SERVICE_STATUS) private readonly status: () => unknown) {}
  /** Consumer state (paused and wedged partitions, last error) for operators. */
  @Get('status')
  get() {
    return this.status();
  }
}

/** Root module of every service: observability (/health/live, /health/ready, /metrics), /status if any, the app's module. */
@Module({})
export class ServiceHostModule {
  static forRoot(wiring: { module: DynamicModule; status?(): unknown }, metrics: PipelineMetrics, health: HealthRegistry): DynamicModule {
    const status = wiring.status?.bind(wiring);
    return {
      module: ServiceHostModule,
      imports: [ObservabilityModule.forService(metrics, health), wiring.module],
      controllers: status ? [StatusController] : [],
      providers: status ? [{ provide: SERVICE_STATUS, useValue: status }] : [],
    };
  }
}
