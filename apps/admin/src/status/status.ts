import type { Admin } from 'kafkajs';
import type { Queue } from 'bullmq';
import type { Client } from '@elastic/elasticsearch';
import { errorFields } from '@marsad/observability';
import type { AdminContext } from '../context';

export interface GroupLag {
  service: string;
  groupId: string;
  topic: string;
  lag: number | null;
  partitions: { partition: number; committed: string | null; high: string; lag: number }[];
  error?: string;
}

/** Which consumer group reads which topic (per service). */
const CONSUMERS: { service: string; topic: 'articlesRaw' | 'articlesEnriched' }[] = [
  { service: 'enricher', topic: 'articlesRaw' },
  { service: 'indexer', topic: 'articlesEnriched' },
  { service: 'alerter', topic: 'articlesEnriched' },
];

async function groupLag(admin: Admin, groupId: string, topic: string): Promise<Omit<GroupLag, 'service'>> {
  const ends = await admin.fetchTopicOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const partitions = ends.map((e) => {
    const c = committed?.partitions.find((p) => p.partition === e.partition)?.offset;
    const from = c !== undefined && c !== '-1' ? BigInt(c) : BigInt(e.low);
    const lag = Number(BigInt(e.high) - from);
    return { partition: e.partition, committed: c !== undefined && c !== '-1' ? c : null, high: e.high, lag: Math.max(0, lag) };
  });
  return { groupId, topic, lag: partitions.reduce((n, p) => n + p.lag, 0), partitions };
}

/**
 * Operator view of the pipeline: consumer lag per service (committed offsets vs high watermarks),
 * DLQ depth, watches, and the alerts queue. Every part is bounded and reports its own error, so a
 * status call answers even while a dependency is down.
 */
export interface StatusExtras {
  es?: Client;
  reprocess?: () => unknown[];
  /** Per-part time budget (ms) for HTTP probes and Elasticsearch calls. */
  timeoutMs?: number;
  now?: () => number;
}

export interface ServiceHealth {
  service: string;
  url: string;
  status: 'up' | 'down' | 'unreachable';
  httpStatus?: number;
  checks?: Record<string, unknown>;
  ms: number;
  error?: string;
}

/** `GET <url>/health/ready` of each service, with a short timeout: up (200), down (503...), unreachable. */
export async function serviceHealth(services: { service: string; url: string }[], timeoutMs = 1500): Promise<ServiceHealth[]> {
  return Promise.all(
    services.map(async ({ service, url }) => {
      const t0 = Date.now();
      const target = `${url.replace(/\/+$/, '')}/health/ready`;
      try {
        const res = await fetch(target, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
        const body = (await res.json().catch(() => undefined)) as { checks?: Record<string, unknown> } | undefined;
        return {
          service,
          url,
          status: res.status === 200 ? 'up' : 'down',
          httpStatus: res.status,
          ...(body?.checks ? { checks: body.checks } : {}),
          ms: Date.now() - t0,
        } as ServiceHealth;
      } catch (err) {
        const e = err as Error & { cause?: { code?: string; message?: string } };
        const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
        return { service, url, status: 'unreachable', ms: Date.now() - t0, error: why } as ServiceHealth;
      }
    }),
  );
}

/** Feed freshness from the newest article dates, and the stale-feed warning. */
export function feedFreshness(
  newest: { fetchedAt?: string | null; enrichedAt?: string | null; indexedAt?: string | null },
  staleMinutes: number,
  now: number,
) {
  const candidates = [newest.fetchedAt, newest.enrichedAt]
    .filter((s): s is string => !!s)
    .map((s) => Date.parse(s))
    .filter((n) => !Number.isNaN(n));
  const last = candidates.length ? Math.max(...candidates) : undefined;
  const ageSeconds = last === undefined ? null : Math.max(0, Math.round((now - last) / 1000));
  const stale = ageSeconds === null || ageSeconds > staleMinutes * 60;
  return {
    lastArticleAt: last === undefined ? null : new Date(last).toISOString(),
    ageSeconds,
    newestFetchedAt: newest.fetchedAt ?? null,
    newestEnrichedAt: newest.enrichedAt ?? null,
    newestIndexedAt: newest.indexedAt ?? null,
    staleAfterMinutes: staleMinutes,
    stale,
    ...(stale
      ? {
          warning:
            last === undefined
              ? 'no article has been indexed yet'
              : `no new article for ${Math.floor(ageSeconds! / 60)} min (MARSAD_STALE_FEED_MINUTES=${staleMinutes})`,
        }
      : {}),
  };
}

const maxDate = (aggs: Record<string, unknown> | undefined, name: string): string | null => {
  const a = aggs?.[name] as { value?: number | null; value_as_string?: string } | undefined;
  return a && a.value !== null && a.value !== undefined ? (a.value_as_string ?? new Date(a.value).toISOString()) : null;
};

/**
 * An Elasticsearch failure as the status page shows it: its kind and HTTP status only. The
 * client's message can carry the cluster's internal error text (the full text is in the log).
 */
export function esErrorSummary(err: unknown): string {
  const e = err as { name?: string; meta?: { statusCode?: number; body?: { error?: { type?: string } } } };
  const type = e.meta?.body?.error?.type;
  return [e.name ?? 'Error', e.meta?.statusCode ? `HTTP ${e.meta.statusCode}` : undefined, type].filter(Boolean).join(', ');
}

/** Document counts (articles alias, alerts index) and the newest article dates, each part bounded. */
async function searchStatus(ctx: AdminContext, es: Client, timeoutMs: number, now: number) {
  const opts = { requestTimeout: timeoutMs, maxRetries: 0 };
  const alias = ctx.names.articlesAlias;
  const alerts = ctx.names.alertsIndex;
  const count = async (index: string) => {
    try {
      return { index, count: (await es.count({ index, ignore_unavailable: true, allow_no_indices: true }, opts)).count };
    } catch (err) {
      if ((err as { meta?: { statusCode?: number } }).meta?.statusCode === 404) return { index, count: 0, exists: false };
      ctx.logger.warn('status: Elasticsearch count failed', { index, ...errorFields(err) });
      return { index, count: null, error: esErrorSummary(err) };
    }
  };
  const [articles, alertsCount, newest] = await Promise.all([
    count(alias),
    count(alerts),
    es
      .search(
        {
          index: alias,
          ignore_unavailable: true,
          allow_no_indices: true,
          size: 0,
          aggs: {
            fetchedAt: { max: { field: 'fetchedAt' } },
            enrichedAt: { max: { field: 'enrichedAt' } },
            indexedAt: { max: { field: 'indexedAt' } },
          },
        },
        opts,
      )
      .then((r) => {
        const aggs = r.aggregations as Record<string, unknown> | undefined;
        return { fetchedAt: maxDate(aggs, 'fetchedAt'), enrichedAt: maxDate(aggs, 'enrichedAt'), indexedAt: maxDate(aggs, 'indexedAt') };
      })
      .catch((err: Error) => {
        ctx.logger.warn('status: Elasticsearch search failed', errorFields(err));
        return { error: esErrorSummary(err) };
      }),
  ]);
  const feed =
    'error' in newest
      ? { error: newest.error, staleAfterMinutes: ctx.config.MARSAD_STALE_FEED_MINUTES, stale: null }
      : feedFreshness(newest, ctx.config.MARSAD_STALE_FEED_MINUTES, now);
  return { elasticsearch: { articles, alerts: alertsCount }, feed };
}

export async function pipelineStatus(ctx: AdminContext, queue: () => Queue, extras: StatusExtras = {}): Promise<Record<string, unknown>> {
  const timeoutMs = extras.timeoutMs ?? 2000;
  const now = extras.now ?? Date.now;
  const cfg = ctx.config;
  // Independent parts run concurrently, each bounded.
  const servicesP = serviceHealth(
    [
      { service: 'enricher', url: cfg.MARSAD_ENRICHER_URL },
      { service: 'indexer', url: cfg.MARSAD_INDEXER_URL },
      { service: 'alerter', url: cfg.MARSAD_ALERTER_URL },
    ],
    Math.min(timeoutMs, 1500),
  );
  const searchP = extras.es ? searchStatus(ctx, extras.es, timeoutMs, now()) : undefined;
  const admin = ctx.kafka.admin({ retry: { retries: 1 } });
  const out: Record<string, unknown> = { namespace: ctx.config.MARSAD_NAMESPACE ?? null, time: new Date().toISOString() };
  try {
    await admin.connect();
    out.consumers = await Promise.all(
      CONSUMERS.map(async ({ service, topic }) => {
        const groupId = ctx.names.consumerGroup(service);
        try {
          return { service, ...(await groupLag(admin, groupId, ctx.names.topic(topic))) };
        } catch (err) {
          return { service, groupId, topic: ctx.names.topic(topic), lag: null, partitions: [], error: (err as Error).message };
        }
      }),
    );
    try {
      const dlq = await admin.fetchTopicOffsets(ctx.names.topic('articlesDlq'));
      out.dlq = { topic: ctx.names.topic('articlesDlq'), messages: dlq.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0) };
    } catch (err) {
      out.dlq = { error: (err as Error).message };
    }
  } catch (err) {
    out.kafka = { error: (err as Error).message };
    ctx.logger.warn('status: Kafka unavailable', errorFields(err));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  out.watches = {
    count: ctx.watches.size,
    enabled: ctx.watches.values().filter((w) => w.enabled).length,
    caughtUp: ctx.watches.caughtUp,
    invalidRecords: ctx.watches.invalidRecords,
  };
  // Records the compacted-topic views skipped (each logged once with its key).
  if (ctx.kbView) out.kb = { caughtUp: ctx.kbView.caughtUp, invalidRecords: ctx.kbView.invalidRecords };
  try {
    out.alertsQueue = await Promise.race([
      queue().getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
      new Promise((_, rej) => setTimeout(() => rej(new Error('Redis did not answer within 2000 ms')), 2000).unref()),
    ]);
  } catch (err) {
    out.alertsQueue = { error: (err as Error).message };
  }
  out.services = await servicesP;
  if (searchP) Object.assign(out, await searchP);
  if (extras.reprocess) out.reprocess = extras.reprocess().slice(0, 5);
  return out;
}
