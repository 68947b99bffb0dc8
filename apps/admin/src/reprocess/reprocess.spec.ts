import { RawArticleSchema } from '@marsad/contracts';
import { ReprocessRequestSchema, rangeQuery, rawFromDocument } from './reprocess';

describe('reprocess: stored document → RawArticle', () => {
  const stored = {
    id: 'abc123',
    url: 'https://example.com/a',
    source: { name: 'Example', domain: 'example.com', country: 'US' },
    title: 'T',
    body: 'Body text.',
    bodyNormalized: 'body text',
    language: 'en',
    publishedAt: '2025-03-02T08:00:00.000Z',
    fetchedAt: '2025-03-02T09:00:00.000Z',
    enrichedAt: '2025-03-02T09:00:01.000Z',
    actors: [{ id: 'org:x' }],
    actorIds: ['org:x'],
    metadata: { a: 1 },
  };

  test('keeps what the scraper sent (and the id), drops the enrichment', () => {
    const raw = rawFromDocument('abc123', stored)!;
    expect(raw).toEqual({
      schemaVersion: 1,
      id: 'abc123',
      url: 'https://example.com/a',
      source: { name: 'Example', domain: 'example.com', country: 'US' },
      title: 'T',
      body: 'Body text.',
      language: 'en',
      publishedAt: '2025-03-02T08:00:00.000Z',
      fetchedAt: '2025-03-02T09:00:00.000Z',
      metadata: { a: 1 },
    });
    expect(RawArticleSchema.safeParse(raw).success).toBe(true);
  });

  test('"und" is not passed back as a language hint; the _id stands in for a missing id', () => {
    const raw = rawFromDocument('from-id', { ...stored, id: undefined, language: 'und', title: undefined, metadata: undefined })!;
    expect(raw.id).toBe('from-id');
    expect(raw).not.toHaveProperty('language');
    expect(raw).not.toHaveProperty('title');
    expect(raw).not.toHaveProperty('metadata');
  });

  test.each([
    ['no url', { ...stored, url: undefined }],
    ['no body', { ...stored, body: undefined }],
    ['no source name', { ...stored, source: { domain: 'x' } }],
  ])('%s → undefined (counted as skipped)', (_, doc) => expect(rawFromDocument('x', doc as Record<string, unknown>)).toBeUndefined());
});

describe('reprocess request', () => {
  test('normalises dates to ISO UTC', () => {
    expect(ReprocessRequestSchema.parse({ from: '2025-03-01', to: '2025-03-31T23:59:59+02:00' })).toEqual({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-31T21:59:59.000Z',
    });
  });
  test.each([
    [{ from: 'yesterday', to: '2025-03-01' }, 'from'],
    [{ from: '2025-03-01' }, 'to'],
    [{ from: '2025-04-01', to: '2025-03-01' }, 'from'],
    [{ from: '2025-03-01', to: '2025-03-02', extra: 1 }, ''],
  ])('%j is refused (%s)', (body, field) => {
    const r = ReprocessRequestSchema.safeParse(body);
    expect(r.success).toBe(false);
    if (!r.success && field) expect(r.error.issues[0].path[0]).toBe(field);
  });

  test('range: publishedAt in range, or no publishedAt and fetchedAt in range (the monthly-index date)', () => {
    expect(rangeQuery('a', 'b')).toEqual({
      bool: {
        should: [
          { range: { publishedAt: { gte: 'a', lte: 'b' } } },
          { bool: { must_not: [{ exists: { field: 'publishedAt' } }], filter: [{ range: { fetchedAt: { gte: 'a', lte: 'b' } } }] } },
        ],
        minimum_should_match: 1,
      },
    });
  });
});
