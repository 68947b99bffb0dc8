/**
 * Admin operations against the real stack (Kafka, Elasticsearch, Redis), with the enricher and
 * the indexer running in-process: rate limiting (429 + Retry-After, probes exempt), GET /v1/status
 * (services' health, lag, DLQ depth, ES counts, feed freshness with the stale flag, reprocess
 * progress), the DLQ listing and a selected replay, KB edits through marsad.kb picked up by the
 * running enricher, reprocess of stored articles after a KB edit, and batch ingest.
 */
import type { Client } from '@elastic/elasticsearch';
import { articleIdFromUrl, names } from '@marsad/contracts';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createEsClient, ensureArticlesTemplate } from '@marsad/search';
import { createLogger } from '@marsad/observability';
import { bootstrapAdmin, type AdminHandle } from '../../apps/admin/src/bootstrap';
import { bootstrapEnricher, type RunningEnricher } from '../../apps/enricher/src/bootstrap';
import { bootstrapIndexer, type RunningIndexer } from '../../apps/indexer/src/bootstrap';
import { stackEnv, testLogFile, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';

jest.setTimeout(180_000);

const KEYS = { viewer: 'viewer-key-e2e-ops', operator: 'operator-key-e2e-ops', admin: 'admin-key-e2e-ops-xyz' };
const ns = testNamespace('ops');
const N = names(ns);
const quiet = createLogger('e2e', 'error', {}, () => undefined);
const kafka = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-admin-ops', logger: quiet });
let es: Client;
let admin: AdminHandle;
let enricher: RunningEnricher;
let indexer: RunningIndexer;
const t0 = Date.now();

async function call(method: string, path: string, opts: { key?: string; body?: unknown; port?: number } = {}) {
  const headers: Record<string, string> = {};
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`http://127.0.0.1:${opts.port ?? admin.port}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
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

async function esDocs(ids: string[]): Promise<Map<string, any>> {
  await es.indices.refresh({ index: N.articlesAlias }).catch(() => undefined);
  const r = await es.search<any>({
    index: N.articlesAlias,
    query: { ids: { values: ids } },
    size: ids.length + 10,
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  return new Map(r.hits.hits.map((h) => [h._id!, h._source]));
}

/** Raw-topic messages (key, value, headers) seen since the collector started. */
async function collectRaw() {
  const seen: { key: string; value: string; headers: Record<string, string> }[] = [];
  const consumer = kafka.consumer({ groupId: `${ns}-raw-check-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: N.topic('articlesRaw'), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) =>
      void seen.push({
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
      }),
  });
  return { seen, stop: () => consumer.disconnect() };
}

beforeAll(async () => {
  const kadmin = kafka.admin();
  await kadmin.connect();
  await ensureTopics(kadmin, N);
  await kadmin.disconnect();
  es = createEsClient(stackEnv(ns).ELASTICSEARCH_URL);
  await ensureArticlesTemplate(es, N);
  const env = stackEnv(ns, { MARSAD_DEDUP: 'memory', LOG_LEVEL: 'info' });
  enricher = await bootstrapEnricher(env, { port: 0, handleSignals: false, logFile: testLogFile(`${ns}-enricher`) });
  indexer = await bootstrapIndexer(env, { port: 0, handleSignals: false, logFile: testLogFile(`${ns}-indexer`) });
  admin = await bootstrapAdmin(
    stackEnv(ns, {
      MARSAD_ADMIN_KEYS: `viewer:${KEYS.viewer},operator:${KEYS.operator},admin:${KEYS.admin}`,
      MARSAD_ENRICHER_URL: `http://127.0.0.1:${enricher.port}`,
      MARSAD_INDEXER_URL: `http://127.0.0.1:${indexer.port}`,
      MARSAD_ALERTER_URL: 'http://127.0.0.1:1', // nothing listens: "unreachable"
      MARSAD_STALE_FEED_MINUTES: '30',
    }),
    { port: 0, logFile: testLogFile(`${ns}-admin`) },
  );
  await admin.ready();
  await waitFor(
    'enricher and indexer ready',
    async () =>
      (await fetch(`http://127.0.0.1:${enricher.port}/health/ready`)).ok &&
      (await fetch(`http://127.0.0.1:${indexer.port}/health/ready`)).ok,
    60_000,
  );
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([admin?.close(), enricher?.close(), indexer?.close()]);
  await es?.close();
  await removeNamespace(ns, kafka);

  console.log(`admin-ops e2e (${ns}) took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
});

describe('rate limiting', () => {
  test('per key: over MARSAD_ADMIN_RATE_LIMIT → 429 with Retry-After; other keys and probes unaffected', async () => {
    const limited = await bootstrapAdmin(
      stackEnv(ns, { MARSAD_ADMIN_KEYS: `viewer:${KEYS.viewer},operator:${KEYS.operator}`, MARSAD_ADMIN_RATE_LIMIT: '5' }),
      { port: 0, logFile: testLogFile(`${ns}-admin-limited`) },
    );
    try {
      const port = limited.port;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await call('GET', '/v1/watches', { key: KEYS.viewer, port })).status);
      expect(statuses.every((s) => s !== 429)).toBe(true);
      const r = await call('GET', '/v1/watches', { key: KEYS.viewer, port });
      expect(r.status).toBe(429);
      expect(r.json).toMatchObject({ error: 'too_many_requests' });
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(12); // 5/min → a token every 12 s
      expect(r.headers.get('ratelimit-limit')).toBe('5');
      // Path casing does not dodge the limit.
      expect((await call('GET', '/V1/watches', { key: KEYS.viewer, port })).status).toBe(429);
      // Another key has its own bucket.
      expect((await call('GET', '/v1/watches', { key: KEYS.operator, port })).status).not.toBe(429);
      // Probes, metrics and docs are exempt.
      for (let i = 0; i < 8; i++) {
        expect((await call('GET', '/health/live', { port })).status).toBe(200);
        expect((await call('GET', '/metrics', { port })).status).toBe(200);
      }
      const spec = await call('GET', '/docs-json', { port });
      expect(spec.status).toBe(200);
      expect(Object.keys(spec.json.paths)).toEqual(
        expect.arrayContaining([
          '/v1/dlq',
          '/v1/dlq/replay',
          '/v1/actors',
          '/v1/actors/{id}/aliases',
          '/v1/reprocess',
          '/v1/reprocess/{id}',
          '/v1/status',
          '/v1/articles',
        ]),
      );
    } finally {
      await limited.close();
    }
  });
});

describe('status', () => {
  test('services, lag per partition, DLQ depth, queue counts, ES counts, stale feed before any article', async () => {
    const r = await call('GET', '/v1/status', { key: KEYS.viewer });
    expect(r.status).toBe(200);
    const s = r.json;
    const svc = Object.fromEntries(s.services.map((x: { service: string }) => [x.service, x]));
    expect(svc.enricher).toMatchObject({ status: 'up', httpStatus: 200 });
    expect(svc.indexer).toMatchObject({ status: 'up', httpStatus: 200 });
    expect(svc.alerter).toMatchObject({ status: 'unreachable' });
    expect(s.consumers.map((c: { service: string }) => c.service)).toEqual(['enricher', 'indexer', 'alerter']);
    expect(s.consumers[0].partitions.length).toBe(3);
    expect(s.consumers[0].partitions[0]).toMatchObject({
      partition: expect.any(Number),
      high: expect.any(String),
      lag: expect.any(Number),
    });
    expect(s.consumers[0].partitions[0]).toHaveProperty('committed');
    expect(s.dlq).toMatchObject({ topic: N.topic('articlesDlq'), messages: expect.any(Number) });
    expect(s.alertsQueue).toHaveProperty('waiting');
    expect(s.elasticsearch.articles).toMatchObject({ index: N.articlesAlias, count: 0 });
    expect(s.elasticsearch.alerts).toMatchObject({ index: N.alertsIndex, count: 0 });
    expect(s.feed).toMatchObject({ lastArticleAt: null, stale: true, staleAfterMinutes: 30, warning: expect.stringMatching(/no article/) });
    expect(Array.isArray(s.reprocess)).toBe(true);
  });
});

describe('batch ingest', () => {
  test('an array with one bad item → 202; the bad one is reported by index and field; the others are published', async () => {
    const good = (i: number) => ({
      url: `https://batch.example.com/${ns}/${i}`,
      source: { name: 'Batch' },
      title: `Batch ${i}`,
      body: `Batch article ${i}.`,
      publishedAt: '2024-01-15T10:00:00Z',
    });
    const r = await call('POST', '/v1/articles', {
      key: KEYS.operator,
      body: [good(1), { url: 'https://batch.example.com/bad', source: { name: 'Batch' } }, good(2)],
    });
    expect(r.status).toBe(202);
    expect(r.json).toMatchObject({ accepted: 2, rejected: 1 });
    expect(r.json.errors).toEqual([{ index: 1, field: 'body', message: expect.any(String) }]);
    expect(r.json.ids).toEqual([articleIdFromUrl(good(1).url), articleIdFromUrl(good(2).url)]);
    expect(r.json.items[1]).toMatchObject({ index: 1, error: { field: 'body' } });

    const wrapped = await call('POST', '/v1/articles', { key: KEYS.operator, body: { articles: [good(3)] } });
    expect(wrapped.status).toBe(202);
    expect(wrapped.json).toMatchObject({ accepted: 1, rejected: 0 });

    const allBad = await call('POST', '/v1/articles', { key: KEYS.operator, body: [{ url: 'x', source: {}, body: 'b' }] });
    expect(allBad.status).toBe(400);
    expect(allBad.json).toMatchObject({ error: 'validation_failed', field: '[0].source.name' });
    expect((await call('POST', '/v1/articles', { key: KEYS.operator, body: [] })).json).toMatchObject({ field: 'articles' });
    expect((await call('POST', '/v1/articles', { key: KEYS.viewer, body: [good(4)] })).status).toBe(403);

    const docs = await waitFor(
      'batch articles indexed',
      async () => {
        const d = await esDocs([...r.json.ids, ...wrapped.json.ids]);
        return d.size === 3 ? d : undefined;
      },
      90_000,
      500,
    );
    expect(docs.get(r.json.ids[0]).title).toBe('Batch 1');
  });
});

describe('DLQ', () => {
  test('GET /v1/dlq lists poison messages with reasons and previews (paged); a selected replay republishes one', async () => {
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const poison = `{"url": "https://poison.example.com/${ns}", "source": {"name": "P"}, "body": ` + '"x'.repeat(1);
    await producer.send({
      topic: N.topic('articlesRaw'),
      messages: [
        { key: `poison-json-${ns}`, value: poison },
        {
          key: `poison-body-${ns}`,
          value: JSON.stringify({ url: 'https://poison.example.com/2', source: { name: 'P' }, title: 'x'.repeat(2000) }),
        },
      ],
    });
    await producer.disconnect();

    const listed = await waitFor(
      'both poison messages on the DLQ',
      async () => {
        const r = await call('GET', '/v1/dlq?limit=50&preview=40', { key: KEYS.viewer });
        const keys = (r.json?.records ?? []).map((x: { key: string }) => x.key);
        return keys.includes(`poison-json-${ns}`) && keys.includes(`poison-body-${ns}`) ? r : undefined;
      },
      60_000,
      1000,
    );
    expect(listed.status).toBe(200);
    const recs = listed.json.records as any[];
    const bad = recs.find((x) => x.key === `poison-json-${ns}`);
    expect(bad).toMatchObject({
      stage: 'enrich',
      error: expect.stringMatching(/invalid JSON/),
      source: { topic: N.topic('articlesRaw') },
      payloadEncoding: 'utf8',
      payloadBytes: Buffer.byteLength(poison),
      ref: `${bad.partition}:${bad.offset}`,
    });
    expect(bad.payloadPreview).toBe(poison.slice(0, 40));
    expect(bad.previewTruncated).toBe(true);
    const noBody = recs.find((x) => x.key === `poison-body-${ns}`);
    expect(noBody.error).toMatch(/body/);
    expect(noBody.payloadPreview.length).toBe(40); // never the whole 2 KB payload
    expect(listed.json).toMatchObject({ topic: N.topic('articlesDlq'), nextCursor: null, remaining: 0, complete: true });

    // Paging: one record per page, the cursor moves on, and pages do not repeat records.
    const p1 = await call('GET', '/v1/dlq?limit=1', { key: KEYS.viewer });
    expect(p1.json.records).toHaveLength(1);
    expect(p1.json.nextCursor).toMatch(/^\d+:\d+(,\d+:\d+)*$/);
    const p2 = await call('GET', `/v1/dlq?limit=1&cursor=${encodeURIComponent(p1.json.nextCursor)}`, { key: KEYS.viewer });
    expect(p2.json.records).toHaveLength(1);
    expect(p2.json.records[0].ref).not.toBe(p1.json.records[0].ref);
    expect((await call('GET', '/v1/dlq?cursor=zz', { key: KEYS.viewer })).json).toMatchObject({
      error: 'validation_failed',
      field: 'cursor',
    });
    expect((await call('GET', '/v1/dlq?limit=0', { key: KEYS.viewer })).json).toMatchObject({ field: 'limit' });

    const status = await call('GET', '/v1/status', { key: KEYS.viewer });
    expect(status.json.dlq.messages).toBeGreaterThanOrEqual(2);

    // Selected replay (admin only): just that record, back to its topic, marked with its origin.
    const raw = await collectRaw();
    try {
      expect((await call('POST', '/v1/dlq/replay', { key: KEYS.operator, body: { records: [bad.ref] } })).status).toBe(403);
      expect((await call('POST', '/v1/dlq/replay', { key: KEYS.admin, body: { records: ['nope'] } })).json.field).toBe('records[0]');
      const r = await call('POST', '/v1/dlq/replay', { key: KEYS.admin, body: { records: [bad.ref, `${bad.partition}:999999`] } });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ scanned: 1, matched: 1, replayed: 1, complete: true, notFound: [`${bad.partition}:999999`] });
      const m = await waitFor(
        'the replayed record on the raw topic',
        async () => raw.seen.find((s) => s.headers['marsad-replayed-from'] === `${N.topic('articlesDlq')}/${bad.partition}/${bad.offset}`),
        30_000,
      );
      expect(m.key).toBe(`poison-json-${ns}`);
      expect(m.value).toBe(poison);
      expect(raw.seen.filter((s) => s.headers['marsad-replayed-from']).length).toBe(1); // only the selected one
    } finally {
      await raw.stop();
    }
  });
});

describe('knowledge base edits', () => {
  test('viewer and operator cannot POST /v1/actors (403)', async () => {
    const body = { name: 'Nope Org', type: 'organization' };
    expect((await call('POST', '/v1/actors', { key: KEYS.viewer, body })).status).toBe(403);
    expect((await call('POST', '/v1/actors', { key: KEYS.operator, body })).status).toBe(403);
    expect((await call('POST', '/v1/actors/org:kaspersky-lab/aliases', { key: KEYS.viewer, body: { aliases: ['x'] } })).status).toBe(403);
  });

  test('validation names the field; an existing id is 409; unknown actor is 404', async () => {
    expect((await call('POST', '/v1/actors', { key: KEYS.admin, body: { name: 'X', type: 'nation' } })).json).toMatchObject({
      error: 'validation_failed',
      field: 'type',
    });
    expect(
      (await call('POST', '/v1/actors', { key: KEYS.admin, body: { id: 'person:acme', name: 'Acme', type: 'organization' } })).json,
    ).toMatchObject({ field: 'id' });
    expect(
      (
        await call('POST', '/v1/actors', {
          key: KEYS.admin,
          body: { name: 'Kaspersky Lab', type: 'organization', id: 'org:kaspersky-lab' },
        })
      ).status,
    ).toBe(409);
    expect((await call('POST', '/v1/actors/org:no-such-actor/aliases', { key: KEYS.admin, body: { aliases: ['x'] } })).status).toBe(404);
    expect((await call('POST', '/v1/actors/org:kaspersky-lab/aliases', { key: KEYS.admin, body: { aliases: [] } })).json).toMatchObject({
      field: 'aliases',
    });
  });

  test('a new actor + alias flows through marsad.kb: the admin sees it, watches resolve it, and the RUNNING enricher tags articles with it', async () => {
    const created = await call('POST', '/v1/actors', {
      key: KEYS.admin,
      body: { name: 'Zorblax Dynamics', type: 'organization', aliases: ['Zorblax'], country: 'US' },
    });
    expect(created.status).toBe(201);
    expect(created.json.actor).toMatchObject({
      id: 'org:zorblax-dynamics',
      name: 'Zorblax Dynamics',
      type: 'organization',
      aliases: ['Zorblax'],
    });
    expect(created.json.visible).toBe(true);
    const id = created.json.actor.id;

    const added = await call('POST', `/v1/actors/${id}/aliases`, {
      key: KEYS.admin,
      body: { aliases: ['Zeebrix Labs', 'زوربلاكس', 'Zorblax'] },
    });
    expect(added.status).toBe(200);
    expect(added.json.added).toEqual(['Zeebrix Labs', 'زوربلاكس']);
    expect(added.json.actor.aliases).toEqual(['Zorblax', 'Zeebrix Labs', 'زوربلاكس']);

    const found = await call('GET', `/v1/actors?q=${encodeURIComponent('زوربلاكس')}`, { key: KEYS.viewer });
    expect(found.json.actors.map((a: { id: string }) => a.id)).toContain(id);
    const watch = await call('POST', '/v1/watches', {
      key: KEYS.operator,
      body: { name: 'Zeebrix', actors: ['Zeebrix Labs'], channels: [{ type: 'email', to: ['ops@example.com'] }] },
    });
    expect(watch.status).toBe(201);
    expect(watch.json.actorIds).toEqual([id]);

    // The enricher was started before the edit and is not restarted.
    await waitFor('the enricher applied the KB edit', async () => enricher.pipeline.kb.get(id)?.aliases.includes('Zeebrix Labs'), 30_000);
    const article = {
      url: `https://kb.example.com/${ns}/zeebrix`,
      source: { name: 'KB News' },
      title: 'Zeebrix Labs expands',
      body: 'Zeebrix Labs said on Monday that it had opened a new office in Boston. Zeebrix Labs employs 300 people.',
      publishedAt: '2024-02-01T09:00:00Z',
    };
    const ing = await call('POST', '/v1/articles', { key: KEYS.operator, body: article });
    expect(ing.status).toBe(202);
    const doc = await waitFor(
      'the article indexed with the new actor',
      async () => (await esDocs([ing.json.id])).get(ing.json.id),
      90_000,
      500,
    );
    expect(doc.actorIds).toContain(id);
  });
});

describe('reprocess', () => {
  test('index articles, add a KB alias, reprocess the range: the new actor id appears in ES and progress reaches done', async () => {
    const mk = (i: number, publishedAt: string) => ({
      url: `https://reprocess.example.com/${ns}/${i}`,
      source: { name: 'Reprocess Daily', domain: 'reprocess.example.com' },
      title: `Report ${i}`,
      body: `Analysts at Qworvane Holdings said on Tuesday that the market would recover. Qworvane Holdings expects growth (${i}).`,
      publishedAt,
      fetchedAt: '2025-03-20T00:00:00Z',
      metadata: { run: ns, i },
    });
    const inRange = [mk(1, '2025-03-02T08:00:00Z'), mk(2, '2025-03-15T12:00:00Z'), mk(3, '2025-03-30T23:00:00Z')];
    const outside = mk(4, '2025-05-10T08:00:00Z');
    const r = await call('POST', '/v1/articles', { key: KEYS.operator, body: [...inRange, outside] });
    expect(r.json.accepted).toBe(4);
    const ids: string[] = r.json.ids;
    const before = await waitFor(
      'articles indexed',
      async () => {
        const d = await esDocs(ids);
        return d.size === 4 ? d : undefined;
      },
      90_000,
      500,
    );
    // Rule-based extraction may tag the unknown company with a slug id of its own; the KB id differs.
    const actorId = 'org:qwv-international';
    for (const d of before.values()) expect(d.actorIds ?? []).not.toContain(actorId);
    const enrichedAt0 = before.get(ids[0]).enrichedAt;

    // Validation and roles.
    expect(
      (await call('POST', '/v1/reprocess', { key: KEYS.admin, body: { from: 'yesterday', to: '2025-03-31T00:00:00Z' } })).json,
    ).toMatchObject({ field: 'from' });
    expect(
      (await call('POST', '/v1/reprocess', { key: KEYS.admin, body: { from: '2025-04-01T00:00:00Z', to: '2025-03-01T00:00:00Z' } })).json,
    ).toMatchObject({ field: 'from' });
    expect(
      (await call('POST', '/v1/reprocess', { key: KEYS.operator, body: { from: '2025-03-01T00:00:00Z', to: '2025-03-31T23:59:59Z' } }))
        .status,
    ).toBe(403);

    // The KB learns that "Qworvane Holdings" is an alias of a known company, then the range is re-enriched.
    const created = await call('POST', '/v1/actors', { key: KEYS.admin, body: { name: 'QWV International', type: 'organization' } });
    expect(created.json.actor.id).toBe(actorId);
    expect(
      (await call('POST', `/v1/actors/${actorId}/aliases`, { key: KEYS.admin, body: { aliases: ['Qworvane Holdings'] } })).json.added,
    ).toEqual(['Qworvane Holdings']);
    await waitFor(
      'the enricher applied the KB edit',
      async () => enricher.pipeline.kb.get(actorId)?.aliases.includes('Qworvane Holdings'),
      30_000,
    );

    const started = await call('POST', '/v1/reprocess', {
      key: KEYS.admin,
      body: { from: '2025-03-01T00:00:00Z', to: '2025-03-31T23:59:59Z' },
    });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({
      id: expect.stringMatching(/^rp_/),
      state: 'running',
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-31T23:59:59.000Z',
    });
    const jobId = started.json.id;
    const done = await waitFor(
      'reprocess done',
      async () => {
        const j = await call('GET', `/v1/reprocess/${jobId}`, { key: KEYS.viewer });
        return j.json?.state !== 'running' ? j.json : undefined;
      },
      60_000,
      250,
    );
    expect(done).toMatchObject({
      id: jobId,
      state: 'done',
      total: 3,
      published: 3,
      skipped: 0,
      error: null,
      finishedAt: expect.any(String),
    });

    const after = await waitFor(
      're-enriched documents in ES',
      async () => {
        const d = await esDocs(ids);
        return inRange.every((_, i) => (d.get(ids[i])?.actorIds ?? []).includes(actorId)) ? d : undefined;
      },
      90_000,
      500,
    );
    // Same documents overwritten (same _id), the stored fields kept; the out-of-range one untouched.
    expect(after.size).toBe(4);
    expect(after.get(ids[0])).toMatchObject({
      url: inRange[0].url,
      title: 'Report 1',
      publishedAt: '2025-03-02T08:00:00.000Z',
      fetchedAt: '2025-03-20T00:00:00.000Z',
      metadata: { run: ns, i: 1 },
      source: { name: 'Reprocess Daily', domain: 'reprocess.example.com' },
    });
    expect(after.get(ids[0]).enrichedAt > enrichedAt0).toBe(true);
    expect(after.get(ids[3]).actorIds ?? []).not.toContain(actorId);
    const count = await es.count({ index: N.articlesAlias, query: { terms: { id: ids } } });
    expect(count.count).toBe(4);

    // Progress and feed freshness in the status.
    const s = (await call('GET', '/v1/status', { key: KEYS.viewer })).json;
    expect(s.reprocess[0]).toMatchObject({ id: jobId, state: 'done', total: 3, published: 3 });
    expect(s.elasticsearch.articles.count).toBeGreaterThanOrEqual(8);
    expect(s.feed).toMatchObject({ stale: false, lastArticleAt: expect.any(String) });
    expect(s.feed.ageSeconds).toBeLessThan(600);
    expect((await call('GET', '/v1/reprocess/rp_unknown', { key: KEYS.viewer })).status).toBe(404);
  });
});
