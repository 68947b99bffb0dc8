import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth';
import { ErrorSchema } from '../openapi';
import { AlertsBackend } from './alerts-backend';
import { ALERT_STATUSES, listAlerts, parseAlertQuery, retryAlert } from './alerts';

@ApiTags('alerts')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly backend: AlertsBackend) {}

  @Get()
  @RequireRole('viewer')
  @ApiQuery({ name: 'watch', required: false, description: 'Watch id' })
  @ApiQuery({ name: 'status', required: false, enum: ALERT_STATUSES, description: 'Latest state of the alert' })
  @ApiQuery({ name: 'from', required: false, description: 'ISO date-time (attempts at or after)' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO date-time (attempts at or before)' })
  @ApiQuery({ name: 'page', required: false, description: '1-based page (default 1)' })
  @ApiQuery({ name: 'size', required: false, description: 'Alerts per page, 1–200 (default 50)' })
  @ApiResponse({
    status: 200,
    description: 'Alerts (from the marsad-alerts delivery log), newest first, latest state per alert id with its jobs',
  })
  @ApiResponse({ status: 400, description: 'Invalid filter (names the field)', schema: ErrorSchema })
  @ApiResponse({ status: 503, description: 'Elasticsearch unavailable' })
  list(@Query() query: Record<string, unknown>) {
    return listAlerts(this.backend, parseAlertQuery(query));
  }

  @Post(':id/retry')
  @HttpCode(202)
  @RequireRole('operator')
  @ApiResponse({ status: 202, description: 'The failed send job(s) of the alert were re-queued under the same job ids' })
  @ApiResponse({ status: 404, description: 'Unknown alert id' })
  @ApiResponse({ status: 409, description: 'The alert has no failed job (delivered, still retrying, or past retention)' })
  retry(@Param('id') id: string) {
    return retryAlert(this.backend, id);
  }
}
