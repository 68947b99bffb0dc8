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
      return node.prefix
        ? new QNode(TERM, dict.prefixId(node.term), undefined, [], `${node.term}*`)
        : new QNode(TERM, dict.termId(node.term), undefined, [], node.term);
    case 'phrase':
      return new QNode(
        PHRASE,
        -1,
        Int32Array.from(node.tokens, (t) => dict.termId(t)),
        [],
        node.tokens.join(' '),
      );
    case 'and':
    case 'or':
      return new QNode(
        node.kind === 'and' ? AND : OR,
        -1,
        undefined,
        node.children.map((c) => compileQuery(c, dict)),
        '',
      );
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

/** `TokenCache.get` when the token is not cached; `NONE`: the token fires no id (most tokens). */
const MISS = -2;
const NONE = -1;

/**
 * Token → the ids it fires, memoised: news vocabulary recurs from article to article. Open
 * addressing on the scanner's hash; the keys' characters live in one Uint16Array and are compared
 * against the article text in place, and the fired ids in one Int32Array, so a known token costs no
 * slice, no string hashing and no object loads. Bounded: when full at the largest size, it starts over.
 */
class TokenCache {
  private static readonly MAX_SLOTS = 1 << 19;
  private mask = (1 << 14) - 1;
  /** Per slot, side by side (one cache line): hash, offset of the key in `chars`, key length (0 =
   *  empty slot), and what the token fires: NONE, or an offset in `fired`. */
  private slots = new Int32Array(4 * (this.mask + 1));
  private chars = new Uint16Array(1 << 16);
  private usedChars = 0;
  /** At an offset: the token's term id (-1: none), the number n of ids it fires, then the n ids. */
  fired = new Int32Array(1 << 12);
  private usedFired = 0;
  private count = 0;

  /** What the token at `[start, end)` of `text` fires (NONE, an offset in `fired`), or MISS. */
  get(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    const { mask, slots, chars } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const l = slots[4 * i + 2];
      if (l === 0) return MISS;
      if (slots[4 * i] !== h || l !== len) continue;
      const o = slots[4 * i + 1] - start;
      let k = start;
      while (k < end && chars[o + k] === text.charCodeAt(k)) k++;
      if (k === end) return slots[4 * i + 3];
    }
  }

  set(text: string, start: number, end: number, h: number, info: TokenInfo): number {
    const len = end - start;
    if (2 * (this.count + 1) > this.mask + 1) {
      if (this.mask + 1 < TokenCache.MAX_SLOTS) this.resize((this.mask + 1) * 2);
      else this.clear();
    }
    if (this.usedChars + len > this.chars.length) this.chars = grown(this.chars, this.usedChars + len);
    for (let k = 0; k < len; k++) this.chars[this.usedChars + k] = text.charCodeAt(start + k);
    let at = NONE;
    if (info.ids.length) {
      if (this.usedFired + 2 + info.ids.length > this.fired.length) this.fired = grown(this.fired, this.usedFired + 2 + info.ids.length);
      at = this.usedFired;
      this.fired[at] = info.term;
      this.fired[at + 1] = info.ids.length;
      this.fired.set(info.ids, at + 2);
      this.usedFired += 2 + info.ids.length;
    }
    this.put(h, this.usedChars, len, at);
    this.usedChars += len;
    return at;
  }

  clear(): void {
    this.slots.fill(0);
    this.count = this.usedChars = this.usedFired = 0;
  }

  private put(h: number, off: number, len: number, at: number): void {
    let i = h & this.mask;
    while (this.slots[4 * i + 2] !== 0) i = (i + 1) & this.mask;
    this.slots.set([h, off, len, at], 4 * i);
    this.count++;
  }

  private resize(n: number): void {
    const old = this.slots;
    this.mask = n - 1;
    this.slots = new Int32Array(4 * n);
    this.count = 0;
    for (let i = 0; i < old.length; i += 4) if (old[i + 2] !== 0) this.put(old[i], old[i + 1], old[i + 2], old[i + 3]);
  }
}

function grown<T extends Uint16Array | Int32Array>(a: T, min: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, min));
  b.set(a);
  return b;
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
      let at = cache.get(text, starts[k], ends[k], hashes[k]);
      if (at === MISS) at = cache.set(text, starts[k], ends[k], hashes[k], dict.lookup(text.slice(starts[k], ends[k])));
      if (at === NONE) {
        posTerm[k] = -1;
        continue;
      }
      const fired = cache.fired;
      const term = fired[at];
      posTerm[k] = term;
      if (term >= 0) {
        if (seen[term] === ep) next[last[term]] = k;
        else first[term] = k;
        last[term] = k;
        next[k] = -1;
      }
      for (let j = at + 2, end = j + fired[at + 1]; j < end; j++) {
        const id = fired[j];
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
