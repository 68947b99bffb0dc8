import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole, type AuthedRequest } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { ErrorSchema } from '../openapi';
import { parseSkip } from './skip';

@ApiTags('consumers')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1/consumers')
export class ConsumersController {
  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {}

  @Post(':group/partitions/:topic/:partition/skip')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['offset'],
      additionalProperties: false,
      properties: {
        offset: { type: 'string', example: '1234', description: 'The wedged offset, as /v1/status and /health/ready show it' },
        reason: { type: 'string', maxLength: 2000, example: 'snappy batch from scraper X; re-sent uncompressed' },
      },
    },
  })
  @ApiResponse({
    status: 202,
    description:
      'Request recorded on marsad.control. The replica that owns the partition, if it is wedged at exactly this offset, writes the unreadable range to the DLQ (reason and offset range), commits past it and resumes the partition; works with any number of replicas running. Nothing is skipped otherwise. Follow it in GET /v1/status (consumers.wedged).',
  })
  @ApiResponse({ status: 400, schema: ErrorSchema })
  @ApiResponse({ status: 403, description: 'Needs role admin' })
  async skip(
    @Param('group') group: string,
    @Param('topic') topic: string,
    @Param('partition') partition: string,
    @Body() body: unknown,
    @Req() req: AuthedRequest,
  ) {
    const t = parseSkip(this.ctx.names, group, topic, partition, body);
    const wedge = this.ctx.control.wedges().find((w) => w.groupId === t.groupId && w.topic === t.topic && w.partition === t.partition);
    const request = await this.ctx.control.requestSkip({ ...t, requestedBy: req.principal?.keyId });
    this.ctx.logger.warn('operator requested a skip of an unreadable range', { ...t, keyId: req.principal?.keyId });
    return {
      status: 'requested',
      request,
      wedged: wedge ?? null,
      ...(wedge && wedge.offset !== t.offset
        ? { warning: `the partition is reported wedged at offset ${wedge.offset}, not ${t.offset}: nothing will be skipped` }
        : {}),
      ...(!wedge
        ? { warning: 'no replica reports this partition wedged (yet): the request waits until one is wedged at this offset' }
        : {}),
    };
  }
}
