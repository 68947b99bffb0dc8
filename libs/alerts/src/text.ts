/**
 * Text normalisation and tokenisation for keyword matching: lower-case (NFKC), Arabic folding by the
 * shared table of @marsad/kb (diacritics, tatweel, alef/hamza variants, alef maqsura, ta marbuta,
 * Persian letter variants, Arabic-Indic digits; ADR 0015) so that a watch keyword meets the article
 * text and the KB names on the same form, Latin diacritics removed. Tokens are runs of letters, marks
 * and digits.
 */
import { foldArabicUnit } from '@marsad/kb';

const NON_ASCII = /[^\x00-\x7f]/;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/; // incl. presentation forms (NFKC maps them)
/** Arabic block (U+0600–06FF) code unit → its normalised form, for the ones the shared table changes. */
const ARABIC_FOLD = /[\u0600-\u06ff]/g;
const arabicFold = (ch: string) => foldArabicUnit(ch.charCodeAt(0)) ?? ch;

export function normalizeText(s: string): string {
  // Fast path (most Latin text, every ASCII token): NFKC, NFD and the Arabic folds change nothing.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  if (!ARABIC.test(s)) return foldLatin(s);
  return foldSimple(s) ?? foldArabic(s);
}

/** The full pipeline (Unicode normalisations and regex folds); `normalizeText` gives the same result. */
export function normalizeTextReference(s: string): string {
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return ARABIC.test(s) ? foldArabic(s) : foldLatin(s);
}

const foldLatin = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');

function foldArabic(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(ARABIC_FOLD, arabicFold)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/**
 * Code units the pipeline treats one by one: for a text made only of these, normalising is a
 * per-unit table lookup (Arabic news: ~8 µs instead of ~45 µs for three Unicode normalisations and
 * six regex passes). ASCII, Latin-1, the Arabic block and General Punctuation, except the three
 * letters that compose with a hamza above into a letter the folds keep (ۀ ۂ ۓ). text.spec.ts
 * checks every pair of these units, and letter + mark + mark triples, against the full pipeline.
 */
export function isSimpleCodeUnit(c: number): boolean {
  return c < 0x100 || (c >= 0x600 && c <= 0x6ff && c !== 0x6c1 && c !== 0x6d2 && c !== 0x6d5) || (c >= 0x2000 && c <= 0x206f);
}

/** Per code unit: 0 = not simple, 1 = unchanged, 2 = replaced by `foldTo[c]` (lower case included). */
let foldKind: Uint8Array | undefined;
const foldTo: string[] = new Array<string>(0x2070).fill('');
function foldTable(): Uint8Array {
  if (foldKind) return foldKind;
  const kind = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (!isSimpleCodeUnit(c)) continue;
    const ch = String.fromCharCode(c);
    const f = normalizeTextReference(ch);
    if (f === ch) kind[c] = 1;
    else {
      kind[c] = 2;
      foldTo[c] = f;
    }
  }
  return (foldKind = kind);
}

/** `normalizeTextReference(s)` by table, or undefined when `s` has a unit that is not simple. */
function foldSimple(s: string): string | undefined {
  const kind = foldTable();
  let out = '';
  let last = 0;
  for (let i = 0, n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = kind[c];
    if (k === 1) continue;
    if (k === 0) return undefined;
    out += s.slice(last, i) + foldTo[c];
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** 1 = letter or digit (\p{L}, \p{N}), per BMP code unit; built once (65,536 checks, ~10 ms). */
let wordTable: Uint8Array | undefined;
function table(): Uint8Array {
  if (wordTable) return wordTable;
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if ((c < 0xd800 || c > 0xdfff) && WORD_CHAR.test(String.fromCharCode(c))) t[c] = 1;
  return (wordTable = t);
}

/**
 * Token boundaries of a text, in reusable arrays (grown as needed): token k is `[starts[k], ends[k])`,
 * `hashes[k]` its FNV-1a hash over UTF-16 code units (lets the matcher look tokens up without slicing them).
 */
export class TokenSpans {
  starts: Int32Array = new Int32Array(1024);
  ends: Int32Array = new Int32Array(1024);
  hashes: Int32Array = new Int32Array(1024);
  count = 0;
}
const FNV_OFFSET = 0x811c9dc5 | 0;

/**
 * Fills `spans` with the runs of letters and digits of an already normalised `text`: same runs as
 * `/[\p{L}\p{N}]+/gu`, with a code-unit table instead of a Unicode regex (3–4× faster: this runs
 * once per article for every keyword watch).
 */
export function scanTokens(text: string, spans: TokenSpans): void {
  const t = table();
  let { starts, ends, hashes } = spans;
  let count = 0;
  let start = -1;
  let h = FNV_OFFSET;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    let word: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      // Astral character (surrogate pair): rare, ask the regex.
      word = WORD_CHAR.test(text.slice(i, i + 2));
      if (word) {
        if (start < 0) {
          start = i;
          h = FNV_OFFSET;
        }
        h = Math.imul(Math.imul(h ^ c, 16777619) ^ text.charCodeAt(i + 1), 16777619);
        i++;
        continue;
      }
    } else word = t[c] === 1;
    if (word) {
      if (start < 0) {
        start = i;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ c, 16777619);
    } else if (start >= 0) {
      if (count === starts.length) {
        spans.starts = starts = grow(starts);
        spans.ends = ends = grow(ends);
        spans.hashes = hashes = grow(hashes);
      }
      starts[count] = start;
      hashes[count] = h;
      ends[count++] = i;
      start = -1;
    }
  }
  spans.count = count;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const scratch = new TokenSpans();

/** Tokens: runs of letters and digits of the normalised text (= `tokenizeWithRegex`). */
export function tokenize(s: string): string[] {
  const text = normalizeText(s);
  scanTokens(text, scratch);
  const out: string[] = new Array(scratch.count);
  for (let k = 0; k < scratch.count; k++) out[k] = text.slice(scratch.starts[k], scratch.ends[k]);
  return out;
}

/** The reference tokenizer (regex), kept for tests. */
export function tokenizeWithRegex(s: string): string[] {
  return normalizeText(s).match(TOKEN) ?? [];
}
