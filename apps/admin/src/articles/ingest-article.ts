import { RawArticleSchema, SCHEMA_VERSION, articleIdFromUrl, fieldErrors, type FieldError, type RawArticle } from '@marsad/contracts';
import type { OutboundMessage } from '@marsad/messaging';
import { ValidationFailed } from '../http/errors';
import type { AdminContext } from '../context';

/** At most this many articles per batch request (the body is also capped by MARSAD_MAX_BODY_BYTES). */
export const MAX_BATCH = 1000;

/** One failed item of a batch: its index in the request and the field that is wrong. */
export interface ItemError extends FieldError {
  index: number;
}

export interface BatchIngestResult {
  accepted: number;
  rejected: number;
  /** Ids of the accepted articles, in request order. */
  ids: string[];
  /** Per request index: the id, or null when that item was rejected. */
  items: ({ index: number; id: string } | { index: number; error: FieldError })[];
  errors: ItemError[];
}

function prepare(article: RawArticle): { id: string; value: RawArticle & { id: string; schemaVersion: number } } {
  const id = article.id ?? articleIdFromUrl(article.url);
  return { id, value: { ...article, id, schemaVersion: article.schemaVersion ?? SCHEMA_VERSION } };
}

/** A batch request: a JSON array, or `{ articles: [...] }`. Anything else is a single article. */
export function batchItems(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object' && !Array.isArray(body) && 'articles' in body && Object.keys(body).length === 1) {
    const a = (body as { articles: unknown }).articles;
    if (Array.isArray(a)) return a;
    throw ValidationFailed.field('articles', 'must be an array of articles');
  }
  return undefined;
}

/**
 * HTTP ingest: validate a RawArticle and publish it to marsad.articles.raw keyed by its id (the
 * supplied id, else the digest of the canonical URL — the same id the enricher would derive).
 * Resolves once Kafka acknowledged the write (acks=all), hence 202: enrichment follows async.
 */
export async function ingestArticle(ctx: AdminContext, body: unknown): Promise<{ id: string }> {
  const res = RawArticleSchema.safeParse(body);
  if (!res.success) throw ValidationFailed.fromZod(res.error);
  const { id, value } = prepare(res.data);
  await ctx.publisher.publish(ctx.names.topic('articlesRaw'), id, value);
  ctx.logger.info('article ingested', { articleId: id, source: res.data.source.name });
  return { id };
}

/**
 * Batch ingest (`[...]` or `{ articles: [...] }`): validates every item; the valid ones are
 * published in one acks=all send, the invalid ones are reported by index with the field
 * (`errors[i] = { index, field, message }`). All items invalid (or an empty batch) → 400 whose
 * fields are `[<index>].<field>`; otherwise 202 with `accepted`, `rejected`, `ids` and `items`.
 */
export async function ingestBatch(ctx: AdminContext, items: unknown[]): Promise<BatchIngestResult> {
  if (items.length === 0) throw ValidationFailed.field('articles', 'needs at least one article');
  if (items.length > MAX_BATCH) throw ValidationFailed.field('articles', `at most ${MAX_BATCH} articles per request (got ${items.length})`);
  const out: BatchIngestResult = { accepted: 0, rejected: 0, ids: [], items: [], errors: [] };
  const messages: OutboundMessage[] = [];
  items.forEach((item, index) => {
    const res = RawArticleSchema.safeParse(item);
    if (!res.success) {
      const errs = fieldErrors(res.error);
      out.errors.push(...errs.map((e) => ({ index, ...e })));
      out.items.push({ index, error: errs[0] ?? { field: '(root)', message: 'invalid' } });
      out.rejected++;
      return;
    }
    const { id, value } = prepare(res.data);
    messages.push({ key: id, value });
    out.ids.push(id);
    out.items.push({ index, id });
    out.accepted++;
  });
  if (!messages.length) {
    throw new ValidationFailed(out.errors.map((e) => ({ field: `[${e.index}].${e.field}`, message: e.message })));
  }
  await ctx.publisher.send(ctx.names.topic('articlesRaw'), messages);
  ctx.logger.info('article batch ingested', { accepted: out.accepted, rejected: out.rejected });
  return out;
}
