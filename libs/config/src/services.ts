import { z } from 'zod';
import { commonEnv, env, loadConfig } from './env';

/** Typed config per service: each app validates exactly what it uses, once, at start. */
export const enricherEnv = {
  ...commonEnv,
  PORT: env.intVar(8081, 1, 65535),
  MARSAD_DEDUP: z.enum(['redis', 'memory', 'off']).default('redis'),
  /** Most raw-article bytes enriched and produced as one chunk (and at most 100 articles): bounds a chunk's memory and latency. */
  MARSAD_ENRICH_BATCH_BYTES: env.intVar(1_048_576, 1024, 64 * 1_048_576),
};
export const indexerEnv = {
  ...commonEnv,
  PORT: env.intVar(8082, 1, 65535),
  MARSAD_INDEX_BATCH_SIZE: env.intVar(500, 1, 10000),
  /** Bytes of NDJSON per `_bulk` request at most (a chunk is split above it) and of each Kafka fetch per partition. */
  MARSAD_INDEX_BATCH_BYTES: env.intVar(5 * 1024 * 1024, 64 * 1024, 100 * 1024 * 1024),
};
export const alerterEnv = {
  ...commonEnv,
  PORT: env.intVar(8083, 1, 65535),
  SMTP_URL: z.string().optional(),
  /** Special-purpose ranges webhook targets may be in (empty: public addresses only). */
  MARSAD_WEBHOOK_ALLOW_CIDRS: env.allowCidrs,
  MARSAD_WEBHOOK_TIMEOUT_MS: env.intVar(10000, 100, 120000),
  MARSAD_ALERT_ATTEMPTS: env.intVar(8, 1, 50),
  MARSAD_ALERT_BACKOFF_MS: env.intVar(1000, 10, 3600000),
  /**
   * Write `send-webhooks` batches packed (an article's shared body parts once per batch; ADR 0020,
   * seventh session). Off by default: turn it on only once every alerter replica reads packed batches.
   */
  MARSAD_ALERT_PACKED_BATCHES: env.boolVar(false),
  MARSAD_MAIL_FROM: z.string().min(3).default('Marsad <alerts@marsad.local>'),
};
export const adminEnv = {
  ...commonEnv,
  PORT: env.intVar(8080, 1, 65535),
  MARSAD_ADMIN_KEYS: env.adminKeys,
  /** Special-purpose ranges webhook targets may be in (empty: public addresses only). */
  MARSAD_WEBHOOK_ALLOW_CIDRS: env.allowCidrs,
  /** Requests per minute per API key (token bucket; /health, /metrics, /docs exempt). */
  MARSAD_ADMIN_RATE_LIMIT: env.intVar(600, 1, 1_000_000),
  /** GET /v1/status flags the feed as stale when the newest article is older than this. */
  MARSAD_STALE_FEED_MINUTES: env.intVar(60, 1, 60 * 24 * 365),
  /** Base URLs of the services' health endpoints, polled by GET /v1/status (`<url>/health/ready`). */
  MARSAD_ENRICHER_URL: env.httpUrl('http://127.0.0.1:8081'),
  MARSAD_INDEXER_URL: env.httpUrl('http://127.0.0.1:8082'),
  MARSAD_ALERTER_URL: env.httpUrl('http://127.0.0.1:8083'),
};

export type EnricherConfig = z.infer<z.ZodObject<typeof enricherEnv>>;
export type IndexerConfig = z.infer<z.ZodObject<typeof indexerEnv>>;
export type AlerterConfig = z.infer<z.ZodObject<typeof alerterEnv>>;
export type AdminConfig = z.infer<z.ZodObject<typeof adminEnv>>;

export const loadEnricherConfig = (src?: NodeJS.ProcessEnv): EnricherConfig => loadConfig(enricherEnv, src);
export const loadIndexerConfig = (src?: NodeJS.ProcessEnv): IndexerConfig => loadConfig(indexerEnv, src);
export const loadAlerterConfig = (src?: NodeJS.ProcessEnv): AlerterConfig => loadConfig(alerterEnv, src);
export const loadAdminConfig = (src?: NodeJS.ProcessEnv): AdminConfig => loadConfig(adminEnv, src);
