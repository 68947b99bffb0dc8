import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ADMIN_CTX, type AdminContext } from './context';
import { RolesGuard } from './auth/auth';
import { JsonExceptionFilter } from './http/errors';
import { EdgeErrorInterceptor } from './http/edge';
import { ArticlesController } from './articles/articles.controller';
import { WatchesController } from './watches/watches.controller';
import { StatusController } from './status/status.controller';
import { DlqController } from './dlq/dlq.controller';
import { ActorsController } from './actors/actors.controller';
import { ReprocessController } from './reprocess/reprocess.controller';
import { ReprocessJobs } from './reprocess/reprocess';
import { AdminSearch } from './status/search';
import { RateLimitMiddleware } from './ratelimit/rate-limit.middleware';
import { AlertsBackend } from './alerts/alerts-backend';
import { AlertsController } from './alerts/alerts.controller';
import { WatchTestController } from './watches/watch-test.controller';
import { ConsumersController } from './consumers/consumers.controller';

@Module({})
export class AdminModule implements NestModule {
  static forRoot(ctx: AdminContext): DynamicModule {
    return {
      module: AdminModule,
      controllers: [
        ArticlesController,
        WatchesController,
        StatusController,
        DlqController,
        ActorsController,
        ReprocessController,
        AlertsController,
        WatchTestController,
        ConsumersController,
      ],
      providers: [
        { provide: ADMIN_CTX, useValue: ctx },
        AdminSearch,
        ReprocessJobs,
        AlertsBackend,
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_INTERCEPTOR, useClass: EdgeErrorInterceptor },
        { provide: APP_FILTER, useFactory: () => new JsonExceptionFilter(ctx.logger) },
      ],
    };
  }

  /** Per-key token bucket on /v1 (the middleware itself skips /health, /metrics and /docs). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes('{*splat}');
  }
}
