// node dist/bench/jit-warm.js [ROOT] — V8's optimising compiles and deopts AFTER the engine's warm-up in a fresh
// process (the CLI's in-process path: KB, warmUpEnricher, a marker, then the bench articles through enrichItem),
// per function, with where each deopt happened, and the CPU per 400 articles (first 400 against the rest).
// ROOT: another checkout whose dist/ holds the engine to measure (same articles), to compare builds run by run.
// One child under `--single-threaded --trace-opt --trace-deopt-verbose`: every compile on the main thread (ADR 0022).

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { benchArticles, findRoot } from './articles';
import { V8TraceTally } from './v8-trace';

const MARK = '=====jit-warm: warmed=====';
const END = '=====jit-warm: end=====';
const n = Number(process.env.BENCH_N ?? 4000);

if (process.env.JIT_WARM_CHILD) child(process.env.JIT_WARM_CHILD);
else parent(resolve(process.argv[2] ?? findRoot()));

function child(root: string): void {
  const req = createRequire(join(root, 'dist', 'bench', 'jit-warm.js'));
  const { loadKnowledgeBase } = req(join(root, 'dist/libs/kb/src/index.js')) as typeof import('@marsad/kb');
  const { Enricher, warmUpEnricher } = req(join(root, 'dist/libs/nlp/src/index.js')) as typeof import('@marsad/nlp');
  const { enrichItem } = req(join(root, 'dist/tools/cli/enrich-item.js')) as typeof import('../tools/cli/enrich-item');
  const lines = benchArticles(n).map((a) => JSON.stringify(a));
  const kb = loadKnowledgeBase();
  const enricher = new Enricher(kb);
  warmUpEnricher(enricher, kb.actors());
  console.log(MARK);
  const per: number[] = [];
  let c = process.cpuUsage();
  for (let i = 0; i < lines.length; i++) {
    enrichItem(enricher, { text: lines[i] }, i);
    if ((i + 1) % 400 === 0) {
      const u = process.cpuUsage(c);
      per.push((u.user + u.system) / 1000 / 400);
      c = process.cpuUsage();
    }
  }
  console.log(END);
  console.log(`cpu ${per.join(' ')}`);
}

function parent(root: string): void {
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const l0 = load();
  const res = spawnSync(process.execPath, ['--single-threaded', '--trace-opt', '--trace-deopt-verbose', __filename], {
    env: { ...process.env, JIT_WARM_CHILD: root },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (res.status !== 0) throw new Error(`jit-warm child exited with ${res.status}: ${res.stderr}`);
  const jit = new V8TraceTally();
  let after = false;
  let cpu: number[] = [];
  for (const line of res.stdout.split('\n')) {
    if (line === MARK) after = true;
    else if (line === END) after = false;
    else if (line.startsWith('cpu ')) cpu = line.slice(4).split(' ').map(Number);
    if (after) jit.add(line);
  }
  const rest = cpu.slice(1).reduce((s, x) => s + x, 0) / Math.max(1, cpu.length - 1);
  console.log(`jit-warm  ${root} · load ${l0} → ${load()}`);
  console.log(
    `  CPU ms/article per 400: ${cpu.map((x) => x.toFixed(2)).join(' ')} · first 400 / rest ${cpu.length > 1 ? (cpu[0] / rest).toFixed(2) : '— (one block of 400 only)'}`,
  );
  console.log(
    `  after the warm-up: ${jit.compiles} optimising compiles (${(jit.totalMs / 1000).toFixed(2)} s), ${jit.deopts} deopts; by function:`,
  );
  for (const [fn, f] of [...jit.byFn].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
    console.log(`    ${f.ms.toFixed(1).padStart(7)} ms  ${String(f.n).padStart(2)}×  ${fn}`);
  console.log('  deopts:');
  for (const [k, d] of [...jit.sites].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])))
    console.log(`    ${String(d.n).padStart(3)}×  ${k}`);
}
