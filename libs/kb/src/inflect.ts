/**
 * Small, documented generators of inflected alias forms. They over-generate a little on purpose
 * (a rare or wrong form costs nothing in a gazetteer), and never touch names that they do not
 * understand. See libs/kb/README.md, "Generated forms".
 */

const AR_ARTICLE = '\u0627\u0644'; // ال

/**
 * Arabic nisba adjective inflections. `base` is the masculine singular indefinite adjective
 * (روسي, أمريكي, or several words such as "كوري شمالي"); every word gets the same ending and
 * article, so the phrase agrees:
 *   روسي → روسي، الروسي، روسية، الروسية، روسيا(accusative tanwin form, e.g. قطريا)، روسيون، الروسيون،
 *          روسيين، الروسيين، روسيات، الروسيات
 * The accusative -ا form is generated only for one-word bases (for "كوري شمالي" it would be noise)
 * and never when it equals a country name (روسيا is the country, which is fine: same actor).
 */
export function arabicNisbaForms(base: string): string[] {
  const words = base.trim().split(/\s+/);
  if (!words.length || words.some((w) => !w.endsWith('\u064a'))) return [base.trim()];
  const endings = ['', '\u0629', '\u0648\u0646', '\u064a\u0646', '\u0627\u062a']; // '', ة, ون, ين, ات
  const out: string[] = [];
  for (const e of endings) {
    out.push(words.map((w) => w + e).join(' '));
    out.push(words.map((w) => AR_ARTICLE + w + e).join(' '));
  }
  if (words.length === 1) out.push(words[0] + '\u0627');
  return out;
}

/**
 * A default nisba derived from a one-word Arabic country name, or undefined when no safe rule
 * applies: drop the article ال; then -ية → -ي (السعودية → سعودي), -يا/-ا → -ي (روسيا → روسي,
 * كندا → كندي), a final consonant takes -ي (العراق → عراقي, مصر → مصري). Names ending in ي و ى ه ة
 * (مالي, توغو, ...) and multi-word names get none (give them by hand in the overrides).
 */
export function arabicDefaultNisba(name: string): string | undefined {
  const n = name.trim();
  if (!n || /\s/.test(n) || !/^[\u0621-\u064a]+$/.test(n)) return undefined;
  let stem = n.startsWith(AR_ARTICLE) && n.length > 4 ? n.slice(2) : n;
  if (stem.endsWith('\u064a\u0629')) return stem.slice(0, -1); // ية → ي
  if (/[\u064a\u0648\u0649\u0647\u0629]$/.test(stem)) return undefined;
  if (stem.endsWith('\u0627')) {
    stem = stem.slice(0, -1);
    if (stem.endsWith('\u064a')) return stem; // روسيا → روسي
    return stem + '\u064a'; // كندا → كندي
  }
  return stem + '\u064a';
}

const RU_ADJ_ENDINGS = ['ий', 'ая', 'ое', 'ие', 'ого', 'ой', 'ому', 'им', 'их', 'ими', 'ом', 'ую'];
const RU_ADJ_ENDINGS_HARD = ['ый', 'ая', 'ое', 'ые', 'ого', 'ой', 'ому', 'ым', 'ых', 'ыми', 'ом', 'ую'];

/**
 * Russian adjective declension (all genders, numbers and cases) for adjectives in -кий/-ский/-цкий
 * (российский, американский, немецкий) and -ый (e.g. саудовский is -кий; "объединённый" -ый).
 * Multi-word phrases decline every adjective-looking word and keep the rest as is.
 */
export function russianAdjectiveForms(masculine: string): string[] {
  const words = masculine.trim().split(/\s+/);
  const table = (w: string): string[] | undefined => {
    const lw = w.toLowerCase();
    if (/[кгхжшчщ]ий$/.test(lw)) return RU_ADJ_ENDINGS.map((e) => w.slice(0, -2) + e);
    if (/ый$/.test(lw)) return RU_ADJ_ENDINGS_HARD.map((e) => w.slice(0, -2) + e);
    return undefined;
  };
  const tables = words.map(table);
  if (tables.every((t) => t === undefined)) return [masculine.trim()];
  const out: string[] = [];
  for (let i = 0; i < RU_ADJ_ENDINGS.length; i++) out.push(words.map((w, j) => tables[j]?.[i] ?? w).join(' '));
  return out;
}

/**
 * Russian declension of a one-word proper noun (country or surname) in the singular:
 *   -ия/-ья: Россия → России, Россию, Россией          -а: Украина → Украины, Украине, Украину, Украиной
 *   (after к г х ж ш ч щ the genitive takes -и: Америка → Америки)
 *   -й: Китай → Китая, Китаю, Китаем, Китае           -ь: Израиль → Израиля, Израилю, Израилем, Израиле
 *   consonant: Иран → Ирана, Ирану, Ираном, Иране (surnames in -ов/-ев/-ин/-ын: Путин → Путина,
 *   Путину, Путиным, Путине)                        -ский/-цкий surnames: adjective declension
 * Indeclinable endings (-о, -е, -и, -у, -ю, -э) and multi-word names are returned unchanged.
 * `kind: 'surname'` switches on the -ов/-ин instrumental and the adjective-type surnames.
 */
export function russianNounForms(word: string, kind: 'noun' | 'surname' = 'noun'): string[] {
  const w = word.trim();
  if (!w || /[\s-]/.test(w) || !/^[А-Яа-яЁё]+$/.test(w)) return [w];
  const lw = w.toLowerCase();
  const base = w.slice(0, -1);
  const last = lw.slice(-1);
  if (kind === 'surname' && /(ский|цкий)$/.test(lw)) return russianAdjectiveForms(w);
  if (/(ия|ья)$/.test(lw)) return [w, base + 'и', base + 'ю', base + 'ей'];
  if (last === 'я') return [w, base + 'и', base + 'е', base + 'ю', base + 'ей'];
  if (last === 'а') {
    const gen = /[кгхжшчщ]$/.test(lw.slice(0, -1)) ? 'и' : 'ы';
    const ins = /[жшчщц]$/.test(lw.slice(0, -1)) ? 'ей' : 'ой';
    return [w, base + gen, base + 'е', base + 'у', base + ins];
  }
  if (last === 'й') return [w, base + 'я', base + 'ю', base + 'ем', base + 'е'];
  if (last === 'ь') return [w, base + 'я', base + 'ю', base + 'ем', base + 'е'];
  if (/[оеиуюэы]$/.test(lw)) return [w];
  const ins = kind === 'surname' && /(ов|ев|ёв|ин|ын)$/.test(lw) ? 'ым' : /[жшчщц]$/.test(lw) ? 'ем' : 'ом';
  return [w, w + 'а', w + 'у', w + ins, w + 'е'];
}

/** English plural of a demonym: Russian → Russians, Iraqi → Iraqis; -ese/-ss/-sh/-ch stay. */
export function englishDemonymPlural(demonym: string): string | undefined {
  if (/(ese|ss|sh|ch|s|x|z)$/i.test(demonym)) return undefined;
  return demonym + 's';
}

/** French adjective: the lower-case masculine and feminine forms and their plurals. */
export function frenchAdjectiveForms(m: string, f?: string): string[] {
  const out: string[] = [];
  for (const w of [m, f]) {
    if (!w) continue;
    const l = w.toLowerCase();
    out.push(l, /[sx]$/.test(l) ? l : l + 's');
  }
  return out;
}
