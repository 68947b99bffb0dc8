import { BadRequestException, Controller, Get, Inject, OnApplicationShutdown, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { RequireRole } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { pipelineStatus } from './status';

@ApiTags('status')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1')
export class StatusController implements OnApplicationShutdown {
  private queue?: Queue;

  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {}

  @Get('status')
  @RequireRole('viewer')
  @ApiResponse({ status: 200, description: 'Consumer lag per service, DLQ depth, watches, alerts queue counts' })
  status() {
    return pipelineStatus(this.ctx, () => {
      const u = new URL(this.ctx.config.REDIS_URL);
      this.queue ??= new Queue('alerts', {
        prefix: this.ctx.names.queuePrefix,
        connection: { host: u.hostname, port: Number(u.port || 6379), ...(u.password ? { password: decodeURIComponent(u.password) } : {}), ...(u.username ? { username: decodeURIComponent(u.username) } : {}), ...(u.protocol === 'rediss:' ? { tls: {} } : {}), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      });
      this.queue.on('error', () => undefined);
      return this.queue;
    });
  }

  @Get('actors')
  @RequireRole('viewer')
  @ApiQuery({ name: 'q', required: false, description: 'Name, alias (any script) or id prefix' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiResponse({ status: 200, description: 'Knowledge-base actors, best match first (to pick ids for watches)' })
  actors(@Query('q') q = '', @Query('limit') limit = '20') {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 200) throw new BadRequestException({ error: 'validation_failed', field: 'limit', message: 'limit: must be a whole number between 1 and 200', errors: [{ field: 'limit', message: 'must be a whole number between 1 and 200' }] });
    return { actors: this.ctx.actors.search(q, n).map((a) => ({ id: a.id, name: a.name, type: a.type, aliases: a.aliases })) };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
  }
}
