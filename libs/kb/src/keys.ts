import { foldArabicUnit } from './arabic';

/**
 * Lookup keys for actor names and aliases. Two strings that a reader would take for the same name
 * written with different letter variants get the same key:
 * - Unicode NFKC, lower case (Latin, Cyrillic, Greek...), Latin diacritics removed (Erdoğan →
 *   erdogan, Élysée → elysee), ß → ss, ё → е;
 * - Arabic: the shared normalisation table (arabic.ts, ADR 0015): diacritics (harakat, shadda, sukun,
 *   dagger alef) and tatweel removed, alef forms → ا, ى ئ ی ے → ي, ة ۀ ە → ه, ؤ → و, ک ڪ → ك,
 *   Arabic-Indic digits → 0-9;
 * - dots and apostrophes removed (U.S. → us, Russia's → russias, O'Brien → obrien), every other
 *   punctuation or symbol becomes a space (al-Qaeda → al qaeda, بي.بي.سي → بيبيسي), spaces collapsed.
 *
 * It does not strip clitics (و ف ب ل ال) or inflections: the knowledge base lists inflected forms
 * as aliases, and the extractor strips proclitics before lookup. Keys are not offset-preserving:
 * use them to compare names, not to slice text. Pure and dependency-free so that libs/nlp may
 * reuse it (dependency direction: contracts ← kb ← nlp).
 */
export function aliasKey(text: string): string {
  const cached = CACHE.get(text);
  if (cached !== undefined) return cached;
  const key = computeKey(text);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(text, key);
  return key;
}

const CACHE = new Map<string, string>();
const CACHE_MAX = 200_000;

/** Per-character rewrites after NFKC + lower case ('' = drop the character). */
const CHAR_MAP = new Map<number, string>();
(() => {
  const set = (from: number | number[], to: string) => {
    for (const c of Array.isArray(from) ? from : [from]) CHAR_MAP.set(c, to);
  };
  // Arabic: the shared table (arabic.ts): marks and tatweel dropped, letter variants and digits folded
  for (let c = 0x0600; c <= 0x06ff; c++) {
    const f = foldArabicUnit(c);
    if (f !== undefined) set(c, f);
  }
  set(0x0451, '\u0435'); // ё → е
  set(0x00df, 'ss');
  set([0x0131, 0x0130], 'i');
  set(0x00f8, 'o');
  set(0x0142, 'l');
  set(0x00e6, 'ae');
  set(0x0153, 'oe');
  set([0x2019, 0x2018, 0x02bc, 0x00b4], ''); // apostrophes vanish
  set(0x0307, ''); // combining dot left by lower-casing İ
  set([0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x060c, 0x061b, 0x061f, 0x066a, 0x066b, 0x066c, 0x06d4], ' ');
})();
const PUNCT_OR_SPACE = /[\p{P}\p{S}\s]/u;
const LATIN_EXTENDED = /[\u00c0-\u024f\u1e00-\u1eff]/;

function computeKey(text: string): string {
  let t = text.normalize('NFKC').toLowerCase();
  // Latin diacritics only (NFD would also split Cyrillic й into и + breve).
  if (LATIN_EXTENDED.test(t))
    t = t
      .normalize('NFD')
      .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
      .normalize('NFC');
  let out = '';
  let pendingSpace = false;
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    let r: string;
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) r = ch;
      else if (c === 0x2e || c === 0x27 || c === 0x60)
        r = ''; // . ' `
      else r = ' ';
    } else {
      const m = CHAR_MAP.get(c);
      r = m !== undefined ? m : PUNCT_OR_SPACE.test(ch) ? ' ' : ch;
    }
    if (r === ' ') {
      pendingSpace = out.length > 0;
    } else if (r) {
      if (pendingSpace) {
        out += ' ';
        pendingSpace = false;
      }
      out += r;
    }
  }
  return out;
}

/** Distinct strings (first spelling wins) among those with distinct keys; empty keys dropped. */
export function dedupeByKey(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const s = v.trim();
    const k = aliasKey(s);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/** Kebab-case ASCII slug for ids: "Kaspersky Lab" → "kaspersky-lab". */
export function slugify(text: string): string {
  return aliasKey(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
