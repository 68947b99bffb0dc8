import type { Client } from '@elastic/elasticsearch';
import type { Names } from '@marsad/contracts';

/** Bump when the mapping or a setting changes; the template's `version`. 3: refresh_interval 500ms. */
export const ARTICLES_TEMPLATE_VERSION = 3;

/**
 * `index.refresh_interval` of new article indices: how long an indexed article may wait before a
 * search sees it. 500 ms, not 1 s: on the shared 2-core stack the refresh wait was most of publish →
 * searchable (target p99 ≤ 2 s), and Elasticsearch's CPU per article did not rise measurably
 * (bench/es-index.ts and two alternated bench:pipeline pairs, ADR 0013 sixth session; not measured
 * alone past saturation). Existing indices keep theirs (the
 * template applies at creation; `PUT <index>/_settings` changes it on a live index).
 */
export const ARTICLES_REFRESH_INTERVAL = '500ms';

const keyword = (ignoreAbove = 1024) => ({ type: 'keyword', ignore_above: ignoreAbove });
const text = { type: 'text', analyzer: 'standard' };

/**
 * Mapping of `marsad-articles-*`. Kibana-friendly: dates, flat keyword arrays for aggregations
 * (Kibana visualisations cannot aggregate nested fields), `actors`/`claims` also `nested` for
 * precise queries. `dynamic: false`: unknown fields stay in _source but are not indexed, so junk
 * metadata cannot explode the mapping; `metadata` and mention lists are stored, never indexed.
 * Only core field types: the integ-test zip has no mapper-extras and no analysis-common, so text
 * fields use the `standard` analyzer over Arabic-normalised text produced by libs/nlp.
 */
export const ARTICLES_MAPPINGS = {
  dynamic: false,
  properties: {
    id: keyword(128),
    schemaVersion: { type: 'integer' },
    url: keyword(4096),
    source: { properties: { name: keyword(512), domain: keyword(512), country: keyword(8) } },
    title: text,
    body: text,
    titleNormalized: text,
    bodyNormalized: text,
    language: keyword(16),
    languageDetection: { properties: { code: keyword(16), confidence: { type: 'float' }, extractor: keyword(64) } },
    publishedAt: { type: 'date' },
    fetchedAt: { type: 'date' },
    enrichedAt: { type: 'date' },
    indexedAt: { type: 'date' },
    enrichmentVersion: keyword(64),
    actorIds: keyword(256),
    actorNames: keyword(512),
    actorTypes: keyword(32),
    claimSpeakerIds: keyword(256),
    actors: {
      type: 'nested',
      properties: {
        id: keyword(256),
        name: keyword(512),
        type: keyword(32),
        count: { type: 'integer' },
        salience: { type: 'float' },
        source: keyword(16),
        mentions: { type: 'object', enabled: false },
      },
    },
    claims: {
      type: 'nested',
      properties: {
        speaker: { properties: { actorId: keyword(256), name: keyword(512), text: { type: 'text', analyzer: 'standard' } } },
        verb: keyword(128),
        kind: keyword(64),
        text,
        quoted: { type: 'boolean' },
        actorIds: keyword(256),
        field: keyword(16),
        start: { type: 'integer', index: false },
        end: { type: 'integer', index: false },
      },
    },
    dedup: { properties: { fingerprint: keyword(256), clusterId: keyword(128), duplicateOf: keyword(128) } },
    metadata: { type: 'object', enabled: false },
  },
} as const;

/**
 * Indexed but not stored in `_source`: the Arabic-normalised copies of title and body exist only
 * for search (the `standard` analyzer over folded text). Nothing reads them back — the admin API
 * reads the raw fields, Kibana's data view already hid them (sourceFilters) — and they were ~20%
 * of every stored document. A reindex from `_source` therefore cannot rebuild them: re-run the
 * articles through the pipeline (admin reprocess) instead. Only new indices get this (an existing
 * index cannot change `_source.excludes`); ensureArticlesTemplate does not push it to them.
 */
export const ARTICLES_SOURCE_EXCLUDES = ['titleNormalized', 'bodyNormalized'] as const;

export interface ArticlesTemplateOptions {
  /**
   * `index.number_of_replicas`: 0 on the single-node local stack (else every index stays yellow);
   * production sets 1+ (ILM / rollover are not used: see docs/decisions/0005).
   */
  replicas?: number;
  shards?: number;
  refreshInterval?: string;
}

export function articlesTemplateBody(names: Names, opts: ArticlesTemplateOptions = {}) {
  return {
    name: names.articlesTemplate,
    index_patterns: [names.articlesIndexPattern],
    priority: 200,
    version: ARTICLES_TEMPLATE_VERSION,
    _meta: { managedBy: 'marsad', component: 'libs/search', alias: names.articlesAlias },
    template: {
      settings: {
        number_of_shards: opts.shards ?? 1,
        number_of_replicas: opts.replicas ?? 0,
        refresh_interval: opts.refreshInterval ?? ARTICLES_REFRESH_INTERVAL,
        'mapping.total_fields.limit': 500,
        'mapping.nested_objects.limit': 20_000,
      },
      aliases: { [names.articlesAlias]: {} },
      mappings: { _source: { excludes: [...ARTICLES_SOURCE_EXCLUDES] }, ...ARTICLES_MAPPINGS },
    },
  };
}

/**
 * Puts the ONE index template for `<ns>-marsad-articles-*` (idempotent: same body every time).
 * Its `aliases` make every monthly index join the read alias `<ns>-marsad-articles` when it is
 * created (the indexer creates indices implicitly via `_bulk`). Existing indices keep their mapping;
 * additive mapping changes are also pushed to them (conflicts are reported, not fatal).
 */
export async function ensureArticlesTemplate(
  client: Client,
  names: Names,
  opts: ArticlesTemplateOptions = {},
): Promise<{ updatedIndices: string[]; mappingConflicts: string[] }> {
  const body = articlesTemplateBody(names, opts);
  await client.indices.putIndexTemplate(body as never);
  const updatedIndices: string[] = [];
  const mappingConflicts: string[] = [];
  const existing = await client.indices
    .get({ index: names.articlesIndexPattern, allow_no_indices: true, expand_wildcards: 'open' })
    .catch(() => ({}));
  for (const index of Object.keys(existing)) {
    try {
      await client.indices.putMapping({ index, ...(ARTICLES_MAPPINGS as object) } as never);
      updatedIndices.push(index);
    } catch (err) {
      mappingConflicts.push(`${index}: ${(err as Error).message}`);
    }
    // An index created before the template (or by hand) joins the alias too.
    await client.indices.putAlias({ index, name: names.articlesAlias }).catch(() => undefined);
  }
  return { updatedIndices, mappingConflicts };
}
