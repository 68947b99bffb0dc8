/**
 * Pipeline e2e against the REAL stack (Kafka, Elasticsearch, Redis): the enricher and indexer run
 * in-process with a fresh MARSAD_NAMESPACE; articles go in on `marsad.articles.raw` and must come
 * out of the `<ns>-marsad-articles` alias. Covers poison messages → DLQ, idempotent redelivery,
 * live KB edits over `marsad.kb`, and the indexer pausing (not crashing, not committing) while
 * Elasticsearch is unreachable behind a switchable TCP proxy.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import Redis from 'ioredis';
import type { Client } from '@elastic/elasticsearch';
import {
  DlqRecordSchema,
  KbChangeSchema,
  SCHEMA_VERSION,
  RawArticleSchema,
  type KbChange,
  articleIdFromUrl,
  names,
  sha256Hex,
  type EnrichedArticle,
  type RawArticle,
} from '@marsad/contracts';
import { CompactedTopicView, createKafka, ensureTopics } from '@marsad/messaging';
import { createEsClient, ensureArticlesTemplate } from '@marsad/search';
import { PipelineMetrics, createLogger } from '@marsad/observability';
import { ENRICHMENT_VERSION, Enricher } from '@marsad/nlp';
import { loadKnowledgeBase } from '@marsad/kb';
import { bootstrapEnricher, type RunningEnricher } from '../../apps/enricher/src/bootstrap';
import { bootstrapIndexer, type RunningIndexer } from '../../apps/indexer/src/bootstrap';
import { repoRoot, sharedDir, stackEnv, testLogFile, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';
import { TcpProxy } from './helpers/pipeline-proxy';
import { collectTopic, groupProgress, type Collected } from './helpers/pipeline-kafka';

// Project-level testTimeout is not honoured by jest (global option): set it here.
jest.setTimeout(180_000);

const quiet = createLogger('pipeline-e2e', 'error', {}, () => undefined);
const MAX_BODY = 200_000;
const esUrl = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200';

interface Fixture {
  file: string;
  raw: RawArticle;
  id: string;
  language?: string;
}

function readFixtures(dir: string, limit: number, language?: string): Fixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .slice(0, limit)
    .flatMap((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const ok = RawArticleSchema.safeParse(raw);
      if (!ok.success) return [];
      return [{ file: join(dir, f), raw: ok.data, id: ok.data.id ?? articleIdFromUrl(ok.data.url), language }];
    });
}

async function docsByIds(es: Client, alias: string, ids: string[]) {
  await es.indices.refresh({ index: alias }).catch(() => undefined);
  const res = await es.search<Record<string, unknown>>({
    index: alias,
    query: { ids: { values: ids } },
    size: ids.length * 2 + 10,
    version: true,
  });
  return res.hits.hits;
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json().catch(() => null) };
}

describe('pipeline: raw → enricher → enriched → indexer → Elasticsearch', () => {
  const ns = testNamespace('pl');
  const n = names(ns);
  const env = stackEnv(ns, { MARSAD_DEDUP: 'redis', MARSAD_MAX_BODY_BYTES: String(MAX_BODY), LOG_LEVEL: 'info' });
  let kafka: Kafka;
  let producer: Producer;
  let es: Client;
  let redis: Redis;
  let enricher: RunningEnricher;
  let indexer: RunningIndexer;
  let dlq: { messages: Collected[]; stop(): Promise<void> };
  const t0 = Date.now();

  const publishRaw = async (items: { key: string | null; value: string | Buffer; partition?: number }[]) => {
    await producer.send({
      topic: n.topic('articlesRaw'),
      messages: items.map((i) => ({ key: i.key, value: i.value, partition: i.partition })),
    });
  };

  beforeAll(async () => {
    kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'pipeline-e2e', logger: quiet });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n, { maxBodyBytes: MAX_BODY });
    await admin.disconnect();
    es = createEsClient(esUrl);
    await ensureArticlesTemplate(es, n);
    redis = new Redis(env.REDIS_URL);
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    dlq = await collectTopic(kafka, n.topic('articlesDlq'));
    enricher = await bootstrapEnricher(env, { port: 0, handleSignals: false, logFile: testLogFile(`pipeline-enricher-${ns}`) });
    indexer = await bootstrapIndexer(env, { port: 0, handleSignals: false, logFile: testLogFile(`pipeline-indexer-${ns}`) });
  });

  afterAll(async () => {
    await enricher?.close();
    await indexer?.close();
    await dlq?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    if (kafka) await removeNamespace(ns, kafka).catch(() => undefined);
    redis?.disconnect();
    await es?.close();

    console.log(`pipeline e2e (${ns}) took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  it('serves health and metrics on their own ports', async () => {
    expect((await getJson(`http://127.0.0.1:${enricher.port}/health/live`)).status).toBe(200);
    await waitFor('enricher ready', async () => (await getJson(`http://127.0.0.1:${enricher.port}/health/ready`)).status === 200, 30_000);
    await waitFor('indexer ready', async () => (await getJson(`http://127.0.0.1:${indexer.port}/health/ready`)).status === 200, 30_000);
    const ready = (await getJson(`http://127.0.0.1:${indexer.port}/health/ready`)).body as { checks: Record<string, unknown> };
    expect(Object.keys(ready.checks).sort()).toEqual(['consumer', 'elasticsearch', 'kafka']);
    const readyE = (await getJson(`http://127.0.0.1:${enricher.port}/health/ready`)).body as { checks: Record<string, unknown> };
    expect(Object.keys(readyE.checks).sort()).toEqual(['consumer', 'kafka', 'redis']);
    const metrics = await (await fetch(`http://127.0.0.1:${enricher.port}/metrics`)).text();
    expect(metrics).toContain('marsad_messages_in_total');
  });

  it('(a) indexes published articles with the enriched fields, searchable through the alias', async () => {
    const fixtures = [
      ...readFixtures(join(sharedDir, 'samples', 'articles'), 10, undefined),
      ...readFixtures(join(sharedDir, 'corpus', 'ar'), 3, 'ar'),
      ...readFixtures(join(sharedDir, 'corpus', 'en'), 3, 'en'),
      ...readFixtures(join(repoRoot, 'demo', 'articles'), 10, undefined),
    ];
    const byId = new Map(fixtures.map((f) => [f.id, f]));
    if (!byId.size) {
      // Neither ../shared nor demo/ here: a synthetic article keeps the case meaningful.
      const raw = {
        url: 'https://example.org/synthetic/1',
        source: { name: 'Example' },
        title: 'Microsoft says',
        body: 'Microsoft said on Tuesday that hackers from Russia attacked Kaspersky.',
        publishedAt: '2024-06-21T10:00:00Z',
      };
      byId.set(articleIdFromUrl(raw.url), { file: 'synthetic', raw, id: articleIdFromUrl(raw.url), language: 'en' });
    }
    await publishRaw([...byId.values()].map((f) => ({ key: f.id, value: JSON.stringify(f.raw) })));
    const ids = [...byId.keys()];
    const hits = await waitFor(
      'all articles indexed',
      async () => {
        const h = await docsByIds(es, n.articlesAlias, ids);
        return h.length === ids.length ? h : undefined;
      },
      90_000,
      500,
    );
    for (const h of hits) {
      const f = byId.get(h._id!)!;
      const doc = h._source as Record<string, unknown> & { source: { name: string }; dedup: { clusterId: string } };
      expect(h._index.startsWith(`${ns}-marsad-articles-`)).toBe(true);
      expect(doc.id).toBe(f.id);
      expect(doc.url).toBe(f.raw.url);
      expect(doc.source.name).toBe(f.raw.source.name);
      expect(typeof doc.language).toBe('string');
      if (f.language) expect(doc.language).toBe(f.language);
      expect(Array.isArray(doc.actorIds)).toBe(true);
      expect(Array.isArray(doc.actors)).toBe(true);
      // The normalised copies are indexed for search but not stored (template _source.excludes)
      expect(doc.bodyNormalized).toBeUndefined();
      expect(doc.titleNormalized).toBeUndefined();
      expect(doc.enrichmentVersion).toBe(ENRICHMENT_VERSION);
      expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
      expect(typeof doc.dedup.clusterId).toBe('string');
      if (f.raw.publishedAt)
        expect(h._index).toBe(n.articlesIndex(new Date(f.raw.publishedAt).toISOString().slice(0, 7).replace('-', '.')));
    }
    const normalized = await es.count({
      index: n.articlesAlias,
      query: { bool: { filter: [{ ids: { values: ids } }, { exists: { field: 'bodyNormalized' } }] } },
    });
    expect(normalized.count).toBe(ids.length);
    const seed = hits.find((h) => byId.get(h._id!)!.file.endsWith('ar-seed-microsoft-kaspersky.json'));
    if (seed) {
      const doc = seed._source as { actorIds: string[]; language: string };
      expect(doc.language).toBe('ar');
      expect(doc.actorIds).toEqual(expect.arrayContaining(['org:microsoft', 'org:kaspersky-lab']));
      // Flat keyword fields aggregate (what Kibana needs), nested actors answer precise queries.
      const agg = await es.search({
        index: n.articlesAlias,
        size: 0,
        query: { nested: { path: 'actors', query: { term: { 'actors.id': 'org:kaspersky-lab' } } } },
        aggs: { a: { terms: { field: 'actorIds', size: 50 } } },
      });
      expect((agg.hits.total as { value: number }).value).toBeGreaterThanOrEqual(1);
    }
  });

  it('(b) poison messages go to the DLQ with their reason and the partition moves on', async () => {
    const good = (i: number) => ({
      url: `https://example.org/after-poison/${i}?utm_source=x`,
      source: { name: 'Example' },
      title: `After poison ${i}`,
      body: `Reuters reported that Microsoft published article number ${i} after the poison messages.`,
      publishedAt: '2024-05-0' + (i + 1) + 'T08:00:00Z',
    });
    const oversize = { url: 'https://example.org/huge', source: { name: 'Example' }, body: 'ب'.repeat(MAX_BODY / 2 + 10) }; // 2 bytes per char
    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const poison = [
      { key: 'poison-json', value: '{"url": "https://example.org/x", "body": ' },
      { key: 'poison-schema', value: JSON.stringify({ url: 'https://example.org/no-body', source: { name: 'Example' } }) },
      { key: 'poison-size', value: JSON.stringify(oversize) },
      { key: 'poison-bytes', value: invalidUtf8 },
    ];
    // All on partition 0, poison first: the good articles behind them must still be indexed.
    await publishRaw([
      ...poison.map((p) => ({ ...p, partition: 0 })),
      ...[0, 1].map((i) => ({ key: articleIdFromUrl(good(i).url), value: JSON.stringify(good(i)), partition: 0 })),
    ]);
    // A message on the enriched topic that is no EnrichedArticle → DLQ stage "index".
    await producer.send({
      topic: n.topic('articlesEnriched'),
      messages: [{ key: 'poison-enriched', value: JSON.stringify({ hello: 'world' }) }],
    });

    const records = await waitFor(
      'five DLQ records',
      async () => {
        const recs = dlq.messages.map((m) => DlqRecordSchema.parse(JSON.parse(m.value!)));
        return recs.filter((r) => r.key?.startsWith('poison-')).length >= 5 ? recs : undefined;
      },
      60_000,
      300,
    );
    const byKey = new Map(records.map((r) => [r.key, r]));
    expect(byKey.get('poison-json')).toMatchObject({
      stage: 'enrich',
      topic: n.topic('articlesRaw'),
      partition: 0,
      payloadEncoding: 'utf8',
      payload: poison[0].value,
      attempts: 1,
    });
    expect(byKey.get('poison-json')!.error).toMatch(/^invalid JSON: /);
    expect(byKey.get('poison-json')!.payloadSha256).toBe(sha256Hex(poison[0].value as string));
    expect(byKey.get('poison-schema')).toMatchObject({ stage: 'enrich', error: 'body: is required' });
    expect(byKey.get('poison-size')!.error).toBe(
      `body: is ${Buffer.byteLength(oversize.body)} bytes, over the limit of ${MAX_BODY} bytes (MARSAD_MAX_BODY_BYTES=${MAX_BODY})`,
    );
    expect(byKey.get('poison-size')!.payloadBytes).toBe(Buffer.byteLength(JSON.stringify(oversize)));
    expect(byKey.get('poison-bytes')).toMatchObject({
      stage: 'enrich',
      payloadEncoding: 'base64',
      error: 'invalid JSON: payload is not valid UTF-8',
    });
    expect(Buffer.from(byKey.get('poison-bytes')!.payload, 'base64')).toEqual(invalidUtf8);
    expect(byKey.get('poison-enriched')).toMatchObject({ stage: 'index', topic: n.topic('articlesEnriched') });
    expect(byKey.get('poison-enriched')!.error).toMatch(/^[a-zA-Z.[\]0-9]+: /);
    // DLQ offsets are the poison messages' own, in order.
    const offs = ['poison-json', 'poison-schema', 'poison-size', 'poison-bytes'].map((k) => BigInt(byKey.get(k)!.offset));
    expect([...offs].sort((a, b) => (a < b ? -1 : 1))).toEqual(offs);

    const ids = [0, 1].map((i) => articleIdFromUrl(good(i).url));
    await waitFor('articles after the poison indexed', async () => (await docsByIds(es, n.articlesAlias, ids)).length === 2, 60_000, 500);
    // ...and the enricher committed past the poison.
    await waitFor(
      'enricher committed partition 0',
      async () => {
        const p = await groupProgress(kafka, n.consumerGroup('enricher'), n.topic('articlesRaw'));
        return p.committed[0] === p.high[0];
      },
      30_000,
      500,
    );
  });

  it('(c) the same article published twice is one document', async () => {
    const raw = {
      url: 'https://Example.org/twice?b=2&a=1#frag',
      source: { name: 'Example' },
      title: 'Twice',
      body: 'The Kremlin said on Friday that the decision was unfair. Published twice.',
      publishedAt: '2024-03-15T12:00:00Z',
    };
    const again = { ...raw, url: 'https://example.org/twice?a=1&b=2&utm_source=newsletter&fbclid=abc' };
    const id = articleIdFromUrl(raw.url);
    expect(articleIdFromUrl(again.url)).toBe(id);
    await publishRaw([{ key: id, value: JSON.stringify(raw) }]);
    await waitFor('first copy indexed', async () => (await docsByIds(es, n.articlesAlias, [id])).length === 1, 60_000, 300);
    await publishRaw([{ key: id, value: JSON.stringify(again) }]);
    const hits = await waitFor(
      'second copy indexed over the first',
      async () => {
        const h = await docsByIds(es, n.articlesAlias, [id]);
        return h.length === 1 && (h[0]._version ?? 0) >= 2 ? h : undefined;
      },
      60_000,
      300,
    );
    expect(hits).toHaveLength(1);
    expect((hits[0]._source as { dedup: { clusterId: string } }).dedup.clusterId).toBe(id);
    const count = await es.count({ index: n.articlesAlias, query: { term: { id } } });
    expect(count.count).toBe(1);
  });

  it('indexes enriched articles from another producer as sent, pretty-printed JSON included (no DLQ)', async () => {
    // The indexer sends a canonical article's own bytes to _bulk (ADR 0019); JSON with line breaks
    // between its tokens must not be split across bulk lines, and must not hold up its neighbours.
    const engine = new Enricher(loadKnowledgeBase());
    const articles = [0, 1, 2].map((i) => {
      const d = engine.enrich({
        url: `https://example.org/foreign-producer/${ns}/${i}`,
        source: { name: 'Example' },
        title: `Foreign producer ${i}`,
        body: `Microsoft said on day ${i} that the attack was over. The Kremlin denied it.`,
        publishedAt: '2024-05-10T00:00:00.000Z',
      });
      return { ...d, dedup: { fingerprint: d.dedup.fingerprint, clusterId: d.id } } as EnrichedArticle;
    });
    const values = [JSON.stringify(articles[0]), JSON.stringify(articles[1], null, 2), `${JSON.stringify(articles[2])}\r\n`];
    await producer.send({ topic: n.topic('articlesEnriched'), messages: articles.map((a, i) => ({ key: a.id, value: values[i] })) });
    const ids = articles.map((a) => a.id);
    const hits = await waitFor(
      'all three indexed',
      async () => {
        const h = await docsByIds(es, n.articlesAlias, ids);
        return h.length === 3 ? h : undefined;
      },
      60_000,
      300,
    );
    for (const a of articles) {
      const doc = hits.find((h) => h._id === a.id)!._source as EnrichedArticle;
      expect(doc.title).toBe(a.title);
      expect(doc.claims.map((c) => c.text)).toEqual(a.claims.map((c) => c.text));
      expect(doc.actors.map((x) => x.id)).toEqual(a.actors.map((x) => x.id));
    }
    expect(dlq.messages.filter((m) => ids.includes(m.key ?? ''))).toEqual([]);
  });

  it('near-duplicates share a cluster through the Redis dedup store', async () => {
    const story = [
      'The Kremlin said on Friday that the American decision to ban sales of Kaspersky antivirus software was a typical move by Washington to crush foreign competition.',
      'Commerce Secretary Gina Raimondo told reporters that Russia had shown it has the capacity and the intent to exploit Russian companies to collect personal information.',
      'Kremlin spokesman Dmitry Peskov said Kaspersky was a very competitive company in international markets and that the restriction was an unfair way to compete.',
      'Kaspersky said it would pursue legal options to preserve its operations and that the decision was not based on a comprehensive evaluation of its products.',
      'The company says it is privately managed and has no ties to the Russian government, and that its activities do not threaten American national security.',
    ].join('\n\n');
    const first = {
      url: `https://wire.example/${ns}/kaspersky`,
      source: { name: 'Wire' },
      title: 'Kremlin slams Kaspersky ban',
      body: story,
      publishedAt: '2024-06-21T10:00:00Z',
    };
    const copy = {
      url: `https://reprint.example/${ns}/kaspersky-ban`,
      source: { name: 'Reprint' },
      title: 'Kremlin slams Kaspersky ban',
      body: story + '\n\nReporting by Wire staff.',
      publishedAt: '2024-06-21T12:00:00Z',
    };
    const [id1, id2] = [articleIdFromUrl(first.url), articleIdFromUrl(copy.url)];
    await publishRaw([{ key: id1, value: JSON.stringify(first) }]);
    await waitFor('original indexed', async () => (await docsByIds(es, n.articlesAlias, [id1])).length === 1, 60_000, 300);
    await publishRaw([{ key: id2, value: JSON.stringify(copy) }]);
    const [hit] = await waitFor(
      'copy indexed',
      async () => {
        const h = await docsByIds(es, n.articlesAlias, [id2]);
        return h.length ? h : undefined;
      },
      60_000,
      300,
    );
    expect((hit._source as { dedup: unknown }).dedup).toMatchObject({ clusterId: id1, duplicateOf: id1 });
    expect(await redis.keys(`marsad:${ns}:dedup:band:*`)).not.toHaveLength(0);
  });

  it('an article with a body just under MARSAD_MAX_BODY_BYTES flows through', async () => {
    const para =
      'Microsoft said hackers from Russia, Iran and North Korea launched more than 800 cyber attacks last year against political groups in the United States. ';
    const body = para.repeat(Math.floor((MAX_BODY - 100) / Buffer.byteLength(para)));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY);
    const raw = {
      url: `https://example.org/${ns}/big`,
      source: { name: 'Example' },
      title: 'Big',
      body,
      publishedAt: '2024-01-05T00:00:00Z',
    };
    const id = articleIdFromUrl(raw.url);
    await publishRaw([{ key: id, value: JSON.stringify(raw) }]);
    const outcome = await waitFor(
      'big article indexed (or dead-lettered)',
      async () => {
        const dead = dlq.messages.find((m) => m.key === id);
        if (dead) return { dead: JSON.parse(dead.value!).error as string };
        const h = await docsByIds(es, n.articlesAlias, [id]);
        return h.length ? { hit: h[0] } : undefined;
      },
      90_000,
      500,
    );
    expect(outcome.dead).toBeUndefined();
    const hit = outcome.hit!;
    expect((hit._source as { body: string }).body.length).toBe(body.length);
    expect((hit._source as { actorIds: string[] }).actorIds).toEqual(expect.arrayContaining(['org:microsoft']));
  });

  it('applies operator KB edits from marsad.kb at run time', async () => {
    const actorId = `org:zorblax-${ns}`;
    await producer.send({
      topic: n.topic('kb'),
      messages: [
        {
          key: actorId,
          value: JSON.stringify({
            schemaVersion: 1,
            actor: { id: actorId, name: 'Zorblax Dynamics', type: 'organization', aliases: ['Zorblax Dynamics', 'زوربلاكس'] },
            updatedAt: new Date().toISOString(),
          }),
        },
      ],
    });
    await waitFor('KB edit applied by the enricher', async () => enricher.pipeline.kb.get(actorId), 30_000, 200);
    const raw = {
      url: `https://example.org/zorblax/${ns}`,
      source: { name: 'Example' },
      title: 'Zorblax',
      body: 'Zorblax Dynamics said on Monday that its profits rose sharply.',
      publishedAt: '2024-02-01T00:00:00Z',
    };
    const id = articleIdFromUrl(raw.url);
    await publishRaw([{ key: id, value: JSON.stringify(raw) }]);
    const [hit] = await waitFor(
      'article indexed',
      async () => {
        const h = await docsByIds(es, n.articlesAlias, [id]);
        return h.length ? h : undefined;
      },
      60_000,
      300,
    );
    expect((hit._source as { actorIds: string[] }).actorIds).toContain(actorId);
  });
});

describe('indexer while Elasticsearch is unreachable', () => {
  const ns = testNamespace('pp');
  const n = names(ns);
  const proxy = new TcpProxy(new URL(esUrl).hostname, Number(new URL(esUrl).port || 9200));
  let kafka: Kafka;
  let es: Client;
  let indexer: RunningIndexer;

  beforeAll(async () => {
    kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      clientId: 'pipeline-e2e-proxy',
      logger: quiet,
    });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n);
    await admin.disconnect();
    es = createEsClient(esUrl);
    await ensureArticlesTemplate(es, n);
    await proxy.on();
    indexer = await bootstrapIndexer(stackEnv(ns, { ELASTICSEARCH_URL: proxy.url, MARSAD_INDEX_BATCH_SIZE: '50' }), {
      port: 0,
      handleSignals: false,
      logFile: testLogFile(`pipeline-indexer-proxy-${ns}`),
    });
  });

  afterAll(async () => {
    await indexer?.close();
    await proxy.off();
    if (kafka) await removeNamespace(ns, kafka).catch(() => undefined);
    await es?.close();
  });

  it('(d) pauses without committing or crashing, then indexes everything exactly once', async () => {
    const base = `http://127.0.0.1:${indexer.port}`;
    await waitFor('indexer ready through the proxy', async () => (await getJson(`${base}/health/ready`)).status === 200, 30_000);
    await waitFor('indexer consuming', async () => indexer.pipeline.runner.status().state === 'running', 30_000, 200);
    await indexer.pipeline.runner.joined;

    await proxy.off();
    await waitFor('readiness 503 while ES is unreachable', async () => (await getJson(`${base}/health/ready`)).status === 503, 15_000, 250);

    // Enriched articles straight onto the enriched topic (the enricher is not under test here).
    const engine = new Enricher(loadKnowledgeBase());
    const articles: EnrichedArticle[] = Array.from({ length: 12 }, (_, i) => {
      const d = engine.enrich({
        url: `https://example.org/outage/${ns}/${i}`,
        source: { name: 'Example' },
        title: `Outage ${i}`,
        body: `Microsoft said on day ${i} that the outage was over. Kaspersky disagreed.`,
        publishedAt: `2024-0${(i % 3) + 1}-10T00:00:00Z`,
      });
      return { ...d, dedup: { fingerprint: d.dedup.fingerprint, clusterId: d.id } } as EnrichedArticle;
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic: n.topic('articlesEnriched'), messages: articles.map((a) => ({ key: a.id, value: JSON.stringify(a) })) });
    await producer.disconnect();

    // It tried, failed, and paused: still alive, nothing committed.
    await waitFor('a paused partition', async () => indexer.pipeline.runner.status().paused.length > 0, 60_000, 250);
    expect((await getJson(`${base}/health/live`)).status).toBe(200);
    expect((await getJson(`${base}/health/ready`)).status).toBe(503);
    const during = await groupProgress(kafka, n.consumerGroup('indexer'), n.topic('articlesEnriched'));
    for (const [p, high] of Object.entries(during.high)) {
      if (high > 0n) expect(during.committed[Number(p)] ?? -1n).toBeLessThan(high);
    }
    const status = (await getJson(`${base}/status`)).body as { consumer: { paused: unknown[]; state: string } };
    expect(status.consumer.state).toBe('running');
    expect(status.consumer.paused.length).toBeGreaterThan(0);

    await proxy.on();
    const ids = articles.map((a) => a.id);
    await waitFor(
      'all documents indexed after ES came back',
      async () => (await docsByIds(es, n.articlesAlias, ids)).length === ids.length,
      60_000,
      500,
    );
    await waitFor(
      'offsets committed to the end',
      async () => {
        const p = await groupProgress(kafka, n.consumerGroup('indexer'), n.topic('articlesEnriched'));
        return Object.entries(p.high).every(([part, high]) => (p.committed[Number(part)] ?? -1n) === high || high === 0n);
      },
      30_000,
      500,
    );
    const hits = await docsByIds(es, n.articlesAlias, ids);
    expect(hits).toHaveLength(ids.length);
    expect(new Set(hits.map((h) => h._id)).size).toBe(ids.length);
    const total = await es.count({ index: n.articlesAlias });
    expect(total.count).toBe(ids.length);
    await waitFor('ready again', async () => (await getJson(`${base}/health/ready`)).status === 200, 15_000);
    // Nothing went to the DLQ for a transient outage.
    const dlq = await groupProgress(kafka, 'nobody', n.topic('articlesDlq'));
    expect(Object.values(dlq.high).every((h) => h === 0n)).toBe(true);
  });
});

describe('enricher while Redis is unreachable', () => {
  const ns = testNamespace('pr');
  const n = names(ns);
  const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const proxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
  let kafka: Kafka;
  let es: Client;
  let enricher: RunningEnricher;
  let enriched: { messages: Collected[]; stop(): Promise<void> };

  beforeAll(async () => {
    kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      clientId: 'pipeline-e2e-redis',
      logger: quiet,
    });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n);
    await admin.disconnect();
    es = createEsClient(esUrl);
    await proxy.on();
    enriched = await collectTopic(kafka, n.topic('articlesEnriched'));
    enricher = await bootstrapEnricher(stackEnv(ns, { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, MARSAD_DEDUP: 'redis' }), {
      port: 0,
      handleSignals: false,
      logFile: testLogFile(`pipeline-enricher-redis-${ns}`),
    });
  });

  afterAll(async () => {
    await enricher?.close();
    await enriched?.stop().catch(() => undefined);
    await proxy.off();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    if (kafka) await removeNamespace(ns, kafka).catch(() => undefined);
    redis.disconnect();
    await es?.close();
  });

  it('(e) pauses while the dedup store is down, then enriches everything', async () => {
    const base = `http://127.0.0.1:${enricher.port}`;
    await waitFor('enricher ready through the proxy', async () => (await getJson(`${base}/health/ready`)).status === 200, 30_000);
    await waitFor('enricher consuming', async () => enricher.pipeline.runner.status().state === 'running', 30_000, 200);
    await enricher.pipeline.runner.joined;

    await proxy.off();
    await waitFor(
      'readiness 503 while Redis is unreachable',
      async () => (await getJson(`${base}/health/ready`)).status === 503,
      15_000,
      250,
    );
    const raws = Array.from({ length: 6 }, (_, i) => ({
      url: `https://example.org/redis-outage/${ns}/${i}`,
      source: { name: 'Example' },
      body: `Microsoft said on day ${i} that the outage of number ${i * 7} was over.`,
    }));
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({
      topic: n.topic('articlesRaw'),
      messages: raws.map((r) => ({ key: articleIdFromUrl(r.url), value: JSON.stringify(r) })),
    });
    await producer.disconnect();

    await waitFor('a paused partition', async () => enricher.pipeline.runner.status().paused.length > 0, 60_000, 250);
    expect((await getJson(`${base}/health/live`)).status).toBe(200);
    const during = await groupProgress(kafka, n.consumerGroup('enricher'), n.topic('articlesRaw'));
    for (const [p, high] of Object.entries(during.high)) {
      if (high > 0n) expect(during.committed[Number(p)] ?? -1n).toBeLessThan(high);
    }
    expect(enriched.messages).toHaveLength(0);

    await proxy.on();
    const ids = raws.map((r) => articleIdFromUrl(r.url));
    await waitFor(
      'all articles enriched after Redis came back',
      async () => ids.every((id) => enriched.messages.some((m) => m.key === id)),
      60_000,
      300,
    );
    await waitFor(
      'offsets committed to the end',
      async () => {
        const p = await groupProgress(kafka, n.consumerGroup('enricher'), n.topic('articlesRaw'));
        return Object.entries(p.high).every(([part, high]) => (p.committed[Number(part)] ?? -1n) === high || high === 0n);
      },
      30_000,
      500,
    );
    for (const m of enriched.messages) expect(JSON.parse(m.value!).dedup.clusterId).toBeTruthy();
    await waitFor('ready again', async () => (await getJson(`${base}/health/ready`)).status === 200, 15_000);
  });
});

describe('CompactedTopicView over a compacted topic', () => {
  const ns = testNamespace('cv');
  const n = names(ns);
  let kafka: Kafka;
  let es: Client;
  const views: CompactedTopicView<KbChange>[] = [];
  const change = (id: string, name: string) =>
    JSON.stringify({ schemaVersion: 1, actor: { id, name, type: 'organization', aliases: [name] }, updatedAt: new Date().toISOString() });

  beforeAll(async () => {
    kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      clientId: 'pipeline-e2e-view',
      logger: quiet,
    });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n, { keys: ['kb'] });
    await admin.disconnect();
    es = createEsClient(esUrl);
  });

  afterAll(async () => {
    for (const v of views) await v.stop();
    if (kafka) await removeNamespace(ns, kafka).catch(() => undefined);
    await es?.close();
  });

  it('every instance rebuilds the whole state (all partitions), applies tombstones, skips invalid values, follows live changes', async () => {
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const ids = Array.from({ length: 9 }, (_, i) => `org:view-${i}`);
    await producer.send({ topic: n.topic('kb'), messages: ids.map((id, i) => ({ key: id, value: change(id, `Actor ${i}`) })) });
    await producer.send({
      topic: n.topic('kb'),
      messages: [
        { key: ids[0], value: null }, // tombstone
        { key: ids[1], value: change(ids[1], 'Actor one renamed') },
        { key: ids[2], value: '{"schemaVersion":1,"actor":{"id":"nope"}}' }, // invalid: previous value stays
        { key: ids[3], value: 'not json' },
      ],
    });
    const metrics = new PipelineMetrics('view-test');
    const make = () => {
      const v = new CompactedTopicView<KbChange>({
        kafka,
        topic: n.topic('kb'),
        groupIdPrefix: n.consumerGroup('view-test'),
        schema: KbChangeSchema,
        logger: quiet,
        metrics,
      });
      views.push(v);
      return v;
    };
    const [a, b] = [make(), make()];
    expect(a.groupId).not.toBe(b.groupId);
    void a.start();
    void b.start();
    await Promise.all([a.ready(), b.ready()]);
    for (const v of [a, b]) {
      expect(v.size).toBe(8);
      expect(v.has(ids[0])).toBe(false);
      expect(v.get(ids[1])!.actor.name).toBe('Actor one renamed');
      expect(v.get(ids[2])!.actor.name).toBe('Actor 2');
      expect(v.get(ids[3])!.actor.name).toBe('Actor 3');
    }
    expect(await metrics.text()).toMatch(/marsad_messages_failed_total\{[^}]*reason="invalid"[^}]*\} 4/);

    const seen: string[] = [];
    a.onChange((c) => seen.push(`${c.key}:${c.value ? c.value.actor.name : 'deleted'}:${c.replay}`));
    await producer.send({
      topic: n.topic('kb'),
      messages: [
        { key: ids[4], value: null },
        { key: 'org:view-new', value: change('org:view-new', 'New') },
      ],
    });
    await producer.disconnect();
    await waitFor('live changes', async () => seen.length === 2 && b.has('org:view-new'), 20_000, 100);
    expect(seen.sort()).toEqual([`${ids[4]}:deleted:false`, 'org:view-new:New:false']);
    expect(a.has(ids[4])).toBe(false);
  });
});
