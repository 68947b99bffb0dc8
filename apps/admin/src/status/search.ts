import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { createEsClient } from '@marsad/search';
import { ADMIN_CTX, type AdminContext } from '../context';

/** The admin's Elasticsearch client (status counts, feed freshness, reprocess reads). */
@Injectable()
export class AdminSearch implements OnApplicationShutdown {
  readonly client: Client;

  constructor(@Inject(ADMIN_CTX) ctx: AdminContext) {
    this.client = createEsClient(ctx.config.ELASTICSEARCH_URL, { requestTimeout: 30_000, maxRetries: 1 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }
}
