import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { ErrorSchema } from '../openapi';
import { replayDlq } from './replay-dlq';

@ApiTags('dlq')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1/dlq')
export class DlqController {
  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {}

  @Post('replay')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        stage: { type: 'string', enum: ['enrich', 'index', 'alert'] },
        fromOffsets: { type: 'object', additionalProperties: { type: 'string' }, description: 'Per DLQ partition: resume point (the nextOffsets of the previous replay).' },
        limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
        dryRun: { type: 'boolean', default: false },
      },
    },
  })
  @ApiResponse({ status: 200, description: 'Replayed records; nextOffsets to resume without replaying twice' })
  @ApiResponse({ status: 400, schema: ErrorSchema })
  @ApiResponse({ status: 403, description: 'Needs role admin' })
  replay(@Body() body: unknown) {
    return replayDlq(this.ctx, body);
  }
}
