// The enrichment engine (issue 3): plain TypeScript, no Nest, no I/O.
export * from './api';
export { Enricher, ENRICHMENT_VERSION } from './enricher';
export type { KnowledgeBaseLike, EnricherOptions } from './enricher';
export {
  NearDuplicateIndex,
  InMemoryDedupStore,
  simhash,
  sketch,
  sketchArticle,
  hamming,
  fingerprintArticle,
  DEDUP_LSH_BANDS,
  DEDUP_MAX_HAMMING,
  type DedupSketch,
  type DedupItem,
  type BatchDedupStore,
} from './dedup';
export { warmUpEnricher, type WarmableEnricher } from './warmup';
export { detectLanguage } from './langid';
export type { LanguageGuess } from './langid';
export { foldWithMap, foldText, normalizeForSearch, nfc, tokenize, arabicVariants, splitSentences, detectBoilerplate } from './text';
export type { Folded, Token, Sentence, Span } from './text';
export { Gazetteer } from './gazetteer';
export { ruleActorId } from './actors';
