import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth';
import { AlertsBackend } from '../alerts/alerts-backend';
import { sendTestAlert } from './watch-test';

@ApiTags('watches')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1/watches')
export class WatchTestController {
  constructor(private readonly backend: AlertsBackend) {}

  @Post(':id/test')
  @HttpCode(202)
  @RequireRole('operator')
  @ApiResponse({ status: 202, description: 'A test alert (synthetic article, `test: true`) was queued for every channel of the watch' })
  @ApiResponse({ status: 404, description: 'No such watch' })
  @ApiResponse({ status: 503, description: 'Redis unavailable' })
  test(@Param('id') id: string) {
    return sendTestAlert(this.backend, id);
  }
}
