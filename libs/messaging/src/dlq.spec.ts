import { createHash } from 'node:crypto';
import { DlqRecordSchema, RawArticleSchema } from '@marsad/contracts';
import { buildDlqRecord, utf8Prefix } from './dlq';
import { decodeJson } from './message';
import { backoffDelay } from './backoff';
import { topicMaxMessageBytes, topicSpecs } from './topics';
import { names } from '@marsad/contracts';

const msg = (value: Buffer | null, key: string | null = 'k1') => ({ topic: 'marsad.articles.raw', partition: 2, offset: '41', key, value });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('buildDlqRecord', () => {
  it('keeps a UTF-8 payload verbatim (Arabic included) and describes it', () => {
    const raw = Buffer.from('{"url":"x","body":"قالت شركة مايكروسوفت"', 'utf8');
    const r = buildDlqRecord({
      stage: 'enrich',
      error: 'invalid JSON: Unexpected end',
      message: msg(raw),
      attempts: 1,
      failedAt: new Date('2024-01-02T03:04:05Z'),
    });
    expect(DlqRecordSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      stage: 'enrich',
      error: 'invalid JSON: Unexpected end',
      topic: 'marsad.articles.raw',
      partition: 2,
      offset: '41',
      key: 'k1',
      payloadEncoding: 'utf8',
      payloadBytes: raw.length,
      payloadSha256: sha(raw),
      failedAt: '2024-01-02T03:04:05.000Z',
      attempts: 1,
    });
    expect(r.payload).toBe(raw.toString('utf8'));
    expect(r.payloadTruncated).toBeUndefined();
  });

  it('uses base64 when the payload is not valid UTF-8', () => {
    const raw = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3]);
    const r = buildDlqRecord({ stage: 'index', error: 'invalid JSON: payload is not valid UTF-8', message: msg(raw, null) });
    expect(r.payloadEncoding).toBe('base64');
    expect(Buffer.from(r.payload, 'base64')).toEqual(raw);
    expect(r.key).toBeNull();
    expect(r.payloadSha256).toBe(sha(raw));
  });

  it('truncates to stay under the record limit, at a character boundary, keeping size and digest of the original', () => {
    const raw = Buffer.from('"ب'.repeat(50_000), 'utf8'); // quotes are escaped in JSON: the record grows
    const r = buildDlqRecord({ stage: 'enrich', error: 'message is too big', message: msg(raw) }, { maxRecordBytes: 20_000 });
    expect(Buffer.byteLength(JSON.stringify(r))).toBeLessThanOrEqual(20_000);
    expect(r.payloadTruncated).toBe(true);
    expect(r.payloadBytes).toBe(raw.length);
    expect(r.payloadSha256).toBe(sha(raw));
    expect(raw.toString('utf8').startsWith(r.payload)).toBe(true);
    expect(r.payload).not.toContain('\uFFFD');
  });

  it('truncates base64 payloads too', () => {
    const raw = Buffer.alloc(100_000, 0xff);
    const r = buildDlqRecord({ stage: 'enrich', error: 'x', message: msg(raw) }, { maxRecordBytes: 10_000 });
    expect(r.payloadEncoding).toBe('base64');
    expect(r.payloadTruncated).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(r))).toBeLessThanOrEqual(10_000);
  });

  it('handles an empty value', () => {
    const r = buildDlqRecord({ stage: 'enrich', error: 'empty', message: msg(null) });
    expect(r).toMatchObject({ payload: '', payloadEncoding: 'utf8', payloadBytes: 0 });
  });

  it('utf8Prefix never splits a code point', () => {
    const b = Buffer.from('aبc', 'utf8'); // a, 2-byte ب, c
    expect(utf8Prefix(b, 2).toString('utf8')).toBe('a');
    expect(utf8Prefix(b, 3).toString('utf8')).toBe('aب');
  });
});

describe('decodeJson', () => {
  const ok = { url: 'https://e.org/a', source: { name: 'E' }, body: 'text' };
  it('accepts a valid RawArticle', () => {
    const d = decodeJson(Buffer.from(JSON.stringify(ok)), RawArticleSchema);
    expect(d.ok).toBe(true);
  });
  it('names invalid JSON', () => {
    const d = decodeJson(Buffer.from('{"url": '), RawArticleSchema);
    expect(d).toMatchObject({ ok: false });
    expect(!d.ok && d.error).toMatch(/^invalid JSON: /);
  });
  it('names the field of a schema violation', () => {
    const d = decodeJson(Buffer.from(JSON.stringify({ ...ok, body: undefined })), RawArticleSchema);
    expect(!d.ok && d.error).toBe('body: is required');
    const d2 = decodeJson(Buffer.from(JSON.stringify({ ...ok, source: { name: '' } })), RawArticleSchema);
    expect(!d2.ok && d2.error).toMatch(/^source\.name: /);
    const d3 = decodeJson(Buffer.from(JSON.stringify({ ...ok, url: '' })), RawArticleSchema);
    expect(!d3.ok && d3.error).toMatch(/^url: /);
    const d4 = decodeJson(Buffer.from(JSON.stringify({ ...ok, id: 'a:b' })), RawArticleSchema);
    expect(!d4.ok && d4.error).toMatch(/^id: /);
    const d5 = decodeJson(Buffer.from(JSON.stringify({ ...ok, publishedAt: 'yesterday' })), RawArticleSchema);
    expect(!d5.ok && d5.error).toMatch(/^publishedAt: /);
    const d6 = decodeJson(Buffer.from('[1,2]'), RawArticleSchema);
    expect(!d6.ok && d6.error).toMatch(/^\(root\): /);
  });
  it('rejects oversize values naming the limit, before parsing', () => {
    const d = decodeJson(Buffer.from('x'.repeat(2000)), RawArticleSchema, { maxBytes: 1024, limitName: 'MARSAD_MAX_BODY_BYTES' });
    expect(!d.ok && d.error).toBe('message is 2000 bytes, over the limit of 1024 bytes (MARSAD_MAX_BODY_BYTES)');
  });
  it('`accept`: a yes skips the schema (value as parsed); a no runs it, which gives the verdict and the reason', () => {
    const padded = Buffer.from(JSON.stringify({ ...ok, url: ' https://e.org/a ' }));
    const fast = decodeJson(padded, RawArticleSchema, { accept: () => true });
    expect(fast.ok && fast.value.url).toBe(' https://e.org/a ');
    const slow = decodeJson(padded, RawArticleSchema, { accept: () => false });
    expect(slow.ok && slow.value.url).toBe('https://e.org/a'); // zod trimmed it
    const bad = decodeJson(Buffer.from(JSON.stringify({ ...ok, body: undefined })), RawArticleSchema, { accept: () => false });
    expect(!bad.ok && bad.error).toBe('body: is required');
  });
  it('rejects empty values and invalid UTF-8', () => {
    expect(decodeJson(null, RawArticleSchema).ok).toBe(false);
    const d = decodeJson(Buffer.from([0x7b, 0xff]), RawArticleSchema);
    expect(!d.ok && d.error).toBe('invalid JSON: payload is not valid UTF-8');
  });
});

describe('topics and backoff', () => {
  it('sizes topics for 8x the body plus envelope and compacts watches/kb', () => {
    expect(topicMaxMessageBytes(1024 * 1024)).toBe(8 * 1024 * 1024 + 256 * 1024);
    const specs = topicSpecs(names('t1'), { maxBodyBytes: 1024 * 1024 });
    expect(specs.map((s) => s.topic)).toEqual([
      't1.marsad.articles.raw',
      't1.marsad.articles.enriched',
      't1.marsad.articles.dlq',
      't1.marsad.watches',
      't1.marsad.kb',
      't1.marsad.control',
    ]);
    const policy = (t: string) => specs.find((s) => s.topic === t)!.configEntries!.find((c) => c.name === 'cleanup.policy')!.value;
    expect(policy('t1.marsad.watches')).toBe('compact');
    expect(policy('t1.marsad.kb')).toBe('compact');
    expect(policy('t1.marsad.articles.raw')).toBe('delete');
    expect(specs.every((s) => s.numPartitions === 3)).toBe(true);
    expect(() => topicSpecs(names(), { partitions: 1 })).toThrow(/partitions/);
  });
  it('backs off exponentially with a cap', () => {
    const o = { initialMs: 100, maxMs: 1000, jitter: 0 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, o))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe('RawArticle edge cases through decodeJson', () => {
  const base = { url: 'https://e.org/a', source: { name: 'E' }, body: '' };
  const reason = (v: unknown) => {
    const d = decodeJson(Buffer.from(JSON.stringify(v)), RawArticleSchema);
    return d.ok ? 'ok' : d.error;
  };
  it.each([
    ['empty body is allowed', base, 'ok'],
    ['any non-empty url is accepted', { ...base, url: 'not a url' }, 'ok'],
    ['extra fields pass through', { ...base, extra: { x: 1 } }, 'ok'],
    ['whitespace url', { ...base, url: '   ' }, /^url: /],
    ['missing source', { url: base.url, body: 'x' }, /^source: /],
    ['numeric body', { ...base, body: 42 }, 'body: must be a string'],
    ['id with a colon', { ...base, id: 'a:b' }, /^id: must not contain ":"/],
    ['metadata not an object', { ...base, metadata: 'x' }, /^metadata: /],
    ['language too long', { ...base, language: 'klingon-ish' }, /^language: /],
    ['unparseable fetchedAt', { ...base, fetchedAt: '31/12/2024' }, 'fetchedAt: must be an ISO-8601 date-time'],
    ['null', null, /^\(root\): /],
  ])('%s', (_name, value, expected) => {
    if (typeof expected === 'string') expect(reason(value)).toBe(expected);
    else expect(reason(value)).toMatch(expected);
  });
});
