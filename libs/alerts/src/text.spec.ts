import { isSimpleCodeUnit, normalizeText, normalizeTextReference } from './text';
import { aliasKey, foldArabicUnit } from '@marsad/kb';

// normalizeText folds texts made of "simple" code units by table (one unit at a time). That is
// only right if the full pipeline (NFKC, lower case, Arabic folds, NFD, accent strip, NFC) never
// lets neighbouring simple units interact: checked here exhaustively for every pair, for every
// Arabic letter followed by two marks (marks compose and reorder), and on random strings.
const simple: string[] = [];
for (let c = 0; c < 0x10000; c++) if (isSimpleCodeUnit(c)) simple.push(String.fromCharCode(c));

describe('normalizeText (table fold) equals the full pipeline', () => {
  it('for every simple code unit', () => {
    for (const ch of simple) expect(normalizeText(ch)).toBe(normalizeTextReference(ch));
  });

  it('for every pair of simple code units', () => {
    const bad: string[] = [];
    for (const a of simple)
      for (const b of simple)
        if (normalizeText(a + b) !== normalizeTextReference(a + b))
          bad.push(`${a.charCodeAt(0).toString(16)}+${b.charCodeAt(0).toString(16)}`);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('for every Arabic-block unit followed by two Arabic marks', () => {
    const arabic = simple.filter((c) => c >= '\u0600' && c <= '\u06ff');
    const marks = arabic.filter((c) => /\p{M}/u.test(c));
    const bad: string[] = [];
    for (const a of arabic)
      for (const m1 of marks)
        for (const m2 of marks) {
          const s = a + m1 + m2;
          if (normalizeText(s) !== normalizeTextReference(s)) bad.push([...s].map((c) => c.charCodeAt(0).toString(16)).join('+'));
        }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('on random strings (simple units, and some that are not)', () => {
    let seed = 99;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const other = ['\u0301', '\u0130', '\u212a', '\ufef5', '\u06c0', 'Σ', 'ς', '\u{1ee00}', '\ud83d\ude00', 'ё', '\u0308'];
    for (let i = 0; i < 20000; i++) {
      const n = 1 + Math.floor(rnd() * 12);
      let s = '';
      for (let k = 0; k < n; k++) s += rnd() < 0.03 ? other[Math.floor(rnd() * other.length)] : simple[Math.floor(rnd() * simple.length)];
      expect(normalizeText(s)).toBe(normalizeTextReference(s));
    }
  });
});

describe('one Arabic normalisation table (ADR 0015)', () => {
  it('folds every Arabic-block unit the shared table changes as the KB keys do', () => {
    for (let c = 0x0600; c <= 0x06ff; c++) {
      const f = foldArabicUnit(c);
      if (f === undefined) continue;
      // between two letters so that a dropped mark has something to sit on
      const s = 'ب' + String.fromCharCode(c) + 'ب';
      expect(normalizeText(s)).toBe('ب' + f + 'ب');
      expect(aliasKey(s)).toBe(normalizeText(s));
    }
  });

  it('matches Persian letter forms and Arabic-Indic digits to their Arabic/ASCII forms', () => {
    expect(normalizeText('کابل ٢٠٢٤ ۱۹')).toBe('كابل 2024 19');
    expect(normalizeText('ایران')).toBe(normalizeText('إيران'));
  });
});
