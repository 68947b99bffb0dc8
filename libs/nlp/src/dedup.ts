// Near-duplicate detection: a 64-bit SimHash over folded word shingles (the verdict: same story when
// within DEDUP_MAX_HAMMING bits) plus MinHash LSH keys from the same shingles (which earlier articles
// to compare with), and an index over the DedupStore interface (in memory for the CLI, Redis in the
// enricher service).

import type { DedupEntry, DedupResult, DedupStore } from './api';
import { foldText, letterNumberTable } from './text';
import { CodeUnits } from './text-units';

// Code units are read through the one built-in (`charCodeAt.call(s, i)`): these functions read strings of
// many representations (sliced, cons, one- or two-byte, internalised), on which `s.charCodeAt(i)` is a
// megamorphic property load per character in optimised code (ADR 0022, 2026-12-07).
const charCodeAt = String.prototype.charCodeAt;

/**
 * Hamming distance at or below which two fingerprints are the same story. Tuned on the 80 corpus
 * articles: unrelated pairs are >= 17 bits apart; retitled copies with boilerplate lines and ~7% of
 * words changed are <= 12 bits apart in 90% of cases (median 8).
 */
export const DEDUP_MAX_HAMMING = 12;
/**
 * Candidate lookup: one-permutation MinHash over the same word-bigram shingles, 64 bins, cut into
 * 16 bands of 4 bins. Two texts whose shingle sets have Jaccard similarity J share a band with
 * probability 1 - (1 - J^4)^16: 0.98 at J = 0.7 (a retitled copy with ~7% of words changed is
 * J ~ 0.75), 0.64 at J = 0.5, ~0.0001 at J = 0.05 (unrelated news sharing stop-word bigrams). So a
 * lookup returns the story's earlier copies and almost nothing else, however many articles are
 * stored. Measured on the corpus with random word edits: every copy the SimHash verdict accepts is
 * found up to 7% of words edited, 36 of 37 at 10%, 6 of 7 at 15% (libs/nlp nlp.spec.ts; bench:dedup).
 * (The SimHash bands used before were 4-5 bits wide: every key was shared by 1/16-1/32 of ALL
 * stored articles, so each lookup fetched thousands of entries and the enricher slowed down as the
 * store filled up.)
 */
export const DEDUP_LSH_BANDS = 16;
const LSH_ROWS = 4;
const LSH_BINS = 64;

/** What the near-duplicate index needs from an article: the SimHash and its MinHash LSH keys. */
export interface DedupSketch {
  fingerprint: string;
  lshKeys: string[];
}

const LN_ASTRAL = /^[\p{L}\p{N}]$/u;

// per-word hashes, reused across calls (grown on demand)
let HA = new Int32Array(1024);
let HB = new Int32Array(1024);
const WORD_SRC = new CodeUnits();

/**
 * Words of the folded text (maximal runs of letters/numbers, as `split(/[^\p{L}\p{N}]+/u)`), at
 * least 2 code units, with the Arabic article (ال, وال, فال) stripped, hashed straight from the char
 * codes into HA/HB (FNV-1a and a murmur-style mix, finalised) from index `count` on. Returns the
 * number of words hashed so far.
 */
function hashWords(s: string, count = 0): number {
  const ln = letterNumberTable();
  const n = s.length;
  const su = WORD_SRC.of(s);
  let i = 0;
  while (i < n) {
    // skip separators
    let c = su[i];
    if (c >= 0xd800 && c <= 0xdfff) {
      const l = astralLen(s, i, c);
      if (l > 0) {
        i += l;
        continue;
      }
    } else if (!ln[c]) {
      i++;
      continue;
    }
    // a word: [ws, we)
    const ws = i;
    while (i < n) {
      c = su[i];
      if (c >= 0xd800 && c <= 0xdfff) {
        const l = astralLen(s, i, c);
        if (l < 0) {
          i += 2;
          continue;
        }
        break;
      }
      if (!ln[c]) break;
      i++;
    }
    const we = i;
    const len = we - ws;
    if (len <= 1) continue;
    let p = ws;
    const c0 = su[ws];
    if (len > 4 && c0 === 0x0627 && su[ws + 1] === 0x0644) p = ws + 2;
    else if (len > 3 && (c0 === 0x0648 || c0 === 0x0641) && su[ws + 1] === 0x0627 && su[ws + 2] === 0x0644) p = ws + 3;
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (; p < we; p++) {
      const d = su[p];
      a = Math.imul(a ^ d, 0x01000193);
      b = Math.imul(b ^ d, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    a = Math.imul(a, 0xc2b2ae35);
    a ^= a >>> 16;
    b ^= b >>> 16;
    b = Math.imul(b, 0x85ebca6b);
    b ^= b >>> 13;
    b = Math.imul(b, 0xc2b2ae35);
    b ^= b >>> 16;
    if (count >= HA.length) {
      const a2 = new Int32Array(HA.length * 2);
      a2.set(HA);
      HA = a2;
      const b2 = new Int32Array(HB.length * 2);
      b2.set(HB);
      HB = b2;
    }
    HA[count] = a;
    HB[count] = b;
    count++;
  }
  return count;
}

/** At a surrogate code unit: -1 when a valid pair forming a letter/number starts here (word, 2 units), else the separator width (1 or 2). */
function astralLen(s: string, i: number, c: number): number {
  if (c <= 0xdbff && i + 1 < s.length) {
    const d = charCodeAt.call(s, i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LN_ASTRAL.test(s.slice(i, i + 2)) ? -1 : 2;
  }
  return 1;
}

const ONES = new Int32Array(64);
// one-permutation MinHash: per bin, the smallest shingle value seen (0xffffffff = empty)
const MINS = new Uint32Array(LSH_BINS);
const DENSE = new Uint32Array(LSH_BINS);

/** 64-bit SimHash (16 hex chars) over 2-word shingles of the folded text (title + body). */
export function simhash(text: string, alreadyFolded = false): string {
  return sketch(text, alreadyFolded).fingerprint;
}

/** SimHash and MinHash LSH keys of a text. */
export function sketch(text: string, alreadyFolded = false): DedupSketch {
  return sketchOfWords(hashWords(alreadyFolded ? text : foldText(text)));
}

/** SimHash and MinHash LSH keys of the first `nw` word hashes in HA/HB, in one pass over their shingles. */
function sketchOfWords(nw: number): DedupSketch {
  const ones = ONES;
  ones.fill(0);
  const mins = MINS;
  mins.fill(0xffffffff);
  // word bigrams: robust to light edits, and far apart for different stories (see DEDUP_MAX_HAMMING)
  const shingles = nw >= 2 ? nw - 1 : nw ? 1 : 0;
  // per-bit counts of 1s, 8 bit positions per 32-bit lane word (byte lanes), flushed every 255 shingles
  let l0 = 0,
    l1 = 0,
    l2 = 0,
    l3 = 0,
    l4 = 0,
    l5 = 0,
    l6 = 0,
    l7 = 0;
  let h0 = 0,
    h1 = 0,
    h2 = 0,
    h3 = 0,
    h4 = 0,
    h5 = 0,
    h6 = 0,
    h7 = 0;
  const M = 0x01010101;
  for (let i = 0; i < shingles; i++) {
    let lo: number, hi: number;
    if (nw >= 2) {
      const a0 = HA[i] >>> 0,
        a1 = HB[i] >>> 0,
        b0 = HA[i + 1] >>> 0,
        b1 = HB[i + 1] >>> 0;
      lo = mix(a0 ^ Math.imul(b0, 31) ^ (b1 >>> 7));
      hi = mix(a1 ^ Math.imul(b1, 37) ^ (a0 >>> 11));
    } else {
      lo = HA[0] >>> 0;
      hi = HB[0] >>> 0;
    }
    // MinHash bin from the top bits of one half, value from the other half (independent bits)
    const bin = hi >>> 26;
    if (lo < mins[bin]) mins[bin] = lo;
    l0 += lo & M;
    l1 += (lo >>> 1) & M;
    l2 += (lo >>> 2) & M;
    l3 += (lo >>> 3) & M;
    l4 += (lo >>> 4) & M;
    l5 += (lo >>> 5) & M;
    l6 += (lo >>> 6) & M;
    l7 += (lo >>> 7) & M;
    h0 += hi & M;
    h1 += (hi >>> 1) & M;
    h2 += (hi >>> 2) & M;
    h3 += (hi >>> 3) & M;
    h4 += (hi >>> 4) & M;
    h5 += (hi >>> 5) & M;
    h6 += (hi >>> 6) & M;
    h7 += (hi >>> 7) & M;
    if ((i & 127) === 127 || i === shingles - 1) {
      const ls = [l0, l1, l2, l3, l4, l5, l6, l7],
        hs = [h0, h1, h2, h3, h4, h5, h6, h7];
      for (let s = 0; s < 8; s++)
        for (let j = 0; j < 4; j++) {
          ones[8 * j + s] += (ls[s] >>> (8 * j)) & 255;
          ones[32 + 8 * j + s] += (hs[s] >>> (8 * j)) & 255;
        }
      l0 = l1 = l2 = l3 = l4 = l5 = l6 = l7 = 0;
      h0 = h1 = h2 = h3 = h4 = h5 = h6 = h7 = 0;
    }
  }
  // v[b] = ones - zeros > 0  <=>  2 * ones > shingles
  let hiW = 0,
    loW = 0;
  for (let b = 0; b < 32; b++) if (2 * ones[b] > shingles) loW |= 1 << b;
  for (let b = 0; b < 32; b++) if (2 * ones[32 + b] > shingles) hiW |= 1 << b;
  const fingerprint = (hiW >>> 0).toString(16).padStart(8, '0') + (loW >>> 0).toString(16).padStart(8, '0');
  return { fingerprint, lshKeys: shingles ? lshKeysFromMins(mins) : [] };
}

/**
 * Band keys from the per-bin minima. Short texts leave bins empty: "rotation" densification
 * (Shrivastava & Li, 2014) fills an empty bin from the next non-empty one plus its distance, so
 * two texts still agree on a filled-in bin exactly when they agree on its source.
 */
function lshKeysFromMins(mins: Uint32Array): string[] {
  const dense = DENSE;
  for (let j = 0; j < LSH_BINS; j++) {
    let t = 0;
    while (mins[(j + t) % LSH_BINS] === 0xffffffff) t++;
    dense[j] = t === 0 ? mins[j] : mix((mins[(j + t) % LSH_BINS] + Math.imul(t, 0x9e3779b1)) >>> 0);
  }
  const keys: string[] = new Array(DEDUP_LSH_BANDS);
  for (let b = 0; b < DEDUP_LSH_BANDS; b++) {
    let h = mix(b + 1);
    for (let r = 0; r < LSH_ROWS; r++) h = mix(h ^ dense[b * LSH_ROWS + r]);
    // 'm' marks MinHash keys (the old SimHash band keys were '<band>:<bits>'; left to expire)
    keys[b] = `m${b}:${h.toString(16)}`;
  }
  return keys;
}

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export function hamming(a: string, b: string): number {
  let x = BigInt('0x' + a) ^ BigInt('0x' + b);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

/** SimHash and LSH keys of an article from its title and body. */
export function sketchArticle(title: string | undefined, body: string, foldedTitle?: string, foldedBody?: string): DedupSketch {
  // words never span the newline between title and body: hash the two folded texts in turn
  // instead of concatenating (and flattening) them; same words, same sketch
  if (foldedBody !== undefined) return sketchOfWords(hashWords(foldedBody, hashWords(foldedTitle ?? foldText(title ?? ''))));
  return sketch(`${title ?? ''}\n${body}`);
}

/** Fingerprint of an article from its title and body. */
export function fingerprintArticle(title: string | undefined, body: string, foldedTitle?: string, foldedBody?: string): string {
  return sketchArticle(title, body, foldedTitle, foldedBody).fingerprint;
}

export class InMemoryDedupStore implements DedupStore {
  private readonly byKey = new Map<string, DedupEntry[]>();
  async candidates(bandKeys: string[]): Promise<DedupEntry[]> {
    const out: DedupEntry[] = [];
    const seen = new Set<string>();
    for (const k of bandKeys)
      for (const e of this.byKey.get(k) ?? [])
        if (!seen.has(e.articleId)) {
          seen.add(e.articleId);
          out.push(e);
        }
    return out;
  }
  async add(bandKeys: string[], entry: DedupEntry): Promise<void> {
    for (const k of bandKeys) {
      const list = this.byKey.get(k);
      if (list) {
        if (!list.some((e) => e.articleId === entry.articleId)) list.push(entry);
      } else this.byKey.set(k, [entry]);
    }
  }
}

/** One article of a chunk to assign (in chunk order). */
export interface DedupItem {
  articleId: string;
  sketch: DedupSketch;
}

/**
 * A store that can assign a whole chunk at once, atomically (the Redis store runs one Lua script):
 * the result must equal `NearDuplicateIndex.assign` called for each item in order, so copies inside
 * one chunk join each other's cluster and concurrent replicas behave as one sequential run.
 */
export interface BatchDedupStore extends DedupStore {
  assignMany(items: DedupItem[], maxHamming: number): Promise<DedupResult[]>;
}

const isBatchStore = (s: DedupStore): s is BatchDedupStore => typeof (s as Partial<BatchDedupStore>).assignMany === 'function';

export interface NearDuplicateOptions {
  maxHamming?: number;
}

/**
 * Assigns articles to near-duplicate clusters. The first article of a story founds the cluster
 * (clusterId = its id); a later article within `maxHamming` bits of an earlier one joins that
 * article's cluster and names it in `duplicateOf` (the nearest earlier article). Re-assigning an id
 * already stored returns its stored cluster (idempotent under redelivery).
 */
export class NearDuplicateIndex {
  private readonly maxHamming: number;
  constructor(
    private readonly store: DedupStore,
    opts: NearDuplicateOptions = {},
  ) {
    this.maxHamming = opts.maxHamming ?? DEDUP_MAX_HAMMING;
  }

  /**
   * A chunk in order, same result as `assign` one after another: one round trip (one Lua script)
   * when the store supports it, instead of two per article.
   */
  async assignMany(items: DedupItem[]): Promise<DedupResult[]> {
    if (!items.length) return [];
    if (isBatchStore(this.store)) return this.store.assignMany(items, this.maxHamming);
    const out: DedupResult[] = [];
    for (const it of items) out.push(await this.assign(it.articleId, it.sketch));
    return out;
  }

  /** Candidates come from the LSH keys; the verdict is the SimHash distance (<= maxHamming). */
  async assign(articleId: string, { fingerprint, lshKeys: keys }: DedupSketch): Promise<DedupResult> {
    const cands = await this.store.candidates(keys);
    let best: DedupEntry | undefined;
    let bestD = Infinity;
    for (const c of cands) {
      if (c.articleId === articleId) {
        return c.clusterId === articleId ? { clusterId: c.clusterId } : { clusterId: c.clusterId, duplicateOf: c.clusterId };
      }
      const d = hamming(c.fingerprint, fingerprint);
      if (d <= this.maxHamming && (d < bestD || (d === bestD && best && c.articleId < best.articleId))) {
        best = c;
        bestD = d;
      }
    }
    const res: DedupResult = best ? { clusterId: best.clusterId, duplicateOf: best.articleId } : { clusterId: articleId };
    await this.store.add(keys, { articleId, fingerprint, clusterId: res.clusterId });
    return res;
  }
}
