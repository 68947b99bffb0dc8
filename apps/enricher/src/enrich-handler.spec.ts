import { names, type RawArticle } from '@marsad/contracts';
import { createLogger } from '@marsad/observability';
import type { InboundMessage, OutboundMessage, Publisher } from '@marsad/messaging';
import { InMemoryDedupStore, NearDuplicateIndex, type EnrichedDraft } from '@marsad/nlp';
import { createEnrichHandler } from './enrich-handler';

const quiet = createLogger('test', 'error', {}, () => undefined);
const n = names('u1');

const engine = {
  enrich(raw: RawArticle): EnrichedDraft {
    if (raw.body === 'boom') throw new Error('engine bug');
    const id = raw.id ?? 'id-' + raw.url.length;
    return {
      ...raw,
      schemaVersion: 1,
      id,
      language: 'en',
      languageDetection: { code: 'en', confidence: 1, extractor: 't' },
      actors: [],
      claims: [],
      dedup: { fingerprint: '00000000000000ff', lshKeys: ['m0:1'] },
      enrichedAt: '2024-01-01T00:00:00Z',
      enrichmentVersion: 'v',
    } as unknown as EnrichedDraft;
  },
};

function setup(opts: { failSend?: boolean; maxOutputBytes?: number } = {}) {
  const sent: { topic: string; messages: OutboundMessage[] }[] = [];
  const publisher = {
    send: async (topic: string, messages: OutboundMessage[]) => {
      if (opts.failSend) throw new Error('kafka down');
      sent.push({ topic, messages });
      return [];
    },
  } as unknown as Publisher;
  const handler = createEnrichHandler({
    names: n,
    engine,
    dedup: new NearDuplicateIndex(new InMemoryDedupStore()),
    publisher,
    maxBodyBytes: 1000,
    maxOutputBytes: opts.maxOutputBytes ?? 100_000,
    envelopeBytes: 500,
    logger: quiet,
  });
  return { handler, sent };
}

let offset = 0;
const msg = (value: string | Buffer | null): InboundMessage => ({
  topic: 'u1.marsad.articles.raw',
  partition: 0,
  offset: String(offset++),
  key: 'k',
  value: value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(value),
  headers: {},
  timestamp: '0',
});
const ctx = { topic: 't', partition: 0, attempt: 1, heartbeat: async () => undefined, signal: new AbortController().signal };
const ok = (extra: object = {}) => JSON.stringify({ url: 'https://e.org/a', source: { name: 'E' }, body: 'text', ...extra });

describe('enrich handler', () => {
  it('produces enriched articles keyed by id, with a dedup cluster', async () => {
    const { handler, sent } = setup();
    const res = await handler([msg(ok({ id: 'a1' })), msg(ok({ id: 'a2' }))], ctx);
    expect(res).toEqual({ dlq: [] });
    expect(sent[0].topic).toBe('u1.marsad.articles.enriched');
    expect(sent[0].messages.map((m) => m.key)).toEqual(['a1', 'a2']);
    // the value is produced as the JSON bytes (serialised once for the size check and the send)
    const a2 = JSON.parse(String(sent[0].messages[1].value)) as { dedup: { clusterId: string; duplicateOf?: string; fingerprint: string } };
    expect(a2.dedup).toEqual({ fingerprint: '00000000000000ff', clusterId: 'a1', duplicateOf: 'a1' });
  });

  it('sends each kind of poison to the DLQ with its reason and keeps the good ones', async () => {
    const { handler, sent } = setup();
    const msgs = [
      msg('{"url":'),
      msg(JSON.stringify({ url: 'https://e.org/b', source: { name: 'E' } })),
      msg(ok({ body: 'x'.repeat(1001) })),
      msg('x'.repeat(1600)),
      msg(Buffer.from([0xff, 0xfe])),
      msg(null),
      msg(ok({ body: 'boom' })),
      msg(ok({ source: { name: '' } })),
      msg(ok({ id: 'good' })),
    ];
    const res = await handler(msgs, ctx);
    const reasons = res!.dlq!.map((d) => d.error);
    expect(reasons[0]).toMatch(/^invalid JSON: /);
    expect(reasons[1]).toBe('body: is required');
    expect(reasons[2]).toBe('body: is 1001 bytes, over the limit of 1000 bytes (MARSAD_MAX_BODY_BYTES=1000)');
    expect(reasons[3]).toMatch(
      /^message is 1600 bytes, over the limit of 1500 bytes \(MARSAD_MAX_BODY_BYTES=1000 plus 500 bytes of envelope\)$/,
    );
    expect(reasons[4]).toBe('invalid JSON: payload is not valid UTF-8');
    expect(reasons[5]).toMatch(/^empty message/);
    expect(reasons[6]).toBe('enrichment failed: engine bug');
    expect(reasons[7]).toMatch(/^source\.name: /);
    expect(sent[0].messages.map((m) => m.key)).toEqual(['good']);
  });

  it('DLQs an enriched article larger than the output topic allows', async () => {
    const { handler, sent } = setup({ maxOutputBytes: 200 });
    const res = await handler([msg(ok({ id: 'big' }))], ctx);
    expect(res!.dlq![0].error).toMatch(/^enriched article is \d+ bytes, over the u1\.marsad\.articles\.enriched limit of 200 bytes$/);
    expect(sent[0]?.messages ?? []).toEqual([]);
  });

  it('throws (transient) when the produce fails, so nothing is committed', async () => {
    const { handler } = setup({ failSend: true });
    await expect(handler([msg(ok({ id: 'x' }))], ctx)).rejects.toThrow('kafka down');
  });
});
