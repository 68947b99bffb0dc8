import type { Actor, Claim, EnrichedArticle, RawArticle } from '@marsad/contracts';

/** Storage behind the near-duplicate index (in memory for the CLI, Redis in the enricher). */
export interface DedupStore {
  /** Entries previously stored under any of these LSH band keys. */
  candidates(bandKeys: string[]): Promise<DedupEntry[]>;
  /** Remember an entry under its band keys. */
  add(bandKeys: string[], entry: DedupEntry): Promise<void>;
}
export interface DedupEntry {
  articleId: string;
  fingerprint: string;
  clusterId: string;
}
export type DedupResult = { clusterId: string; duplicateOf?: string };

/** An enriched article before the near-duplicate index has assigned its cluster. */
export type EnrichedDraft = Omit<EnrichedArticle, 'dedup'> & {
  schemaVersion: number;
  id: string;
  url: string;
  source: RawArticle['source'];
  title?: string;
  body: string;
  language: string;
  languageDetection: { code: string; confidence: number; extractor: string };
  actors: Actor[];
  claims: Claim[];
  enrichedAt: string;
  enrichmentVersion: string;
  /** Arabic-normalised text for the search index (ES has no arabic analyzer here). */
  titleNormalized: string;
  bodyNormalized: string;
  /** Flat keyword fields for Kibana aggregations. */
  actorIds: string[];
  actorNames: string[];
  actorTypes: string[];
  claimSpeakerIds: string[];
  /** SimHash fingerprint + MinHash LSH keys; the caller assigns the cluster (NearDuplicateIndex). */
  dedup: { fingerprint: string; lshKeys: string[] };
};
export type { RawArticle };
