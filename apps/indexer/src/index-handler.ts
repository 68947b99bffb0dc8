import { EnrichedArticleSchema, isCanonicalEnrichedArticle, type EnrichedArticle, type Names } from '@marsad/contracts';
import { TransientError, decodeJson, errorMessage, type BatchHandler, type DlqItem, type InboundMessage } from '@marsad/messaging';
import { BulkWriter, isTransientRequestError, monthlyIndexFor, toIndexDocument, type BulkDoc } from '@marsad/search';
import type { Logger } from '@marsad/observability';

export interface IndexHandlerDeps {
  names: Names;
  writer: BulkWriter;
  /** Search normaliser from libs/nlp, for articles that carry no *Normalized text. */
  normalize?: (s: string) => string;
  /** Largest enriched message accepted (the enriched topic's max.message.bytes). */
  maxMessageBytes: number;
  logger: Logger;
}

/**
 * One chunk of `marsad.articles.enriched` → one `_bulk` into the monthly indices (`_id` = article
 * id, so redelivery overwrites). Invalid messages and documents ES rejects for good go to the DLQ
 * (stage `index`); a failed request or transient item failures THROW, so the runner retries with
 * backoff and pauses the partition while ES is down, committing nothing.
 */
export function createIndexHandler(d: IndexHandlerDeps): BatchHandler {
  return async (messages, ctx) => {
    const dlq: DlqItem[] = [];
    const docs: (BulkDoc & { message: InboundMessage })[] = [];
    for (const m of messages) {
      const dec = decodeJson(m.value, EnrichedArticleSchema, {
        maxBytes: d.maxMessageBytes,
        limitName: 'max.message.bytes of the enriched topic',
        accept: isCanonicalEnrichedArticle, // zod only for what this check cannot vouch for
      });
      if (!dec.ok) {
        dlq.push({ message: m, error: dec.error });
        continue;
      }
      const a = dec.value as EnrichedArticle;
      try {
        docs.push({ id: a.id, index: monthlyIndexFor(a, d.names), doc: toIndexDocument(a, { normalize: d.normalize }), message: m });
      } catch (err) {
        dlq.push({ message: m, error: `cannot build the index document: ${errorMessage(err)}` });
      }
    }
    if (docs.length) {
      let result;
      try {
        result = await d.writer.write(docs);
      } catch (err) {
        if (isTransientRequestError(err) || docs.length === 0) throw err;
        // The whole request was refused (400/413...): find the culprit(s) one document at a time.
        d.logger.warn('bulk request refused; retrying documents one by one', { error: errorMessage(err), docs: docs.length });
        result = {
          items: [] as Awaited<ReturnType<BulkWriter['write']>>['items'],
          transient: [] as Awaited<ReturnType<BulkWriter['write']>>['items'],
          permanent: [] as Awaited<ReturnType<BulkWriter['write']>>['items'],
        };
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
      }
      if (result.transient.length) {
        const first = result.transient[0];
        throw new TransientError(
          `${result.transient.length} of ${docs.length} documents not indexed yet (${first.ok ? '' : first.reason})`,
        );
      }
      const byId = new Map(docs.map((x) => [`${x.index}\u0000${x.id}`, x.message] as const));
      for (const p of result.permanent) {
        if (p.ok) continue;
        const message = byId.get(`${p.index}\u0000${p.id}`);
        if (message) dlq.push({ message, error: `elasticsearch rejected the document (${p.status}): ${p.reason}`, attempts: ctx.attempt });
      }
    }
    return { dlq };
  };
}
