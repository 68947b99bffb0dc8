import { names } from '@marsad/contracts';
import { createLogger } from '@marsad/observability';
import type { InboundMessage } from '@marsad/messaging';
import type { BulkDoc, BulkItemResult, BulkWriter } from '@marsad/search';
import { createIndexHandler } from './index-handler';

const quiet = createLogger('test', 'error', {}, () => undefined);
const n = names('u2');
const ctx = { topic: 't', partition: 0, attempt: 2, heartbeat: async () => undefined, signal: new AbortController().signal };
let offset = 0;
const msg = (v: unknown): InboundMessage => ({
  topic: 'u2.marsad.articles.enriched',
  partition: 0,
  offset: String(offset++),
  key: 'k',
  value: Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)),
  headers: {},
  timestamp: '0',
});
const article = (id: string, extra: object = {}) => ({
  schemaVersion: 1,
  id,
  url: `https://e.org/${id}`,
  source: { name: 'E' },
  body: 'b',
  language: 'en',
  languageDetection: { code: 'en', confidence: 1, extractor: 't' },
  actors: [],
  claims: [],
  dedup: { fingerprint: 'f', clusterId: id },
  enrichedAt: '2024-02-03T00:00:00Z',
  enrichmentVersion: 'v',
  publishedAt: '2023-11-30T23:00:00Z',
  ...extra,
});

function writerWith(answer: (d: BulkDoc) => BulkItemResult | 'throw-transient' | 'throw-400') {
  const calls: BulkDoc[][] = [];
  const writer = {
    write: async (docs: BulkDoc[]) => {
      calls.push(docs);
      const items = docs.map((d) => answer(d));
      if (items.includes('throw-transient')) throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'ConnectionError' });
      if (items.includes('throw-400')) throw Object.assign(new Error('bad request'), { name: 'ResponseError', meta: { statusCode: 400 } });
      const r = items as BulkItemResult[];
      return {
        items: r,
        succeeded: r.filter((i) => i.ok),
        transient: r.filter((i) => !i.ok && i.transient),
        permanent: r.filter((i) => !i.ok && !i.transient),
        tookMs: 1,
      };
    },
  } as unknown as BulkWriter;
  return { writer, calls };
}
/** The `_source` a bulk document sends. */
const source = (d: BulkDoc) => JSON.parse(d.parts ? Buffer.concat(d.parts).toString('utf8') : d.json!);
const okItem = (d: BulkDoc): BulkItemResult => ({ id: d.id, index: d.index, ok: true, status: 201 });

describe('index handler', () => {
  it('bulk-indexes into the monthly index with _id = article id', async () => {
    const { writer, calls } = writerWith(okItem);
    const h = createIndexHandler({ names: n, writer, maxMessageBytes: 100_000, logger: quiet, normalize: (s) => s.toUpperCase() });
    expect(await h([msg(article('a')), msg(article('b', { publishedAt: undefined, fetchedAt: '2024-05-01T00:00:00Z' }))], ctx)).toEqual({
      dlq: [],
    });
    expect(calls[0].map((d) => [d.id, d.index])).toEqual([
      ['a', 'u2-marsad-articles-2023.11'],
      ['b', 'u2-marsad-articles-2024.05'],
    ]);
    expect(source(calls[0][0]).bodyNormalized).toBe('B');
  });

  it('DLQs invalid messages and permanently rejected documents; indexes the rest', async () => {
    const { writer } = writerWith((d) =>
      d.id === 'rejected'
        ? {
            id: d.id,
            index: d.index,
            ok: false,
            status: 400,
            type: 'mapper_parsing_exception',
            reason: 'mapper_parsing_exception: failed to parse',
            transient: false,
          }
        : okItem(d),
    );
    const h = createIndexHandler({ names: n, writer, maxMessageBytes: 100_000, logger: quiet });
    const res = await h([msg('{nope'), msg({ id: 'x' }), msg(article('rejected')), msg(article('fine'))], ctx);
    expect(res!.dlq!.map((d) => d.error)).toEqual([
      expect.stringMatching(/^invalid JSON/),
      expect.stringMatching(/^schemaVersion: Required/),
      'elasticsearch rejected the document (400): mapper_parsing_exception: failed to parse',
    ]);
    expect(res!.dlq![2].attempts).toBe(2);
  });

  it("sends a canonical article's own JSON with the index fields appended; one ES refuses is sent once more serialised, then DLQed", async () => {
    const canonical = (id: string) =>
      article(id, { enrichedAt: '2024-02-03T00:00:00.000Z', publishedAt: '2023-11-30T23:00:00.000Z', bodyNormalized: 'b' });
    const refused = (d: BulkDoc): BulkItemResult => ({
      id: d.id,
      index: d.index,
      ok: false,
      status: 400,
      type: 'document_parsing_exception',
      reason: 'document_parsing_exception: Duplicate field',
      transient: false,
    });
    // the producer's JSON has a duplicate key (JSON.parse keeps the last): refused as sent, fine serialised
    const dup = `{"body":"first",${JSON.stringify(canonical('dup')).slice(1)}`;
    const { writer, calls } = writerWith((d) => (d.parts && d.id !== 'ok' ? refused(d) : d.id === 'bad' ? refused(d) : okItem(d)));
    const h = createIndexHandler({ names: n, writer, maxMessageBytes: 100_000, logger: quiet, normalize: (s) => s.toUpperCase() });
    const res = await h([msg(canonical('ok')), msg(dup), msg(canonical('bad')), msg(article('plain'))], ctx);
    expect(calls[0].map((d) => [d.id, !!d.parts])).toEqual([
      ['ok', true],
      ['dup', true],
      ['bad', true],
      ['plain', false], // dates not as toIndexDocument writes them: serialised
    ]);
    expect(source(calls[0][0])).toMatchObject({ id: 'ok', bodyNormalized: 'b', actorIds: [], indexedAt: expect.any(String) });
    expect(calls[1].map((d) => [d.id, !!d.parts])).toEqual([
      ['dup', false],
      ['bad', false],
    ]);
    expect(source(calls[1][0]).body).toBe('b');
    expect(res!.dlq!.map((d) => [d.message.offset, d.error])).toEqual([
      [expect.any(String), 'elasticsearch rejected the document (400): document_parsing_exception: Duplicate field'],
    ]);
    expect(JSON.parse(res!.dlq![0].message.value!.toString()).id).toBe('bad');
  });

  it('reads a compact article that carries every derived field without parsing it: its own bytes plus indexedAt', async () => {
    const complete = (id: string) =>
      article(id, {
        enrichedAt: '2024-02-03T00:00:00.000Z',
        publishedAt: '2023-11-30T23:00:00.000Z',
        bodyNormalized: 'b',
        actorIds: [],
        actorNames: [],
        actorTypes: [],
        claimSpeakerIds: [],
      });
    const { writer, calls } = writerWith(okItem);
    const h = createIndexHandler({ names: n, writer, maxMessageBytes: 100_000, logger: quiet, normalize: (s) => s.toUpperCase() });
    const m = msg(complete('c1'));
    const parse = jest.spyOn(JSON, 'parse');
    try {
      await h([m], ctx);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    const [d] = calls[0];
    expect([d.id, d.index]).toEqual(['c1', n.articlesIndex('2023.11')]);
    expect(d.parts![0].buffer).toBe(m.value!.buffer); // a view of the message, not a copy
    expect(source(d)).toEqual({ ...complete('c1'), indexedAt: expect.any(String) });
  });

  it('throws on transient item failures and on connection errors (the runner retries / pauses)', async () => {
    const busy = writerWith((d) => ({
      id: d.id,
      index: d.index,
      ok: false,
      status: 429,
      type: 'es_rejected_execution_exception',
      reason: 'queue full',
      transient: true,
    }));
    await expect(
      createIndexHandler({ names: n, writer: busy.writer, maxMessageBytes: 100_000, logger: quiet })([msg(article('a'))], ctx),
    ).rejects.toThrow(/not indexed yet/);
    const down = writerWith(() => 'throw-transient');
    await expect(
      createIndexHandler({ names: n, writer: down.writer, maxMessageBytes: 100_000, logger: quiet })([msg(article('a'))], ctx),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it('splits a request refused as a whole into single documents to find the culprit', async () => {
    const { writer, calls } = writerWith((d) => (d.id === 'poison' ? 'throw-400' : okItem(d)));
    const res = await createIndexHandler({ names: n, writer, maxMessageBytes: 100_000, logger: quiet })(
      [msg(article('a')), msg(article('poison')), msg(article('b'))],
      ctx,
    );
    expect(calls.length).toBe(4);
    expect(res!.dlq!.map((d) => d.error)).toEqual(['elasticsearch rejected the document (400): bad request']);
  });

  it('sends a chunk in slices of about sliceBytes of JSON; a transient failure in a later slice throws (nothing DLQed, chunk retried)', async () => {
    const { writer, calls } = writerWith(okItem);
    const h = createIndexHandler({ names: n, writer, maxMessageBytes: 100_000, logger: quiet, sliceBytes: 1 });
    expect(await h([msg(article('a')), msg('{nope'), msg(article('b')), msg(article('c'))], ctx)).toEqual({
      dlq: [expect.objectContaining({ error: expect.stringMatching(/^invalid JSON/) })],
    });
    expect(calls.map((c) => c.map((d) => d.id))).toEqual([['a'], ['b'], ['c']]);
    const later = writerWith((d) =>
      d.id === 'c'
        ? { id: d.id, index: d.index, ok: false, status: 503, type: 'unavailable_shards_exception', reason: 'x', transient: true }
        : okItem(d),
    );
    await expect(
      createIndexHandler({ names: n, writer: later.writer, maxMessageBytes: 100_000, logger: quiet, sliceBytes: 1 })(
        [msg(article('a')), msg(article('c'))],
        ctx,
      ),
    ).rejects.toThrow(/1 of 1 documents not indexed yet/);
  });
});
