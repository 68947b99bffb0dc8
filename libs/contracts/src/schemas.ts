import { z } from 'zod';

/** Every event carries a schema version so consumers can evolve without guessing. */
export const SCHEMA_VERSION = 1;

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO-8601 date-time' });

export const SourceSchema = z
  .object({
    name: z.string().trim().min(1, 'must be a non-empty string'),
    domain: z.string().trim().min(1).optional(),
    country: z.string().trim().min(2).max(3).optional(),
  })
  .passthrough();

/** What scrapers publish to `marsad.articles.raw` (and what `POST /v1/articles` accepts). */
export const RawArticleSchema = z
  .object({
    schemaVersion: z.number().int().positive().optional(),
    id: z
      .string()
      .trim()
      .min(1)
      .max(128)
      .regex(/^[^:\s]+$/, 'must not contain ":" or whitespace')
      .optional(),
    url: z.string().trim().min(1, 'must be a non-empty string'),
    source: SourceSchema,
    title: z.string().optional(),
    body: z.string({ required_error: 'is required', invalid_type_error: 'must be a string' }),
    language: z.string().min(2).max(8).optional(),
    publishedAt: isoDate.optional(),
    fetchedAt: isoDate.optional(),
    metadata: z.record(z.unknown()).optional(),
  })
  .passthrough();
export type RawArticle = z.infer<typeof RawArticleSchema>;

export const MentionSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  field: z.enum(['body', 'title']).optional(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const ACTOR_TYPES = ['person', 'organization', 'country', 'group', 'location', 'other'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const ActorSchema = z
  .object({
    id: z.string().min(1),
    // Blank names index under an empty key: refused by every reader of marsad.kb.
    name: z
      .string()
      .min(1)
      .refine((s) => s.trim().length > 0, 'must not be blank'),
    type: z.enum(ACTOR_TYPES),
    mentions: z.array(MentionSchema),
    count: z.number().int().nonnegative().optional(),
    salience: z.number().optional(),
    source: z.enum(['kb', 'rule']).optional(),
  })
  .passthrough();
export type Actor = z.infer<typeof ActorSchema>;

export const ClaimSchema = z
  .object({
    speaker: z.object({ actorId: z.string().optional(), name: z.string(), text: z.string() }).passthrough(),
    verb: z.string(),
    kind: z.string().optional(),
    text: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    field: z.enum(['body', 'title']).optional(),
    quoted: z.boolean(),
    actorIds: z.array(z.string()).optional(),
  })
  .passthrough();
export type Claim = z.infer<typeof ClaimSchema>;

export const DedupSchema = z.object({
  fingerprint: z.string(),
  clusterId: z.string(),
  duplicateOf: z.string().optional(),
});

export const EnrichedArticleSchema = RawArticleSchema.extend({
  schemaVersion: z.number().int().positive(),
  id: z.string().min(1),
  language: z.string(),
  languageDetection: z.object({ code: z.string(), confidence: z.number(), extractor: z.string() }).passthrough(),
  actors: z.array(ActorSchema),
  claims: z.array(ClaimSchema),
  dedup: DedupSchema,
  enrichedAt: isoDate,
  enrichmentVersion: z.string(),
}).passthrough();
export type EnrichedArticle = z.infer<typeof EnrichedArticleSchema>;

export const DLQ_STAGES = ['enrich', 'index', 'alert'] as const;
export const DlqRecordSchema = z.object({
  schemaVersion: z.number().int().positive(),
  stage: z.enum(DLQ_STAGES),
  error: z.string(),
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  payload: z.string(),
  payloadEncoding: z.enum(['utf8', 'base64']),
  payloadBytes: z.number().int().nonnegative(),
  payloadSha256: z.string(),
  payloadTruncated: z.boolean().optional(),
  failedAt: isoDate,
  attempts: z.number().int().positive(),
});
export type DlqRecord = z.infer<typeof DlqRecordSchema>;

export const WebhookChannelSchema = z.object({
  type: z.literal('webhook'),
  url: z
    .string()
    .url('must be an absolute http(s) URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must use http or https'),
  /** Write-only: accepted on input, stored in the watches topic, never returned by the API. */
  secret: z.string().min(16, 'must be at least 16 characters').optional(),
});
export const EmailChannelSchema = z.object({
  type: z.literal('email'),
  to: z.array(z.string().email('must be an e-mail address')).min(1, 'needs at least one address'),
});
export const ChannelSchema = z.discriminatedUnion('type', [WebhookChannelSchema, EmailChannelSchema]);
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * Bounds of a watch's numbers. JSON has no Infinity, but `1e309` parses to it, and once stored it
 * serialises as null, which every reader rejects: finite and in range, or 400.
 */
export const MAX_WATCH_MINUTES = 525_600; // a year
export const MAX_THROTTLE = 1_000_000;
export const MAX_MENTIONS = 10_000;
const minutes = z
  .number({ invalid_type_error: 'must be a number of minutes' })
  .finite('must be a finite number')
  .positive()
  .max(MAX_WATCH_MINUTES, `must be at most ${MAX_WATCH_MINUTES} (a year)`);

/** Watch as written by an operator (id optional on create). */
export const WatchInputSchema = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"')
      .optional(),
    name: z.string().trim().min(1, 'must be a non-empty string').max(200),
    actors: z.array(z.string().trim().min(1)).max(500).optional(),
    query: z.string().trim().min(1).max(4000).optional(),
    languages: z.array(z.string().min(2).max(8)).optional(),
    sources: z.array(z.string().min(1)).optional(),
    minMentions: z.number().int().positive().max(MAX_MENTIONS).optional(),
    channels: z.array(ChannelSchema).min(1, 'needs at least one channel'),
    throttle: z
      .object({ max: z.number().int().positive().max(MAX_THROTTLE), perMinutes: minutes })
      .strict()
      .optional(),
    digest: z.object({ everyMinutes: minutes }).strict().optional(),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((w) => (w.actors && w.actors.length > 0) || w.query, {
    message: 'a watch needs "actors" or "query"',
    path: ['actors'],
  });
export type WatchInput = z.infer<typeof WatchInputSchema>;

/** Watch as stored in `marsad.watches` (id set, actor names resolved to ids where the KB knows them). */
export const WatchSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    id: z.string().min(1),
    name: z.string(),
    actors: z.array(z.string()).optional(),
    actorIds: z.array(z.string()).optional(),
    query: z.string().optional(),
    languages: z.array(z.string()).optional(),
    sources: z.array(z.string()).optional(),
    minMentions: z.number().int().positive().optional(),
    channels: z.array(ChannelSchema),
    throttle: z.object({ max: z.number().int().positive(), perMinutes: z.number().finite().positive() }).optional(),
    digest: z.object({ everyMinutes: z.number().finite().positive() }).optional(),
    enabled: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .passthrough();
export type Watch = z.infer<typeof WatchSchema>;

/** Webhook body, exactly as ARCHITECTURE.md specifies. */
export interface WebhookPayload {
  alertId: string;
  watch: { id: string; name: string };
  article: { id: string; url: string; title?: string; language: string; publishedAt?: string; source: RawArticle['source'] };
  matched: { actors: { id: string; name: string }[]; terms: string[] };
  claims: Claim[];
  firedAt: string;
}

/** A knowledge-base actor, as shipped in libs/kb data files and as published on `marsad.kb`. */
export const KbActorSchema = z
  .object({
    id: z
      .string()
      .min(3)
      .regex(
        /^(person|org|country|group|location|other):[a-z0-9][a-z0-9._-]*$/i,
        'must look like "<type-prefix>:<slug>", e.g. org:kaspersky-lab',
      ),
    // Blank names index under an empty key: refused by every reader of marsad.kb.
    name: z
      .string()
      .min(1)
      .refine((s) => s.trim().length > 0, 'must not be blank'),
    type: z.enum(ACTOR_TYPES),
    aliases: z.array(z.string().min(1)).default([]),
    country: z.string().length(2).optional(),
    description: z.string().optional(),
  })
  .passthrough();
export type KbActor = z.infer<typeof KbActorSchema>;

/** Value on `marsad.kb` (key = actor id): the full actor after an operator's edit; null = removed. */
export const KbChangeSchema = z.object({ schemaVersion: z.number().int().positive(), actor: KbActorSchema, updatedAt: isoDate });
export type KbChange = z.infer<typeof KbChangeSchema>;
