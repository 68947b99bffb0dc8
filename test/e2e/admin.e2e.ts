/**
 * Admin API against the real Kafka: authentication and roles on every /v1 route, validation
 * errors naming the field, body limits, malformed JSON, watches CRUD on the compacted topic
 * (secrets write-only), HTTP ingest landing on marsad.articles.raw, OpenAPI, health, and the
 * refusal to start without keys.
 */
import { names } from '@marsad/contracts';
import { ConfigError } from '@marsad/config';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { bootstrapAdmin, type AdminHandle } from '../../apps/admin/src/bootstrap';
import { stackEnv, testLogFile, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';

jest.setTimeout(60_000);

const KEYS = { viewer: 'viewer-key-e2e-admin', operator: 'operator-key-e2e-admin', admin: 'admin-key-e2e-admin-xyz' };
const ns = testNamespace('ad');
const N = names(ns);
const quiet = createLogger('e2e', 'error');
let admin: AdminHandle;
const logFile = testLogFile(`${ns}-admin`);

async function call(method: string, path: string, opts: { key?: string; body?: unknown; raw?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const res = await fetch(`http://127.0.0.1:${admin.port}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

const validWatch = {
  name: 'Kaspersky',
  actors: ['Kaspersky', 'كاسبرسكي', 'org:kaspersky-lab'],
  channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook' }],
};
const validArticle = { url: 'https://example.com/a?utm_source=x', source: { name: 'Example' }, title: 'T', body: 'Kaspersky said things.' };

beforeAll(async () => {
  const kafka = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-admin', logger: quiet });
  const kadmin = kafka.admin();
  await kadmin.connect();
  await ensureTopics(kadmin, N);
  await kadmin.disconnect();
  admin = await bootstrapAdmin(
    stackEnv(ns, {
      MARSAD_ADMIN_KEYS: `viewer:${KEYS.viewer},operator:${KEYS.operator},admin:${KEYS.admin}`,
      MARSAD_WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
      MARSAD_MAX_BODY_BYTES: '4096',
    }),
    { port: 0, logFile },
  );
  await admin.ready();
}, 120_000);

afterAll(async () => {
  await admin?.close();
  await removeNamespace(ns, createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-admin-cleanup', logger: quiet }));
});

test('refuses to start without MARSAD_ADMIN_KEYS (ConfigError names it)', async () => {
  await expect(bootstrapAdmin(stackEnv(ns, { MARSAD_ADMIN_KEYS: undefined as unknown as string }), { port: 0 })).rejects.toThrow(
    ConfigError,
  );
  await expect(bootstrapAdmin(stackEnv(ns, { MARSAD_ADMIN_KEYS: undefined as unknown as string }), { port: 0 })).rejects.toThrow(
    /MARSAD_ADMIN_KEYS/,
  );
  await expect(bootstrapAdmin(stackEnv(ns, { MARSAD_ADMIN_KEYS: 'root:whatever-key' }), { port: 0 })).rejects.toThrow(/MARSAD_ADMIN_KEYS/);
});

describe('auth', () => {
  // Every row has 3 cells: jest treats an extra declared parameter as a `done` callback.
  const routes: [string, string, unknown][] = [
    ['GET', '/v1/watches', undefined],
    ['POST', '/v1/watches', validWatch],
    ['GET', '/v1/watches/some-id', undefined],
    ['PUT', '/v1/watches/some-id', validWatch],
    ['DELETE', '/v1/watches/some-id', undefined],
    ['POST', '/v1/articles', validArticle],
    ['GET', '/v1/status', undefined],
    ['POST', '/v1/dlq/replay', {}],
    ['GET', '/v1/actors?q=kaspersky', undefined],
    ['GET', '/v1/does-not-exist', undefined],
  ];

  test.each(routes)('%s %s → 401 without a key, 401 with a wrong key', async (method, path, body) => {
    const none = await call(method, path, { body });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(none.json).toMatchObject({ error: 'unauthorized' });
    const wrong = await call(method, path, { body, key: 'not-the-key-at-all' });
    expect(wrong.status).toBe(401);
  });

  test.each(routes.filter(([m]) => m !== 'GET'))('%s %s → 403 for a viewer', async (method, path, body) => {
    const r = await call(method, path, { body, key: KEYS.viewer });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ error: 'forbidden' });
  });

  test('path tricks do not bypass auth or roles (/V1, trailing slash, encoded)', async () => {
    expect((await call('POST', '/V1/watches', { body: validWatch })).status).toBe(401);
    expect((await call('POST', '/V1/watches', { body: validWatch, key: KEYS.viewer })).status).toBe(403);
    expect((await call('POST', '/v1/watches/', { body: validWatch, key: KEYS.viewer })).status).toBe(403);
    expect((await call('GET', '/v1/watches/', {})).status).toBe(401);
    expect([401, 404]).toContain((await call('POST', '/%761/watches', { body: validWatch, key: KEYS.viewer })).status);
  });

  test('viewer reads; an unknown /v1 route is 404 once authenticated (401 before)', async () => {
    expect((await call('GET', '/v1/watches', { key: KEYS.viewer })).status).toBe(200);
    expect((await call('GET', '/v1/does-not-exist', { key: KEYS.operator })).status).toBe(404);
    expect((await call('GET', '/v1/does-not-exist', { key: KEYS.admin })).status).toBe(404);
  });

  test('health, metrics and docs need no key; the docs carry the bearer scheme', async () => {
    expect((await call('GET', '/health/live')).status).toBe(200);
    const ready = await waitFor('ready', async () => ((await call('GET', '/health/ready')).status === 200 ? true : undefined), 30_000);
    expect(ready).toBe(true);
    const metrics = await call('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('marsad_http_requests_total');
    const spec = await call('GET', '/docs-json');
    expect(spec.status).toBe(200);
    expect(spec.json.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(spec.json.paths)).toEqual(expect.arrayContaining(['/v1/watches', '/v1/watches/{id}', '/v1/articles']));
    expect((await call('GET', '/docs')).status).toBe(200);
  });

  test('keys never appear in logs', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const { readFileSync } = await import('node:fs');
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('"http request"');
    for (const k of Object.values(KEYS)) expect(log).not.toContain(k);
  });
});

describe('validation and bodies', () => {
  test.each([
    [{ ...validWatch, name: '' }, 'name'],
    [{ ...validWatch, channels: [{ type: 'webhook', url: 'nope' }] }, 'channels[0].url'],
    [{ ...validWatch, actors: [], query: undefined }, 'actors'],
    [{ ...validWatch, query: 'kaspersky AND (breach' }, 'query'],
  ])('POST /v1/watches %j → 400 naming %s', async (body, field) => {
    const r = await call('POST', '/v1/watches', { key: KEYS.operator, body });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: 'validation_failed', field });
    expect(r.json.errors.length).toBeGreaterThan(0);
  });

  test('POST /v1/articles with a bad field → 400 naming it', async () => {
    const r = await call('POST', '/v1/articles', { key: KEYS.operator, body: { ...validArticle, body: 42 } });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: 'validation_failed', field: 'body' });
    const r2 = await call('POST', '/v1/articles', { key: KEYS.operator, body: { ...validArticle, source: {} } });
    expect(r2.json.field).toBe('source.name');
  });

  test('malformed JSON → 400 (not 500); too large → 413; not JSON → 415', async () => {
    const bad = await call('POST', '/v1/articles', { key: KEYS.operator, raw: '{"url": "x",' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'invalid_json' });
    const big = await call('POST', '/v1/articles', { key: KEYS.operator, body: { ...validArticle, body: 'x'.repeat(5000) } });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: 'payload_too_large' });
    const text = await call('POST', '/v1/articles', { key: KEYS.operator, raw: 'hello', contentType: 'text/plain' });
    expect(text.status).toBe(415);
  });

  test('the webhook URL guard applies when private targets are not allowed', async () => {
    const strict = await bootstrapAdmin(stackEnv(ns, { MARSAD_ADMIN_KEYS: `operator:${KEYS.operator}`, MARSAD_WEBHOOK_ALLOW_CIDRS: '' }), {
      port: 0,
      logFile,
    });
    try {
      const r = await fetch(`http://127.0.0.1:${strict.port}/v1/watches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEYS.operator}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...validWatch, channels: [{ type: 'webhook', url: 'http://169.254.169.254/latest/meta-data' }] }),
      });
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ field: 'channels[0].url' });
    } finally {
      await strict.close();
    }
  });
});

describe('watches and ingest', () => {
  test('create → secret once; list/get never show it; update keeps it; delete tombstones', async () => {
    const created = await call('POST', '/v1/watches', { key: KEYS.operator, body: validWatch });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(created.json.secret).toMatch(/^whsec_/);
    expect(created.json.actorIds).toEqual(['org:kaspersky-lab']);
    expect(created.json.channels[0]).toMatchObject({ type: 'webhook', secretSet: true });
    const secret = created.json.secret as string;

    const list = await call('GET', '/v1/watches', { key: KEYS.viewer });
    expect(list.status).toBe(200);
    expect(list.json.watches.map((w: { id: string }) => w.id)).toContain(id);
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain('"secret"');

    const one = await call('GET', `/v1/watches/${id}`, { key: KEYS.viewer });
    expect(one.json.channels[0]).toEqual({ type: 'webhook', url: 'http://127.0.0.1:9/hook', secretSet: true });

    const dup = await call('POST', '/v1/watches', { key: KEYS.operator, body: { ...validWatch, id } });
    expect(dup.status).toBe(409);

    const upd = await call('PUT', `/v1/watches/${id}`, { key: KEYS.operator, body: { ...validWatch, name: 'Renamed', enabled: false } });
    expect(upd.status).toBe(200);
    expect(upd.json.secret).toBeUndefined(); // same URL: secret kept, not regenerated
    expect(upd.json).toMatchObject({ name: 'Renamed', enabled: false });
    const stored = admin.ctx.watches.get(id)!;
    expect(stored.channels[0]).toMatchObject({ secret });

    expect((await call('DELETE', `/v1/watches/${id}`, { key: KEYS.operator })).status).toBe(204);
    expect((await call('GET', `/v1/watches/${id}`, { key: KEYS.viewer })).status).toBe(404);
    expect((await call('DELETE', `/v1/watches/${id}`, { key: KEYS.operator })).status).toBe(404);
  });

  test('POST /v1/articles → 202 { id } and the article is on marsad.articles.raw keyed by id', async () => {
    const r = await call('POST', '/v1/articles', { key: KEYS.operator, body: validArticle });
    expect(r.status).toBe(202);
    expect(r.json.id).toMatch(/^[0-9a-f]{32}$/);
    const kafka = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-admin-check', logger: quiet });
    const consumer = kafka.consumer({ groupId: `${ns}-check-${Date.now()}` });
    const seen: { key: string; value: any }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: N.topic('articlesRaw'), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void seen.push({ key: message.key!.toString(), value: JSON.parse(message.value!.toString()) }),
    });
    try {
      const m = await waitFor('the raw article', async () => seen.find((s) => s.key === r.json.id), 30_000);
      expect(m.value).toMatchObject({ id: r.json.id, url: validArticle.url, schemaVersion: 1 });
    } finally {
      await consumer.disconnect();
    }
  });
});

describe('operator views', () => {
  test('GET /v1/status: consumer lag per service, DLQ depth, watches, alerts queue', async () => {
    const r = await call('GET', '/v1/status', { key: KEYS.viewer });
    expect(r.status).toBe(200);
    expect(r.json.consumers.map((c: { service: string }) => c.service)).toEqual(['enricher', 'indexer', 'alerter']);
    expect(r.json.consumers[0]).toMatchObject({
      groupId: N.consumerGroup('enricher'),
      topic: N.topic('articlesRaw'),
      lag: expect.any(Number),
    });
    expect(r.json.dlq).toMatchObject({ topic: N.topic('articlesDlq'), messages: 0 });
    expect(r.json.watches).toMatchObject({ caughtUp: true });
    expect(r.json.alertsQueue).toHaveProperty('waiting');
  });

  test('GET /v1/actors?q= searches the knowledge base (any script)', async () => {
    const r = await call('GET', `/v1/actors?q=${encodeURIComponent('كاسبرسكي')}`, { key: KEYS.viewer });
    expect(r.status).toBe(200);
    expect(r.json.actors.map((a: { id: string }) => a.id)).toContain('org:kaspersky-lab');
    expect((await call('GET', '/v1/actors?limit=0', { key: KEYS.viewer })).status).toBe(400);
  });
});

describe('DLQ replay', () => {
  test('POST /v1/dlq/replay (admin only) republishes payloads to their topic; nextOffsets resume without replaying twice', async () => {
    const { buildDlqRecord, Publisher } = await import('@marsad/messaging');
    const kafka = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-admin-dlq', logger: quiet });
    const pub = new Publisher(kafka, { logger: quiet });
    const raw = { id: `dlq-art-${ns}`, url: 'https://example.com/dlq', source: { name: 'X' }, body: 'replayed body' };
    const recs = [
      buildDlqRecord({
        stage: 'enrich',
        error: 'ES down for too long',
        message: { topic: N.topic('articlesRaw'), partition: 0, offset: '5', key: raw.id, value: Buffer.from(JSON.stringify(raw)) },
      }),
      buildDlqRecord({
        stage: 'index',
        error: 'mapping conflict',
        message: { topic: N.topic('articlesEnriched'), partition: 1, offset: '7', key: 'other', value: Buffer.from('{"x":1}') },
      }),
      {
        ...buildDlqRecord({
          stage: 'enrich',
          error: 'too big',
          message: { topic: N.topic('articlesRaw'), partition: 0, offset: '6', key: 'big', value: Buffer.from('{"big":true}') },
        }),
        payloadTruncated: true,
      },
      buildDlqRecord({
        stage: 'enrich',
        error: 'foreign',
        message: { topic: 'someone.elses.topic', partition: 0, offset: '1', key: 'f', value: Buffer.from('{}') },
      }),
    ];
    await pub.send(
      N.topic('articlesDlq'),
      recs.map((r) => ({ key: 'k', value: r })),
    ); // one key: one partition, in order
    await pub.disconnect();

    expect((await call('POST', '/v1/dlq/replay', { key: KEYS.operator, body: {} })).status).toBe(403);
    expect((await call('POST', '/v1/dlq/replay', { key: KEYS.admin, body: { stage: 'nope' } })).json.field).toBe('stage');

    const dry = await call('POST', '/v1/dlq/replay', { key: KEYS.admin, body: { stage: 'enrich', dryRun: true } });
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ dryRun: true, matched: 3, replayed: 1, complete: true });

    const r = await call('POST', '/v1/dlq/replay', { key: KEYS.admin, body: { stage: 'enrich' } });
    expect(r.json).toMatchObject({ scanned: 4, matched: 3, replayed: 1, complete: true });
    expect(r.json.skipped.map((s: { reason: string }) => s.reason)).toEqual([
      expect.stringMatching(/truncated/),
      expect.stringMatching(/not an article topic/),
    ]);

    const again = await call('POST', '/v1/dlq/replay', { key: KEYS.admin, body: { stage: 'enrich', fromOffsets: r.json.nextOffsets } });
    expect(again.json).toMatchObject({ scanned: 0, replayed: 0, complete: true });

    // The replayed payload is on the raw topic, keyed as before, marked with its origin.
    const consumer = kafka.consumer({ groupId: `${ns}-dlqcheck-${Date.now()}` });
    const seen: { key: string; value: string; from?: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: N.topic('articlesRaw'), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void seen.push({
          key: message.key!.toString(),
          value: message.value!.toString(),
          from: message.headers?.['marsad-replayed-from']?.toString(),
        }),
    });
    try {
      const m = await waitFor('the replayed article', async () => seen.find((s) => s.key === raw.id), 30_000);
      expect(JSON.parse(m.value)).toEqual(raw);
      expect(m.from).toMatch(new RegExp(`^${N.topic('articlesDlq').replace(/\./g, '\\.')}/\\d+/\\d+$`));
    } finally {
      await consumer.disconnect();
    }
  });
});
