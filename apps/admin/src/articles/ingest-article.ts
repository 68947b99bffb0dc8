import { RawArticleSchema, SCHEMA_VERSION, articleIdFromUrl } from '@marsad/contracts';
import { ValidationFailed } from '../http/errors';
import type { AdminContext } from '../context';

/**
 * HTTP ingest: validate a RawArticle and publish it to marsad.articles.raw keyed by its id (the
 * supplied id, else the digest of the canonical URL — the same id the enricher would derive).
 * Resolves once Kafka acknowledged the write (acks=all), hence 202: enrichment follows async.
 */
export async function ingestArticle(ctx: AdminContext, body: unknown): Promise<{ id: string }> {
  const res = RawArticleSchema.safeParse(body);
  if (!res.success) throw ValidationFailed.fromZod(res.error);
  const article = res.data;
  const id = article.id ?? articleIdFromUrl(article.url);
  await ctx.publisher.publish(ctx.names.topic('articlesRaw'), id, { ...article, id, schemaVersion: article.schemaVersion ?? SCHEMA_VERSION });
  ctx.logger.info('article ingested', { articleId: id, source: article.source.name });
  return { id };
}
