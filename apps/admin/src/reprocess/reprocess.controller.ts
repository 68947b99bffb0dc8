import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth';
import { ErrorSchema } from '../openapi';
import { ReprocessJobs } from './reprocess';

const Progress = {
  type: 'object',
  properties: {
    id: { type: 'string', example: 'rp_3f9a0c12d4e5' },
    state: { type: 'string', enum: ['running', 'done', 'failed', 'cancelled'] },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    total: { type: 'integer' },
    published: { type: 'integer' },
    skipped: { type: 'integer' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time', nullable: true },
    error: { type: 'string', nullable: true },
  },
};

@ApiTags('reprocess')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1/reprocess')
export class ReprocessController {
  constructor(@Inject(ReprocessJobs) private readonly jobs: ReprocessJobs) {}

  @Post()
  @HttpCode(202)
  @RequireRole('admin')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['from', 'to'],
      additionalProperties: false,
      properties: {
        from: { type: 'string', format: 'date-time', example: '2026-11-01T00:00:00Z' },
        to: { type: 'string', format: 'date-time', example: '2026-11-30T23:59:59Z' },
      },
    },
  })
  @ApiResponse({
    status: 202,
    description:
      'Started: stored articles with publishedAt (else fetchedAt) in [from, to] are republished to marsad.articles.raw for re-enrichment and re-indexing. Progress: GET /v1/reprocess/:id and GET /v1/status.',
    schema: Progress,
  })
  @ApiResponse({ status: 400, schema: ErrorSchema })
  @ApiResponse({ status: 403, description: 'Needs role admin' })
  @ApiResponse({ status: 409, description: 'A reprocess is already running on this replica' })
  start(@Body() body: unknown) {
    return this.jobs.start(body);
  }

  @Get()
  @RequireRole('viewer')
  @ApiResponse({
    status: 200,
    description: 'Recent reprocess jobs of this replica, newest first',
    schema: { type: 'object', properties: { jobs: { type: 'array', items: Progress } } },
  })
  list() {
    return { jobs: this.jobs.list() };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiResponse({ status: 200, schema: Progress })
  @ApiResponse({ status: 404, description: 'Unknown on this replica' })
  get(@Param('id') id: string) {
    return this.jobs.get(id);
  }

  @Delete(':id')
  @RequireRole('admin')
  @ApiResponse({ status: 200, description: 'Cancellation requested (the page in flight finishes)', schema: Progress })
  @ApiResponse({ status: 404, description: 'Unknown on this replica' })
  cancel(@Param('id') id: string) {
    return this.jobs.cancel(id);
  }
}
