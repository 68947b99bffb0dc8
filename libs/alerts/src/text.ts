/**
 * Text normalisation and tokenisation for keyword matching. Kept local (and tiny) so the alerts
 * library stays free of the NLP engine: lower-case (NFKC), Arabic folding (diacritics, tatweel,
 * alef/hamza variants, alef maqsura, ta marbuta), Latin diacritics removed. Tokens are runs of
 * letters, marks and digits.
 */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(ARABIC_MARKS, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/[\u0624]/g, '\u0648') // ؤ → و
    .replace(/[\u0626]/g, '\u064A') // ئ → ي
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokenize(s: string): string[] {
  return normalizeText(s).match(TOKEN) ?? [];
}
