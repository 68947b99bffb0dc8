/**
 * Near-duplicate clustering under the throughput changes (issue 10), against the REAL Redis and
 * Kafka: the chunked assignment (one Lua script per chunk) gives exactly the clusters of a
 * sequential run, copies inside one chunk join each other's cluster, a redelivered chunk keeps
 * its clusters; and two enricher replicas on one consumer group share the partitions and still give
 * the clusters of a sequential run.
 */
import Redis from 'ioredis';
import { AssignerProtocol } from 'kafkajs';
import { articleIdFromUrl, names, type EnrichedArticle, type RawArticle } from '@marsad/contracts';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { Enricher, InMemoryDedupStore, NearDuplicateIndex, sketchArticle, type DedupItem } from '@marsad/nlp';
import { loadKnowledgeBase } from '@marsad/kb';
import { RedisDedupStore } from '../../apps/enricher/src/redis-dedup.store';
import { bootstrapEnricher, type RunningEnricher } from '../../apps/enricher/src/bootstrap';
import { stackEnv, testLogFile, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';
import { collectTopic } from './helpers/pipeline-kafka';

jest.setTimeout(180_000);

const quiet = createLogger('dedup-e2e', 'error', {}, () => undefined);
const WORDS =
  'ministry said on monday that talks with the delegation would resume next week after a dispute over sanctions grain exports port fees and a border crossing that has been closed since spring officials added that the central bank would review the currency peg while analysts warned of inflation in food and fuel prices across the region'.split(
    ' ',
  );

// deterministic PRNG
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** `stories` distinct stories and, interleaved, `copiesPer` lightly edited copies of each. */
function corpus(stories: number, copiesPer: number, seed = 3, edits = 6): RawArticle[] {
  const rnd = lcg(seed);
  const out: RawArticle[] = [];
  const originals: RawArticle[] = [];
  for (let s = 0; s < stories; s++) {
    const body = Array.from({ length: 180 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ') + ` story ${s} unique${s}x`;
    const a: RawArticle = { url: `https://o.example/${s}`, source: { name: 'o' }, title: `Story ${s}`, body };
    originals.push(a);
    out.push(a);
    for (let c = 0; c < copiesPer && out.length < 100_000; c++) {
      const o = originals[Math.floor(rnd() * originals.length)];
      const words = o.body.split(' ');
      for (let k = 0; k < edits; k++) words[Math.floor(rnd() * words.length)] = WORDS[Math.floor(rnd() * WORDS.length)];
      out.push({
        url: `https://c.example/${s}/${c}`,
        source: { name: 'c' },
        title: `${o.title} (wire)`,
        body: words.join(' '),
        metadata: { copyOf: o.url },
      });
    }
  }
  for (const a of out) a.id = articleIdFromUrl(a.url);
  return out;
}

const items = (as: RawArticle[]): DedupItem[] => as.map((a) => ({ articleId: a.id!, sketch: sketchArticle(a.title, a.body) }));

describe('near-duplicate clusters with chunked Redis assignment', () => {
  const ns = testNamespace('dd');
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(stackEnv(ns).REDIS_URL);
  });

  afterAll(async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `marsad:${ns}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  });

  it('equal those of a sequential run, chunk by chunk, and a redelivered chunk keeps its clusters', async () => {
    const arts = corpus(60, 3);
    const its = items(arts);
    const sequential = new NearDuplicateIndex(new InMemoryDedupStore());
    const want = [];
    for (const it of its) want.push(await sequential.assign(it.articleId, it.sketch));
    // sanity: the corpus has copies, and they were found
    expect(want.filter((r) => r.duplicateOf).length).toBeGreaterThan(100);

    const seqRedis = new NearDuplicateIndex(new RedisDedupStore(redis, { prefix: `marsad:${ns}:seq:` }));
    const gotSeq = [];
    for (const it of its) gotSeq.push(await seqRedis.assign(it.articleId, it.sketch));
    expect(gotSeq).toEqual(want);

    const chunked = new NearDuplicateIndex(new RedisDedupStore(redis, { prefix: `marsad:${ns}:chunk:` }));
    const rnd = lcg(9);
    const got = [];
    for (let i = 0; i < its.length;) {
      const size = 1 + Math.floor(rnd() * 40);
      const chunk = its.slice(i, i + size);
      const res = await chunked.assignMany(chunk);
      // redelivery of the same chunk: the stored clusters (NearDuplicateIndex.assign's contract), nothing added twice
      expect((await chunked.assignMany(chunk)).map((r) => r.clusterId)).toEqual(res.map((r) => r.clusterId));
      got.push(...res);
      i += size;
    }
    expect(got).toEqual(want);
  });

  it('copies inside one chunk join each other\u2019s cluster', async () => {
    const [o, c1, c2] = corpus(1, 2, 11);
    const idx = new NearDuplicateIndex(new RedisDedupStore(redis, { prefix: `marsad:${ns}:one:` }));
    const res = await idx.assignMany(items([o, c1, c2]));
    expect(res[0]).toEqual({ clusterId: o.id });
    expect(res[1].clusterId).toBe(o.id);
    expect(res[2].clusterId).toBe(o.id);
  });
});

describe('two enricher replicas on one consumer group', () => {
  const ns = testNamespace('sx');
  const N = names(ns);
  const kafka = createKafka({ brokers: stackEnv(ns).KAFKA_BROKERS.split(','), clientId: 'dedup-e2e', logger: quiet });
  const replicas: RunningEnricher[] = [];

  afterAll(async () => {
    await Promise.allSettled(replicas.map((r) => r.close()));
    await removeNamespace(ns, kafka);
  });

  it('share the partitions and give the clusters of a sequential run', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, N, { partitions: 4 });
    for (let r = 0; r < 2; r++)
      replicas.push(
        await bootstrapEnricher(stackEnv(ns, { MARSAD_DEDUP: 'redis' }), {
          port: 0,
          handleSignals: false,
          logFile: testLogFile(`dedup-scaleout-enricher${r}-${ns}`),
        }),
      );
    // both members joined and each owns a share of the raw topic's partitions
    const owned = await waitFor(
      'two members, each with partitions of the raw topic',
      async () => {
        const g = (await admin.describeGroups([N.consumerGroup('enricher')])).groups[0];
        if (g.state !== 'Stable' || g.members.length !== 2) return undefined;
        const parts = g.members.map(
          (m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[N.topic('articlesRaw')] ?? [],
        );
        return parts.every((p) => p.length > 0) ? parts : undefined;
      },
      90_000,
      500,
    );
    await admin.disconnect();
    expect(owned.flat().sort()).toEqual([0, 1, 2, 3]);

    // Originals first (distinct stories), then their copies. Partitions have no order between them,
    // so the replicas may see the copies in any interleaving; a copy that is near only ANOTHER copy
    // (chaining) would then depend on that order — these copies are lightly edited (3 words), each
    // within the threshold of its own original, so a sequential run in any order gives these ids.
    const arts = corpus(40, 2, 5, 3);
    const originals = arts.filter((a) => a.url.startsWith('https://o.'));
    const copies = arts.filter((a) => a.url.startsWith('https://c.'));
    // the reference: the same engine's sketches, assigned one after another in memory
    const engine = new Enricher(loadKnowledgeBase());
    const sequential = new NearDuplicateIndex(new InMemoryDedupStore());
    const want = new Map<string, string>();
    for (const a of [...originals, ...copies]) want.set(a.id!, (await sequential.assign(a.id!, engine.enrich(a).dedup)).clusterId);
    // the premise: every copy joined its own original
    for (const c of copies) expect(want.get(c.id!)).toBe(articleIdFromUrl(String(c.metadata!.copyOf)));
    // sanity: copies were found
    expect([...want].filter(([id, cl]) => id !== cl).length).toBeGreaterThan(60);
    const out = await collectTopic(kafka, N.topic('articlesEnriched'));
    const producer = kafka.producer();
    await producer.connect();
    const send = (as: RawArticle[]) =>
      producer.send({ topic: N.topic('articlesRaw'), messages: as.map((a) => ({ key: a.id!, value: JSON.stringify(a) })) });
    await send(originals);
    await waitFor('originals enriched', async () => new Set(out.messages.map((m) => m.key)).size >= originals.length, 90_000);
    await send(copies);
    await waitFor('all enriched', async () => new Set(out.messages.map((m) => m.key)).size >= arts.length, 90_000);
    await producer.disconnect();
    await out.stop();
    const got = new Map<string, string>();
    const byPartition = new Set<number>();
    for (const m of out.messages) {
      const a = JSON.parse(m.value!) as EnrichedArticle;
      got.set(a.id, a.dedup.clusterId);
      byPartition.add(m.partition);
    }
    expect(got).toEqual(want);
    // both replicas did work: enriched output landed on partitions owned by each of them
    for (const p of owned) expect(p.some((x) => byPartition.has(x))).toBe(true);
  });
});
