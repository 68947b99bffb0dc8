import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KbActor } from '@marsad/contracts';
import { buildCountries, buildExtraCountry, type CountriesFile, type CountryBuildReport } from './countries';
import { russianNounForms } from './inflect';
import { aliasKey } from './keys';
import { KnowledgeBase, validateActor } from './knowledge-base';

/** The data files, in load order (countries first: they are generated, then the curated files). */
export const KB_DATA_FILES = ['countries.overrides.json', 'organizations.json', 'people.json', 'groups.json'] as const;

export interface LoadKnowledgeBaseOptions {
  /** Folder holding the data files (default: MARSAD_KB_DATA_DIR, else libs/kb/data found from here). */
  dataDir?: string;
  /** Extra actors added after the files (e.g. replayed from `marsad.kb`); same id = replaced. */
  extraActors?: KbActor[];
  /** Re-read the files instead of the in-process cache. */
  noCache?: boolean;
}

export interface KbLoadReport extends CountryBuildReport {
  dataDir: string;
  /** Actors per data file. */
  counts: Record<string, number>;
}

/**
 * Find libs/kb/data from the TypeScript sources (libs/kb/src) and from compiled output
 * (dist/libs/kb/src, or any bundle below the repository root) by walking up from this file.
 */
export function resolveDataDir(start = __dirname): string {
  const env = process.env.MARSAD_KB_DATA_DIR;
  if (env) return path.resolve(env);
  const marker = KB_DATA_FILES[0];
  let dir = path.resolve(start);
  for (;;) {
    for (const candidate of [path.join(dir, 'data'), path.join(dir, 'libs', 'kb', 'data')]) {
      if (fs.existsSync(path.join(candidate, marker))) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`libs/kb: data folder not found above ${start} (set MARSAD_KB_DATA_DIR)`);
}

interface ActorsFile {
  description?: string;
  actors: Array<Record<string, unknown>>;
}

function readJson<T>(file: string): T {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`${path.basename(file)}: invalid JSON: ${(e as Error).message}`);
  }
}

const CYRILLIC_WORD = /^[А-ЯЁ][а-яё]+$/;

/** Arab League members (+ PS): their names are not transliterations, so no غ → ج variants. */
const ARAB_COUNTRIES = new Set([
  'DZ',
  'BH',
  'KM',
  'DJ',
  'EG',
  'IQ',
  'JO',
  'KW',
  'LB',
  'LY',
  'MR',
  'MA',
  'OM',
  'PS',
  'QA',
  'SA',
  'SO',
  'SD',
  'SY',
  'TN',
  'AE',
  'YE',
]);

/**
 * Forms added to curated entries at load time (documented in the README):
 * - one-word Cyrillic aliases that are not acronyms are declined (Путин → Путина, Путину, Путиным,
 *   Путине; Кремль → Кремля...), unless `"ruDecline": false`; female persons (`"gender": "f"`)
 *   only for -а/-я endings;
 * - Arabic aliases with غ get a variant with ج (Egyptian transliteration of a foreign hard g:
 *   غوغل → جوجل), unless the actor belongs to an Arab country or has `"arGVariants": false`;
 * - persons with a Latin-script name get "Mr X"/"Mr. X" (or "Ms X", "Mrs X" for `"gender": "f"`),
 *   X = `surname` or the last word of the name, unless `"honorifics": false`. Returned apart:
 *   the loader drops an honorific form that two persons would share (Mr Kim, Mr Khan).
 */
function expandCurated(raw: Record<string, unknown>): { raw: Record<string, unknown>; honorifics: string[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { raw, honorifics: [] }; // validation reports it
  const aliases = Array.isArray(raw.aliases) ? (raw.aliases as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const extra: string[] = [];
  const honorifics: string[] = [];
  const female = raw.gender === 'f';
  if (raw.ruDecline !== false) {
    for (const a of aliases) {
      const w = a.trim();
      if (!CYRILLIC_WORD.test(w)) continue;
      if (female && !/[ая]$/.test(w)) continue;
      if (raw.type === 'person' && /ь$/.test(w)) continue;
      extra.push(...russianNounForms(w, raw.type === 'person' ? 'surname' : 'noun'));
    }
  }
  // Egyptian-style transliteration of a foreign hard g: غوغل / جوجل, ستولتنبرغ / ستولتنبرج
  if (raw.arGVariants !== false && !(typeof raw.country === 'string' && ARAB_COUNTRIES.has(raw.country))) {
    for (const a of aliases) if (/[\u0600-\u06ff]/.test(a) && a.includes('\u063a')) extra.push(a.replace(/\u063a/g, '\u062c'));
  }
  if (raw.type === 'person' && raw.honorifics !== false && typeof raw.name === 'string' && /^[A-Za-z .'-]+$/.test(raw.name)) {
    const surname = typeof raw.surname === 'string' ? raw.surname : raw.name.trim().split(/\s+/).pop()!;
    if (surname && surname.length > 2) {
      const titles = female ? ['Ms', 'Mrs', 'Ms.', 'Mrs.'] : ['Mr', 'Mr.'];
      for (const t of titles) honorifics.push(`${t} ${surname}`);
    }
  }
  return { raw: extra.length ? { ...raw, aliases: [...aliases, ...extra] } : raw, honorifics };
}

let cache: { dataDir: string; actors: KbActor[]; report: KbLoadReport } | undefined;

/** Read, generate and validate every actor of the data files (cached per process). */
export function loadKbActors(options: LoadKnowledgeBaseOptions = {}): { actors: KbActor[]; report: KbLoadReport } {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : resolveDataDir();
  if (!options.noCache && cache && cache.dataDir === dataDir) return { actors: cache.actors, report: cache.report };
  const report: KbLoadReport = { dataDir, counts: {}, droppedCollisions: [] };
  const actors: KbActor[] = [];
  const seen = new Map<string, string>();
  const add = (file: string, raw: unknown, index: number): void => {
    const where = `${file}: actor #${index}`;
    const a = validateActor(raw, where);
    const other = seen.get(a.id);
    if (other) throw new Error(`${where} "${a.id}": field "id": duplicate id (also in ${other})`);
    seen.set(a.id, file);
    Object.freeze(a.aliases);
    actors.push(Object.freeze(a));
    report.counts[file] = (report.counts[file] ?? 0) + 1;
  };

  const countriesFile = KB_DATA_FILES[0];
  const cf = readJson<CountriesFile>(path.join(dataDir, countriesFile));
  if (!cf || typeof cf.overrides !== 'object') throw new Error(`${countriesFile}: field "overrides": missing`);
  buildCountries(cf, report).forEach((c, i) => add(countriesFile, c, i));
  (cf.extra ?? []).forEach((c, i) => add(`${countriesFile} (extra)`, buildExtraCountry(c), i));

  const curated: Array<{ file: string; index: number; raw: Record<string, unknown>; honorifics: string[] }> = [];
  for (const file of KB_DATA_FILES.slice(1)) {
    const full = path.join(dataDir, file);
    if (!fs.existsSync(full)) continue;
    const f = readJson<ActorsFile>(full);
    if (!f || !Array.isArray(f.actors)) throw new Error(`${file}: field "actors": must be a list`);
    f.actors.forEach((raw, index) => curated.push({ file, index, ...expandCurated(raw) }));
  }
  const honorificOwners = new Map<string, number>();
  for (const c of curated) for (const h of new Set(c.honorifics.map(aliasKey))) honorificOwners.set(h, (honorificOwners.get(h) ?? 0) + 1);
  for (const c of curated) {
    const keep = c.honorifics.filter((h) => honorificOwners.get(aliasKey(h)) === 1);
    const raw = keep.length ? { ...c.raw, aliases: [...((c.raw.aliases as string[] | undefined) ?? []), ...keep] } : c.raw;
    add(c.file, raw, c.index);
  }
  if (!options.noCache) cache = { dataDir, actors, report };
  return { actors, report };
}

/**
 * Load the knowledge base from the data files (synchronous; files are read once per process and
 * each call returns a fresh, independently mutable KnowledgeBase).
 */
export function loadKnowledgeBase(options: LoadKnowledgeBaseOptions = {}): KnowledgeBase {
  const { actors } = loadKbActors(options);
  const kb = new KnowledgeBase(actors, { trusted: true });
  for (const a of options.extraActors ?? []) kb.upsert(a);
  return kb;
}
