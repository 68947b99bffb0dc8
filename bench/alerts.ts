// npm run bench:alerts — publish-to-webhook latency of the alerting path against the running local
// stack (Kafka, Elasticsearch, Redis; refuses with a message when one is down). In its own random
// MARSAD_NAMESPACE it starts the enricher, the alerter and the admin API in-process, a real HTTP
// receiver on 127.0.0.1:0 and ONE watch (actor Kaspersky, webhook to the receiver), then publishes
// BENCH_ALERTS_N (1000) distinct RawArticles (unique urls and texts, each mentioning Kaspersky) to
// marsad.articles.raw at BENCH_ALERTS_RATE per second (50). Per alert: receiver arrival time −
// publish time. Prints progress while it runs, then p50/p90/p99/max and throughput. Bounded:
// stops after BENCH_ALERTS_TIMEOUT_S (300) with what it has. Cleans up its topics, index and keys.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { names, type RawArticle } from '@marsad/contracts';
import { verifyWebhookSignature } from '@marsad/alerts';
import { createKafka, ensureTopics, Publisher } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { demoWords } from '../tools/support/words';
import { bootstrapAdmin } from '../apps/admin/src/bootstrap';
import { bootstrapAlerter } from '../apps/alerter/src/bootstrap';
import { bootstrapEnricher } from '../apps/enricher/src/bootstrap';
import { findRoot, lcg } from './support';
import { ES, KAFKA, REDIS, checkStack, cleanupNamespace } from './stack';

const N = Number(process.env.BENCH_ALERTS_N ?? 1000);
const RATE = Number(process.env.BENCH_ALERTS_RATE ?? 50);
const TIMEOUT_S = Number(process.env.BENCH_ALERTS_TIMEOUT_S ?? 300);

const err = (s: string) => process.stderr.write(s + '\n');
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Distinct texts (so near-duplicate detection does not fold them into one story): random
// sentences over the words of demo/articles (a small vocabulary would make near-duplicates),
// each mentioning Kaspersky.
const rnd = lcg(11);
let WORDS: string[] = [];
function article(i: number, ns: string): RawArticle {
  const sentence = () => Array.from({ length: 14 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const body = [
    `Kaspersky said on ${new Date().toDateString()} that ${sentence()}.`,
    `${sentence()}.`,
    `According to Kaspersky, ${sentence()}.`,
    `${sentence()} ${i}.`,
  ].join(' ');
  return {
    url: `https://bench.example.com/${ns}/news/${i}-${randomBytes(4).toString('hex')}`,
    source: { name: 'Bench News', domain: 'bench.example.com' },
    title: `Kaspersky: ${sentence().slice(0, 60)}`,
    body,
    language: 'en',
    publishedAt: new Date().toISOString(),
  };
}

async function main(): Promise<void> {
  const down = await checkStack();
  if (down.length) {
    err(`bench:alerts needs the running local stack; not answering: ${down.join('; ')}.`);
    err('Start it with `bin/marsad stack up` (or `bash scripts/stack.sh up`), then run `npm run bench:alerts` again.');
    process.exit(2);
  }
  const root = findRoot();
  WORDS = demoWords(root);
  const logDir = join(root, '.marsad', 'bench-logs');
  mkdirSync(logDir, { recursive: true });
  const ns = `bench${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const N_ = names(ns);
  const key = `bench-${randomBytes(12).toString('hex')}`;
  const env: Record<string, string> = {
    KAFKA_BROKERS: KAFKA,
    ELASTICSEARCH_URL: ES,
    REDIS_URL: REDIS,
    MARSAD_NAMESPACE: ns,
    MARSAD_ADMIN_KEYS: `operator:${key}`,
    MARSAD_WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
    LOG_LEVEL: 'warn',
  };
  err(`bench:alerts  namespace ${ns}; ${N} articles at ${RATE}/s; logs in ${logDir}/${ns}-*.log`);

  // The receiver: arrival time per alert id (first arrival; duplicates counted).
  const arrivals = new Map<string, { at: number; articleId: string }>();
  let duplicates = 0;
  let badSignatures = 0;
  let secret = '';
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const raw = Buffer.concat(chunks);
      const id = String(req.headers['x-marsad-alert-id'] ?? '');
      if (secret && !verifyWebhookSignature(secret, req.headers['x-marsad-signature'] as string, raw, 300).ok) badSignatures++;
      if (arrivals.has(id)) duplicates++;
      else {
        try {
          arrivals.set(id, { at, articleId: JSON.parse(raw.toString('utf8')).article?.id ?? '' });
        } catch {
          arrivals.set(id, { at, articleId: '' });
        }
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bench`;

  const quiet = createLogger('bench', 'error');
  const kafka = createKafka({ brokers: KAFKA.split(','), clientId: 'bench-alerts', logger: quiet });
  const kadmin = kafka.admin();
  await kadmin.connect();
  await ensureTopics(kadmin, N_);
  await kadmin.disconnect();
  const publisher = new Publisher(kafka, { logger: quiet });

  const t0 = Date.now();
  const [admin, alerter, enricher] = await Promise.all([
    bootstrapAdmin(env, { port: 0, logFile: join(logDir, `${ns}-admin.log`) }),
    bootstrapAlerter(env, { port: 0, logFile: join(logDir, `${ns}-alerter.log`) }),
    bootstrapEnricher(env, { port: 0, logFile: join(logDir, `${ns}-enricher.log`) }),
  ]);
  await Promise.all([admin.ready(), alerter.ready()]);
  err(`services up in ${Date.now() - t0} ms (admin :${admin.port}, alerter :${alerter.port}, enricher :${enricher.port})`);

  const published = new Map<string, number>(); // article id → publish time
  // Where the time goes: when each article appears on the enriched topic (split of the latency).
  const enrichedAt = new Map<string, number>();
  const probe = kafka.consumer({ groupId: `${ns}.bench-probe`, maxWaitTimeInMs: 50 });
  await probe.connect();
  await probe.subscribe({ topic: N_.topic('articlesEnriched'), fromBeginning: true });
  await probe.run({
    eachMessage: async ({ message }) => {
      const k = message.key?.toString();
      if (k && !enrichedAt.has(k)) enrichedAt.set(k, Date.now());
    },
  });
  let progress: NodeJS.Timeout | undefined;
  let published_ = 0;
  try {
    const res = await fetch(`http://127.0.0.1:${admin.port}/v1/watches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ name: 'Bench: Kaspersky', actors: ['Kaspersky'], channels: [{ type: 'webhook', url: receiverUrl }] }),
    });
    const watch = (await res.json()) as { id: string; secret: string; actorIds?: string[] };
    if (res.status !== 201) throw new Error(`could not create the watch: HTTP ${res.status} ${JSON.stringify(watch)}`);
    secret = watch.secret;
    const deadline = Date.now() + 20_000;
    while (!alerter.ctx.matcher.has(watch.id)) {
      if (Date.now() > deadline) throw new Error('the alerter did not see the watch within 20 s');
      await sleep(50);
    }
    err(`watch ${watch.id} (actors ${JSON.stringify(watch.actorIds)}) → ${receiverUrl}`);

    const started = Date.now();
    const stopAt = started + TIMEOUT_S * 1000;
    progress = setInterval(
      () => err(`  ${((Date.now() - started) / 1000).toFixed(0)} s: published ${published_}/${N}, webhooks received ${arrivals.size}`),
      2000,
    );
    // Publish at RATE per second, in small batches every 100 ms (publish time = just before the send).
    const perTick = Math.max(1, Math.round(RATE / 10));
    for (let i = 0; i < N && Date.now() < stopAt;) {
      const tick = Date.now();
      const batch: { key: string; value: RawArticle }[] = [];
      for (let k = 0; k < perTick && i < N; k++, i++) {
        const a = article(i, ns);
        a.id = `${ns}-${i}`;
        batch.push({ key: a.id, value: a });
      }
      const at = Date.now();
      for (const b of batch) published.set(b.key, at);
      await publisher.send(N_.topic('articlesRaw'), batch);
      published_ += batch.length;
      const wait = 100 - (Date.now() - tick);
      if (wait > 0) await sleep(wait);
    }
    const pubDone = Date.now();
    // Wait for every alert; stop early when nothing arrives for 15 s and the queue is idle.
    let lastCount = -1;
    let lastChange = Date.now();
    while (arrivals.size < published.size && Date.now() < stopAt) {
      await sleep(250);
      if (arrivals.size !== lastCount) {
        lastCount = arrivals.size;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > 15_000) {
        const c = await alerter.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (!c.waiting && !c.active && !c.delayed && !c.prioritized) {
          err('nothing more to come (queue idle for 15 s)');
          break;
        }
      }
    }
    clearInterval(progress);
    progress = undefined;
    if (arrivals.size < published.size) err(`stopped after ${TIMEOUT_S} s with ${arrivals.size}/${published.size} webhooks`);

    const toEnriched: number[] = [];
    const toWebhook: number[] = [];
    for (const { at, articleId } of arrivals.values()) {
      const p = published.get(articleId);
      const e = enrichedAt.get(articleId);
      if (p === undefined || e === undefined) continue;
      toEnriched.push(e - p);
      toWebhook.push(at - e);
    }
    toEnriched.sort((a, b) => a - b);
    toWebhook.sort((a, b) => a - b);
    const lat: number[] = [];
    let first = Infinity;
    let last = 0;
    for (const { at, articleId } of arrivals.values()) {
      const p = published.get(articleId);
      if (p === undefined) continue;
      lat.push(at - p);
      first = Math.min(first, p);
      last = Math.max(last, at);
    }
    lat.sort((a, b) => a - b);
    const secs = (last - first) / 1000;
    console.log(
      `bench:alerts  ${published.size} articles published to ${N_.topic('articlesRaw')} in ${((pubDone - started) / 1000).toFixed(1)} s (target ${RATE}/s); ${lat.length} webhooks received (${duplicates} duplicates, ${badSignatures} bad signatures)`,
    );
    if (lat.length) {
      console.log(
        `latency       publish → webhook arrival: p50 ${pct(lat, 0.5)} ms · p90 ${pct(lat, 0.9)} ms · p99 ${pct(lat, 0.99)} ms · max ${lat[lat.length - 1]} ms · min ${lat[0]} ms`,
      );
      if (toEnriched.length) {
        console.log(
          `  split       publish → enriched topic: p50 ${pct(toEnriched, 0.5)} · p90 ${pct(toEnriched, 0.9)} · p99 ${pct(toEnriched, 0.99)} ms; enriched → webhook (alerter): p50 ${pct(toWebhook, 0.5)} · p90 ${pct(toWebhook, 0.9)} · p99 ${pct(toWebhook, 0.99)} ms (probe consumer)`,
        );
      }
      console.log(
        `throughput    ${(lat.length / secs).toFixed(1)} alerts/s end to end (first publish → last arrival ${secs.toFixed(1)} s); path: raw → enricher → enriched → alerter → BullMQ decide + send → HTTP`,
      );
    }
    const missing = published.size - lat.length;
    if (missing) {
      // Why: the delivery log says (suppressed near-duplicates, failures...).
      let why = '';
      try {
        await alerter.ctx.es.indices.refresh({ index: N_.alertsIndex });
        const r = await alerter.ctx.es.search({
          index: N_.alertsIndex,
          size: 0,
          query: { bool: { must_not: { term: { status: 'delivered' } } } },
          aggs: { s: { terms: { field: 'status' } }, r: { terms: { field: 'reason', size: 3 } } },
        });
        why = JSON.stringify({
          status: (r.aggregations?.s as { buckets: unknown[] }).buckets,
          reason: (r.aggregations?.r as { buckets: unknown[] }).buckets,
        });
      } catch (e) {
        why = `(delivery log unavailable: ${(e as Error).message})`;
      }
      console.log(`missing       ${missing} alerts not received; delivery log (non-delivered): ${why}`);
    }
  } finally {
    if (progress) clearInterval(progress);
    err('cleaning up…');
    await Promise.allSettled([admin.close(), alerter.close(), enricher.close(), publisher.disconnect(), probe.disconnect()]);
    await new Promise((r) => receiver.close(r));
    await cleanupNamespace(ns).catch((e) => err(`cleanup incomplete: ${(e as Error).message}`));
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    err(`bench:alerts failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
