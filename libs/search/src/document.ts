import type { Actor, Claim, EnrichedArticle, Names } from '@marsad/contracts';

/** First valid UTC date among the candidates, as a Date (years 1..9999 only). */
function firstDate(...candidates: (string | undefined)[]): Date | undefined {
  for (const c of candidates) {
    if (!c) continue;
    const d = new Date(c);
    const y = d.getUTCFullYear();
    if (!Number.isNaN(d.getTime()) && y >= 1 && y <= 9999) return d;
  }
  return undefined;
}

/** `YYYY.MM` (UTC) of publishedAt, else fetchedAt, else enrichedAt. */
export function articleMonth(article: Pick<EnrichedArticle, 'publishedAt' | 'fetchedAt'> & { enrichedAt?: string }): string {
  const d = firstDate(article.publishedAt, article.fetchedAt, article.enrichedAt);
  if (!d) throw new Error('article has no valid publishedAt, fetchedAt or enrichedAt');
  return `${String(d.getUTCFullYear()).padStart(4, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * The monthly index of an article: `names.articlesIndex('YYYY.MM')` from publishedAt, else
 * fetchedAt, else enrichedAt (UTC). Deterministic in the article's own fields, so a re-delivery
 * (any day) overwrites the same document instead of creating a second one.
 */
export function monthlyIndexFor(
  article: Pick<EnrichedArticle, 'publishedAt' | 'fetchedAt'> & { enrichedAt?: string },
  names: Names,
): string {
  return names.articlesIndex(articleMonth(article));
}

const iso = (s: string | undefined) => {
  const d = firstDate(s);
  return d ? d.toISOString() : undefined;
};

const uniq = <T>(xs: (T | undefined | null)[]): T[] => [...new Set(xs.filter((x): x is T => x !== undefined && x !== null && x !== ''))];

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export interface ArticleDocument {
  id: string;
  [field: string]: unknown;
}

export interface ToIndexDocumentOptions {
  /** Search normaliser (libs/nlp `normalizeForSearch`) used when the article carries no *Normalized text. */
  normalize?: (s: string) => string;
  /** Clock for `indexedAt` (tests). Omit indexedAt entirely with `indexedAt: false`. */
  now?: () => Date;
  indexedAt?: boolean;
}

type Enriched = EnrichedArticle & {
  titleNormalized?: string;
  bodyNormalized?: string;
  actorIds?: string[];
  actorNames?: string[];
  actorTypes?: string[];
  claimSpeakerIds?: string[];
};

/**
 * EnrichedArticle → the Elasticsearch `_source` (pure). Picks only mapped fields (so `_source`
 * stays clean), normalises dates to ISO-8601 UTC (ES rejects RFC-2822 strings that Date.parse
 * accepts), and derives the flat keyword arrays (actorIds, actorNames, actorTypes,
 * claimSpeakerIds) Kibana aggregates on, when the article does not carry them.
 */
export function toIndexDocument(a: Enriched, opts: ToIndexDocumentOptions = {}): ArticleDocument {
  const actors = (a.actors ?? []).map((x: Actor) =>
    dropUndefined({
      id: x.id,
      name: x.name,
      type: x.type,
      count: x.count ?? x.mentions?.length,
      salience: x.salience,
      source: x.source,
      mentions: x.mentions,
    }),
  );
  const claims = (a.claims ?? []).map((c: Claim) =>
    dropUndefined({
      speaker: dropUndefined({ actorId: c.speaker.actorId, name: c.speaker.name, text: c.speaker.text }),
      verb: c.verb,
      kind: c.kind,
      text: c.text,
      quoted: c.quoted,
      actorIds: c.actorIds,
      field: c.field,
      start: c.start,
      end: c.end,
      // the engine's provenance of the claim (stored, not indexed: `dynamic: false`)
      rule: (c as Claim & { rule?: unknown }).rule,
    }),
  );
  const normalize = opts.normalize;
  const titleNormalized = a.titleNormalized ?? (a.title !== undefined && normalize ? normalize(a.title) : undefined);
  const bodyNormalized = a.bodyNormalized ?? (normalize ? normalize(a.body) : undefined);
  return dropUndefined({
    id: a.id,
    schemaVersion: a.schemaVersion,
    url: a.url,
    source: dropUndefined({ name: a.source.name, domain: a.source.domain, country: a.source.country }),
    title: a.title,
    body: a.body,
    titleNormalized,
    bodyNormalized,
    language: a.language,
    languageDetection: a.languageDetection
      ? dropUndefined({
          code: a.languageDetection.code,
          confidence: a.languageDetection.confidence,
          extractor: a.languageDetection.extractor,
        })
      : undefined,
    publishedAt: iso(a.publishedAt),
    fetchedAt: iso(a.fetchedAt),
    enrichedAt: iso(a.enrichedAt),
    ...(opts.indexedAt === false ? {} : { indexedAt: (opts.now?.() ?? new Date()).toISOString() }),
    enrichmentVersion: a.enrichmentVersion,
    actorIds: a.actorIds ?? uniq(actors.map((x) => x.id)),
    actorNames: a.actorNames ?? uniq(actors.map((x) => x.name)),
    actorTypes: a.actorTypes ?? uniq(actors.map((x) => x.type)),
    claimSpeakerIds: a.claimSpeakerIds ?? uniq(claims.map((c) => c.speaker.actorId)),
    actors,
    claims,
    dedup: dropUndefined({ fingerprint: a.dedup.fingerprint, clusterId: a.dedup.clusterId, duplicateOf: a.dedup.duplicateOf }),
    metadata: a.metadata,
  });
}

// Keys toIndexDocument copies unchanged, per level (indexedAt is added, never copied).
const TOP_KEYS = new Set([
  'id',
  'schemaVersion',
  'url',
  'source',
  'title',
  'body',
  'titleNormalized',
  'bodyNormalized',
  'language',
  'languageDetection',
  'publishedAt',
  'fetchedAt',
  'enrichedAt',
  'enrichmentVersion',
  'actorIds',
  'actorNames',
  'actorTypes',
  'claimSpeakerIds',
  'actors',
  'claims',
  'dedup',
  'metadata',
]);
const SOURCE_KEYS = new Set(['name', 'domain', 'country']);
const DETECTION_KEYS = new Set(['code', 'confidence', 'extractor']);
const ACTOR_KEYS = new Set(['id', 'name', 'type', 'count', 'salience', 'source', 'mentions']);
const CLAIM_KEYS = new Set(['speaker', 'verb', 'kind', 'text', 'quoted', 'actorIds', 'field', 'start', 'end', 'rule']);
const SPEAKER_KEYS = new Set(['actorId', 'name', 'text']);
const DEDUP_KEYS = new Set(['fingerprint', 'clusterId', 'duplicateOf']);
/** Fields toIndexDocument takes from the article when present (not null), else derives. */
const DERIVED = ['titleNormalized', 'bodyNormalized', 'actorIds', 'actorNames', 'actorTypes', 'claimSpeakerIds'] as const;

const keysIn = (o: unknown, allowed: Set<string>): boolean => {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
};
/** A date string toIndexDocument copies unchanged: ISO-8601 UTC exactly as toISOString writes it. */
export const isIsoUtcDate = (s: string): boolean => iso(s) === s;
const sameDate = (s: unknown) => s === undefined || (typeof s === 'string' && iso(s) === s);

/**
 * True when toIndexDocument(a) is `a` itself plus derived fields: every key at every level is one
 * it copies unchanged, the dates are already ISO-8601 UTC as it writes them, each actor carries its
 * `count`, no field it derives is null. Then the document's JSON is the article's own JSON with
 * those fields appended (spliceIndexDocument).
 */
function indexableAsIs(a: Record<string, unknown>): boolean {
  if (!keysIn(a, TOP_KEYS) || !keysIn(a.source, SOURCE_KEYS) || !keysIn(a.dedup, DEDUP_KEYS)) return false;
  if (a.languageDetection !== undefined && !keysIn(a.languageDetection, DETECTION_KEYS)) return false;
  if (!sameDate(a.publishedAt) || !sameDate(a.fetchedAt) || !sameDate(a.enrichedAt)) return false;
  for (const k of DERIVED) if (a[k] === null) return false;
  // toIndexDocument writes `actors: []` / `claims: []` for missing lists: only arrays are copied as is
  if (!Array.isArray(a.actors) || !Array.isArray(a.claims)) return false;
  for (const x of a.actors) if (!keysIn(x, ACTOR_KEYS) || x.count === undefined || x.count === null) return false;
  for (const c of a.claims) if (!keysIn(c, CLAIM_KEYS) || !keysIn(c.speaker, SPEAKER_KEYS)) return false;
  return true;
}

/**
 * The `_source` of toIndexDocument(a) without re-serialising the article: `json` is the UTF-8 JSON
 * `a` was parsed from (a ~22 KB enriched article), returned as two pieces to send back to back —
 * `json` up to its closing brace (a view, not a copy) and the fields toIndexDocument adds (indexedAt,
 * and any derived field the article does not carry). The same document as
 * `JSON.stringify(toIndexDocument(a, opts))` up to key order (search.spec.ts holds it to that).
 * undefined when `a` is not indexable as is (see indexableAsIs) or `json` does not start with `{`:
 * the caller serialises toIndexDocument(a) instead. Callers must make sure `json` parses to `a`.
 */
export function spliceIndexDocument(a: Enriched, json: Buffer, opts: ToIndexDocumentOptions = {}): Buffer[] | undefined {
  if (json[0] !== 0x7b || !indexableAsIs(a as unknown as Record<string, unknown>)) return undefined;
  let end = json.length - 1;
  while (end > 0 && (json[end] === 0x20 || json[end] === 0x0a || json[end] === 0x0d || json[end] === 0x09)) end--;
  if (json[end] !== 0x7d) return undefined;
  // _bulk is newline-delimited: JSON with a line break between its tokens (pretty-printed by some
  // other producer) is valid for JSON.parse but would split the document across bulk lines.
  const lf = json.indexOf(0x0a);
  if (lf !== -1 && lf < end) return undefined;
  let tail = '';
  const add = (k: string, v: unknown) => {
    if (v !== undefined) tail += `,${JSON.stringify(k)}:${JSON.stringify(v)}`;
  };
  if (a.titleNormalized === undefined && a.title !== undefined && opts.normalize) add('titleNormalized', opts.normalize(a.title));
  if (a.bodyNormalized === undefined && opts.normalize) add('bodyNormalized', opts.normalize(a.body));
  if (opts.indexedAt !== false) add('indexedAt', (opts.now?.() ?? new Date()).toISOString());
  const actors = a.actors ?? [];
  if (a.actorIds === undefined) add('actorIds', uniq(actors.map((x) => x.id)));
  if (a.actorNames === undefined) add('actorNames', uniq(actors.map((x) => x.name)));
  if (a.actorTypes === undefined) add('actorTypes', uniq(actors.map((x) => x.type)));
  if (a.claimSpeakerIds === undefined) add('claimSpeakerIds', uniq((a.claims ?? []).map((c) => c.speaker.actorId)));
  return [json.subarray(0, end), Buffer.from(`${tail}}`, 'utf8')];
}

/**
 * spliceIndexDocument for a message scanIndexableArticle (./scan.ts) said yes to: such an article
 * carries every field toIndexDocument would derive, so its document is its own bytes up to the
 * closing brace plus `indexedAt` — the same pieces spliceIndexDocument returns for its parse.
 */
export function spliceScannedArticle(json: Buffer, opts: Pick<ToIndexDocumentOptions, 'now' | 'indexedAt'> = {}): Buffer[] {
  const tail = opts.indexedAt === false ? '}' : `,"indexedAt":${JSON.stringify((opts.now?.() ?? new Date()).toISOString())}}`;
  return [json.subarray(0, json.length - 1), Buffer.from(tail, 'utf8')];
}
