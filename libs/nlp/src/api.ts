import type { EnrichedArticle, RawArticle } from '@marsad/contracts';

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
export type EnrichedDraft = Omit<EnrichedArticle, 'dedup'> & { dedup: { fingerprint: string } };
export type { RawArticle };
