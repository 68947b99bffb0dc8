import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Environment, validated once at start-up into a typed object (one name per setting, as in
 * ARCHITECTURE.md and the README). A missing or malformed variable stops the process with a
 * message naming it: `ConfigError: KAFKA_BROKERS: ...`.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`invalid environment variable ${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

const hostPort = /^[^\s:,]+:\d{1,5}$/;

export const brokersVar = z
  .string()
  .default('127.0.0.1:9092')
  .transform((s) =>
    s
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .refine((l) => l.length > 0 && l.every((b) => hostPort.test(b)), 'must be a comma-separated list of host:port');

const httpUrl = (def: string) =>
  z
    .string()
    .default(def)
    .refine((s) => {
      try {
        return /^https?:$/.test(new URL(s).protocol);
      } catch {
        return false;
      }
    }, 'must be an http(s):// URL');

const redisUrl = z
  .string()
  .default('redis://127.0.0.1:6379')
  .refine((s) => {
    try {
      return /^rediss?:$/.test(new URL(s).protocol);
    } catch {
      return false;
    }
  }, 'must be a redis:// or rediss:// URL');

const intVar = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .default(String(def))
    .refine((s) => /^\d+$/.test(s.trim()), 'must be a whole number')
    .transform((s) => Number(s.trim()))
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const boolVar = (def: boolean) =>
  z
    .string()
    .default(def ? 'true' : 'false')
    .refine((s) => /^(true|false|1|0|yes|no|on|off)$/i.test(s.trim()), 'must be true or false')
    .transform((s) => /^(true|1|yes|on)$/i.test(s.trim()));

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export interface ApiKey {
  role: Role;
  key: string;
}

const adminKeys = z
  .string({ required_error: 'is required: comma-separated role:key pairs, e.g. admin:s3cret-long-key' })
  .transform((s, ctx) => {
    const keys: ApiKey[] = [];
    for (const part of s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const i = part.indexOf(':');
      const role = part.slice(0, i) as Role;
      const key = part.slice(i + 1);
      if (i < 0 || !ROLES.includes(role) || key.length < 8) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `entry "${i < 0 ? '<no role>' : role}:…" must be role:key with role one of ${ROLES.join('|')} and a key of 8+ characters`,
        });
        return z.NEVER;
      }
      keys.push({ role, key });
    }
    if (!keys.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'needs at least one role:key pair' });
      return z.NEVER;
    }
    return keys;
  });

const namespace = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined))
  .refine((s) => s === undefined || /^[a-z0-9][a-z0-9_-]{0,40}$/.test(s), 'must be lower-case letters, digits, "_" or "-" (max 41 chars)');

/** Settings every service shares. */
export const commonEnv = {
  KAFKA_BROKERS: brokersVar,
  ELASTICSEARCH_URL: httpUrl('http://127.0.0.1:9200'),
  REDIS_URL: redisUrl,
  MARSAD_NAMESPACE: namespace,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  /** Article bodies over this go to the DLQ (enricher) or get 413 (admin); topics are sized from it. */
  MARSAD_MAX_BODY_BYTES: intVar(1024 * 1024, 1024, 64 * 1024 * 1024),
  /** Used when a service creates missing topics / the index template (production: 3 and 1). */
  MARSAD_TOPIC_PARTITIONS: intVar(3, 2, 1000),
  MARSAD_TOPIC_REPLICATION_FACTOR: intVar(1, 1, 10),
  MARSAD_INDEX_REPLICAS: intVar(0, 0, 10),
  /** Compression of the batches Marsad produces (consumers read every codec whatever this says). */
  MARSAD_KAFKA_COMPRESSION: z.enum(['none', 'gzip', 'snappy', 'lz4', 'zstd']).default('lz4'),
  /** Test only: comma-separated codecs to make unreadable (creates a wedged partition on purpose). */
  MARSAD_TEST_UNREGISTER_CODEC: z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .refine((l) => l.every((c) => ['snappy', 'lz4', 'zstd'].includes(c)), 'must list snappy, lz4 or zstd'),
};

/**
 * MARSAD_WEBHOOK_ALLOW_CIDRS: comma-separated CIDRs (or bare addresses) webhook targets may be in
 * although special-purpose (private, loopback...). The guard in libs/alerts refuses link-local and
 * cloud-metadata addresses whatever this says. Syntax is checked here so a typo stops the service.
 */
const allowCidrs = z
  .string()
  .default('')
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .superRefine((list, ctx) => {
    for (const c of list) {
      const [addr, bits, extra] = c.split('/');
      const fam = isIP(addr);
      const max = fam === 4 ? 32 : 128;
      if (!fam || extra !== undefined || (bits !== undefined && (!/^\d{1,3}$/.test(bits) || Number(bits) > max)))
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${c}" is not a CIDR (e.g. 10.0.0.0/8,fd00::/8,127.0.0.0/8,::1/128)` });
    }
  });

export const env = { httpUrl, redisUrl, intVar, boolVar, adminKeys, namespace, allowCidrs };

/**
 * Variables that no longer exist: set (even empty), they stop every service at start with a
 * message naming the successor, so an old deployment cannot silently lose a security setting.
 */
export const REMOVED_ENV: Record<string, string> = {
  MARSAD_WEBHOOK_ALLOW_PRIVATE:
    'was removed: use MARSAD_WEBHOOK_ALLOW_CIDRS instead, a comma-separated list of CIDRs webhook targets may be in (e.g. 127.0.0.0/8,::1/128 for a local demo); link-local and cloud-metadata addresses are refused whatever it says',
};

/**
 * Parses `source` (normally process.env) with `shape`; throws ConfigError naming the first bad
 * variable. Unknown variables are ignored (the environment carries many).
 */
export function loadConfig<S extends z.ZodRawShape>(shape: S, source: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<S>> {
  for (const [name, why] of Object.entries(REMOVED_ENV)) if (source[name] !== undefined) throw new ConfigError(name, why);
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(shape)) {
    const v = source[key];
    input[key] = v === '' ? undefined : v;
  }
  const res = z.object(shape).safeParse(input);
  if (!res.success) {
    const issue = res.error.issues[0];
    const variable = String(issue.path[0] ?? '?');
    const msg = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message;
    throw new ConfigError(variable, msg);
  }
  return res.data;
}

/** process.env overlaid with overrides (tests pass MARSAD_NAMESPACE...); undefined deletes. */
export function mergeEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return merged;
}
