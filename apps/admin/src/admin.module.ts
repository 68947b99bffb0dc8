import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ObservabilityModule } from '@marsad/observability/nest';
import { ADMIN_CTX, type AdminContext } from './context';
import { RolesGuard } from './auth/auth';
import { JsonExceptionFilter } from './http/errors';
import { ArticlesController } from './articles/articles.controller';
import { WatchesController } from './watches/watches.controller';
import { StatusController } from './status/status.controller';
import { DlqController } from './dlq/dlq.controller';
import { AlertsBackend } from './alerts/alerts-backend';
import { AlertsController } from './alerts/alerts.controller';
import { WatchTestController } from './watches/watch-test.controller';

@Module({})
export class AdminModule {
  static forRoot(ctx: AdminContext): DynamicModule {
    return {
      module: AdminModule,
      imports: [ObservabilityModule.forService(ctx.logger, ctx.metrics, ctx.health)],
      controllers: [ArticlesController, WatchesController, StatusController, DlqController, AlertsController, WatchTestController],
      providers: [
        { provide: ADMIN_CTX, useValue: ctx },
        AlertsBackend,
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useFactory: () => new JsonExceptionFilter(ctx.logger) },
      ],
    };
  }
}
