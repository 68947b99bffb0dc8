import { BeforeApplicationShutdown, Controller, DynamicModule, Get, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { HealthRegistry, PipelineMetrics, type Logger } from '@marsad/observability';
import { ObservabilityModule } from '@marsad/observability/nest';
import type { IndexerPipeline } from './pipeline';

export const PIPELINE = Symbol('INDEXER_PIPELINE');

/** Starts the pipeline once Nest is up; stops consumers before the HTTP server closes. */
@Injectable()
class PipelineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(PIPELINE) private readonly pipeline: IndexerPipeline) {}
  onApplicationBootstrap() {
    this.pipeline.start();
  }
  async beforeApplicationShutdown() {
    await this.pipeline.stop();
  }
}

@Controller()
class StatusController {
  constructor(@Inject(PIPELINE) private readonly pipeline: IndexerPipeline) {}
  /** Consumer state (paused partitions, last error) and KB view state, for operators. */
  @Get('status')
  status() {
    return this.pipeline.status();
  }
}

@Module({})
export class IndexerAppModule {
  static forRoot(pipeline: IndexerPipeline, logger: Logger, metrics: PipelineMetrics, health: HealthRegistry): DynamicModule {
    return {
      module: IndexerAppModule,
      imports: [ObservabilityModule.forService(logger, metrics, health)],
      controllers: [StatusController],
      providers: [{ provide: PIPELINE, useValue: pipeline }, PipelineLifecycle],
    };
  }
}
