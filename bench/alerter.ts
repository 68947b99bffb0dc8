// node dist/bench/alerter.js — the alerter service alone, as a separate process, on bench:pipeline's
// workload: CPU-ms per article (/proc/<pid>/stat), peak RSS, and whether each alert was delivered
// at most once. bench:pipeline's alerter figure shares two cores with the enricher, indexer and
// Elasticsearch; this one feeds the alerter already-enriched articles at full speed, so only its
// own work runs (plus Redis, Kafka and the delivery log in Elasticsearch).
//
// The enriched articles are made once and cached: the bench:pipeline articles (BENCH_N, 5,000) go
// through a real enricher process (near-duplicate clusters from its Redis store, as in the pipeline)
// into .marsad/bench-cache/enriched-<N>.jsonl. Each run then, in its own MARSAD_NAMESPACE: the
// bench:pipeline watches (the demo watch + BENCH_WATCHES generated ones, webhooks to a receiver in
// this process), the alerter started and ready, the enriched articles published to
// marsad.articles.enriched, and the CPU counted until the group has no lag, the alerts queue is
// empty and no webhook arrived for 3 s.
// Env: BENCH_SERVICE_HEAP_MB (as bench:pipeline: default k8s/base's), BENCH_N (5000), BENCH_WATCHES (1000), BENCH_ALERTER_ROOTS (comma-separated checkouts whose
// dist/ is run, default this one: give a baseline checkout and this one to alternate before/after),
// BENCH_REPEAT (1: rounds over the roots). A root may end in `?K=V&K2=V2`: environment for its alerter only (e.g.
// `/work/wt-alerter?MARSAD_ALERT_PACKED_BATCHES=true` beside `/work/wt-alerter` to alternate a switch on one build).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { names, type EnrichedArticle } from '@marsad/contracts';
import { WatchMatcher } from '@marsad/alerts';
import { ensureTopics, Publisher } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { alerterDrained, kafka, lag, logDir, readEnriched, startService, stopService, waitGroup, waitReady } from './service-procs';
import { articleStream, loadPools, watches } from './workload';
import { checkStack, cleanupNamespace, cpuSeconds, load, machine, peakRssMb } from './stack';
import { findRoot } from './support';

const N = Number(process.env.BENCH_N ?? 5000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const root = findRoot();
const ROOTS = (process.env.BENCH_ALERTER_ROOTS ?? root).split(',').filter(Boolean);
const err = (s: string) => process.stderr.write(s + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = createLogger('bench', 'error');

/** Enriched bench:pipeline articles, through a real enricher process once, then from the cache file. */
async function enrichedArticles(): Promise<EnrichedArticle[]> {
  const dir = join(root, '.marsad', 'bench-cache');
  const file = join(dir, `enriched-${N}.jsonl`);
  if (existsSync(file))
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as EnrichedArticle);
  mkdirSync(dir, { recursive: true });
  const ns = `ba${Date.now().toString(36)}${randomBytes(2).toString('hex')}e`;
  const n = names(ns);
  err(`enriching ${N} bench:pipeline articles once (namespace ${ns}) → ${file}`);
  const pub = new Publisher(kafka, { logger: quiet });
  const enricher = await startService('enricher', 'enricher', ns);
  try {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n);
    await admin.disconnect();
    await waitReady(enricher);
    const raw = [...articleStream(loadPools(), 42, `alerter${Date.now().toString(36)}`, N)];
    for (let i = 0; i < raw.length; i += 1000)
      await pub.send(
        n.topic('articlesRaw'),
        raw.slice(i, i + 1000).map((a) => ({ key: a.id!, value: a })),
      );
    // Articles are produced in input order per partition: read back once all are there.
    while ((await lag(n.consumerGroup('enricher'), n.topic('articlesRaw'))) !== 0) await sleep(1000);
    const out = await readEnriched(n, N);
    writeFileSync(file, out.map((a) => JSON.stringify(a)).join('\n') + '\n');
    return out;
  } finally {
    await stopService(enricher);
    await pub.disconnect().catch(() => undefined);
    await cleanupNamespace(ns).catch((e) => err(`cleanup of ${ns} incomplete: ${(e as Error).message}`));
  }
}

/**
 * The webhook receiver, in its own process: this one blocks its event loop for seconds while it
 * serialises and publishes the articles, and a receiver here would answer late (the alerter's
 * 10 s timeout then retries deliveries the receiver did get: duplicates that are the bench's own).
 * Counts deliveries per `X-Marsad-Alert-Id`.
 */
const RECEIVER = `
const http = require('node:http');
const seen = new Map();
let last = Date.now();
const server = http.createServer((req, res) => {
  const id = String(req.headers['x-marsad-alert-id'] || '');
  req.resume();
  req.on('end', () => {
    seen.set(id, (seen.get(id) || 0) + 1);
    last = Date.now();
    res.writeHead(204).end();
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', () => process.send({ counts: [...seen.values()], last, now: Date.now() }));
`;

async function startReceiver(): Promise<{
  url: string;
  report(): Promise<{ seen: number[]; lastHookAt: number; quietMs: number }>;
  stop(): void;
}> {
  const child = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((res) => child.once('message', (m: { port: number }) => res(m.port)));
  return {
    url: `http://127.0.0.1:${port}/hook`,
    report: () =>
      new Promise((res) => {
        child.once('message', (m: { counts: number[]; last: number; now: number }) =>
          res({ seen: m.counts, lastHookAt: m.last, quietMs: m.now - m.last }),
        );
        child.send('report');
      }),
    stop: () => child.kill(),
  };
}

interface Result {
  root: string;
  cpuMs: number;
  rssMb: number;
  secs: number;
  hooks: number;
  alertIds: number;
  duplicated: number;
  load: string;
}

async function run(i: number, entry: string, articles: EnrichedArticle[]): Promise<Result> {
  const [distRoot, query = ''] = entry.split('?');
  const extraEnv = Object.fromEntries(new URLSearchParams(query));
  const ns = `ba${Date.now().toString(36)}${randomBytes(2).toString('hex')}${i}`;
  const n = names(ns);
  const receiver = await startReceiver();
  const hookUrl = receiver.url;
  const pub = new Publisher(kafka, { logger: quiet });
  err(`\n[${entry}] namespace ${ns}; logs ${logDir}/${ns}-alerter.log`);
  let alerter: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n);
    await admin.disconnect();
    const ws = watches(hookUrl, loadPools());
    await pub.send(
      n.topic('watches'),
      ws.map((w) => ({ key: w.id, value: w })),
    );
    alerter = await startService('alerter', 'alerter', ns, distRoot, extraEnv);
    await waitReady(alerter);
    await waitGroup(n.consumerGroup('alerter'), 1);
    const pid = alerter.proc.pid!;
    const cpu0 = cpuSeconds(pid);
    const t0 = Date.now();
    for (let k = 0; k < articles.length; k += 500)
      await pub.send(
        n.topic('articlesEnriched'),
        articles.slice(k, k + 500).map((a) => ({ key: a.id, value: a })),
      );
    // Done: everything consumed and committed, no job left, no webhook for 3 s.
    let quietSince = 0;
    const left = await alerterDrained(ns, 600_000, () => {
      void receiver.report().then((r) => (quietSince = r.quietMs));
      return quietSince >= 3000;
    });
    if (left) err(`  ${left} jobs still queued after 600 s`);
    const { seen, lastHookAt } = await receiver.report();
    const secs = (lastHookAt - t0) / 1000;
    const cpuMs = ((cpuSeconds(pid) - cpu0) * 1000) / articles.length;
    let duplicated = 0;
    let hooks = 0;
    for (const c of seen) {
      hooks += c;
      duplicated += c - 1;
    }
    return { root: entry, cpuMs, rssMb: peakRssMb(pid), secs, hooks, alertIds: seen.length, duplicated, load: load() };
  } finally {
    if (alerter) await stopService(alerter);
    await pub.disconnect().catch(() => undefined);
    receiver.stop();
    await cleanupNamespace(ns).catch((e) => err(`cleanup of ${ns} incomplete: ${(e as Error).message}`));
  }
}

async function main(): Promise<void> {
  const down = await checkStack();
  if (down.length) {
    err(`bench:alerter needs the running local stack; not answering: ${down.join('; ')}.`);
    process.exit(2);
  }
  mkdirSync(logDir, { recursive: true });
  const articles = await enrichedArticles();
  const matcher = new WatchMatcher();
  for (const w of watches('http://127.0.0.1/', loadPools())) matcher.upsert(w);
  const matches = articles.reduce((s, a) => s + matcher.match(a).length, 0);
  const clusters = new Set(articles.map((a) => a.dedup?.clusterId)).size;
  const header =
    `bench:alerter  ${machine()} · ${load()} at start · ${articles.length} enriched bench:pipeline articles ` +
    `(${clusters} near-duplicate clusters) · ${matcher.size} watches · ${(matches / articles.length).toFixed(2)} matches/article`;
  err(header);
  const results: Result[] = [];
  let i = 0;
  for (let r = 0; r < REPEAT; r++) for (const distRoot of ROOTS) results.push(await run(i++, distRoot, articles));
  const lines = [header];
  for (const r of results)
    lines.push(
      `alerter  ${r.root}  cpu ${r.cpuMs.toFixed(3)} ms/article · peak RSS ${r.rssMb.toFixed(1)} MB · ${r.hooks} webhooks for ${r.alertIds} alert ids ` +
        `(duplicated ${r.duplicated}) in ${r.secs.toFixed(1)} s · ${r.load}`,
    );
  console.log(lines.join('\n'));
}

main().then(
  () => process.exit(0),
  (e) => {
    err(`bench:alerter failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
