import {
  type Provider,
  type Type,
  BeforeApplicationShutdown,
  Controller,
  DynamicModule,
  Get,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { HealthRegistry, PipelineMetrics, Logger } from '@marsad/observability';
import { ObservabilityModule } from './observability.module';

/** A consumer pipeline as the Nest host sees it: started after boot, stopped before shutdown. */
export interface ServicePipeline {
  start(): void;
  stop(): Promise<void>;
  status(): unknown;
  /** The consumer handlers as Nest microservice controllers (@EventPattern) and their transport. */
  nest?(): PipelineNest;
}

export interface PipelineNest {
  controllers: Type[];
  providers?: Provider[];
  strategy: CustomTransportStrategy;
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
  static forRoot(
    pipeline: ServicePipeline,
    logger: Logger,
    metrics: PipelineMetrics,
    health: HealthRegistry,
    nest?: PipelineNest,
  ): DynamicModule {
    return {
      module: PipelineAppModule,
      imports: [ObservabilityModule.forService(logger, metrics, health)],
      controllers: [StatusController, ...(nest?.controllers ?? [])],
      providers: [{ provide: PIPELINE, useValue: pipeline }, PipelineLifecycle, ...(nest?.providers ?? [])],
    };
  }
}
