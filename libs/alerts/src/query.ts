import { tokenize } from './text';

/**
 * Boolean keyword queries over an article's title and body:
 *   kaspersky AND (breach OR leak) NOT "press release"
 * - terms match whole tokens after normalisation (case, Arabic letter variants, diacritics);
 *   a trailing `*` matches a prefix (`cyber*`);
 * - "double quotes" match a phrase (consecutive tokens);
 * - AND, OR, NOT (upper-case keywords; `&&`, `||`, `-term` also accepted), parentheses;
 *   adjacent terms without an operator are ANDed; precedence NOT > AND > OR.
 * Parse errors carry the 0-based character position of the offending token.
 */
export type QueryNode =
  | { kind: 'term'; term: string; prefix: boolean; raw: string }
  | { kind: 'phrase'; tokens: string[]; raw: string }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

export class QueryParseError extends Error {
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(`${detail} at position ${position}`);
    this.name = 'QueryParseError';
  }
}

type Tok =
  | { t: 'word'; v: string; pos: number }
  | { t: 'phrase'; v: string; pos: number }
  | { t: 'and' | 'or' | 'not' | 'lparen' | 'rparen'; pos: number }
  | { t: 'eof'; pos: number };

function lex(input: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(') {
      toks.push({ t: 'lparen', pos: i++ });
      continue;
    }
    if (c === ')') {
      toks.push({ t: 'rparen', pos: i++ });
      continue;
    }
    if (c === '"' || c === '\u201C' || c === '\u201D') {
      const start = i;
      const end = input.slice(i + 1).search(/["\u201C\u201D]/);
      if (end < 0) throw new QueryParseError(start, 'unterminated phrase (missing closing ")');
      toks.push({ t: 'phrase', v: input.slice(i + 1, i + 1 + end), pos: start });
      i = i + 2 + end;
      continue;
    }
    if (input.startsWith('&&', i)) {
      toks.push({ t: 'and', pos: i });
      i += 2;
      continue;
    }
    if (input.startsWith('||', i)) {
      toks.push({ t: 'or', pos: i });
      i += 2;
      continue;
    }
    if (c === '-' && (i === 0 || /[\s(]/.test(input[i - 1])) && i + 1 < input.length && !/\s/.test(input[i + 1])) {
      toks.push({ t: 'not', pos: i++ });
      continue;
    }
    const start = i;
    while (i < input.length && !/[\s()"\u201C\u201D]/.test(input[i])) i++;
    const word = input.slice(start, i);
    if (word === 'AND') toks.push({ t: 'and', pos: start });
    else if (word === 'OR') toks.push({ t: 'or', pos: start });
    else if (word === 'NOT') toks.push({ t: 'not', pos: start });
    else toks.push({ t: 'word', v: word, pos: start });
  }
  toks.push({ t: 'eof', pos: input.length });
  return toks;
}

const MAX_DEPTH = 32;

export function parseQuery(input: string): QueryNode {
  const toks = lex(input);
  let p = 0;
  let depth = 0;
  const peek = () => toks[p];
  const describe = (t: Tok) =>
    t.t === 'eof'
      ? 'end of query'
      : t.t === 'word' || t.t === 'phrase'
        ? `"${t.v}"`
        : t.t === 'lparen'
          ? '"("'
          : t.t === 'rparen'
            ? '")"'
            : t.t.toUpperCase();

  const parseOr = (): QueryNode => {
    const children = [parseAnd()];
    while (peek().t === 'or') {
      p++;
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0] : { kind: 'or', children };
  };
  const startsOperand = (t: Tok) => t.t === 'word' || t.t === 'phrase' || t.t === 'lparen' || t.t === 'not';
  const parseAnd = (): QueryNode => {
    const children = [parseUnary()];
    for (;;) {
      const t = peek();
      if (t.t === 'and') {
        p++;
        children.push(parseUnary());
      } else if (startsOperand(t)) {
        children.push(parseUnary()); // implicit AND
      } else break;
    }
    return children.length === 1 ? children[0] : { kind: 'and', children };
  };
  const parseUnary = (): QueryNode => {
    const t = peek();
    if (t.t === 'not') {
      p++;
      return { kind: 'not', child: parseUnary() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): QueryNode => {
    const t = peek();
    if (t.t === 'lparen') {
      if (++depth > MAX_DEPTH) throw new QueryParseError(t.pos, `parentheses nested deeper than ${MAX_DEPTH}`);
      p++;
      const inner = parseOr();
      const close = peek();
      if (close.t !== 'rparen')
        throw new QueryParseError(close.pos, `expected ")" to close "(" at position ${t.pos}, found ${describe(close)}`);
      p++;
      depth--;
      return inner;
    }
    if (t.t === 'phrase') {
      p++;
      const tokens = tokenize(t.v);
      if (!tokens.length) throw new QueryParseError(t.pos, 'empty phrase');
      return tokens.length === 1 ? { kind: 'term', term: tokens[0], prefix: false, raw: t.v } : { kind: 'phrase', tokens, raw: t.v };
    }
    if (t.t === 'word') {
      p++;
      const prefix = t.v.endsWith('*');
      const tokens = tokenize(prefix ? t.v.slice(0, -1) : t.v);
      if (!tokens.length) throw new QueryParseError(t.pos, `"${t.v}" contains no letters or digits`);
      if (tokens.length > 1) {
        // e.g. "e-mail" or "U.S.": treat as a phrase of its tokens.
        if (prefix) throw new QueryParseError(t.pos, `prefix "*" needs a single word, got "${t.v}"`);
        return { kind: 'phrase', tokens, raw: t.v };
      }
      if (prefix && tokens[0].length < 2) throw new QueryParseError(t.pos, 'a prefix needs at least 2 characters before "*"');
      return { kind: 'term', term: tokens[0], prefix, raw: t.v };
    }
    throw new QueryParseError(t.pos, `expected a term, phrase or "(", found ${describe(t)}`);
  };

  if (peek().t === 'eof') throw new QueryParseError(0, 'empty query');
  const node = parseOr();
  const rest = peek();
  if (rest.t !== 'eof') throw new QueryParseError(rest.pos, rest.t === 'rparen' ? 'unmatched ")"' : `unexpected ${describe(rest)}`);
  if (!hasPositive(node)) throw new QueryParseError(0, 'a query needs at least one term that must be present (it cannot be only NOT ...)');
  return node;
}

/** True when the query names at least one term that must be present somewhere (not only NOTs). */
function hasPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return true;
    case 'not':
      return false;
    default:
      return node.children.some(hasPositive);
  }
}

/** An article's searchable text, tokenised once and shared by every query evaluated on it. */
export class DocumentText {
  readonly tokens: string[];
  readonly tokenSet: Set<string>;
  private positions?: Map<string, number[]>;

  constructor(text: string) {
    this.tokens = tokenize(text);
    this.tokenSet = new Set(this.tokens);
  }

  static of(title: string | undefined, body: string | undefined): DocumentText {
    // A newline-separated concatenation: tokens never join across title and body.
    return new DocumentText(`${title ?? ''}\n${body ?? ''}`);
  }

  has(term: string): boolean {
    return this.tokenSet.has(term);
  }

  private prefixHits?: Map<string, boolean>;

  hasPrefix(prefix: string): boolean {
    const known = this.prefixHits?.get(prefix);
    if (known !== undefined) return known;
    let hit = false;
    for (const t of this.tokenSet) {
      if (t.startsWith(prefix)) {
        hit = true;
        break;
      }
    }
    (this.prefixHits ??= new Map()).set(prefix, hit);
    return hit;
  }

  hasPhrase(tokens: string[]): boolean {
    if (!tokens.every((t) => this.tokenSet.has(t))) return false;
    if (!this.positions) {
      this.positions = new Map();
      this.tokens.forEach((t, i) => {
        const l = this.positions!.get(t);
        if (l) l.push(i);
        else this.positions!.set(t, [i]);
      });
    }
    for (const start of this.positions.get(tokens[0]) ?? []) {
      if (tokens.every((t, k) => this.tokens[start + k] === t)) return true;
    }
    return false;
  }
}

/** Evaluates `node` (true/false only: short-circuits, allocates nothing). */
export function queryMatches(node: QueryNode, doc: DocumentText): boolean {
  switch (node.kind) {
    case 'term':
      return node.prefix ? doc.hasPrefix(node.term) : doc.has(node.term);
    case 'phrase':
      return doc.hasPhrase(node.tokens);
    case 'and':
      for (const c of node.children) if (!queryMatches(c, doc)) return false;
      return true;
    case 'or':
      for (const c of node.children) if (queryMatches(c, doc)) return true;
      return false;
    case 'not':
      return !queryMatches(node.child, doc);
  }
}

/** Evaluates `node`; `hits` collects the raw text of positive terms/phrases that matched. */
export function evaluateQuery(node: QueryNode, doc: DocumentText, hits?: Set<string>): boolean {
  switch (node.kind) {
    case 'term': {
      const ok = node.prefix ? doc.hasPrefix(node.term) : doc.has(node.term);
      if (ok) hits?.add(node.prefix ? `${node.term}*` : node.term);
      return ok;
    }
    case 'phrase': {
      const ok = doc.hasPhrase(node.tokens);
      if (ok) hits?.add(node.tokens.join(' '));
      return ok;
    }
    case 'and': {
      // Evaluate every child even after a hit so `hits` lists all matched terms; stop on a miss.
      for (const c of node.children) if (!evaluateQuery(c, doc, hits)) return false;
      return true;
    }
    case 'or': {
      // A failed branch may have recorded hits before failing: keep only hits of true branches.
      let any = false;
      for (const c of node.children) {
        const local = hits ? new Set<string>() : undefined;
        if (evaluateQuery(c, doc, local)) {
          any = true;
          local?.forEach((h) => hits!.add(h));
        }
      }
      return any;
    }
    case 'not':
      return !evaluateQuery(node.child, doc); // negated terms are never reported as hits
  }
}

/**
 * Index keys for a query: a set of tokens such that any matching document contains at least one
 * of them (`undefined` = no such set, e.g. a pure NOT or a prefix; such queries are checked against
 * every article). Prefix terms contribute the key `prefix*`, resolved by the matcher.
 */
export function anchors(node: QueryNode): Set<string> | undefined {
  switch (node.kind) {
    case 'term':
      return new Set([node.prefix ? `${node.term}*` : node.term]);
    case 'phrase':
      return new Set([node.tokens[0]]);
    case 'not':
      return undefined;
    case 'or': {
      const out = new Set<string>();
      for (const c of node.children) {
        const a = anchors(c);
        if (!a) return undefined;
        a.forEach((x) => out.add(x));
      }
      return out;
    }
    case 'and': {
      let best: Set<string> | undefined;
      for (const c of node.children) {
        const a = anchors(c);
        if (a && (!best || a.size < best.size)) best = a;
      }
      return best;
    }
  }
}

/** A parsed query ready to evaluate and index. */
export class CompiledQuery {
  readonly ast: QueryNode;
  readonly anchors: Set<string> | undefined;
  constructor(readonly source: string) {
    this.ast = parseQuery(source);
    this.anchors = anchors(this.ast);
  }
  /** Whether the query matches (no allocation). */
  test(doc: DocumentText): boolean {
    return queryMatches(this.ast, doc);
  }
  /** The positive terms/phrases that matched (call after `test` returned true). */
  terms(doc: DocumentText): string[] {
    const hits = new Set<string>();
    return evaluateQuery(this.ast, doc, hits) ? [...hits] : [];
  }
  match(doc: DocumentText): { matched: boolean; terms: string[] } {
    // Most candidates fail: decide first without collecting, then collect the terms of a match.
    if (!queryMatches(this.ast, doc)) return { matched: false, terms: [] };
    const hits = new Set<string>();
    const matched = evaluateQuery(this.ast, doc, hits);
    return { matched, terms: matched ? [...hits] : [] };
  }
}
