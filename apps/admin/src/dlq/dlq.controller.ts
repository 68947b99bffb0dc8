import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { ErrorSchema } from '../openapi';
import { listDlq } from './list-dlq';
import { replayDlq } from './replay-dlq';

@ApiTags('dlq')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1/dlq')
export class DlqController {
  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {}

  @Get()
  @RequireRole('viewer')
  @ApiQuery({
    name: 'cursor',
    required: false,
    description:
      'Resume point: "partition:offset" pairs joined by commas (the nextCursor of the previous page). Default: the start of every partition.',
  })
  @ApiQuery({ name: 'limit', required: false, description: 'Records per page, 1-200 (default 50)' })
  @ApiQuery({ name: 'stage', required: false, enum: ['enrich', 'index', 'alert'] })
  @ApiQuery({ name: 'preview', required: false, description: 'Payload characters shown per record, 0-4096 (default 300)' })
  @ApiResponse({
    status: 200,
    description:
      'DLQ records, oldest first per partition: reason, stage, origin (topic/partition/offset), sizes and digest, a payload preview (never the whole payload), and `ref` ("partition:offset") for a selected replay.',
    schema: {
      type: 'object',
      properties: {
        topic: { type: 'string' },
        records: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              ref: { type: 'string', example: '0:12' },
              partition: { type: 'integer' },
              offset: { type: 'string' },
              timestamp: { type: 'string', format: 'date-time' },
              key: { type: 'string', nullable: true },
              stage: { type: 'string' },
              error: { type: 'string' },
              source: {
                type: 'object',
                properties: { topic: { type: 'string' }, partition: { type: 'integer' }, offset: { type: 'string' } },
              },
              failedAt: { type: 'string', format: 'date-time' },
              attempts: { type: 'integer' },
              recordBytes: { type: 'integer' },
              payloadBytes: { type: 'integer' },
              payloadEncoding: { type: 'string', enum: ['utf8', 'base64'] },
              payloadSha256: { type: 'string' },
              payloadTruncated: { type: 'boolean' },
              payloadPreview: { type: 'string' },
              previewTruncated: { type: 'boolean' },
            },
          },
        },
        nextCursor: { type: 'string', nullable: true },
        remaining: { type: 'integer' },
        complete: { type: 'boolean' },
      },
    },
  })
  @ApiResponse({ status: 400, schema: ErrorSchema })
  list(@Query() query: Record<string, string>) {
    return listDlq(this.ctx, query);
  }

  @Post('replay')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        stage: { type: 'string', enum: ['enrich', 'index', 'alert'] },
        fromOffsets: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Per DLQ partition: resume point (the nextOffsets of the previous replay).',
        },
        records: {
          type: 'array',
          items: { type: 'string', example: '0:12' },
          description: 'Replay only these records ("partition:offset", the `ref` of GET /v1/dlq). Not with fromOffsets.',
        },
        limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
        dryRun: { type: 'boolean', default: false },
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'Replayed records; nextOffsets to resume without replaying twice; notFound lists selected records that are not on the DLQ',
  })
  @ApiResponse({ status: 400, schema: ErrorSchema })
  @ApiResponse({ status: 403, description: 'Needs role admin' })
  replay(@Body() body: unknown) {
    return replayDlq(this.ctx, body);
  }
}
