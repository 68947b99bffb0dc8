import { Controller, Get, Inject, OnApplicationShutdown } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { RequireRole } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { ReprocessJobs } from '../reprocess/reprocess';
import { AdminSearch } from './search';
import { pipelineStatus } from './status';

@ApiTags('status')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1')
export class StatusController implements OnApplicationShutdown {
  private queue?: Queue;

  constructor(
    @Inject(ADMIN_CTX) private readonly ctx: AdminContext,
    @Inject(AdminSearch) private readonly search: AdminSearch,
    @Inject(ReprocessJobs) private readonly reprocess: ReprocessJobs,
  ) {}

  @Get('status')
  @RequireRole('viewer')
  @ApiResponse({
    status: 200,
    description:
      "Consumer lag per service and partition, DLQ depth, watches, alerts-queue counts, each service's /health/ready, Elasticsearch document counts (articles alias, alerts index), feed freshness with a stale-feed warning (MARSAD_STALE_FEED_MINUTES), recent reprocess jobs. Each part is bounded and reports its own error.",
  })
  status() {
    return pipelineStatus(
      this.ctx,
      () => {
        if (this.queue) return this.queue;
        const u = new URL(this.ctx.config.REDIS_URL);
        this.queue = new Queue('alerts', {
          prefix: this.ctx.names.queuePrefix,
          connection: {
            host: u.hostname,
            port: Number(u.port || 6379),
            ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
            ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
            ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
          },
        });
        // Once, with the queue (one listener per /v1/status call grew without bound).
        this.queue.on('error', () => undefined);
        return this.queue;
      },
      { es: this.search.client, reprocess: () => this.reprocess.list() },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
  }
}
