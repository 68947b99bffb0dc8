// A prepared document: folded view, tokens, sentences, quotes, boilerplate — built once per field.

import {
  codeUnitTable,
  detectBoilerplate,
  foldWithMap,
  splitSentences,
  tokenize,
  type Folded,
  type Sentence,
  type Span,
  type Token,
} from './text';
import { CodeUnits } from './text-units';

// Code units are read from a copy in a typed array (text-units.ts, ADR 0022 sixth session), not through
// `charCodeAt`, which dispatches on the string's representation at every character.

export interface QuoteSpan {
  /** offsets of the opening and closing quote characters in the original */
  open: number;
  close: number;
}

export interface Doc {
  src: string;
  field: 'body' | 'title';
  f: Folded;
  toks: Token[];
  sents: Sentence[];
  /** sentence index of each token */
  sentOf: Int32Array;
  /** 1 when the token is the first of its sentence (or follows an opening quote at sentence start) */
  sentStart: Uint8Array;
  skip: Span[];
  quotes: QuoteSpan[];
  /** index of the quote containing each token, or -1 */
  quoteOf: Int32Array;
  /** quote index by the offset of its opening mark */
  quoteAt: Map<number, number>;
}

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenAt(doc: Doc, pos: number): number {
  let lo = 0,
    hi = doc.toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.toks[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// quote marks by char code: " “ « „ open; each closes with its partner (a straight quote also with ”)
const Q_STRAIGHT = 34,
  Q_LEFT = 0x201c,
  Q_RIGHT = 0x201d,
  Q_LAQUO = 0xab,
  Q_RAQUO = 0xbb,
  Q_LOW = 0x201e;
function closeOf(open: number): number {
  return open === Q_STRAIGHT ? Q_STRAIGHT : open === Q_LEFT ? Q_RIGHT : open === Q_LAQUO ? Q_RAQUO : Q_LEFT;
}
const isOpenQuote = (c: number) => c === Q_STRAIGHT || c === Q_LEFT || c === Q_LAQUO || c === Q_LOW;

let SPACE: Uint8Array | undefined;
const QUOTE_SRC = new CodeUnits();
/** Pair quotation marks: straight quotes alternate within a paragraph; curly and guillemets pair by kind. */
export function findQuotes(src: string): QuoteSpan[] {
  // char codes and a \s table instead of src[i] + regex tests (same decisions, no per-char strings)
  const sp = (SPACE ??= codeUnitTable(/\s/)); // (\s matches no surrogate)
  const out: QuoteSpan[] = [];
  let open = -1;
  let openC = 0;
  const n = src.length;
  const su = QUOTE_SRC.of(src);
  for (let i = 0; i < n; i++) {
    const cc = su[i];
    if (cc !== 10 && cc !== Q_STRAIGHT && cc !== Q_LEFT && cc !== Q_RIGHT && cc !== Q_LAQUO && cc !== Q_RAQUO && cc !== Q_LOW) continue;
    if (cc === 10 && open >= 0) {
      // a quote may continue over a paragraph break only if the next paragraph reopens it
      let j = i;
      while (j < n && sp[su[j]]) j++;
      if (j < n && su[j] === openC && openC === Q_STRAIGHT) {
        i = j;
        continue;
      }
      open = -1;
      continue;
    }
    // straight quotes: context decides (after space + before a letter opens; after a non-space closes)
    const before = i > 0 ? su[i - 1] : 32;
    const after = i + 1 < n ? su[i + 1] : 32;
    const openCtx =
      (sp[before] === 1 || before === 40 || before === 91 || before === 0x2014 || before === 0x2013 || before === 58 || before === 45) &&
      sp[after] === 0;
    const closeCtx = sp[before] === 0;
    if (open < 0) {
      const spaceOrStop = sp[after] === 1 || after === 46 || after === 44 || after === 59 || after === 58 || after === 33 || after === 63;
      if (isOpenQuote(cc) && !(cc === Q_STRAIGHT && closeCtx && !openCtx && spaceOrStop)) {
        open = i;
        openC = cc;
      }
    } else if (cc === Q_STRAIGHT && openC === Q_STRAIGHT && openCtx && !closeCtx) {
      // a new opening quote while one is open: the writer never closed the first one
      let c = i - 1;
      while (c > open && sp[su[c]]) c--;
      if (c - open > 1) out.push({ open, close: c + 1 > i ? i : c + 1 });
      open = i;
    } else if (cc === closeOf(openC) || (openC === Q_STRAIGHT && cc === Q_RIGHT)) {
      if (i - open > 1) out.push({ open, close: i });
      open = -1;
    }
  }
  return out;
}

export function prepare(src: string, field: 'body' | 'title', title?: string): Doc {
  const f = foldWithMap(src);
  const toks = tokenize(src, f);
  const sents = splitSentences(src);
  const sentOf = new Int32Array(toks.length);
  const sentStart = new Uint8Array(toks.length);
  let s = 0;
  let last = -1;
  for (let i = 0; i < toks.length; i++) {
    while (s < sents.length - 1 && toks[i].start >= sents[s].end) s++;
    sentOf[i] = s;
    if (s !== last) {
      sentStart[i] = 1;
      last = s;
    } else if (toks[i].gap === 4 && i > 0 && sentStart[i - 1] === 0 && /["\u201C«]\s*$/.test(toks[i].sep) && /[:.]/.test(toks[i].sep))
      sentStart[i] = 1;
  }
  const quotes = findQuotes(src);
  const quoteOf = new Int32Array(toks.length).fill(-1);
  let q = 0;
  for (let i = 0; i < toks.length; i++) {
    while (q < quotes.length && quotes[q].close < toks[i].start) q++;
    if (q < quotes.length && quotes[q].open < toks[i].start && toks[i].end <= quotes[q].close) quoteOf[i] = q;
  }
  const skip = field === 'body' ? detectBoilerplate(src, title) : [];
  const quoteAt = new Map<number, number>();
  quotes.forEach((x, i) => quoteAt.set(x.open, i));
  return { src, field, f, toks, sents, sentOf, sentStart, skip, quotes, quoteOf, quoteAt };
}
