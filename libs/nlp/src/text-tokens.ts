// Tokenisation (Arabic-clitic aware) over the folded view, and the clitic variants of Arabic
// tokens (part of text.ts, split by concern). Tokens carry exact offsets into the original text.

import { CLASS as CLASS_TABLE, foldWithMap, initClasses, type Folded } from './text-fold';
import { CodeUnits } from './text-units';

// a module-local binding, as before the split: the per-character reads in tokenize stay a context
// slot load instead of a property load on the compiled module's exports object
const CLASS = CLASS_TABLE;
// Called through the one built-in: `s.charCodeAt(i)` / `s.slice(a, b)` on strings of many representations
// (sliced, cons, one- or two-byte, internalised: bodies, titles, folded text, KB aliases) is a megamorphic
// property load in optimised code, per character here (callgrind, ADR 0022 2026-12-07: ~3% of the engine's
// instructions in tokenize and foldText); `.call` on a constant function is the same read without it.
const charCodeAt = String.prototype.charCodeAt;
const slice = String.prototype.slice;

export type Script = 'arabic' | 'latin' | 'cyrillic' | 'han' | 'other' | 'digit';

export interface Token {
  /** Folded form. */
  norm: string;
  /** Offsets in the ORIGINAL text. */
  start: number;
  end: number;
  /** Offsets in the folded text. */
  nStart: number;
  nEnd: number;
  script: Script;
  /** Latin case of the original: 2 all upper (len>1), 1 initial upper, 0 lower/none. */
  caps: 0 | 1 | 2;
  /** What separates this token from the previous one: 0 nothing/space, 1 hyphen/apostrophe, 2 comma-like, 3 sentence/hard break, 4 quote, 5 newline. */
  gap: number;
  /** The raw separator text between the previous token and this one (original text). */
  sep: string;
  index: number;
  /** memoised clitic variants (see tokenVariants) */
  vars?: CliticVariant[];
  /** memoised Arabic reporting verb (actors.ts arVerbOf; null: none) */
  arVerb?: { verb: string; strip: number } | null;
}

function scriptOf(c: number): Script {
  if (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  )
    return 'arabic';
  if (c >= 0x30 && c <= 0x39) return 'digit';
  if (c < 0x250 || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
  if (c >= 0x0400 && c <= 0x052f) return 'cyrillic';
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return 'han';
  return 'other';
}

/** Gap class of a separator string (char codes: sep[i] would allocate a string per non-Latin-1 char, e.g. every ،). */
function gapOf(sep: string): number {
  const n = sep.length;
  if (n === 0) return 0;
  let g = 0;
  for (let i = 0; i < n; i++) {
    const c = charCodeAt.call(sep, i);
    let v = 0;
    if (c === 10 || c === 13)
      v = 5; // \n \r
    else if (
      c === 46 ||
      c === 33 ||
      c === 63 ||
      c === 0x061f ||
      c === 59 ||
      c === 0x061b ||
      c === 58 ||
      c === 124 ||
      c === 47 ||
      c === 0x2026
    )
      v = 3; // . ! ? ؟ ; ؛ : | / …
    else if (c === 40 || c === 41 || c === 91 || c === 93)
      v = 2; // ( ) [ ]
    else if (c === 34 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d || c === 0x201e)
      v = 4; // " « » “ ” „ (not ‘)
    else if (c === 44 || c === 0x060c || c === 0x2013 || c === 0x2014)
      v = 2; // , ، – —
    else if (c === 45 || c === 39 || c === 0x2019 || c === 0x2010 || c === 0x2011) v = n > 1 && c === 45 && /\s-|-\s/.test(sep) ? 2 : 1; // - ' ’ ‐ ‑
    if (v > g) g = v;
  }
  return g;
}

/**
 * Tokenise the original text: maximal runs of word characters (letters, digits, marks; Arabic
 * diacritics and tatweel stay inside the word; bidi controls are skipped). Each token carries its
 * folded form and exact original offsets.
 */
const TOK_FOLDED = new CodeUnits();
const TOK_SRC = new CodeUnits();

export function tokenize(src: string, folded?: Folded): Token[] {
  initClasses();
  const f = folded ?? foldWithMap(src);
  const ft = f.text;
  const fu = TOK_FOLDED.of(ft);
  const su = TOK_SRC.of(src);
  const os = f.origStart,
    oe = f.origEnd;
  const toks: Token[] = [];
  const n = ft.length;
  let k = 0;
  let prevEnd = 0;
  while (k < n) {
    // find start of word in folded text
    const c = fu[k];
    const isW = c < 128 ? (c >= 48 && c <= 57) || (c >= 97 && c <= 122) : CLASS[c] === 1 || (c >= 0xd800 && c <= 0xdfff);
    if (!isW) {
      k++;
      continue;
    }
    let e = k + 1;
    while (e < n) {
      const d = fu[e];
      const w = d < 128 ? (d >= 48 && d <= 57) || (d >= 97 && d <= 122) : CLASS[d] === 1 || (d >= 0xd800 && d <= 0xdfff);
      if (!w) break;
      // a word never spans a dropped/invisible region that contained whitespace: check original contiguity
      if (os[e] !== oe[e - 1]) {
        // original chars between were dropped (diacritics, bidi marks): keep joined only if none is whitespace
        let ok = true;
        for (let q = oe[e - 1]; q < os[e]; q++) {
          const cls = CLASS[su[q]];
          if (cls !== 4 && cls !== 3) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
      }
      e++;
    }
    const start = os[k];
    const end = oe[e - 1];
    const sep = slice.call(src, prevEnd, start);
    const c0 = su[start];
    let caps: 0 | 1 | 2 = 0;
    const script = scriptOf(c0);
    if (script === 'latin' && c0 < 128) {
      // ASCII fast path (same result as the general case below): initial A-Z; all-caps when no a-z follows
      if (c0 >= 65 && c0 <= 90) {
        caps = 1;
        if (end - start > 1) {
          let ascii = true,
            lower = false;
          for (let q = start + 1; q < end; q++) {
            const d = su[q];
            if (d >= 128) {
              ascii = false;
              break;
            }
            if (d >= 97 && d <= 122) lower = true;
          }
          if (!ascii) caps = capsOf(src.slice(start, end));
          else if (!lower) caps = 2;
        }
      }
    } else if (script === 'latin' || script === 'cyrillic' || script === 'other') {
      const raw = src.slice(start, end);
      const up = raw.toUpperCase(),
        lo = raw.toLowerCase();
      if (raw[0] !== lo[0] && raw[0] === up[0]) caps = raw.length > 1 && raw === up && raw !== lo ? 2 : 1;
    }
    // `vars` is part of the literal so every token keeps one hidden class (memoising it later would add a property)
    toks.push({
      norm: slice.call(ft, k, e),
      start,
      end,
      nStart: k,
      nEnd: e,
      script,
      caps,
      gap: toks.length ? gapOf(sep) : 5,
      sep,
      index: toks.length,
      vars: undefined,
      arVerb: undefined,
    });
    prevEnd = end;
    k = e;
  }
  return toks;
}

function capsOf(raw: string): 0 | 1 | 2 {
  const up = raw.toUpperCase(),
    lo = raw.toLowerCase();
  if (raw[0] !== lo[0] && raw[0] === up[0]) return raw.length > 1 && raw === up && raw !== lo ? 2 : 1;
  return 0;
}

export interface CliticVariant {
  /** folded form without the stripped proclitics */
  form: string;
  /** number of folded chars stripped at the front */
  strip: number;
  /** stripped the definite article */
  def: boolean;
}

/**
 * Candidate forms of an Arabic token with its proclitics stripped: و/ف, then ب/ك/ل, then ال
 * (لل → ال). The unstripped form comes first; stripped forms need at least 2 remaining letters.
 */
export function arabicVariants(norm: string): CliticVariant[] {
  return computeVariants(norm);
}

/** Clitic variants of a token, computed once per token. */
export function tokenVariants(t: Token): CliticVariant[] {
  return (t.vars ??= t.script === 'arabic' ? computeVariants(t.norm) : [{ form: t.norm, strip: 0, def: false }]);
}

function computeVariants(norm: string): CliticVariant[] {
  const out: CliticVariant[] = [{ form: norm, strip: 0, def: false }];
  const n = norm.length;
  if (n < 3) return out;
  let s = 0;
  const c0 = charCodeAt.call(norm, 0);
  if ((c0 === 0x0648 || c0 === 0x0641) && n > 3) {
    s = 1;
    pushVariant(out, norm, 1, false);
  } // و ف
  // لل → ال (الl fused with the article)
  if (charCodeAt.call(norm, s) === 0x0644 && charCodeAt.call(norm, s + 1) === 0x0644 && n - s > 3) {
    const form = 'ال' + norm.slice(s + 2);
    if (!hasForm(out, form)) out.push({ form, strip: s, def: false }); // the mention keeps لل (fused article)
    pushVariant(out, norm, s + 2, true);
    return out;
  }
  const cs = charCodeAt.call(norm, s);
  if ((cs === 0x0628 || cs === 0x0643 || cs === 0x0644) && n - s > 3) {
    // ب ك ل
    pushVariant(out, norm, s + 1, false);
    if (charCodeAt.call(norm, s + 1) === 0x0627 && charCodeAt.call(norm, s + 2) === 0x0644 && n - s - 1 > 3)
      pushVariant(out, norm, s + 3, true);
  }
  if (charCodeAt.call(norm, s) === 0x0627 && charCodeAt.call(norm, s + 1) === 0x0644 && n - s > 3) pushVariant(out, norm, s + 2, true); // ال
  return out;
}

/**
 * The clitic variants of `norm` as computeVariants lists them (same order, same length rule), but
 * as numbers instead of strings, for the gazetteer's allocation-free root lookup. Writes triples
 * into `out`: [keyStart, al, strip] — the variant's form is ('ال' if al) + norm.slice(keyStart), and
 * `strip` folded chars of the token are outside the mention. Returns the number of variants. Forms
 * that computeVariants drops as duplicates may appear here; a later duplicate never wins a match.
 */
export function variantSlots(norm: string, out: Int32Array): number {
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  let k = 1;
  const n = norm.length;
  if (n < 3) return k;
  let s = 0;
  const c0 = charCodeAt.call(norm, 0);
  if ((c0 === 0x0648 || c0 === 0x0641) && n > 3) {
    s = 1;
    if (n - 1 >= 2) {
      out[3 * k] = 1;
      out[3 * k + 1] = 0;
      out[3 * k + 2] = 1;
      k++;
    }
  }
  if (charCodeAt.call(norm, s) === 0x0644 && charCodeAt.call(norm, s + 1) === 0x0644 && n - s > 3) {
    out[3 * k] = s + 2;
    out[3 * k + 1] = 1;
    out[3 * k + 2] = s;
    k++;
    if (n - s - 2 >= 2) {
      out[3 * k] = s + 2;
      out[3 * k + 1] = 0;
      out[3 * k + 2] = s + 2;
      k++;
    }
    return k;
  }
  const cs = charCodeAt.call(norm, s);
  if ((cs === 0x0628 || cs === 0x0643 || cs === 0x0644) && n - s > 3) {
    if (n - s - 1 >= 2) {
      out[3 * k] = s + 1;
      out[3 * k + 1] = 0;
      out[3 * k + 2] = s + 1;
      k++;
    }
    if (charCodeAt.call(norm, s + 1) === 0x0627 && charCodeAt.call(norm, s + 2) === 0x0644 && n - s - 1 > 3 && n - s - 3 >= 2) {
      out[3 * k] = s + 3;
      out[3 * k + 1] = 0;
      out[3 * k + 2] = s + 3;
      k++;
    }
  }
  if (charCodeAt.call(norm, s) === 0x0627 && charCodeAt.call(norm, s + 1) === 0x0644 && n - s > 3 && n - s - 2 >= 2) {
    out[3 * k] = s + 2;
    out[3 * k + 1] = 0;
    out[3 * k + 2] = s + 2;
    k++;
  }
  return k;
}

function hasForm(out: CliticVariant[], form: string): boolean {
  for (let i = 0; i < out.length; i++) if (out[i].form === form) return true;
  return false;
}

function pushVariant(out: CliticVariant[], norm: string, strip: number, def: boolean): void {
  if (norm.length - strip < 2) return;
  const form = norm.slice(strip);
  if (!hasForm(out, form)) out.push({ form, strip, def });
}
