// node dist/bench/consumers.js — CPU per article of the indexer's and the alerter's batch handlers
// in one process, without the rest of the pipeline sharing the cores (bench:pipeline's per-process
// figures swing with the machine's load). The bench articles (bench/articles.ts) are enriched in
// process, then fed as Kafka-like messages in chunks of 200:
//   - indexer: createIndexHandler with the real BulkWriter into a scratch namespace on the local
//     Elasticsearch (template and indices removed at the end);
//   - alerter intake: alertIntakeHandler with BENCH_WATCHES (1,000) generated actor/keyword watches
//     (each article its own near-duplicate cluster, so every match is sent), deciding on the local
//     Redis (a fresh key prefix per pass), once with the queue stubbed (decode + match + decide +
//     payloads) and once with a real BullMQ queue (new send jobs; the queue is obliterated at the
//     end). The worker's jobs are not counted: bench:alerter runs the whole service.
//     The real-queue pass is alternated BENCH_ROUNDS times between unpacked and packed `send-webhooks`
//     batches (MARSAD_ALERT_PACKED_BATCHES, ADR 0020 seventh session), each pass its own.
// Env: BENCH_N (400 articles), BENCH_ROUNDS (5, the stubbed passes), BENCH_WATCHES, BENCH_SKIP_INDEXER=1.

import { redisConnectionOptions } from '@marsad/config';
import { articleIdFromUrl, names, SCHEMA_VERSION, type Watch } from '@marsad/contracts';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher, normalizeForSearch } from '@marsad/nlp';
import { WatchMatcher } from '@marsad/alerts';
import type { BatchHandler, InboundMessage } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { BulkWriter, createEsClient, ensureArticlesTemplate } from '@marsad/search';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createIndexHandler } from '../apps/indexer/src/index-handler';
import { alertIntakeHandler } from '../apps/alerter/src/intake';
import type { AlerterContext } from '../apps/alerter/src/context';
import { benchArticles } from './articles';
import { ES, REDIS } from './stack';
import { lcg, load, machine } from './support';

const N = Number(process.env.BENCH_N ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WATCHES = Number(process.env.BENCH_WATCHES ?? 1000);
const CHUNK = 200;
const quiet = createLogger('bench', 'error', {}, () => undefined);
const hctx = { topic: 't', partition: 0, attempt: 1, heartbeat: async () => undefined, signal: new AbortController().signal };

function messages(): InboundMessage[] {
  const e = new Enricher(loadKnowledgeBase());
  const now = Date.now();
  return benchArticles(N).map((a, i) => {
    const d = e.enrich({ ...a, id: articleIdFromUrl(a.url), publishedAt: new Date(now - i * 1000).toISOString() });
    const value = Buffer.from(JSON.stringify({ ...d, dedup: { fingerprint: d.dedup.fingerprint, clusterId: d.id } }));
    return { topic: 't', partition: 0, offset: String(i), key: d.id, value, headers: {}, timestamp: '0' };
  });
}

function watches(): Watch[] {
  const actors = loadKnowledgeBase().actors();
  const vocab = [...new Set(benchArticles(200).flatMap((a) => (/[a-z]/i.test(a.body) ? a.body.split(/[^A-Za-z]+/) : [])))].filter(
    (w) => w.length > 6,
  );
  const rnd = lcg(5);
  const at = new Date().toISOString();
  return Array.from({ length: WATCHES }, (_, i) => ({
    schemaVersion: SCHEMA_VERSION,
    id: `bench-w${i}`,
    name: `bench watch ${i}`,
    channels: [{ type: 'webhook' as const, url: 'http://127.0.0.1:9/hook', secret: 'bench-secret-0123456789' }],
    enabled: true,
    createdAt: at,
    updatedAt: at,
    ...(i % 2
      ? { actorIds: [actors[Math.floor(rnd() * actors.length)].id] }
      : { query: `${vocab[Math.floor(rnd() * vocab.length)]} AND ${vocab[Math.floor(rnd() * vocab.length)]}` }),
  }));
}

/** Process CPU (all threads) per article of `rounds` passes over `msgs`, in chunks; `handler(r)` serves pass r. */
async function cpuPerArticle(handler: (round: number) => BatchHandler, msgs: InboundMessage[], rounds: number): Promise<number> {
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    const h = handler(r);
    for (let i = 0; i < msgs.length; i += CHUNK) {
      const res = await h(msgs.slice(i, i + CHUNK), hctx);
      if (res?.dlq?.length) throw new Error(`unexpected DLQ: ${res.dlq[0].error}`);
    }
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / (rounds * msgs.length);
}

async function main(): Promise<void> {
  const msgs = messages();
  console.log(`bench:consumers  ${machine()} · ${load()} · ${msgs.length} enriched articles (chunks of ${CHUNK}) · ${WATCHES} watches`);

  const ns = `bcons${randomBytes(3).toString('hex')}`;
  const n = names(ns);
  const es = createEsClient(ES, { requestTimeout: 60_000 });
  if (!process.env.BENCH_SKIP_INDEXER)
    try {
      await ensureArticlesTemplate(es, n, { replicas: 0 });
      const index = createIndexHandler({
        names: n,
        writer: new BulkWriter(es),
        normalize: normalizeForSearch,
        maxMessageBytes: 9e6,
        logger: quiet,
      });
      await cpuPerArticle(() => index, msgs, 1); // warm-up (JIT, index creation)
      console.log(
        `indexer handler (real _bulk)        ${(await cpuPerArticle(() => index, msgs, ROUNDS)).toFixed(3)} ms CPU/article · ${load()}`,
      );
    } finally {
      const indices = Object.keys(await es.indices.get({ index: n.articlesIndexPattern, allow_no_indices: true }).catch(() => ({})));
      if (indices.length) await es.indices.delete({ index: indices.join(',') }).catch(() => undefined);
      await es.indices.deleteIndexTemplate({ name: n.articlesTemplate }).catch(() => undefined);
      await es.close();
    }

  const matcher = new WatchMatcher();
  for (const w of watches()) matcher.upsert(w);
  const matches = msgs.reduce((s, m) => s + matcher.match(JSON.parse(m.value!.toString())).length, 0);
  const redis = new Redis(redisConnectionOptions(REDIS, { enableAutoPipelining: true }));
  await redis.ping(); // connected: the intake refuses to decide on a connection that is not ready
  let pass = 0;
  // A fresh key prefix per pass: every alert is decided anew (a second pass under the same prefix
  // would find them all decided).
  const ctxFor = (packed = false): AlerterContext =>
    ({
      watches: { caughtUp: true },
      matcher,
      redis,
      names: { queuePrefix: `marsad-${ns}-p${pass++}` },
      alertLog: { record: async () => undefined },
      alertMetrics: { enqueued: { inc: () => undefined }, suppressed: { inc: () => undefined } },
      logger: quiet,
      config: { MARSAD_ALERT_ATTEMPTS: 8, MARSAD_ALERT_BACKOFF_MS: 1000, MARSAD_ALERT_PACKED_BATCHES: packed },
    }) as unknown as AlerterContext;
  const stub = { client: Promise.resolve({ status: 'ready' }), addBulk: async () => [] } as unknown as Queue;
  const queue = new Queue('alerts', { prefix: `marsad-${ns}`, connection: redisConnectionOptions(REDIS) });
  try {
    const intake = () => alertIntakeHandler(ctxFor(), stub);
    await cpuPerArticle(intake, msgs, 1);
    const m = (matches / msgs.length).toFixed(1);
    console.log(
      `alerter intake (decide, queue stubbed) ${(await cpuPerArticle(intake, msgs, ROUNDS)).toFixed(3)} ms CPU/article · ${m} matches/article · ${load()}`,
    );
    for (let r = 0; r < ROUNDS; r++)
      for (const packed of [false, true]) {
        const real = alertIntakeHandler(ctxFor(packed), queue);
        const cpu = await cpuPerArticle(() => real, msgs, 1);
        console.log(`alerter intake (real BullMQ, ${packed ? 'packed' : 'unpacked'}) ${cpu.toFixed(3)} ms CPU/article · ${load()}`);
      }
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    for (let p = 0; p < pass; p++)
      for await (const keys of redis.scanStream({ match: `marsad-${ns}-p${p}:alerter:*`, count: 1000 }))
        if ((keys as string[]).length) await redis.del(...(keys as string[]));
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench:consumers failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
