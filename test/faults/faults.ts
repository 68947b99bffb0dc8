// test:faults — the faults (kill -9 / SIGTERM of a service, Elasticsearch frozen or killed, Redis
// killed, a Kafka restart) and the measures taken after each: readiness back, consumers progressing,
// backlog consumed.
import { alive } from './stack';
import { esUp, exited, kafkaUp, live, procs, redisUp, resetAdmin, stack, startService } from './clients';
import { ES_FREEZE_S, FAULTS, GROUPS, REDIS_DOWN_S, say, secs, SERVICES, sleep, state, waitUntil, type Service } from './env';
import { offsetSamples, offsetsNow, readySamples, type OffsetSample } from './observe';

// ---------------------------------------------------------------------------------------------
// Faults

export interface FaultResult {
  name: string;
  start: number;
  end: number;
  note: string;
  readyAfterS?: number;
  progressAfterS?: number;
  caughtUpAfterS?: number;
}
export const results: FaultResult[] = [];

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

export async function stackServerBack(what: string, check: () => Promise<boolean>): Promise<number> {
  const upRun = stack.up();
  const end = await waitUntil(what, check, 300_000, 250);
  const code = await upRun;
  if (code !== 0) say(`  (stack.sh up exited ${code}; see ${stack.c.log})`);
  return end;
}

export async function inject(name: string): Promise<{ end: number; note: string }> {
  const [kind, svc] = name.split(/-(.*)/s) as [string, Service];
  if (kind === 'kill9') return restartService(svc, 'SIGKILL');
  if (kind === 'sigterm') return restartService(svc, 'SIGTERM');
  if (name === 'es-freeze') {
    const pid = stack.pid('es')!;
    process.kill(pid, 'SIGSTOP');
    state.frozen = pid;
    await sleep(ES_FREEZE_S * 1000);
    process.kill(pid, 'SIGCONT');
    state.frozen = undefined;
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
export function readinessAfter(end: number): { ms?: number; last: Service[] } {
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
export function progressAfter(end: number): number | undefined {
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
export async function catchUp(timeoutMs: number): Promise<number | undefined> {
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
