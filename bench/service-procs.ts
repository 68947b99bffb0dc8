// Service processes and Kafka helpers of the benches that run the services against the local stack
// (bench:pipeline, bench:alerter).

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { names, type EnrichedArticle, type Names } from '@marsad/contracts';
import { Queue } from 'bullmq';
import { ALERTS_QUEUE } from '@marsad/alerts';
import { redisConnectionOptions } from '@marsad/config';
import { createKafka } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { ES, KAFKA, REDIS } from './stack';
import { findRoot } from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = createLogger('bench', 'error');
const root = findRoot();
export const logDir = join(root, '.marsad', 'bench-logs');

export type Service = 'enricher' | 'indexer' | 'alerter';
export type Svc = { name: string; proc: ChildProcess; port: number };

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => res(p));
    });
  });
}

/**
 * The V8 old-space limit a bench gives service `svc`: by default the `--max-old-space-size` of its
 * NODE_OPTIONS in k8s/base/<svc>.yaml, so the bench measures what production runs. It matters: with
 * Node's default limit (~4 GB on a 24 GB machine) V8 lets the heap grow before collecting, and the
 * alerter peaked at ~375 MB RSS in bench:alerter against ~234 MB with production's 384 (ADR 0019,
 * 2026-12-07 afternoon). BENCH_SERVICE_HEAP_MB=<MB> overrides it; BENCH_SERVICE_HEAP_MB=0 = Node's default.
 * A `--max-semi-space-size` in the manifest is passed too (unless BENCH_SERVICE_HEAP_MB is set).
 */
export function serviceHeapArgs(svc: string, distRoot = root): string[] {
  const env = process.env.BENCH_SERVICE_HEAP_MB;
  if (env !== undefined && env !== '') return Number(env) > 0 ? [`--max-old-space-size=${Number(env)}`] : [];
  const manifest = join(distRoot, 'k8s', 'base', `${svc}.yaml`);
  const text = existsSync(manifest) ? readFileSync(manifest, 'utf8') : '';
  // The young generation too where the manifest sets it (the alerter: ADR 0020, fifth session).
  return [/--max-old-space-size=\d+/.exec(text)?.[0], /--max-semi-space-size=\d+/.exec(text)?.[0]].filter((f): f is string => !!f);
}

/**
 * Starts `node <distRoot>/dist/apps/<svc>/src/main.js` in namespace `ns` on a free port, logs in
 * .marsad/bench-logs/; `extraEnv` is added last (bench:services' BENCH_SERVICE_ENV).
 */
export async function startService(
  svc: Service,
  label: string,
  ns: string,
  distRoot = root,
  extraEnv: Record<string, string> = {},
): Promise<Svc> {
  const port = await freePort();
  const logFile = join(logDir, `${ns}-${label}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  // BENCH_CPU_PROF=1: each service writes a V8 CPU profile at exit (open in Chrome DevTools)
  const prof: string[] = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${join(logDir, 'prof')}`, `--cpu-prof-name=${ns}-${label}.cpuprofile`]
    : [];
  // BENCH_NODE_FLAGS: more node flags for each service (e.g. --trace-gc; its lines go to the service log)
  prof.push(...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean));
  const proc = spawn(
    process.execPath,
    [...serviceHeapArgs(svc, distRoot), ...prof, join(distRoot, 'dist', 'apps', svc, 'src', 'main.js')],
    {
      cwd: distRoot,
      env: {
        ...process.env,
        KAFKA_BROKERS: KAFKA,
        ELASTICSEARCH_URL: ES,
        REDIS_URL: REDIS,
        MARSAD_NAMESPACE: ns,
        MARSAD_WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
        MARSAD_LOG_FILE: logFile,
        LOG_LEVEL: 'warn',
        PORT: String(port),
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  proc.stdout?.pipe(out);
  proc.stderr?.pipe(out);
  return { name: label, proc, port };
}

export async function waitReady(s: Svc, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (s.proc.exitCode !== null) throw new Error(`${s.name} exited with ${s.proc.exitCode} (see its log)`);
    const ok = await fetch(`http://127.0.0.1:${s.port}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${s.name} not ready within ${ms / 1000} s`);
}

export async function stopService(s: Svc): Promise<void> {
  if (s.proc.exitCode !== null) return;
  const exited = new Promise((r) => s.proc.once('exit', r));
  s.proc.kill('SIGTERM');
  const t = setTimeout(() => s.proc.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(t);
}

// ---------- Kafka / ES helpers
export const kafka = createKafka({ brokers: KAFKA.split(','), clientId: 'bench-services', logger: quiet });

export async function waitGroup(groupId: string, members: number, ms = 120_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const g = (await admin.describeGroups([groupId])).groups[0];
      if (g?.state === 'Stable' && g.members.length >= members) return;
      await sleep(500);
    }
    throw new Error(`consumer group ${groupId} did not reach ${members} member(s) within ${ms / 1000} s`);
  } finally {
    await admin.disconnect();
  }
}

/** Messages the group has not committed yet on `topic` (-1 while it has committed nothing). */
export async function lag(groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    let l = 0;
    for (const e of ends) {
      const c = committed?.partitions.find((p) => p.partition === e.partition);
      const off = c && Number(c.offset) >= 0 ? Number(c.offset) : Number(e.low);
      l += Number(e.high) - off;
    }
    return l;
  } finally {
    await admin.disconnect();
  }
}

/** The enriched articles of a run, read back from its enriched topic (first copy per id). */
export async function readEnriched(n: Names, want: number): Promise<EnrichedArticle[]> {
  const byId = new Map<string, EnrichedArticle>();
  const c = kafka.consumer({ groupId: `${n.consumerGroup('bench-reader')}`, maxBytesPerPartition: 16 * 1024 * 1024 });
  await c.connect();
  await c.subscribe({ topic: n.topic('articlesEnriched'), fromBeginning: true });
  const done = new Promise<void>((res) => {
    void c.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const a = JSON.parse(m.value!.toString('utf8')) as EnrichedArticle;
          if (!byId.has(a.id)) byId.set(a.id, a);
        }
        if (byId.size >= want) res();
      },
    });
  });
  await Promise.race([done, sleep(120_000)]);
  await c.disconnect();
  return [...byId.values()].slice(0, want);
}

/**
 * Waits (at most `ms`) until the alerter of namespace `ns` has consumed `marsad.articles.enriched`
 * (no lag) and its alerts queue is empty (no waiting, active or delayed job: every delivery done);
 * returns the jobs still queued (0 when drained).
 */
export async function alerterDrained(ns: string, ms: number, quietFor = () => true): Promise<number> {
  const n = names(ns);
  const queue = new Queue(ALERTS_QUEUE, { prefix: n.queuePrefix, connection: redisConnectionOptions(REDIS) });
  const left = async () => {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return c.waiting + c.active + c.delayed + (c.prioritized ?? 0);
  };
  try {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if ((await lag(n.consumerGroup('alerter'), n.topic('articlesEnriched'))) === 0 && (await left()) === 0 && quietFor()) return 0;
      await sleep(500);
    }
    return await left();
  } finally {
    await queue.close().catch(() => undefined);
  }
}
