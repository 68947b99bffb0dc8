// test:faults — the knobs, the run's folder and log, the small helpers, and the state the modules
// share (see run.ts for what the suite does).
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import { createLogger } from '@marsad/observability';

export const num = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number, got "${process.env[name]}"`);
  return v;
};
export const RATE = num('FAULTS_RATE', 20);
export const POISON_PCT = num('FAULTS_POISON_PCT', 1);
export const ES_FREEZE_S = num('FAULTS_ES_FREEZE_S', 45);
export const REDIS_DOWN_S = num('FAULTS_REDIS_DOWN_S', 20);
export const WARMUP_S = num('FAULTS_WARMUP_S', 15);
export const CATCHUP_TIMEOUT_S = num('FAULTS_CATCHUP_TIMEOUT_S', 120);
export const DRAIN_TIMEOUT_S = num('FAULTS_DRAIN_TIMEOUT_S', 240);
export const TARGET_S = num('FAULTS_TARGET_S', 15);
export const SERVICES = ['enricher', 'indexer', 'alerter', 'admin'] as const;
export type Service = (typeof SERVICES)[number];
export const GROUPS = [
  { service: 'enricher', topic: 'articlesRaw' },
  { service: 'indexer', topic: 'articlesEnriched' },
  { service: 'alerter', topic: 'articlesEnriched' },
] as const;
export const FAULTS = [
  ...SERVICES.map((s) => `kill9-${s}`),
  'es-freeze',
  'es-kill',
  'redis-kill',
  'kafka-restart',
  ...SERVICES.map((s) => `sigterm-${s}`),
];

export const root = findRoot();
export const runId = `faults${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
export const logDir = join(root, '.marsad', 'faults', runId);
mkdirSync(logDir, { recursive: true });
export const t0 = Date.now();
export const secs = (ms: number) => (ms / 1000).toFixed(1);
export const say = (m: string) => console.log(`[faults ${secs(Date.now() - t0).padStart(6)}s] ${m}`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const suiteLog = createWriteStream(join(logDir, 'suite.log'));
export const quiet = createLogger('faults', 'warn', {}, (l) => suiteLog.write(l + '\n'));

export function findRoot(): string {
  for (let d = __dirname; ; d = resolve(d, '..')) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'libs'))) return d;
    if (resolve(d, '..') === d) return process.cwd();
  }
}

export async function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, rej) => (t = setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(t);
  }
}

export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe().catch(() => false)) return Date.now();
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${secs(timeoutMs)} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** What the modules of one run set and read across module boundaries (an imported `let` cannot be assigned). */
export const state = {
  /** The monitors and the probe consumer run while this is true. */
  monitoring: true,
  /** The load publishes while this is true. */
  loadOn: false,
  /** Pid of an Elasticsearch under SIGSTOP (continued on clean-up). */
  frozen: undefined as number | undefined,
  producer: undefined as Producer | undefined,
  outConsumer: undefined as Consumer | undefined,
  watchSecret: '',
  sendErrors: 0,
};
