// Gazetteer: a token trie (one hash lookup per token, the multi-pattern automaton for word-aligned
// patterns) over FOLDED tokens, built once per knowledge-base version. Arabic tokens are tried
// with their proclitics stripped (و ف ب ك ل ال لل); Latin matches obey the alias's case.

import type { KbActor } from '@marsad/contracts';
import { foldWithMap, tokenVariants, tokenize, type Token } from './text';

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
  next?: Map<string, Node>;
  entries?: GazEntry[];
}

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
const WEAK_LATIN = new Set(['us', 'it', 'in', 'am', 'is', 'on', 'or', 'no', 'me', 'hi', 'be', 'an', 'as', 'at', 'to', 'so', 'may', 'will', 'sun', 'times', 'post', 'general', 'labour', 'chad', 'jordan', 'georgia', 'turkey', 'china', 'guinea', 'mali', 'niger', 'oman', 'peru', 'cuba', 'israel']);

export class Gazetteer {
  private root: Node = {};
  readonly actors = new Map<string, KbActor>();
  size = 0;

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
    let node = this.root;
    for (const t of toks) {
      if (!node.next) node.next = new Map();
      let nx = node.next.get(t.norm);
      if (!nx) { nx = {}; node.next.set(t.norm, nx); }
      node = nx;
    }
    const def = toks[0].script === 'arabic' && toks[0].norm.startsWith('ال');
    (node.entries ??= []);
    if (!node.entries.some((e) => e.actorId === actorId && e.alias === alias)) {
      node.entries.push({ actorId, caps, gaps, alias, def });
      this.size++;
    }
  }

  /**
   * All longest, non-overlapping matches in the token stream, left to right.
   * `sentStart[i]` tells whether token i starts a sentence (relaxes capitalisation of ambiguous words).
   */
  match(src: string, toks: Token[], sentStart?: Uint8Array): GazMatch[] {
    const out: GazMatch[] = [];
    const n = toks.length;
    const rootNext = this.root.next;
    if (!rootNext) return out;
    let i = 0;
    while (i < n) {
      const t0 = toks[i];
      let best: GazMatch | undefined;
      let bestLen = 0;
      // non-Arabic tokens have one variant (the token itself): no variant array is built for them
      const arabic = t0.script === 'arabic';
      const variants = arabic ? tokenVariants(t0) : undefined;
      const nv = variants ? variants.length : 1;
      for (let vi = 0; vi < nv; vi++) {
        const form = variants ? variants[vi].form : t0.norm;
        const strip = variants ? variants[vi].strip : 0;
        let node = rootNext.get(form);
        if (!node) continue;
        let j = i;
        let okJ = -1;
        let okE: GazEntry | undefined;
        for (;;) {
          if (node.entries) {
            const e = this.pickEntry(node.entries, toks, i, j, strip > 0, sentStart);
            if (e) { okJ = j; okE = e; }
          }
          if (!node.next || j + 1 >= n) break;
          const nt = toks[j + 1];
          if (nt.gap >= 3 && nt.gap !== 3) break;
          const nx: Node | undefined = node.next.get(nt.norm);
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
            if (strip > 0) start = this.origOffset(src, t0, strip);
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

  /** Original offset after skipping `strip` folded chars of token t (diacritics between letters are skipped too). */
  private origOffset(src: string, t: Token, strip: number): number {
    // Walk the original token counting letters that survive folding.
    let count = 0;
    for (let p = t.start; p < t.end; p++) {
      const c = src.charCodeAt(p);
      const dropped = (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640 || (c >= 0x200b && c <= 0x200f);
      if (dropped) continue;
      if (count === strip) return p;
      count++;
    }
    return t.start;
  }

  private pickEntry(entries: GazEntry[], toks: Token[], i: number, j: number, stripped: boolean, sentStart?: Uint8Array): GazEntry | undefined {
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
