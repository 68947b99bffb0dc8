import { randomBytes } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException, type OnApplicationShutdown } from '@nestjs/common';
import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { z } from 'zod';
import { SCHEMA_VERSION, type RawArticle } from '@marsad/contracts';
import type { OutboundMessage } from '@marsad/messaging';
import { errorFields } from '@marsad/observability';
import { ValidationFailed } from '../http/errors';
import { ADMIN_CTX, type AdminContext } from '../context';
import { AdminSearch } from '../status/search';
import { esErrorSummary } from '../status/status';

const isoDate = z
  .string({ required_error: 'is required', invalid_type_error: 'must be an ISO-8601 date-time string' })
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
    'must be an ISO-8601 date or date-time, e.g. 2026-11-01T00:00:00Z',
  )
  .transform((s) => new Date(s).toISOString());

export const ReprocessRequestSchema = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'must not be after "to"', path: ['from'] });

export type ReprocessState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ReprocessProgress {
  id: string;
  state: ReprocessState;
  from: string;
  to: string;
  /** Stored articles in the range when the job started (point-in-time). */
  total: number;
  /** Republished to marsad.articles.raw so far. */
  published: number;
  /** Documents that could not be rebuilt into a RawArticle (no url/body/source). */
  skipped: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** Fields of the indexed document a RawArticle is rebuilt from (libs/search toIndexDocument keeps them all). */
export const RAW_FIELDS = ['id', 'url', 'source', 'title', 'body', 'language', 'publishedAt', 'fetchedAt', 'metadata'] as const;

/**
 * The stored document → the RawArticle the scraper would have sent: url, source, title, body,
 * publishedAt, fetchedAt, metadata and the id (so the indexer overwrites the same `_id`). The
 * detected language is passed back as the hint (the original hint is not stored); `und` is not.
 * Undefined when the document lacks what a RawArticle needs.
 */
export function rawFromDocument(id: string, src: Record<string, unknown>): (RawArticle & { id: string }) | undefined {
  const source = src.source as { name?: unknown; domain?: unknown; country?: unknown } | undefined;
  if (
    typeof src.url !== 'string' ||
    !src.url ||
    typeof src.body !== 'string' ||
    !source ||
    typeof source.name !== 'string' ||
    !source.name.trim()
  )
    return undefined;
  const raw: RawArticle & { id: string } = {
    schemaVersion: SCHEMA_VERSION,
    id: typeof src.id === 'string' && src.id ? src.id : id,
    url: src.url,
    source: {
      name: source.name,
      ...(typeof source.domain === 'string' ? { domain: source.domain } : {}),
      ...(typeof source.country === 'string' ? { country: source.country } : {}),
    },
    body: src.body,
  };
  if (typeof src.title === 'string') raw.title = src.title;
  if (typeof src.language === 'string' && src.language && src.language !== 'und') raw.language = src.language;
  if (typeof src.publishedAt === 'string') raw.publishedAt = src.publishedAt;
  if (typeof src.fetchedAt === 'string') raw.fetchedAt = src.fetchedAt;
  if (src.metadata && typeof src.metadata === 'object' && !Array.isArray(src.metadata))
    raw.metadata = src.metadata as Record<string, unknown>;
  return raw;
}

/** Articles whose publishedAt is in [from, to], or without publishedAt and fetchedAt in it (their monthly-index date). */
export function rangeQuery(from: string, to: string) {
  return {
    bool: {
      should: [
        { range: { publishedAt: { gte: from, lte: to } } },
        { bool: { must_not: [{ exists: { field: 'publishedAt' } }], filter: [{ range: { fetchedAt: { gte: from, lte: to } } }] } },
      ],
      minimum_should_match: 1,
    },
  };
}

const KEEP_JOBS = 20;

/**
 * Re-enrichment of stored articles (after a KB edit or a new ENRICHMENT_VERSION), as a background
 * job in this admin replica: a point-in-time over the articles alias, paged with search_after,
 * every document rebuilt into its RawArticle and republished to marsad.articles.raw (key = id,
 * header `marsad-reprocess: <job id>`). The enricher re-enriches with its current KB and version;
 * the indexer overwrites the same `_id`. No _reindex/_update_by_query/scripts (absent from the
 * local ES zip) — the normal pipeline does the writing. One job at a time per replica; progress
 * is kept in memory (the last 20 jobs).
 */
@Injectable()
export class ReprocessJobs implements OnApplicationShutdown {
  private readonly jobs = new Map<string, ReprocessProgress>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly running = new Set<Promise<void>>();
  /** Page size of the point-in-time reads (and of each publish). */
  pageSize = 200;

  constructor(
    @Inject(ADMIN_CTX) private readonly ctx: AdminContext,
    @Inject(AdminSearch) private readonly search: AdminSearch,
  ) {}

  start(body: unknown): ReprocessProgress {
    const parsed = ReprocessRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ValidationFailed.fromZod(parsed.error);
    const busy = [...this.jobs.values()].find((j) => j.state === 'running');
    if (busy)
      throw new ConflictException({
        error: 'conflict',
        message: `reprocess ${busy.id} is still running (${busy.published}/${busy.total}); wait for it or DELETE /v1/reprocess/${busy.id}`,
        id: busy.id,
      });
    const job: ReprocessProgress = {
      id: `rp_${randomBytes(6).toString('hex')}`,
      state: 'running',
      from: parsed.data.from,
      to: parsed.data.to,
      total: 0,
      published: 0,
      skipped: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP_JOBS))) this.jobs.delete(id);
    const abort = new AbortController();
    this.aborts.set(job.id, abort);
    const p = this.run(job, abort.signal).finally(() => {
      this.aborts.delete(job.id);
      this.running.delete(p);
    });
    this.running.add(p);
    this.ctx.logger.info('reprocess started', { reprocessId: job.id, from: job.from, to: job.to });
    return { ...job };
  }

  get(id: string): ReprocessProgress {
    const j = this.jobs.get(id);
    if (!j)
      throw new NotFoundException({
        error: 'not_found',
        message: `no reprocess "${id}" on this replica (progress is kept in memory, the last ${KEEP_JOBS} jobs)`,
      });
    return { ...j };
  }

  cancel(id: string): ReprocessProgress {
    const j = this.get(id);
    this.aborts.get(id)?.abort();
    return j;
  }

  /** Newest first. */
  list(): ReprocessProgress[] {
    return [...this.jobs.values()].reverse().map((j) => ({ ...j }));
  }

  private async run(job: ReprocessProgress, signal: AbortSignal): Promise<void> {
    const es = this.search.client;
    const index = this.ctx.names.articlesAlias;
    const topic = this.ctx.names.topic('articlesRaw');
    const query = rangeQuery(job.from, job.to);
    let pitId: string | undefined;
    try {
      try {
        pitId = (await es.openPointInTime({ index, keep_alive: '2m' })).id;
      } catch (err) {
        if ((err as { meta?: { statusCode?: number } }).meta?.statusCode === 404) {
          job.state = 'done'; // no article was ever indexed in this namespace
          return;
        }
        throw err;
      }
      let searchAfter: unknown[] | undefined;
      let first = true;
      for (;;) {
        if (signal.aborted) {
          job.state = 'cancelled';
          return;
        }
        const res: SearchResponse<Record<string, unknown>> = await es.search<Record<string, unknown>>({
          pit: { id: pitId!, keep_alive: '2m' },
          size: this.pageSize,
          query,
          sort: [{ _shard_doc: 'asc' }] as never,
          _source: [...RAW_FIELDS],
          track_total_hits: first,
          ...(searchAfter ? { search_after: searchAfter as never } : {}),
        });
        pitId = res.pit_id ?? pitId;
        if (first) {
          const t = res.hits.total;
          job.total = typeof t === 'number' ? t : (t?.value ?? 0);
          first = false;
        }
        const hits = res.hits.hits;
        if (!hits.length) break;
        const out: OutboundMessage[] = [];
        for (const h of hits) {
          const raw = rawFromDocument(h._id!, h._source ?? {});
          if (!raw) {
            job.skipped++;
            continue;
          }
          out.push({ key: raw.id, value: raw, headers: { 'marsad-reprocess': job.id } });
        }
        if (out.length) await this.ctx.publisher.send(topic, out);
        job.published += out.length;
        searchAfter = hits[hits.length - 1].sort as unknown[];
        if (hits.length < this.pageSize) break;
      }
      job.state = 'done';
    } catch (err) {
      job.state = 'failed';
      // The store's own error text stays in the log (it can carry cluster internals).
      job.error = `${esErrorSummary(err)} (details in the admin log)`;
      this.ctx.logger.error('reprocess failed', { reprocessId: job.id, ...errorFields(err) });
    } finally {
      job.finishedAt = new Date().toISOString();
      if (pitId) await es.closePointInTime({ id: pitId }).catch(() => undefined);
      this.ctx.logger.info('reprocess finished', {
        reprocessId: job.id,
        state: job.state,
        total: job.total,
        published: job.published,
        skipped: job.skipped,
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const a of this.aborts.values()) a.abort();
    await Promise.allSettled([...this.running]);
  }
}
