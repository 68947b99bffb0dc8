// Language identification: script detection, then per-script stopword + distinctive-character
// profiles built into the code (no downloads). Deterministic, O(n) over at most the first 4,000 chars.

import { codeUnitTable } from './text';
import { CodeUnits } from './text-units';

// Code units are read through the one built-in (`charCodeAt.call(s, i)`): these functions read strings of
// many representations (sliced, cons, one- or two-byte, internalised), on which `s.charCodeAt(i)` is a
// megamorphic property load per character in optimised code (ADR 0022, 2026-12-07).
const charCodeAt = String.prototype.charCodeAt;
export interface LanguageGuess {
  code: string;
  confidence: number;
}

const STOP: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'it',
    'was',
    'on',
    'with',
    'he',
    'as',
    'by',
    'at',
    'his',
    'have',
    'has',
    'are',
    'be',
    'from',
    'this',
    'said',
    'not',
    'but',
    'they',
    'which',
    'will',
    'had',
    'were',
    'been',
    'would',
    'their',
    'an',
    'its',
    'or',
    'who',
    'we',
    'she',
    'there',
    'also',
    'after',
    'more',
  ],
  fr: [
    'le',
    'la',
    'les',
    'de',
    'des',
    'du',
    'et',
    'en',
    'un',
    'une',
    'est',
    'que',
    'qui',
    'dans',
    'pour',
    'pas',
    'sur',
    'au',
    'aux',
    'avec',
    'il',
    'elle',
    'ce',
    'cette',
    'son',
    'sa',
    'ses',
    'par',
    'plus',
    'ont',
    'été',
    'sont',
    'mais',
    'ou',
    'nous',
    'vous',
    'leur',
    'selon',
    'a',
    'où',
    'aussi',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'de',
    'del',
    'y',
    'en',
    'un',
    'una',
    'es',
    'que',
    'por',
    'para',
    'con',
    'no',
    'se',
    'su',
    'sus',
    'al',
    'lo',
    'como',
    'más',
    'pero',
    'este',
    'esta',
    'ha',
    'han',
    'fue',
    'son',
    'según',
    'también',
    'entre',
    'sobre',
    'dijo',
    'muy',
    'ya',
    'hay',
    'desde',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'in',
    'den',
    'von',
    'zu',
    'mit',
    'ist',
    'des',
    'sich',
    'im',
    'dem',
    'nicht',
    'ein',
    'eine',
    'auch',
    'auf',
    'für',
    'es',
    'an',
    'werden',
    'aus',
    'er',
    'hat',
    'dass',
    'sie',
    'nach',
    'wird',
    'bei',
    'einer',
    'um',
    'am',
    'sind',
    'noch',
    'wie',
    'einem',
    'über',
    'so',
    'zum',
    'war',
    'haben',
    'nur',
    'oder',
    'aber',
    'vor',
    'zur',
    'bis',
    'mehr',
    'durch',
  ],
  tr: [
    've',
    'bir',
    'bu',
    'da',
    'de',
    'için',
    'ile',
    'olarak',
    'çok',
    'daha',
    'gibi',
    'olan',
    'en',
    'ne',
    'ama',
    'sonra',
    'kadar',
    'her',
    'ise',
    'değil',
    'mi',
    'o',
    'ya',
    'göre',
    'var',
    'yok',
    'şey',
    'oldu',
    'ancak',
    'ki',
    'dedi',
    'türkiye',
    'yılında',
    'üzerinde',
    'tarafından',
  ],
  it: [
    'il',
    'di',
    'che',
    'e',
    'la',
    'per',
    'un',
    'del',
    'della',
    'non',
    'sono',
    'una',
    'le',
    'gli',
    'nel',
    'alla',
    'anche',
    'con',
    'è',
    'si',
    'dei',
    'ha',
    'come',
    'più',
    'ma',
    'questo',
    'delle',
    'degli',
  ],
  pt: [
    'o',
    'a',
    'os',
    'as',
    'de',
    'do',
    'da',
    'dos',
    'das',
    'e',
    'em',
    'um',
    'uma',
    'que',
    'não',
    'para',
    'com',
    'por',
    'no',
    'na',
    'se',
    'mais',
    'como',
    'mas',
    'foi',
    'ao',
    'ele',
    'também',
    'são',
    'pelo',
    'pela',
    'disse',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'in',
    'is',
    'dat',
    'op',
    'te',
    'zijn',
    'voor',
    'met',
    'niet',
    'die',
    'aan',
    'er',
    'maar',
    'ook',
    'als',
    'bij',
    'door',
    'wordt',
    'naar',
    'om',
    'worden',
    'nog',
    'heeft',
  ],
  ar: [
    'في',
    'من',
    'على',
    'إلى',
    'الى',
    'عن',
    'أن',
    'ان',
    'إن',
    'التي',
    'الذي',
    'مع',
    'هذا',
    'هذه',
    'كان',
    'قال',
    'لا',
    'ما',
    'أو',
    'بين',
    'كما',
    'بعد',
    'قد',
    'وقال',
    'حيث',
    'ذلك',
    'خلال',
    'عام',
    'وفي',
    'أنه',
    'لم',
    'منذ',
    'حتى',
    'إلا',
    'عند',
    'لها',
    'له',
  ],
  fa: [
    'و',
    'در',
    'به',
    'از',
    'که',
    'این',
    'را',
    'با',
    'است',
    'برای',
    'آن',
    'یک',
    'خود',
    'تا',
    'کرد',
    'بر',
    'هم',
    'نیز',
    'گفت',
    'وی',
    'شد',
    'می',
    'شده',
    'بود',
    'اند',
    'کند',
    'های',
    'ای',
    'دارد',
    'پس',
    'اما',
    'باید',
    'کرده',
    'شود',
    'چه',
    'همه',
  ],
  ur: ['کے', 'کی', 'ہے', 'میں', 'اور', 'سے', 'کو', 'نے', 'کہ', 'پر', 'یہ', 'ہیں', 'تھا', 'گیا', 'بھی', 'کا', 'ایک', 'لیے'],
  ru: [
    'и',
    'в',
    'не',
    'на',
    'что',
    'с',
    'по',
    'как',
    'это',
    'он',
    'к',
    'его',
    'из',
    'за',
    'от',
    'о',
    'для',
    'также',
    'был',
    'было',
    'она',
    'так',
    'но',
    'они',
    'который',
    'которые',
    'года',
    'будет',
    'уже',
    'при',
    'все',
    'только',
    'более',
    'заявил',
    'может',
  ],
  uk: [
    'і',
    'в',
    'у',
    'не',
    'на',
    'що',
    'з',
    'та',
    'як',
    'це',
    'до',
    'від',
    'за',
    'для',
    'його',
    'також',
    'був',
    'було',
    'який',
    'які',
    'року',
    'але',
    'він',
    'вона',
    'буде',
    'щодо',
  ],
  bg: [
    'и',
    'в',
    'на',
    'да',
    'се',
    'за',
    'от',
    'не',
    'че',
    'е',
    'с',
    'по',
    'са',
    'това',
    'като',
    'му',
    'които',
    'който',
    'ще',
    'до',
    'при',
    'но',
    'след',
    'във',
  ],
};
const LATIN_LANGS = ['en', 'fr', 'es', 'de', 'tr', 'it', 'pt', 'nl'];
// distinctive characters (bonus per occurrence)
const LATIN_CHARS: Record<string, string> = {
  fr: 'éèêàçùœëîôû',
  es: 'ñ¿¡áíóú',
  de: 'äöüß',
  tr: 'ğışçöüİ',
  pt: 'ãõçâêáé',
  it: 'àèìòù',
  nl: '',
  en: '',
};

// the per-character loops read code units from a typed-array copy (text-units.ts, ADR 0022 sixth session)
const SCRIPT_SRC = new CodeUnits();
const STOP_SRC = new CodeUnits();
const AR_ONLY_SRC = new CodeUnits();
const LATIN_SRC = new CodeUnits();

function scriptCounts(s: string): Record<string, number> {
  const c: Record<string, number> = {
    arabic: 0,
    latin: 0,
    cyrillic: 0,
    han: 0,
    kana: 0,
    hangul: 0,
    hebrew: 0,
    greek: 0,
    devanagari: 0,
    thai: 0,
    faOnly: 0,
    urOnly: 0,
  };
  const su = SCRIPT_SRC.of(s);
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const x = su[i];
    if (x < 0x41) continue;
    if ((x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a) || (x >= 0xc0 && x <= 0x24f)) c.latin++;
    else if ((x >= 0x0600 && x <= 0x06ff) || (x >= 0xfb50 && x <= 0xfeff) || (x >= 0x0750 && x <= 0x077f)) {
      c.arabic++;
      if (x === 0x067e || x === 0x0686 || x === 0x0698 || x === 0x06af || x === 0x06a9 || x === 0x06cc) c.faOnly++;
      if (x === 0x06d2 || x === 0x06c1 || x === 0x0679 || x === 0x0688 || x === 0x0691 || x === 0x06ba) c.urOnly++;
    } else if (x >= 0x0400 && x <= 0x04ff) c.cyrillic++;
    else if ((x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3400 && x <= 0x4dbf)) c.han++;
    else if (x >= 0x3040 && x <= 0x30ff) c.kana++;
    else if (x >= 0xac00 && x <= 0xd7af) c.hangul++;
    else if (x >= 0x0590 && x <= 0x05ff) c.hebrew++;
    else if (x >= 0x0370 && x <= 0x03ff) c.greek++;
    else if (x >= 0x0900 && x <= 0x097f) c.devanagari++;
    else if (x >= 0x0e00 && x <= 0x0e7f) c.thai++;
  }
  return c;
}

const STOP_INDEX = new Map<string, string[]>();
for (const [l, ws] of Object.entries(STOP))
  for (const w of ws) {
    const x = STOP_INDEX.get(w);
    if (x) x.push(l);
    else STOP_INDEX.set(w, [l]);
  }
const STOP_MAXLEN = Math.max(...[...STOP_INDEX.keys()].map((w) => w.length));
/** (first code unit, length) pairs of the stopwords: most words are rejected without slicing them */
const STOP_KEY = new Uint8Array(1 << 16);
const stopKey = (c0: number, len: number) => ((c0 << 4) ^ len) & 0xffff;
for (const w of STOP_INDEX.keys()) STOP_KEY[stopKey(charCodeAt.call(w, 0), w.length)] = 1;

/** 1 when /[\p{L}\p{M}]/u matches the BMP code unit (lone surrogates: 0). */
let LM: Uint8Array | undefined;
const lmTable = (): Uint8Array => (LM ??= codeUnitTable(/[\p{L}\p{M}]/u));
const LM_PAIR = /^[\p{L}\p{M}]$/u;

/**
 * The stopword entries (languages per word) of the words of `s`, where words are
 * `s.toLowerCase().split(/[^\p{L}\p{M}]+/u)`: one scan over char codes, and only words that can be
 * stopwords (by first char and length) are sliced and looked up.
 */
function stopHits(s: string): string[][] {
  const lower = s.toLowerCase();
  const lm = lmTable();
  const n = lower.length;
  const lu = STOP_SRC.of(lower);
  const hits: string[][] = [];
  let a = -1; // start of the current word
  for (let i = 0; i <= n; i++) {
    let w = 0; // width of a letter/mark code point at i (0 = separator or end)
    if (i < n) {
      const c = lu[i];
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = lu[i + 1];
        if (d >= 0xdc00 && d <= 0xdfff && LM_PAIR.test(lower.slice(i, i + 2))) w = 2;
      } else if (lm[c]) w = 1;
    }
    if (w) {
      if (a < 0) a = i;
      if (w === 2) i++;
      continue;
    }
    if (a >= 0) {
      const len = i - a;
      if (len <= STOP_MAXLEN && STOP_KEY[stopKey(lu[a], len)]) {
        const ls = STOP_INDEX.get(lower.slice(a, i));
        if (ls) hits.push(ls);
      }
      a = -1;
    }
  }
  return hits;
}

function scoreStop(hits: string[][], langs: string[]): Record<string, number> {
  const sc: Record<string, number> = {};
  for (const l of langs) sc[l] = 0;
  for (const ls of hits) for (const l of ls) if (sc[l] !== undefined) sc[l]++;
  return sc;
}

function best(sc: Record<string, number>): [string, number, number] {
  let b = '',
    bv = -1,
    second = 0;
  for (const [k, v] of Object.entries(sc)) {
    if (v > bv) {
      second = Math.max(second, bv);
      b = k;
      bv = v;
    } else if (v > second) second = v;
  }
  return [b, bv, second];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Identify the language of `text`; `hint` (the article's declared language) breaks near-ties. */
export function detectLanguage(text: string, hint?: string): LanguageGuess {
  const s = (text || '').slice(0, 1200);
  const c = scriptCounts(s);
  const letters = c.arabic + c.latin + c.cyrillic + c.han + c.kana + c.hangul + c.hebrew + c.greek + c.devanagari + c.thai;
  if (letters < 2) return { code: 'und', confidence: 0 };
  const h = hint ? hint.toLowerCase().slice(0, 2) : undefined;
  const share = (x: number) => x / letters;
  const top = Object.entries({
    arabic: c.arabic,
    latin: c.latin,
    cyrillic: c.cyrillic,
    han: c.han + c.kana,
    hangul: c.hangul,
    hebrew: c.hebrew,
    greek: c.greek,
    devanagari: c.devanagari,
    thai: c.thai,
  }).sort((a, b) => b[1] - a[1])[0];
  const [script, n] = top;
  const dom = share(n);
  const lenFactor = Math.min(1, letters / 40);
  if (script === 'han')
    return { code: c.kana > c.han * 0.1 ? 'ja' : 'zh', confidence: round(Math.max(0.5, dom) * (0.6 + 0.4 * lenFactor)) };
  if (script === 'hangul') return { code: 'ko', confidence: round(dom) };
  if (script === 'hebrew') return { code: 'he', confidence: round(dom) };
  if (script === 'greek') return { code: 'el', confidence: round(dom) };
  if (script === 'devanagari') return { code: 'hi', confidence: round(dom * 0.9) };
  if (script === 'thai') return { code: 'th', confidence: round(dom) };
  const ws = stopHits(s);
  if (script === 'arabic') {
    const sc = scoreStop(ws, ['ar', 'fa', 'ur']);
    sc.fa += c.faOnly * 0.5;
    sc.ur += c.urOnly * 1.0;
    // Arabic-only letters: taa marbuta and alef maqsura are rare in Persian
    let arOnly = 0;
    const su = AR_ONLY_SRC.of(s);
    const sn = s.length;
    for (let i = 0; i < sn; i++) {
      const x = su[i];
      if (x === 0x0629 || x === 0x0649 || x === 0x064a) arOnly++;
    }
    sc.ar += arOnly * 0.3;
    const [b, bv, second] = best(sc);
    let code = bv <= 0 ? (h && ['ar', 'fa', 'ur'].includes(h) ? h : 'ar') : b;
    if (h && ['ar', 'fa', 'ur'].includes(h) && sc[h] >= bv * 0.9) code = h;
    const margin = bv > 0 ? (bv - second) / bv : 0;
    return { code, confidence: round(Math.min(0.99, dom * (0.55 + 0.45 * margin) * (0.7 + 0.3 * lenFactor))) };
  }
  if (script === 'cyrillic') {
    const sc = scoreStop(ws, ['ru', 'uk', 'bg']);
    for (let i = 0; i < s.length; i++) {
      const x = s[i];
      if ('іїєґІЇЄҐ'.includes(x)) sc.uk += 0.5;
      if ('ыэъЫЭ'.includes(x)) sc.ru += 0.3;
    }
    const [b, bv, second] = best(sc);
    const code = bv <= 0 ? 'ru' : b;
    const margin = bv > 0 ? (bv - second) / bv : 0;
    return { code, confidence: round(Math.min(0.99, dom * (0.55 + 0.45 * margin) * (0.7 + 0.3 * lenFactor))) };
  }
  // Latin
  const sc = scoreStop(ws, LATIN_LANGS);
  // (İ is U+0130: never below 0xc0, so the code test alone skips what `x < 0xc0 && ch !== 'İ'` skipped)
  const lu = LATIN_SRC.of(s);
  const sn = s.length;
  for (let i = 0; i < sn; i++) {
    if (lu[i] < 0xc0) continue;
    const ch = s[i];
    for (const l of LATIN_LANGS) if (LATIN_CHARS[l].includes(ch)) sc[l] += 0.25;
  }
  if (h && sc[h] !== undefined) sc[h] += 0.5;
  const [b, bv, second] = best(sc);
  if (bv <= 0) return { code: h && sc[h] !== undefined ? h : 'en', confidence: round(0.2 * dom) };
  const margin = (bv - second) / bv;
  const evidence = Math.min(1, bv / 6);
  return { code: b, confidence: round(Math.min(0.99, dom * (0.4 + 0.35 * margin + 0.25 * evidence))) };
}
