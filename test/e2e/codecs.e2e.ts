/**
 * Compressed batches from an outside producer (issue 9): the official Apache Kafka Java client
 * publishes articles to `marsad.articles.raw` with every codec Kafka has — none, gzip, snappy,
 * lz4, zstd, then none again — and every article must be searchable; poison messages in each codec
 * reach the DLQ with a reason; a compressed operator KB edit reaches the enricher's compacted view.
 * The services' own producers compress with zstd here (MARSAD_KAFKA_COMPRESSION), so the indexer
 * and the DLQ reader read zstd batches written by kafkajs. Before the codecs were registered, the
 * first snappy batch crash-looped the enricher's consumer and nothing after it was indexed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import type { Client } from '@elastic/elasticsearch';
import { DlqRecordSchema, RawArticleSchema, articleIdFromUrl, names } from '@marsad/contracts';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createEsClient, ensureArticlesTemplate } from '@marsad/search';
import { createLogger } from '@marsad/observability';
import { bootstrapEnricher, type RunningEnricher } from '../../apps/enricher/src/bootstrap';
import { bootstrapIndexer, type RunningIndexer } from '../../apps/indexer/src/bootstrap';
import { repoRoot, stackEnv, testLogFile, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';
import { collectTopic, type Collected } from './helpers/pipeline-kafka';
import { javaPublish, type JavaCompression } from './helpers/java-producer';

jest.setTimeout(240_000);

const quiet = createLogger('codecs-e2e', 'error', {}, () => undefined);
const esUrl = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200';
const ROUNDS: { codec: JavaCompression; label: string }[] = [
  { codec: 'none', label: 'none' },
  { codec: 'gzip', label: 'gzip' },
  { codec: 'snappy', label: 'snappy' },
  { codec: 'lz4', label: 'lz4' },
  { codec: 'zstd', label: 'zstd' },
  { codec: 'none', label: 'none-again' },
];
const PER_ROUND = 5;

describe('codecs: the official Java client publishes with every Kafka codec', () => {
  const ns = testNamespace('cx');
  const n = names(ns);
  const env = stackEnv(ns, { MARSAD_DEDUP: 'memory', MARSAD_KAFKA_COMPRESSION: 'zstd', LOG_LEVEL: 'info' });
  let kafka: Kafka;
  let es: Client;
  let enricher: RunningEnricher;
  let indexer: RunningIndexer;
  let dlq: { messages: Collected[]; stop(): Promise<void> };
  const seed = RawArticleSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'demo', 'articles', 'en-kaspersky-ban-appeal.json'), 'utf8')));

  beforeAll(async () => {
    kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'codecs-e2e', logger: quiet });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, n, {});
    await admin.disconnect();
    es = createEsClient(esUrl);
    await ensureArticlesTemplate(es, n);
    dlq = await collectTopic(kafka, n.topic('articlesDlq'));
    enricher = await bootstrapEnricher(env, { port: 0, handleSignals: false, logFile: testLogFile(`codecs-enricher-${ns}`) });
    indexer = await bootstrapIndexer(env, { port: 0, handleSignals: false, logFile: testLogFile(`codecs-indexer-${ns}`) });
  });

  afterAll(async () => {
    await enricher?.close();
    await indexer?.close();
    await dlq?.stop().catch(() => undefined);
    if (kafka) await removeNamespace(ns, kafka).catch(() => undefined);
    await es?.close();
  });

  it('indexes every article and dead-letters every poison message, whatever the codec', async () => {
    const expected: string[] = [];
    for (const { codec, label } of ROUNDS) {
      const msgs = Array.from({ length: PER_ROUND }, (_, i) => {
        const raw = { ...seed, id: undefined, url: `https://scraper.example/${ns}/${label}/${i}`, title: `${seed.title} (${label} ${i})` };
        const id = articleIdFromUrl(raw.url);
        expected.push(id);
        return { key: id, value: JSON.stringify(raw) };
      });
      msgs.push({ key: `poison-${label}`, value: `{"not json in ${label}` });
      expect(javaPublish(env.KAFKA_BROKERS, n.topic('articlesRaw'), codec, msgs)).toBe(PER_ROUND + 1);
    }
    const found = await waitFor(
      `all ${expected.length} articles searchable`,
      async () => {
        await es.indices.refresh({ index: n.articlesAlias }).catch(() => undefined);
        const res = await es.search({
          index: n.articlesAlias,
          query: { ids: { values: expected } },
          size: expected.length * 2,
          _source: false,
        });
        return res.hits.hits.length === expected.length ? res.hits.hits : undefined;
      },
      120_000,
      500,
    );
    expect(new Set(found.map((h) => h._id))).toEqual(new Set(expected));
    // The DLQ records were produced by the enricher with zstd and are read back here by kafkajs.
    const poison = await waitFor('6 poison messages in the DLQ', async () => {
      const recs = dlq.messages.map((m) => DlqRecordSchema.parse(JSON.parse(m.value ?? 'null')));
      return recs.length >= ROUNDS.length ? recs : undefined;
    });
    expect(poison).toHaveLength(ROUNDS.length);
    for (const r of poison) {
      expect(r.stage).toBe('enrich');
      expect(r.error).toMatch(/JSON/i);
    }
    expect(enricher.pipeline.status().consumer.lastError).toBeUndefined();
  });

  it('applies a snappy-compressed operator KB edit from marsad.kb (compacted view)', async () => {
    const actorId = `org:codec-${ns}`;
    const change = {
      schemaVersion: 1,
      actor: { id: actorId, name: 'Codec Analytics', type: 'organization', aliases: ['Codec Analytics'] },
      updatedAt: new Date().toISOString(),
    };
    javaPublish(env.KAFKA_BROKERS, n.topic('kb'), 'snappy', [{ key: actorId, value: JSON.stringify(change) }]);
    await waitFor('KB edit applied by the enricher', async () => enricher.pipeline.kb.get(actorId), 30_000, 200);
  });
});
