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
  const byFn = new Map<string, { ms: number; n: number }>();
  const sites = new Map<string, number>();
  let after = false;
  let compiles = 0;
  let deopts = 0;
  let total = 0;
  let cpu: number[] = [];
  let lastDeopt = '';
  for (const line of res.stdout.split('\n')) {
    if (line === MARK) after = true;
    else if (line === END) after = false;
    else if (line.startsWith('cpu ')) cpu = line.slice(4).split(' ').map(Number);
    if (!after) continue;
    const c = /^\[completed compiling .*?<JSFunction (\S*) .*took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
    if (c) {
      const ms = Number(c[2]) + Number(c[3]) + Number(c[4]);
      const f = byFn.get(c[1]) ?? { ms: 0, n: 0 };
      f.ms += ms;
      f.n++;
      byFn.set(c[1], f);
      total += ms;
      compiles++;
      continue;
    }
    const d = /^\[bailout \(kind: [^,]*, reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction (\S*)/.exec(line);
    if (d) {
      deopts++;
      lastDeopt = `${d[2]} (${d[1]})`;
    }
    const at = /deoptimize at <([^>]*)>/.exec(line);
    if (at && lastDeopt) {
      const k = `${lastDeopt} at ${at[1].replace(/^.*\/dist\//, 'dist/')}`;
      sites.set(k, (sites.get(k) ?? 0) + 1);
      lastDeopt = '';
    }
  }
  const rest = cpu.slice(1).reduce((s, x) => s + x, 0) / Math.max(1, cpu.length - 1);
  console.log(`jit-warm  ${root} · load ${l0} → ${load()}`);
  console.log(`  CPU ms/article per 400: ${cpu.map((x) => x.toFixed(2)).join(' ')} · first 400 / rest ${(cpu[0] / rest).toFixed(2)}`);
  console.log(`  after the warm-up: ${compiles} optimising compiles (${(total / 1000).toFixed(2)} s), ${deopts} deopts; by function:`);
  for (const [fn, f] of [...byFn].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
    console.log(`    ${f.ms.toFixed(1).padStart(7)} ms  ${String(f.n).padStart(2)}×  ${fn}`);
  console.log('  deopts:');
  for (const [k, c] of [...sites].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    console.log(`    ${String(c).padStart(3)}×  ${k}`);
}
