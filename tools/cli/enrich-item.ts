// One input of `marsad enrich`, from its JSON text to its output line, split at the one step that must
// run in input order: the near-duplicate assignment. `enrichItem` (parse, schema check, engine,
// serialisation) runs on any thread; `finishItem` splices the cluster into the serialised article
// on the thread that owns the NearDuplicateIndex. The in-process path and the worker threads call
// the same two functions, so their output is the same bytes.

import { readFileSync } from 'node:fs';
import { firstFieldError, RawArticleSchema, type Claim } from '@marsad/contracts';
import type { DedupResult, DedupSketch, Enricher } from '@marsad/nlp';

/** What the reader hands on: the JSON text of one input, or why it could not be read. */
export type EnrichInput = { text: string; file?: string } | { readError: string };

/** An input's result before the near-duplicate step. */
export type ItemResult =
  /** a finished line: an error object */
  | { line: string }
  /**
   * An enriched article serialised around its `dedup` value: the line is `head` + the dedup JSON +
   * `tail` (exactly `JSON.stringify({ ...draft, dedup: { fingerprint, ...result } })`).
   */
  | { id: string; sketch: DedupSketch; head: string; tail: string; claims?: readonly Claim[]; url?: string };

const errorLine = (error: { field: string; message: string }, index: number) => JSON.stringify({ error, index });

/**
 * Everything but the near-duplicate step. `keepClaims`: also return the claims and URL (for
 * `--explain`, printed by the owner of the output so the side channel keeps input order).
 */
export function enrichItem(enricher: Enricher, input: EnrichInput, index: number, keepClaims = false): ItemResult {
  if ('readError' in input) return { line: errorLine({ field: '(root)', message: `invalid JSON: ${input.readError}` }, index) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.text);
  } catch (e) {
    const msg = (e as Error).message;
    return { line: errorLine({ field: '(root)', message: `invalid JSON: ${input.file ? `${input.file}: ${msg}` : msg}` }, index) };
  }
  const r = RawArticleSchema.safeParse(parsed);
  if (!r.success) return { line: errorLine(firstFieldError(r.error), index) };
  try {
    const draft = enricher.enrich(r.data);
    // the draft itself, not a `{ ...draft, dedup: null }` copy (a slow clone of ~20 keys): the split never reads dedup's value
    const { head, tail } = splitAtDedup(draft as unknown as Record<string, unknown>);
    const out: ItemResult = { id: draft.id, sketch: draft.dedup, head, tail };
    if (keepClaims) {
      out.claims = draft.claims;
      out.url = draft.url;
    }
    return out;
  } catch (e) {
    return { line: errorLine({ field: '(root)', message: `enrichment failed: ${(e as Error).message}` }, index) };
  }
}

/** The output line once the article's cluster is known. */
export function finishItem(r: Extract<ItemResult, { head: string }>, d: DedupResult): string {
  return r.head + JSON.stringify({ fingerprint: r.sketch.fingerprint, ...d }) + r.tail;
}

/**
 * `JSON.stringify(o)` cut around the value of its `dedup` key: the keys before it and the keys after
 * it are serialised as two objects (same order, same values, so the same bytes as one stringify).
 * Searching the text for `"dedup":` instead would be wrong: a passthrough field of the raw article
 * (`metadata`) may hold a key of that name.
 */
function splitAtDedup(o: Record<string, unknown>): { head: string; tail: string } {
  // no prototype: a raw key "__proto__" (kept by the passthrough schema) stays an own property
  const before: Record<string, unknown> = Object.create(null);
  const after: Record<string, unknown> = Object.create(null);
  let seen = false;
  for (const k of Object.keys(o)) {
    if (k === 'dedup') seen = true;
    else if (seen) after[k] = o[k];
    else before[k] = o[k];
  }
  const b = JSON.stringify(before);
  const a = JSON.stringify(after);
  return { head: `${b.length > 2 ? `${b.slice(0, -1)},` : '{'}"dedup":`, tail: a.length > 2 ? `,${a.slice(1)}` : '}' };
}

/**
 * CPU time of the calling thread in ms (Linux: utime + stime of /proc/thread-self, 10 ms ticks), NaN elsewhere.
 * For MARSAD_ENRICH_TIMING's split by thread: `process.cpuUsage()` sums every thread, V8's compiler and GC
 * helpers included, which is where a fresh 2-worker run spends a third of its CPU (ADR 0022, seventh session).
 */
export function threadCpuMs(): number {
  try {
    const s = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}
