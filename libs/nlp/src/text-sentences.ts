// Sentence splitting (part of text.ts, split by concern): offsets into the original text.

import { CodeUnits } from './text-units';

// Code units are read from a copy in a typed array (text-units.ts, ADR 0022 sixth session).
const SENT_SRC = new CodeUnits();

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
  const su = SENT_SRC.of(src);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const cc = su[i];
    if (cc === 10) {
      pushSentence(out, su, start, i, cl);
      start = i + 1;
      continue;
    }
    if (cc === 46 || cc === 33 || cc === 63 || cc === 0x061f || cc === 0x2026) {
      let j = i + 1;
      for (; j < n; j++) {
        const d = su[j];
        if (d !== 46 && d !== 33 && d !== 63 && d !== 0x061f && d !== 0x2026) break;
      }
      // closing quotes/brackets belong to this sentence
      for (; j < n; j++) {
        const d = su[j];
        if (d !== 34 && d !== 39 && d !== 0x201d && d !== 0x2019 && d !== 0xbb && d !== 41 && d !== 93) break;
      }
      if (j < n && !(cl[su[j]] & F_SPACE)) {
        // session 7: Arabic copy that drops the space after a full stop ("… الأصبحي.وأضاف"، "…احترام".ونقل") still ends
        // the sentence: a word of three or more Arabic letters (or a closing quote after one) before it, an Arabic letter
        // after it; one- and two-letter abbreviations (د.محمد، م.ع) keep going
        if (cc === 46 && j === i + 1 && isArabicLetter(su[j]) && arabicWordBefore(su, i) >= 3) {
          pushSentence(out, su, start, j, cl);
          start = j;
          i = j - 1;
          continue;
        }
        i = j - 1;
        continue;
      } // "U.S.A", "3.5", "..."+letter
      if (cc === 46 && j === i + 1) {
        // abbreviation / initial?
        let w = i - 1;
        while (w >= 0) {
          const d = su[w];
          if (d !== 46 && !(cl[d] & F_LETTER)) break;
          w--;
        }
        const wl = i - w - 1;
        if (wl <= 6 && ABBREV.has(src.slice(w + 1, i).toLowerCase())) continue; // longest abbreviation: 6 chars
        if (wl === 1 && cl[su[w + 1]] & F_UPPER) continue; // single initial "J."
        // next non-space char lower-case → not a sentence end
        let q = j;
        while (q < n && su[q] === 32) q++;
        if (q < n && cl[su[q]] & F_LOWER) continue;
      } else if (cc === 46 && j === i + 2 && su[i + 1] === 41) {
        // session 6 (enclaims): "Sen. X (D-Ariz.) and 13 others": an abbreviation closing a bracket, then a lower-case word
        let q = j;
        while (q < n && su[q] === 32) q++;
        if (q < n && cl[su[q]] & F_LOWER) {
          i = j - 1;
          continue;
        }
      }
      if (cc === 0x2026 || (j - i >= 3 && su[i] === 46 && su[i + 1] === 46 && su[i + 2] === 46)) {
        let q = j;
        while (q < n && su[q] === 32) q++;
        if (q < n && cl[su[q]] & F_LOWER && q > 0 && su[q - 1] === 32) {
          i = j - 1;
          continue;
        }
      }
      pushSentence(out, su, start, j, cl);
      start = j;
      i = j - 1;
    }
  }
  pushSentence(out, su, start, n, cl);
  return out;
}

/** Arabic letters proper (ء … ي), not digits, punctuation or marks. */
function isArabicLetter(c: number): boolean {
  return c >= 0x0621 && c <= 0x064a;
}

/** Session 7: how many Arabic letters the word before position i has (past one closing quote mark). */
function arabicWordBefore(su: Uint16Array, i: number): number {
  let w = i - 1;
  if (w >= 0 && (su[w] === 34 || su[w] === 0xbb || su[w] === 0x201d)) w--;
  let k = 0;
  while (w >= 0 && (isArabicLetter(su[w]) || (su[w] >= 0x064b && su[w] <= 0x0652))) {
    if (isArabicLetter(su[w])) k++;
    w--;
  }
  // (a dotted acronym — "دي.إيه.إن" — is one word: a full stop right before this word keeps the chain together)
  return w >= 0 && su[w] === 46 ? 0 : k;
}

function pushSentence(out: Sentence[], su: Uint16Array, s: number, e: number, cl: Uint8Array): void {
  while (s < e && cl[su[s]] & F_SPACE) s++;
  let t = e;
  while (t > s && cl[su[t - 1]] & F_SPACE) t--;
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
