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
