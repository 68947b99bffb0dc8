// Property tests for the char-code fast paths of the speed pass (ADR 0004): each must agree exactly
// with the plain string/regex version it replaced (kept here as the oracle) on random text.
import * as fc from 'fast-check';
import { findQuotes } from './doc';
import { variantEndFilter } from './actors';
import { AR_PERSON_TITLES, EN_CLAIM_VERBS, EN_VERB, EN_VERB_OR_CLAIM, EN_VERBS } from './lexicon';
import {
  ABBREV,
  arabicVariants,
  codesToString,
  foldWithMap,
  scriptMix,
  splitSentences,
  tokenVariants,
  tokenize,
  variantSlots,
} from './text';

const pieces = fc.constantFrom(
  '.',
  '!',
  '?',
  '؟',
  '…',
  '...',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00A0',
  '\u2028',
  '"',
  '\u201C',
  '\u201D',
  '«',
  '»',
  '\u201E',
  "'",
  '\u2019',
  ')',
  ']',
  '(',
  '[',
  '-',
  '–',
  '—',
  ':',
  ';',
  ',',
  '،',
  'Mr',
  'mr',
  'U.S',
  'J',
  'a',
  'Z',
  'é',
  'É',
  'İ',
  'K',
  'approx',
  'Sept',
  'No',
  'قال',
  'و',
  'للولايات',
  '\u064E',
  '\u200F',
  '\uD83D\uDE00',
  '\uD800',
  '\uDC00',
  '3',
  'Россия',
  'Σ',
);
const textArb = fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 50 }).map((xs) => xs.join(''));

/** splitSentences as it was written with regexes (before the char-code version), over the same ABBREV set. */
function oracleSplit(src: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const n = src.length;
  let start = 0;
  const push = (e: number) => {
    let s = start;
    while (s < e && /\s/.test(src[s])) s++;
    let t = e;
    while (t > s && /\s/.test(src[t - 1])) t--;
    if (t > s) out.push({ start: s, end: t });
    start = e;
  };
  for (let i = 0; i < n; i++) {
    const ch = src[i];
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === '؟' || ch === '\u2026') {
      let j = i + 1;
      while (j < n && (src[j] === '.' || src[j] === '!' || src[j] === '?' || src[j] === '؟' || src[j] === '\u2026')) j++;
      while (j < n && /["'\u201D\u2019»)\]]/.test(src[j])) j++;
      if (j < n && !/\s/.test(src[j])) {
        i = j - 1;
        continue;
      }
      if (ch === '.' && j === i + 1) {
        let w = i - 1;
        while (w >= 0 && /[\p{L}.]/u.test(src[w])) w--;
        if (ABBREV.has(src.slice(w + 1, i).toLowerCase())) continue;
        if (/^\p{Lu}$/u.test(src.slice(w + 1, i))) continue;
        let q = j;
        while (q < n && src[q] === ' ') q++;
        if (q < n && /\p{Ll}/u.test(src[q])) continue;
      }
      if (ch === '\u2026' || src.slice(i, j).startsWith('...')) {
        let q = j;
        while (q < n && src[q] === ' ') q++;
        if (q < n && /[\p{Ll}\u0600-\u06FF]/u.test(src[q]) && src[q - 1] === ' ' && /\p{Ll}/u.test(src[q])) {
          i = j - 1;
          continue;
        }
      }
      push(j);
      i = j - 1;
    }
  }
  push(n);
  return out;
}

/** findQuotes as it was written with one-char strings and regexes. */
function oracleQuotes(src: string): { open: number; close: number }[] {
  const OPEN_Q = new Set(['"', '\u201C', '\u00AB', '\u201E']);
  const CLOSE_OF: Record<string, string> = { '"': '"', '\u201C': '\u201D', '\u00AB': '\u00BB', '\u201E': '\u201C' };
  const out: { open: number; close: number }[] = [];
  let open = -1;
  let openCh = '';
  const n = src.length;
  for (let i = 0; i < n; i++) {
    const ch = src[i];
    if (!'\n"\u201C\u201D\u00AB\u00BB\u201E'.includes(ch)) continue;
    if (ch === '\n' && open >= 0) {
      let j = i;
      while (j < n && /\s/.test(src[j])) j++;
      if (j < n && src[j] === openCh && openCh === '"') {
        i = j;
        continue;
      }
      open = -1;
      continue;
    }
    const before = i > 0 ? src[i - 1] : ' ';
    const after = i + 1 < n ? src[i + 1] : ' ';
    const openCtx = /[\s([\u2014\u2013:-]/.test(before) && !/\s/.test(after);
    const closeCtx = !/\s/.test(before);
    if (open < 0) {
      if (OPEN_Q.has(ch) && !(ch === '"' && closeCtx && !openCtx && /[\s.,;:!?]/.test(after))) {
        open = i;
        openCh = ch;
      }
    } else if (ch === '"' && openCh === '"' && openCtx && !closeCtx) {
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

describe('fast paths agree with their plain versions', () => {
  it('splitSentences', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(splitSentences(s)).toEqual(oracleSplit(s));
      }),
      { numRuns: 2000 },
    );
  });
  it('findQuotes', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(findQuotes(s)).toEqual(oracleQuotes(s));
      }),
      { numRuns: 2000 },
    );
  });
  it('variantSlots lists the clitic variants of arabicVariants, in order', () => {
    const arabicWord = fc
      .array(fc.constantFrom('و', 'ف', 'ب', 'ك', 'ل', 'ا', 'ال', 'لل', 'م', 'ن', 'ي', 'ه'), { maxLength: 8 })
      .map((xs) => xs.join(''));
    const slots = new Int32Array(24);
    fc.assert(
      fc.property(arabicWord, (w) => {
        const k = variantSlots(w, slots);
        const seen = new Set<string>();
        const got: string[] = [];
        for (let i = 0; i < k; i++) {
          const form = (slots[3 * i + 1] ? 'ال' : '') + w.slice(slots[3 * i]);
          if (!seen.has(form)) {
            seen.add(form);
            got.push(`${form}|${slots[3 * i + 2]}`);
          }
        }
        expect(got).toEqual(arabicVariants(w).map((v) => `${v.form}|${v.strip}`));
      }),
      { numRuns: 3000 },
    );
  });
  it('codesToString keeps every code unit, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }), (units) => {
        const buf = Uint16Array.from(units);
        expect(codesToString(buf, buf.length)).toBe(String.fromCharCode(...units));
      }),
      { numRuns: 1000 },
    );
  });
  it('foldWithMap counts the script mix exactly as scriptMix does (also past its 20,000-unit window)', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 3 }), (s, rep) => {
        const big = rep === 3 ? s.repeat(Math.ceil(20010 / Math.max(1, s.length))) : s;
        const f = foldWithMap(big);
        expect({ arabic: f.arabic, latin: f.latin }).toEqual(scriptMix(big));
      }),
      { numRuns: 500 },
    );
  });
  it('variantEndFilter never rules out a token with a clitic variant in the set (actors.ts)', () => {
    const letter = fc.constantFrom('و', 'ف', 'ب', 'ك', 'ل', 'ا', 'ال', 'لل', 'م', 'ن', 'ي', 'ه', 'ة', 'أ', 'ر', 'س');
    const word = fc.array(letter, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), fc.array(word, { minLength: 1, maxLength: 12 }), (text, words) => {
        const src = text.join(' ');
        const folded = new Set(
          words.map((w) =>
            tokenize(w, foldWithMap(w))
              .map((t) => t.norm)
              .join(''),
          ),
        );
        const may = variantEndFilter([...folded, ...AR_PERSON_TITLES]);
        for (const t of tokenize(src, foldWithMap(src))) {
          const exact = tokenVariants(t).some((v) => folded.has(v.form) || AR_PERSON_TITLES.has(v.form));
          if (exact) expect(may(t.norm)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('the Arabic claims word sets spell out the regexes they replaced', () => {
    const words = [
      'بحسب',
      'حسب',
      'وفقا',
      'طبقا',
      'وبحسب',
      'وحسب',
      'ووفقا',
      'وطبقا',
      'قوله',
      'قولها',
      'قولهم',
      'قوله:',
      'ووبحسب',
      'قول',
      'فحسب',
      'بحسبه',
      'قولهما',
    ];
    const according = new Set(['بحسب', 'حسب', 'وفقا', 'طبقا', 'وبحسب', 'وحسب', 'ووفقا', 'وطبقا']);
    const qawl = new Set(['قوله', 'قولها', 'قولهم', 'قوله:']);
    for (const w of words) {
      expect(according.has(w)).toBe(/^و?(بحسب|حسب|وفقا|طبقا)$/.test(w));
      expect(qawl.has(w)).toBe(/^(قوله|قولها|قولهم|قوله:)$/.test(w));
    }
  });
  it('the EN_VERB maps answer what the EN_VERBS / EN_CLAIM_VERBS object lookups did, prototype names included', () => {
    const words = [
      ...Object.keys(EN_VERBS),
      ...Object.keys(EN_CLAIM_VERBS),
      ...Object.getOwnPropertyNames(Object.prototype),
      'the',
      'saidx',
      '',
      'Said',
    ];
    for (const w of words) {
      expect(EN_VERB.get(w)).toBe(EN_VERBS[w]);
      expect(EN_VERB_OR_CLAIM.get(w)).toBe(EN_VERBS[w] ?? EN_CLAIM_VERBS[w]);
    }
  });
});
