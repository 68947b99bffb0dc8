import type { Admin, ITopicConfig, Kafka } from 'kafkajs';
import { errorFields, type Logger } from '@marsad/observability';
import { retryUntil } from './backoff';
import { COMPACTED_TOPICS, TOPIC, type Names, type TopicKey } from '@marsad/contracts';

/** Room for the JSON envelope around the body (source, metadata, ids, headers, batch overhead). */
export const ENVELOPE_BYTES = 256 * 1024;
/**
 * An enriched article repeats the body in derived fields (bodyNormalized, mention and claim texts
 * with offsets): measured 3.3x the body for the Arabic seed article and ~6x for a body dense with
 * actors and reported speech (one mention every ~30 characters). Every topic is therefore sized
 * for 8x the body plus the envelope: 8.25 MiB with the default MARSAD_MAX_BODY_BYTES (1 MiB). The
 * topic-level `max.message.bytes` overrides the broker's `message.max.bytes` (4 MiB locally) for
 * that topic; an enriched article still over it goes to the DLQ instead of wedging the partition.
 */
export const ENRICHED_SIZE_FACTOR = 8;
export function topicMaxMessageBytes(maxBodyBytes = 1024 * 1024): number {
  return Math.max(1024 * 1024, ENRICHED_SIZE_FACTOR * maxBodyBytes + ENVELOPE_BYTES);
}

export interface EnsureTopicsOptions {
  /** Partitions per topic (default 3; must be > 1 so consumer groups can share the work). */
  partitions?: number;
  replicationFactor?: number;
  /** `max.message.bytes` for every topic; default `topicMaxMessageBytes(maxBodyBytes)`. */
  maxMessageBytes?: number;
  maxBodyBytes?: number;
  /** Which topics (default: all five). */
  keys?: readonly TopicKey[];
}

export interface EnsureTopicsResult {
  created: string[];
  existing: string[];
}

/** The topic specs ensureTopics creates (exported for docs/tests). */
export function topicSpecs(names: Names, opts: EnsureTopicsOptions = {}): ITopicConfig[] {
  const partitions = opts.partitions ?? 3;
  if (partitions < 2) throw new Error(`ensureTopics: partitions must be > 1 (got ${partitions})`);
  const maxMessageBytes = opts.maxMessageBytes ?? topicMaxMessageBytes(opts.maxBodyBytes);
  const keys = opts.keys ?? (Object.keys(TOPIC) as TopicKey[]);
  return keys.map((key) => {
    const compacted = COMPACTED_TOPICS.includes(key);
    const configEntries = [
      { name: 'max.message.bytes', value: String(maxMessageBytes) },
      { name: 'cleanup.policy', value: compacted ? 'compact' : 'delete' },
    ];
    if (compacted) configEntries.push({ name: 'min.cleanable.dirty.ratio', value: '0.1' });
    // The DLQ keeps messages 30 days so an operator has time to replay them.
    if (key === 'articlesDlq') configEntries.push({ name: 'retention.ms', value: String(30 * 24 * 3600 * 1000) });
    return { topic: names.topic(key), numPartitions: partitions, replicationFactor: opts.replicationFactor ?? 1, configEntries };
  });
}

function isAlreadyExists(err: unknown): boolean {
  const e = err as { type?: string; errors?: unknown[]; message?: string };
  if (e?.type === 'TOPIC_ALREADY_EXISTS') return true;
  if (Array.isArray(e?.errors) && e.errors.length > 0) return e.errors.every(isAlreadyExists);
  return /already exists/i.test(e?.message ?? '');
}

/**
 * Creates the Marsad topics that do not exist yet (idempotent; safe to run from every replica and
 * from tests concurrently). Existing topics are left as they are.
 */
export async function ensureTopics(admin: Admin, names: Names, opts: EnsureTopicsOptions = {}): Promise<EnsureTopicsResult> {
  const specs = topicSpecs(names, opts);
  const existingNow = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existingNow.has(s.topic));
  const existing = specs.filter((s) => existingNow.has(s.topic)).map((s) => s.topic);
  if (missing.length) {
    try {
      await admin.createTopics({ topics: missing, waitForLeaders: true, timeout: 30_000 });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    // Wait until every new partition has a leader that answers ListOffsets, so consumers and
    // producers started right after do not race the creation (bounded: ~10 s).
    for (const s of missing) {
      for (let i = 0; ; i++) {
        try {
          await admin.fetchTopicOffsets(s.topic);
          break;
        } catch (err) {
          if (i >= 40) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    }
  }
  return { created: missing.map((s) => s.topic), existing };
}

/** The topic settings a service's validated config carries (see libs/config commonEnv). */
export interface TopicSettingsConfig {
  MARSAD_MAX_BODY_BYTES: number;
  MARSAD_TOPIC_PARTITIONS: number;
  MARSAD_TOPIC_REPLICATION_FACTOR: number;
}

/** ensureTopics options from config, so every creator (services, CLI, init job) agrees. */
export function topicSettings(cfg: TopicSettingsConfig): EnsureTopicsOptions {
  return {
    maxBodyBytes: cfg.MARSAD_MAX_BODY_BYTES,
    partitions: cfg.MARSAD_TOPIC_PARTITIONS,
    replicationFactor: cfg.MARSAD_TOPIC_REPLICATION_FACTOR,
  };
}

/**
 * A service's start-up step: create the missing topics, retrying with backoff while Kafka is
 * away (never crash-looping), until it succeeds or `signal` aborts. Logs what it created.
 */
export async function ensureTopicsWhenReachable(
  kafka: Kafka,
  names: Names,
  cfg: TopicSettingsConfig,
  opts: { logger: Logger; signal?: AbortSignal },
): Promise<void> {
  await retryUntil(
    async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const r = await ensureTopics(admin, names, topicSettings(cfg));
        if (r.created.length) opts.logger.info('created topics', { topics: r.created });
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    {
      signal: opts.signal,
      onError: (err, attempt) => opts.logger.warn('cannot ensure topics yet; retrying', { attempt, ...errorFields(err) }),
    },
  );
}
