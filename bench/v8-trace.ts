// One reader of V8's `--trace-opt --trace-deopt-verbose` output for the benches that follow the engine's
// JIT (bench:cli with BENCH_JIT=1, bench:jit): optimising-compile time per function, and each deopt by
// function, reason and the source position it happened at.

export interface DeoptSite {
  fn: string;
  reason: string;
  n: number;
}

export class V8TraceTally {
  /** Optimising compiles by function: total ms (V8's three phases) and count. */
  readonly byFn = new Map<string, { ms: number; n: number }>();
  /** Deopts by "function (reason) at dist/…:line:column". */
  readonly sites = new Map<string, DeoptSite>();
  compiles = 0;
  deopts = 0;
  totalMs = 0;
  // a bailout line names the function; its position comes on a later "deoptimize at" line
  private pending?: { fn: string; reason: string };

  add(line: string): void {
    const c = /^\[completed compiling .*?<JSFunction (\S*) .*took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
    if (c) {
      const ms = Number(c[2]) + Number(c[3]) + Number(c[4]);
      const f = this.byFn.get(c[1]) ?? { ms: 0, n: 0 };
      f.ms += ms;
      f.n++;
      this.byFn.set(c[1], f);
      this.totalMs += ms;
      this.compiles++;
      return;
    }
    const d = /^\[bailout .*deoptimizing \S+ <JSFunction (\S*)/.exec(line);
    if (d) {
      this.deopts++;
      this.pending = { fn: d[1], reason: /reason: ([^)]*)\)/.exec(line)?.[1] ?? '?' };
    }
    const at = /deoptimize at <([^>]*)>/.exec(line);
    if (at && this.pending) {
      const { fn, reason } = this.pending;
      const k = `${fn} (${reason}) at ${at[1].replace(/^.*\/dist\//, 'dist/')}`;
      const s = this.sites.get(k) ?? { fn, reason, n: 0 };
      s.n++;
      this.sites.set(k, s);
      this.pending = undefined;
    }
  }

  /** Compile time of a function (ms), 0 if never optimised. */
  compileMs(fn: string): number {
    return this.byFn.get(fn)?.ms ?? 0;
  }
}
