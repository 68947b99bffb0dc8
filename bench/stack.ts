// Helpers for the benches that run against the local stack: is it up, what machine is this and how
// loaded, CPU-seconds and peak RSS of a process from /proc, and cleaning up a bench namespace.

import { readFileSync, readdirSync } from 'node:fs';
import Redis from 'ioredis';
import { createKafka } from '@marsad/messaging';
import { createLogger, withTimeout } from '@marsad/observability';
import { removeNamespace } from '../tools/support/namespace';
import { redisConnectionOptions } from '@marsad/config';

export const KAFKA = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
export const ES = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200';
export const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const within = <T>(p: Promise<T>, ms: number): Promise<T> => withTimeout(p, ms, 'it');

/** Which of Kafka, Elasticsearch, Redis do not answer (the benches never start or stop servers). */
export async function checkStack(): Promise<string[]> {
  const down: string[] = [];
  const quiet = createLogger('bench', 'error');
  const kadmin = createKafka({ brokers: KAFKA.split(','), clientId: 'bench-probe', logger: quiet }).admin();
  try {
    await within(kadmin.connect(), 5000);
    await within(kadmin.listTopics(), 5000);
  } catch (e) {
    down.push(`Kafka ${KAFKA} (${(e as Error).message})`);
  } finally {
    await kadmin.disconnect().catch(() => undefined);
  }
  try {
    const r = await within(fetch(`${ES}/_cluster/health`), 5000);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
  } catch (e) {
    down.push(`Elasticsearch ${ES} (${(e as Error).message})`);
  }
  const redis = new Redis(
    redisConnectionOptions(REDIS, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null }),
  );
  redis.on('error', () => undefined);
  try {
    await within(redis.connect(), 4000);
    if ((await redis.ping()) !== 'PONG') throw new Error('no PONG');
  } catch (e) {
    down.push(`Redis ${REDIS} (${(e as Error).message})`);
  } finally {
    redis.disconnect();
  }
  return down;
}

export { load, machine } from './support';

const TICK = 100; // USER_HZ: clock ticks per second in /proc/<pid>/stat (100 on Linux)

/** User + system CPU-seconds a process (all threads) has used so far; NaN when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 (utime, stime); f[0] is field 3
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds of process `pid` split by thread: its main thread (tid = pid: the JavaScript) and every
 * other thread (V8's platform workers: optimising compiles, concurrent and parallel GC; libuv's pool).
 * A fresh Node process spends a large share off the main thread (ADR 0019, seventh session), which
 * `cpuSeconds` alone does not show. A thread that ended is no longer counted.
 */
export function threadCpuSeconds(pid: number): { main: number; helpers: number } {
  let main = 0;
  let helpers = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const s = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        const secs = (Number(f[11]) + Number(f[12])) / TICK;
        if (Number(tid) === pid) main += secs;
        else helpers += secs;
      } catch {
        // the thread ended between the listing and the read
      }
    }
  } catch {
    return { main: NaN, helpers: NaN };
  }
  return { main, helpers };
}

/** Peak resident set (VmHWM) in MB; NaN when the process is gone. */
export function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The pids of the shared stack's servers, found by command line (undefined when not visible). */
export function stackPids(): { es?: number; kafka?: number; redis?: number } {
  const out: { es?: number; kafka?: number; redis?: number } = {};
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    const pid = Number(d);
    // the shared stack lives in /var/tmp/marsad-stack (other engineers' private ones elsewhere)
    if (!out.es && cmd.includes('-Des.path.home=/var/tmp/marsad-stack/')) out.es = pid;
    else if (!out.kafka && cmd.includes('-Dkafka.logs.dir=/var/tmp/marsad-stack/')) out.kafka = pid;
    else if (!out.redis && /^\S*redis-server\s\S*:6379\b/.test(cmd)) out.redis = pid;
  }
  return out;
}

/** Leaves nothing behind: the namespace's topics, groups, ES indices and template, Redis keys. */
export async function cleanupNamespace(ns: string): Promise<void> {
  const kafka = createKafka({ brokers: KAFKA.split(','), clientId: 'bench-cleanup', logger: createLogger('bench', 'error') });
  await removeNamespace(ns, kafka, { elasticsearch: ES, redis: REDIS });
}
