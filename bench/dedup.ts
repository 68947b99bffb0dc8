// npm run bench:dedup — the enricher's near-duplicate lookup against the real Redis store as it
// fills up. Stores BENCH_DEDUP_ARTICLES (default 50,000) synthetic ~3 KB articles (word sequences
// drawn from demo/articles and ../shared/corpus, so shingle statistics are those of real news) and,
// at each checkpoint, times NearDuplicateIndex.assign() for 200 fresh articles and 200 edited copies
// of stored ones: ms per assign (p50/p99), candidates returned per lookup, and whether every copy
// joined its original's cluster. The lookup must not grow with the number of stored articles.
// Env: REDIS_URL (redis://127.0.0.1:6379), BENCH_DEDUP_ARTICLES. Keys live under a per-run prefix
// and are deleted at the end.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { NearDuplicateIndex, hamming, sketchArticle, DEDUP_MAX_HAMMING, type DedupSketch } from '@marsad/nlp';
import type { DedupEntry } from '@marsad/nlp';
import { RedisDedupStore } from '../apps/enricher/src/redis-dedup.store';
import { findRoot, jsonFiles, lcg, percentile } from './support';
import { redisConnectionOptions } from '@marsad/config';

const root = findRoot();
const TOTAL = Number(process.env.BENCH_DEDUP_ARTICLES ?? 50_000);
const PROBES = 200;
const rnd = lcg(11);
const pct = percentile;

// sentences of real news, recombined: each synthetic article = ~3 KB of sentences from random sources
const sentences: string[] = [];
for (const f of [...jsonFiles(join(root, 'demo', 'articles')), ...jsonFiles(resolve(root, '..', 'shared', 'corpus'))]) {
  try {
    const a = JSON.parse(readFileSync(f, 'utf8')) as { body?: unknown };
    if (typeof a.body === 'string') sentences.push(...a.body.split(/(?<=[.!?؟])\s+/).filter((s) => s.length > 20));
  } catch {
    /* not an article */
  }
}
if (sentences.length < 100) throw new Error('bench:dedup needs demo/articles (and ideally ../shared/corpus) for text');
function article(): { title: string; body: string } {
  const parts: string[] = [];
  let len = 0;
  while (len < 3000) {
    const s = sentences[Math.floor(rnd() * sentences.length)];
    parts.push(s);
    len += s.length + 1;
  }
  return { title: sentences[Math.floor(rnd() * sentences.length)].slice(0, 80), body: parts.join(' ') };
}
function edited(a: { title: string; body: string }): { title: string; body: string } {
  const words = a.body.split(' ').map((w) => (rnd() < 0.03 ? 'edited' : w));
  return { title: 'UPDATED: ' + a.title, body: 'Photo: archive\n' + words.join(' ') + '\nRead more at the source.' };
}

class CountingStore extends RedisDedupStore {
  returned = 0;
  override async candidates(keys: string[]): Promise<DedupEntry[]> {
    const c = await super.candidates(keys);
    this.returned += c.length;
    return c;
  }
}

async function main(): Promise<void> {
  const redis = new Redis(redisConnectionOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 }));
  const prefix = `marsad:bench-dedup-${process.pid}:`;
  const store = new CountingStore(redis, { prefix });
  const index = new NearDuplicateIndex(store);
  const kept: { cluster: string; art: { title: string; body: string }; sk: DedupSketch }[] = [];
  console.log(
    `bench:dedup  NearDuplicateIndex over RedisDedupStore (${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}), ~3 KB recombined articles`,
  );
  const checkpoints = [1_000, 10_000, 25_000, 50_000, 100_000, 200_000].filter((c) => c <= TOTAL);
  if (!checkpoints.includes(TOTAL)) checkpoints.push(TOTAL);
  let stored = 0;
  const t0 = Date.now();
  try {
    for (const cp of checkpoints) {
      while (stored < cp) {
        const art = article();
        const sk = sketchArticle(art.title, art.body);
        const id = `s${stored}`;
        const r = await index.assign(id, sk);
        if (kept.length < 5_000 && rnd() < 0.2) kept.push({ cluster: r.clusterId, art, sk });
        stored++;
        if (stored % 10_000 === 0) process.stderr.write(`  stored ${stored} articles (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
      }
      const fresh: number[] = [];
      const copies: number[] = [];
      store.returned = 0;
      for (let i = 0; i < PROBES; i++) {
        const a = article();
        const sk = sketchArticle(a.title, a.body);
        const t = process.hrtime.bigint();
        await index.assign(`f${cp}-${i}`, sk);
        fresh.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      const freshReturned = store.returned;
      store.returned = 0;
      let joined = 0;
      let expected = 0;
      for (let i = 0; i < PROBES; i++) {
        const orig = kept[Math.floor(rnd() * kept.length)];
        const e = edited(orig.art);
        const sk = sketchArticle(e.title, e.body);
        if (hamming(sk.fingerprint, orig.sk.fingerprint) <= DEDUP_MAX_HAMMING) expected++;
        const t = process.hrtime.bigint();
        const r = await index.assign(`c${cp}-${i}`, sk);
        copies.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (r.clusterId === orig.cluster) joined++;
      }
      console.log(
        `${String(cp).padStart(7)} stored · fresh article: p50 ${pct(fresh, 0.5).toFixed(2)} ms p99 ${pct(fresh, 0.99).toFixed(2)} ms, ${(freshReturned / PROBES).toFixed(2)} candidates/lookup` +
          ` · edited copy: p50 ${pct(copies, 0.5).toFixed(2)} ms p99 ${pct(copies, 0.99).toFixed(2)} ms, ${(store.returned / PROBES).toFixed(2)} candidates/lookup, joined the original's cluster ${joined}/${PROBES} (SimHash within ${DEDUP_MAX_HAMMING} bits: ${expected})`,
      );
    }
  } finally {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}

main().catch((err) => {
  console.error(`bench:dedup failed: ${err instanceof Error ? err.message : String(err)} (is Redis running at REDIS_URL?)`);
  process.exit(1);
});
