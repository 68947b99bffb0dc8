// test:faults — the suite's own stack (Kafka, Elasticsearch, Redis on other ports) with its health
// probes and Kafka admin, and the four services as separate processes.
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { Admin } from 'kafkajs';
import { names } from '@marsad/contracts';
import { createKafka } from '@marsad/messaging';
import { FaultStack } from './stack';
import { logDir, num, quiet, root, runId, within, type Service } from './env';

// ---------------------------------------------------------------------------------------------
// The suite's own stack

export const stack = new FaultStack({
  root,
  dir: process.env.FAULTS_STACK_DIR ?? '/var/tmp/marsad-faults',
  kafkaPort: num('FAULTS_KAFKA_PORT', 19192),
  esPort: num('FAULTS_ES_PORT', 19200),
  redisPort: num('FAULTS_REDIS_PORT', 16479),
  seedDir: process.env.MARSAD_STACK_DIR ?? '/var/tmp/marsad-stack',
  log: join(logDir, 'stack.log'),
});
export const ns = runId;
export const N = names(ns);
export const operatorKey = `op-${randomBytes(12).toString('hex')}`;
export const viewerKey = `view-${randomBytes(12).toString('hex')}`;

export async function esUp(): Promise<boolean> {
  const r = await within(fetch(`${stack.es}/_cluster/health`), 2000);
  if (!r.ok) return false;
  const b = (await r.json()) as { status: string };
  return b.status === 'green' || b.status === 'yellow';
}
export async function redisUp(): Promise<boolean> {
  const r = new Redis(stack.redis, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await within(r.connect(), 1500);
    return (await within(r.ping(), 1000)) === 'PONG';
  } finally {
    r.disconnect();
  }
}
export const kafka = createKafka({
  brokers: [stack.kafka],
  clientId: 'marsad-faults',
  logger: quiet,
  connectionTimeout: 1000,
  requestTimeout: 5000,
});
let kadmin: Admin | undefined;
export async function admin(): Promise<Admin> {
  if (!kadmin) {
    const a = kafka.admin({ retry: { retries: 0 } });
    await within(a.connect(), 3000);
    kadmin = a;
  }
  return kadmin;
}
export async function resetAdmin(): Promise<void> {
  const a = kadmin;
  kadmin = undefined;
  await a?.disconnect().catch(() => undefined);
}
export async function kafkaUp(): Promise<boolean> {
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

export const ports: Record<Service, number> = { enricher: 0, indexer: 0, alerter: 0, admin: 0 };
export const procs = new Map<Service, ChildProcess>();
/** Environment of every service process (filled by run.ts once the ports are known). */
export const serviceEnv: Record<string, string> = {};

export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

export function startService(svc: Service): ChildProcess {
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

export async function httpStatus(url: string, timeoutMs = 1500, headers: Record<string, string> = {}): Promise<number> {
  try {
    const r = await within(fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) }), timeoutMs + 200);
    await r.arrayBuffer().catch(() => undefined);
    return r.status;
  } catch {
    return 0;
  }
}
export const live = (svc: Service) => httpStatus(`http://127.0.0.1:${ports[svc]}/health/live`).then((s) => s === 200);
export const ready = (svc: Service) => httpStatus(`http://127.0.0.1:${ports[svc]}/health/ready`).then((s) => s === 200);

export async function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((r) => {
    const t = setTimeout(() => r(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(t);
      r(true);
    });
  });
}
