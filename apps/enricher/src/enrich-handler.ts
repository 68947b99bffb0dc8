import { z } from 'zod';
import {
  EnrichedArticleSchema,
  RawArticleSchema,
  describeZodError,
  isCanonicalEnrichedArticle,
  isCanonicalRawArticle,
  type EnrichedArticle,
  type KbActor,
  type Names,
  type RawArticle,
} from '@marsad/contracts';
import { decodeJson, errorMessage, type BatchHandler, type DlqItem, type InboundMessage, type Publisher } from '@marsad/messaging';
import { warmUpEnricher, type EnrichedDraft } from '@marsad/nlp';
import type { Logger } from '@marsad/observability';

export interface EnrichEngine {
  enrich(raw: RawArticle): EnrichedDraft;
}
type Sketch = { fingerprint: string; lshKeys: string[] };
type Cluster = { clusterId: string; duplicateOf?: string };
export interface DedupAssigner {
  assign(articleId: string, sketch: Sketch): Promise<Cluster>;
  /** The chunk in order, same result as `assign` one after another (NearDuplicateIndex: one Redis script). */
  assignMany?(items: { articleId: string; sketch: Sketch }[]): Promise<Cluster[]>;
}

export interface EnrichHandlerDeps {
  names: Names;
  engine: EnrichEngine;
  /** undefined = MARSAD_DEDUP=off: every article is its own cluster. */
  dedup?: DedupAssigner;
  publisher: Publisher;
  maxBodyBytes: number;
  /** Largest enriched message we may produce (the enriched topic's max.message.bytes minus headroom). */
  maxOutputBytes: number;
  /** Bytes of JSON envelope tolerated around a maximal body before we refuse to even parse. */
  envelopeBytes: number;
  logger: Logger;
  /**
   * KB actors to warm the engine with before the first chunk (libs/nlp warmUpEnricher): a fresh
   * replica then runs at full speed from its first seconds. Omitted = no warm-up (tests).
   */
  warmUpActors?: KbActor[];
}

/**
 * One chunk of `marsad.articles.raw` → `marsad.articles.enriched`:
 * parse (invalid JSON → DLQ) → size (body over MARSAD_MAX_BODY_BYTES → DLQ) → RawArticle schema
 * (→ DLQ `field: message`) → enrich (a throw is deterministic → DLQ) → near-duplicate cluster
 * (Redis; a failure is transient → the runner retries/pauses) → one produce for the chunk, keyed by
 * article id. Returns the DLQ items; the runner writes them and then commits.
 */
export function createEnrichHandler(d: EnrichHandlerDeps): BatchHandler {
  if (d.warmUpActors) {
    const w = warmUpEnricher(d.engine, d.warmUpActors);
    d.logger.info('enrichment engine warmed up', { articles: w.articles, ms: w.ms });
  }
  const outTopic = d.names.topic('articlesEnriched');
  const limit = `MARSAD_MAX_BODY_BYTES=${d.maxBodyBytes}`;
  return async (messages) => {
    const dlq: DlqItem[] = [];
    const drafts: { m: InboundMessage; draft: EnrichedDraft }[] = [];
    for (const m of messages) {
      const parsed = decodeJson(m.value, z.unknown(), {
        maxBytes: d.maxBodyBytes + d.envelopeBytes,
        limitName: `${limit} plus ${d.envelopeBytes} bytes of envelope`,
      });
      if (!parsed.ok) {
        dlq.push({ message: m, error: parsed.error });
        continue;
      }
      const body = (parsed.value as { body?: unknown } | null)?.body;
      if (typeof body === 'string') {
        const bytes = Buffer.byteLength(body, 'utf8');
        if (bytes > d.maxBodyBytes) {
          dlq.push({ message: m, error: `body: is ${bytes} bytes, over the limit of ${d.maxBodyBytes} bytes (${limit})` });
          continue;
        }
      }
      // the fast pre-check accepts only what the schema returns unchanged; zod runs when it does not
      let raw: RawArticle;
      if (isCanonicalRawArticle(parsed.value)) raw = parsed.value;
      else {
        const r = RawArticleSchema.safeParse(parsed.value);
        if (!r.success) {
          dlq.push({ message: m, error: describeZodError(r.error) });
          continue;
        }
        raw = r.data;
      }
      try {
        drafts.push({ m, draft: d.engine.enrich(raw) });
      } catch (err) {
        d.logger.error('enrichment failed', { offset: m.offset, partition: m.partition, key: m.key, error: errorMessage(err) });
        dlq.push({ message: m, error: `enrichment failed: ${errorMessage(err)}` });
      }
    }
    // The whole chunk's near-duplicate clusters at once, in offset order (copies inside the chunk
    // join each other's cluster). Transient (Redis down): throws, the runner retries the chunk
    // (assignment is idempotent per article id).
    const clusters = await assignClusters(
      d.dedup,
      drafts.map(({ draft }) => ({ articleId: draft.id, sketch: draft.dedup })),
    );
    const out: { key: string; value: Buffer }[] = [];
    drafts.forEach(({ m, draft }, i) => {
      // The draft becomes the enriched article in place (a spread copied its ~25 keys per article);
      // `dedup` keeps its position, so the JSON is the same.
      const enriched = draft as unknown as Record<string, unknown>;
      enriched.dedup = { fingerprint: draft.dedup.fingerprint, ...clusters[i] };
      // the fast pre-check accepts only what the zod schema accepts; zod (~0.5 ms) runs when it does not, for the reason
      if (!isCanonicalEnrichedArticle(enriched)) {
        const check = EnrichedArticleSchema.safeParse(enriched);
        if (!check.success) {
          dlq.push({ message: m, error: `enriched article violates the contract: ${describeZodError(check.error)}` });
          return;
        }
      }
      // serialised once: the size check and the produce use the same bytes
      const value = Buffer.from(JSON.stringify(enriched), 'utf8');
      if (value.length > d.maxOutputBytes) {
        dlq.push({
          message: m,
          error: `enriched article is ${value.length} bytes, over the ${outTopic} limit of ${d.maxOutputBytes} bytes`,
        });
        return;
      }
      out.push({ key: (enriched as EnrichedArticle).id, value });
    });
    // Durable before the runner commits: acks=all from the idempotent producer.
    await d.publisher.send(outTopic, out);
    return { dlq };
  };
}

async function assignClusters(dedup: DedupAssigner | undefined, items: { articleId: string; sketch: Sketch }[]): Promise<Cluster[]> {
  if (!dedup) return items.map((it) => ({ clusterId: it.articleId }));
  if (dedup.assignMany) return dedup.assignMany(items);
  const out: Cluster[] = [];
  for (const it of items) out.push(await dedup.assign(it.articleId, it.sketch));
  return out;
}
