import Redis from 'ioredis';
import type { Kafka } from 'kafkajs';
import { names } from '@marsad/contracts';
import { redisConnectionOptions } from '@marsad/config';
import { createEsClient } from '@marsad/search';

/**
 * Leaves nothing of a namespace on a shared stack: its topics and consumer groups, article indices
 * and template, alerts index, and Redis keys (BullMQ under `marsad-<ns>:`, enricher state under
 * `marsad:<ns>:`). Used by the e2e suites, the benches and the admin fuzz. Best effort per part.
 */
export async function removeNamespace(ns: string, kafka: Kafka, urls: { elasticsearch: string; redis: string }): Promise<void> {
  const N = names(ns);
  const kadmin = kafka.admin();
  await kadmin.connect();
  try {
    const topics = (await kadmin.listTopics()).filter((t) => t.startsWith(`${ns}.`));
    if (topics.length) await kadmin.deleteTopics({ topics }).catch(() => undefined);
    const groups = (await kadmin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${ns}.`));
    if (groups.length) await kadmin.deleteGroups(groups).catch(() => undefined);
  } finally {
    await kadmin.disconnect();
  }
  const es = createEsClient(urls.elasticsearch);
  try {
    // By name: ES 8 refuses wildcard deletes (action.destructive_requires_name).
    const indices = Object.keys(await es.indices.get({ index: N.articlesIndexPattern, allow_no_indices: true }).catch(() => ({})));
    if (indices.length) await es.indices.delete({ index: indices.join(',') }).catch(() => undefined);
    await es.indices.delete({ index: N.alertsIndex, ignore_unavailable: true }).catch(() => undefined);
    await es.indices.deleteIndexTemplate({ name: N.articlesTemplate }).catch(() => undefined);
  } finally {
    await es.close();
  }
  const redis = new Redis(redisConnectionOptions(urls.redis, { maxRetriesPerRequest: 1 }));
  try {
    for (const pattern of [`${N.queuePrefix}:*`, `marsad:${ns}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
