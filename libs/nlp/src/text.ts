// Text handling: character folding for matching with an offset map back into the ORIGINAL text,
// tokenisation (Arabic-clitic aware), sentence splitting and boilerplate detection.
// Discipline: the original string is never modified; every derived view carries, per derived
// character, the index of the original UTF-16 code unit it came from.

import { ARABIC_LETTER_FOLDS, arabicDigit, isArabicMark } from '@marsad/kb';

/** Per-code-unit class: 0 other, 1 letter/digit/mark (word char), 2 whitespace. */
const CLASS = new Uint8Array(65536);
const FOLD: (string | undefined)[] = new Array(65536);
/** Single-code-unit fold table: -1 unknown, -2 dropped, -3 multi-char/surrogate, else the folded code unit. */
const FOLDC = new Int32Array(65536).fill(-1);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const SPACE_RE = /[\s\u00A0\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]/u;
let classReady = false;

// Arabic letters folded for matching: the shared table of @marsad/kb (diacritics/tatweel removed;
// alef/hamza/yaa/taa-marbuta and Persian letter variants unified, Arabic-Indic digits → 0-9; ADR 0015).

// Invisible controls dropped in folded views: bidi marks/embeddings/isolates, ZW(N)J, soft hyphen, BOM.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u00AD\uFEFF\u061C]/;

function initClasses(): void {
  if (classReady) return;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      CLASS[c] = 1;
      continue;
    } // surrogates: treat astral as word chars
    const ch = String.fromCharCode(c);
    if (INVISIBLE.test(ch)) CLASS[c] = 3;
    else if (isArabicMark(c))
      CLASS[c] = 4; // dropped, joins words
    else if (WORD_RE.test(ch)) CLASS[c] = 1;
    else if (SPACE_RE.test(ch)) CLASS[c] = 2;
    else CLASS[c] = 0;
  }
  classReady = true;
}

/** Folded form of one BMP code unit ('' = dropped). Cached. */
function foldUnit(c: number): string {
  let f = FOLD[c];
  if (f !== undefined) return f;
  const ch = String.fromCharCode(c);
  const cls = CLASS[c];
  if (cls === 3 || cls === 4) f = '';
  else if (c < 128) f = ch.toLowerCase();
  else if (ARABIC_LETTER_FOLDS.has(c)) f = String.fromCharCode(ARABIC_LETTER_FOLDS.get(c)!);
  else if (arabicDigit(c) >= 0) f = String(arabicDigit(c));
  else if (c >= 0xd800 && c <= 0xdfff) f = ch;
  else if (cls === 2) f = ' ';
  else if (c === 0x2019 || c === 0x2018 || c === 0x02bc) f = "'";
  else {
    // NFKD then drop combining marks: é → e, ﻻ → لا, ﬁ → fi; then lower-case.
    f = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (f === '' && CLASS[c] === 1) f = ''; // a lone combining mark
  }
  FOLD[c] = f;
  return f;
}

// Typed array of UTF-16 code units → string. Buffer's utf16le decoder copies the units as they are
// (lone surrogates included: no replacement), 10-15x faster than String.fromCharCode.apply on a
// 3 KB article; apply stays for short strings (cheaper below ~20 units) and big-endian hosts.
const LE_BUFFER = typeof Buffer === 'function' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export function codesToString(buf: Uint16Array, k: number): string {
  if (LE_BUFFER && k > 20) return Buffer.from(buf.buffer, buf.byteOffset, k * 2).toString('utf16le');
  if (k <= 8192) return String.fromCharCode.apply(null, buf.subarray(0, k) as unknown as number[]);
  const parts: string[] = [];
  for (let p = 0; p < k; p += 8192)
    parts.push(String.fromCharCode.apply(null, buf.subarray(p, Math.min(k, p + 8192)) as unknown as number[]));
  return parts.join('');
}

export interface Folded {
  /** The folded text (lower-case, Arabic-normalised, diacritics and invisible controls removed). */
  text: string;
  /** origStart[k] = index in the original of the code unit that produced folded char k. */
  origStart: Int32Array;
  /** origEnd[k] = end (exclusive) in the original of that code unit (2 for surrogate pairs). */
  origEnd: Int32Array;
  /** Arabic-block (U+0600–06FF) code units and ASCII letters among the first 20,000 of the original: the
   * engine's script mix, counted here because this loop reads every code unit anyway. */
  arabic: number;
  latin: number;
}

/**
 * Fold `src` for matching, char by char, with a parallel array of original offsets.
 * Folding is a per-code-unit function (plus NFKD decomposition of single chars), so the map is exact:
 * a folded span [a, b) maps back to [origStart[a], origEnd[b-1]) in the original.
 */
let FOLD_OUT = new Uint16Array(4096);

export function foldWithMap(src: string): Folded {
  initClasses();
  const n = src.length;
  let cap = n + 16;
  // the folded code units only live until they become f.text: one scratch buffer for every call
  if (FOLD_OUT.length < cap) FOLD_OUT = new Uint16Array(cap * 2);
  let out = FOLD_OUT;
  // both offset maps in one allocation (typed arrays this size live outside the V8 heap: each is a
  // zeroed malloc plus ArrayBuffer bookkeeping)
  let maps = new Int32Array(2 * cap);
  let os = maps.subarray(0, cap);
  let oe = maps.subarray(cap);
  let k = 0;
  let arabic = 0,
    latin = 0;
  // no closure over out/os/oe/k: captured mutable locals would live in a context object and every
  // store in this loop would go through it
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c < 128) {
      if (((c | 32) - 97) >>> 0 < 26) latin++; // A–Z, a–z
      out[k] = c >= 65 && c <= 90 ? c + 32 : c;
      os[k] = i;
      oe[k] = i + 1;
      k++;
      continue;
    }
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    let fc = FOLDC[c];
    if (fc === -1) {
      const fs = c >= 0xd800 && c <= 0xdfff ? 'xx' : foldUnit(c);
      fc = FOLDC[c] = fs.length === 0 ? -2 : fs.length === 1 ? fs.charCodeAt(0) : -3;
    }
    if (fc >= 0) {
      out[k] = fc;
      os[k] = i;
      oe[k] = i + 1;
      k++;
      continue;
    }
    if (fc === -2) continue;
    let f: string;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = src.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        f = src.slice(i, i + 2);
        w = 2;
      } else f = '\uFFFD';
    } else if (c >= 0xd800 && c <= 0xdfff) f = '\uFFFD';
    else f = foldUnit(c);
    const fl = f.length;
    // one code unit in gives one out everywhere else, so k <= i + 16 there; multi-char folds may need room
    if (k + fl + (n - i) + 16 > cap) {
      cap = Math.max(cap * 2, k + fl + (n - i) + 16);
      if (out.length < cap) {
        const o2 = new Uint16Array(cap * 2);
        o2.set(out.subarray(0, k));
        out = FOLD_OUT = o2;
      }
      maps = new Int32Array(2 * cap);
      const a = maps.subarray(0, cap);
      a.set(os.subarray(0, k));
      os = a;
      const b = maps.subarray(cap);
      b.set(oe.subarray(0, k));
      oe = b;
    }
    for (let j = 0; j < fl; j++) {
      out[k] = f.charCodeAt(j);
      os[k] = i;
      oe[k] = i + w;
      k++;
    }
    if (w === 2) i++;
  }
  if (n > SCRIPT_MIX_MAX) ({ arabic, latin } = scriptMix(src));
  return { text: codesToString(out, k), origStart: os.subarray(0, k), origEnd: oe.subarray(0, k), arabic, latin };
}

const SCRIPT_MIX_MAX = 20000;

/** Arabic-block code units and ASCII letters among the first 20,000 code units of s. */
export function scriptMix(s: string): { arabic: number; latin: number } {
  let arabic = 0,
    latin = 0;
  const n = Math.min(s.length, SCRIPT_MIX_MAX);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return { arabic, latin };
}

/** Arabic + Latin folding of a short string (names, aliases, keys). */
let FOLD_BUF = new Uint16Array(4096);

export function foldText(s: string): string {
  initClasses();
  const n = s.length;
  if (FOLD_BUF.length < n * 2 + 8) FOLD_BUF = new Uint16Array(n * 2 + 8);
  let buf = FOLD_BUF;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      buf[k++] = c >= 65 && c <= 90 ? c + 32 : c;
      continue;
    }
    let fc = FOLDC[c];
    if (fc === -1) {
      const fs = c >= 0xd800 && c <= 0xdfff ? 'xx' : foldUnit(c);
      fc = FOLDC[c] = fs.length === 0 ? -2 : fs.length === 1 ? fs.charCodeAt(0) : -3;
    }
    if (fc >= 0) {
      buf[k++] = fc;
      continue;
    }
    if (fc === -2) continue;
    let f: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      f = s.slice(i, i + 2);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) f = '\uFFFD';
    else f = foldUnit(c);
    if (k + f.length + 8 > buf.length) {
      const b2 = new Uint16Array(buf.length * 2 + f.length);
      b2.set(buf.subarray(0, k));
      buf = FOLD_BUF = b2;
    }
    for (let j = 0; j < f.length; j++) buf[k++] = f.charCodeAt(j);
  }
  return codesToString(buf, k);
}

/** Word-char test on the original text (letters, digits, combining marks, Arabic diacritics). */
export function isWordCode(c: number): boolean {
  initClasses();
  const k = CLASS[c];
  return k === 1 || k === 4 || (k === 3 && false);
}

/** NFC normalisation, safe on any input (lone surrogates are kept as they are). */
export function nfc(s: string): string {
  try {
    return s.normalize('NFC');
  } catch {
    return s;
  }
}

/**
 * Normalised text for the search index fields (titleNormalized / bodyNormalized): NFC, Arabic
 * letter variants unified, diacritics/tatweel/bidi controls removed, lower-case, whitespace collapsed.
 */
export function normalizeForSearch(text: string, folded?: Folded): string {
  if (!text) return '';
  // NFC is implied: folding decomposes each character and drops combining marks.
  return collapseSpaces(folded ? folded.text : foldText(text)).trim();
}

let SPACE_BUF = new Uint16Array(8192);

/** `s.replace(/[ \t\f\v\r\n]+/g, ' ')` in one pass over the char codes (returns s itself when nothing changes). */
function collapseSpaces(s: string): string {
  const n = s.length;
  // fast check: any tab/newline/CR/VT/FF or two spaces in a row?
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 && (c === 32 ? i + 1 < n && isAsciiSpace(s.charCodeAt(i + 1)) : c >= 9 && c <= 13)) break;
  }
  if (i === n) return s;
  if (SPACE_BUF.length < n) SPACE_BUF = new Uint16Array(n * 2);
  const buf = SPACE_BUF;
  let k = 0;
  let prevSpace = false;
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c <= 32 && isAsciiSpace(c)) {
      if (!prevSpace) {
        buf[k++] = 32;
        prevSpace = true;
      }
      continue;
    }
    prevSpace = false;
    buf[k++] = c;
  }
  return codesToString(buf, k);
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

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
    const c = sep.charCodeAt(i);
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
export function tokenize(src: string, folded?: Folded): Token[] {
  initClasses();
  const f = folded ?? foldWithMap(src);
  const ft = f.text;
  const os = f.origStart,
    oe = f.origEnd;
  const toks: Token[] = [];
  const n = ft.length;
  let k = 0;
  let prevEnd = 0;
  while (k < n) {
    // find start of word in folded text
    const c = ft.charCodeAt(k);
    const isW = c < 128 ? (c >= 48 && c <= 57) || (c >= 97 && c <= 122) : CLASS[c] === 1 || (c >= 0xd800 && c <= 0xdfff);
    if (!isW) {
      k++;
      continue;
    }
    let e = k + 1;
    while (e < n) {
      const d = ft.charCodeAt(e);
      const w = d < 128 ? (d >= 48 && d <= 57) || (d >= 97 && d <= 122) : CLASS[d] === 1 || (d >= 0xd800 && d <= 0xdfff);
      if (!w) break;
      // a word never spans a dropped/invisible region that contained whitespace: check original contiguity
      if (os[e] !== oe[e - 1]) {
        // original chars between were dropped (diacritics, bidi marks): keep joined only if none is whitespace
        let ok = true;
        for (let q = oe[e - 1]; q < os[e]; q++) {
          const cls = CLASS[src.charCodeAt(q)];
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
    const sep = src.slice(prevEnd, start);
    const c0 = src.charCodeAt(start);
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
            const d = src.charCodeAt(q);
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
      norm: ft.slice(k, e),
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
  const c0 = norm.charCodeAt(0);
  if ((c0 === 0x0648 || c0 === 0x0641) && n > 3) {
    s = 1;
    pushVariant(out, norm, 1, false);
  } // و ف
  // لل → ال (الl fused with the article)
  if (norm.charCodeAt(s) === 0x0644 && norm.charCodeAt(s + 1) === 0x0644 && n - s > 3) {
    const form = 'ال' + norm.slice(s + 2);
    if (!hasForm(out, form)) out.push({ form, strip: s, def: false }); // the mention keeps لل (fused article)
    pushVariant(out, norm, s + 2, true);
    return out;
  }
  const cs = norm.charCodeAt(s);
  if ((cs === 0x0628 || cs === 0x0643 || cs === 0x0644) && n - s > 3) {
    // ب ك ل
    pushVariant(out, norm, s + 1, false);
    if (norm.charCodeAt(s + 1) === 0x0627 && norm.charCodeAt(s + 2) === 0x0644 && n - s - 1 > 3) pushVariant(out, norm, s + 3, true);
  }
  if (norm.charCodeAt(s) === 0x0627 && norm.charCodeAt(s + 1) === 0x0644 && n - s > 3) pushVariant(out, norm, s + 2, true); // ال
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
  const c0 = norm.charCodeAt(0);
  if ((c0 === 0x0648 || c0 === 0x0641) && n > 3) {
    s = 1;
    if (n - 1 >= 2) {
      out[3 * k] = 1;
      out[3 * k + 1] = 0;
      out[3 * k + 2] = 1;
      k++;
    }
  }
  if (norm.charCodeAt(s) === 0x0644 && norm.charCodeAt(s + 1) === 0x0644 && n - s > 3) {
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
  const cs = norm.charCodeAt(s);
  if ((cs === 0x0628 || cs === 0x0643 || cs === 0x0644) && n - s > 3) {
    if (n - s - 1 >= 2) {
      out[3 * k] = s + 1;
      out[3 * k + 1] = 0;
      out[3 * k + 2] = s + 1;
      k++;
    }
    if (norm.charCodeAt(s + 1) === 0x0627 && norm.charCodeAt(s + 2) === 0x0644 && n - s - 1 > 3 && n - s - 3 >= 2) {
      out[3 * k] = s + 3;
      out[3 * k + 1] = 0;
      out[3 * k + 2] = s + 3;
      k++;
    }
  }
  if (norm.charCodeAt(s) === 0x0627 && norm.charCodeAt(s + 1) === 0x0644 && n - s > 3 && n - s - 2 >= 2) {
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

export interface Sentence {
  start: number;
  end: number;
}

/** Abbreviations a period does not end a sentence after (exported for the regex oracle in fast-paths.spec.ts). */
export const ABBREV = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'messrs',
  'inc',
  'ltd',
  'corp',
  'co',
  'vs',
  'etc',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'e.g',
  'i.e',
  'mt',
  'ft',
  'approx',
  'dept',
  'est',
  'fig',
  'al',
]);

/**
 * Split into sentences on . ! ? ؟ … and newlines (Arabic comma ، is not an end). Handles
 * abbreviations (Mr., Dr., U.S.), decimal numbers, initials (J. K.), ellipses inside quotes, and
 * closing quotes after the terminator. Returns offsets into the original text.
 */
export function splitSentences(src: string): Sentence[] {
  // Char-code version of the regex tests it replaced (\s, [\p{L}.], \p{Lu}, \p{Ll} on single code
  // units, via a table built from those same regexes): src[i] and regex calls allocated per char.
  const cl = charFlags();
  const out: Sentence[] = [];
  const n = src.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const cc = src.charCodeAt(i);
    if (cc === 10) {
      pushSentence(out, src, start, i, cl);
      start = i + 1;
      continue;
    }
    if (cc === 46 || cc === 33 || cc === 63 || cc === 0x061f || cc === 0x2026) {
      let j = i + 1;
      for (; j < n; j++) {
        const d = src.charCodeAt(j);
        if (d !== 46 && d !== 33 && d !== 63 && d !== 0x061f && d !== 0x2026) break;
      }
      // closing quotes/brackets belong to this sentence
      for (; j < n; j++) {
        const d = src.charCodeAt(j);
        if (d !== 34 && d !== 39 && d !== 0x201d && d !== 0x2019 && d !== 0xbb && d !== 41 && d !== 93) break;
      }
      if (j < n && !(cl[src.charCodeAt(j)] & F_SPACE)) {
        i = j - 1;
        continue;
      } // "U.S.A", "3.5", "..."+letter
      if (cc === 46 && j === i + 1) {
        // abbreviation / initial?
        let w = i - 1;
        while (w >= 0) {
          const d = src.charCodeAt(w);
          if (d !== 46 && !(cl[d] & F_LETTER)) break;
          w--;
        }
        const wl = i - w - 1;
        if (wl <= 6 && ABBREV.has(src.slice(w + 1, i).toLowerCase())) continue; // longest abbreviation: 6 chars
        if (wl === 1 && cl[src.charCodeAt(w + 1)] & F_UPPER) continue; // single initial "J."
        // next non-space char lower-case → not a sentence end
        let q = j;
        while (q < n && src.charCodeAt(q) === 32) q++;
        if (q < n && cl[src.charCodeAt(q)] & F_LOWER) continue;
      }
      if (cc === 0x2026 || (j - i >= 3 && src.charCodeAt(i) === 46 && src.charCodeAt(i + 1) === 46 && src.charCodeAt(i + 2) === 46)) {
        let q = j;
        while (q < n && src.charCodeAt(q) === 32) q++;
        if (q < n && cl[src.charCodeAt(q)] & F_LOWER && q > 0 && src.charCodeAt(q - 1) === 32) {
          i = j - 1;
          continue;
        }
      }
      pushSentence(out, src, start, j, cl);
      start = j;
      i = j - 1;
    }
  }
  pushSentence(out, src, start, n, cl);
  return out;
}

function pushSentence(out: Sentence[], src: string, s: number, e: number, cl: Uint8Array): void {
  while (s < e && cl[src.charCodeAt(s)] & F_SPACE) s++;
  let t = e;
  while (t > s && cl[src.charCodeAt(t - 1)] & F_SPACE) t--;
  if (t > s) out.push({ start: s, end: t });
}

const F_SPACE = 1,
  F_LETTER = 2,
  F_UPPER = 4,
  F_LOWER = 8;
let CHAR_FLAGS: Uint8Array | undefined;
/** Per BMP code unit: /\s/, /\p{L}/u, /\p{Lu}/u, /\p{Ll}/u as tested on that one unit (surrogates: none). */
function charFlags(): Uint8Array {
  if (CHAR_FLAGS) return CHAR_FLAGS;
  const t = new Uint8Array(65536);
  const sp = /\s/,
    l = /\p{L}/u,
    lu = /\p{Lu}/u,
    ll = /\p{Ll}/u;
  for (let c = 0; c < 65536; c++) {
    const ch = String.fromCharCode(c);
    let f = sp.test(ch) ? F_SPACE : 0;
    if (c < 0xd800 || c > 0xdfff) f |= (l.test(ch) ? F_LETTER : 0) | (lu.test(ch) ? F_UPPER : 0) | (ll.test(ch) ? F_LOWER : 0);
    t[c] = f;
  }
  return (CHAR_FLAGS = t);
}

export interface Span {
  start: number;
  end: number;
  reason: string;
}

/**
 * Boilerplate in scraped pages, as spans of the original text to skip (nothing is removed, offsets
 * do not move): image-caption lines (short lines ending in أرشيفية/تعبيرية/Photo/File/Getty...),
 * lines repeating the title, exact duplicated lines (the later copy), hashtag-only lines and
 * "Read more"/"اقرأ أيضا" lines.
 */
export function detectBoilerplate(body: string, title?: string): Span[] {
  const spans: Span[] = [];
  // dateline: "WASHINGTON (CNN) --", "دبي، الإمارات العربية المتحدة (CNN)--", "BRUSSELS -" at the start of the body
  const dl = /^[^\n]{0,80}?\((CNN|AFP|AP|Reuters|رويترز|أ ف ب|د ب أ)\)\s*(--|—|–|-)/.exec(body);
  if (dl) spans.push({ start: 0, end: dl[0].length, reason: 'dateline' });
  const seen = new Set<string>();
  const tkey = title ? keyLine(title) : '';
  let pos = 0;
  while (pos <= body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl < 0) nl = body.length;
    const line = body.slice(pos, nl);
    const raw = line.trim();
    // exact keys only for lines that could repeat the title or be captions; other lines by raw text
    const k = raw.length <= 200 ? keyLine(line) : raw;
    if (k) {
      let reason = '';
      if (tkey && k === tkey) reason = 'title';
      else if (seen.has(k) && k.length > 20) reason = 'duplicate';
      else if (isCaptionLine(line)) reason = 'caption';
      else if (/^\s*(اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|شاهد أيضا|Read more|Related:|See also)\b/i.test(line)) reason = 'related';
      if (reason) spans.push({ start: pos, end: nl, reason });
      seen.add(k);
    }
    pos = nl + 1;
  }
  return spans;
}

const CODE_UNIT_TABLES = new Map<string, Uint8Array>();
/**
 * t[c] = 1 when the one-character regex `re` matches the BMP code unit c (surrogates: 0, callers
 * check pairs themselves). Built once per regex on first use (65,536 tests), so hot loops classify
 * characters by an array read instead of a regex call or a one-character string.
 */
export function codeUnitTable(re: RegExp): Uint8Array {
  const key = `${re.source}/${re.flags}`;
  let t = CODE_UNIT_TABLES.get(key);
  if (t) return t;
  t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (c < 0xd800 || c > 0xdfff) t[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  CODE_UNIT_TABLES.set(key, t);
  return t;
}

/** 1 when the BMP code unit is a letter or number (\p{L}\p{N}); surrogates 0 (pairs are checked one by one). */
export const letterNumberTable = (): Uint8Array => codeUnitTable(/[\p{L}\p{N}]/u);
const LN_PAIR = /^[\p{L}\p{N}]$/u;
let KEY_BUF = new Uint16Array(512);

/** foldText(s) with every run of non-letters/numbers turned into one space, trimmed (one pass, no regex). */
function keyLine(s: string): string {
  const f = foldText(s);
  const ln = letterNumberTable();
  const n = f.length;
  if (KEY_BUF.length < n + 1) KEY_BUF = new Uint16Array(n * 2 + 16);
  const buf = KEY_BUF;
  let k = 0;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = f.charCodeAt(i);
    let w = 0; // width of a letter/number at i (0 = separator)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = f.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (LN_PAIR.test(f.slice(i, i + 2))) w = 2;
        else {
          i++;
          pendingSpace = true;
          continue;
        }
      }
    } else if (ln[c]) w = 1;
    if (!w) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && k > 0) buf[k++] = 32;
    pendingSpace = false;
    buf[k++] = c;
    if (w === 2) buf[k++] = f.charCodeAt(++i);
  }
  return codesToString(buf, k);
}

const CAPTION_END =
  /(أرشيفية|ارشيفية|تعبيرية|أرشيف|صورة أرشيفية|صورة تعبيرية|\(?(AFP|Reuters|Getty Images?|AP|EPA|file photo|photo|archive)\)?)\s*\.?\s*$/i;
function isCaptionLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 120) return false;
  const words = t.split(/\s+/).length;
  if (words > 14) return false;
  if (CAPTION_END.test(t)) return true;
  if (/^(صورة|الصورة|Photo|Image|Picture)\s*[:：-]/i.test(t)) return true;
  return false;
}

/** True when [start, end) overlaps any span. Spans are sorted. */
export function inSpans(spans: Span[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start >= end) return false;
    if (s.end > start) return true;
  }
  return false;
}
