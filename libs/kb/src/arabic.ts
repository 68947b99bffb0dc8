/**
 * The one Arabic normalisation table (ADR 0015), shared by the KB lookup keys (keys.ts), the engine's
 * folded text (libs/nlp text.ts) and the alert matcher (libs/alerts text.ts), so that a name, an
 * article and a watch keyword written with different letter variants meet on the same form:
 * - dropped: harakat and Quranic marks (U+0610–061A, U+064B–065F, U+06D6–06ED), dagger alef
 *   (U+0670) and tatweel (U+0640);
 * - alef forms آ أ إ ٱ ٲ ٳ → ا; ى ئ and Persian/Urdu ی ے → ي; ؤ → و; ة and ۀ ە → ه; Persian/Sindhi ک ڪ → ك;
 * - Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits → 0–9.
 * Each consumer builds its own per-code-unit lookup from these at module load (no cost per call).
 * Lives in kb, the lowest library the three share (contracts ← kb ← nlp, alerts).
 */

/** Arabic code units dropped by normalisation (diacritics, Quranic marks, dagger alef, tatweel). */
export function isArabicMark(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

/** Arabic letter variants → the letter they are folded to (code unit → code unit). */
export const ARABIC_LETTER_FOLDS: ReadonlyMap<number, number> = new Map([
  [0x0622, 0x0627], // آ → ا
  [0x0623, 0x0627], // أ → ا
  [0x0625, 0x0627], // إ → ا
  [0x0671, 0x0627], // ٱ → ا
  [0x0672, 0x0627], // ٲ → ا
  [0x0673, 0x0627], // ٳ → ا
  [0x0649, 0x064a], // ى → ي
  [0x0626, 0x064a], // ئ → ي
  [0x06cc, 0x064a], // ی → ي
  [0x06d2, 0x064a], // ے → ي
  [0x0624, 0x0648], // ؤ → و
  [0x0629, 0x0647], // ة → ه
  [0x06c0, 0x0647], // ۀ → ه
  [0x06d5, 0x0647], // ە → ه
  [0x06a9, 0x0643], // ک → ك
  [0x06aa, 0x0643], // ڪ → ك
]);

/** The ASCII digit (0–9) of an Arabic-Indic or Extended Arabic-Indic digit, or -1. */
export function arabicDigit(c: number): number {
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  return -1;
}

/** Normalised form of one Arabic-block code unit: '' (dropped), the folded letter or digit, or undefined (unchanged). */
export function foldArabicUnit(c: number): string | undefined {
  if (isArabicMark(c)) return '';
  const l = ARABIC_LETTER_FOLDS.get(c);
  if (l !== undefined) return String.fromCharCode(l);
  const d = arabicDigit(c);
  return d >= 0 ? String(d) : undefined;
}
