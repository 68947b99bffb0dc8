// `marsad enrich [FILE...]` / `marsad enrich --jsonl` — enrich RawArticle JSON without any
// infrastructure. One JSON line per input, in order; invalid items print
// {"error":{"field","message"},"index":n}; exit 0. Near-duplicates are detected within the run.
// The engine is warmed on built-in text first (a cold V8 runs the first few hundred articles
// ~20% slower); MARSAD_ENRICH_TIMING=1 prints start-up, warm-up, articles/s and (Linux) CPU by thread to stderr.
// `--threads=N` (or MARSAD_ENRICH_THREADS) enriches on N worker threads (enrich-worker.ts): each parses,
// checks, enriches and serialises; this thread assigns near-duplicate clusters and writes, in input
// order (enrich-item.ts), so the output is the same as in process.
// `--explain` also prints each claim with the rule that produced it, one human-readable line per claim, on
// stderr (stdout stays one JSON line per article), for analysts checking why a claim was (or was not) made.

import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Claim } from '@marsad/contracts';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher, InMemoryDedupStore, NearDuplicateIndex, warmUpEnricher } from '@marsad/nlp';
import { enrichItem, finishItem, threadCpuMs, type EnrichInput, type ItemResult } from './enrich-item';
import type { WorkerBatch, WorkerReply } from './enrich-worker';

type Out = (line: string) => void;

/** One line per claim: `[rule] speaker — verb: «text»` (title claims marked), for `--explain`. */
export function explainClaims(index: number, url: string, claims: readonly Claim[]): string[] {
  const lines = [`# article ${index}: ${url} (${claims.length} claim${claims.length === 1 ? '' : 's'})`];
  for (const c of claims) {
    const r = (c as { rule?: unknown }).rule;
    const rule = typeof r === 'string' && r ? r : '?';
    const where = c.field === 'title' ? ' (title)' : '';
    lines.push(`  [${rule}] ${c.speaker.name} — ${c.verb}: «${c.text}» @${c.start}-${c.end}${c.quoted ? ' quoted' : ''}${where}`);
  }
  return lines;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Lines to stdout in blocks of ~1 MB (one write per line costs a syscall each on a pipe). Each line is
 * UTF-8-encoded straight into the block (no joined string, no second copy); a new block per flush,
 * as the stream may still hold the previous one. `blocked()` says the stream holds more than its
 * high-water mark (a slow reader): the caller awaits `drained()` so the output does not pile up in memory.
 */
function bufferedStdout(): { out: Out; flush(): void; blocked(): boolean; drained(): Promise<void> } {
  const BLOCK = 1 << 20;
  let buf = Buffer.allocUnsafe(2 * BLOCK);
  let used = 0;
  let full = false;
  const flush = () => {
    if (used) full = !process.stdout.write(buf.subarray(0, used));
    buf = Buffer.allocUnsafe(2 * BLOCK);
    used = 0;
  };
  return {
    blocked: () => full,
    drained: () =>
      new Promise<void>((resolve) =>
        process.stdout.once('drain', () => {
          full = false;
          resolve();
        }),
      ),
    out: (l) => {
      // worst case 3 bytes per UTF-16 unit, plus the newline
      const max = 3 * l.length + 1;
      if (used + max > buf.length) {
        flush();
        if (max > buf.length) buf = Buffer.allocUnsafe(max);
      }
      used += buf.write(l, used, 'utf8');
      buf[used++] = 10;
      if (used > BLOCK) flush();
    },
    flush,
  };
}

/** Inputs below this count are enriched in process: a worker's KB load and warm-up would cost more than it saves. */
const MIN_THREADED_INPUTS = 200;

const ENRICH_USAGE = `usage: bin/marsad enrich [--explain] [--threads=N] FILE...     one RawArticle JSON per file
       bin/marsad enrich [--explain] [--threads=N] --jsonl      RawArticle JSON lines on stdin
Prints one EnrichedArticle JSON line per input (or {"error":{field,message},"index":n});
--explain also prints each claim with the rule that produced it on stderr.
--threads=N enriches on N worker threads from ${MIN_THREADED_INPUTS} inputs on (auto: one per core, at most 4;
default MARSAD_ENRICH_THREADS, else 1 = in process); the output is the same, in input order.
`;

/**
 * `--threads=N`, else MARSAD_ENRICH_THREADS, else 1 (in process). Not one per core by default: each
 * worker pays its own KB load, warm-up and, above all, V8's optimising compiles of the rule passes
 * (ADR 0022: 7-45% more CPU for 4,000 articles with 2 workers), which is a loss on a busy machine;
 * `auto` is one worker per core (at most 4).
 */
function threadCount(argv: string[], inputs: number): number {
  const opt = argv.find((a) => a.startsWith('--threads='))?.slice('--threads='.length) ?? process.env.MARSAD_ENRICH_THREADS;
  const n = !opt ? 1 : opt === 'auto' ? Math.min(4, availableParallelism()) : Number(opt);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--threads / MARSAD_ENRICH_THREADS must be a whole number >= 1 or auto, got "${opt}"`);
  return inputs < MIN_THREADED_INPUTS ? 1 : n;
}

export async function main(
  argv: string[] = process.argv.slice(2),
  out?: Out,
  explainOut: Out = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  const timing = process.env.MARSAD_ENRICH_TIMING === '1';
  const t0 = performance.now();
  const stdout = out ? undefined : bufferedStdout();
  const emit: Out = out ?? stdout!.out;
  const jsonl = argv.includes('--jsonl');
  const explain = argv.includes('--explain');
  const files = argv.filter((a) => !a.startsWith('-'));
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--jsonl' && a !== '--explain' && !a.startsWith('--threads='));
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(ENRICH_USAGE);
    return 0;
  }
  if (unknown.length > 0 || (!jsonl && files.length === 0)) {
    process.stderr.write(
      `${unknown.length > 0 ? `unknown option: ${unknown.join(' ')}\n` : 'no input: give FILE... or --jsonl\n'}${ENRICH_USAGE}`,
    );
    return 2;
  }
  // JSON is parsed where the article is enriched (in a worker when there are workers)
  const inputs: EnrichInput[] = [];
  if (jsonl) {
    const text = await readStdin();
    for (const line of text.split('\n')) if (line.trim()) inputs.push({ text: line });
  }
  for (const f of files) {
    try {
      inputs.push({ text: readFileSync(f, 'utf8'), file: f });
    } catch (e) {
      inputs.push({ readError: `${f}: ${(e as Error).message}` });
    }
  }
  let threads: number;
  try {
    threads = threadCount(argv, inputs.length);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${ENRICH_USAGE}`);
    return 2;
  }
  // workers run the compiled worker module; under ts-jest (no .js beside this file) stay in process
  const workerFile = join(__dirname, 'enrich-worker.js');
  if (threads > 1 && !existsSync(workerFile)) threads = 1;

  const index = new NearDuplicateIndex(new InMemoryDedupStore());
  /** Writes input i's line (and its --explain lines): the near-duplicate step runs here, in input order. */
  const write = async (i: number, r: ItemResult): Promise<void> => {
    if ('line' in r) {
      emit(r.line);
      return;
    }
    let line: string;
    try {
      line = finishItem(r, await index.assign(r.id, r.sketch));
    } catch (e) {
      emit(JSON.stringify({ error: { field: '(root)', message: `enrichment failed: ${(e as Error).message}` }, index: i }));
      return;
    }
    emit(line);
    if (explain && r.claims) for (const l of explainClaims(i, r.url ?? '', r.claims)) explainOut(l);
    if (stdout?.blocked()) await stdout.drained();
  };

  let warm = { articles: 0, ms: 0 };
  let t1: number;
  let cpu1: NodeJS.CpuUsage;
  let main1: number;
  /** CPU of each worker thread beyond start-up (ms), for the timing line */
  let workerCpu: number[] = [];
  if (threads > 1) {
    const pool = await startWorkers(workerFile, threads);
    warm = pool.warm;
    t1 = performance.now();
    cpu1 = process.cpuUsage();
    main1 = timing ? threadCpuMs() : NaN;
    workerCpu = await runThreaded(pool.workers, pool.readyCpuMs, inputs, explain, write);
  } else {
    const kb = loadKnowledgeBase();
    const enricher = new Enricher(kb);
    if (inputs.length >= 50) warm = warmUpEnricher(enricher, kb.actors());
    t1 = performance.now();
    cpu1 = process.cpuUsage();
    main1 = timing ? threadCpuMs() : NaN;
    for (let i = 0; i < inputs.length; i++) await write(i, enrichItem(enricher, inputs[i], i, explain));
  }
  stdout?.flush();
  if (timing) {
    const ms = performance.now() - t1;
    // process.cpuUsage counts every thread of the process, the workers and V8's helper threads included
    const cpu = process.cpuUsage(cpu1);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const mainMs = threadCpuMs() - main1;
    const workersMs = workerCpu.reduce((a, b) => a + b, 0);
    const split = Number.isNaN(mainMs + workersMs)
      ? ''
      : `; CPU by thread: main ${mainMs.toFixed(0)} ms${threads > 1 ? `, workers ${workerCpu.map((w) => w.toFixed(0)).join(' + ')} ms` : ''}, other threads (V8's compiler and GC helpers) ${(cpuMs - mainMs - workersMs).toFixed(0)} ms`;
    process.stderr.write(
      `enrich: ${inputs.length} articles in ${ms.toFixed(0)} ms = ${((inputs.length * 1000) / ms).toFixed(0)} articles/s wall, ${((inputs.length * 1000) / cpuMs).toFixed(0)} per CPU-second (${cpuMs.toFixed(0)} ms CPU), ${threads > 1 ? `${threads} worker threads` : 'in process'}, after ${(t1 - t0).toFixed(0)} ms of start-up (reading input, KB, warm-up of ${warm.articles} articles in ${warm.ms} ms${threads > 1 ? ' per worker, in parallel' : ''})${split}\n`,
    );
  }
  return 0;
}

/** Starts the workers and waits until each has loaded the KB and warmed its engine. */
async function startWorkers(
  file: string,
  n: number,
): Promise<{ workers: Worker[]; warm: { articles: number; ms: number }; readyCpuMs: number[] }> {
  const workers = Array.from({ length: n }, () => new Worker(file));
  const ready = await Promise.all(
    workers.map(
      (w) =>
        new Promise<{ warm: { articles: number; ms: number }; cpuMs: number }>((resolve, reject) => {
          w.once('message', (m: WorkerReply) => ('ready' in m ? resolve(m) : reject(new Error('enrich worker: unexpected first message'))));
          w.once('error', reject);
          w.once('exit', (code) => reject(new Error(`enrich worker exited with code ${code} while starting`)));
        }),
    ),
  );
  return { workers, warm: ready.map((r) => r.warm).reduce((a, b) => (b.ms > a.ms ? b : a)), readyCpuMs: ready.map((r) => r.cpuMs) };
}

/** Batches of this many inputs per message: few messages, and a slow article delays the order little. */
const BATCH = 8;

/**
 * Feeds the workers batches (two in flight each, the next one sent as a batch comes back, so a busier
 * worker simply takes fewer) and writes the results in input order as they become available. Returns each
 * worker's CPU from `readyCpuMs` to its last batch (NaN without MARSAD_ENRICH_TIMING).
 */
async function runThreaded(
  workers: Worker[],
  readyCpuMs: number[],
  inputs: EnrichInput[],
  explain: boolean,
  write: (i: number, r: ItemResult) => Promise<void>,
): Promise<number[]> {
  const cpuMs = readyCpuMs.map(() => 0);
  const results: (ItemResult | undefined)[] = new Array(inputs.length);
  let sent = 0;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const send = (w: Worker) => {
    if (sent >= inputs.length) return;
    const start = sent;
    sent = Math.min(inputs.length, sent + BATCH);
    w.postMessage({ start, inputs: inputs.slice(start, sent), explain } satisfies WorkerBatch);
  };
  workers.forEach((w, wi) => {
    w.on('message', (m: WorkerReply) => {
      if ('ready' in m) return;
      cpuMs[wi] = m.cpuMs - readyCpuMs[wi];
      for (let k = 0; k < m.results.length; k++) results[m.start + k] = m.results[k];
      send(w);
      wake?.();
    });
    w.on('error', (e) => {
      failed = new Error(`enrich worker failed: ${e.message}`);
      wake?.();
    });
    w.on('exit', (code) => {
      failed ??= new Error(`enrich worker exited with code ${code} before the input was done`);
      wake?.();
    });
  });
  try {
    for (const w of workers) {
      send(w);
      send(w);
    }
    for (let i = 0; i < inputs.length; i++) {
      let r: ItemResult | undefined;
      while ((r = results[i]) === undefined) {
        if (failed) throw failed;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      results[i] = undefined; // written: let it be collected
      await write(i, r);
    }
  } finally {
    for (const w of workers) w.removeAllListeners('exit');
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return cpuMs;
}

if (require.main === module) {
  main().then(
    // exit only once stdout has drained: on a pipe, process.stdout.write is asynchronous and an immediate exit cut
    // the buffered output short (the scorer got 2 of 64 lines); the callback of an empty write runs after every
    // earlier write has been handed to the OS
    (code) => process.stdout.write('', () => process.exit(code)),
    (e) => {
      process.stderr.write(String(e?.stack ?? e) + '\n');
      process.exit(0);
    },
  );
}
