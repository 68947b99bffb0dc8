/** What every packaging check shares: the services, the variables they read, their ports. */
import { adminEnv, alerterEnv, enricherEnv, indexerEnv } from '../../libs/config/src/services';

// Parsed YAML/JSON documents are checked field by field at run time: untyped on purpose.
export type Json = any;

export interface CheckReport {
  name: string;
  covers: string;
  errors: string[];
}

/** Settings that exist for tests only: deployments must not carry them. */
export const TEST_ONLY_ENV = new Set(['MARSAD_TEST_UNREGISTER_CODEC']);
const deployable = (shape: object) => Object.keys(shape).filter((k) => !TEST_ONLY_ENV.has(k));
/** The environment variables each service reads at start (keys of the zod shapes in libs/config). */
export const SERVICE_ENV: Record<string, string[]> = {
  admin: deployable(adminEnv),
  enricher: deployable(enricherEnv),
  indexer: deployable(indexerEnv),
  alerter: deployable(alerterEnv),
};
export const SERVICES = Object.keys(SERVICE_ENV);
export const SERVICE_PORTS: Record<string, number> = { admin: 8080, enricher: 8081, indexer: 8082, alerter: 8083 };
/** Variables a service must be given beyond its libs/config shape (MARSAD_MAIL_FROM is in alerterEnv too now: no addition today). */
export const EXTRA_ENV: Record<string, string[]> = { alerter: ['MARSAD_MAIL_FROM'] };
/** Partitions per topic created by tools/cli/topics.ts (libs/messaging topicSpecs default). */
export const DEFAULT_PARTITIONS = 3;
/** Kafka consumers whose useful parallelism is bounded by the partition count. */
export const PARTITION_BOUND = ['enricher', 'indexer'];
