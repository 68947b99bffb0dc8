/**
 * The gap after a replica is killed with kill -9 (issue 9, item 6; ADR 0009). kafkajs sends no
 * static member id, so the dead member keeps its partitions until the broker expires its session:
 * the session timeout bounds the gap. Two group members run as separate processes; the one owning
 * a partition is killed with SIGKILL, a message is published to that partition at once, and the
 * time until the survivor consumes it is printed — with the old settings (session 30 s, heartbeat
 * 3 s) and with the runner's (SESSION_TIMEOUT_MS / HEARTBEAT_INTERVAL_MS). A measurement, not a
 * timing assertion: it only checks that the partition is consumed again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { Partitioners, type Kafka } from 'kafkajs';
import { names } from '@marsad/contracts';
import { HEARTBEAT_INTERVAL_MS, SESSION_TIMEOUT_MS, createKafka, ensureTopics } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { stackEnv, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';

jest.setTimeout(240_000);

interface Member {
  proc: ChildProcess;
  joins: { t: number; assignment: number[] }[];
  msgs: { t: number; partition: number; offset: string }[];
}

const quiet = createLogger('rejoin-e2e', 'error', {}, () => undefined);
const child = join(__dirname, 'helpers', 'rejoin-child.js');

function member(brokers: string, topic: string, groupId: string, session: number, heartbeat: number): Member {
  const proc = spawn(process.execPath, [child, brokers, topic, groupId, String(session), String(heartbeat)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const m: Member = { proc, joins: [], msgs: [] };
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    const e = JSON.parse(line) as { t: number; event: string; assignment?: number[]; partition?: number; offset?: string };
    if (e.event === 'join') m.joins.push({ t: e.t, assignment: e.assignment ?? [] });
    if (e.event === 'msg') m.msgs.push({ t: e.t, partition: e.partition!, offset: e.offset! });
  });
  return m;
}

describe('kill -9 of a group member: time until its partition is consumed again', () => {
  const ns = testNamespace('rj');
  const n = names(ns);
  const env = stackEnv(ns);
  let kafka: Kafka;
  const procs: ChildProcess[] = [];
  const figures: string[] = [];

  beforeAll(async () => {
    kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'rejoin-e2e', logger: quiet });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n, { keys: ['articlesRaw'] });
    await admin.disconnect();
  });

  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    if (figures.length)
      process.stdout.write(`\nkill -9 gap (time until the dead member's partition is consumed again):\n${figures.join('\n')}\n`);
    if (kafka) await removeNamespace(ns, kafka).catch(() => undefined);
  });

  const settings = [
    { label: 'before: session 30 s, heartbeat 3 s', session: 30_000, heartbeat: 3000 },
    {
      label: `after:  session ${SESSION_TIMEOUT_MS / 1000} s, heartbeat ${HEARTBEAT_INTERVAL_MS / 1000} s`,
      session: SESSION_TIMEOUT_MS,
      heartbeat: HEARTBEAT_INTERVAL_MS,
    },
  ];

  it.each(settings)('$label', async ({ label, session, heartbeat }) => {
    const topic = n.topic('articlesRaw');
    const groupId = `${ns}.rejoin.${session}`;
    const a = member(env.KAFKA_BROKERS, topic, groupId, session, heartbeat);
    procs.push(a.proc);
    await waitFor('first member joined', async () => a.joins.length > 0, 60_000);
    const b = member(env.KAFKA_BROKERS, topic, groupId, session, heartbeat);
    procs.push(b.proc);
    // Both members hold partitions once the group rebalanced.
    const owned = await waitFor(
      'partitions split between the two members',
      async () => {
        const pa = a.joins.at(-1)?.assignment ?? [];
        const pb = b.joins.at(-1)?.assignment ?? [];
        return pa.length && pb.length && pa.length + pb.length === 3 ? pa : undefined;
      },
      90_000,
    );
    const partition = owned[0];
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const t0 = Date.now();
    a.proc.kill('SIGKILL');
    await producer.send({ topic, messages: [{ value: `after kill ${label}`, partition }] });
    await producer.disconnect();
    const seen = await waitFor(
      "the survivor consuming the dead member's partition",
      async () => b.msgs.find((m) => m.partition === partition && m.t >= t0),
      90_000,
      50,
    );
    const gap = seen.t - t0;
    figures.push(`  ${label}: ${(gap / 1000).toFixed(1)} s`);
    b.proc.kill('SIGKILL');
    expect(seen.partition).toBe(partition);
  });
});
