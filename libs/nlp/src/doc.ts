// A prepared document: folded view, tokens, sentences, quotes, boilerplate — built once per field.

import { detectBoilerplate, foldWithMap, splitSentences, tokenize, type Folded, type Sentence, type Span, type Token } from './text';

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
  let lo = 0, hi = doc.toks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (doc.toks[mid].start < pos) lo = mid + 1; else hi = mid; }
  return lo;
}

const OPEN_Q = new Set(['"', '\u201C', '\u00AB', '\u201E']);
const CLOSE_OF: Record<string, string> = { '"': '"', '\u201C': '\u201D', '\u00AB': '\u00BB', '\u201E': '\u201C' };

/** Pair quotation marks: straight quotes alternate within a paragraph; curly and guillemets pair by kind. */
export function findQuotes(src: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  let openCh = '';
  const n = src.length;
  for (let i = 0; i < n; i++) {
    const cc = src.charCodeAt(i);
    if (cc !== 10 && cc !== 34 && cc !== 0x201c && cc !== 0x201d && cc !== 0xab && cc !== 0xbb && cc !== 0x201e) continue;
    const ch = src[i];
    if (ch === '\n' && open >= 0) {
      // a quote may continue over a paragraph break only if the next paragraph reopens it
      let j = i;
      while (j < n && /\s/.test(src[j])) j++;
      if (j < n && src[j] === openCh && openCh === '"') { i = j; continue; }
      open = -1;
      continue;
    }
    // straight quotes: context decides (after space + before a letter opens; after a non-space closes)
    const before = i > 0 ? src[i - 1] : ' ';
    const after = i + 1 < n ? src[i + 1] : ' ';
    const openCtx = /[\s(\[\u2014\u2013:-]/.test(before) && !/\s/.test(after);
    const closeCtx = !/\s/.test(before);
    if (open < 0) {
      if (OPEN_Q.has(ch) && !(ch === '"' && closeCtx && !openCtx && /[\s.,;:!?]/.test(after))) { open = i; openCh = ch; }
    } else if (ch === '"' && openCh === '"' && openCtx && !closeCtx) {
      // a new opening quote while one is open: the writer never closed the first one
      let c = i - 1;
      while (c > open && /\s/.test(src[c])) c--;
      if (c - open > 1) out.push({ open, close: c + 1 > i ? i : c + 1 });
      open = i;
    } else if (ch === CLOSE_OF[openCh] || (openCh === '"' && ch === '\u201D')) {
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
    if (s !== last) { sentStart[i] = 1; last = s; }
    else if (toks[i].gap === 4 && i > 0 && sentStart[i - 1] === 0 && /["\u201C«]\s*$/.test(toks[i].sep) && /[:.]/.test(toks[i].sep)) sentStart[i] = 1;
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
