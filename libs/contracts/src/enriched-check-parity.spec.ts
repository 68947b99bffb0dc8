import { EnrichedArticleSchema, isCanonicalEnrichedArticle } from './index';
import { DELETE, setAt, type Path } from './parity-spec-support';

// An enriched article as the engine produces it (every optional field of the contract present).
const base = () => ({
  url: 'https://example.org/news/1',
  source: { name: 'Example', domain: 'example.org', country: 'EG', extra: 1 },
  title: 'Minister says talks resume',
  body: 'The minister said on Monday that talks would resume.',
  publishedAt: '2026-01-02T03:04:05Z',
  fetchedAt: '2026-01-02T03:05:00.000Z',
  metadata: { section: 'politics' },
  schemaVersion: 1,
  id: '0123456789abcdef0123456789abcdef',
  language: 'en',
  languageDetection: { code: 'en', confidence: 0.97, extractor: 'en-rules-v1', more: true },
  actors: [
    {
      id: 'person:jane-doe',
      name: 'Jane Doe',
      type: 'person',
      mentions: [
        { text: 'Jane Doe', start: 4, end: 12 },
        { text: 'Doe', start: 0, end: 3, field: 'title' },
      ],
      count: 1,
      salience: 0.5,
      source: 'kb',
    },
  ],
  claims: [
    {
      speaker: { actorId: 'person:jane-doe', name: 'Jane Doe', text: 'The minister' },
      verb: 'said',
      kind: 'statement',
      text: 'talks would resume',
      start: 33,
      end: 51,
      field: 'title',
      quoted: false,
      actorIds: ['person:jane-doe'],
      rule: 'en-sv',
    },
  ],
  dedup: { fingerprint: 'abc', clusterId: 'c1', duplicateOf: 'x' },
  enrichedAt: '2026-01-02T03:06:00.000Z',
  enrichmentVersion: 'nlp-1.0.0',
  titleNormalized: 'minister says talks resume',
});

const zodOk = (v: unknown) => EnrichedArticleSchema.safeParse(v).success;

const PATHS: Path[] = [
  [],
  ['url'],
  ['source'],
  ['source', 'name'],
  ['source', 'domain'],
  ['source', 'country'],
  ['title'],
  ['body'],
  ['publishedAt'],
  ['fetchedAt'],
  ['metadata'],
  ['schemaVersion'],
  ['id'],
  ['language'],
  ['languageDetection'],
  ['languageDetection', 'code'],
  ['languageDetection', 'confidence'],
  ['languageDetection', 'extractor'],
  ['actors'],
  ['actors', 0],
  ['actors', 0, 'id'],
  ['actors', 0, 'name'],
  ['actors', 0, 'type'],
  ['actors', 0, 'mentions'],
  ['actors', 0, 'mentions', 0],
  ['actors', 0, 'mentions', 1, 'text'],
  ['actors', 0, 'mentions', 1, 'start'],
  ['actors', 0, 'mentions', 1, 'end'],
  ['actors', 0, 'mentions', 1, 'field'],
  ['actors', 0, 'count'],
  ['actors', 0, 'salience'],
  ['actors', 0, 'source'],
  ['claims'],
  ['claims', 0],
  ['claims', 0, 'speaker'],
  ['claims', 0, 'speaker', 'actorId'],
  ['claims', 0, 'speaker', 'name'],
  ['claims', 0, 'speaker', 'text'],
  ['claims', 0, 'verb'],
  ['claims', 0, 'kind'],
  ['claims', 0, 'text'],
  ['claims', 0, 'start'],
  ['claims', 0, 'end'],
  ['claims', 0, 'field'],
  ['claims', 0, 'quoted'],
  ['claims', 0, 'actorIds'],
  ['claims', 0, 'actorIds', 0],
  ['dedup'],
  ['dedup', 'fingerprint'],
  ['dedup', 'clusterId'],
  ['dedup', 'duplicateOf'],
  ['enrichedAt'],
  ['enrichmentVersion'],
];
const VALUES: unknown[] = [
  DELETE,
  undefined,
  null,
  '',
  ' ',
  'x',
  'EGY',
  'EGYP',
  'body',
  'title',
  'person',
  'rule',
  'kb',
  'not a date',
  '2026-01-02',
  0,
  -0,
  1,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  true,
  false,
  [],
  ['x'],
  [1],
  {},
  { name: 'x' },
  new Date(0),
  Object.create(null),
];

describe('isCanonicalEnrichedArticle (fast pre-check of EnrichedArticleSchema)', () => {
  it('accepts what the engine produces, with and without the optional fields', () => {
    const a = base();
    expect(zodOk(a)).toBe(true);
    expect(isCanonicalEnrichedArticle(a)).toBe(true);
    const minimal = base() as Record<string, unknown>;
    for (const k of ['title', 'publishedAt', 'fetchedAt', 'metadata']) delete minimal[k];
    minimal.actors = [];
    minimal.claims = [{ speaker: { name: 'n', text: 't' }, verb: 'v', text: 't', start: 0, end: 1, quoted: true }];
    minimal.dedup = { fingerprint: 'f', clusterId: 'c' };
    expect(zodOk(minimal)).toBe(true);
    expect(isCanonicalEnrichedArticle(minimal)).toBe(true);
  });

  it('never accepts what the zod schema refuses (every field × odd values)', () => {
    let refused = 0;
    for (const path of PATHS) {
      for (const value of VALUES) {
        const a = base();
        if (path.length === 0) {
          if (value === DELETE) continue;
          expect([path, isCanonicalEnrichedArticle(value) && !zodOk(value)]).toEqual([path, false]);
          continue;
        }
        setAt(a, path, value);
        const fast = isCanonicalEnrichedArticle(a);
        const zod = zodOk(a);
        if (!zod) refused++;
        // fast true ⇒ zod true (the converse may fail: then the caller asks zod)
        expect([path, value, fast && !zod]).toEqual([path, value, false]);
      }
    }
    expect(refused).toBeGreaterThan(300);
  });

  it('never accepts what zod refuses under random nested mutations', () => {
    let seed = 11;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 3000; i++) {
      const a = base();
      const k = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < k; j++) {
        const path = PATHS[1 + Math.floor(rnd() * (PATHS.length - 1))];
        try {
          setAt(a, path, VALUES[Math.floor(rnd() * VALUES.length)]);
        } catch {
          // a parent was replaced by a primitive: skip this mutation
        }
      }
      if (isCanonicalEnrichedArticle(a)) expect(zodOk(a)).toBe(true);
    }
  });
});
