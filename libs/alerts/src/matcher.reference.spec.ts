import type { EnrichedArticle, Watch } from '@marsad/contracts';
import { WatchMatcher, type Match } from './matcher';
import { CompiledQuery, DocumentText, parseQuery } from './query';
import { normalizeText } from './text';

// The indexed matcher against a brute-force reference that checks every watch against every
// article straight from the documented semantics (no index, no interning, the AST evaluator), over
// randomised watches and articles: Latin and Arabic text with spelling variants, prefixes,
// phrases, NOT, languages, sources, minMentions, and watch updates/removals in between.

let seed = 12345;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const now = '2026-11-30T12:00:00.000Z';

// Variants that normalise to the same token (case, accents, hamza/alef, ta marbuta, diacritics).
const WORDS = [
  'kaspersky',
  'Kaspersky',
  'KASPERSKY',
  'breach',
  'breaches',
  'breached',
  'bank',
  'banks',
  'banking',
  'leak',
  'leaks',
  'cyber',
  'cyberattack',
  'cybersecurity',
  'ransomware',
  'press',
  'release',
  'café',
  'cafe',
  'Zürich',
  'zurich',
  'naïve',
  'data',
  'database',
  'microsoft',
  'lab',
  'كاسبرسكي',
  'كاسبرسكى',
  'الهجوم',
  'أصاب',
  'اصاب',
  'إصابة',
  'مؤسسة',
  'مؤسسةً',
  'مؤسسه',
  'الخارجية',
  'الأمريكية',
  'الامريكيه',
  'وزارة',
  'وزاره',
  'Касперский',
  'взлом',
  'ёлка',
  'елка',
  'x',
  'ab',
  'abc',
  '2026',
  'e-mail',
  'U.S.',
];
const PUNCT = [' ', ' ', ' ', ', ', '. ', ' — ', '\n', ' (', ') ', ': ', '"'];
const text = (n: number) => Array.from({ length: n }, () => pick(WORDS) + pick(PUNCT)).join('');

const QWORDS = WORDS.filter((w) => normalizeText(w).length >= 2);
function term(): string {
  const r = rnd();
  const w = pick(QWORDS);
  if (r < 0.15) return `${w.slice(0, 2 + Math.floor(rnd() * 4))}*`;
  if (r < 0.3) return `"${w} ${pick(QWORDS)}"`;
  if (r < 0.35) return `"${w} ${pick(QWORDS)} ${pick(QWORDS)}"`;
  return w;
}
function query(depth = 0): string {
  const r = rnd();
  if (depth > 2 || r < 0.35) return term();
  if (r < 0.55) return `${query(depth + 1)} AND ${query(depth + 1)}`;
  if (r < 0.7) return `(${query(depth + 1)} OR ${query(depth + 1)})`;
  if (r < 0.78) return `${query(depth + 1)} ${query(depth + 1)}`;
  if (r < 0.86) return `${query(depth + 1)} NOT ${term()}`;
  if (r < 0.9) return `${query(depth + 1)} -${pick(QWORDS)}`;
  if (r < 0.95) return `(${term()} OR NOT ${term()})`;
  return `${query(depth + 1)} || ${query(depth + 1)} && ${query(depth + 1)}`;
}

/** The admin only stores queries that parse (e.g. not `"x" OR NOT ...` alone): draw until one does. */
function validQuery(): string {
  for (;;) {
    const q = query();
    try {
      parseQuery(q);
      return q;
    } catch {
      /* draw again */
    }
  }
}

const ACTORS = [
  { id: 'org:kaspersky-lab', name: 'Kaspersky Lab', texts: ['Kaspersky', 'كاسبرسكي', 'Касперский'] },
  { id: 'org:microsoft', name: 'Microsoft', texts: ['Microsoft', 'MSFT'] },
  { id: 'country:RU', name: 'Russia', texts: ['Russian', 'روسيا'] },
  { id: 'person:al-sisi', name: 'عبد الفتاح السيسي', texts: ['السيسى', 'Sisi'] },
  { id: 'org:unknown-1', name: 'Acme', texts: ['ACME'] },
];
const LANGS = ['en', 'ar', 'ru', 'fr', 'EN'];
const SOURCES = ['reuters.com', 'www.bbc.co.uk', 'bbc', 'aljazeera.net', 'news.example.org', 'example.org'];

function randomWatch(i: number): Watch {
  const w: Watch = {
    schemaVersion: 1,
    id: `w${String(i).padStart(4, '0')}`,
    name: `w${i}`,
    channels: [{ type: 'webhook', url: 'https://hooks.example.com/x' }],
    enabled: rnd() > 0.05,
    createdAt: now,
    updatedAt: now,
  };
  const r = rnd();
  if (r < 0.55) w.query = validQuery();
  if (r > 0.35) {
    const n = 1 + Math.floor(rnd() * 2);
    for (let k = 0; k < n; k++) {
      const a = pick(ACTORS);
      if (rnd() < 0.6) (w.actorIds ??= []).push(rnd() < 0.1 ? 'org:not-in-any-article' : a.id);
      else (w.actors ??= []).push(rnd() < 0.5 ? pick(a.texts) : a.name.toUpperCase());
    }
    if (rnd() < 0.3) w.minMentions = 1 + Math.floor(rnd() * 3);
  }
  if (!w.query && !w.actorIds && !w.actors) w.query = validQuery();
  if (rnd() < 0.25) w.languages = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(LANGS));
  if (rnd() < 0.2) w.sources = [pick(SOURCES)];
  return w;
}

function randomArticle(i: number): EnrichedArticle {
  const actors = ACTORS.filter(() => rnd() < 0.4).map((a) => {
    const mentions = Array.from({ length: Math.floor(rnd() * 4) }, (_, k) => ({ text: pick(a.texts), start: k * 10, end: k * 10 + 5 }));
    return { id: a.id, name: a.name, type: 'organization' as const, mentions, ...(rnd() < 0.2 ? { count: Math.floor(rnd() * 4) } : {}) };
  });
  const domain = pick(['reuters.com', 'bbc.co.uk', 'news.bbc.co.uk', 'aljazeera.net', 'example.org', 'www.example.org']);
  return {
    schemaVersion: 1,
    id: `a${i}`,
    url: rnd() < 0.1 ? 'not a url' : `https://${domain}/n/${i}`,
    source: rnd() < 0.1 ? undefined : { name: pick(['BBC', 'Reuters', 'AJ']), domain: rnd() < 0.2 ? undefined : domain },
    title: rnd() < 0.1 ? undefined : text(3 + Math.floor(rnd() * 6)),
    body: text(Math.floor(rnd() * 60)),
    language: rnd() < 0.1 ? undefined : pick(['en', 'ar', 'ru', 'fr', 'AR']),
    languageDetection: { code: 'en', confidence: 1, extractor: 'test' },
    actors,
    claims: [],
    dedup: { fingerprint: 'f', clusterId: `c${i}` },
    enrichedAt: now,
    enrichmentVersion: 'test',
  } as unknown as EnrichedArticle;
}

// ---- the reference: every watch against the article, straight from the semantics
const nameKey = (s: string) => `name:${normalizeText(s).replace(/\s+/g, ' ').trim()}`;
function host(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
function referenceMatch(watches: Watch[], a: EnrichedArticle): Match[] {
  const out: Match[] = [];
  const doc = DocumentText.of(a.title, a.body);
  const lang = (a.language ?? '').toLowerCase();
  const name = a.source?.name?.toLowerCase().trim();
  const hosts = [a.source?.domain?.toLowerCase().trim(), host(a.url)].filter((h): h is string => !!h).map((h) => h.replace(/^www\./, ''));
  for (const w of [...watches].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    if (!w.enabled) continue;
    if (w.languages?.length && !w.languages.some((l) => l.toLowerCase() === lang)) continue;
    if (w.sources?.length) {
      const ok = w.sources.some((s0) => {
        const s = s0.toLowerCase().trim();
        const bare = s.replace(/^www\./, '');
        return s === name || hosts.some((h) => h === bare || h.endsWith(`.${bare}`));
      });
      if (!ok) continue;
    }
    const keys = new Set([...(w.actorIds ?? []), ...(w.actors ?? []).map(nameKey)]);
    const actors: Match['actors'] = [];
    if (keys.size) {
      for (const x of a.actors ?? []) {
        const mentions = x.count ?? x.mentions?.length ?? 0;
        if (mentions < (w.minMentions ?? 1)) continue;
        const hit = keys.has(x.id) || keys.has(nameKey(x.name)) || (x.mentions ?? []).some((m) => keys.has(nameKey(m.text)));
        if (hit && !actors.some((h) => h.id === x.id)) actors.push({ id: x.id, name: x.name, mentions });
      }
      if (!actors.length) continue;
    }
    let terms: string[] = [];
    if (w.query) {
      const r = new CompiledQuery(w.query).match(doc);
      if (!r.matched) continue;
      terms = r.terms;
    }
    out.push({ watch: w, actors, terms });
  }
  return out;
}

const view = (ms: Match[]) => ms.map((m) => ({ id: m.watch.id, actors: m.actors, terms: m.terms }));

describe('WatchMatcher equals the brute-force reference', () => {
  it('over randomised watches and articles, before and after updates', () => {
    const watches = new Map<string, Watch>();
    for (let i = 0; i < 600; i++) {
      const w = randomWatch(i);
      watches.set(w.id, w);
    }
    const m = new WatchMatcher(watches.values());
    expect(m.rejected.size).toBe(0);
    let total = 0;
    const check = (n: number, from: number) => {
      for (let i = from; i < from + n; i++) {
        const a = randomArticle(i);
        const expected = view(referenceMatch([...watches.values()], a));
        total += expected.length;
        expect({ article: a.id, matches: view(m.match(a)) }).toEqual({ article: a.id, matches: expected });
      }
    };
    check(300, 0);
    // Updates: replace some watches (new terms and prefixes), disable some, remove some, add new ones.
    for (let i = 0; i < 600; i += 5) {
      const id = `w${String(i).padStart(4, '0')}`;
      if (i % 3 === 0) {
        m.remove(id);
        watches.delete(id);
      } else {
        const w = { ...randomWatch(i), id };
        m.upsert(w);
        watches.set(id, w);
      }
    }
    for (let i = 600; i < 700; i++) {
      const w = randomWatch(i);
      m.upsert(w);
      watches.set(w.id, w);
    }
    check(300, 300);
    expect(total).toBeGreaterThan(3000); // the random mix does produce matches
  });
});
