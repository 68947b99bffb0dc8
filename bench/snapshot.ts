// node dist/bench/snapshot.js OUT.jsonl — the engine's exact output over every article at hand, one
// JSON line each, to prove that a speed change changes no output (compare two snapshots with cmp).
// Inputs: demo/articles, ../shared/corpus/**, ../shared/samples/articles, the bench's 2,000
// recombined articles, and deterministic adversarial articles (random Unicode, bidi marks, HTML,
// mixed scripts, lone surrogates). `now` is fixed, so nothing in a line depends on time.

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher } from '@marsad/nlp';
import { benchArticles, findRoot, readJsonDir } from './articles';
import { lcg } from './support';

const root = findRoot();
const shared = resolve(root, '..', 'shared');
const inputs: Array<{ url?: string; source?: { name: string }; title?: string; body: string; language?: string }> = [
  ...readJsonDir(join(root, 'demo', 'articles')),
  ...readJsonDir(join(shared, 'corpus', 'ar')),
  ...readJsonDir(join(shared, 'corpus', 'en')),
  ...readJsonDir(join(shared, 'samples', 'articles')),
  ...benchArticles(2000),
];

// adversarial: paragraphs of real text cut, glued and salted with odd code units
const rnd = lcg(7);
const ODD = [
  '\u200F',
  '\u200E',
  '\u202B',
  '\u202C',
  '\u2066',
  '\u2069',
  '\u061C',
  '\u0640',
  '\u064E',
  '\u0651',
  '\uD83D\uDE00',
  '\uD800',
  '\uDC00',
  '<p>',
  '</a>',
  '&amp;',
  '"',
  '\u201C',
  '\u201D',
  '«',
  '»',
  '\n',
  '\r\n',
  '\t',
  ' - ',
  '...',
  '…',
  '؟',
  '،',
  'U.S.',
  'Mr. ',
  'ﻻ',
  'ﬁ',
  'é',
  'İ',
  'ß',
  'Ä',
  'ی',
  'ک',
  '٣',
  '۴',
  'Россия',
  '中国',
  'ـــ',
  'AFP',
  '(CNN) --',
  'للولايات',
  'وبالكرملين',
];
const pool = inputs.slice(0, 100).map((a) => String(a.body ?? ''));
for (let i = 0; i < 400; i++) {
  let body = '';
  const parts = 1 + Math.floor(rnd() * 8);
  for (let p = 0; p < parts; p++) {
    const src = pool[Math.floor(rnd() * pool.length)];
    const a = Math.floor(rnd() * src.length),
      len = Math.floor(rnd() * 600);
    body += src.slice(a, a + len);
    for (let k = Math.floor(rnd() * 6); k > 0; k--) body += ODD[Math.floor(rnd() * ODD.length)];
    if (rnd() < 0.3) body += String.fromCharCode(Math.floor(rnd() * 0xffff));
  }
  const title =
    rnd() < 0.8
      ? pool[Math.floor(rnd() * pool.length)].slice(0, Math.floor(rnd() * 120)) + (rnd() < 0.3 ? ODD[Math.floor(rnd() * ODD.length)] : '')
      : undefined;
  inputs.push({
    url: `https://fuzz.example/${i}`,
    source: { name: 'fuzz' },
    title,
    body,
    language: rnd() < 0.5 ? undefined : rnd() < 0.5 ? 'ar' : 'en',
  });
}

const enricher = new Enricher(loadKnowledgeBase());
const now = new Date('2026-01-01T00:00:00Z');
const lines: string[] = [];
inputs.forEach((a, i) => {
  const raw = { url: a.url ?? `https://snapshot.example/${i}`, source: a.source ?? { name: 'snapshot' }, ...a };
  lines.push(JSON.stringify(enricher.enrich(raw as Parameters<Enricher['enrich']>[0], { now })));
});
const out = process.argv[2] ?? 'snapshot.jsonl';
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} articles → ${out}`);
