import { EnrichedArticleSchema, isCanonicalEnrichedArticle } from './index';

/** An enriched article with every optional field set (the shape the enricher produces). */
function sample(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'a1b2c3',
    url: 'https://news.example/a',
    source: { name: 'News', domain: 'news.example', country: 'GB', extra: 1 },
    title: 'Title',
    body: 'Mr Clarke said the plan was "sound".',
    language: 'en',
    publishedAt: '2026-12-07T08:00:00.000Z',
    fetchedAt: '2026-12-07T08:01:00Z',
    metadata: { feed: 'x', n: 2 },
    titleNormalized: 'title',
    bodyNormalized: 'mr clarke said',
    languageDetection: { code: 'en', confidence: 0.9, extractor: 'langid', more: true },
    actors: [
      {
        id: 'person:charles-clarke',
        name: 'Charles Clarke',
        type: 'person',
        mentions: [{ text: 'Mr Clarke', start: 0, end: 9, field: 'body' }],
        count: 1,
        salience: 0.6,
        source: 'kb',
        x: 'kept',
      },
    ],
    claims: [
      {
        speaker: { actorId: 'person:charles-clarke', name: 'Charles Clarke', text: 'Mr Clarke', y: 1 },
        verb: 'said',
        kind: 'statement',
        text: 'the plan was "sound"',
        start: 15,
        end: 35,
        field: 'body',
        quoted: true,
        actorIds: ['person:charles-clarke'],
      },
    ],
    dedup: { fingerprint: 'f', clusterId: 'a1b2c3', duplicateOf: 'z' },
    enrichedAt: '2026-12-07T08:02:00.000Z',
    enrichmentVersion: 'v1',
  };
}

/** Every path of an object/array tree (['actors', 0, 'mentions', 0, 'start'], ...). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [at];
  const out: (string | number)[][] = [at];
  for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, Array.isArray(v) ? Number(k) : k]));
  return out;
}

function withValue(root: unknown, path: (string | number)[], value: unknown, del = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  if (!path.length) return value;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  if (del) delete cur[path[path.length - 1]];
  else cur[path[path.length - 1]] = value;
  return copy;
}

const REPLACEMENTS: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  3,
  '',
  ' ',
  ' padded ',
  'x',
  'ab',
  'abcd',
  'not a date',
  '2026-12-07',
  true,
  [],
  ['x'],
  [1],
  {},
  { text: 'a' },
  'person',
  'kb',
  'title',
  'other-enum',
];

describe('isCanonicalEnrichedArticle (the consumers’ fast path): never looser than EnrichedArticleSchema', () => {
  it('accepts a full enriched article, which zod returns unchanged', () => {
    const a = sample();
    expect(isCanonicalEnrichedArticle(a)).toBe(true);
    expect(EnrichedArticleSchema.parse(a)).toEqual(a);
  });

  it('for every field replaced by every kind of value (or removed, or an extra key added): true ⇒ zod accepts it unchanged', () => {
    const base = sample();
    let accepted = 0;
    let checked = 0;
    for (const p of paths(base)) {
      const variants = [...REPLACEMENTS.map((r) => withValue(base, p, r)), withValue(base, p, undefined, true)];
      const at = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], base);
      if (typeof at === 'object' && at !== null && !Array.isArray(at)) variants.push(withValue(base, [...p, 'extra'], 'e'));
      for (const v of variants) {
        checked++;
        if (!isCanonicalEnrichedArticle(v)) continue;
        accepted++;
        const z = EnrichedArticleSchema.safeParse(v);
        if (!z.success) throw new Error(`fast path accepted what zod refuses at ${p.join('.')}: ${JSON.stringify(v).slice(0, 300)}`);
        expect(JSON.parse(JSON.stringify(z.data))).toEqual(JSON.parse(JSON.stringify(v)));
      }
    }
    // The check is not vacuous: many variants are valid (e.g. optional fields removed), many are not.
    expect(accepted).toBeGreaterThan(50);
    expect(checked - accepted).toBeGreaterThan(500);
  });

  it('says no (run the schema) where zod would change the value: trimmed strings, stripped keys', () => {
    expect(isCanonicalEnrichedArticle({ ...sample(), url: ' https://news.example/a ' })).toBe(false);
    expect(isCanonicalEnrichedArticle({ ...sample(), dedup: { fingerprint: 'f', clusterId: 'c', junk: 1 } })).toBe(false);
    const a = sample() as { actors: { mentions: Record<string, unknown>[] }[] };
    a.actors[0].mentions[0].extra = 1;
    expect(isCanonicalEnrichedArticle(a)).toBe(false);
  });
});
