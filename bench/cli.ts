// npm run bench:cli — `marsad enrich --jsonl` in a FRESH process each run (issue 10 item 4): the 4,000
// bench articles (~3 KB, bench/articles.ts, BENCH_N to change) are written once as JSON lines to a
// temporary file, then `node dist/tools/cli/enrich.js --jsonl` runs on it with MARSAD_ENRICH_TIMING=1
// for each mode of BENCH_CLI_MODES (default "1,auto": `--threads=1`, in process, then `--threads=auto`,
// one worker thread per core; "default" passes no option, for builds that have none),
// BENCH_RUNS times in turn (default 2), output to /dev/null. BENCH_CLI=path/to/enrich.js runs another build. Each line: the CLI's own timing (articles/s
// wall and per CPU-second of all its threads, beyond start-up, and on Linux that CPU by thread), the whole run's wall time from spawn to
// exit, CPU model, Node version and load average.
// BENCH_JIT=1: one more in-process run under `--single-threaded --trace-opt --trace-deopt` (every V8
// compile on the main thread, so its time is this process's CPU), summarised: optimising-compile
// time in all and per function, and where optimised code was thrown away (ADR 0022).

import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchArticles, findRoot } from './articles';
import { V8TraceTally } from './v8-trace';

const n = Number(process.env.BENCH_N ?? 4000);
const modes = (process.env.BENCH_CLI_MODES ?? '1,auto').split(',').map((m) => m.trim());
const runs = Number(process.env.BENCH_RUNS ?? 2);
// BENCH_CLI: another build's enrich.js (to compare builds run by run)
const cli = process.env.BENCH_CLI ?? join(findRoot(), 'dist', 'tools', 'cli', 'enrich.js');

const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-cli-'));
const file = join(dir, 'articles.jsonl');
const articles = benchArticles(n);
writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
const avgKb = articles.reduce((s, a) => s + a.body.length, 0) / articles.length / 1024;
const machine = `${cpus()[0]?.model.trim() ?? '?'} ×${cpus().length} · Node ${process.version}`;
console.log(`bench:cli  ${articles.length} articles (~${avgKb.toFixed(1)} KB body) → node ${cli} --jsonl · ${machine}`);

try {
  for (let r = 0; r < runs; r++)
    for (const mode of modes) {
      const load = loadavg()
        .map((x) => x.toFixed(2))
        .join(' ');
      const input = openSync(file, 'r');
      const t0 = process.hrtime.bigint();
      const res = spawnSync(process.execPath, [cli, '--jsonl', ...(mode === 'default' ? [] : [`--threads=${mode}`])], {
        stdio: [input, 'ignore', 'pipe'],
        env: { ...process.env, MARSAD_ENRICH_TIMING: '1' },
        encoding: 'utf8',
      });
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      closeSync(input);
      const timing = (res.stderr ?? '').trim().split('\n').pop() ?? '';
      if (res.status !== 0) throw new Error(`enrich exited with ${res.status}: ${res.stderr}`);
      console.log(
        `threads=${mode.padEnd(4)} ${timing.replace(/^enrich: /, '')} · whole run ${wall.toFixed(1)} s = ${(articles.length / wall).toFixed(0)} articles/s · load ${load}`,
      );
    }
  if (process.env.BENCH_JIT === '1') jitSummary();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Compiles and deopts of one fresh in-process run, from V8's traces on stdout (article lines start with "{"). */
function jitSummary(): void {
  const input = openSync(file, 'r');
  const res = spawnSync(process.execPath, ['--single-threaded', '--trace-opt', '--trace-deopt-verbose', cli, '--jsonl', '--threads=1'], {
    stdio: [input, 'pipe', 'pipe'],
    env: { ...process.env, MARSAD_ENRICH_TIMING: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  closeSync(input);
  const jit = new V8TraceTally();
  for (const line of (res.stdout ?? '').split('\n')) if (!line.startsWith('{')) jit.add(line);
  const timing = (res.stderr ?? '').trim().split('\n').pop() ?? '';
  console.log(`jit  --single-threaded, in process: ${timing.replace(/^enrich: /, '')}`);
  console.log(`jit  optimising compiles ${(jit.totalMs / 1000).toFixed(2)} s in all (start-up and warm-up included); by function:`);
  for (const [fn, f] of [...jit.byFn].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
    console.log(`       ${(f.ms / 1000).toFixed(2).padStart(6)} s  ${String(f.n).padStart(2)}×  ${fn}`);
  // the sites that cost recompiles first: by the compile time of their function
  console.log(`jit  optimised code thrown away (deopts), functions by compile time:`);
  for (const [k, d] of [...jit.sites].sort((a, b) => jit.compileMs(b[1].fn) - jit.compileMs(a[1].fn) || b[1].n - a[1].n).slice(0, 16))
    console.log(`       ${String(d.n).padStart(3)}×  ${k}`);
}
