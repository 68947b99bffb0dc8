import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ALERTS_QUEUE } from '@marsad/alerts';
import { ALERTER_CTX, type AlerterContext } from './context';
import { AlertProcessor } from './alert.processor';
import { alerterQueueOptions } from './redis';

@Module({})
export class AlerterModule {
  static forRoot(ctx: AlerterContext): DynamicModule {
    return {
      module: AlerterModule,
      imports: [
        BullModule.forRoot(alerterQueueOptions(ctx.names.queuePrefix, ctx.config.REDIS_URL)),
        // The worker shares these connection options (BullMQ needs maxRetriesPerRequest: null);
        // the Kafka intake bounds its enqueue with a timeout instead (see intake.ts).
        BullModule.registerQueue({ name: ALERTS_QUEUE }),
      ],
      providers: [{ provide: ALERTER_CTX, useValue: ctx }, AlertProcessor],
    };
  }
}
