import { RawArticleSchema, isCanonicalRawArticle } from './index';
import { DELETE, setAt, type Path } from './parity-spec-support';

// A raw article as scrapers publish it (every optional field of the contract present, plus extras).
const base = () => ({
  schemaVersion: 1,
  id: '0123456789abcdef',
  url: 'https://example.org/news/1',
  source: { name: 'Example', domain: 'example.org', country: 'EG', extra: 1 },
  title: 'Minister says talks resume',
  body: 'The minister said on Monday that talks would resume.',
  language: 'en',
  publishedAt: '2026-01-02T03:04:05Z',
  fetchedAt: '2026-01-02T03:05:00.000Z',
  metadata: { section: 'politics', nested: { a: [1, 2] } },
  scraper: { run: 7 },
});

/** zod accepts `v` and returns the same value (no trim, no stripped key). */
const zodSame = (v: unknown) => {
  const r = RawArticleSchema.safeParse(v);
  return r.success && JSON.stringify(r.data) === JSON.stringify(v) && isEqual(r.data, v);
};
const isEqual = (a: unknown, b: unknown) => {
  try {
    expect(a).toEqual(b); // not toStrictEqual: zod returns a null-prototype record as a plain object
    return true;
  } catch {
    return false;
  }
};

const PATHS: Path[] = [
  ['schemaVersion'],
  ['id'],
  ['url'],
  ['source'],
  ['source', 'name'],
  ['source', 'domain'],
  ['source', 'country'],
  ['title'],
  ['body'],
  ['language'],
  ['publishedAt'],
  ['fetchedAt'],
  ['metadata'],
  ['scraper'],
];
const VALUES: unknown[] = [
  DELETE,
  undefined,
  null,
  '',
  ' ',
  ' x',
  'x ',
  'x',
  'a:b',
  'a b',
  'EG',
  'EGY',
  'EGYP',
  'x'.repeat(128),
  'x'.repeat(129),
  'not a date',
  '2026-01-02',
  0,
  -0,
  1,
  -1,
  1.5,
  NaN,
  Infinity,
  true,
  [],
  ['x'],
  {},
  { name: 'x' },
  { name: ' x' },
  new Date(0),
  Object.create(null),
];

describe('isCanonicalRawArticle (fast pre-check of RawArticleSchema)', () => {
  it('accepts what scrapers publish, with and without the optional fields', () => {
    expect(isCanonicalRawArticle(base())).toBe(true);
    expect(zodSame(base())).toBe(true);
    const minimal = { url: 'u', source: { name: 'n' }, body: '' };
    expect(isCanonicalRawArticle(minimal)).toBe(true);
    expect(zodSame(minimal)).toBe(true);
    for (const v of [null, [], 'x', 1, { ...base(), url: ' https://e.org' }, { ...base(), id: 'a:b' }])
      expect(isCanonicalRawArticle(v)).toBe(false);
  });

  it('never accepts what the schema refuses or would change (every field × odd values)', () => {
    let refused = 0;
    for (const path of PATHS)
      for (const value of VALUES) {
        const a = base();
        setAt(a, path, value);
        const fast = isCanonicalRawArticle(a);
        const same = zodSame(a);
        if (!RawArticleSchema.safeParse(a).success) refused++;
        // fast true ⇒ zod returns it unchanged (the converse may fail: then the caller asks zod)
        expect([path, value, fast && !same]).toEqual([path, value, false]);
      }
    expect(refused).toBeGreaterThan(100);
  });

  it('never accepts what zod refuses or changes under random mutations', () => {
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 3000; i++) {
      const a = base();
      const k = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < k; j++) {
        try {
          setAt(a, PATHS[Math.floor(rnd() * PATHS.length)], VALUES[Math.floor(rnd() * VALUES.length)]);
        } catch {
          // a parent was replaced by a primitive: skip this mutation
        }
      }
      if (isCanonicalRawArticle(a)) expect(zodSame(a)).toBe(true);
    }
  });
});
