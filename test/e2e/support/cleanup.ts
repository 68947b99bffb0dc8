import type { Kafka } from 'kafkajs';
import { removeNamespace as remove } from '../../../tools/support/namespace';
import { stackEnv } from './env';

/** Leaves nothing of a suite's namespace on the shared stack (tools/support/namespace.ts). */
export function removeNamespace(ns: string, kafka: Kafka): Promise<void> {
  const env = stackEnv(ns);
  return remove(ns, kafka, { elasticsearch: env.ELASTICSEARCH_URL, redis: env.REDIS_URL });
}
