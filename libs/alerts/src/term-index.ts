import type { QueryNode } from './query';
import { TokenSpans, normalizeText, scanTokens } from './text';

/**
 * The matcher's fast path for keyword queries. Every term and prefix that some watch uses gets an
 * integer id when the watch is compiled. An article is tokenised once into "id seen in this
 * article" marks (an epoch per id in an Int32Array), so evaluating a query is array reads, not
 * string hashing. The AST evaluator in query.ts stays the reference (tests compare the two).
 */
export class TermDictionary {
  private readonly terms = new Map<string, number>();
  private readonly prefixes = new Map<string, number>();
  /** Distinct prefix lengths, ascending: a token is looked up by its prefixes of these lengths only. */
  private prefixLengths: number[] = [];
  size = 0;
  /** Bumped when an id is added: cached token lookups are then stale. */
  version = 0;

  termId(term: string): number {
    let id = this.terms.get(term);
    if (id === undefined) {
      this.terms.set(term, (id = this.size++));
      this.version++;
    }
    return id;
  }

  prefixId(prefix: string): number {
    let id = this.prefixes.get(prefix);
    if (id === undefined) {
      this.prefixes.set(prefix, (id = this.size++));
      if (!this.prefixLengths.includes(prefix.length)) this.prefixLengths = [...this.prefixLengths, prefix.length].sort((a, b) => a - b);
      this.version++;
    }
    return id;
  }

  /** What a token fires: its own term id (-1 if no watch uses it) and the ids of the prefixes it starts with. */
  lookup(token: string): TokenInfo {
    const term = this.terms.get(token) ?? -1;
    let ids: number[] | undefined;
    if (term >= 0) ids = [term];
    const lengths = this.prefixLengths;
    for (let k = 0; k < lengths.length && lengths[k] <= token.length; k++) {
      const p = this.prefixes.get(lengths[k] === token.length ? token : token.slice(0, lengths[k]));
      if (p !== undefined) (ids ??= []).push(p);
    }
    return ids ? { term, ids } : NO_IDS;
  }
}

interface TokenInfo {
  term: number;
  ids: readonly number[];
}
const NO_IDS: TokenInfo = { term: -1, ids: [] };

/** Node kinds of a compiled query. */
const TERM = 0; // term or prefix: `id` seen
const PHRASE = 1; // consecutive `phrase` ids
const AND = 2;
const OR = 3;
const NOT = 4;

/** A query node over term ids (one object shape for every kind, so evaluation stays monomorphic). */
export class QNode {
  constructor(
    readonly kind: number,
    readonly id: number,
    readonly phrase: Int32Array | undefined,
    readonly kids: QNode[],
    /** The text reported in `matched.terms` (term, `prefix*`, or the phrase's tokens). */
    readonly text: string,
  ) {}
}

export function compileQuery(node: QueryNode, dict: TermDictionary): QNode {
  switch (node.kind) {
    case 'term':
      return node.prefix ? new QNode(TERM, dict.prefixId(node.term), undefined, [], `${node.term}*`) : new QNode(TERM, dict.termId(node.term), undefined, [], node.term);
    case 'phrase':
      return new QNode(PHRASE, -1, Int32Array.from(node.tokens, (t) => dict.termId(t)), [], node.tokens.join(' '));
    case 'and':
    case 'or':
      return new QNode(node.kind === 'and' ? AND : OR, -1, undefined, node.children.map((c) => compileQuery(c, dict)), '');
    case 'not':
      return new QNode(NOT, -1, undefined, [compileQuery(node.child, dict)], '');
  }
}

/**
 * Index keys (ids) of a query: at least one of them occurs in any matching article, or undefined
 * when there is no such set (`a OR NOT b`). For AND, the anchor set of one child suffices: the
 * cheapest; for OR, the union; a phrase needs all its tokens, so its cheapest token. `cost(id)`
 * estimates how many articles an id brings in (1 + its document frequency so far): the matcher then
 * checks a query only on articles with its rarest term. With no statistics yet every id costs 1,
 * which picks the smallest set (the first on ties).
 */
export function anchorIds(q: QNode, cost: (id: number) => number): number[] | undefined {
  return anchorsOf(q, cost)?.ids;
}

function anchorsOf(q: QNode, cost: (id: number) => number): { ids: number[]; cost: number } | undefined {
  switch (q.kind) {
    case TERM:
      return { ids: [q.id], cost: cost(q.id) };
    case PHRASE: {
      let best = q.phrase![0];
      for (const id of q.phrase!) if (cost(id) < cost(best)) best = id;
      return { ids: [best], cost: cost(best) };
    }
    case NOT:
      return undefined;
    case OR: {
      const ids: number[] = [];
      for (const k of q.kids) {
        const a = anchorsOf(k, cost);
        if (!a) return undefined;
        for (const x of a.ids) if (!ids.includes(x)) ids.push(x);
      }
      return { ids, cost: ids.reduce((sum, id) => sum + cost(id), 0) };
    }
    default: {
      let best: { ids: number[]; cost: number } | undefined;
      for (const k of q.kids) {
        const a = anchorsOf(k, cost);
        if (a && (!best || a.cost < best.cost)) best = a;
      }
      return best;
    }
  }
}

/**
 * Token → TokenInfo, memoised: news vocabulary recurs from article to article. Open addressing on
 * the scanner's hash; the keys' characters live in one Uint16Array and are compared against the
 * article text in place, so a known token costs no slice, no string hashing and no pointer chase.
 * Bounded: when full at the largest size, it starts over.
 */
class TokenCache {
  private static readonly MAX_SLOTS = 1 << 19;
  private mask = (1 << 14) - 1;
  /** Per slot, side by side (one cache line): hash, offset of the key in `chars`, key length (0 = empty). */
  private slots = new Int32Array(3 * (this.mask + 1));
  private infos: Array<TokenInfo | undefined> = new Array(this.mask + 1).fill(undefined);
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  private count = 0;

  get(text: string, start: number, end: number, h: number): TokenInfo | undefined {
    const len = end - start;
    const { mask, slots, chars } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const l = slots[3 * i + 2];
      if (l === 0) return undefined;
      if (slots[3 * i] !== h || l !== len) continue;
      const o = slots[3 * i + 1] - start;
      let k = start;
      while (k < end && chars[o + k] === text.charCodeAt(k)) k++;
      if (k === end) return this.infos[i];
    }
  }

  set(text: string, start: number, end: number, h: number, info: TokenInfo): void {
    const len = end - start;
    if (2 * (this.count + 1) > this.mask + 1) {
      if (this.mask + 1 < TokenCache.MAX_SLOTS) this.resize((this.mask + 1) * 2);
      else this.clear();
    }
    if (this.used + len > this.chars.length) {
      const c = new Uint16Array(Math.max(this.chars.length * 2, this.used + len));
      c.set(this.chars.subarray(0, this.used));
      this.chars = c;
    }
    for (let k = 0; k < len; k++) this.chars[this.used + k] = text.charCodeAt(start + k);
    this.put(h, this.used, len, info);
    this.used += len;
  }

  clear(): void {
    this.slots.fill(0);
    this.infos.fill(undefined);
    this.count = 0;
    this.used = 0;
  }

  private put(h: number, off: number, len: number, info: TokenInfo): void {
    let i = h & this.mask;
    while (this.slots[3 * i + 2] !== 0) i = (i + 1) & this.mask;
    this.slots[3 * i] = h;
    this.slots[3 * i + 1] = off;
    this.slots[3 * i + 2] = len;
    this.infos[i] = info;
    this.count++;
  }

  private resize(n: number): void {
    const { slots, infos } = this;
    this.mask = n - 1;
    this.slots = new Int32Array(3 * n);
    this.infos = new Array(n).fill(undefined);
    this.count = 0;
    for (let i = 0; i < infos.length; i++) if (slots[3 * i + 2] !== 0) this.put(slots[3 * i], slots[3 * i + 1], slots[3 * i + 2], infos[i]!);
  }
}

/**
 * One article's terms: which ids occur (epoch marks) and, for phrases, the term id at each token
 * position. Reused from article to article (one per matcher; match() is not re-entrant).
 */
export class ArticleTerms {
  epoch = 0;
  private seen = new Int32Array(1024);
  /** Positions of each term id in the current article, for phrases: a chain from `first[id]`
   *  through `next[pos]` (-1 ends it); `last[id]` is where the chain grows. Valid when seen. */
  private first = new Int32Array(1024);
  private last = new Int32Array(1024);
  private next = new Int32Array(1024);
  /** Term id at each token position (-1: no watch uses the token). */
  private posTerm = new Int32Array(1024);
  private count = 0;
  private readonly spans = new TokenSpans();
  private readonly cache = new TokenCache();
  private cacheVersion = -1;

  constructor(private readonly dict: TermDictionary) {}

  /**
   * Tokenises title and body (newline-separated: no token spans both) and marks the ids that
   * occur. `onFirst(id)` is called once per id that occurs, in order of first occurrence.
   */
  scan(title: string | undefined, body: string | undefined, onFirst: (id: number) => void): void {
    const dict = this.dict;
    if (this.cacheVersion !== dict.version) {
      this.cache.clear();
      this.cacheVersion = dict.version;
    }
    if (this.seen.length < dict.size) {
      const n = Math.max(dict.size, this.seen.length * 2);
      const s = new Int32Array(n);
      s.set(this.seen);
      this.seen = s;
      this.first = new Int32Array(n);
      this.last = new Int32Array(n);
    }
    if (++this.epoch === 0x7fffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const ep = this.epoch;
    const text = normalizeText(`${title ?? ''}\n${body ?? ''}`);
    const spans = this.spans;
    scanTokens(text, spans);
    const n = spans.count;
    if (this.posTerm.length < n) {
      this.posTerm = new Int32Array(Math.max(n, this.posTerm.length * 2));
      this.next = new Int32Array(this.posTerm.length);
    }
    const { starts, ends, hashes } = spans;
    const { seen, first, last, next, posTerm, cache } = this;
    for (let k = 0; k < n; k++) {
      let info = cache.get(text, starts[k], ends[k], hashes[k]);
      if (info === undefined) {
        info = dict.lookup(text.slice(starts[k], ends[k]));
        cache.set(text, starts[k], ends[k], hashes[k], info);
      }
      const term = info.term;
      posTerm[k] = term;
      if (term >= 0) {
        if (seen[term] === ep) next[last[term]] = k;
        else first[term] = k;
        last[term] = k;
        next[k] = -1;
      }
      const ids = info.ids;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j];
        if (seen[id] !== ep) {
          seen[id] = ep;
          onFirst(id);
        }
      }
    }
    this.count = n;
  }

  hasPhrase(ids: Int32Array): boolean {
    const ep = this.epoch;
    for (let j = 0; j < ids.length; j++) if (this.seen[ids[j]] !== ep) return false;
    const { posTerm, next } = this;
    const end = this.count - ids.length;
    outer: for (let i = this.first[ids[0]]; i >= 0 && i <= end; i = next[i]) {
      for (let j = 1; j < ids.length; j++) if (posTerm[i + j] !== ids[j]) continue outer;
      return true;
    }
    return false;
  }

  /** Whether the query matches (short-circuits, allocates nothing). */
  test(q: QNode): boolean {
    switch (q.kind) {
      case TERM:
        return this.seen[q.id] === this.epoch;
      case PHRASE:
        return this.hasPhrase(q.phrase!);
      case AND:
        for (let k = 0; k < q.kids.length; k++) if (!this.test(q.kids[k])) return false;
        return true;
      case OR:
        for (let k = 0; k < q.kids.length; k++) if (this.test(q.kids[k])) return true;
        return false;
      default:
        return !this.test(q.kids[0]);
    }
  }

  /**
   * Evaluates `q`, appending to `out` the texts of the positive terms that matched, each once, in
   * the order of `evaluateQuery` (query.ts): all children of a true AND, the true branches of an
   * OR (a false branch's terms are dropped again), nothing under NOT.
   */
  collect(q: QNode, out: string[]): boolean {
    switch (q.kind) {
      case TERM:
      case PHRASE: {
        const ok = q.kind === TERM ? this.seen[q.id] === this.epoch : this.hasPhrase(q.phrase!);
        if (ok && !out.includes(q.text)) out.push(q.text);
        return ok;
      }
      case AND:
        for (let k = 0; k < q.kids.length; k++) if (!this.collect(q.kids[k], out)) return false;
        return true;
      case OR: {
        let any = false;
        for (let k = 0; k < q.kids.length; k++) {
          const mark = out.length;
          if (this.collect(q.kids[k], out)) any = true;
          else out.length = mark;
        }
        return any;
      }
      default:
        return !this.test(q.kids[0]);
    }
  }
}
