/**
 * A partition that cannot be read is never silent (issue 9, item 2), through the real stack: two
 * enricher replicas that cannot decode snappy (MARSAD_TEST_UNREGISTER_CODEC=snappy, test-only) meet a
 * snappy batch on partition 1 of `marsad.articles.raw`. The replica that owns partition 1 finds it
 * (kafkajs' error names no partition), keeps it paused and reports it: its /health/ready is 503
 * naming topic, partition, offset and reason, `marsad_partition_wedged` is 1, the admin's
 * /v1/status lists it. The other partitions — and the readable article before the bad batch on
 * partition 1 — are enriched meanwhile (asserted on `marsad.articles.enriched`, the enricher's side
 * effect: the shared Elasticsearch adds nothing to what is tested here). Nothing is skipped until an admin asks, through
 * POST /v1/consumers/:group/partitions/:topic/:partition/skip, while both replicas run; then the
 * DLQ holds the skipped range with its reason and partition 1 flows again.
 */
import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { DlqRecordSchema, articleIdFromUrl, names, type DlqRecord } from '@marsad/contracts';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { bootstrapEnricher, type RunningEnricher } from '../../apps/enricher/src/bootstrap';
import { bootstrapAdmin, type AdminHandle } from '../../apps/admin/src/bootstrap';
import { stackEnv, testLogFile, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';
import { collectTopic, type Collected } from './helpers/pipeline-kafka';

jest.setTimeout(240_000);

const quiet = createLogger('wedge-e2e', 'error', {}, () => undefined);
const ADMIN_KEY = 'admin-key-e2e-wedge-123';
const VIEWER_KEY = 'viewer-key-e2e-wedge-123';

describe('wedged partition: found, reported, skipped only on an admin request', () => {
  const ns = testNamespace('wg');
  const n = names(ns);
  const env = stackEnv(ns, { MARSAD_DEDUP: 'memory', LOG_LEVEL: 'info', MARSAD_TEST_UNREGISTER_CODEC: 'snappy' });
  let kafka: Kafka;
  let producer: Producer;
  const enrichers: RunningEnricher[] = [];
  let admin: AdminHandle;
  let dlq: { messages: Collected[]; stop(): Promise<void> };
  let out: { messages: Collected[]; stop(): Promise<void> };

  const article = (label: string) => {
    const url = `https://wedge.example/${ns}/${label}`;
    return {
      id: articleIdFromUrl(url),
      value: JSON.stringify({ url, title: `Wedge ${label}`, source: { name: 'Wedge' }, body: `Body ${label}.` }),
    };
  };
  const send = async (partition: number, labels: string[], compression = CompressionTypes.None) => {
    const arts = labels.map(article);
    await producer.send({
      topic: n.topic('articlesRaw'),
      compression,
      messages: arts.map((a) => ({ key: a.id, value: a.value, partition })),
    });
    return arts.map((a) => a.id);
  };
  const enriched = async (ids: string[]) => new Set(out.messages.map((m) => m.key).filter((k) => k !== null && ids.includes(k)));
  const call = async (method: string, path: string, key: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${admin.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
  };

  beforeAll(async () => {
    kafka = createKafka({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'wedge-e2e', logger: quiet });
    const kadmin = kafka.admin();
    await kadmin.connect();
    await ensureTopics(kadmin, n, {});
    await kadmin.disconnect();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    dlq = await collectTopic(kafka, n.topic('articlesDlq'));
    out = await collectTopic(kafka, n.topic('articlesEnriched'));
  });

  afterAll(async () => {
    for (const e of enrichers) await e.close();
    await admin?.close();
    await producer?.disconnect().catch(() => undefined);
    await dlq?.stop().catch(() => undefined);
    await out?.stop().catch(() => undefined);
    if (kafka) await removeNamespace(ns, kafka).catch(() => undefined);
  });

  it('wedges partition 1 at the snappy batch, keeps the others flowing, and skips it on request', async () => {
    // Partition 1: one readable article (offset 0), then a snappy batch of 3 (offsets 1..3). Both
    // are sent before the services start, so the enricher's first fetch carries both.
    const before = await send(1, ['p1-before']);
    await send(1, ['snappy-a', 'snappy-b', 'snappy-c'], CompressionTypes.Snappy);
    const early = [...(await send(0, ['p0-a', 'p0-b'])), ...(await send(2, ['p2-a', 'p2-b']))];

    for (const i of [1, 2]) {
      enrichers.push(await bootstrapEnricher(env, { port: 0, handleSignals: false, logFile: testLogFile(`wedge-enricher${i}-${ns}`) }));
    }
    admin = await bootstrapAdmin(
      stackEnv(ns, {
        MARSAD_ADMIN_KEYS: `viewer:${VIEWER_KEY},admin:${ADMIN_KEY}`,
        MARSAD_ENRICHER_URL: `http://127.0.0.1:${enrichers[0].port}`,
        MARSAD_INDEXER_URL: 'http://127.0.0.1:1',
        MARSAD_ALERTER_URL: 'http://127.0.0.1:1',
      }),
      { port: 0, logFile: testLogFile(`wedge-admin-${ns}`) },
    );

    // The owner of partition 1 finds and reports it.
    const owner = await waitFor(
      'a replica reporting partition 1 wedged',
      async () => enrichers.find((e) => e.pipeline.status().consumer.wedged.some((w) => w.partition === 1)),
      90_000,
      250,
    );
    const other = enrichers.find((e) => e !== owner)!;
    const wedge = owner.pipeline.status().consumer.wedged[0];
    expect(wedge).toMatchObject({ topic: n.topic('articlesRaw'), partition: 1, offset: '1' });
    expect(wedge.reason).toMatch(/snappy/i);
    const ready = await fetch(`http://127.0.0.1:${owner.port}/health/ready`);
    expect(ready.status).toBe(503);
    const report = (await ready.json()) as { checks: Record<string, { status: string; error?: string }> };
    expect(report.checks.consumer.status).toBe('down');
    expect(report.checks.consumer.error).toContain(`${n.topic('articlesRaw')}[1] wedged at offset 1`);
    expect(report.checks.consumer.error).toMatch(/snappy/i);
    const metrics = await (await fetch(`http://127.0.0.1:${owner.port}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(
        `marsad_partition_wedged\\{group="${n.consumerGroup('enricher')}",topic="${n.topic('articlesRaw')}",partition="1"[^}]*\\} 1`,
      ),
    );

    // The other partitions flow, and so does the readable article before the bad batch.
    await waitFor('partitions 0 and 2 and the article before the bad batch enriched', async () => {
      const got = await enriched([...early, ...before]);
      return got.size === early.length + before.length;
    });
    const later = [...(await send(0, ['p0-later'])), ...(await send(2, ['p2-later']))];
    const blocked = await send(1, ['p1-after']);
    await waitFor('partitions 0 and 2 still flowing', async () => (await enriched(later)).size === later.length);
    expect((await enriched(blocked)).size).toBe(0);
    expect(owner.pipeline.status().consumer.wedged).toHaveLength(1);
    expect(dlq.messages).toHaveLength(0); // nothing skipped without an operator's word

    // /v1/status (viewer) shows it, from marsad.control.
    const status = await waitFor('wedge in /v1/status', async () => {
      const s = await call('GET', '/v1/status', VIEWER_KEY);
      return s.json?.wedged?.length ? s.json : undefined;
    });
    expect(status.wedged[0]).toMatchObject({
      groupId: n.consumerGroup('enricher'),
      topic: n.topic('articlesRaw'),
      partition: 1,
      offset: '1',
    });

    // Only an admin may skip; bad input is named.
    expect((await call('POST', `/v1/consumers/enricher/partitions/articlesRaw/1/skip`, VIEWER_KEY, { offset: '1' })).status).toBe(403);
    const bad = await call('POST', `/v1/consumers/enricher/partitions/articlesRaw/1/skip`, ADMIN_KEY, { offset: 'one' });
    expect(bad.status).toBe(400);
    expect(bad.json.field).toBe('offset');
    const ok = await call('POST', `/v1/consumers/enricher/partitions/${n.topic('articlesRaw')}/1/skip`, ADMIN_KEY, {
      offset: '1',
      reason: 'test: snappy batch',
    });
    expect(ok.status).toBe(202);
    expect(ok.json.request).toMatchObject({ groupId: n.consumerGroup('enricher'), partition: 1, offset: '1' });

    // The owner (one of two running replicas) skips offsets 1..3 into the DLQ; partition 1 flows.
    const rec = await waitFor('the skipped range in the DLQ', async () => {
      const recs: DlqRecord[] = dlq.messages.map((m) => DlqRecordSchema.parse(JSON.parse(m.value ?? 'null')));
      return recs.find((r) => r.partition === 1 && r.offset === '1');
    });
    expect(rec).toMatchObject({ stage: 'enrich', topic: n.topic('articlesRaw'), offset: '1', lastOffset: '3', payloadBytes: 0 });
    expect(rec.error).toMatch(/^unreadable range skipped by an operator: offsets 1\.\.3 \(3 records\).*snappy.*test: snappy batch/i);
    await waitFor('partition 1 flowing again', async () => (await enriched(blocked)).size === blocked.length);
    await waitFor('both replicas ready', async () => {
      for (const e of [owner, other]) if ((await fetch(`http://127.0.0.1:${e.port}/health/ready`)).status !== 200) return false;
      return true;
    });
    expect(owner.pipeline.status().consumer.wedged).toEqual([]);
    await waitFor('wedge cleared in /v1/status', async () => {
      const s = await call('GET', '/v1/status', VIEWER_KEY);
      return Array.isArray(s.json?.wedged) && s.json.wedged.length === 0;
    });
    expect(dlq.messages).toHaveLength(1);
  });
});
