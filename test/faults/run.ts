// npm run test:faults — fault injection against real servers, measured end to end (issue 9 item 3).
//
// Starts its OWN Kafka, Elasticsearch and Redis (scripts/stack.sh, another MARSAD_STACK_DIR and
// other ports: the shared 9092/9200/6379 are never touched), the four services as separate
// processes (node dist/apps/<svc>/src/main.js, logs to files), a webhook receiver on loopback and
// a watch on Kaspersky, then publishes a steady load (FAULTS_RATE articles/s, ~1% poison) while
// these faults run in turn: kill -9 of each service (restarted at once), SIGTERM of each service
// (graceful drain), Elasticsearch frozen (SIGSTOP) and killed + restarted, Redis killed, a Kafka
// broker restart. A fault ends when the process is continued or answers its health check again.
// Then it drains and prints (and fails on): articles lost, documents duplicated per URL, poison in
// the DLQ with a reason, alerts lost, admin 5xx, articles processed twice after a SIGTERM, and per
// fault the time until readiness is back and until the consumers progress again (target
// FAULTS_TARGET_S = 15 s). Deliveries per alert id beyond one are reported. Everything it starts
// is stopped on exit (also on Ctrl-C). A measurement script: never part of `npm test`.
//
// Knobs (environment): FAULTS_RATE (20/s), FAULTS_POISON_PCT (1), FAULTS_ONLY (comma list of
// fault names, see FAULTS below), FAULTS_ES_FREEZE_S (45), FAULTS_REDIS_DOWN_S (20),
// FAULTS_WARMUP_S (15), FAULTS_CATCHUP_TIMEOUT_S (120), FAULTS_DRAIN_TIMEOUT_S (240),
// FAULTS_TARGET_S (15), FAULTS_STACK_DIR (/var/tmp/marsad-faults), FAULTS_KAFKA_PORT (19192,
// controller +1), FAULTS_ES_PORT (19200), FAULTS_REDIS_PORT (16479), FAULTS_KEEP_STACK=1 (leave
// the suite's own servers running for the next run).

import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client as EsClient } from '@elastic/elasticsearch';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { alertId, articleIdFromUrl, names, type DlqRecord } from '@marsad/contracts';
import { verifyWebhookSignature } from '@marsad/alerts';
import { createKafka } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { FaultStack, alive, groupOf } from './stack';

const num = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number, got "${process.env[name]}"`);
  return v;
};
const RATE = num('FAULTS_RATE', 20);
const POISON_PCT = num('FAULTS_POISON_PCT', 1);
const ES_FREEZE_S = num('FAULTS_ES_FREEZE_S', 45);
const REDIS_DOWN_S = num('FAULTS_REDIS_DOWN_S', 20);
const WARMUP_S = num('FAULTS_WARMUP_S', 15);
const CATCHUP_TIMEOUT_S = num('FAULTS_CATCHUP_TIMEOUT_S', 120);
const DRAIN_TIMEOUT_S = num('FAULTS_DRAIN_TIMEOUT_S', 240);
const TARGET_S = num('FAULTS_TARGET_S', 15);
const SERVICES = ['enricher', 'indexer', 'alerter', 'admin'] as const;
type Service = (typeof SERVICES)[number];
const GROUPS = [
  { service: 'enricher', topic: 'articlesRaw' },
  { service: 'indexer', topic: 'articlesEnriched' },
  { service: 'alerter', topic: 'articlesEnriched' },
] as const;
const FAULTS = [
  ...SERVICES.map((s) => `kill9-${s}`),
  'es-freeze',
  'es-kill',
  'redis-kill',
  'kafka-restart',
  ...SERVICES.map((s) => `sigterm-${s}`),
];

const root = findRoot();
const runId = `faults${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const logDir = join(root, '.marsad', 'faults', runId);
mkdirSync(logDir, { recursive: true });
const t0 = Date.now();
const secs = (ms: number) => (ms / 1000).toFixed(1);
const say = (m: string) => console.log(`[faults ${secs(Date.now() - t0).padStart(6)}s] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const suiteLog = createWriteStream(join(logDir, 'suite.log'));
const quiet = createLogger('faults', 'warn', {}, (l) => suiteLog.write(l + '\n'));

function findRoot(): string {
  for (let d = __dirname; ; d = resolve(d, '..')) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'libs'))) return d;
    if (resolve(d, '..') === d) return process.cwd();
  }
}

async function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, rej) => (t = setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(t);
  }
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe().catch(() => false)) return Date.now();
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${secs(timeoutMs)} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// The suite's own stack

const stack = new FaultStack({
  root,
  dir: process.env.FAULTS_STACK_DIR ?? '/var/tmp/marsad-faults',
  kafkaPort: num('FAULTS_KAFKA_PORT', 19192),
  esPort: num('FAULTS_ES_PORT', 19200),
  redisPort: num('FAULTS_REDIS_PORT', 16479),
  seedDir: process.env.MARSAD_STACK_DIR ?? '/var/tmp/marsad-stack',
  log: join(logDir, 'stack.log'),
});
const ns = runId;
const N = names(ns);
const operatorKey = `op-${randomBytes(12).toString('hex')}`;
const viewerKey = `view-${randomBytes(12).toString('hex')}`;

async function esUp(): Promise<boolean> {
  const r = await within(fetch(`${stack.es}/_cluster/health`), 2000);
  if (!r.ok) return false;
  const b = (await r.json()) as { status: string };
  return b.status === 'green' || b.status === 'yellow';
}
async function redisUp(): Promise<boolean> {
  const r = new Redis(stack.redis, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await within(r.connect(), 1500);
    return (await within(r.ping(), 1000)) === 'PONG';
  } finally {
    r.disconnect();
  }
}
const kafka = createKafka({
  brokers: [stack.kafka],
  clientId: 'marsad-faults',
  logger: quiet,
  connectionTimeout: 1000,
  requestTimeout: 5000,
});
let kadmin: Admin | undefined;
async function admin(): Promise<Admin> {
  if (!kadmin) {
    const a = kafka.admin({ retry: { retries: 0 } });
    await within(a.connect(), 3000);
    kadmin = a;
  }
  return kadmin;
}
async function resetAdmin(): Promise<void> {
  const a = kadmin;
  kadmin = undefined;
  await a?.disconnect().catch(() => undefined);
}
async function kafkaUp(): Promise<boolean> {
  try {
    const a = await admin();
    await within(a.describeCluster(), 2000);
    return true;
  } catch {
    await resetAdmin();
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Services as separate processes

const ports: Record<Service, number> = { enricher: 0, indexer: 0, alerter: 0, admin: 0 };
const procs = new Map<Service, ChildProcess>();
let serviceEnv: Record<string, string> = {};

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

function startService(svc: Service): ChildProcess {
  const main = join(root, 'dist', 'apps', svc, 'src', 'main.js');
  const out = openSync(join(logDir, `${svc}.out.log`), 'a');
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, ...serviceEnv, PORT: String(ports[svc]), MARSAD_LOG_FILE: join(logDir, `${svc}.log`) },
    stdio: ['ignore', out, out],
  });
  procs.set(svc, child);
  return child;
}

async function httpStatus(url: string, timeoutMs = 1500, headers: Record<string, string> = {}): Promise<number> {
  try {
    const r = await within(fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) }), timeoutMs + 200);
    await r.arrayBuffer().catch(() => undefined);
    return r.status;
  } catch {
    return 0;
  }
}
const live = (svc: Service) => httpStatus(`http://127.0.0.1:${ports[svc]}/health/live`).then((s) => s === 200);
const ready = (svc: Service) => httpStatus(`http://127.0.0.1:${ports[svc]}/health/ready`).then((s) => s === 200);

async function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((r) => {
    const t = setTimeout(() => r(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(t);
      r(true);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Monitors: readiness of every service, committed offsets and lag of every consumer group, admin probes

interface ReadySample {
  t: number;
  ready: Record<Service, boolean>;
}
interface OffsetSample {
  t: number;
  committed: Record<string, bigint>;
  lag: Record<string, bigint>;
}
const readySamples: ReadySample[] = [];
const offsetSamples: OffsetSample[] = [];
const adminProbes = { total: 0, ok: 0, fiveXX: 0, unreachable: 0, other: 0, details: [] as string[] };
let monitoring = true;

async function offsetsNow(): Promise<OffsetSample> {
  const a = await admin();
  const committed: Record<string, bigint> = {};
  const lag: Record<string, bigint> = {};
  const highs = new Map<string, Map<number, bigint>>();
  for (const key of ['articlesRaw', 'articlesEnriched'] as const) {
    const topic = N.topic(key);
    const o = await within(a.fetchTopicOffsets(topic), 3000);
    highs.set(key, new Map(o.map((p) => [p.partition, BigInt(p.high)])));
  }
  for (const g of GROUPS) {
    const [res] = await within(a.fetchOffsets({ groupId: N.consumerGroup(g.service), topics: [N.topic(g.topic)] }), 3000);
    let c = 0n;
    let l = 0n;
    for (const [partition, high] of highs.get(g.topic)!) {
      const off = BigInt(res.partitions.find((p) => p.partition === partition)?.offset ?? '-1');
      const eff = off < 0n ? 0n : off;
      c += eff;
      l += high > eff ? high - eff : 0n;
    }
    committed[g.service] = c;
    lag[g.service] = l;
  }
  return { t: Date.now(), committed, lag };
}

async function monitorReady(): Promise<void> {
  while (monitoring) {
    const t = Date.now();
    const r = await Promise.all(SERVICES.map((s) => ready(s)));
    readySamples.push({ t, ready: Object.fromEntries(SERVICES.map((s, i) => [s, r[i]])) as Record<Service, boolean> });
    await sleep(Math.max(0, 500 - (Date.now() - t)));
  }
}
async function monitorOffsets(): Promise<void> {
  while (monitoring) {
    const t = Date.now();
    try {
      offsetSamples.push(await offsetsNow());
    } catch {
      await resetAdmin();
    }
    await sleep(Math.max(0, 1000 - (Date.now() - t)));
  }
}
/** GET /v1/status and GET /v1/watches every 2 s: a 5xx is a failure; no answer (admin itself killed) is reported. */
async function monitorAdmin(): Promise<void> {
  let i = 0;
  while (monitoring) {
    const t = Date.now();
    const path = i++ % 2 ? '/v1/watches' : '/v1/status';
    const s = await httpStatus(`http://127.0.0.1:${ports.admin}${path}`, 10_000, { authorization: `Bearer ${viewerKey}` });
    adminProbes.total++;
    if (s === 0) adminProbes.unreachable++;
    else if (s >= 500) {
      adminProbes.fiveXX++;
      adminProbes.details.push(`${new Date(t).toISOString()} ${path} → ${s}`);
    } else if (s === 200) adminProbes.ok++;
    else adminProbes.other++;
    await sleep(Math.max(0, 2000 - (Date.now() - t)));
  }
}

// ---------------------------------------------------------------------------------------------
// What comes out: enriched topic (processing count per article id), DLQ, webhook receiver

const enrichedAt = new Map<string, number[]>(); // article id → produce timestamps on the enriched topic
const dlq = new Map<string, DlqRecord>(); // message key → DLQ record
let outConsumer: Consumer | undefined;

async function startOutConsumer(): Promise<void> {
  const c = kafka.consumer({ groupId: `${ns}.faults-probe`, maxWaitTimeInMs: 200 });
  outConsumer = c;
  c.on(c.events.CRASH, (e) => {
    if (!e.payload.restart && monitoring) {
      void c
        .disconnect()
        .catch(() => undefined)
        .then(() => sleep(1000))
        .then(() => startOutConsumer().catch((err) => say(`probe consumer restart failed: ${err}`)));
    }
  });
  await c.connect();
  await c.subscribe({ topics: [N.topic('articlesEnriched'), N.topic('articlesDlq')], fromBeginning: true });
  await c.run({
    eachMessage: async ({ topic, message }) => {
      const key = message.key?.toString() ?? '';
      if (topic === N.topic('articlesEnriched')) {
        const list = enrichedAt.get(key) ?? [];
        list.push(Number(message.timestamp));
        enrichedAt.set(key, list);
      } else {
        try {
          const rec = JSON.parse(message.value!.toString('utf8')) as DlqRecord;
          dlq.set(rec.key ?? key, rec);
        } catch {
          dlq.set(key, { error: '' } as DlqRecord);
        }
      }
    },
  });
}

interface Delivery {
  at: number;
  articleId: string;
  signatureOk: boolean;
}
const deliveries = new Map<string, Delivery[]>(); // alert id → every delivery
let watchSecret = '';
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const id = String(req.headers['x-marsad-alert-id'] ?? '');
    let articleId = '';
    try {
      articleId = JSON.parse(raw.toString('utf8')).article?.id ?? '';
    } catch {
      /* reported as an unknown article */
    }
    const signatureOk = !!watchSecret && verifyWebhookSignature(watchSecret, req.headers['x-marsad-signature'] as string, raw, 600).ok;
    const list = deliveries.get(id) ?? [];
    list.push({ at: Date.now(), articleId, signatureOk });
    deliveries.set(id, list);
    res.writeHead(204).end();
  });
});

// ---------------------------------------------------------------------------------------------
// Load: distinct articles (random sentences, so near-duplicate detection folds none of them), 10%
// mentioning Kaspersky (the watch), ~1% poison (invalid JSON, schema violation, bytes that are not UTF-8)

let WORDS =
  'security researchers report campaign network attack ministry bank energy grid phishing malware ransomware exploit vulnerability patch government agency statement investigation company espionage data breach leak servers customers regulators sanctions court appeal hackers group operation infrastructure warning analysts telecom election officials cloud software update email credentials access persistent backdoor firmware supply chain defence contractor'.split(
    ' ',
  );
function loadWords(): void {
  const dir = join(root, 'demo', 'articles');
  if (!existsSync(dir)) return;
  const words = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const a = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { body?: string };
    for (const w of String(a.body ?? '').split(/[^A-Za-z]+/)) if (w.length > 3 && w.toLowerCase() === w) words.add(w);
  }
  if (words.size > 200) WORDS = [...words];
}
const sentence = () => Array.from({ length: 14 }, () => WORDS[Math.floor(Math.random() * WORDS.length)]).join(' ');

const published = new Map<string, { kaspersky: boolean }>(); // valid article id → ...
const poison = new Set<string>(); // poison keys published
let seq = 0;
let loadOn = false;
let producer: Producer | undefined;

function nextMessage(): { key: string; value: Buffer; valid?: { id: string; kaspersky: boolean } } {
  const i = seq++;
  if (POISON_PCT > 0 && i % Math.round(100 / POISON_PCT) === 50) {
    const key = `poison-${ns}-${i}`;
    const kind = Math.floor(i / Math.round(100 / POISON_PCT)) % 3;
    const value =
      kind === 0
        ? Buffer.from(`{"url":"https://faults.example.com/${i}","title":"broken`)
        : kind === 1
          ? Buffer.from(JSON.stringify({ url: `https://faults.example.com/poison/${i}`, title: 'no body', language: 'en' }))
          : Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28]);
    return { key, value };
  }
  const kaspersky = i % 10 === 3;
  const url = `https://faults.example.com/${ns}/news/${i}-${randomBytes(3).toString('hex')}`;
  const body = kaspersky
    ? `Kaspersky said on ${new Date().toDateString()} that ${sentence()}. ${sentence()}. According to Kaspersky, ${sentence()}. ${sentence()} ${i}.`
    : `${sentence()}. ${sentence()}. ${sentence()} ${i}.`;
  const a = {
    url,
    source: { name: 'Faults News', domain: 'faults.example.com' },
    title: `${kaspersky ? 'Kaspersky: ' : ''}${sentence().slice(0, 60)}`,
    body,
    language: 'en',
    publishedAt: new Date().toISOString(),
  };
  const id = articleIdFromUrl(url);
  return { key: id, value: Buffer.from(JSON.stringify(a)), valid: { id, kaspersky } };
}

let sendErrors = 0;
async function runLoad(): Promise<void> {
  const perTick = Math.max(1, Math.round(RATE / 10));
  let pending: ReturnType<typeof nextMessage>[] = [];
  while (loadOn) {
    const tick = Date.now();
    if (!pending.length) pending = Array.from({ length: perTick }, () => nextMessage());
    try {
      // The same batch is retried until Kafka takes it (a broker restart): nothing is skipped.
      await producer!.send({ topic: N.topic('articlesRaw'), messages: pending.map((m) => ({ key: m.key, value: m.value })) });
      for (const m of pending) {
        if (m.valid) published.set(m.valid.id, { kaspersky: m.valid.kaspersky });
        else poison.add(m.key);
      }
      pending = [];
    } catch {
      sendErrors++;
    }
    await sleep(Math.max(0, 100 - (Date.now() - tick)));
  }
}

// ---------------------------------------------------------------------------------------------
// Faults

interface FaultResult {
  name: string;
  start: number;
  end: number;
  note: string;
  readyAfterS?: number;
  progressAfterS?: number;
  caughtUpAfterS?: number;
}
const results: FaultResult[] = [];

async function restartService(svc: Service, signal: 'SIGKILL' | 'SIGTERM'): Promise<{ end: number; note: string }> {
  const child = procs.get(svc)!;
  child.kill(signal);
  const t = Date.now();
  const gone = await exited(child, signal === 'SIGTERM' ? 40_000 : 10_000);
  const stopS = secs(Date.now() - t);
  if (!gone) {
    child.kill('SIGKILL');
    await exited(child, 10_000);
  }
  const how =
    signal === 'SIGTERM'
      ? `exit ${child.exitCode ?? child.signalCode} after ${stopS} s${gone ? '' : ' (did not stop: SIGKILL)'}`
      : 'killed';
  startService(svc);
  const end = await waitUntil(`${svc} /health/live`, () => live(svc), 120_000, 100);
  return { end, note: `${how}; restarted, live after ${secs(end - t)} s` };
}

async function stackServerBack(what: string, check: () => Promise<boolean>): Promise<number> {
  const upRun = stack.up();
  const end = await waitUntil(what, check, 300_000, 250);
  const code = await upRun;
  if (code !== 0) say(`  (stack.sh up exited ${code}; see ${stack.c.log})`);
  return end;
}

async function inject(name: string): Promise<{ end: number; note: string }> {
  const [kind, svc] = name.split(/-(.*)/s) as [string, Service];
  if (kind === 'kill9') return restartService(svc, 'SIGKILL');
  if (kind === 'sigterm') return restartService(svc, 'SIGTERM');
  if (name === 'es-freeze') {
    const pid = stack.pid('es')!;
    process.kill(pid, 'SIGSTOP');
    frozen = pid;
    await sleep(ES_FREEZE_S * 1000);
    process.kill(pid, 'SIGCONT');
    frozen = undefined;
    return { end: Date.now(), note: `SIGSTOP ${ES_FREEZE_S} s, then SIGCONT` };
  }
  if (name === 'es-kill') {
    const pid = stack.pid('es')!;
    process.kill(pid, 'SIGKILL');
    await waitUntil('Elasticsearch to exit', async () => !alive(pid), 30_000);
    const t = Date.now();
    const end = await stackServerBack('Elasticsearch healthy', esUp);
    return { end, note: `kill -9, restarted by stack.sh up, healthy after ${secs(end - t)} s` };
  }
  if (name === 'redis-kill') {
    const pid = stack.pid('redis')!;
    process.kill(pid, 'SIGKILL');
    await waitUntil('Redis to exit', async () => !alive(pid), 10_000);
    await sleep(REDIS_DOWN_S * 1000);
    const t = Date.now();
    const end = await stackServerBack('Redis PONG', redisUp);
    return { end, note: `kill -9, down ${REDIS_DOWN_S} s, restarted, PONG after ${secs(end - t)} s` };
  }
  if (name === 'kafka-restart') {
    const pid = stack.pid('kafka')!;
    process.kill(pid, 'SIGTERM');
    await waitUntil('the Kafka broker to stop', async () => !alive(pid), 90_000);
    const t = Date.now();
    const end = await stackServerBack('Kafka metadata', kafkaUp);
    return { end, note: `SIGTERM (stopped), restarted, answering after ${secs(end - t)} s` };
  }
  throw new Error(`unknown fault ${name}; known: ${FAULTS.join(', ')}`);
}

/**
 * Time from `end` until every service answers /health/ready 200 (first sample at or after end),
 * and which services were the last not ready before that.
 */
function readinessAfter(end: number): { ms?: number; last: Service[] } {
  let last: Service[] = [];
  for (const x of readySamples) {
    if (x.t < end) continue;
    const notReady = SERVICES.filter((svc) => !x.ready[svc]);
    if (!notReady.length) return { ms: x.t - end, last };
    last = notReady;
  }
  return { last };
}
/** Time from `end` until every consumer group has lag 0 or a committed offset beyond its value at `end`. */
function progressAfter(end: number): number | undefined {
  const base = [...offsetSamples].reverse().find((x) => x.t <= end);
  const done = new Map<string, number>();
  for (const s of offsetSamples) {
    if (s.t < end) continue;
    for (const g of GROUPS) {
      if (done.has(g.service)) continue;
      if (s.lag[g.service] === 0n || (base && s.committed[g.service] > base.committed[g.service])) done.set(g.service, s.t);
    }
    if (done.size === GROUPS.length) return Math.max(...done.values()) - end;
  }
  return undefined;
}

/** Waits until every group committed past the high watermarks seen now (the backlog of the fault is consumed). */
async function catchUp(timeoutMs: number): Promise<number | undefined> {
  const start = Date.now();
  let target: OffsetSample | undefined;
  while (Date.now() - start < timeoutMs) {
    try {
      const s = await offsetsNow();
      if (!target)
        target = { ...s, committed: Object.fromEntries(GROUPS.map((g) => [g.service, s.committed[g.service] + s.lag[g.service]])) };
      if (GROUPS.every((g) => s.committed[g.service] >= target!.committed[g.service])) return Date.now() - start;
    } catch {
      await resetAdmin();
    }
    await sleep(1000);
  }
  return undefined;
}

let frozen: number | undefined;

// ---------------------------------------------------------------------------------------------
// Clean-up: everything this run started stops, also on Ctrl-C and errors

let cleaned = false;
async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  monitoring = false;
  loadOn = false;
  if (frozen) process.kill(frozen, 'SIGCONT');
  for (const c of procs.values()) c.kill('SIGTERM');
  await Promise.all([...procs.values()].map((c) => exited(c, 20_000).then((ok) => ok || c.kill('SIGKILL'))));
  await Promise.allSettled([producer?.disconnect(), outConsumer?.disconnect(), resetAdmin()]);
  receiver.close();
  if (stackGroup?.child.exitCode === null) stackGroup.child.kill('SIGKILL');
  if (process.env.FAULTS_KEEP_STACK === '1') say(`FAULTS_KEEP_STACK=1: leaving the suite's stack in ${stack.c.dir} running`);
  else {
    say(`stopping the suite's own stack (${stack.c.dir})…`);
    stack.down();
  }
}
let stackGroup: { pgid: number; child: ChildProcess } | undefined;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    say(`${sig}: stopping everything this run started…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  for (const svc of SERVICES) {
    if (!existsSync(join(root, 'dist', 'apps', svc, 'src', 'main.js')))
      throw new Error(`dist/apps/${svc}/src/main.js is missing: run npm run build`);
  }
  const only = process.env.FAULTS_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const f of only ?? []) if (!FAULTS.includes(f)) throw new Error(`FAULTS_ONLY: unknown fault "${f}"; known: ${FAULTS.join(', ')}`);
  const faults = only ?? FAULTS;
  loadWords();
  say(`run ${runId}: logs in ${logDir}`);
  say(`faults: ${faults.join(', ')}; load ${RATE}/s with ${POISON_PCT}% poison; readiness/progress target ${TARGET_S} s`);

  // 1. own stack; the started-by-stack.sh check of the detach fix: a SIGHUP to the process group
  // that ran `stack.sh up` (as a terminal hangup would) must leave Elasticsearch running.
  say(`starting the suite's own stack in ${stack.c.dir}: Kafka ${stack.kafka}, ES ${stack.es}, Redis ${stack.redis} (log ${stack.c.log})…`);
  stack.seed();
  stackGroup = await stack.upInGroup();
  const esPid = stack.pid('es');
  let detachOk = true;
  const esGroup = esPid ? groupOf(esPid) : undefined;
  process.kill(-stackGroup.pgid, 'SIGHUP');
  await sleep(3000);
  if (!(await esUp().catch(() => false))) {
    detachOk = false;
    say(`stack detach: Elasticsearch stopped after a SIGHUP to the group that started it (pgid ${stackGroup.pgid}); restarting it`);
    await stackServerBack('Elasticsearch healthy', esUp);
  } else {
    say(
      `stack detach: SIGHUP to the caller's process group ${stackGroup.pgid}: Elasticsearch still healthy (its pgid ${esGroup?.pgid}, session ${esGroup?.sid}); pids kafka ${stack.pid('kafka')}, es ${stack.pid('es')}, redis ${stack.pid('redis')}`,
    );
  }

  // 2. services, receiver, watch
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  for (const s of SERVICES) ports[s] = await freePort();
  // The receiver is on loopback: the only special-purpose range the services may post to.
  const allow: Record<string, string> = { MARSAD_WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32' };
  serviceEnv = {
    KAFKA_BROKERS: stack.kafka,
    ELASTICSEARCH_URL: stack.es,
    REDIS_URL: stack.redis,
    MARSAD_NAMESPACE: ns,
    HOST: '127.0.0.1',
    MARSAD_ADMIN_KEYS: `operator:${operatorKey},viewer:${viewerKey}`,
    MARSAD_ENRICHER_URL: `http://127.0.0.1:${ports.enricher}`,
    MARSAD_INDEXER_URL: `http://127.0.0.1:${ports.indexer}`,
    MARSAD_ALERTER_URL: `http://127.0.0.1:${ports.alerter}`,
    MARSAD_WEBHOOK_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'info',
    ...allow,
  };
  for (const s of SERVICES) startService(s);
  say(`services starting: ${SERVICES.map((s) => `${s} :${ports[s]}`).join(', ')}; logs ${logDir}/<service>.log`);
  await waitUntil('every service ready', async () => (await Promise.all(SERVICES.map(ready))).every(Boolean), 240_000, 500);
  say('every service answers /health/ready 200');

  const res = await fetch(`http://127.0.0.1:${ports.admin}/v1/watches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorKey}` },
    body: JSON.stringify({ name: 'Faults: Kaspersky', actors: ['Kaspersky'], channels: [{ type: 'webhook', url: receiverUrl }] }),
  });
  const watch = (await res.json()) as { id: string; secret: string };
  if (res.status !== 201) throw new Error(`could not create the watch: HTTP ${res.status} ${JSON.stringify(watch)}`);
  watchSecret = watch.secret;

  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 3 } });
  await producer.connect();
  await startOutConsumer();
  // Canary: the watch must be live in the alerter before the counted load starts.
  await waitUntil(
    'a first alert (canary article) at the receiver',
    async () => {
      const url = `https://faults.example.com/${ns}/canary/${randomBytes(4).toString('hex')}`;
      const body = `Kaspersky said that ${sentence()}. ${sentence()}.`;
      await producer!.send({
        topic: N.topic('articlesRaw'),
        messages: [
          {
            key: articleIdFromUrl(url),
            value: JSON.stringify({
              url,
              source: { name: 'Canary', domain: 'faults.example.com' },
              title: 'Kaspersky canary',
              body,
              language: 'en',
              publishedAt: new Date().toISOString(),
            }),
          },
        ],
      });
      await sleep(3000);
      return deliveries.size > 0;
    },
    120_000,
    0,
  );
  const canaryIds = new Set(deliveries.keys());
  say(`watch ${watch.id} live (canary alert delivered); starting the load`);

  monitoring = true;
  const monitors = Promise.all([monitorReady(), monitorOffsets(), monitorAdmin()]);
  loadOn = true;
  const load = runLoad();
  const progress = setInterval(() => {
    const last = offsetSamples[offsetSamples.length - 1];
    const lag = last ? GROUPS.map((g) => `${g.service} ${last.lag[g.service]}`).join(', ') : 'n/a';
    say(
      `  published ${published.size} valid + ${poison.size} poison; enriched ${enrichedAt.size}; DLQ ${dlq.size}; alerts ${deliveries.size - canaryIds.size}; lag ${lag}`,
    );
  }, 15_000);

  await sleep(WARMUP_S * 1000);
  for (const name of faults) {
    const start = Date.now();
    say(`FAULT ${name}: start`);
    const { end, note } = await inject(name);
    say(`FAULT ${name}: ended after ${secs(end - start)} s (${note}); waiting for the backlog to be consumed…`);
    const caught = await catchUp(CATCHUP_TIMEOUT_S * 1000);
    const caughtAt = Date.now();
    // The next fault starts only once every service is ready again (bounded), so faults never overlap.
    await waitUntil(
      'every service ready',
      async () => (await Promise.all(SERVICES.map(ready))).every(Boolean),
      CATCHUP_TIMEOUT_S * 1000,
      500,
    ).catch(() => say(`  not every service is ready ${CATCHUP_TIMEOUT_S} s after the catch-up; going on`));
    await sleep(3000); // a few more samples
    const rd = readinessAfter(end);
    const pr = progressAfter(end);
    const r: FaultResult = {
      name,
      start,
      end,
      note: rd.last.length ? `${note}; last not ready: ${rd.last.join(', ')}` : note,
      readyAfterS: rd.ms !== undefined ? rd.ms / 1000 : undefined,
      progressAfterS: pr !== undefined ? pr / 1000 : undefined,
      caughtUpAfterS: caught !== undefined ? (caughtAt - end) / 1000 : undefined,
    };
    results.push(r);
    say(
      `FAULT ${name}: ready again after ${r.readyAfterS?.toFixed(1) ?? 'NEVER'} s, consumers progressing after ${r.progressAfterS?.toFixed(1) ?? 'NEVER'} s, backlog consumed ${r.caughtUpAfterS !== undefined ? `after ${r.caughtUpAfterS.toFixed(1)} s` : `NOT within ${CATCHUP_TIMEOUT_S} s`}`,
    );
  }

  // 3. drain: stop the load, wait for every group to commit everything and the alerts to settle
  loadOn = false;
  await load;
  say(
    `load stopped: ${published.size} valid + ${poison.size} poison published (${sendErrors} send attempts failed and were retried); draining…`,
  );
  const drained = await catchUp(DRAIN_TIMEOUT_S * 1000);
  const expectedAlerts = new Set([...published].filter(([, v]) => v.kaspersky).map(([id]) => alertId(watch.id, id)));
  const delivered = () => [...expectedAlerts].filter((id) => deliveries.has(id)).length;
  let last = -1;
  let stableSince = Date.now();
  const drainEnd = Date.now() + DRAIN_TIMEOUT_S * 1000;
  while (Date.now() < drainEnd) {
    const d = delivered() + dlq.size + enrichedAt.size;
    if (d !== last) {
      last = d;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 15_000) break;
    if (delivered() === expectedAlerts.size && dlq.size >= poison.size && Date.now() - stableSince > 5000) break;
    await sleep(500);
  }
  clearInterval(progress);
  monitoring = false;
  await monitors;
  say(`drained${drained === undefined ? ' (consumer groups NOT fully caught up)' : ''}; checking…`);

  // 4. checks
  const es = new EsClient({ node: stack.es });
  await es.indices.refresh({ index: N.articlesIndexPattern, ignore_unavailable: true, allow_no_indices: true });
  const docs = new Map<string, { count: number; version: number; indexedAt: number }>();
  let scroll = await es.search({
    index: N.articlesIndexPattern,
    scroll: '1m',
    size: 5000,
    version: true,
    _source: ['url', 'indexedAt'],
    query: { match_all: {} },
  });
  while (scroll.hits.hits.length) {
    for (const h of scroll.hits.hits) {
      const d = docs.get(h._id!) ?? { count: 0, version: 0, indexedAt: 0 };
      d.count++;
      d.version = Math.max(d.version, h._version ?? 1);
      d.indexedAt = Math.max(d.indexedAt, Date.parse((h._source as { indexedAt?: string }).indexedAt ?? '') || 0);
      docs.set(h._id!, d);
    }
    scroll = await es.scroll({ scroll_id: scroll._scroll_id!, scroll: '1m' });
  }
  await es.clearScroll({ scroll_id: scroll._scroll_id! }).catch(() => undefined);
  const dupAgg = await es.search({
    index: N.articlesIndexPattern,
    size: 0,
    aggs: { u: { terms: { field: 'url', min_doc_count: 2, size: 100 } } },
  });
  const dupUrls = ((dupAgg.aggregations?.u as { buckets: { key: string; doc_count: number }[] })?.buckets ?? []).length;
  await es.close();

  const lost = [...published.keys()].filter((id) => !docs.has(id));
  const multiIndex = [...docs.values()].filter((d) => d.count > 1).length;
  const poisonInDlq = [...poison].filter((k) => dlq.get(k)?.error?.trim()).length;
  const lostAlerts = [...expectedAlerts].filter((id) => !deliveries.has(id));
  const unexpected = [...deliveries.keys()].filter((id) => !expectedAlerts.has(id) && !canaryIds.has(id));
  let extraDeliveries = 0;
  let badSig = 0;
  for (const [id, list] of deliveries) {
    if (canaryIds.has(id)) continue;
    extraDeliveries += list.length - 1;
    badSig += list.filter((x) => !x.signatureOk).length;
  }

  // Processing counted per article id, attributed to the fault window [start, next fault's start)
  // in which the repeat happened: enricher = repeats on the enriched topic; indexer = ES writes
  // beyond the enriched copies (_version − copies; indexedAt = the last write); alerter =
  // webhook deliveries beyond one per alert id.
  const windowOf = (t: number) => {
    let w: FaultResult | undefined;
    for (const r of results) if (r.start <= t) w = r;
    return w?.name ?? 'before the faults';
  };
  const repeats = new Map<string, { enricher: number; indexer: number; alerter: number }>();
  const bump = (w: string, k: 'enricher' | 'indexer' | 'alerter', n = 1) => {
    const e = repeats.get(w) ?? { enricher: 0, indexer: 0, alerter: 0 };
    e[k] += n;
    repeats.set(w, e);
  };
  for (const [, ts] of enrichedAt) for (const t of ts.slice(1)) bump(windowOf(t), 'enricher');
  for (const [id, d] of docs) {
    const extra = d.version - (enrichedAt.get(id)?.length ?? 1);
    if (extra > 0) bump(windowOf(d.indexedAt), 'indexer', extra);
  }
  for (const [id, list] of deliveries) if (!canaryIds.has(id)) for (const x of list.slice(1)) bump(windowOf(x.at), 'alerter');

  // 5. report
  const failures: string[] = [];
  const line = (ok: boolean | null, text: string) => {
    console.log(`${ok === null ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${text}`);
    if (ok === false) failures.push(text);
  };
  console.log('');
  console.log(
    `=== test:faults ${runId}: ${results.length} faults in ${secs(Date.now() - t0)} s; load ${RATE}/s, ${POISON_PCT}% poison ===`,
  );
  line(detachOk, `stack detach: Elasticsearch survives a SIGHUP to the process group that ran stack.sh up`);
  line(
    lost.length === 0,
    `articles: ${published.size} valid published, ${published.size - lost.length} searchable, ${lost.length} lost${lost.length ? ` (e.g. ${lost.slice(0, 3).join(', ')})` : ''}`,
  );
  line(
    dupUrls === 0 && multiIndex === 0,
    `documents per URL: ${dupUrls} URLs with more than one document, ${multiIndex} ids in more than one index`,
  );
  line(
    poisonInDlq === poison.size,
    `poison: ${poisonInDlq}/${poison.size} in the DLQ with a reason (${poison.size ? ((100 * poisonInDlq) / poison.size).toFixed(1) : '100.0'}%)`,
  );
  line(
    lostAlerts.length === 0,
    `alerts: ${expectedAlerts.size} expected, ${expectedAlerts.size - lostAlerts.length} distinct alert ids delivered, ${lostAlerts.length} lost; ${unexpected.length} unexpected`,
  );
  line(null, `alert deliveries beyond one per alert id (same X-Marsad-Alert-Id): ${extraDeliveries}`);
  line(badSig === 0, `webhook signatures: ${badSig} deliveries with an invalid signature`);
  line(
    adminProbes.fiveXX === 0,
    `admin API: ${adminProbes.total} probes during the faults, ${adminProbes.fiveXX} 5xx, ${adminProbes.unreachable} unanswered (admin itself down/restarting), ${adminProbes.other} other${adminProbes.details.length ? `: ${adminProbes.details.slice(0, 5).join('; ')}` : ''}`,
  );
  console.log('');
  console.log(`fault                 ready again   progressing   backlog consumed   repeats enricher/indexer/alerter   what happened`);
  for (const r of results) {
    const rep = repeats.get(r.name) ?? { enricher: 0, indexer: 0, alerter: 0 };
    const f = (x?: number) => (x === undefined ? 'NEVER' : `${x.toFixed(1)} s`).padStart(8);
    console.log(
      `${r.name.padEnd(20)}  ${f(r.readyAfterS)}      ${f(r.progressAfterS)}      ${(r.caughtUpAfterS === undefined ? 'NO' : `${r.caughtUpAfterS.toFixed(1)} s`).padStart(9)}          ${`${rep.enricher}/${rep.indexer}/${rep.alerter}`.padStart(10)}              ${r.note}`,
    );
  }
  const before = repeats.get('before the faults');
  if (before) console.log(`(repeats before the first fault: ${before.enricher}/${before.indexer}/${before.alerter})`);
  console.log('');
  for (const r of results) {
    line(
      r.readyAfterS !== undefined && r.readyAfterS <= TARGET_S,
      `${r.name}: readiness true again ${r.readyAfterS?.toFixed(1) ?? 'never'} s after the fault ended (target ${TARGET_S} s)`,
    );
    line(
      r.progressAfterS !== undefined && r.progressAfterS <= TARGET_S,
      `${r.name}: consumers progressing ${r.progressAfterS?.toFixed(1) ?? 'never'} s after the fault ended (target ${TARGET_S} s)`,
    );
    if (r.name.startsWith('sigterm-')) {
      const rep = repeats.get(r.name) ?? { enricher: 0, indexer: 0, alerter: 0 };
      const n = rep.enricher + rep.indexer + rep.alerter;
      line(
        n === 0,
        `${r.name}: ${n} articles processed a second time after the SIGTERM (enricher ${rep.enricher}, indexer ${rep.indexer}, alerter ${rep.alerter})`,
      );
    }
  }
  console.log('');
  console.log(`${failures.length ? 'FAILED' : 'PASSED'}: ${failures.length} of the checks above failed. Logs: ${logDir}`);
  return failures.length ? 1 : 0;
}

main()
  .then(
    async (code) => {
      await cleanup();
      process.exit(code);
    },
    async (err) => {
      say(`test:faults aborted: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      await cleanup();
      process.exit(2);
    },
  )
  .catch(() => process.exit(2));
