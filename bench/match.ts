// npm run bench:match — watch matching throughput on one core: 10,000 watches (actor watches over
// the KB's actor ids, keyword-query watches with AND/OR/NOT/phrases/prefixes, language and source
// filters) against enriched articles. Articles: demo/articles/*.json and, when present,
// ../shared/corpus/**/*.json, enriched ONCE with libs/nlp's Enricher, then recycled (new ids, urls
// and sources) to BENCH_ARTICLES (default 5,000). Prints articles/s, matches/s, p50/p99 per
// article, watch index build time and RSS. Target: >= 5,000 articles/s.
// Env: BENCH_WATCHES (10000), BENCH_ARTICLES (5000), BENCH_ROUNDS (3: the best round is reported).
// Regression check of matcher changes: BENCH_DUMP=<file> writes, per article, the sorted matched
// watch ids with their matched actors and terms (one line per article) and the inputs
// (<file>.input.json: articles + watches), so a change can be checked to give identical results.

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { SCHEMA_VERSION, type EnrichedArticle, type Watch } from '@marsad/contracts';
import { WatchMatcher, tokenize } from '@marsad/alerts';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher } from '@marsad/nlp';
import { findRoot, jsonFiles, lcg, load as loadNow, machine, percentile } from './support';

const root = findRoot();
const shared = resolve(root, '..', 'shared');

// deterministic PRNG
const rnd = lcg(7);
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
const pct = percentile;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

const N_WATCHES = Number(process.env.BENCH_WATCHES ?? 10_000);
const N_ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

// ---------- articles: enrich once, recycle
const raws = [...jsonFiles(join(root, 'demo', 'articles')), ...jsonFiles(join(shared, 'corpus'))]
  .map((f) => {
    try {
      return JSON.parse(readFileSync(f, 'utf8'));
    } catch {
      return undefined;
    }
  })
  .filter((a) => a && typeof a.body === 'string' && a.url);
const kb = loadKnowledgeBase();
const enricher = new Enricher(kb);
const e0 = process.hrtime.bigint();
const base: EnrichedArticle[] = raws.map(
  (r, i) =>
    ({
      ...(enricher.enrich(r) as Omit<EnrichedArticle, 'dedup'>),
      dedup: { fingerprint: `fp${i}`, clusterId: `cl${i}` },
    }) as EnrichedArticle,
);
const enrichMs = Number(process.hrtime.bigint() - e0) / 1e6;
const DOMAINS = [
  'reuters.com',
  'apnews.com',
  'aljazeera.net',
  'bbc.co.uk',
  'alarabiya.net',
  'rt.com',
  'tass.ru',
  'lemonde.fr',
  'dw.com',
  'asharq.com',
  'nytimes.com',
  'theguardian.com',
  'france24.com',
  'skynewsarabia.com',
  'interfax.ru',
  'example.org',
];
const articles: EnrichedArticle[] = [];
for (let i = 0; i < N_ARTICLES; i++) {
  const b = base[i % base.length];
  const domain = pick(DOMAINS);
  articles.push({
    ...b,
    id: `a${i}`,
    url: `https://www.${domain}/news/${i}`,
    source: { name: domain.split('.')[0], domain },
    dedup: { fingerprint: `fp${i}`, clusterId: `cl${i}` },
    schemaVersion: SCHEMA_VERSION,
  });
}

// ---------- watches: a realistic mix
const allActors = kb.actors();
// Analysts watch what is in the news more than the long tail: a quarter of the actor picks come
// from actors that the corpus mentions (the rest from the whole KB).
const newsActors = [...new Set(base.flatMap((a) => a.actors.map((x) => x.id)))];
const vocab = new Map<string, number>();
for (const a of base) for (const t of new Set(tokenize(`${a.title ?? ''} ${a.body}`))) vocab.set(t, (vocab.get(t) ?? 0) + 1);
// Terms an analyst would type: in a few articles (at most 10%), not in most (stop words and
// ubiquitous words excluded by frequency: a watch firing on a quarter of all news is not a watch).
const terms = [...vocab.entries()]
  .filter(([t, n]) => t.length >= 4 && n >= 2 && n <= Math.max(3, base.length * 0.1) && !/^\d+$/.test(t))
  .map(([t]) => t);
const rareTerms = [...vocab.entries()].filter(([t, n]) => t.length >= 5 && n === 1 && !/^\d+$/.test(t)).map(([t]) => t);
const phrases: string[] = [];
for (const a of base) {
  const toks = tokenize(a.body);
  for (let k = 0; k < 6 && toks.length > 3; k++) {
    const s = Math.floor(rnd() * (toks.length - 2));
    if (toks[s].length > 3 && toks[s + 1].length > 3) phrases.push(`"${toks[s]} ${toks[s + 1]}"`);
  }
}
const anyTerm = () => (rnd() < 0.7 ? pick(terms) : pick(rareTerms));
const queryTemplates: Array<() => string> = [
  () => `${anyTerm()} AND ${anyTerm()}`,
  () => `${anyTerm()} OR ${anyTerm()} OR ${anyTerm()}`,
  () => `(${anyTerm()} OR ${anyTerm()}) AND ${anyTerm()} NOT ${anyTerm()}`,
  () => `${pick(phrases)} OR (${anyTerm()} AND ${anyTerm()})`,
  () => `${pick(phrases)} -${anyTerm()}`,
  () => `${anyTerm().slice(0, 5)}* AND ${anyTerm()}`,
  () => `${anyTerm()} ${anyTerm()}`,
  () => `"${pick(terms)} ${pick(terms)}" OR ${pick(rareTerms)}`,
];
const now = new Date().toISOString();
const watches: Watch[] = [];
const kinds = { actor: 0, actorByName: 0, query: 0, actorAndQuery: 0, languages: 0, sources: 0 };
for (let i = 0; i < N_WATCHES; i++) {
  const r = rnd();
  const w: Watch = {
    schemaVersion: SCHEMA_VERSION,
    id: `w${i}`,
    name: `watch ${i}`,
    channels: [{ type: 'webhook', url: 'https://hooks.example.com/x', secret: 's' }],
    enabled: true,
    createdAt: now,
    updatedAt: now,
  };
  const actorPick = () => (rnd() < 0.25 && newsActors.length ? (kb.get(pick(newsActors)) ?? pick(allActors)) : pick(allActors));
  if (r < 0.45) {
    const n = 1 + Math.floor(rnd() * 3);
    const as = Array.from({ length: n }, actorPick);
    w.actorIds = [...new Set(as.map((a) => a.id))];
    w.actors = w.actorIds;
    if (rnd() < 0.2) w.minMentions = 2;
    kinds.actor++;
  } else if (r < 0.52) {
    const a = actorPick();
    w.actors = [a.name];
    w.actorIds = [a.id];
    kinds.actorByName++;
  } else if (r < 0.92) {
    w.query = pick(queryTemplates)();
    kinds.query++;
  } else {
    w.actorIds = [actorPick().id];
    w.actors = w.actorIds;
    w.query = `${anyTerm()} OR ${anyTerm()}`;
    kinds.actorAndQuery++;
  }
  if (rnd() < 0.2) {
    w.languages = [pick(['en', 'ar', 'ru', 'fr'])];
    kinds.languages++;
  }
  if (rnd() < 0.1) {
    w.sources = [pick(DOMAINS)];
    kinds.sources++;
  }
  watches.push(w);
}

// ---------- index build
const rss0 = process.memoryUsage().rss;
const b0 = process.hrtime.bigint();
const matcher = new WatchMatcher(watches);
const buildMs = Number(process.hrtime.bigint() - b0) / 1e6;
const rejected = matcher.rejected.size;

// ---------- matching
if (process.env.BENCH_DUMP) {
  const file = process.env.BENCH_DUMP;
  writeFileSync(`${file}.input.json`, JSON.stringify({ articles, watches }));
  const lines = articles.map((a) => {
    const ms = matcher
      .match(a)
      .map((m) => `${m.watch.id}[${m.actors.map((x) => `${x.id}/${x.name}/${x.mentions}`).join(',')}|${m.terms.join(',')}]`);
    return `${a.id}\t${ms.sort().join(' ')}`;
  });
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`dump         ${file} (${lines.length} articles)`);
}
for (const a of articles.slice(0, 500)) matcher.match(a); // warm-up (JIT)
// Wall time, and CPU time of this process (the machine may be shared: CPU time is what one core
// actually spent, so articles per CPU-second is the figure comparable across runs).
let best: { secs: number; cpuSecs: number; lat: Float64Array; matches: number } | undefined;
for (let round = 0; round < ROUNDS; round++) {
  const lat = new Float64Array(articles.length);
  let matches = 0;
  const s0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (let i = 0; i < articles.length; i++) {
    const t = process.hrtime.bigint();
    matches += matcher.match(articles[i]).length;
    lat[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  const secs = Number(process.hrtime.bigint() - s0) / 1e9;
  const cu = process.cpuUsage(c0);
  const cpuSecs = (cu.user + cu.system) / 1e6;
  if (!best || cpuSecs < best.cpuSecs) best = { secs, cpuSecs, lat, matches };
}
const { secs, cpuSecs, lat, matches } = best!;
const avgKb = articles.reduce((s, a) => s + a.body.length, 0) / articles.length / 1024;
const rps = articles.length / cpuSecs;
const load = (() => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return '?';
  }
})();
console.log(`bench:match  ${machine()} · ${loadNow()}`);
console.log(
  `             ${watches.length} watches (actor ${kinds.actor}, actor-by-name ${kinds.actorByName}, query ${kinds.query}, actor+query ${kinds.actorAndQuery}; with languages ${kinds.languages}, sources ${kinds.sources}; rejected ${rejected})`,
);
console.log(
  `             KB ${kb.size} actors; ${base.length} source articles enriched once in ${enrichMs.toFixed(0)} ms, recycled to ${articles.length} (~${avgKb.toFixed(1)} KB body, ${(base.reduce((s, a) => s + a.actors.length, 0) / base.length).toFixed(1)} actors each)`,
);
console.log(`index build  ${buildMs.toFixed(0)} ms (+${mb(process.memoryUsage().rss - rss0)} RSS)`);
console.log(
  `matching     ${rps.toFixed(0)} articles/s · ${(matches / cpuSecs).toFixed(0)} matches/s per CPU-second (${(matches / articles.length).toFixed(2)} matches per article) · best of ${ROUNDS} rounds, one core · ${machine()} · ${loadNow()}`,
);
console.log(
  `             wall clock ${(articles.length / secs).toFixed(0)} articles/s (load average ${load} on ${cpus().length} cores) · p50 ${pct(lat, 0.5).toFixed(3)} ms · p99 ${pct(lat, 0.99).toFixed(3)} ms per article (wall)`,
);
console.log(
  `memory       RSS ${mb(process.memoryUsage().rss)} · peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} · heap ${mb(process.memoryUsage().heapUsed)}`,
);
console.log(`target       >= 5000 articles/s: ${rps >= 5000 ? 'met' : 'NOT met'} (${machine()} · ${loadNow()})`);
