import { EnrichedArticleSchema, isCanonicalEnrichedArticle, type EnrichedArticle, type Names } from '@marsad/contracts';
import { TransientError, decodeJson, errorMessage, type BatchHandler, type DlqItem, type InboundMessage } from '@marsad/messaging';
import {
  BulkWriter,
  isTransientRequestError,
  monthlyIndexFor,
  scanIndexableArticle,
  spliceIndexDocument,
  spliceScannedArticle,
  toIndexDocument,
  type BulkDoc,
} from '@marsad/search';
import type { Logger } from '@marsad/observability';

export interface IndexHandlerDeps {
  names: Names;
  writer: BulkWriter;
  /** Search normaliser from libs/nlp, for articles that carry no *Normalized text. */
  normalize?: (s: string) => string;
  /** Largest enriched message accepted (the enriched topic's max.message.bytes). */
  maxMessageBytes: number;
  /**
   * Serialised documents sent per `_bulk` (roughly: characters of JSON, the writer splits by exact
   * bytes): a chunk goes out in slices, so only one slice of parsed articles is alive at a time.
   */
  sliceBytes?: number;
  logger: Logger;
}

type Doc = BulkDoc & { message: InboundMessage };
type Built = { ok: true; doc: Doc; bytes: number } | { ok: false; error: string };

/**
 * One enriched message → its bulk document. `splice`: the article's own JSON with the index fields
 * appended (spliceIndexDocument) when toIndexDocument would copy it unchanged — no second
 * serialisation of a ~22 KB article; else (or `splice: false`) JSON.stringify(toIndexDocument(a)).
 */
function buildDoc(d: IndexHandlerDeps, m: InboundMessage, splice: boolean): Built {
  // The common case without parsing: compact JSON the scan finds canonical and complete is sent as
  // its own bytes plus indexedAt — what the path below would splice, without decoding ~22 KB to a
  // string, JSON.parse's thousand small objects and the garbage they make. Anything else: below.
  if (splice && m.value && m.value.length <= d.maxMessageBytes) {
    const scanned = scanIndexableArticle(m.value);
    if (scanned) {
      const parts = spliceScannedArticle(m.value);
      const doc = { id: scanned.id, index: monthlyIndexFor(scanned, d.names), parts, message: m };
      return { ok: true, doc, bytes: parts[0].length + parts[1].length };
    }
  }
  let vouched = false;
  const dec = decodeJson(m.value, EnrichedArticleSchema, {
    maxBytes: d.maxMessageBytes,
    limitName: 'max.message.bytes of the enriched topic',
    accept: (v) => (vouched = isCanonicalEnrichedArticle(v)), // zod only for what this check cannot vouch for
  });
  if (!dec.ok) return { ok: false, error: dec.error };
  const a = dec.value as EnrichedArticle;
  try {
    const index = monthlyIndexFor(a, d.names);
    // Only a value the fast check vouched for is the parse of m.value itself (zod's is a copy,
    // possibly with trimmed or stripped fields).
    const parts = splice && vouched ? spliceIndexDocument(a, m.value!, { normalize: d.normalize }) : undefined;
    if (parts) return { ok: true, doc: { id: a.id, index, parts, message: m }, bytes: parts[0].length + parts[1].length };
    const json = JSON.stringify(toIndexDocument(a, { normalize: d.normalize }));
    return { ok: true, doc: { id: a.id, index, json, message: m }, bytes: json.length };
  } catch (err) {
    return { ok: false, error: `cannot build the index document: ${errorMessage(err)}` };
  }
}
type WriteResult = Pick<Awaited<ReturnType<BulkWriter['write']>>, 'items' | 'transient' | 'permanent'>;

/**
 * One chunk of `marsad.articles.enriched` → `_bulk` requests into the monthly indices (`_id` =
 * article id, so redelivery overwrites), sent slice by slice as the chunk is decoded. Invalid
 * messages and documents ES rejects for good go to the DLQ (stage `index`); a failed request or
 * transient item failures THROW, so the runner retries the chunk with backoff (the slices already
 * written are overwritten: same ids) and pauses the partition while ES is down, committing nothing.
 */
export function createIndexHandler(d: IndexHandlerDeps): BatchHandler {
  const sliceBytes = d.sliceBytes ?? 5 * 1024 * 1024;
  return async (messages, ctx) => {
    const dlq: DlqItem[] = [];
    let slice: Doc[] = [];
    let bytes = 0;
    const flush = async () => {
      const docs = slice;
      slice = [];
      bytes = 0;
      if (!docs.length) return;
      let rejected = await writeChecked(d, docs);
      // A spliced document sends the producer's own JSON: one that Elasticsearch refuses (e.g. a
      // duplicate key, which JSON.parse let through) is sent once more as toIndexDocument's JSON,
      // so what is indexed or DLQed is what the serialising path would have given.
      const again = rejected.filter((r) => r.doc.parts);
      if (again.length) {
        rejected = rejected.filter((r) => !r.doc.parts);
        const rebuilt: Doc[] = [];
        for (const { doc } of again) {
          const b = buildDoc(d, doc.message, false);
          if (b.ok) rebuilt.push(b.doc);
          else dlq.push({ message: doc.message, error: b.error });
        }
        if (rebuilt.length) rejected.push(...(await writeChecked(d, rebuilt)));
      }
      for (const r of rejected) dlq.push({ message: r.doc.message, error: r.error, attempts: ctx.attempt });
    };
    for (const m of messages) {
      const b = buildDoc(d, m, true);
      if (!b.ok) {
        dlq.push({ message: m, error: b.error });
        continue;
      }
      slice.push(b.doc);
      bytes += b.bytes;
      if (bytes >= sliceBytes) await flush();
    }
    await flush();
    return { dlq };
  };
}

/**
 * Writes `docs`; throws TransientError when any is not indexed yet (the runner retries the chunk);
 * returns the documents Elasticsearch refused for good, with the reason.
 */
async function writeChecked(d: IndexHandlerDeps, docs: Doc[]): Promise<{ doc: Doc; error: string }[]> {
  const result = await writeSlice(d, docs);
  if (result.transient.length) {
    const first = result.transient[0];
    throw new TransientError(`${result.transient.length} of ${docs.length} documents not indexed yet (${first.ok ? '' : first.reason})`);
  }
  const byId = new Map(docs.map((x) => [`${x.index}\u0000${x.id}`, x] as const));
  const rejected: { doc: Doc; error: string }[] = [];
  for (const p of result.permanent) {
    if (p.ok) continue;
    const doc = byId.get(`${p.index}\u0000${p.id}`);
    if (doc) rejected.push({ doc, error: `elasticsearch rejected the document (${p.status}): ${p.reason}` });
  }
  return rejected;
}

/** One `_bulk` of a slice; a request refused as a whole (400/413...) is retried document by document to find the culprit(s). */
async function writeSlice(d: IndexHandlerDeps, docs: Doc[]): Promise<WriteResult> {
  try {
    return await d.writer.write(docs);
  } catch (err) {
    if (isTransientRequestError(err)) throw err;
    d.logger.warn('bulk request refused; retrying documents one by one', { error: errorMessage(err), docs: docs.length });
    const result: WriteResult = { items: [], transient: [], permanent: [] };
    for (const doc of docs) {
      try {
        const r = await d.writer.write([doc]);
        result.items.push(...r.items);
        result.transient.push(...r.transient);
        result.permanent.push(...r.permanent);
      } catch (e) {
        if (isTransientRequestError(e)) throw e;
        const item = {
          id: doc.id,
          index: doc.index,
          ok: false as const,
          status: 400,
          type: 'request_refused',
          reason: errorMessage(e),
          transient: false,
        };
        result.items.push(item);
        result.permanent.push(item);
      }
    }
    return result;
  }
}
