import { ConflictException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MAX_CHANNELS_LOOKUP, sendJobId } from '@marsad/alerts';
import type { FieldError } from '@marsad/contracts';
import { errorFields } from '@marsad/observability';
import { ValidationFailed } from '../http/errors';
import { bounded, type AlertsBackend } from './alerts-backend';

/** The states an alert can be listed in (the latest state of its jobs; see alertStatus). */
export const ALERT_STATUSES = ['delivered', 'retrying', 'failed', 'folded', 'suppressed', 'skipped'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface AlertQuery {
  watchId?: string;
  status?: AlertStatus;
  from?: string;
  to?: string;
  page: number;
  size: number;
}

// Alert-log documents as Elasticsearch returns them (fields read defensively below).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

export interface AlertJobView {
  jobId: string;
  channel: string;
  channelIndex?: number;
  status: string;
  attempt: number;
  maxAttempts: number;
  retryRound?: number;
  httpStatus?: number;
  error?: string;
  reason?: string;
  attemptedAt: string;
}

export interface AlertView {
  alertId: string;
  kind: string;
  watchId: string;
  watchName: string;
  status: AlertStatus;
  articleId?: string;
  articleUrl?: string;
  articleTitle?: string;
  articleIds?: string[];
  count?: number;
  digestId?: string;
  attempts: number;
  lastAttemptAt: string;
  jobs: AlertJobView[];
}

/**
 * Elasticsearch's window for from + size paging (index.max_result_window, default 10,000): a page
 * past it is a 400 naming page and size, never an Elasticsearch error.
 */
export const MAX_RESULT_WINDOW = 10_000;

/** ISO 8601 date or date-time, years 0000-9999 (what Elasticsearch's date field parses). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Validates the query string of GET /v1/alerts (400 names the field). */
export function parseAlertQuery(q: Record<string, unknown>): AlertQuery {
  const errors: FieldError[] = [];
  const out: AlertQuery = { page: 1, size: 50 };
  // Every parameter is a single string: repeated (?status=a&status=b) or nested ones are refused.
  const one = (name: string): string | undefined => {
    const v = q[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      errors.push({ field: name, message: 'must be given once, as a plain value' });
      return undefined;
    }
    return v;
  };
  for (const k of Object.keys(q))
    if (!['watch', 'watchId', 'status', 'from', 'to', 'page', 'size'].includes(k))
      errors.push({ field: k, message: 'unknown parameter (use watch, status, from, to, page, size)' });
  const watch = one('watch') ?? one('watchId');
  if (watch) out.watchId = watch;
  const status = one('status');
  if (status) {
    if ((ALERT_STATUSES as readonly string[]).includes(status)) out.status = status as AlertStatus;
    else errors.push({ field: 'status', message: `must be one of ${ALERT_STATUSES.join(', ')}` });
  }
  for (const f of ['from', 'to'] as const) {
    const v = one(f);
    if (!v) continue;
    const t = ISO_DATE.test(v.trim()) ? Date.parse(v.trim()) : NaN;
    const iso = Number.isNaN(t) ? '' : new Date(t).toISOString();
    // Years outside 0000-9999 print as ±YYYYYY, which the store cannot parse.
    if (!/^\d{4}-/.test(iso))
      errors.push({ field: f, message: 'must be an ISO 8601 date-time between years 0000 and 9999, e.g. 2026-11-30T20:00:00Z' });
    else out[f] = iso;
  }
  if (out.from && out.to && out.from > out.to) errors.push({ field: 'from', message: 'must not be after "to"' });
  for (const [f, min, max] of [
    ['page', 1, 1000],
    ['size', 1, 200],
  ] as const) {
    const v = one(f);
    if (v === undefined) continue;
    const n = /^\d{1,6}$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) errors.push({ field: f, message: `must be a whole number between ${min} and ${max}` });
    else out[f] = n;
  }
  if (!errors.length && out.page * out.size > MAX_RESULT_WINDOW)
    for (const field of ['page', 'size'])
      errors.push({
        field,
        message: `page × size must be at most ${MAX_RESULT_WINDOW} (page ${out.page} × size ${out.size}); narrow the time range with from/to instead of paging deeper`,
      });
  if (errors.length) throw new ValidationFailed(errors);
  return out;
}

const STATUS_RANK: Record<string, number> = { failed: 5, retrying: 4, delivered: 3, skipped: 2 };

/**
 * The state of one alert from its log documents: per job (decide, one send per channel) the latest
 * document counts; with sends, the worst of them (failed > retrying > delivered > skipped); without,
 * the decision (folded into a digest, suppressed as a near-duplicate, skipped).
 */
export function alertStatus(jobs: AlertJobView[]): AlertStatus {
  const sends = jobs.filter((j) => j.channel !== 'none');
  if (sends.length)
    return sends.reduce((a, b) => ((STATUS_RANK[b.status] ?? 0) > (STATUS_RANK[a.status] ?? 0) ? b : a)).status as AlertStatus;
  return (jobs[0]?.status ?? 'skipped') as AlertStatus;
}

const later = (a: Doc, b: Doc) =>
  a.attemptedAt !== b.attemptedAt
    ? a.attemptedAt > b.attemptedAt
      ? a
      : b
    : (a.retryRound ?? 0) * 1000 + a.attempt >= (b.retryRound ?? 0) * 1000 + b.attempt
      ? a
      : b;

/** Folds the log documents of one alert (any order) into its view. */
export function toAlertView(docs: Doc[]): AlertView {
  const byJob = new Map<string, Doc>();
  for (const d of docs) {
    const prev = byJob.get(d.jobId);
    byJob.set(d.jobId, prev ? later(prev, d) : d);
  }
  const jobs: AlertJobView[] = [...byJob.values()]
    .sort((a, b) => String(a.jobId).localeCompare(String(b.jobId)))
    .map((d) => ({
      jobId: d.jobId,
      channel: d.channel,
      ...(d.channelIndex !== undefined ? { channelIndex: d.channelIndex } : {}),
      status: d.status,
      attempt: d.attempt,
      maxAttempts: d.maxAttempts,
      ...(d.retryRound ? { retryRound: d.retryRound } : {}),
      ...(d.httpStatus !== undefined ? { httpStatus: d.httpStatus } : {}),
      ...(d.error ? { error: d.error } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
      attemptedAt: d.attemptedAt,
    }));
  const latest = docs.reduce(later);
  const first = docs.find((d) => d.kind !== 'test') ?? docs[0];
  return {
    alertId: latest.alertId,
    kind: first.kind ?? latest.kind,
    watchId: latest.watchId,
    watchName: latest.watchName,
    status: alertStatus(jobs),
    ...(latest.articleId ? { articleId: latest.articleId } : {}),
    ...(latest.articleUrl ? { articleUrl: latest.articleUrl } : {}),
    ...(latest.articleTitle ? { articleTitle: latest.articleTitle } : {}),
    ...(latest.articleIds ? { articleIds: latest.articleIds } : {}),
    ...(latest.count !== undefined ? { count: latest.count } : {}),
    ...(docs.find((d) => d.digestId) ? { digestId: docs.find((d) => d.digestId)!.digestId } : {}),
    attempts: docs.filter((d) => d.channel !== 'none').length,
    lastAttemptAt: latest.attemptedAt,
    jobs,
  };
}

const isMissingIndex = (err: unknown) => /index_not_found_exception/.test(String((err as Error)?.message ?? err));

function unavailable(backend: AlertsBackend, what: string, err: unknown): never {
  // The store's own error text stays in the log: it can carry internals (index names, queries).
  backend.ctx.logger.warn(`alerts API: ${what} unavailable`, errorFields(err));
  throw new ServiceUnavailableException({
    error: 'unavailable',
    message: `${what} is unavailable; retry later (details in the admin log)`,
  });
}

/** All log documents of the given alert ids. */
async function docsOf(backend: AlertsBackend, ids: string[]): Promise<Map<string, Doc[]>> {
  const out = new Map<string, Doc[]>();
  if (!ids.length) return out;
  const r = await bounded(
    backend.es().search({ index: backend.index, size: 5000, query: { terms: { alertId: ids } }, sort: [{ attemptedAt: 'asc' }] }),
    'Elasticsearch',
  );
  for (const h of r.hits.hits) {
    const d = h._source as Doc;
    const l = out.get(d.alertId);
    if (l) l.push(d);
    else out.set(d.alertId, [d]);
  }
  return out;
}

/**
 * GET /v1/alerts: alerts from the delivery log `marsad-alerts`, newest first, one entry per alert
 * id with its latest state. Filters: watch, time range (on attempts), status (the alert's latest
 * state: an alert that failed and was retried successfully is `delivered`). Paged by alert id.
 */
export async function listAlerts(
  backend: AlertsBackend,
  q: AlertQuery,
): Promise<{ alerts: AlertView[]; page: number; size: number; total: number }> {
  const filter: object[] = [];
  if (q.watchId) filter.push({ term: { watchId: q.watchId } });
  if (q.from || q.to) filter.push({ range: { attemptedAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } } });
  // Candidates: alerts with at least one document in that state; the latest state is checked below.
  if (q.status) filter.push({ term: { status: q.status } });
  let ids: string[];
  let total: number;
  try {
    const r = await bounded(
      backend.es().search({
        index: backend.index,
        from: (q.page - 1) * q.size,
        size: q.size,
        query: { bool: { filter } },
        collapse: { field: 'alertId' },
        sort: [{ attemptedAt: 'desc' }, { alertId: 'asc' }],
        _source: ['alertId'],
        aggs: { alerts: { cardinality: { field: 'alertId' } } },
      }),
      'Elasticsearch',
    );
    ids = r.hits.hits.map((h) => (h._source as Doc).alertId as string);
    total = (r.aggregations?.alerts as { value?: number } | undefined)?.value ?? ids.length;
  } catch (err) {
    if (isMissingIndex(err)) return { alerts: [], page: q.page, size: q.size, total: 0 };
    unavailable(backend, 'Elasticsearch', err);
  }
  let docs: Map<string, Doc[]>;
  try {
    docs = await docsOf(backend, ids);
  } catch (err) {
    unavailable(backend, 'Elasticsearch', err);
  }
  const alerts = ids.filter((id) => docs.has(id)).map((id) => toAlertView(docs.get(id)!));
  return { alerts: q.status ? alerts.filter((a) => a.status === q.status) : alerts, page: q.page, size: q.size, total };
}

/**
 * POST /v1/alerts/:id/retry: re-queues the FAILED jobs of an alert (or digest) — its send jobs
 * `<id>-c<n>` (a delivery that failed in a `send-webhooks` batch continues in such a job), and a
 * digest's job `<id>` — with BullMQ `job.retry()`, under the same job ids,
 * so the receiver sees the same `X-Marsad-Alert-Id`. Each retry gets a fresh set of attempts and a
 * `retryRound` so its attempts are logged next to the earlier ones. 404: unknown id; 409: nothing
 * failed (delivered, still retrying, or the failed job is past its retention).
 */
export async function retryAlert(
  backend: AlertsBackend,
  id: string,
): Promise<{ alertId: string; retried: { jobId: string; name: string; retryRound?: number }[] }> {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) throw new NotFoundException({ error: 'not_found', message: `no alert with id "${id}"` });
  let logged: Doc[] = [];
  try {
    logged = (await docsOf(backend, [id])).get(id) ?? [];
  } catch (err) {
    if (!isMissingIndex(err)) unavailable(backend, 'Elasticsearch', err);
  }
  const candidates = new Set<string>([id, ...logged.map((d) => d.jobId as string)]);
  for (let i = 0; i < MAX_CHANNELS_LOOKUP; i++) candidates.add(sendJobId(id, i));
  const queue = backend.queue();
  let jobs: { job: Job; state: string }[];
  try {
    jobs = (
      await bounded(
        Promise.all(
          [...candidates].map(async (jobId) => {
            const job = await queue.getJob(jobId);
            return job ? { job, state: String(await job.getState()) } : undefined;
          }),
        ),
        'Redis',
      )
    ).filter((x): x is { job: Job; state: string } => !!x);
  } catch (err) {
    unavailable(backend, 'Redis (BullMQ)', err);
  }
  if (!jobs.length && !logged.length) throw new NotFoundException({ error: 'not_found', message: `no alert with id "${id}"` });
  const failed = jobs.filter((j) => j.state === 'failed');
  if (!failed.length) {
    const states = jobs.map((j) => `${j.job.id}: ${j.state}`).join(', ');
    throw new ConflictException({
      error: 'conflict',
      message: jobs.length
        ? `alert "${id}" has no failed job to retry (${states})`
        : logged.some((d) => d.status === 'failed')
          ? `alert "${id}" has no job left in the queue (failed jobs are kept 14 days)`
          : `alert "${id}" has no failed delivery to retry`,
      jobs: jobs.map((j) => ({ jobId: j.job.id, name: j.job.name, state: j.state })),
    });
  }
  const retried: { jobId: string; name: string; retryRound?: number }[] = [];
  try {
    for (const { job } of failed) {
      let retryRound: number | undefined;
      if (job.name.startsWith('send-')) {
        retryRound = (Number((job.data as { retryRound?: number }).retryRound) || 0) + 1;
        await job.updateData({ ...(job.data as object), retryRound });
      }
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried.push({ jobId: job.id!, name: job.name, ...(retryRound ? { retryRound } : {}) });
    }
  } catch (err) {
    if (/not in the failed state|is not in/.test(String((err as Error)?.message))) {
      throw new ConflictException({
        error: 'conflict',
        message: `alert "${id}" changed state while retrying; list it again (GET /v1/alerts)`,
        retried,
      });
    }
    unavailable(backend, 'Redis (BullMQ)', err);
  }
  backend.ctx.logger.info('alert retry requested', { alertId: id, jobs: retried.map((r) => r.jobId) });
  return { alertId: id, retried };
}
