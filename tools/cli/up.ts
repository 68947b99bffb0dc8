import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ALERT_ID_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '@marsad/alerts';
import { names } from '@marsad/contracts';
import { createEsClient } from '@marsad/search';
import { progress, stackEnv } from './common';
import { ensureInfrastructure } from './topics';
import { main as publish } from './publish';

/**
 * `bin/marsad up` — the main job: local stack, topics and index template, the four services, a
 * demo webhook receiver and watch, the demo corpus published, then what came out (articles
 * indexed, top actors, the alert received) and the URLs. Runs until Ctrl-C, then stops what it
 * started.
 */
const root = resolve(__dirname, '../../..');
const logDir = join(root, '.marsad', 'logs');
const SERVICES = [
  { name: 'enricher', port: 8081 },
  { name: 'indexer', port: 8082 },
  { name: 'alerter', port: 8083 },
  { name: 'admin', port: 8080 },
] as const;

interface Received {
  alertId: string;
  valid: boolean;
  body: {
    watch?: { name?: string };
    article?: { title?: string; url?: string; language?: string };
    matched?: { actors?: { name: string }[] };
  };
}

const children: ChildProcess[] = [];
let stackStartedHere = false;
let stopping = false;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const out = (line = '') => process.stdout.write(line + '\n');

function portOf(name: string, fallback: number): number {
  return Number(process.env[`MARSAD_${name.toUpperCase()}_PORT`] ?? fallback);
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  } catch {
    return false;
  }
}

function startReceiver(secret: string, received: Received[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const sig = req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined;
      const valid = verifyWebhookSignature(secret, sig, raw).ok;
      let body: Received['body'] = {};
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        /* counted as invalid below */
      }
      const alertId = String(req.headers[ALERT_ID_HEADER.toLowerCase()] ?? '');
      if (!received.some((r) => r.alertId === alertId)) received.push({ alertId, valid, body });
      res.writeHead(valid ? 200 : 401).end();
    });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/marsad-webhook` });
    }),
  );
}

function startService(name: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  mkdirSync(logDir, { recursive: true });
  const log = openSync(join(logDir, `${name}.log`), 'a');
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) progress(`${name} exited (${signal ?? code}); its log: ${join(logDir, `${name}.log`)}`);
  });
  children.push(child);
  return child;
}

async function shutdown(code: number, cleanup?: () => Promise<void>): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  progress('stopping…');
  if (cleanup) await cleanup().catch(() => undefined);
  for (const c of children) c.kill('SIGTERM');
  await Promise.race([
    Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r))))),
    sleep(10000),
  ]);
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (stackStartedHere && !process.env.MARSAD_KEEP_STACK) {
    progress('stopping the servers this command started (set MARSAD_KEEP_STACK=1 to keep them)…');
    spawnSync('bash', [join(root, 'scripts', 'stack.sh'), 'down'], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  process.exit(code);
}

export async function main(): Promise<void> {
  const t0 = Date.now();
  const runStartedAt = new Date(t0 - 1000).toISOString();
  const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
  const env = stackEnv();
  const n = names(env.namespace);

  // 1. admin key: generated when none is configured
  let adminKey: string;
  let generatedKey = false;
  if (process.env.MARSAD_ADMIN_KEYS?.trim()) {
    const entry =
      process.env.MARSAD_ADMIN_KEYS.split(',')
        .map((s) => s.trim())
        .find((s) => s.startsWith('admin:')) ?? process.env.MARSAD_ADMIN_KEYS.split(',')[0].trim();
    adminKey = entry.slice(entry.indexOf(':') + 1);
  } else {
    adminKey = randomBytes(24).toString('base64url');
    generatedKey = true;
  }
  const adminKeys = process.env.MARSAD_ADMIN_KEYS?.trim() || `admin:${adminKey}`;

  // 2. the stack
  const before = spawnSync('bash', [join(root, 'scripts', 'stack.sh'), 'status', '--quiet'], { stdio: 'ignore' });
  progress('starting the local stack (Kafka, Elasticsearch, Redis)…');
  const up = spawnSync('bash', [join(root, 'scripts', 'stack.sh'), 'up'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (up.status !== 0) {
    progress('error: the local stack did not start (see above); nothing else was started');
    process.exit(1);
  }
  stackStartedHere = before.status !== 0;
  await ensureInfrastructure();

  // 3. demo webhook receiver + services
  const received: Received[] = [];
  const secret = randomBytes(24).toString('hex');
  const receiver = await startReceiver(secret, received);
  const serviceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: env.brokers.join(','),
    ELASTICSEARCH_URL: env.esUrl,
    REDIS_URL: env.redisUrl,
    MARSAD_ADMIN_KEYS: adminKeys,
    // the demo receiver listens on loopback, which production refuses; loopback only (never
    // link-local: a watch must not reach a cloud VM's metadata service through the demo)
    MARSAD_WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
  };
  const ports = Object.fromEntries(SERVICES.map((s) => [s.name, portOf(s.name, s.port)])) as Record<string, number>;
  for (const s of SERVICES) startService(s.name, ports[s.name], serviceEnv);
  let watchId: string | undefined;
  const adminUrl = `http://127.0.0.1:${ports.admin}`;
  const auth = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };
  const cleanup = async () => {
    receiver.server.close();
    if (watchId)
      await fetch(`${adminUrl}/v1/watches/${watchId}`, { method: 'DELETE', headers: auth, signal: AbortSignal.timeout(3000) }).catch(
        () => undefined,
      );
  };
  process.on('SIGINT', () => void shutdown(0, cleanup));
  process.on('SIGTERM', () => void shutdown(0, cleanup));

  progress('waiting for the services to be ready…');
  const pending = new Set<string>(SERVICES.map((s) => s.name));
  const readyDeadline = Date.now() + 120000;
  while (pending.size) {
    for (const name of [...pending])
      if (await httpOk(`http://127.0.0.1:${ports[name]}/health/ready`)) {
        pending.delete(name);
        progress(`  ${name} ready on :${ports[name]} (${secs()} s)`);
      }
    if (!pending.size) break;
    if (Date.now() > readyDeadline) {
      progress(`error: not ready after 120 s: ${[...pending].join(', ')} — see ${logDir}/<service>.log`);
      await shutdown(1, cleanup);
    }
    await sleep(500);
  }

  // 4. demo watch: Kaspersky in any script, delivered to the local receiver
  watchId = `demo-${Date.now().toString(36)}`;
  const watchRes = await fetch(`${adminUrl}/v1/watches`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      id: watchId,
      name: 'Demo: Kaspersky and Fancy Bear',
      actors: ['org:kaspersky-lab', 'Fancy Bear'],
      channels: [{ type: 'webhook', url: receiver.url, secret }],
    }),
  });
  if (watchRes.status !== 201) {
    progress(`error: creating the demo watch answered ${watchRes.status}: ${await watchRes.text()}`);
    await shutdown(1, cleanup);
  }
  progress(`demo watch ${watchId} registered (webhook → ${receiver.url})`);
  await sleep(1500); // let the alerter's watch view pick it up before articles arrive

  // 5. demo corpus (+ the shared seed sample when ../shared is beside the clone)
  const demoDir = join(root, 'demo', 'articles');
  const files = readdirSync(demoDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(demoDir, f));
  const seed = resolve(root, '..', 'shared', 'samples', 'articles');
  if (existsSync(seed))
    files.push(
      ...readdirSync(seed)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(seed, f)),
    );
  await publish(files);
  const tPublished = Date.now();

  // 6. results, with progress while the pipeline works
  const es = createEsClient(env.esUrl);
  let indexed = 0;
  let firstIndexedAt: number | undefined;
  const deadline = Date.now() + 180000;
  while (Date.now() < deadline) {
    // Only documents (re-)enriched by this run: the alias may hold earlier runs' copies.
    const r = await es.count({ index: n.articlesAlias, query: { range: { enrichedAt: { gte: runStartedAt } } } }).catch(() => undefined);
    const c = r?.count ?? 0;
    if (c > 0 && firstIndexedAt === undefined) firstIndexedAt = Date.now();
    if (c !== indexed) progress(`  articles indexed: ${c}/${files.length}`);
    indexed = c;
    if (indexed >= files.length && received.length > 0) break;
    await sleep(1000);
  }
  out('');
  out(
    `Marsad is running (${secs()} s since start${firstIndexedAt ? `; first article indexed ${((firstIndexedAt - t0) / 1000).toFixed(1)} s after start, ${((firstIndexedAt - tPublished) / 1000).toFixed(1)} s after publishing` : ''}).`,
  );
  out(`Articles indexed in ${n.articlesAlias} by this run: ${indexed} of ${files.length} published`);
  const agg = await es
    .search({
      index: n.articlesAlias,
      size: 0,
      aggs: { top: { terms: { field: 'actorNames', size: 10 } }, langs: { terms: { field: 'language', size: 10 } } },
    })
    .catch(() => undefined);
  const buckets = (agg?.aggregations?.top as { buckets?: { key: string; doc_count: number }[] } | undefined)?.buckets ?? [];
  const langs = (agg?.aggregations?.langs as { buckets?: { key: string; doc_count: number }[] } | undefined)?.buckets ?? [];
  if (langs.length) out(`Languages: ${langs.map((b) => `${b.key} ${b.doc_count}`).join(', ')}`);
  out('Top actors (articles mentioning them):');
  for (const b of buckets) out(`  ${String(b.doc_count).padStart(3)}  ${b.key}`);
  if (received.length) {
    out(`Alerts received by the demo webhook: ${received.length}`);
    for (const r of received.slice(0, 5)) {
      out(
        `  alert ${r.alertId} · signature ${r.valid ? 'valid' : 'INVALID'} · watch "${r.body.watch?.name}" · ${r.body.article?.language} · "${r.body.article?.title}" · matched ${(r.body.matched?.actors ?? []).map((a) => a.name).join(', ')}`,
      );
    }
  } else {
    out('No alert received yet (see .marsad/logs/alerter.log).');
  }
  out('');
  out(`Admin API   ${adminUrl}/v1   (Authorization: Bearer ${generatedKey ? adminKey : '<your MARSAD_ADMIN_KEYS key>'})`);
  if (generatedKey) out(`            generated admin key (set MARSAD_ADMIN_KEYS=admin:<key> to choose one): ${adminKey}`);
  out(`API docs    ${adminUrl}/docs`);
  out(`Search      ${env.esUrl}/${n.articlesAlias}/_search`);
  out(`Metrics     http://127.0.0.1:${ports.enricher}/metrics · :${ports.indexer} · :${ports.alerter} · :${ports.admin}`);
  out(`Logs        ${logDir}/<service>.log`);
  out(`Try         bin/marsad publish demo/articles/en-kaspersky-ban-appeal.json`);
  out('Ctrl-C stops everything this command started.');
  if (process.env.MARSAD_UP_EXIT_WHEN_DONE) await shutdown(indexed > 0 && received.length > 0 ? 0 : 1, cleanup);
  // keep printing new alerts until Ctrl-C
  let shown = received.length;
  for (;;) {
    await sleep(1000);
    while (shown < received.length) {
      const r = received[shown++];
      out(`alert ${r.alertId} · "${r.body.article?.title}" · signature ${r.valid ? 'valid' : 'INVALID'}`);
    }
  }
}

if (require.main === module) {
  main().catch((err) => {
    progress(`error: ${err instanceof Error ? err.stack : String(err)}`);
    void shutdown(1);
  });
}
