import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ObservabilityModule } from '@marsad/observability/nest';
import { ALERTER_CTX, ALERTS_QUEUE, type AlerterContext } from './context';
import { AlertProcessor } from './alert.processor';
import { redisOptionsFromUrl } from './redis';

@Module({})
export class AlerterModule {
  static forRoot(ctx: AlerterContext): DynamicModule {
    return {
      module: AlerterModule,
      imports: [
        ObservabilityModule.forService(ctx.logger, ctx.metrics, ctx.health),
        BullModule.forRoot({ connection: redisOptionsFromUrl(ctx.config.REDIS_URL), prefix: ctx.names.queuePrefix }),
        // Producers fail fast while Redis is down (the Kafka runner then pauses and retries).
        BullModule.registerQueue({ name: ALERTS_QUEUE, connection: redisOptionsFromUrl(ctx.config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) }),
      ],
      providers: [{ provide: ALERTER_CTX, useValue: ctx }, AlertProcessor],
    };
  }
}
