// Character folding for matching, with an offset map back into the ORIGINAL text (part of text.ts,
// split by concern): per-code-unit classes and folds, foldWithMap/foldText, search normalisation,
// and the one-regex-per-code-unit tables the hot loops read instead of calling regexes.
// Discipline: the original string is never modified; every derived view carries, per derived
// character, the index of the original UTF-16 code unit it came from.

import { ARABIC_LETTER_FOLDS, arabicDigit, isArabicMark } from '@marsad/kb';
import { CodeUnits } from './text-units';

// Code units are read through the one built-in (`charCodeAt.call(s, i)`): these functions read strings of
// many representations (sliced, cons, one- or two-byte, internalised), on which `s.charCodeAt(i)` is a
// megamorphic property load per character in optimised code (ADR 0022, 2026-12-07).
const charCodeAt = String.prototype.charCodeAt;

/** Per-code-unit class: 0 other, 1 letter/digit/mark (word char), 2 whitespace, 3 invisible, 4 Arabic mark.
 * Read by the tokenizer (text-tokens.ts) after initClasses(). */
export const CLASS = new Uint8Array(65536);
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

export function initClasses(): void {
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
const FOLD_SRC = new CodeUnits();

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
  const su = FOLD_SRC.of(src);
  // no closure over out/os/oe/k: captured mutable locals would live in a context object and every
  // store in this loop would go through it
  for (let i = 0; i < n; i++) {
    const c = su[i];
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
      fc = FOLDC[c] = fs.length === 0 ? -2 : fs.length === 1 ? charCodeAt.call(fs, 0) : -3;
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
      const d = su[i + 1];
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
      out[k] = charCodeAt.call(f, j);
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
    const c = charCodeAt.call(s, i);
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return { arabic, latin };
}

/** foldText's copy of its input (its own instance: see text-units.ts). */
const FOLD_TEXT_SRC = new CodeUnits();

/** Arabic + Latin folding of a short string (names, aliases, keys). */
let FOLD_BUF = new Uint16Array(4096);

export function foldText(s: string): string {
  initClasses();
  const n = s.length;
  if (FOLD_BUF.length < n * 2 + 8) FOLD_BUF = new Uint16Array(n * 2 + 8);
  let buf = FOLD_BUF;
  const u = FOLD_TEXT_SRC.of(s);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = u[i];
    if (c < 128) {
      buf[k++] = c >= 65 && c <= 90 ? c + 32 : c;
      continue;
    }
    let fc = FOLDC[c];
    if (fc === -1) {
      const fs = c >= 0xd800 && c <= 0xdfff ? 'xx' : foldUnit(c);
      fc = FOLDC[c] = fs.length === 0 ? -2 : fs.length === 1 ? charCodeAt.call(fs, 0) : -3;
    }
    if (fc >= 0) {
      buf[k++] = fc;
      continue;
    }
    if (fc === -2) continue;
    let f: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && u[i + 1] >= 0xdc00 && u[i + 1] <= 0xdfff) {
      f = s.slice(i, i + 2);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) f = '\uFFFD';
    else f = foldUnit(c);
    if (k + f.length + 8 > buf.length) {
      const b2 = new Uint16Array(buf.length * 2 + f.length);
      b2.set(buf.subarray(0, k));
      buf = FOLD_BUF = b2;
    }
    for (let j = 0; j < f.length; j++) buf[k++] = charCodeAt.call(f, j);
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
const SPACE_SRC = new CodeUnits();

/** `s.replace(/[ \t\f\v\r\n]+/g, ' ')` in one pass over the char codes (returns s itself when nothing changes). */
function collapseSpaces(s: string): string {
  const n = s.length;
  const su = SPACE_SRC.of(s);
  // fast check: any tab/newline/CR/VT/FF or two spaces in a row?
  let i = 0;
  for (; i < n; i++) {
    const c = su[i];
    if (c <= 32 && (c === 32 ? i + 1 < n && isAsciiSpace(su[i + 1]) : c >= 9 && c <= 13)) break;
  }
  if (i === n) return s;
  if (SPACE_BUF.length < n) SPACE_BUF = new Uint16Array(n * 2);
  const buf = SPACE_BUF;
  let k = 0;
  let prevSpace = false;
  for (let j = 0; j < n; j++) {
    const c = su[j];
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

let LETTER_NUMBER: Uint8Array | undefined;
/**
 * 1 when the BMP code unit is a letter or number (\p{L}\p{N}); surrogates 0 (pairs are checked one by one).
 * Held once built: callers ask per line, and each codeUnitTable call builds a key string and a RegExp.
 */
export const letterNumberTable = (): Uint8Array => (LETTER_NUMBER ??= codeUnitTable(/[\p{L}\p{N}]/u));
