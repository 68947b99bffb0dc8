import type { Client } from '@elastic/elasticsearch';
import type { HealthIndicator } from '@marsad/observability';

/**
 * Readiness of Elasticsearch: `GET /_cluster/health` (the integ-test zip has no `GET /`, so
 * ping()/info() cannot be used). `red` counts as down; `yellow` is normal on one node.
 */
export function esHealthIndicator(client: Client, name = 'elasticsearch', timeoutMs = 2500): HealthIndicator {
  return {
    name,
    async check() {
      const res = await client.cluster.health(
        { timeout: `${Math.max(1, Math.floor(timeoutMs / 1000))}s` },
        { requestTimeout: timeoutMs, maxRetries: 0 },
      );
      if (res.status === 'red') throw new Error('cluster status red');
    },
  };
}
