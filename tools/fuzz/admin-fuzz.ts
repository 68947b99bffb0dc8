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
import * as http from 'node:http';
import * as net from 'node:net';
import * as fc from 'fast-check';
import { names } from '@marsad/contracts';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { bootstrapAdmin, type AdminHandle } from '../../apps/admin/src/bootstrap';
import { removeNamespace } from '../support/namespace';

export type Role = 'none' | 'badkey' | 'viewer' | 'operator' | 'admin';
const RANK: Record<Role, number> = { none: -2, badkey: -1, viewer: 0, operator: 1, admin: 2 };

/** Role each route needs (the fuzz fails if the OpenAPI document has a /v1 route missing here). */
export const ROUTE_ROLES: Record<string, Exclude<Role, 'none' | 'badkey'>> = {
  'GET /v1/actors': 'viewer',
  'POST /v1/actors': 'admin',
  'POST /v1/actors/{id}/aliases': 'admin',
  'GET /v1/alerts': 'viewer',
  'POST /v1/alerts/{id}/retry': 'operator',
  'POST /v1/articles': 'operator',
  'GET /v1/dlq': 'viewer',
  'POST /v1/dlq/replay': 'admin',
  'POST /v1/reprocess': 'admin',
  'GET /v1/reprocess': 'viewer',
  'GET /v1/reprocess/{id}': 'viewer',
  'DELETE /v1/reprocess/{id}': 'admin',
  'GET /v1/status': 'viewer',
  'POST /v1/watches/{id}/test': 'operator',
  'POST /v1/watches': 'operator',
  'GET /v1/watches': 'viewer',
  'GET /v1/watches/{id}': 'viewer',
  'PUT /v1/watches/{id}': 'operator',
  'DELETE /v1/watches/{id}': 'operator',
  'POST /v1/consumers/{group}/partitions/{topic}/{partition}/skip': 'admin',
};

export interface FuzzOptions {
  requests: number;
  seed?: number;
  concurrency?: number;
  logFile?: string;
  namespace: string;
  /** Printed progress lines go here (the e2e test passes a no-op). */
  print?: (line: string) => void;
}

export interface Sent {
  method: string;
  path: string;
  role: Role;
  headers?: Record<string, string>;
  body?: string;
  /** Expected status (regressions) or a predicate. */
  expect?: number | ((status: number, body: string) => boolean);
  /** A webhook target built unsafe: a 2xx answer is a failure. */
  unsafeTarget?: string;
  name?: string;
}

export interface FuzzReport {
  requestsSent: number;
  byClass: Record<string, number>;
  fiveHundreds: { req: string; status: number; body: string }[];
  authMismatches: { req: string; role: Role; status: number; body: string }[];
  unsafeAccepted: { url: string; status: number }[];
  regressionFailures: { name: string; status: number; body: string }[];
  leaks: { req: string; body: string }[];
  clientErrors: number;
  clientErrorSamples: string[];
  rssBeforeMb: number;
  rssAfterMb: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  seconds: number;
  concurrentAliasEdits: { sent: number; ok: number; conflicts: number; present: number; missing: string[] };
}

const KEYS = { viewer: 'fuzz-viewer-key-0123456789', operator: 'fuzz-operator-key-0123456789', admin: 'fuzz-admin-key-0123456789' };
const MAX_BODY = 65536;

// ------------------------------------------------------------------ unsafe targets, by construction
const UNSAFE_V4 = [
  '169.254.169.254',
  '169.254.170.2',
  '100.100.100.200',
  '10.0.0.1',
  '172.16.5.4',
  '192.168.1.1',
  '100.64.0.1',
  '0.0.0.0',
  '192.0.0.192',
  '192.0.2.1',
  '198.18.0.1',
  '198.51.100.7',
  '203.0.113.9',
  '224.0.0.1',
  '240.0.0.1',
  '255.255.255.255',
];
const UNSAFE_V6 = [
  'fe80::1',
  'fd00:ec2::254',
  'fd20:ce::254',
  'fc00::1',
  'fec0::1',
  'ff02::1',
  '::',
  '2001:db8::1',
  '3fff::1',
  '5f00::1',
  '2001:2::1',
  '2001:10::1',
  '2001:20::1',
  '1::1',
  '100::1',
  '2001::1',
  '4000::1',
  '2620:4f:8000::1',
];
const hex4 = (ip: string) =>
  ip
    .split('.')
    .map(Number)
    .reduce<number[]>((g, o, i) => (i % 2 ? [...g.slice(0, -1), g[g.length - 1] * 256 + o] : [...g, o]), [])
    .map((n) => n.toString(16));
const v4int = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);

/** An unsafe IPv4 address written in one of the many forms a URL host accepts. */
const unsafeV4Form = fc.tuple(fc.constantFrom(...UNSAFE_V4), fc.nat(10)).map(([ip, k]) => {
  const [a, b] = hex4(ip);
  const inv = hex4(ip).map((g) => (0xffff ^ parseInt(g, 16)).toString(16));
  const forms = [
    ip,
    `[::ffff:${ip}]`,
    `[::ffff:${a}:${b}]`,
    `[64:ff9b::${a}:${b}]`,
    `[64:ff9b:1::${a}:${b}]`,
    `[2002:${a}:${b}::1]`,
    `[2001:0:4136:e378:8000:63bf:${inv[0]}:${inv[1]}]`,
    `[::ffff:0:${ip}]`,
    String(v4int(ip)),
    `0x${v4int(ip).toString(16)}`,
    `${ip}.`,
  ];
  return forms[k % forms.length];
});
const unsafeHost = fc.oneof(
  unsafeV4Form,
  fc.constantFrom(...UNSAFE_V6).map((ip) => `[${ip}]`),
);
const unsafeUrl = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    unsafeHost,
    fc.constantFrom('', ':80', ':8080', ':9200'),
    fc.constantFrom('/', '/latest/meta-data', '/hook?x=1'),
  )
  .map(([s, h, p, path]) => `${s}://${h}${p}${path}`);
const safeUrl = fc.constantFrom('http://127.0.0.1:9/hook', 'http://[::1]:9/hook', 'https://93.184.216.34/hook', 'http://8.8.8.8/x');

// ------------------------------------------------------------------ OpenAPI → arbitraries
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = any;

const odd = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant(''),
  fc.constant(' '),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(-0),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
);

function fromSchema(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.oneOf || s.anyOf) return fc.oneof(...(s.oneOf ?? s.anyOf).map((x: Schema) => fromSchema(x, depth + 1)));
  switch (s.type) {
    case 'object': {
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) props[k] = fromSchema(v, depth + 1);
      if (!Object.keys(props).length) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    case 'array':
      return fc.array(fromSchema(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -10, max: s.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (s.format === 'date-time') return fc.date({ min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString());
      if (s.example) return fc.oneof(fc.constant(String(s.example)), fc.string({ maxLength: 30 }));
      return fc.string({ minLength: 1, maxLength: 30 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Walks into a random object path and replaces a value (wrong type, deletion, addition). */
function mutate(value: unknown, rnd: () => number, replacement: unknown): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  const keys = Object.keys(copy);
  const r = rnd();
  if (!keys.length || r < 0.2) {
    (copy as Record<string, unknown>)[`extra${Math.floor(rnd() * 100)}`] = replacement;
    return copy;
  }
  const k = keys[Math.floor(rnd() * keys.length)];
  if (r < 0.4) delete (copy as Record<string, unknown>)[k];
  else if (r < 0.7) (copy as Record<string, unknown>)[k] = replacement;
  else (copy as Record<string, unknown>)[k] = mutate((copy as Record<string, unknown>)[k], rnd, replacement);
  return copy;
}

/** JSON text nested `depth` levels (built as text: JSON.stringify itself overflows the stack at a few thousand). */
const nestText = (depth: number): string => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}1${close}`;
};
const DEEP = '"__deep__"';
/** `value` as JSON with every "__deep__" string replaced by a `depth`-level nesting. */
const withDeep = (value: unknown, depth: number) => JSON.stringify(value).split(DEEP).join(nestText(depth));

// ------------------------------------------------------------------ HTTP
interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function send(port: number, r: Sent): Promise<Answer> {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (r.role === 'badkey') headers.authorization = 'Bearer not-a-real-key-xxxxxxxx';
  else if (r.role !== 'none') headers.authorization = `Bearer ${KEYS[r.role]}`;
  if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json';
  // Always declared: Node's client sends a DELETE body without a length otherwise.
  if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('client timeout after 30 s')));
    req.on('error', reject);
    req.end(r.body);
  });
}

/** A raw request whose Content-Length announces far more than is sent: the answer must come at once. */
function declaredHuge(port: number): Promise<{ status: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('no answer within 8 s to a declared Content-Length of 10^12'));
    }, 8000);
    sock.on('data', (d) => (data += d.toString('latin1')));
    sock.on('close', () => {
      clearTimeout(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), closed: true });
    });
    sock.on('error', () => undefined);
    sock.write(
      `POST /v1/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEYS.operator}\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{"url":`,
    );
  });
}

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
  const report: FuzzReport = {
    requestsSent: 0,
    byClass: {},
    fiveHundreds: [],
    authMismatches: [],
    unsafeAccepted: [],
    regressionFailures: [],
    leaks: [],
    clientErrors: 0,
    clientErrorSamples: [],
    rssBeforeMb: 0,
    rssAfterMb: 0,
    heapBeforeMb: 0,
    heapAfterMb: 0,
    seconds: 0,
    concurrentAliasEdits: { sent: 0, ok: 0, conflicts: 0, present: 0, missing: [] },
  };
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
      report.requestsSent++;
      const cls = `${Math.floor(a.status / 100)}xx`;
      report.byClass[cls] = (report.byClass[cls] ?? 0) + 1;
      const label = `${r.method} ${r.path.slice(0, 160)}${r.name ? ` [${r.name}]` : ''}`;
      if (a.status >= 500) report.fiveHundreds.push({ req: label, status: a.status, body: a.body.slice(0, 300) });
      if (/\bat [\w.<>]+ \(|node_modules|_exception|search_phase|TypeError|RangeError/.test(a.body))
        report.leaks.push({ req: label, body: a.body.slice(0, 300) });
      const route = matchRoute(routes, r.method, r.path.split('?')[0]);
      if (route && a.status !== 413 && a.status !== 429) {
        const need = ROUTE_ROLES[`${route.method} ${route.path}`];
        const expected = RANK[r.role] < 0 ? 401 : RANK[r.role] < RANK[need] ? 403 : undefined;
        if (expected !== undefined ? a.status !== expected : a.status === 401 || a.status === 403)
          report.authMismatches.push({ req: label, role: r.role, status: a.status, body: a.body.slice(0, 200) });
      }
      if (r.unsafeTarget && a.status >= 200 && a.status < 300) report.unsafeAccepted.push({ url: r.unsafeTarget, status: a.status });
      if (r.expect !== undefined) {
        const ok = typeof r.expect === 'number' ? a.status === r.expect : r.expect(a.status, a.body);
        if (!ok) report.regressionFailures.push({ name: r.name ?? label, status: a.status, body: a.body.slice(0, 300) });
      }
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

async function waitKb(port: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const r = await send(port, { method: 'GET', path: '/health/ready', role: 'none' });
    if (r.status === 200) return;
    await new Promise((res) => setTimeout(res, 250));
  }
}

interface Route {
  method: string;
  path: string;
  re: RegExp;
  body?: Schema;
  query: string[];
}

function openApiRoutes(doc: Schema): Route[] {
  const out: Route[] = [];
  for (const [path, ops] of Object.entries<Schema>(doc.paths ?? {})) {
    if (!path.startsWith('/v1')) continue;
    for (const [m, op] of Object.entries<Schema>(ops)) {
      const method = m.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) continue;
      out.push({
        method,
        path,
        re: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        body: op.requestBody?.content?.['application/json']?.schema,
        query: (op.parameters ?? []).filter((p: Schema) => p.in === 'query').map((p: Schema) => p.name),
      });
    }
  }
  return out;
}

function matchRoute(routes: Route[], method: string, path: string): Route | undefined {
  return routes.find((r) => r.method === method && r.re.test(path));
}

const enc = encodeURIComponent;

function requestArb(routes: Route[], watchId: string, actorId: string): fc.Arbitrary<Sent> {
  const role = fc.constantFrom<Role>('none', 'badkey', 'viewer', 'operator', 'admin', 'admin', 'operator');
  const ids = fc.oneof(
    fc.constantFrom(watchId, actorId, 'nope', 'x'.repeat(300), '..%2F..', '%00', '%E2%80%AE', '0', '-1', 'w_1', 'org:kaspersky-lab'),
    fc.string({ maxLength: 12 }).map(enc),
  );
  const queryValue = fc.oneof(
    fc.constantFrom('1', '0', '-1', '51', '200', '10001', '1e3', 'NaN', 'Infinity', '', 'true', '[]', '%00'),
    fc.constantFrom('-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00.000Z', '2026-12-01', '2026-13-45', '9999-12-31T23:59:59Z'),
    fc.string({ maxLength: 20 }).map(enc),
  );
  const query = (known: string[]) =>
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...(known.length ? known : ['q'])), fc.constantFrom('x', 'a[b]', 'q[]', '__proto__')),
          queryValue,
        ),
        {
          maxLength: 4,
        },
      )
      .map((pairs) => (pairs.length ? '?' + pairs.map(([k, v]) => `${enc(k)}=${v}`).join('&') : ''));
  const rawBody = (schema: Schema) =>
    fc.oneof(
      { weight: 4, arbitrary: fromSchema(schema).map((v) => JSON.stringify(v)) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fromSchema(schema), odd, fc.double({ min: 0, max: 1, noNaN: true }))
          .map(([v, rep, r]) => JSON.stringify(mutate(v, mulberry(Math.floor(r * 1e9)), rep))),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '1e309', '{"a":1e309}', '\u0000', '{}{}') },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fromSchema(schema), fc.constantFrom(65, 200, 1000, 5000, 20000))
          .map(([v, d]) =>
            withDeep(typeof v === 'object' && v !== null ? { ...(v as object), metadata: '__deep__', extra: '__deep__' } : '__deep__', d),
          ),
      },
      { weight: 1, arbitrary: fc.constant(JSON.stringify({ big: 'x'.repeat(MAX_BODY + 10) })) },
    );
  const watchWithUrl = fc
    .tuple(
      fc.oneof(
        unsafeUrl.map((u) => ({ u, unsafe: true })),
        safeUrl.map((u) => ({ u, unsafe: false })),
      ),
      role,
    )
    .map(([{ u, unsafe }, r]) => ({
      method: 'POST',
      path: '/v1/watches',
      role: r,
      body: JSON.stringify({ name: 'target', query: 'x', channels: [{ type: 'webhook', url: u }] }),
      ...(unsafe ? { unsafeTarget: u } : {}),
    }));
  const perRoute = routes.map((rt) =>
    fc
      .tuple(
        role,
        fc.array(ids, { minLength: 3, maxLength: 3 }),
        query(rt.query),
        rt.body || rt.method !== 'GET' ? fc.option(rawBody(rt.body), { freq: 8 }) : fc.constant(null),
        fc.constantFrom(
          'application/json',
          'application/json',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/merge-patch+json',
        ),
      )
      .map(([r, idv, q, body, ct]): Sent => {
        let i = 0;
        const path = rt.path.replace(/\{[^}]+\}/g, () => idv[i++]) + q;
        return {
          method: rt.method,
          path,
          role: r,
          ...(body !== null && body !== undefined ? { body, headers: { 'content-type': ct } } : {}),
        };
      }),
  );
  const oddPath = fc
    .tuple(
      role,
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      fc.constantFrom(
        '/v1/',
        '/v1',
        '/v1/nope',
        '/v1//watches',
        '/v1/watches/',
        '/v1/status/x',
        '/%2e%2e/v1/status',
        '/docs-json',
        '/metrics',
        '/health/ready',
      ),
    )
    .map(([r, m, p]): Sent => ({ method: m, path: p, role: r }));
  return fc.oneof(
    { weight: 20, arbitrary: fc.oneof(...perRoute) },
    { weight: 4, arbitrary: watchWithUrl },
    { weight: 1, arbitrary: oddPath },
  );
}

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fieldIs =
  (status: number, ...fields: string[]) =>
  (s: number, body: string) => {
    if (s !== status) return false;
    try {
      const j = JSON.parse(body);
      const named = [j.field, ...(j.errors ?? []).map((e: { field: string }) => e.field)];
      return fields.every((f) => named.includes(f));
    } catch {
      return false;
    }
  };

/** The cases issue 13 reported, each with the answer it must get now. */
export function regressions(watchId: string, actorId: string): Sent[] {
  const watch = (extra: object) =>
    JSON.stringify({ name: 'n', query: 'x', channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/h' }], ...extra });
  const article = (extra: object, depth = 0) =>
    withDeep({ url: 'https://example.com/fz', source: { name: 'S' }, body: 'b', ...extra }, depth);
  const unsafe = [
    'http://[64:ff9b:1::a9fe:a9fe]/',
    'http://[2001:0:4136:e378:8000:63bf:5601:5601]/',
    'http://[::ffff:0:a9fe:a9fe]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[3fff::1]/',
    'http://[5f00::1]/',
    'http://[2001:2::1]/',
    'http://[2001:10::1]/',
    'http://[1::1]/',
    'http://169.254.169.254/latest/meta-data',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
  ];
  return [
    { name: 'repeated q → 400 q', method: 'GET', path: '/v1/actors?q=a&q=b', role: 'viewer', expect: fieldIs(400, 'q') },
    {
      name: 'page past the ES window → 400 page/size',
      method: 'GET',
      path: '/v1/alerts?page=51&size=200',
      role: 'viewer',
      expect: fieldIs(400, 'page', 'size'),
    },
    { name: 'last page inside the window → 200', method: 'GET', path: '/v1/alerts?page=50&size=200', role: 'viewer', expect: 200 },
    {
      name: 'from -271821 → 400 from',
      method: 'GET',
      path: '/v1/alerts?from=-271821-04-20T00:00:00Z',
      role: 'viewer',
      expect: fieldIs(400, 'from'),
    },
    {
      name: 'to +275760 → 400 to',
      method: 'GET',
      path: `/v1/alerts?to=${enc('+275760-09-13T00:00:00.000Z')}`,
      role: 'viewer',
      expect: fieldIs(400, 'to'),
    },
    {
      name: 'repeated status → 400 status',
      method: 'GET',
      path: '/v1/alerts?status=failed&status=delivered',
      role: 'viewer',
      expect: fieldIs(400, 'status'),
    },
    {
      name: 'repeated dlq limit → 400 limit',
      method: 'GET',
      path: '/v1/dlq?limit=1&limit=2',
      role: 'viewer',
      expect: fieldIs(400, 'limit'),
    },
    {
      name: 'metadata 5,000 deep → 400 metadata',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ metadata: { x: '__deep__' } }, 5000),
      expect: fieldIs(400, 'metadata'),
    },
    {
      name: 'source 5,000 deep → 400 source',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ source: { name: 'S', x: '__deep__' } }, 5000),
      expect: fieldIs(400, 'source'),
    },
    {
      name: 'metadata 1,000 deep → 400 metadata',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ metadata: { x: '__deep__' } }, 1000),
      expect: fieldIs(400, 'metadata'),
    },
    {
      name: 'metadata 40 deep → 202',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ metadata: { x: '__deep__' } }, 40),
      expect: 202,
    },
    {
      name: 'body 10,000 deep → 400',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: nestText(10000),
      expect: (s) => s === 400,
    },
    {
      name: 'extra actor field 5,000 deep → 400',
      method: 'POST',
      path: '/v1/actors',
      role: 'admin',
      body: withDeep({ name: 'Deep Actor', type: 'organization', extra: '__deep__' }, 5000),
      expect: fieldIs(400, 'extra'),
    },
    {
      name: 'throttle.perMinutes 1e309 → 400',
      method: 'POST',
      path: '/v1/watches',
      role: 'operator',
      body: watch({}).replace(/}$/, ',"throttle":{"max":1,"perMinutes":1e309}}'),
      expect: fieldIs(400, 'throttle.perMinutes'),
    },
    {
      name: 'digest.everyMinutes 1e309 → 400',
      method: 'POST',
      path: '/v1/watches',
      role: 'operator',
      body: watch({}).replace(/}$/, ',"digest":{"everyMinutes":1e309}}'),
      expect: fieldIs(400, 'digest.everyMinutes'),
    },
    {
      name: 'PUT with digest.everyMinutes 1e309 → 400',
      method: 'PUT',
      path: `/v1/watches/${watchId}`,
      role: 'operator',
      body: watch({}).replace(/}$/, ',"digest":{"everyMinutes":1e309}}'),
      expect: fieldIs(400, 'digest.everyMinutes'),
    },
    { name: 'watch stored and readable after 201', method: 'GET', path: `/v1/watches/${watchId}`, role: 'viewer', expect: 200 },
    {
      name: 'blank actor name → 400 name',
      method: 'POST',
      path: '/v1/actors',
      role: 'admin',
      body: JSON.stringify({ name: '   ', type: 'organization' }),
      expect: fieldIs(400, 'name'),
    },
    {
      name: 'punctuation-only actor name → 400 name',
      method: 'POST',
      path: '/v1/actors',
      role: 'admin',
      body: JSON.stringify({ name: '---', type: 'organization' }),
      expect: fieldIs(400, 'name'),
    },
    {
      name: 'blank alias → 400',
      method: 'POST',
      path: `/v1/actors/${actorId}/aliases`,
      role: 'admin',
      body: JSON.stringify({ aliases: ['  '] }),
      expect: (s) => s === 400,
    },
    {
      name: 'oversize body → 413 before it is read',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ body: 'x'.repeat(MAX_BODY + 1) }),
      expect: 413,
    },
    {
      name: 'oversize declared body without a key → 413 (nothing read)',
      method: 'POST',
      path: '/v1/articles',
      role: 'none',
      body: article({ body: 'x'.repeat(MAX_BODY + 1) }),
      expect: 413,
    },
    ...unsafe.map((u): Sent => ({
      name: `unsafe target ${u} → 400`,
      method: 'POST',
      path: '/v1/watches',
      role: 'operator',
      body: watch({ channels: [{ type: 'webhook', url: u }] }),
      expect: fieldIs(400, 'channels[0].url'),
      unsafeTarget: u,
    })),
  ];
}

/** The figures, one per line, as both the e2e test and the CLI print them. */
export function formatReport(r: FuzzReport): string {
  const lines = [
    `requests sent:            ${r.requestsSent} in ${r.seconds} s (${r.clientErrors} client-side errors)`,
    `answers by status class:  ${Object.entries(r.byClass)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `5xx:                      ${r.fiveHundreds.length}`,
    `auth-matrix mismatches:   ${r.authMismatches.length}`,
    `unsafe targets accepted:  ${r.unsafeAccepted.length}`,
    `regressions failed:       ${r.regressionFailures.length}`,
    `internals in bodies:      ${r.leaks.length}`,
    `concurrent alias edits:   ${r.concurrentAliasEdits.sent} sent, ${r.concurrentAliasEdits.ok} × 200, ${r.concurrentAliasEdits.conflicts} × 409, ${r.concurrentAliasEdits.present}/${r.concurrentAliasEdits.ok} acknowledged present`,
    `RSS before/after:         ${r.rssBeforeMb} MB → ${r.rssAfterMb} MB (heap ${r.heapBeforeMb} → ${r.heapAfterMb} MB${(globalThis as { gc?: unknown }).gc ? ', after gc' : ''})`,
  ];
  for (const x of r.clientErrorSamples) lines.push(`  client-side error: ${x}`);
  for (const x of r.fiveHundreds.slice(0, 10)) lines.push(`  5xx ${x.status} ${x.req}: ${x.body}`);
  for (const x of r.authMismatches.slice(0, 10)) lines.push(`  auth ${x.role} → ${x.status} ${x.req}: ${x.body}`);
  for (const x of r.unsafeAccepted.slice(0, 10)) lines.push(`  unsafe accepted (${x.status}): ${x.url}`);
  for (const x of r.regressionFailures.slice(0, 20)) lines.push(`  regression "${x.name}" got ${x.status}: ${x.body}`);
  for (const x of r.leaks.slice(0, 10)) lines.push(`  internals in ${x.req}: ${x.body}`);
  return lines.join('\n');
}

export function failed(r: FuzzReport): boolean {
  return (
    r.fiveHundreds.length > 0 ||
    r.authMismatches.length > 0 ||
    r.unsafeAccepted.length > 0 ||
    r.regressionFailures.length > 0 ||
    r.leaks.length > 0 ||
    r.concurrentAliasEdits.missing.length > 0 ||
    r.concurrentAliasEdits.ok + r.concurrentAliasEdits.conflicts !== r.concurrentAliasEdits.sent
  );
}
