import type { EnrichedArticle, Watch } from '@marsad/contracts';
import { WatchMatcher } from './matcher';

const now = '2026-11-30T12:00:00.000Z';
const watch = (over: Partial<Watch> & { id: string }): Watch => ({
  schemaVersion: 1,
  name: over.id,
  channels: [{ type: 'webhook', url: 'https://hooks.example.com/x' }],
  enabled: true,
  createdAt: now,
  updatedAt: now,
  ...over,
});
const actor = (id: string, name: string, texts: string[]) => ({
  id,
  name,
  type: 'organization' as const,
  mentions: texts.map((text, i) => ({ text, start: i * 10, end: i * 10 + text.length })),
});
const article = (over: Partial<EnrichedArticle> = {}): EnrichedArticle => ({
  schemaVersion: 1,
  id: 'a1',
  url: 'https://www.bbc.co.uk/news/1',
  source: { name: 'BBC', domain: 'bbc.co.uk' },
  title: 'Kaspersky warns about a breach',
  body: 'Kaspersky said the breach hit banks. Kaspersky declined further comment.',
  language: 'en',
  languageDetection: { code: 'en', confidence: 0.99, extractor: 'test' },
  actors: [actor('org:kaspersky-lab', 'Kaspersky Lab', ['Kaspersky', 'Kaspersky']), actor('country:RU', 'Russia', ['Russian'])],
  claims: [],
  dedup: { fingerprint: 'f', clusterId: 'c1' },
  enrichedAt: now,
  enrichmentVersion: 'test',
  ...over,
});

describe('WatchMatcher', () => {
  it('matches by actor id and reports the matched actors', () => {
    const m = new WatchMatcher([watch({ id: 'w1', actorIds: ['org:kaspersky-lab'] }), watch({ id: 'w2', actorIds: ['org:microsoft'] })]);
    const res = m.match(article());
    expect(res.map((r) => r.watch.id)).toEqual(['w1']);
    expect(res[0].actors).toEqual([{ id: 'org:kaspersky-lab', name: 'Kaspersky Lab', mentions: 2 }]);
    expect(res[0].terms).toEqual([]);
  });

  it('matches a typed actor name (any script) against actor names and mention texts', () => {
    const m = new WatchMatcher([watch({ id: 'w-ar', actors: ['كاسبرسكي'] }), watch({ id: 'w-en', actors: ['kaspersky'] })]);
    const ar = article({ language: 'ar', actors: [actor('org:kaspersky-lab', 'Kaspersky Lab', ['كاسبرسكى'])] });
    expect(m.match(ar).map((r) => r.watch.id)).toEqual(['w-ar']);
    expect(m.match(article()).map((r) => r.watch.id)).toEqual(['w-en']);
  });

  it('respects enabled, languages, sources and minMentions', () => {
    const m = new WatchMatcher([
      watch({ id: 'off', actorIds: ['org:kaspersky-lab'], enabled: false }),
      watch({ id: 'ar-only', actorIds: ['org:kaspersky-lab'], languages: ['ar'] }),
      watch({ id: 'en-only', actorIds: ['org:kaspersky-lab'], languages: ['EN'] }),
      watch({ id: 'src-reuters', actorIds: ['org:kaspersky-lab'], sources: ['reuters.com'] }),
      watch({ id: 'src-bbc', actorIds: ['org:kaspersky-lab'], sources: ['bbc.co.uk'] }),
      watch({ id: 'src-name', actorIds: ['org:kaspersky-lab'], sources: ['bbc'] }),
      watch({ id: 'min3', actorIds: ['org:kaspersky-lab'], minMentions: 3 }),
      watch({ id: 'min2', actorIds: ['org:kaspersky-lab'], minMentions: 2 }),
      watch({ id: 'ru-min2', actorIds: ['country:RU'], minMentions: 2 }),
    ]);
    expect(m.match(article()).map((r) => r.watch.id)).toEqual(['en-only', 'min2', 'src-bbc', 'src-name']);
  });

  it('combines actors with a keyword query (AND) and matches query-only watches through the term index', () => {
    const m = new WatchMatcher([
      watch({ id: 'both', actorIds: ['org:kaspersky-lab'], query: 'breach AND banks' }),
      watch({ id: 'both-miss', actorIds: ['org:kaspersky-lab'], query: 'ransomware' }),
      watch({ id: 'q', query: '"hit banks" OR ransomware' }),
      watch({ id: 'q-miss', query: 'microsoft' }),
      watch({ id: 'q-neg', query: 'zebra OR NOT microsoft' }),
    ]);
    const res = m.match(article());
    expect(res.map((r) => r.watch.id)).toEqual(['both', 'q', 'q-neg']);
    expect(res.find((r) => r.watch.id === 'both')!.terms.sort()).toEqual(['banks', 'breach']);
    expect(res.find((r) => r.watch.id === 'q')!.terms).toEqual(['hit banks']);
  });

  it('updates and removes watches (index entries follow)', () => {
    const m = new WatchMatcher([watch({ id: 'w', actorIds: ['org:microsoft'] })]);
    expect(m.match(article())).toHaveLength(0);
    m.upsert(watch({ id: 'w', actorIds: ['org:kaspersky-lab'] }));
    expect(m.match(article())).toHaveLength(1);
    m.upsert(watch({ id: 'w', actorIds: ['org:kaspersky-lab'], enabled: false }));
    expect(m.match(article())).toHaveLength(0);
    m.upsert(watch({ id: 'w', query: 'breach' }));
    expect(m.match(article())).toHaveLength(1);
    m.remove('w');
    expect(m.match(article())).toHaveLength(0);
    expect(m.size).toBe(0);
  });

  it('a call that throws half-way leaves no state behind', () => {
    const m = new WatchMatcher([
      watch({ id: 'a', actorIds: ['org:kaspersky-lab'] }),
      watch({ id: 'b', actorIds: ['org:kaspersky-lab'], sources: ['bbc'] }),
      watch({ id: 'c', query: 'zebra' }),
    ]);
    const bad = article({ source: { name: 5 as unknown as string, domain: 'bbc.co.uk' } });
    expect(() => m.match(bad)).toThrow();
    expect(m.match(article({ actors: [], body: 'a zebra' })).map((r) => r.watch.id)).toEqual(['c']);
  });

  it('keeps a watch with an invalid query out and says why', () => {
    const m = new WatchMatcher([watch({ id: 'bad', query: 'a AND' })]);
    expect(m.size).toBe(0);
    expect(m.rejected.get('bad')).toMatch(/position/);
  });

  it('checks only candidate watches (index by actor)', () => {
    const watches = Array.from({ length: 5000 }, (_, i) => watch({ id: `w${i}`, actorIds: [`org:other-${i}`] }));
    watches.push(watch({ id: 'hit', actorIds: ['org:kaspersky-lab'] }));
    const m = new WatchMatcher(watches);
    expect(m.match(article()).map((r) => r.watch.id)).toEqual(['hit']);
    // the 5,000 other watches were never looked at (speed itself is measured by npm run bench:match)
    expect(m.lastCandidates).toBe(1);
  });
});
