// npm run bench:pipeline — the running services against their limits, side by side, in ONE run on the
// local stack (Kafka, Elasticsearch, Redis must be up; refuses with a message otherwise). Each
// pipeline run uses its own random MARSAD_NAMESPACE (topics, indices, template, consumer groups,
// Redis keys: all deleted at the end) and starts the enricher (1 or 2 replicas), the indexer and
// the alerter as SEPARATE processes (node dist/apps/<svc>/src/main.js, logs in .marsad/bench-logs/).
//
//   - Marsad end to end: BENCH_N (20,000) ~3 KB ar/en articles, ~20% near-duplicate wire copies,
//     published at full speed → all searchable in the index (articles/s), for every run in BENCH_RUNS
//     (default `1:empty,1:prefilled,2:prefilled`: enricher replicas : near-duplicate store empty or
//     pre-filled with BENCH_PREFILL (100,000) articles through the Redis store API);
//   - the limit: the same enriched documents (read back from the first run's enriched topic) with
//     `_bulk`, 1,000 per request, one in flight, into a scratch index under the production template;
//   - the naive peer: the same documents, one awaited `index` call after another, same template;
//   - publish → searchable p50/p99 at half the first run's rate (BENCH_LATENCY_S, 30 s);
//   - CPU-ms per article of each process (services, ES, Kafka, Redis; /proc/<pid>/stat) and each
//     service's peak RSS (VmHWM); nothing lost or duplicated (count by URL in the index);
//   - the ratios as the last line. CPU model, Node version and load average beside the figures.
// Env: BENCH_N, BENCH_RUNS, BENCH_PREFILL, BENCH_WATCHES (1,000 generated + the demo watch),
// BENCH_LATENCY_S, BENCH_TIMEOUT_S (600 per run), BENCH_SERVICE_HEAP_MB (--max-old-space-size of each service; default that of its NODE_OPTIONS in k8s/base, 0 = Node's default), BENCH_NAIVE_N (= BENCH_N), BENCH_CPU_PROF=1 (V8 CPU
// profiles of the services in .marsad/bench-logs/prof/), BENCH_PEERS=0 (skip raw _bulk and naive),
// BENCH_LATENCY_RATE (a fixed rate for the latency phase), BENCH_SERVICES_ROOT (run the services of another built checkout, e.g. a baseline worktree).

import { existsSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client as EsClient } from '@elastic/elasticsearch';
import { names, type EnrichedArticle, type RawArticle } from '@marsad/contracts';
import { ensureTopics, Publisher } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { normalizeForSearch, sketchArticle } from '@marsad/nlp';
import { ensureArticlesTemplate, monthlyIndexFor, toIndexDocument } from '@marsad/search';
import { RedisDedupStore, dedupPrefix } from '../apps/enricher/src/redis-dedup.store';
import { isAr } from './articles';
import { alerterDrained, kafka, logDir, readEnriched, startService, stopService, waitGroup, waitReady, type Svc } from './service-procs';
import { WATCHES, articleStream, loadPools, watches, type Pools } from './workload';
import { ES, REDIS, checkStack, cleanupNamespace, cpuSeconds, load, machine, peakRssMb, stackPids } from './stack';
import { findRoot, percentile } from './support';
import { redisConnectionOptions } from '@marsad/config';

const N = Number(process.env.BENCH_N ?? 20_000);
const PREFILL = Number(process.env.BENCH_PREFILL ?? 100_000);
const LATENCY_S = Number(process.env.BENCH_LATENCY_S ?? 30);
// A fixed rate for the latency phase (articles/s) instead of half the run's: alternated pairs then
// compare latencies at the same rate whatever each run's throughput was.
const LATENCY_RATE = Number(process.env.BENCH_LATENCY_RATE ?? 0);
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 600);
// Another checkout's built services under the same bench (alternated before/after pairs).
const SERVICES_ROOT = process.env.BENCH_SERVICES_ROOT || undefined;
const NAIVE_N = Math.min(N, Number(process.env.BENCH_NAIVE_N ?? N));
const RUNS = (process.env.BENCH_RUNS ?? '1:empty,1:prefilled,2:prefilled').split(',').map((r) => {
  const [rep, store] = r.split(':');
  if (!/^[1-9]$/.test(rep) || (store !== 'empty' && store !== 'prefilled'))
    throw new Error(`BENCH_RUNS: "${r}" is not <replicas>:empty|prefilled`);
  return { replicas: Number(rep), prefilled: store === 'prefilled' };
});

const err = (s: string) => process.stderr.write(s + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = createLogger('bench', 'error');
const root = findRoot();
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const es = new EsClient({ node: ES, requestTimeout: 120_000 });
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

async function count(index: string): Promise<number> {
  try {
    return (await es.count({ index, allow_no_indices: true, ignore_unavailable: true })).count;
  } catch {
    return 0;
  }
}

/** Waits until `index` counts `n` documents (polling every 100 ms); the time it happened, or undefined on timeout/stall. */
async function waitCount(index: string, n: number, timeoutMs: number, onProgress?: (c: number) => void): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let lastChange = Date.now();
  let lastPrint = Date.now();
  while (Date.now() < deadline) {
    const c = await count(index);
    if (c >= n) return Date.now();
    if (c !== last) {
      last = c;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > 120_000) return undefined;
    if (onProgress && Date.now() - lastPrint > 5000) {
      lastPrint = Date.now();
      onProgress(c);
    }
    await sleep(100);
  }
  return undefined;
}

/** Documents and distinct URLs in the index (composite aggregation: exact). */
async function byUrl(index: string): Promise<{ docs: number; urls: number; duplicated: number }> {
  await es.indices.refresh({ index, allow_no_indices: true, ignore_unavailable: true }).catch(() => undefined);
  let after: Record<string, unknown> | undefined;
  let urls = 0;
  let duplicated = 0;
  for (;;) {
    const r = await es.search({
      index,
      size: 0,
      aggs: { u: { composite: { size: 10_000, sources: [{ url: { terms: { field: 'url' } } }], ...(after ? { after } : {}) } } },
    });
    const agg = r.aggregations?.u as { buckets: { doc_count: number }[]; after_key?: Record<string, unknown> };
    for (const b of agg.buckets) {
      urls++;
      if (b.doc_count > 1) duplicated += b.doc_count - 1;
    }
    if (!agg.after_key || agg.buckets.length < 10_000) break;
    after = agg.after_key;
  }
  return { docs: await count(index), urls, duplicated };
}

async function publishAll(pub: Publisher, topic: string, articles: RawArticle[], perSend = 1000): Promise<void> {
  for (let i = 0; i < articles.length; i += perSend)
    await pub.send(
      topic,
      articles.slice(i, i + perSend).map((a) => ({ key: a.id!, value: a })),
    );
}

// ---------- one pipeline run
interface RunResult {
  label: string;
  rate: number;
  secs: number;
  cpuMs: Record<string, number>;
  rssMb: Record<string, number>;
  lost: number;
  duplicated: number;
  load: string;
  latency?: { rate: number; p50: number; p99: number; n: number; load: string; stages: string };
  enriched?: EnrichedArticle[];
}

async function prefill(ns: string, pools: Pools): Promise<number> {
  const redis = new Redis(redisConnectionOptions(REDIS));
  const store = new RedisDedupStore(redis, { prefix: dedupPrefix(ns) });
  const t0 = Date.now();
  let inflight: Promise<void>[] = [];
  let i = 0;
  for (const a of articleStream(pools, 99, `${ns}-prefill`, PREFILL)) {
    const s = sketchArticle(a.title, a.body);
    inflight.push(store.add(s.lshKeys, { articleId: a.id!, fingerprint: s.fingerprint, clusterId: a.id! }));
    if (inflight.length >= 256) {
      await Promise.all(inflight);
      inflight = [];
    }
    if (++i % 20_000 === 0) err(`  pre-fill ${i}/${PREFILL} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await Promise.all(inflight);
  redis.disconnect();
  return (Date.now() - t0) / 1000;
}

async function pipelineRun(
  idx: number,
  run: { replicas: number; prefilled: boolean },
  pools: Pools,
  articles: RawArticle[],
  hookUrl: string,
  extra: { latency: boolean; keepEnriched: boolean },
): Promise<RunResult> {
  const label = `enrichers=${run.replicas} store=${run.prefilled ? `prefilled ${PREFILL / 1000}k` : 'empty'}`;
  const ns = `bp${Date.now().toString(36)}${randomBytes(2).toString('hex')}${idx}`;
  const n = names(ns);
  err(`\n[${label}] namespace ${ns}; logs ${logDir}/${ns}-*.log`);
  const services: Svc[] = [];
  const pub = new Publisher(kafka, { logger: quiet });
  try {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n);
    await admin.disconnect();
    if (run.prefilled) err(`  near-duplicate store pre-filled with ${PREFILL} articles in ${(await prefill(ns, pools)).toFixed(1)} s`);
    const ws = watches(hookUrl, pools);
    await pub.send(
      n.topic('watches'),
      ws.map((w) => ({ key: w.id, value: w })),
    );
    for (let r = 0; r < run.replicas; r++) services.push(await startService('enricher', `enricher${r + 1}`, ns, SERVICES_ROOT));
    services.push(await startService('indexer', 'indexer', ns, SERVICES_ROOT));
    services.push(await startService('alerter', 'alerter', ns, SERVICES_ROOT));
    await Promise.all(services.map((s) => waitReady(s)));
    await Promise.all([
      waitGroup(n.consumerGroup('enricher'), run.replicas),
      waitGroup(n.consumerGroup('indexer'), 1),
      waitGroup(n.consumerGroup('alerter'), 1),
    ]);
    const stack = stackPids();
    const pids: Record<string, number | undefined> = {
      enricher: undefined,
      indexer: services.find((s) => s.name === 'indexer')!.proc.pid,
      alerter: services.find((s) => s.name === 'alerter')!.proc.pid,
      ES: stack.es,
      Kafka: stack.kafka,
      Redis: stack.redis,
    };
    const enrichers = services.filter((s) => s.name.startsWith('enricher'));
    const cpuNow = () => {
      const c: Record<string, number> = {};
      for (const [k, pid] of Object.entries(pids)) c[k] = pid ? cpuSeconds(pid) : NaN;
      c.enricher = enrichers.reduce((s, e) => s + cpuSeconds(e.proc.pid!), 0);
      return c;
    };
    const cpu0 = cpuNow();
    err(`  services ready (${services.map((s) => `${s.name} pid ${s.proc.pid}`).join(', ')}); publishing ${articles.length} articles`);
    const t0 = Date.now();
    await publishAll(pub, n.topic('articlesRaw'), articles);
    err(`  published in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = await waitCount(n.articlesAlias, articles.length, TIMEOUT_S * 1000, (c) =>
      err(`  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${c}/${articles.length} searchable · ${load()}`),
    );
    const runLoad = load();
    const secs = ((t1 ?? Date.now()) - t0) / 1000;
    // The alerter's CPU counts all of its work: wait until it has consumed everything AND delivered
    // it (its queue empty; before ADR 0020 only the consumption was awaited, and most deliveries
    // were still queued when its CPU was read).
    const alertsLeft = await alerterDrained(ns, TIMEOUT_S * 1000);
    if (alertsLeft) err(`  alerter: ${alertsLeft} jobs still queued after ${TIMEOUT_S} s; its CPU figure misses them`);
    const cpu1 = cpuNow();
    const cpuMs: Record<string, number> = {};
    for (const k of Object.keys(cpu1)) cpuMs[k] = ((cpu1[k] - cpu0[k]) * 1000) / articles.length;
    const check = await byUrl(n.articlesAlias);
    const res: RunResult = {
      label,
      rate: t1 ? articles.length / secs : NaN,
      secs,
      cpuMs,
      rssMb: {},
      lost: articles.length - check.urls,
      duplicated: check.duplicated,
      load: runLoad,
    };
    err(`  ${t1 ? '' : 'TIMED OUT: '}${check.docs} documents, ${check.urls} URLs in ${secs.toFixed(1)} s`);

    if (extra.latency && t1 && LATENCY_S > 0) {
      // publish → searchable at half the sustained rate, ~10 sends per second
      const rate = LATENCY_RATE > 0 ? LATENCY_RATE : res.rate / 2;
      const lat: number[] = [];
      // Where the time goes, per article: publish → enrichedAt (the engine's clock in the enricher),
      // → indexedAt (the indexer building the bulk line), → first seen by a search (bulk + refresh + poll).
      const stage: Record<'enrich' | 'index' | 'search', number[]> = { enrich: [], index: [], search: [] };
      const pending = new Map<string, number>();
      const stream = articleStream(pools, 77, `${ns}-lat`, Math.ceil(rate * LATENCY_S) + 10);
      const end = Date.now() + LATENCY_S * 1000;
      let sent = 0;
      const poller = (async () => {
        while (Date.now() < end + 30_000 && (Date.now() < end || pending.size)) {
          const ids = [...pending.keys()].slice(0, 2000);
          if (ids.length) {
            const r = await es.search<{ enrichedAt?: string; indexedAt?: string }>({
              index: n.articlesAlias,
              size: ids.length,
              _source: ['enrichedAt', 'indexedAt'],
              query: { ids: { values: ids } },
            });
            const now = Date.now();
            for (const h of r.hits.hits) {
              const at = pending.get(h._id!);
              if (at !== undefined) {
                lat.push(now - at);
                pending.delete(h._id!);
                const e = Date.parse(h._source?.enrichedAt ?? '');
                const x = Date.parse(h._source?.indexedAt ?? '');
                if (Number.isFinite(e) && Number.isFinite(x)) {
                  stage.enrich.push(e - at);
                  stage.index.push(x - e);
                  stage.search.push(now - x);
                }
              }
            }
          }
          await sleep(50);
        }
      })();
      for (let tick = Date.now(); Date.now() < end;) {
        const due = Math.floor(((Date.now() - tick) / 1000) * rate) + 1 - sent;
        const batch: RawArticle[] = [];
        for (let k = 0; k < due; k++) {
          const a = stream.next();
          if (!a.done) batch.push(a.value);
        }
        if (batch.length) {
          const at = Date.now();
          for (const a of batch) pending.set(a.id!, at);
          await publishAll(pub, n.topic('articlesRaw'), batch);
          sent += batch.length;
        }
        await sleep(100);
        if (sent === 0) tick = Date.now();
      }
      await poller;
      lat.sort((a, b) => a - b);
      const stages = Object.entries(stage)
        .map(([k, v]) => `${k} p50 ${percentile(v, 0.5)} p99 ${percentile(v, 0.99)}`)
        .join(' · ');
      res.latency = { rate, p50: percentile(lat, 0.5), p99: percentile(lat, 0.99), n: lat.length, load: load(), stages };
      if (pending.size) err(`  latency: ${pending.size} articles not searchable within 30 s of the end`);
    }
    for (const s of services) {
      const key = s.name.startsWith('enricher') ? 'enricher' : s.name;
      res.rssMb[key] = Math.max(res.rssMb[key] ?? 0, peakRssMb(s.proc.pid!));
    }
    if (extra.keepEnriched) res.enriched = await readEnriched(n, articles.length);
    return res;
  } finally {
    await Promise.allSettled(services.map(stopService));
    await pub.disconnect().catch(() => undefined);
    await cleanupNamespace(ns).catch((e) => err(`cleanup of ${ns} incomplete: ${(e as Error).message}`));
  }
}

// ---------- the limit and the naive peer on the same documents
async function scratchIndexing(kind: 'bulk' | 'naive', docs: EnrichedArticle[]): Promise<{ rate: number; secs: number; load: string }> {
  const ns = `bp${kind}${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const n = names(ns);
  try {
    await ensureArticlesTemplate(es, n); // production template: same refresh_interval and mapping
    const prepared = docs.map((a) => ({
      index: monthlyIndexFor(a, n),
      id: a.id,
      doc: toIndexDocument(a, { normalize: normalizeForSearch }),
    }));
    const t0 = Date.now();
    if (kind === 'bulk') {
      for (let i = 0; i < prepared.length; i += 1000) {
        const operations: unknown[] = [];
        for (const d of prepared.slice(i, i + 1000)) operations.push({ index: { _index: d.index, _id: d.id } }, d.doc);
        const r = await es.bulk({ operations, filter_path: 'errors' } as never);
        if ((r as { errors?: boolean }).errors) throw new Error('raw _bulk: some documents were rejected');
      }
    } else {
      for (const d of prepared) await es.index({ index: d.index, id: d.id, document: d.doc });
    }
    const t1 = await waitCount(n.articlesAlias, prepared.length, TIMEOUT_S * 1000);
    const secs = ((t1 ?? Date.now()) - t0) / 1000;
    return { rate: t1 ? prepared.length / secs : NaN, secs, load: load() };
  } finally {
    await cleanupNamespace(ns).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const down = await checkStack();
  if (down.length) {
    err(`bench:pipeline needs the running local stack; not answering: ${down.join('; ')}.`);
    err('Start it with `bin/marsad stack up` (or `bash scripts/stack.sh up`), then run `npm run bench:pipeline` again.');
    process.exit(2);
  }
  if (!existsSync(join(root, 'dist', 'apps', 'enricher', 'src', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(logDir, { recursive: true });
  const pools = loadPools();
  const articles = [...articleStream(pools, 42, `run${Date.now().toString(36)}`, N)];
  const copies = articles.filter((a) => /— \(/.test(a.title ?? '')).length;
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.body), 0) / articles.length;
  const hooks = { n: 0 };
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hooks.n++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const header =
    `bench:pipeline  ${machine()} · ${load()} at start · N=${N} articles (${articles.filter((a) => a.language === 'ar' || isAr(a.body)).length} ar, ` +
    `${copies} near-duplicate wire copies, ${(bytes / 1024).toFixed(1)} KB body avg) · ${WATCHES + 1} watches · services as separate processes${SERVICES_ROOT ? ` from ${SERVICES_ROOT}` : ''}`;
  err(header);

  const results: RunResult[] = [];
  let bulk: Awaited<ReturnType<typeof scratchIndexing>> | undefined;
  let naive: Awaited<ReturnType<typeof scratchIndexing>> | undefined;
  try {
    for (let i = 0; i < RUNS.length; i++) {
      const r = await pipelineRun(i, RUNS[i], pools, articles, hookUrl, { latency: i === 0, keepEnriched: i === 0 });
      results.push(r);
      if (r.enriched && process.env.BENCH_PEERS !== '0') {
        err(`\nthe limit: raw _bulk of the same ${r.enriched.length} enriched documents`);
        bulk = await scratchIndexing('bulk', r.enriched);
        err(`naive peer: one awaited index call per document (${NAIVE_N})`);
        naive = await scratchIndexing('naive', r.enriched.slice(0, NAIVE_N));
        r.enriched = undefined;
      }
    }
  } finally {
    await new Promise((r) => receiver.close(r));
    await es.close().catch(() => undefined);
  }

  const lines: string[] = [header];
  const svc = ['enricher', 'indexer', 'alerter'];
  for (const r of results) {
    lines.push(
      `pipeline  ${r.label.padEnd(30)} ${f1(r.rate).padStart(7)} articles/s  (${r.secs.toFixed(1)} s publish → all searchable; lost ${r.lost}, duplicated ${r.duplicated}) · ${r.load}`,
    );
    lines.push(
      `  cpu ms/article  ${['enricher', 'indexer', 'alerter', 'ES', 'Kafka', 'Redis'].map((k) => `${k} ${f2(r.cpuMs[k])}`).join(' · ')}` +
        `  | peak RSS ${svc.map((k) => `${k} ${f1(r.rssMb[k])} MB`).join(' · ')}`,
    );
    if (r.latency)
      lines.push(
        `  latency publish → searchable at ${f1(r.latency.rate)}/s (${LATENCY_RATE > 0 ? 'BENCH_LATENCY_RATE' : 'half the rate above'}): p50 ${r.latency.p50} ms · p99 ${r.latency.p99} ms over ${r.latency.n} articles · ${r.latency.load}`,
        `    stages (ms): ${r.latency.stages} (publish → enrichedAt → indexedAt → seen by a search)`,
      );
  }
  if (bulk)
    lines.push(
      `raw _bulk 1,000/request, one in flight, production template   ${f1(bulk.rate).padStart(7)} articles/s  (${bulk.secs.toFixed(1)} s) · ${bulk.load}`,
    );
  if (naive)
    lines.push(
      `naive     one awaited index call per document (${NAIVE_N})       ${f1(naive.rate).padStart(7)} articles/s  (${naive.secs.toFixed(1)} s) · ${naive.load}`,
    );
  lines.push(`webhooks received ${hooks.n}`);
  const p = results[0];
  if (p && bulk && naive)
    lines.push(`ratios    pipeline (${p.label}) ÷ raw _bulk ${f2(p.rate / bulk.rate)} · pipeline ÷ naive ${f2(p.rate / naive.rate)}`);
  err('');
  console.log(lines.join('\n'));
}

main().then(
  () => process.exit(0),
  (e) => {
    err(`bench:pipeline failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
