import countries from 'i18n-iso-countries';
import { aliasKey } from './keys';
import {
  arabicDefaultNisba,
  arabicNisbaForms,
  englishDemonymPlural,
  frenchAdjectiveForms,
  russianAdjectiveForms,
  russianNounForms,
} from './inflect';

// world-countries (ODbL-1.0): common/official names, translations (ara, fra, rus), demonyms
// (eng, fra) and the independence flag. Loaded with require: it is plain JSON behind a CJS entry.

const worldCountries: WorldCountry[] = require('world-countries');

interface WorldCountry {
  cca2: string;
  cca3: string;
  independent?: boolean | null;
  name: { common: string; official: string; native?: Record<string, { official: string; common: string }> };
  altSpellings?: string[];
  translations?: Record<string, { official: string; common: string }>;
  demonyms?: Record<string, { m: string; f: string }>;
}

/** One entry of countries.overrides.json → "overrides" (keyed by ISO 3166-1 alpha-2 code). */
export interface CountryOverride {
  /** Canonical English display name, when the generated one is not what the news uses. */
  name?: string;
  /** Extra aliases taken verbatim (short forms, metonyms, demonyms in any script). */
  aliases?: string[];
  /** Arabic nisba adjectives (masculine singular indefinite) to inflect, e.g. "روسي", "أميركي". */
  arNisba?: string[];
  /** Russian adjectives (masculine nominative) to decline, e.g. "российский". */
  ruAdj?: string[];
  /** Russian one-word nouns to decline in the singular, e.g. "Россия". */
  ruNoun?: string[];
  /** Generated aliases to drop (matched by key). */
  removeAliases?: string[];
  /** Aliases that are also common words or other entities; the extractor needs more evidence. */
  ambiguousAliases?: string[];
  /** Do not derive an Arabic nisba from the Arabic name (the rule would give a wrong form). */
  noDefaultNisba?: boolean;
  description?: string;
}

export interface CountriesFile {
  description?: string;
  overrides: Record<string, CountryOverride>;
  /** Whole country actors absent from ISO 3166 (e.g. the Soviet Union), in the usual actor format. */
  extra?: Array<Record<string, unknown>>;
}

let localesRegistered = false;
const LOCALES = ['en', 'ar', 'fr', 'ru'] as const;
function registerLocales(): void {
  if (localesRegistered) return;
  for (const l of LOCALES) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));
  }
  localesRegistered = true;
}

/** Countries whose generated demonyms we keep although world-countries marks them dependent. */
const TREAT_AS_STATE = new Set(['PS', 'TW', 'XK', 'HK', 'VA', 'EH']);

export function countryIdFromIso2(code: string): string {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw new Error(`not an ISO 3166-1 alpha-2 code: ${code}`);
  return `country:${c}`;
}

export function iso2FromCountryId(id: string): string | undefined {
  const m = /^country:([A-Za-z]{2})$/.exec(id);
  return m ? m[1].toUpperCase() : undefined;
}

/** "КНР (Китайская Народная Республика)" → "КНР"; "Sint Maarten (Dutch part)" → "Sint Maarten". */
function cleanName(n: string): string[] {
  const s = n.trim();
  if (!s) return [];
  if (s.includes(',')) return []; // "Korea, Republic of", "Taiwan, Province of China": inverted forms
  const noParen = s.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return noParen && noParen !== s ? [noParen] : [s];
}

/** The aliases an override adds: verbatim `aliases` plus the inflected arNisba/ruAdj/ruNoun forms. */
export function overrideForms(ov: CountryOverride): string[] {
  const extra: string[] = [...(ov.aliases ?? [])];
  for (const b of ov.arNisba ?? []) extra.push(...arabicNisbaForms(b));
  for (const a of ov.ruAdj ?? []) extra.push(...russianAdjectiveForms(a));
  for (const n of ov.ruNoun ?? []) extra.push(...russianNounForms(n));
  return extra;
}

/** An `extra` country (not in ISO 3166): actor fields plus the override generators. */
export function buildExtraCountry(raw: Record<string, unknown>): Record<string, unknown> {
  const { arNisba, ruAdj, ruNoun, aliases, ...rest } = raw as CountryOverride & Record<string, unknown>;
  const forms = uniq([...((aliases as string[] | undefined) ?? []), ...overrideForms({ arNisba, ruAdj, ruNoun })]);
  return { type: 'country', ...rest, aliases: forms };
}

export interface GeneratedCountry {
  id: string;
  name: string;
  type: 'country';
  country: string;
  aliases: string[];
  iso3?: string;
  dependency?: boolean;
  ambiguousAliases?: string[];
  description?: string;
}

export interface CountryBuildReport {
  /** Generated aliases dropped because two countries generated the same key. */
  droppedCollisions: Array<{ alias: string; ids: string[] }>;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
}

/**
 * All ISO 3166-1 countries (i18n-iso-countries codes), names in en/ar/fr/ru from i18n-iso-countries
 * and world-countries, English/French demonyms from world-countries, a default Arabic nisba, and the
 * hand-written overrides. Generated aliases that two countries share are dropped from both
 * ("Congo", "Congolese", "Dominican"); override aliases are always kept.
 */
export function buildCountries(file: CountriesFile, report?: CountryBuildReport): GeneratedCountry[] {
  registerLocales();
  const byCode = new Map(worldCountries.map((c) => [c.cca2, c]));
  const codes = Object.keys(countries.getAlpha2Codes()).sort();
  const overrides = file.overrides ?? {};
  for (const code of Object.keys(overrides)) {
    if (!countries.isValid(code)) throw new Error(`countries.overrides.json: override for unknown ISO code "${code}"`);
  }

  const generated = new Map<string, string[]>();
  const records: Array<{ code: string; name: string; wc?: WorldCountry; state: boolean }> = [];
  for (const code of codes) {
    const wc = byCode.get(code);
    const state = Boolean(wc?.independent) || TREAT_AS_STATE.has(code);
    const forms: string[] = [];
    for (const l of LOCALES) {
      const names = countries.getName(code, l, { select: 'all' }) as unknown as string[] | undefined;
      for (const n of names ?? []) forms.push(...cleanName(n));
    }
    if (wc) {
      forms.push(...cleanName(wc.name.common), ...cleanName(wc.name.official));
      for (const t of ['ara', 'fra', 'rus']) {
        const tr = wc.translations?.[t];
        if (tr) forms.push(...cleanName(tr.common), ...cleanName(tr.official));
      }
      for (const a of wc.altSpellings ?? []) {
        // skip bare codes ("RU", "IT", "NO" are words) — the overrides add the ones news uses
        if (a.length <= 3 && a === a.toUpperCase()) continue;
        forms.push(...cleanName(a));
      }
      if (state) {
        const d = wc.demonyms?.eng;
        for (const dem of uniq([d?.m ?? '', d?.f ?? ''])) {
          if (dem.includes(',') || / or /.test(dem)) continue;
          forms.push(dem);
          const pl = englishDemonymPlural(dem);
          if (pl) forms.push(pl);
        }
        const fr = wc.demonyms?.fra;
        if (fr && !fr.m.includes(',') && !fr.m.includes(' et ')) forms.push(...frenchAdjectiveForms(fr.m, fr.f));
      }
    }
    if (state) {
      // Russian one-word names declined in the singular (Россия → России, Иран → Ирана, ...)
      const ruNames = uniq([
        ...((countries.getName(code, 'ru', { select: 'all' }) as unknown as string[]) ?? []).flatMap(cleanName),
        wc?.translations?.rus?.common ?? '',
      ]);
      for (const n of ruNames) if (/^[А-ЯЁ][а-яё]+$/.test(n)) forms.push(...russianNounForms(n));
    }
    if (state && !overrides[code]?.noDefaultNisba) {
      const arNames = uniq([
        ...((countries.getName(code, 'ar', { select: 'all' }) as unknown as string[]) ?? []),
        wc?.translations?.ara?.common ?? '',
      ]);
      for (const n of arNames) {
        const nisba = arabicDefaultNisba(n);
        if (nisba) forms.push(...arabicNisbaForms(nisba));
      }
    }
    const name = overrides[code]?.name ?? wc?.name.common ?? (countries.getName(code, 'en') as string);
    generated.set(code, uniq(forms));
    records.push({ code, name, wc, state });
  }

  // generated collisions between countries
  const owners = new Map<string, Set<string>>();
  for (const [code, forms] of generated) {
    for (const f of forms) {
      const k = aliasKey(f);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(code);
    }
  }
  const dropped = new Map<string, string[]>();
  for (const [k, set] of owners)
    if (set.size > 1)
      dropped.set(
        k,
        [...set].map((c) => `country:${c}`),
      );

  const out: GeneratedCountry[] = [];
  for (const { code, name, wc, state } of records) {
    const ov = overrides[code] ?? {};
    const remove = new Set((ov.removeAliases ?? []).map(aliasKey));
    const gen = generated.get(code)!.filter((f) => {
      const k = aliasKey(f);
      if (remove.has(k)) return false;
      if (dropped.has(k)) {
        report?.droppedCollisions.push({ alias: f, ids: dropped.get(k)! });
        return false;
      }
      return true;
    });
    const extra = overrideForms(ov);
    const nameKey = aliasKey(name);
    const aliases = uniq([...gen, ...extra]).filter((a) => aliasKey(a) !== nameKey || a !== name);
    const actor: GeneratedCountry = { id: `country:${code}`, name, type: 'country', country: code, aliases };
    if (wc?.cca3) actor.iso3 = wc.cca3;
    if (!state) actor.dependency = true;
    if (ov.ambiguousAliases?.length) actor.ambiguousAliases = uniq(ov.ambiguousAliases);
    if (ov.description) actor.description = ov.description;
    out.push(actor);
  }
  return out;
}
