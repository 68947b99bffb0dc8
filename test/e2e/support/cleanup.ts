import Redis from 'ioredis';
import type { Kafka } from 'kafkajs';
import { names } from '@marsad/contracts';
import { createEsClient } from '@marsad/search';
import { stackEnv } from './env';

/**
 * Leaves nothing of a suite's namespace on the shared stack: its topics, article indices and
 * template, alerts index, and Redis keys (BullMQ under `marsad-<ns>:`, enricher state under
 * `marsad:<ns>:`). Best effort: a cleanup failure never fails the suite.
 */
export async function removeNamespace(ns: string, kafka: Kafka): Promise<void> {
  const N = names(ns);
  const kadmin = kafka.admin();
  await kadmin.connect();
  try {
    const topics = (await kadmin.listTopics()).filter((t) => t.startsWith(`${ns}.`));
    if (topics.length) await kadmin.deleteTopics({ topics }).catch(() => undefined);
  } finally {
    await kadmin.disconnect();
  }
  const es = createEsClient(stackEnv(ns).ELASTICSEARCH_URL);
  try {
    const indices = Object.keys(await es.indices.get({ index: N.articlesIndexPattern, allow_no_indices: true }).catch(() => ({})));
    if (indices.length) await es.indices.delete({ index: indices.join(',') }).catch(() => undefined);
    await es.indices.delete({ index: N.alertsIndex, ignore_unavailable: true }).catch(() => undefined);
    await es.indices.deleteIndexTemplate({ name: N.articlesTemplate }).catch(() => undefined);
  } finally {
    await es.close();
  }
  const redis = new Redis(stackEnv(ns).REDIS_URL);
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
