import { names, type EnrichedArticle } from '@marsad/contracts';
import { articleMonth, monthlyIndexFor, spliceIndexDocument, toIndexDocument } from './document';
import { isTransientFailure, isTransientRequestError, BulkWriter } from './bulk';
import { articlesTemplateBody, ARTICLES_MAPPINGS } from './template';

const base: EnrichedArticle = {
  schemaVersion: 1,
  id: 'a1',
  url: 'https://example.org/a',
  source: { name: 'Example', domain: 'example.org', country: 'US' },
  title: 'Kaspersky',
  body: 'Kaspersky said "hello".',
  language: 'en',
  languageDetection: { code: 'en', confidence: 0.9, extractor: 'test' },
  actors: [
    {
      id: 'org:kaspersky-lab',
      name: 'Kaspersky Lab',
      type: 'organization',
      mentions: [{ text: 'Kaspersky', start: 0, end: 9 }],
      count: 1,
      salience: 0.8,
    },
    { id: 'country:RU', name: 'Russia', type: 'country', mentions: [] },
  ],
  claims: [
    {
      speaker: { actorId: 'org:kaspersky-lab', name: 'Kaspersky Lab', text: 'Kaspersky' },
      verb: 'said',
      text: 'hello',
      start: 16,
      end: 21,
      quoted: true,
      actorIds: [],
    },
  ],
  dedup: { fingerprint: 'f', clusterId: 'a1' },
  enrichedAt: '2024-07-01T00:00:00.000Z',
  enrichmentVersion: 'v1',
  publishedAt: '2024-06-30T23:30:00-02:00',
  metadata: { junk: { deeply: [1, 2, 3] } },
};

describe('monthlyIndexFor', () => {
  const n = names();
  it('uses publishedAt in UTC', () => {
    // 23:30 at -02:00 is 01:30 UTC on 1 July
    expect(monthlyIndexFor(base, n)).toBe('marsad-articles-2024.07');
    expect(monthlyIndexFor({ publishedAt: '2024-01-31T23:59:59Z' }, n)).toBe('marsad-articles-2024.01');
  });
  it('falls back to fetchedAt, then enrichedAt', () => {
    expect(monthlyIndexFor({ fetchedAt: '2023-02-10T00:00:00Z', enrichedAt: '2024-01-01T00:00:00Z' }, n)).toBe('marsad-articles-2023.02');
    expect(monthlyIndexFor({ enrichedAt: '2024-12-01T00:00:00Z' }, n)).toBe('marsad-articles-2024.12');
    expect(monthlyIndexFor({ publishedAt: 'not a date', fetchedAt: '2021-05-05T00:00:00Z' }, n)).toBe('marsad-articles-2021.05');
  });
  it('is namespaced and lower-case', () => {
    expect(monthlyIndexFor(base, names('t-ABC'))).toBe('t-abc-marsad-articles-2024.07');
  });
  it('throws without any date', () => {
    expect(() => articleMonth({})).toThrow(/publishedAt/);
  });
  it('is the same whatever day it is redelivered', () => {
    expect(monthlyIndexFor(base, n)).toBe(monthlyIndexFor({ ...base, enrichedAt: new Date().toISOString() }, n));
  });
});

describe('toIndexDocument', () => {
  const doc = toIndexDocument(base, { normalize: (s) => s.toLowerCase(), now: () => new Date('2025-01-01T00:00:00Z') });
  it('derives the flat keyword arrays', () => {
    expect(doc.actorIds).toEqual(['org:kaspersky-lab', 'country:RU']);
    expect(doc.actorNames).toEqual(['Kaspersky Lab', 'Russia']);
    expect(doc.actorTypes).toEqual(['organization', 'country']);
    expect(doc.claimSpeakerIds).toEqual(['org:kaspersky-lab']);
  });
  it('normalises dates to ISO UTC and keeps the raw fields', () => {
    expect(doc.publishedAt).toBe('2024-07-01T01:30:00.000Z');
    expect(doc.indexedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(doc).toMatchObject({
      id: 'a1',
      url: base.url,
      language: 'en',
      source: base.source,
      title: 'Kaspersky',
      enrichmentVersion: 'v1',
      dedup: { fingerprint: 'f', clusterId: 'a1' },
    });
    expect(doc.fetchedAt).toBeUndefined();
    expect('fetchedAt' in doc).toBe(false);
  });
  it('uses carried normalised text first, else the normaliser', () => {
    expect(doc.titleNormalized).toBe('kaspersky');
    expect(toIndexDocument({ ...base, titleNormalized: 'X', bodyNormalized: 'Y' } as EnrichedArticle).titleNormalized).toBe('X');
    expect(toIndexDocument(base).bodyNormalized).toBeUndefined();
  });
  it('drops fields the mapping does not know', () => {
    const d = toIndexDocument({ ...base, junkTop: 1, actors: [{ ...base.actors[0], aliases: ['x'] }] } as EnrichedArticle);
    expect(d).not.toHaveProperty('junkTop');
    expect((d.actors as object[])[0]).not.toHaveProperty('aliases');
    for (const k of Object.keys(d)) expect(Object.keys(ARTICLES_MAPPINGS.properties)).toContain(k);
  });
  it('is pure', () => {
    const copy = JSON.parse(JSON.stringify(base));
    toIndexDocument(base);
    expect(base).toEqual(copy);
  });
});

describe('spliceIndexDocument', () => {
  const now = () => new Date('2025-01-01T00:00:00Z');
  const normalize = (s: string) => s.toLowerCase();
  // as the enricher writes it: UTC dates, counts, derived fields and the claims' `rule`
  const canonical = {
    ...base,
    publishedAt: '2024-07-01T01:30:00.000Z',
    actors: base.actors.map((a) => ({ ...a, count: a.mentions.length })),
    claims: base.claims.map((c) => ({ ...c, rule: 'en-said' })),
    titleNormalized: 'kaspersky',
    bodyNormalized: 'kaspersky said "hello".',
    actorIds: ['org:kaspersky-lab', 'country:RU'],
    actorNames: ['Kaspersky Lab', 'Russia'],
    actorTypes: ['organization', 'country'],
    claimSpeakerIds: ['org:kaspersky-lab'],
  } as EnrichedArticle;
  const spliced = (a: object, text = JSON.stringify(a)) => {
    const parts = spliceIndexDocument(a as EnrichedArticle, Buffer.from(text), { normalize, now });
    return parts && JSON.parse(Buffer.concat(parts).toString('utf8'));
  };
  const expected = (a: object) => JSON.parse(JSON.stringify(toIndexDocument(a as EnrichedArticle, { normalize, now })));

  it("is toIndexDocument's document, from the article's own JSON plus the fields it adds", () => {
    const doc = spliced(canonical);
    expect(doc).toEqual(expected(canonical));
    expect(doc.indexedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(doc.claims[0].rule).toBe('en-said');
    // derived fields the article does not carry are appended; trailing whitespace is fine
    const bare = { ...canonical } as Record<string, unknown>;
    for (const k of ['titleNormalized', 'bodyNormalized', 'actorIds', 'actorNames', 'actorTypes', 'claimSpeakerIds']) delete bare[k];
    expect(spliced(bare, JSON.stringify(bare) + '\n ')).toEqual(expected(bare));
    expect(spliced({ ...bare, title: undefined })).toEqual(expected({ ...bare, title: undefined }));
    // the first piece is a view of the input (no copy)
    const text = Buffer.from(JSON.stringify(canonical));
    const parts = spliceIndexDocument(canonical, text, { now })!;
    expect(parts[0].buffer).toBe(text.buffer);
  });

  it('declines what toIndexDocument would change (the caller serialises instead)', () => {
    const declined: object[] = [
      { ...canonical, publishedAt: '2024-06-30T23:30:00-02:00' }, // normalised to UTC
      { ...canonical, fetchedAt: '2024-07-01T01:30:00Z' }, // milliseconds added
      { ...canonical, enrichedAt: 'not a date' }, // dropped
      { ...canonical, junkTop: 1 },
      { ...canonical, source: { ...canonical.source, extra: 1 } },
      { ...canonical, languageDetection: { ...canonical.languageDetection, extra: 1 } },
      { ...canonical, dedup: { ...canonical.dedup, extra: 1 } },
      { ...canonical, actors: [{ ...canonical.actors[0], aliases: ['x'] }] },
      { ...canonical, actors: [{ ...canonical.actors[0], count: undefined }] },
      { ...canonical, actors: [{ ...canonical.actors[0], count: null }] },
      { ...canonical, claims: [{ ...canonical.claims[0], extra: 1 }] },
      { ...canonical, claims: [{ ...canonical.claims[0], speaker: { ...canonical.claims[0].speaker, extra: 1 } }] },
      { ...canonical, actorIds: null },
      { ...canonical, bodyNormalized: null },
      { ...canonical, actors: undefined },
      { ...canonical, indexedAt: '2024-01-01T00:00:00.000Z' },
      JSON.parse(`{"__proto__": 1, ${JSON.stringify(canonical).slice(1)}`),
    ];
    for (const a of declined) expect(spliced(a)).toBeUndefined();
    // nor text that does not start with the object (a BOM, whitespace)
    expect(spliced(canonical, `\ufeff${JSON.stringify(canonical)}`)).toBeUndefined();
    expect(spliced(canonical, ` ${JSON.stringify(canonical)}`)).toBeUndefined();
    // nor JSON with a line break between its tokens: _bulk would read it as several lines
    expect(spliced(canonical, JSON.stringify(canonical, null, 2))).toBeUndefined();
    expect(spliced(canonical, JSON.stringify(canonical).replace('{', '{\r\n'))).toBeUndefined();
    // and what it declines, toIndexDocument indeed changes
    for (const a of declined.slice(0, 14))
      expect(expected(a)).not.toEqual({ ...JSON.parse(JSON.stringify(a)), indexedAt: expect.anything() });
  });
});

describe('failure classification', () => {
  it('classifies bulk item failures', () => {
    expect(isTransientFailure(429, 'es_rejected_execution_exception')).toBe(true);
    expect(isTransientFailure(503, 'unavailable_shards_exception')).toBe(true);
    expect(isTransientFailure(500)).toBe(true);
    expect(isTransientFailure(403, 'cluster_block_exception')).toBe(true);
    expect(isTransientFailure(400, 'mapper_parsing_exception')).toBe(false);
    expect(isTransientFailure(400, 'document_parsing_exception')).toBe(false);
    expect(isTransientFailure(400, 'illegal_argument_exception')).toBe(false);
    expect(isTransientFailure(404, 'index_not_found_exception')).toBe(false);
  });
  it('classifies whole-request errors', () => {
    expect(isTransientRequestError(Object.assign(new Error('connect ECONNREFUSED'), { name: 'ConnectionError' }))).toBe(true);
    expect(isTransientRequestError(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
    expect(isTransientRequestError({ name: 'ResponseError', meta: { statusCode: 502 } })).toBe(true);
    expect(isTransientRequestError({ name: 'ResponseError', meta: { statusCode: 400 } })).toBe(false);
  });
  it('BulkWriter maps per-item answers in order and splits by size', async () => {
    const calls: string[][] = [];
    const client = {
      bulk: async (p: { body: Buffer }) => {
        const operations = p.body.toString('utf8').split('\n').slice(0, -1);
        calls.push(operations);
        return {
          errors: true,
          items: operations
            .filter((_, i) => i % 2 === 0)
            .map((a) => {
              const id = JSON.parse(a).index._id as string;
              if (id === 'bad')
                return {
                  index: {
                    _id: id,
                    status: 400,
                    error: { type: 'mapper_parsing_exception', reason: 'failed to parse field [publishedAt]' },
                  },
                };
              if (id === 'busy')
                return { index: { _id: id, status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } };
              return { index: { _id: id, status: 201 } };
            }),
        };
      },
    };
    const w = new BulkWriter(client as never, { maxRequestBytes: 120 });
    const res = await w.write([
      ...['ok1', 'bad', 'busy'].map((id) => ({ id, index: 'i', doc: { id, pad: 'x'.repeat(20) } })),
      { id: 'ok2', index: 'i', parts: [Buffer.from('{"id":"ok2"'), Buffer.from(',"pad":"é"}')] },
    ]);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.flat().slice(-2)).toEqual(['{"index":{"_index":"i","_id":"ok2"}}', '{"id":"ok2","pad":"é"}']);
    expect(res.succeeded.map((i) => i.id)).toEqual(['ok1', 'ok2']);
    expect(res.permanent.map((i) => i.id)).toEqual(['bad']);
    expect(res.transient.map((i) => i.id)).toEqual(['busy']);
    expect(res.permanent[0]).toMatchObject({ ok: false, status: 400, type: 'mapper_parsing_exception' });
  });

  it('BulkWriter reuses a request body once answered, never one in flight or one of a failed request', async () => {
    const bodies: Buffer[] = [];
    let release: () => void = () => undefined;
    let fail = false;
    const client = {
      bulk: async (p: { body: Buffer }) => {
        bodies.push(p.body);
        const text = p.body.toString('utf8');
        if (text.includes('"slow"')) await new Promise<void>((r) => (release = r));
        if (fail) throw Object.assign(new Error('timeout'), { name: 'TimeoutError' });
        expect(p.body.toString('utf8')).toBe(text); // not overwritten while in flight
        return {
          items: text
            .split('\n')
            .filter((_, i) => i % 2 === 0 && _)
            .map((a) => ({ index: { _id: JSON.parse(a).index._id, status: 201 } })),
        };
      },
    };
    const w = new BulkWriter(client as never, { maxRequestBytes: 1000 });
    const doc = (id: string) => [{ id, index: 'i', doc: { id } }];
    await w.write(doc('a'));
    const slow = w.write(doc('slow')); // in flight: its body is not handed out again
    await w.write(doc('b'));
    release();
    await slow;
    expect(bodies[1].buffer).toBe(bodies[0].buffer); // the first body, reused once answered
    expect(bodies[2].buffer).not.toBe(bodies[1].buffer);
    fail = true;
    await expect(w.write(doc('c'))).rejects.toThrow('timeout');
    fail = false;
    await w.write(doc('d'));
    expect(bodies[4].buffer).not.toBe(bodies[3].buffer); // the failed request's body was dropped
  });
});

describe('template', () => {
  it('targets the namespaced pattern and joins the alias', () => {
    const t = articlesTemplateBody(names('ns1'), { replicas: 0 });
    expect(t.name).toBe('ns1-marsad-articles-template');
    expect(t.index_patterns).toEqual(['ns1-marsad-articles-*']);
    expect(t.template.aliases).toEqual({ 'ns1-marsad-articles': {} });
    expect(t.template.settings.number_of_replicas).toBe(0);
    expect(t.template.mappings.dynamic).toBe(false);
    // normalised copies are indexed (mapped) but not stored
    expect(t.template.mappings._source.excludes).toEqual(['titleNormalized', 'bodyNormalized']);
    expect(t.template.mappings.properties.bodyNormalized).toMatchObject({ type: 'text' });
  });
});
