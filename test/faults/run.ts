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
//
// The suite in modules: env.ts (knobs, helpers, shared state), clients.ts (own stack, services),
// observe.ts (monitors, outputs, receiver), load.ts, faults.ts (faults and measures), report.ts.

import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { alertId, articleIdFromUrl } from '@marsad/contracts';
import { groupOf } from './stack';
import {
  esUp,
  freePort,
  kafka,
  N,
  ns,
  operatorKey,
  ports,
  procs,
  exited,
  resetAdmin,
  serviceEnv,
  stack,
  ready,
  startService,
  viewerKey,
} from './clients';
import {
  CATCHUP_TIMEOUT_S,
  DRAIN_TIMEOUT_S,
  FAULTS,
  GROUPS,
  logDir,
  POISON_PCT,
  RATE,
  root,
  runId,
  say,
  secs,
  SERVICES,
  sleep,
  state,
  TARGET_S,
  waitUntil,
  WARMUP_S,
} from './env';
import { catchUp, inject, progressAfter, readinessAfter, results, stackServerBack, type FaultResult } from './faults';
import { loadWords, poison, published, runLoad, sentence } from './load';
import {
  deliveries,
  dlq,
  enrichedAt,
  monitorAdmin,
  monitorOffsets,
  monitorReady,
  offsetSamples,
  receiver,
  startOutConsumer,
} from './observe';
import { checkAndReport } from './report';

// ---------------------------------------------------------------------------------------------
// Clean-up: everything this run started stops, also on Ctrl-C and errors

let cleaned = false;
async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  state.monitoring = false;
  state.loadOn = false;
  if (state.frozen) process.kill(state.frozen, 'SIGCONT');
  for (const c of procs.values()) c.kill('SIGTERM');
  await Promise.all([...procs.values()].map((c) => exited(c, 20_000).then((ok) => ok || c.kill('SIGKILL'))));
  await Promise.allSettled([state.producer?.disconnect(), state.outConsumer?.disconnect(), resetAdmin()]);
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
  Object.assign(serviceEnv, {
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
  });
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
  state.watchSecret = watch.secret;

  state.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 3 } });
  await state.producer.connect();
  await startOutConsumer();
  // Canary: the watch must be live in the alerter before the counted load starts.
  await waitUntil(
    'a first alert (canary article) at the receiver',
    async () => {
      const url = `https://faults.example.com/${ns}/canary/${randomBytes(4).toString('hex')}`;
      const body = `Kaspersky said that ${sentence()}. ${sentence()}.`;
      await state.producer!.send({
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

  state.monitoring = true;
  const monitors = Promise.all([monitorReady(), monitorOffsets(), monitorAdmin()]);
  state.loadOn = true;
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
  state.loadOn = false;
  await load;
  say(
    `load stopped: ${published.size} valid + ${poison.size} poison published (${state.sendErrors} send attempts failed and were retried); draining…`,
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
  state.monitoring = false;
  await monitors;
  say(`drained${drained === undefined ? ' (consumer groups NOT fully caught up)' : ''}; checking…`);

  return checkAndReport({ detachOk, expectedAlerts, canaryIds });
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
