import {
  BeforeApplicationShutdown,
  Controller,
  DynamicModule,
  Get,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { HealthRegistry, PipelineMetrics, Logger } from '../index';
import { ObservabilityModule } from './observability.module';

/** A consumer pipeline as the Nest host sees it: started after boot, stopped before shutdown. */
export interface ServicePipeline {
  start(): void;
  stop(): Promise<void>;
  status(): unknown;
}

export const PIPELINE = Symbol('PIPELINE');

@Injectable()
class PipelineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(PIPELINE) private readonly pipeline: ServicePipeline) {}
  onApplicationBootstrap() {
    this.pipeline.start();
  }
  /** Consumers stop (and commit) before the HTTP server closes. */
  async beforeApplicationShutdown() {
    await this.pipeline.stop();
  }
}

@Controller()
class StatusController {
  constructor(@Inject(PIPELINE) private readonly pipeline: ServicePipeline) {}
  /** Consumer state (paused partitions, last error) for operators. */
  @Get('status')
  status() {
    return this.pipeline.status();
  }
}

/** Nest host for a Kafka pipeline service (enricher, indexer): observability + lifecycle + /status. */
@Module({})
export class PipelineAppModule {
  static forRoot(pipeline: ServicePipeline, logger: Logger, metrics: PipelineMetrics, health: HealthRegistry): DynamicModule {
    return {
      module: PipelineAppModule,
      imports: [ObservabilityModule.forService(logger, metrics, health)],
      controllers: [StatusController],
      providers: [{ provide: PIPELINE, useValue: pipeline }, PipelineLifecycle],
    };
  }
}
