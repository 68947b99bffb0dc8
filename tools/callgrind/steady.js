// node tools/callgrind/steady.js DIST [N] [PASSES] — the engine (KB + Enricher from a build) over N bench articles: PASSES warm-up
// passes, then, under callgrind (CG=1), instrumentation on for one more pass only. Run by tools/callgrind/engine.sh (ADR 0022).
const path = require('path');
const { execSync } = require('child_process');
const dist = path.resolve(process.argv[2]);
const n = Number(process.argv[3] || 300);
const passes = Number(process.argv[4] || 3);
const { loadKnowledgeBase } = require(path.join(dist, 'libs/kb/src/index.js'));
const { Enricher } = require(path.join(dist, 'libs/nlp/src/index.js'));
const { benchArticles } = require(path.join(dist, 'bench/articles.js'));
const arts = benchArticles().slice(0, n);
const e = new Enricher(loadKnowledgeBase());
const now = new Date('2026-01-01T00:00:00Z');
for (let p = 0; p < passes; p++) for (const a of arts) e.enrich(a, { now });
if (process.env.CG) execSync(`callgrind_control --instr=on ${process.pid}`);
let s = 0;
for (const a of arts) s += e.enrich(a, { now }).actors.length;
if (process.env.CG) execSync(`callgrind_control --instr=off ${process.pid}`);
console.log('done', s);
