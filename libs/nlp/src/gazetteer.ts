// Gazetteer: a token trie (one lookup per token, the multi-pattern automaton for word-aligned
// patterns) over FOLDED tokens, built once per knowledge-base version. Arabic tokens are tried
// with their proclitics stripped (و ف ب ك ل ال لل); Latin matches obey the alias's case.
//
// Speed: every distinct alias token gets an integer id. The root lookup, done for every token and
// every clitic variant of an Arabic token, hashes the variant's char codes straight from the token
// (no variant strings or objects) into an open-addressing table of ids; trie edges are keyed by id.
// Most tokens are in no alias, so most lookups end at an empty slot without a string compare.

import type { KbActor } from '@marsad/contracts';
import { foldWithMap, tokenize, variantSlots, type Token } from './text';

// Code units are read through the one built-in (`charCodeAt.call(s, i)`): these functions read strings of
// many representations (sliced, cons, one- or two-byte, internalised), on which `s.charCodeAt(i)` is a
// megamorphic property load per character in optimised code (ADR 0022, 2026-12-07).
const charCodeAt = String.prototype.charCodeAt;

export interface GazEntry {
  actorId: string;
  /** Required case per token for Latin-script aliases: 2 all-caps, 1 initial capital, 0 any. */
  caps: Uint8Array;
  /** Max gap class allowed before each token (index 0 unused). */
  gaps: Uint8Array;
  alias: string;
  /** True if the alias itself starts with the Arabic article (so the article is not stripped). */
  def: boolean;
}

interface Node {
  /** children by token id */
  next?: Map<number, Node>;
  entries?: GazEntry[];
}

/** Both fields present from the start: one hidden class for every trie node, so the walk in `match` reads
 * `next`/`entries` monomorphically (nodes grown from `{}` had four shapes: {next}, {entries}, and both orders). */
function newNode(): Node {
  return { next: undefined, entries: undefined };
}

const ALEF = 0x0627,
  LAM = 0x0644;

/** One hash step over a char code (FNV-1a style, 32-bit). Strings are hashed from the LAST char to
 * the first, so the hashes of all suffixes of a token (its clitic-stripped forms) come from one pass. */
function step(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
const SEED = 0x811c9dc5 | 0;
function finish(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

// scratch buffers for match (single-threaded: reused across calls)
let SUFFIX = new Int32Array(64);
const SLOTS = new Int32Array(3 * 8);

export interface GazMatch {
  actorId: string;
  /** token index range [first, last] */
  first: number;
  last: number;
  /** original offsets of the mention (proclitics excluded) */
  start: number;
  end: number;
  alias: string;
}

/** Words that are aliases of some actor but too ambiguous to match alone in running text. */
const WEAK_LATIN = new Set([
  'us',
  'it',
  'in',
  'am',
  'is',
  'on',
  'or',
  'no',
  'me',
  'hi',
  'be',
  'an',
  'as',
  'at',
  'to',
  'so',
  'may',
  'will',
  'sun',
  'times',
  'post',
  'general',
  'labour',
  'chad',
  'jordan',
  'georgia',
  'turkey',
  'china',
  'guinea',
  'mali',
  'niger',
  'oman',
  'peru',
  'cuba',
  'israel',
]);

export class Gazetteer {
  readonly actors = new Map<string, KbActor>();
  size = 0;
  /** token string → id, and back */
  private readonly ids = new Map<string, number>();
  private vocab: string[] = [];
  /** open-addressing table, two ints per slot (one cache line per probe): token id + 1 (0 empty), full hash */
  private slots = new Int32Array(32);
  private slotCount = 16;
  /** 2^18-bit filter over the hashes (32 KB, stays in cache): most tokens are rejected here without touching the table */
  private readonly filter = new Int32Array(1 << 13);
  /** root children by token id (undefined when the token starts no alias) */
  private rootById: (Node | undefined)[] = [];

  constructor(actors: Iterable<KbActor>) {
    for (const a of actors) this.addActor(a);
  }

  addActor(a: KbActor): void {
    this.actors.set(a.id, a);
    const seen = new Set<string>();
    for (const alias of [a.name, ...(a.aliases ?? [])]) {
      if (!alias || seen.has(alias)) continue;
      seen.add(alias);
      this.addAlias(a.id, alias);
    }
  }

  addAlias(actorId: string, alias: string): void {
    const f = foldWithMap(alias);
    const toks = tokenize(alias, f);
    if (!toks.length) return;
    // Very short single Latin tokens only as all-caps acronyms; single Arabic tokens need 2+ letters.
    if (toks.length === 1 && toks[0].norm.length < 2) return;
    const caps = new Uint8Array(toks.length);
    const gaps = new Uint8Array(toks.length);
    toks.forEach((t, i) => {
      if (t.script === 'latin' || t.script === 'cyrillic') {
        caps[i] = t.caps === 2 && t.norm.length <= 5 ? 2 : t.caps ? 1 : 0;
        if (t.caps === 2 && t.norm.length <= 5 && toks.length === 1) caps[i] = 2;
      }
      if (i > 0) gaps[i] = Math.max(1, t.gap === 3 && t.sep.trim() === '.' ? 3 : t.gap <= 1 ? 1 : t.gap);
    });
    let node: Node = newNode();
    for (let k = 0; k < toks.length; k++) {
      const id = this.idFor(toks[k].norm);
      let nx: Node | undefined;
      if (k === 0) {
        nx = this.rootById[id];
        if (!nx) nx = this.rootById[id] = newNode();
      } else {
        if (!node.next) node.next = new Map();
        nx = node.next.get(id);
        if (!nx) {
          nx = newNode();
          node.next.set(id, nx);
        }
      }
      node = nx;
    }
    const def = toks[0].script === 'arabic' && toks[0].norm.startsWith('ال');
    node.entries ??= [];
    if (!node.entries.some((e) => e.actorId === actorId && e.alias === alias)) {
      node.entries.push({ actorId, caps, gaps, alias, def });
      this.size++;
    }
  }

  /** Id of an alias token, interned on first sight. */
  private idFor(norm: string): number {
    let id = this.ids.get(norm);
    if (id !== undefined) return id;
    id = this.vocab.length;
    this.ids.set(norm, id);
    this.vocab.push(norm);
    if (this.vocab.length * 4 > this.slotCount) this.rehash(this.slotCount * 4);
    else this.insertSlot(id);
    return id;
  }

  private rehash(cap: number): void {
    this.slots = new Int32Array(cap * 2);
    this.slotCount = cap;
    for (let id = 0; id < this.vocab.length; id++) this.insertSlot(id);
  }

  private insertSlot(id: number): void {
    const v = this.vocab[id];
    let h = SEED;
    for (let p = v.length - 1; p >= 0; p--) h = step(h, charCodeAt.call(v, p));
    h = finish(h);
    const mask = this.slotCount - 1;
    let i = h & mask;
    while (this.slots[2 * i] !== 0) i = (i + 1) & mask;
    this.slots[2 * i] = id + 1;
    this.slots[2 * i + 1] = h;
    this.filter[(h >>> 5) & 0x1fff] |= 1 << (h & 31);
  }

  /**
   * Id of the string (al ? 'ال' : '') + norm.slice(from), whose unfinished backward hash is `h`;
   * -1 when no alias has that token.
   */
  private lookup(norm: string, from: number, al: boolean, h: number): number {
    h = finish(h);
    if ((this.filter[(h >>> 5) & 0x1fff] & (1 << (h & 31))) === 0) return -1;
    const len = norm.length - from + (al ? 2 : 0);
    const mask = this.slotCount - 1;
    const slots = this.slots;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = slots[2 * i];
      if (s === 0) return -1;
      if (slots[2 * i + 1] !== h) continue;
      const v = this.vocab[s - 1];
      if (v.length !== len) continue;
      let q = 0;
      if (al) {
        if (charCodeAt.call(v, 0) !== ALEF || charCodeAt.call(v, 1) !== LAM) continue;
        q = 2;
      }
      let p = from;
      while (q < len && charCodeAt.call(v, q) === charCodeAt.call(norm, p)) {
        q++;
        p++;
      }
      if (q === len) return s - 1;
    }
  }

  /** Id of a whole token's folded form, or -1. */
  private tokenId(norm: string): number {
    let h = SEED;
    for (let p = norm.length - 1; p >= 0; p--) h = step(h, charCodeAt.call(norm, p));
    return this.lookup(norm, 0, false, h);
  }

  /**
   * All longest, non-overlapping matches in the token stream, left to right.
   * `sentStart[i]` tells whether token i starts a sentence (relaxes capitalisation of ambiguous words).
   */
  match(src: string, toks: Token[], sentStart?: Uint8Array): GazMatch[] {
    const out: GazMatch[] = [];
    const n = toks.length;
    if (this.vocab.length === 0) return out;
    // ids of following tokens, looked up once each when a trie walk reaches them (-2: not yet)
    const idAt = new Int32Array(n).fill(-2);
    let i = 0;
    while (i < n) {
      const t0 = toks[i];
      const norm = t0.norm;
      const len0 = norm.length;
      let best: GazMatch | undefined;
      let bestLen = 0;
      // backward hashes of every suffix of the token: SUFFIX[p] hashes norm.slice(p)
      if (SUFFIX.length <= len0) SUFFIX = new Int32Array(len0 * 2 + 1);
      let h = SEED;
      SUFFIX[len0] = h;
      for (let p = len0 - 1; p >= 0; p--) SUFFIX[p] = h = step(h, charCodeAt.call(norm, p));
      // non-Arabic tokens have one variant (the token itself); Arabic ones their clitic-stripped forms, in tokenVariants order
      const nv = t0.script === 'arabic' ? variantSlots(norm, SLOTS) : ((SLOTS[0] = 0), (SLOTS[1] = 0), (SLOTS[2] = 0), 1);
      for (let vi = 0; vi < nv; vi++) {
        const from = SLOTS[3 * vi],
          al = SLOTS[3 * vi + 1] === 1,
          strip = SLOTS[3 * vi + 2];
        // the whole-token form (variant 0) may already be known from an earlier trie walk
        const id =
          vi === 0 && idAt[i] !== -2 ? idAt[i] : this.lookup(norm, from, al, al ? step(step(SUFFIX[from], LAM), ALEF) : SUFFIX[from]);
        if (id < 0) continue;
        let node = this.rootById[id];
        if (!node) continue;
        let j = i;
        let okJ = -1;
        let okE: GazEntry | undefined;
        for (;;) {
          if (node.entries) {
            const e = this.pickEntry(node.entries, toks, i, j, strip > 0, sentStart);
            if (e) {
              okJ = j;
              okE = e;
            }
          }
          if (!node.next || j + 1 >= n) break;
          const nt = toks[j + 1];
          if (nt.gap >= 3 && nt.gap !== 3) break;
          let nid = idAt[j + 1];
          if (nid === -2) nid = idAt[j + 1] = this.tokenId(nt.norm);
          if (nid < 0) break;
          const nx: Node | undefined = node.next.get(nid);
          if (!nx) break;
          node = nx;
          j++;
        }
        if (okE) {
          const len = okJ - i + 1;
          // prefer longer; on ties prefer less stripping (earlier variant)
          if (len > bestLen) {
            bestLen = len;
            // original offset of the stripped form: map folded index back
            let start = t0.start;
            if (strip > 0) start = offsetAfter(src, t0, strip);
            best = { actorId: okE.actorId, first: i, last: okJ, start, end: toks[okJ].end, alias: okE.alias };
          }
        }
      }
      if (best) {
        out.push(best);
        i = best.last + 1;
      } else i++;
    }
    return out;
  }

  private pickEntry(
    entries: GazEntry[],
    toks: Token[],
    i: number,
    j: number,
    stripped: boolean,
    sentStart?: Uint8Array,
  ): GazEntry | undefined {
    for (const e of entries) {
      let ok = true;
      for (let k = 0; k <= j - i && ok; k++) {
        const t = toks[i + k];
        if (k > 0 && t.gap > e.gaps[k] && !(t.gap === 1 && e.gaps[k] >= 1)) ok = false;
        const need = e.caps[k];
        if (need === 2 && t.caps !== 2) ok = false;
        else if (need === 1 && t.caps === 0) ok = false;
      }
      if (!ok) continue;
      // ambiguous single Latin words: never at sentence start unless all-caps requirement satisfied
      if (i === j && WEAK_LATIN.has(toks[i].norm) && e.caps[0] !== 2 && sentStart && sentStart[i]) {
        // "Turkey said" at the start is fine; "It", "May" at the start are not
        if (['it', 'may', 'us', 'in', 'will', 'general', 'times', 'post', 'sun'].includes(toks[i].norm)) continue;
      }
      if (stripped && e.def && toks[i].script === 'arabic') {
        // alias starts with ال but we stripped the article from the text: the variant form equals the alias anyway
      }
      return e;
    }
    return undefined;
  }
}

/**
 * Original offset after `strip` folded characters of token t: walks the original token counting the
 * letters that survive folding (diacritics, tatweel and zero-width marks between letters are skipped).
 */
export function offsetAfter(src: string, t: Token, strip: number): number {
  let count = 0;
  for (let p = t.start; p < t.end; p++) {
    const c = charCodeAt.call(src, p);
    const dropped =
      (c >= 0x0610 && c <= 0x061a) ||
      (c >= 0x064b && c <= 0x065f) ||
      c === 0x0670 ||
      (c >= 0x06d6 && c <= 0x06ed) ||
      c === 0x0640 ||
      (c >= 0x200b && c <= 0x200f);
    if (dropped) continue;
    if (count === strip) return p;
    count++;
  }
  return t.start;
}
