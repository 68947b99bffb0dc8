// A fast, allocation-free pre-check of the EnrichedArticle contract (issue 10): zod's safeParse of
// an enriched article (20+ actors with mentions, claims) cost ~0.5 ms, a quarter of the engine's
// time per article. `isValidEnrichedArticle` returns true only for values EnrichedArticleSchema
// accepts (it is as strict or stricter on every field); on false, callers run the zod schema for
// the exact reason. Keep it in step with schemas.ts: contracts.spec.ts compares the two.

import { ACTOR_TYPES, type EnrichedArticle } from './schemas';

type Obj = Record<string, unknown>;

function isPlainObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}
const str = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
/** z.number(): a number that is not NaN (stricter here: finite). */
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const nonNegInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isoDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const optField = (v: unknown) => v === undefined || v === 'body' || v === 'title';
const ACTOR_TYPE_SET: ReadonlySet<unknown> = new Set(ACTOR_TYPES);

function validMention(m: unknown): boolean {
  return isPlainObject(m) && str(m.text) && nonNegInt(m.start) && nonNegInt(m.end) && optField(m.field);
}

function validActor(a: unknown): boolean {
  if (!isPlainObject(a)) return false;
  if (!str(a.id) || a.id.length === 0 || !str(a.name) || a.name.trim().length === 0 || !ACTOR_TYPE_SET.has(a.type)) return false;
  if (a.count !== undefined && !nonNegInt(a.count)) return false;
  if (a.salience !== undefined && !num(a.salience)) return false;
  if (a.source !== undefined && a.source !== 'kb' && a.source !== 'rule') return false;
  const ms = a.mentions;
  if (!Array.isArray(ms)) return false;
  for (let i = 0; i < ms.length; i++) if (!validMention(ms[i])) return false;
  return true;
}

function validClaim(c: unknown): boolean {
  if (!isPlainObject(c)) return false;
  const s = c.speaker;
  if (!isPlainObject(s) || !optStr(s.actorId) || !str(s.name) || !str(s.text)) return false;
  if (!str(c.verb) || !optStr(c.kind) || !str(c.text) || !nonNegInt(c.start) || !nonNegInt(c.end)) return false;
  if (!optField(c.field) || typeof c.quoted !== 'boolean') return false;
  const ids = c.actorIds;
  if (ids !== undefined) {
    if (!Array.isArray(ids)) return false;
    for (let i = 0; i < ids.length; i++) if (!str(ids[i])) return false;
  }
  return true;
}

/** True only when EnrichedArticleSchema.safeParse(v) succeeds (false: ask zod why, or whether after all). */
export function isValidEnrichedArticle(v: unknown): v is EnrichedArticle {
  if (!isPlainObject(v)) return false;
  if (typeof v.schemaVersion !== 'number' || !Number.isInteger(v.schemaVersion) || v.schemaVersion <= 0) return false;
  if (!str(v.id) || v.id.length === 0 || !str(v.url) || v.url.trim().length === 0) return false;
  const src = v.source;
  if (!isPlainObject(src) || !str(src.name) || src.name.trim().length === 0) return false;
  if (src.domain !== undefined && (!str(src.domain) || src.domain.trim().length === 0)) return false;
  if (src.country !== undefined && (!str(src.country) || src.country.trim().length < 2 || src.country.trim().length > 3)) return false;
  if (!optStr(v.title) || !str(v.body) || !str(v.language)) return false;
  if (v.publishedAt !== undefined && !isoDate(v.publishedAt)) return false;
  if (v.fetchedAt !== undefined && !isoDate(v.fetchedAt)) return false;
  if (v.metadata !== undefined && !isPlainObject(v.metadata)) return false;
  const ld = v.languageDetection;
  if (!isPlainObject(ld) || !str(ld.code) || !num(ld.confidence) || !str(ld.extractor)) return false;
  const d = v.dedup;
  if (!isPlainObject(d) || !str(d.fingerprint) || !str(d.clusterId) || !optStr(d.duplicateOf)) return false;
  if (!isoDate(v.enrichedAt) || !str(v.enrichmentVersion)) return false;
  const actors = v.actors;
  if (!Array.isArray(actors)) return false;
  for (let i = 0; i < actors.length; i++) if (!validActor(actors[i])) return false;
  const claims = v.claims;
  if (!Array.isArray(claims)) return false;
  for (let i = 0; i < claims.length; i++) if (!validClaim(claims[i])) return false;
  return true;
}
