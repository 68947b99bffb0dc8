// Helpers shared by the benches: where the repo is, which JSON files to read, a deterministic
// PRNG (benches must draw the same inputs every run to be comparable), and percentiles.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (the folder with package.json and libs/), from src/ or dist/. */
export function findRoot(): string {
  for (let d = __dirname; ; d = resolve(d, '..')) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'libs'))) return d;
    if (resolve(d, '..') === d) return process.cwd();
  }
}

/** Every *.json file below `dir` (recursively), sorted; none when `dir` does not exist. */
export function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (f.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

/** Linear congruential PRNG in [0, 1): the same seed gives the same sequence. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** The p-quantile (0..1) of `xs` (not modified). */
export function percentile(xs: ArrayLike<number>, p: number): number {
  const sorted = Array.from(xs).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** `CPU model ×cores · Node version`: printed beside every bench figure (figures differ by machine). */
export function machine(): string {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'unknown CPU'} ×${c.length} · Node ${process.version}`;
}

/** `load 1.23 0.98 0.76` (1, 5, 15 min): a shared machine's figures are only comparable at a similar load. */
export function load(): string {
  return `load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
}
