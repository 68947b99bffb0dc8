import type { EnrichedArticle, RawArticle } from './schemas';

// A hand-written twin of EnrichedArticleSchema for the consumers' hot path: zod costs ~0.5 ms per
// ~20 KB enriched article (a hundred nested objects: actors, mentions, claims), more than the rest
// of the indexer's work. It answers one question only — "would the schema accept this value
// exactly as it is (no trim, no stripped key)?" — and says no whenever unsure; callers then run
// the schema, which gives the verdict and the reason (decodeJson's `accept`). So it may be
// stricter than the schema, never looser; contracts.spec.ts checks that against zod.

type Obj = Record<string, unknown>;

/** An object zod treats as one: not an array, Date, Map, Set or Promise (by tag, so any realm). */
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Object]' && typeof (v as Obj).then !== 'function';
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const isNat = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optNum = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
/** A string the schema's `.trim()` leaves unchanged, at least `min` characters long. */
const trimmed = (v: unknown, min = 1): v is string => typeof v === 'string' && v.length >= min && v.trim() === v;
const isDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const optDate = (v: unknown) => v === undefined || isDate(v);
const optField = (v: unknown) => v === undefined || v === 'body' || v === 'title';
const ACTOR_TYPES = new Set(['person', 'organization', 'country', 'group', 'location', 'other']);

/** MentionSchema strips unknown keys: only its own keys pass unchanged. */
function mentionOk(m: unknown): boolean {
  if (!isObj(m) || !isStr(m.text) || !isNat(m.start) || !isNat(m.end) || !optField(m.field)) return false;
  for (const k in m) if (k !== 'text' && k !== 'start' && k !== 'end' && k !== 'field') return false;
  return true;
}

function actorOk(a: unknown): boolean {
  if (!isObj(a) || !isStr(a.id) || a.id.length === 0) return false;
  if (!isStr(a.name) || a.name.trim().length === 0 || !ACTOR_TYPES.has(a.type as string)) return false;
  if (!(a.count === undefined || isNat(a.count)) || !optNum(a.salience)) return false;
  if (!(a.source === undefined || a.source === 'kb' || a.source === 'rule')) return false;
  const ms = a.mentions;
  if (!Array.isArray(ms)) return false;
  for (let i = 0; i < ms.length; i++) if (!mentionOk(ms[i])) return false;
  return true;
}

function claimOk(c: unknown): boolean {
  if (!isObj(c)) return false;
  const s = c.speaker;
  if (!isObj(s) || !optStr(s.actorId) || !isStr(s.name) || !isStr(s.text)) return false;
  if (!isStr(c.verb) || !optStr(c.kind) || !isStr(c.text) || !isNat(c.start) || !isNat(c.end)) return false;
  if (!optField(c.field) || typeof c.quoted !== 'boolean') return false;
  if (c.actorIds !== undefined) {
    if (!Array.isArray(c.actorIds)) return false;
    for (const id of c.actorIds) if (!isStr(id)) return false;
  }
  return true;
}

/** SourceSchema's fields as the schema would return them (trimmed, non-empty; country 2–3 characters). */
function sourceOk(src: unknown): boolean {
  if (!isObj(src) || !trimmed(src.name) || !(src.domain === undefined || trimmed(src.domain))) return false;
  return src.country === undefined || (trimmed(src.country, 2) && src.country.length <= 3);
}

/**
 * The same question for RawArticleSchema (the enricher's input, ~0.05 ms of zod per article): true
 * only when the schema would accept `v` and return it unchanged; false means "run the schema".
 */
export function isCanonicalRawArticle(v: unknown): v is RawArticle {
  if (!isObj(v)) return false;
  const sv = v.schemaVersion;
  if (!(sv === undefined || (typeof sv === 'number' && Number.isInteger(sv) && sv > 0))) return false;
  const id = v.id;
  if (!(id === undefined || (isStr(id) && id.length >= 1 && id.length <= 128 && /^[^:\s]+$/.test(id)))) return false;
  if (!trimmed(v.url) || !sourceOk(v.source) || !isStr(v.body) || !optStr(v.title)) return false;
  const lang = v.language;
  if (!(lang === undefined || (isStr(lang) && lang.length >= 2 && lang.length <= 8))) return false;
  if (!optDate(v.publishedAt) || !optDate(v.fetchedAt)) return false;
  return v.metadata === undefined || isObj(v.metadata);
}

/**
 * True only when EnrichedArticleSchema would accept `v` and return it unchanged. False means "run
 * the schema" (it may still accept, e.g. after trimming the url): never a verdict on its own.
 */
export function isCanonicalEnrichedArticle(v: unknown): v is EnrichedArticle {
  if (!isObj(v)) return false;
  const sv = v.schemaVersion;
  if (typeof sv !== 'number' || !Number.isInteger(sv) || sv <= 0) return false;
  if (!isStr(v.id) || v.id.length === 0 || !trimmed(v.url) || !isStr(v.body) || !optStr(v.title) || !isStr(v.language)) return false;
  if (!sourceOk(v.source)) return false;
  if (!optDate(v.publishedAt) || !optDate(v.fetchedAt) || !isDate(v.enrichedAt) || !isStr(v.enrichmentVersion)) return false;
  if (!(v.metadata === undefined || isObj(v.metadata))) return false;
  const ld = v.languageDetection;
  if (!isObj(ld) || !isStr(ld.code) || !Number.isFinite(ld.confidence) || !isStr(ld.extractor)) return false;
  const d = v.dedup;
  if (!isObj(d) || !isStr(d.fingerprint) || !isStr(d.clusterId) || !optStr(d.duplicateOf)) return false;
  for (const k in d) if (k !== 'fingerprint' && k !== 'clusterId' && k !== 'duplicateOf') return false;
  const actors = v.actors;
  if (!Array.isArray(actors)) return false;
  for (let i = 0; i < actors.length; i++) if (!actorOk(actors[i])) return false;
  const claims = v.claims;
  if (!Array.isArray(claims)) return false;
  for (let i = 0; i < claims.length; i++) if (!claimOk(claims[i])) return false;
  return true;
}
