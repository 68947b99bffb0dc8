/**
 * Lookup keys for actor names and aliases. Two strings that a reader would take for the same name
 * written with different letter variants get the same key:
 * - Unicode NFKC, lower case (Latin, Cyrillic, Greek...), Latin diacritics removed (Erdoğan →
 *   erdogan, Élysée → elysee), ß → ss, ё → е;
 * - Arabic: diacritics (harakat, shadda, sukun, dagger alef) and tatweel removed, alef forms
 *   إ أ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, Persian ی ک → ي ك, Arabic-Indic digits → 0-9;
 * - dots and apostrophes removed (U.S. → us, Russia's → russias, O'Brien → obrien), every other
 *   punctuation or symbol becomes a space (al-Qaeda → al qaeda, بي.بي.سي → بيبيسي), spaces collapsed.
 *
 * It does not strip clitics (و ف ب ل ال) or inflections: the knowledge base lists inflected forms
 * as aliases, and the extractor strips proclitics before lookup. Keys are not offset-preserving:
 * use them to compare names, not to slice text. Pure and dependency-free so that libs/nlp may
 * reuse it (dependency direction: contracts ← kb ← nlp).
 */
export function aliasKey(text: string): string {
  let t = text.normalize('NFKC').toLowerCase();
  // Latin diacritics only (NFD would also split Cyrillic й into и + breve).
  if (/[\u00c0-\u024f\u1e00-\u1eff]/.test(t)) {
    t = t
      .normalize('NFD')
      .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
      .normalize('NFC');
  }
  t = t
    .replace(/ß/g, 'ss')
    .replace(/[ıİ]/g, 'i')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ё/g, 'е');
  // Arabic script
  t = t
    .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, '\u0627')
    .replace(/[\u0649\u06cc\u064a]/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064a')
    .replace(/\u06a9/g, '\u0643')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  // punctuation: dots and apostrophes vanish, the rest separates words
  t = t.replace(/[.'’‘ʼ`´\u2019]/g, '');
  t = t.replace(/[\p{P}\p{S}\u200c\u200d\u200e\u200f\u061c]/gu, ' ');
  return t.replace(/\s+/g, ' ').trim();
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
