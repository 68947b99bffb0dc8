/**
 * Hostile-input fuzz of the admin API (issue 13), against a REAL admin (bootstrapAdmin in-process)
 * on the real Kafka / Elasticsearch / Redis, in a namespace of its own.
 *
 * - Property-based over the OpenAPI document the admin serves (/docs-json): for every route, bodies
 *   generated from its request schema with fast-check, then mutated (missing/extra fields, wrong
 *   types, huge or deeply nested values, non-finite numbers, broken JSON, wrong media types), odd
 *   query strings (repeated, unknown, out-of-range values) and path ids, under every role.
 * - Named regressions: the cases issue 13 reported (each must answer the given status).
 * - Oracles: no 5xx; the auth matrix (no key or a bad key → 401, a role below the route's → 403,
 *   otherwise never 401/403); no unsafe webhook target accepted (targets built unsafe by
 *   construction: link-local/metadata, private, reserved, and their IPv6 embeddings); no stack
 *   trace or store error text in a body; RSS and heap before and after.
 *
 * Used by test/e2e/admin-fuzz.e2e.ts (CI size) and `npm run fuzz:admin` (tools/fuzz/cli.ts).
 */
import * as fc from 'fast-check';
import { names } from '@marsad/contracts';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { bootstrapAdmin, type AdminHandle } from '../../apps/admin/src/bootstrap';
import { removeNamespace } from '../support/namespace';
import { openApiRoutes, requestArb } from './generators';
import { agent, declaredHuge, send, waitKb, type Answer } from './http';
import { regressions } from './regressions';
import { emptyReport, judge } from './report';
import { KEYS, MAX_BODY, ROUTE_ROLES, type FuzzOptions, type FuzzReport, type Sent } from './types';

// The module is split by concern: types (roles, shapes), generators (arbitraries), http (client),
// regressions (issue 13's cases), report (oracles, figures). Callers import from here.
export { failed, formatReport } from './report';
export { regressions } from './regressions';
export { ROUTE_ROLES } from './types';
export type { FuzzOptions, FuzzReport, Role, Sent } from './types';

// ------------------------------------------------------------------ the run
export async function runAdminFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const print = opts.print ?? ((l: string) => process.stdout.write(l + '\n'));
  const ns = opts.namespace;
  const N = names(ns);
  const quiet = createLogger('fuzz', 'error');
  const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const kafka = createKafka({ brokers: [brokers], clientId: 'fuzz-admin', logger: quiet });
  const kadmin = kafka.admin();
  await kadmin.connect();
  await ensureTopics(kadmin, N);
  await kadmin.disconnect();

  const admin: AdminHandle = await bootstrapAdmin(
    {
      KAFKA_BROKERS: brokers,
      ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      MARSAD_NAMESPACE: ns,
      MARSAD_ADMIN_KEYS: `viewer:${KEYS.viewer},operator:${KEYS.operator},admin:${KEYS.admin}`,
      // Loopback only: every other special address must be refused.
      MARSAD_WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
      MARSAD_WEBHOOK_ALLOW_PRIVATE: undefined,
      MARSAD_MAX_BODY_BYTES: String(MAX_BODY),
      // The fuzz measures answers, not the limiter: a limit it never reaches.
      MARSAD_ADMIN_RATE_LIMIT: '1000000',
      // /v1/status probes nothing of anyone else's (port 9: discard, refused at once).
      MARSAD_ENRICHER_URL: 'http://127.0.0.1:9',
      MARSAD_INDEXER_URL: 'http://127.0.0.1:9',
      MARSAD_ALERTER_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
    },
    { port: 0, logFile: opts.logFile },
  );
  const port = admin.port;
  const t0 = Date.now();
  const report = emptyReport();
  try {
    await admin.ready();
    await waitKb(port);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    report.rssBeforeMb = mb(process.memoryUsage().rss);
    report.heapBeforeMb = mb(process.memoryUsage().heapUsed);

    const doc = JSON.parse((await send(port, { method: 'GET', path: '/docs-json', role: 'none' })).body);
    const routes = openApiRoutes(doc);
    const missing = routes.filter((r) => !ROUTE_ROLES[`${r.method} ${r.path}`]);
    if (missing.length) throw new Error(`routes without a role in ROUTE_ROLES: ${missing.map((r) => `${r.method} ${r.path}`).join(', ')}`);

    // Fixtures the fuzz can hit by id: a watch and an actor.
    const watchId = `fz_${ns}`.slice(0, 60);
    await send(port, {
      method: 'POST',
      path: '/v1/watches',
      role: 'operator',
      body: JSON.stringify({ id: watchId, name: 'fuzz', query: 'fuzz', channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook' }] }),
    });
    const actorId = 'org:fuzz-target';
    const created = await send(port, {
      method: 'POST',
      path: '/v1/actors',
      role: 'admin',
      body: JSON.stringify({ id: actorId, name: 'Fuzz Target', type: 'organization' }),
    });
    if (created.status !== 201) throw new Error(`fixture actor not created: ${created.status} ${created.body}`);

    const record = async (r: Sent): Promise<Answer | undefined> => {
      let a: Answer;
      try {
        a = await send(port, r);
      } catch (err) {
        report.clientErrors++;
        if (report.clientErrorSamples.length < 5)
          report.clientErrorSamples.push(`${r.method} ${r.path.slice(0, 80)}: ${(err as Error).message}`);
        return undefined;
      }
      judge(report, routes, r, a);
      return a;
    };

    // 1. Named regressions (issue 13).
    for (const r of regressions(watchId, actorId)) await record(r);
    const huge = await declaredHuge(port).catch((err: Error) => ({ status: 0, closed: false, err }));
    report.requestsSent++;
    if (huge.status !== 413)
      report.regressionFailures.push({ name: 'declared Content-Length 10^12 → 413 at once', status: huge.status, body: '' });
    else report.byClass['4xx'] = (report.byClass['4xx'] ?? 0) + 1;
    const powered = await send(port, { method: 'GET', path: '/health/live', role: 'none' });
    if (powered.headers['x-powered-by'])
      report.regressionFailures.push({ name: 'no X-Powered-By', status: powered.status, body: String(powered.headers['x-powered-by']) });

    // 2. Concurrent alias edits on one actor: every acknowledged alias must be there afterwards.
    const aliases = Array.from({ length: 20 }, (_, i) => `Fuzz Alias ${i} ${ns}`);
    const answers = await Promise.all(
      aliases.map((alias) =>
        send(port, { method: 'POST', path: `/v1/actors/${actorId}/aliases`, role: 'admin', body: JSON.stringify({ aliases: [alias] }) }),
      ),
    );
    report.requestsSent += answers.length;
    for (const a of answers)
      report.byClass[`${Math.floor(a.status / 100)}xx`] = (report.byClass[`${Math.floor(a.status / 100)}xx`] ?? 0) + 1;
    const acknowledged = aliases.filter((_, i) => answers[i].status === 200);
    const after = JSON.parse(
      (await send(port, { method: 'GET', path: `/v1/actors?q=${encodeURIComponent(actorId)}&limit=5`, role: 'viewer' })).body,
    );
    const have = new Set<string>((after.actors ?? []).find((a: { id: string }) => a.id === actorId)?.aliases ?? []);
    report.concurrentAliasEdits = {
      sent: aliases.length,
      ok: acknowledged.length,
      conflicts: answers.filter((a) => a.status === 409).length,
      present: acknowledged.filter((a) => have.has(a)).length,
      missing: acknowledged.filter((a) => !have.has(a)),
    };
    for (const a of answers)
      if (a.status >= 500) report.fiveHundreds.push({ req: 'concurrent alias edit', status: a.status, body: a.body.slice(0, 300) });

    // 3. Property-based requests over the OpenAPI routes.
    const reqArb = requestArb(routes, watchId, actorId);
    // Generated in chunks (a fixed seed per chunk: reproducible) so the requests are not all held at once.
    const concurrency = opts.concurrency ?? 8;
    let lastPrint = Date.now();
    let samples: Sent[] = [];
    let next = 0;
    let made = 0;
    const take = (): Sent | undefined => {
      if (next >= samples.length) {
        if (made >= opts.requests) return undefined;
        const n = Math.min(250, opts.requests - made);
        samples = fc.sample(reqArb, { numRuns: n, seed: (opts.seed ?? 13) + made });
        made += n;
        next = 0;
      }
      return samples[next++];
    };
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let r = take(); r; r = take()) {
          await record(r);
          if (Date.now() - lastPrint > 10_000) {
            lastPrint = Date.now();
            print(`  … ${report.requestsSent} requests, ${mb(process.memoryUsage().rss)} MB RSS`);
          }
        }
      }),
    );
    gc?.();
    report.rssAfterMb = mb(process.memoryUsage().rss);
    report.heapAfterMb = mb(process.memoryUsage().heapUsed);
    report.seconds = Math.round((Date.now() - t0) / 100) / 10;
    return report;
  } finally {
    agent.destroy();
    await admin.close();
    await removeNamespace(ns, kafka, {
      elasticsearch: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
      redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    }).catch(() => undefined);
  }
}

const mb = (n: number) => Math.round(n / 1048576);
