import { buildDlqRecord } from '@marsad/messaging';
import { ListDlqQuerySchema, toEntry } from './list-dlq';

describe('DLQ listing entries', () => {
  const rec = buildDlqRecord({
    stage: 'enrich',
    error: 'invalid JSON: Unexpected end',
    message: {
      topic: 'ns.marsad.articles.raw',
      partition: 2,
      offset: '41',
      key: 'k1',
      value: Buffer.from('{"url": "x", "body": "' + 'y'.repeat(5000)),
    },
  });
  const value = Buffer.from(JSON.stringify(rec));

  test('reason, origin, sizes, digest and a bounded preview — never the whole payload', () => {
    const e = toEntry(1, { offset: '7', timestamp: '1700000000000', key: Buffer.from('k1'), value }, 20);
    expect(e).toMatchObject({
      ref: '1:7',
      partition: 1,
      offset: '7',
      key: 'k1',
      stage: 'enrich',
      error: 'invalid JSON: Unexpected end',
      source: { topic: 'ns.marsad.articles.raw', partition: 2, offset: '41' },
      payloadEncoding: 'utf8',
      payloadBytes: rec.payloadBytes,
      payloadSha256: rec.payloadSha256,
      payloadPreview: '{"url": "x", "body":',
      previewTruncated: true,
      recordBytes: value.length,
      timestamp: '2023-11-14T22:13:20.000Z',
    });
    expect(JSON.stringify(e).length).toBeLessThan(1000);
  });

  test('preview=0 shows no payload; a foreign record is flagged, not thrown', () => {
    expect(toEntry(0, { offset: '1', timestamp: '0', key: null, value }, 0)).not.toHaveProperty('payloadPreview');
    expect(toEntry(0, { offset: '2', timestamp: '0', key: null, value: Buffer.from('not json') }, 10)).toMatchObject({
      ref: '0:2',
      invalid: 'not a valid DLQ record',
    });
  });

  test('query parameters are validated with defaults', () => {
    expect(ListDlqQuerySchema.parse({})).toEqual({ limit: 50, preview: 300 });
    expect(ListDlqQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(ListDlqQuerySchema.safeParse({ limit: '201' }).success).toBe(false);
    expect(ListDlqQuerySchema.safeParse({ stage: 'x' }).success).toBe(false);
    expect(ListDlqQuerySchema.safeParse({ bogus: '1' }).success).toBe(false);
  });
});
