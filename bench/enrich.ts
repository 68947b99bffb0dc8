// npm run bench:enrich — throughput and latency of the enrichment engine on one core, with the
// full KB, beside the most popular JS entity extractor on npm (compromise) on the same texts.
// Articles (~3 KB) are built by recombining paragraphs of demo/articles/*.json and, when present,
// ../shared/corpus/ (bench/articles.ts). Each line gives wall articles/s, articles per CPU-second of
// the whole process (main thread + V8's JIT/GC helper threads) and per CPU-second of the main
// thread alone; "first pass" includes V8 optimising the engine, "steady state" is a second pass.
// The "--single-threaded" lines re-run the passes in a child with V8's helper threads off: every
// cycle (JS, JIT, GC) on one thread, i.e. literally one core. Actor F1 of both engines on the English dev gold uses the scorer's matching
// (normalised name/mention text vs gold name/aliases).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher } from '@marsad/nlp';
import { benchArticles, findRoot, isAr } from './articles';

const root = findRoot();
const articles = benchArticles();
// BENCH_CHILD=1: only the marsad passes (the parent re-runs this file under --single-threaded)
const child = process.env.BENCH_CHILD === '1';

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** CPU seconds of the main (JS) thread alone, from /proc (Linux); undefined elsewhere. */
function mainThreadCpu(): number | undefined {
  try {
    const st = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

const t0 = process.hrtime.bigint();
const kb = loadKnowledgeBase();
const enricher = new Enricher(kb);
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
for (const a of articles.slice(0, 50)) enricher.enrich(a); // warm-up

/** One timed pass over all articles: wall, process CPU (all threads), main-thread CPU, latencies. */
function pass(label: string): void {
  const lat: number[] = [];
  const cpu0 = process.cpuUsage();
  const m0 = mainThreadCpu();
  const s0 = process.hrtime.bigint();
  for (const a of articles) {
    const t = process.hrtime.bigint();
    enricher.enrich(a);
    lat.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const secs = Number(process.hrtime.bigint() - s0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const m1 = mainThreadCpu();
  // process CPU = main thread + V8's helper threads (concurrent JIT compilation, parallel/concurrent GC)
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const main =
    m0 !== undefined && m1 !== undefined && m1 > m0 ? ` · ${(articles.length / (m1 - m0)).toFixed(0)} per main-thread CPU-second` : '';
  console.log(
    `${label} ${(articles.length / secs).toFixed(0)} articles/s · ${(articles.length / cpuSecs).toFixed(0)} per CPU-second (all threads)${main} · load ${loadavg()[0].toFixed(1)} · p50 ${pct(lat, 0.5).toFixed(2)} ms · p99 ${pct(lat, 0.99).toFixed(2)} ms · peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}

const avgKb = articles.reduce((s, a) => s + a.body.length, 0) / articles.length / 1024;
const tag = child ? 'marsad --single-threaded' : 'marsad';
if (!child)
  console.log(`marsad   ${articles.length} articles (~${avgKb.toFixed(1)} KB), KB ${kb.size} actors loaded in ${loadMs.toFixed(0)} ms`);
// first pass: includes V8 tiering up the engine (optimising compiles run on helper threads and count as CPU)
pass(`${tag} first pass:  `);
// second pass over the same articles: steady state, what a long-running enricher sees
pass(`${tag} steady state:`);
if (child) process.exit(0);
// "one core" literally: the same passes with V8's helper threads off (JIT and GC on the main thread)
const r = spawnSync(process.execPath, ['--single-threaded', __filename], { env: { ...process.env, BENCH_CHILD: '1' }, encoding: 'utf8' });
process.stdout.write(r.stdout ?? '');
if (r.status !== 0) process.stderr.write(r.stderr ?? '');

// ---------- compromise on the English half

const nlp = require('compromise');
const en = articles.filter((a) => !isAr(a.body));
const clat: number[] = [];
const c0 = process.hrtime.bigint();
for (const a of en) {
  const t = process.hrtime.bigint();
  const d = nlp(a.body);
  d.people().out('array');
  d.organizations().out('array');
  d.places().out('array');
  clat.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const csecs = Number(process.hrtime.bigint() - c0) / 1e9;
console.log(
  `compromise ${en.length} English articles · ${(en.length / csecs).toFixed(0)} articles/s · p50 ${pct(clat, 0.5).toFixed(2)} ms · p99 ${pct(clat, 0.99).toFixed(2)} ms`,
);

// ---------- actor F1 on the English gold (same matching rules as the scorer)
const DIA = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const norm = (s: string) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(DIA, '')
    .replace(/[إأآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const variants = (s: string) => {
  const n = norm(s);
  if (!n) return [];
  const o = new Set([n]);
  const t = n.split(' ');
  if (t[0] === 'the' && t.length > 1) o.add(t.slice(1).join(' '));
  return [...o];
};
const keys = (xs: string[]) => new Set(xs.flatMap(variants));
function f1(goldSets: Set<string>[][], predSets: Set<string>[][]): { p: number; r: number; f: number } {
  let tp = 0,
    np = 0,
    ng = 0;
  goldSets.forEach((gold, i) => {
    const pred = predSets[i];
    np += pred.length;
    ng += gold.length;
    const used = new Set<number>();
    for (const g of gold) {
      const j = pred.findIndex((p, k) => !used.has(k) && [...g].some((x) => p.has(x)));
      if (j >= 0) {
        used.add(j);
        tp++;
      }
    }
  });
  const p = np ? tp / np : 0,
    r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
const goldDir = join(root, 'test', 'gold', 'corpus');
if (existsSync(goldDir)) {
  const gs: Set<string>[][] = [],
    ms: Set<string>[][] = [],
    cs: Set<string>[][] = [];
  for (const f of readdirSync(goldDir).filter((x) => x.endsWith('.gold.json'))) {
    const g = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
    if (g.language !== 'en') continue;
    const file = [resolve(goldDir, g.article), resolve(goldDir, '..', g.article)].find((p) => existsSync(p));
    if (!file) continue;
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    gs.push((g.actors ?? []).map((a: { name: string; aliases?: string[] }) => keys([a.name, ...(a.aliases ?? [])])));
    const out = enricher.enrich(raw);
    ms.push(
      out.actors
        .filter((a) => a.type !== 'location' && a.mentions.some((m) => m.field !== 'title'))
        .map((a) => keys([a.name, ...a.mentions.map((m) => m.text)])),
    );
    const d = nlp(raw.body);
    const ents: string[] = [...d.people().out('array'), ...d.organizations().out('array')];
    const uniq = [...new Map(ents.map((e) => [norm(e), e])).values()];
    cs.push(uniq.map((e) => keys([e])));
  }
  const m = f1(gs, ms),
    c = f1(gs, cs);
  console.log(
    `actor F1 on English dev gold (${gs.length} articles): marsad ${m.f.toFixed(2)} (P ${m.p.toFixed(2)} R ${m.r.toFixed(2)}) · compromise ${c.f.toFixed(2)} (P ${c.p.toFixed(2)} R ${c.r.toFixed(2)})`,
  );
}
