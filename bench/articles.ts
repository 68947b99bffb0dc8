// The bench's article set, shared by bench/enrich.ts and bench/snapshot.ts so the output snapshot
// covers exactly the articles that are timed: ~3 KB articles recombined from paragraphs of
// demo/articles/*.json and, when present, ../shared/corpus/ (deterministic PRNG, seed 42).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findRoot, lcg } from './support';

export type BenchArticle = { url: string; source: { name: string }; title: string; body: string };

export { findRoot };

export function readJsonDir(dir: string): Array<{ title?: string; body: string; language?: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

export const isAr = (s: string) => /[\u0600-\u06ff]/.test(s);

export function benchArticles(n = Number(process.env.BENCH_N ?? 2000)): BenchArticle[] {
  const root = findRoot();
  const shared = resolve(root, '..', 'shared');
  const sources = [
    ...readJsonDir(join(root, 'demo', 'articles')),
    ...readJsonDir(join(shared, 'corpus', 'ar')),
    ...readJsonDir(join(shared, 'corpus', 'en')),
  ];
  const paras = { ar: [] as string[], en: [] as string[] };
  for (const a of sources)
    for (const p of String(a.body ?? '').split(/\n+/)) if (p.trim().length > 40) (isAr(p) ? paras.ar : paras.en).push(p.trim());
  const rnd = lcg(42);
  const articles: BenchArticle[] = [];
  for (let i = 0; i < n; i++) {
    const pool = i % 2 ? paras.en : paras.ar;
    if (!pool.length) continue;
    let body = '';
    while (body.length < 3000) body += pool[Math.floor(rnd() * pool.length)] + '\n\n';
    articles.push({
      url: `https://bench.example/${i}`,
      source: { name: 'bench' },
      title: pool[Math.floor(rnd() * pool.length)].slice(0, 80),
      body,
    });
  }
  return articles;
}
