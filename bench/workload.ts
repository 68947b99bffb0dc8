// The bench:pipeline workload, shared with bench:alerter: ~3 KB ar/en articles with ~20%
// near-duplicate wire copies, and the watches (the demo watch plus BENCH_WATCHES generated actor and
// keyword watches, each with one webhook channel).

import { join, resolve } from 'node:path';
import { SCHEMA_VERSION, articleIdFromUrl, type RawArticle, type Watch } from '@marsad/contracts';
import { loadKnowledgeBase } from '@marsad/kb';
import { isAr, readJsonDir } from './articles';
import { findRoot, lcg } from './support';

const root = findRoot();
export const WATCHES = Number(process.env.BENCH_WATCHES ?? 1000);

// ---------- articles: ~3 KB, alternating ar/en, recombined paragraphs; ~20% near-duplicate copies
export type Pools = { ar: string[]; en: string[] };
export function loadPools(): Pools {
  const shared = resolve(root, '..', 'shared');
  const sources = [
    ...readJsonDir(join(root, 'demo', 'articles')),
    ...readJsonDir(join(shared, 'corpus', 'ar')),
    ...readJsonDir(join(shared, 'corpus', 'en')),
  ];
  const pools: Pools = { ar: [], en: [] };
  for (const a of sources)
    for (const p of String(a.body ?? '').split(/\n+/)) if (p.trim().length > 40) (isAr(p) ? pools.ar : pools.en).push(p.trim());
  if (!pools.ar.length || !pools.en.length) throw new Error('bench:pipeline needs Arabic and English paragraphs in demo/articles');
  return pools;
}

const WIRE = ['(Reuters) —', '(AP) —', '(AFP) —', '(وكالات) —', '(رويترز) —'];
export function* articleStream(pools: Pools, seed: number, tag: string, n: number): Generator<RawArticle> {
  const rnd = lcg(seed);
  const recent: RawArticle[] = [];
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    let a: RawArticle;
    if (recent.length > 20 && rnd() < 0.2) {
      // a wire copy of a recent story: retitled, a credit line, ~4% of the words replaced
      const o = recent[Math.floor(rnd() * recent.length)];
      const words = o.body.split(' ');
      for (let k = 0; k < words.length * 0.04; k++) words[Math.floor(rnd() * words.length)] = words[Math.floor(rnd() * words.length)];
      a = {
        ...o,
        url: `https://wire${i % 7}.bench.example/${tag}/${i}`,
        source: { name: `Wire ${i % 7}`, domain: `wire${i % 7}.bench.example` },
        title: `${o.title} — ${WIRE[i % WIRE.length]}`,
        body: `${WIRE[i % WIRE.length]} ${words.join(' ')}`,
      };
    } else {
      const pool = i % 2 ? pools.en : pools.ar;
      let body = '';
      while (body.length < 3000) body += pool[Math.floor(rnd() * pool.length)] + '\n\n';
      a = {
        url: `https://news${i % 13}.bench.example/${tag}/${i}`,
        source: { name: `News ${i % 13}`, domain: `news${i % 13}.bench.example` },
        title: pool[Math.floor(rnd() * pool.length)].slice(0, 90),
        body,
        language: i % 2 ? 'en' : 'ar',
        publishedAt: new Date(now - (n - i) * 1000).toISOString(),
      };
      recent.push(a);
      if (recent.length > 500) recent.shift();
    }
    a.id = articleIdFromUrl(a.url);
    yield a;
  }
}

// ---------- watches: the demo watch plus generated actor and keyword watches, webhooks to `url`
export function watches(url: string, pools: Pools): Watch[] {
  const kb = loadKnowledgeBase();
  const actors = kb.actors();
  const rnd = lcg(5);
  const vocab = [...new Set(pools.en.join(' ').split(/[^A-Za-z]+/))].filter((w) => w.length > 6);
  const now = new Date().toISOString();
  const base = (id: string, name: string): Watch => ({
    schemaVersion: SCHEMA_VERSION,
    id,
    name,
    channels: [{ type: 'webhook', url, secret: 'bench-secret-0123456789' }],
    enabled: true,
    createdAt: now,
    updatedAt: now,
  });
  const out: Watch[] = [{ ...base('demo-kaspersky', 'Demo: Kaspersky'), actors: ['Kaspersky'] }];
  for (let i = 0; i < WATCHES; i++) {
    const w = base(`bench-w${i}`, `bench watch ${i}`);
    if (i % 2) w.actorIds = [actors[Math.floor(rnd() * actors.length)].id];
    else w.query = `${vocab[Math.floor(rnd() * vocab.length)]} AND ${vocab[Math.floor(rnd() * vocab.length)]}`;
    out.push(w);
  }
  return out;
}
