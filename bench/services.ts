// node dist/bench/services.js — the enricher and the indexer SERVICES one at a time, each draining a
// backlog on the local stack (the "after an outage" case of issue 10), so each one's CPU per article
// and peak RSS is measured without the other services sharing the two cores:
//   1. the enricher starts (node dist/apps/enricher/src/main.js); once it is ready, BENCH_N (5,000)
//      bench articles (bench/articles.ts, ~3 KB ar/en) are published at full speed to the raw topic
//      of a fresh namespace, and it runs until its group has no lag;
//   2. it stops; the indexer starts on the enriched backlog and runs until its group has no lag, then
//      the index is counted (N documents: nothing lost; the _id is the article id).
// CPU is the service's own (/proc/<pid>/stat) from ready to no lag, per article; RSS is its peak
// (VmHWM, start-up included) and its RSS at the end of the drain; CPU is also split into the main
// thread (the JavaScript) and the others (V8's compiler and GC threads); the first ~10% of the backlog is
// also reported apart (a fresh process should be at full speed from its first seconds: warm-up). The namespace
// (topics, groups, index, Redis keys) is removed at the end. Env: BENCH_SERVICE_HEAP_MB (as bench:pipeline: default k8s/base's), BENCH_N, BENCH_SERVICES
// (`enricher,indexer`; the indexer needs the enricher's output), BENCH_SERVICE_ENV (extra
// `K=V,K=V` for the services, e.g. MARSAD_KAFKA_COMPRESSION=none), BENCH_CPU_PROF=1 (V8 CPU profiles).

import { mkdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client as EsClient } from '@elastic/elasticsearch';
import { articleIdFromUrl, names } from '@marsad/contracts';
import { ensureTopics, Publisher } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { benchArticles } from './articles';
import { ES, checkStack, cleanupNamespace, cpuSeconds, load, machine, peakRssMb, threadCpuSeconds } from './stack';
import { kafka, lag, logDir, startService, stopService, waitReady, type Service } from './service-procs';

const N = Number(process.env.BENCH_N ?? 5000);
const SERVICES = (process.env.BENCH_SERVICES ?? 'enricher,indexer').split(',');
const EXTRA_ENV = Object.fromEntries(
  (process.env.BENCH_SERVICE_ENV ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);
const quiet = createLogger('bench', 'error');
const err = (s: string) => process.stderr.write(s + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function drain(svc: Service, ns: string, groupId: string, topic: string, publish?: () => Promise<void>): Promise<void> {
  const service = await startService(svc, svc, ns, undefined, EXTRA_ENV);
  await waitReady(service);
  const { proc } = service;
  const pid = proc.pid!;
  try {
    // From ready on: start-up (and the enricher's warm-up) is not counted. The enricher's backlog is
    // published now; the indexer's is there already, and what it took before ready is left out.
    const c0 = cpuSeconds(pid);
    const th0 = threadCpuSeconds(pid);
    const t0 = Date.now();
    const before = publish ? 0 : N - (await lag(groupId, topic));
    if (publish) await publish();
    const counted = N - before;
    let l = N;
    let lastLog = t0;
    // the first ~10% apart: is a fresh process at full speed from its first seconds?
    let first: { n: number; cpu: number; secs: number; th: { main: number; helpers: number } } | undefined;
    while ((l = await lag(groupId, topic)) > 0) {
      const done = N - l - before;
      if (!first && done >= counted / 10)
        first = { n: done, cpu: cpuSeconds(pid) - c0, secs: (Date.now() - t0) / 1000, th: threadCpuSeconds(pid) };
      if (proc.exitCode !== null) throw new Error(`${svc} exited with ${proc.exitCode}`);
      if (Date.now() - t0 > 900_000) throw new Error(`${svc}: still ${l} behind after 900 s`);
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        err(`  ${svc}: ${N - l}/${N} · RSS ${rssMb(pid).toFixed(0)} MB · ${load()}`);
      }
      await sleep(250);
    }
    const secs = (Date.now() - t0) / 1000;
    const cpu = cpuSeconds(pid) - c0;
    const th = threadCpuSeconds(pid);
    console.log(
      `${svc.padEnd(9)} ${counted} articles in ${secs.toFixed(1)} s (${(counted / secs).toFixed(0)}/s) · ${((cpu * 1000) / counted).toFixed(2)} ms CPU/article` +
        `${before ? ` (${before} taken before ready, not counted)` : ''} · peak RSS ${peakRssMb(pid).toFixed(0)} MB, at the end ${rssMb(pid).toFixed(0)} MB · ${load()}`,
    );
    if (first)
      console.log(
        `${svc.padEnd(9)} the first ${first.n} in ${first.secs.toFixed(1)} s: ${((first.cpu * 1000) / first.n).toFixed(2)} ms CPU/article, ` +
          `the rest ${(((cpu - first.cpu) * 1000) / (counted - first.n)).toFixed(2)}`,
      );
    // The same CPU by thread: the JavaScript (main) and V8's compiler and GC threads (helpers).
    const per = (secs: number, n: number) => ((secs * 1000) / n).toFixed(2);
    const split = (a: { main: number; helpers: number }, b: { main: number; helpers: number }, n: number) =>
      `main thread ${per(b.main - a.main, n)} + helper threads ${per(b.helpers - a.helpers, n)}`;
    console.log(
      `${svc.padEnd(9)} by thread, ms CPU/article: ${split(th0, th, counted)}` +
        (first ? ` · the first ${first.n}: ${split(th0, first.th, first.n)} · the rest: ${split(first.th, th, counted - first.n)}` : ''),
    );
  } finally {
    await stopService(service);
  }
}

async function main(): Promise<void> {
  const down = await checkStack();
  if (down.length) throw new Error(`the local stack is not up: ${down.join('; ')}`);
  mkdirSync(logDir, { recursive: true });
  const ns = `bs${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const n = names(ns);
  const articles = benchArticles(N).map((a) => ({ ...a, id: articleIdFromUrl(a.url) }));
  console.log(`bench:services  ${machine()} · ${load()} · N=${N} · namespace ${ns} · logs ${logDir}/${ns}-*.log`);
  const pub = new Publisher(kafka, { logger: quiet });
  try {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n);
    await admin.disconnect();
    const publish = async () => {
      for (let i = 0; i < articles.length; i += 1000)
        await pub.send(
          n.topic('articlesRaw'),
          articles.slice(i, i + 1000).map((a) => ({ key: a.id, value: a })),
        );
    };
    if (SERVICES.includes('enricher')) await drain('enricher', ns, n.consumerGroup('enricher'), n.topic('articlesRaw'), publish);
    else await publish();
    if (SERVICES.includes('indexer')) {
      await drain('indexer', ns, n.consumerGroup('indexer'), n.topic('articlesEnriched'));
      const es = new EsClient({ node: ES });
      await es.indices.refresh({ index: n.articlesAlias });
      const c = (await es.count({ index: n.articlesAlias })).count;
      await es.close();
      if (c !== N) console.log(`indexer   WRONG COUNT: ${c} documents for ${N} articles`);
    }
  } finally {
    await pub.disconnect().catch(() => undefined);
    await cleanupNamespace(ns).catch((e) => err(`cleanup of ${ns} incomplete: ${(e as Error).message}`));
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    err(`bench:services failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
