import { isUtf8 } from 'node:buffer';
import { isCanonicalEnrichedArticle, names } from '@marsad/contracts';
import { DELETE, setAt, type Path } from '../../contracts/src/parity-spec-support';
import { monthlyIndexFor, spliceIndexDocument, spliceScannedArticle } from './document';
import { scanIndexableArticle } from './scan';

// The scan is a shortcut of the indexer's parsing path (decode → JSON.parse → isCanonicalEnrichedArticle
// → spliceIndexDocument): wherever it says yes, that path must give the same bulk line (same bytes,
// same _id, same index). It may say no more often (the path then runs as before).
const n = names('t');
const now = () => new Date('2025-01-01T00:00:00.000Z');
const normalize = (s: string) => s.toLowerCase();
const strict = new TextDecoder('utf-8', { fatal: true });

type Line = { id: string; index: string; bytes: string };
function parsingPath(buf: Buffer): Line | undefined {
  let a: unknown;
  try {
    a = JSON.parse(strict.decode(buf));
  } catch {
    return undefined;
  }
  if (!isCanonicalEnrichedArticle(a)) return undefined;
  const parts = spliceIndexDocument(a, buf, { normalize, now });
  return parts && { id: a.id, index: monthlyIndexFor(a, n), bytes: Buffer.concat(parts).toString('hex') };
}
function scanPath(buf: Buffer): Line | undefined {
  const s = scanIndexableArticle(buf);
  return s && { id: s.id, index: monthlyIndexFor(s, n), bytes: Buffer.concat(spliceScannedArticle(buf, { now })).toString('hex') };
}
/** The property: a yes from the scan is the parsing path's own answer. Returns whether the scan said yes. */
function same(buf: Buffer): boolean {
  const fast = scanPath(buf);
  if (fast) expect({ text: buf.toString('latin1'), line: parsingPath(buf) }).toEqual({ text: buf.toString('latin1'), line: fast });
  return fast !== undefined;
}

// As the enricher writes it: every derived field, UTC dates, counts, Arabic text, escapes.
const article = () => ({
  schemaVersion: 1,
  id: 'a1b2c3',
  url: 'https://example.org/ar/1',
  source: { name: 'مثال', domain: 'example.org', country: 'EG' },
  title: 'الوزير: "المحادثات تستأنف"',
  body: 'قال الوزير إن المحادثات\nستستأنف. \u2028 Tab\there, backslash \\ and 😀.',
  titleNormalized: 'الوزير المحادثات تستأنف',
  bodyNormalized: 'قال الوزير ان المحادثات ستستانف',
  language: 'ar',
  languageDetection: { code: 'ar', confidence: 0.97, extractor: 'ar-rules-v1' },
  publishedAt: '2026-01-02T03:04:05.000Z',
  fetchedAt: '2026-01-02T03:05:00.000Z',
  enrichedAt: '2026-01-02T03:06:00.000Z',
  enrichmentVersion: 'nlp-1.0.0',
  actorIds: ['country:EG', 'person:x'],
  actorNames: ['Egypt', 'X'],
  actorTypes: ['country', 'person'],
  claimSpeakerIds: ['person:x'],
  actors: [
    {
      id: 'country:EG',
      name: 'Egypt',
      type: 'country',
      mentions: [
        { text: 'مصر', start: 4, end: 7 },
        { text: 'المصرية', start: 0, end: 7, field: 'title' },
      ],
      count: 2,
      salience: 0.705,
      source: 'kb',
    },
    { id: 'person:x', name: 'X', type: 'person', mentions: [], count: 0, salience: 1e-7, source: 'rule' },
  ],
  claims: [
    {
      speaker: { actorId: 'person:x', name: 'X', text: 'الوزير' },
      verb: 'قال',
      kind: 'statement',
      text: 'المحادثات "ستستأنف"',
      start: 0,
      end: 20,
      field: 'body',
      quoted: true,
      actorIds: ['country:EG'],
      rule: 'ar-explicit',
    },
    { speaker: { name: 'n', text: 't' }, verb: 'v', text: 't', start: 1, end: 2, quoted: false, rule: { nested: [null, true, -1.5e3] } },
  ],
  dedup: { fingerprint: 'f00d', clusterId: 'a1b2c3', duplicateOf: 'zz' },
  metadata: { section: 'politics', deep: { list: [1, 'two', { three: 3 }], empty: {} } },
});
const bytes = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8');

const PATHS: Path[] = [
  [],
  ...Object.keys(article()).map((k) => [k]),
  ['source', 'name'],
  ['source', 'domain'],
  ['source', 'country'],
  ['source', 'extra'],
  ['languageDetection', 'code'],
  ['languageDetection', 'confidence'],
  ['languageDetection', 'extractor'],
  ['languageDetection', 'more'],
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
  ['actors', 0, 'mentions', 1, 'extra'],
  ['actors', 0, 'count'],
  ['actors', 0, 'salience'],
  ['actors', 0, 'source'],
  ['actors', 0, 'extra'],
  ['claims', 0],
  ['claims', 0, 'speaker'],
  ['claims', 0, 'speaker', 'actorId'],
  ['claims', 0, 'speaker', 'name'],
  ['claims', 0, 'speaker', 'text'],
  ['claims', 0, 'speaker', 'extra'],
  ['claims', 0, 'verb'],
  ['claims', 0, 'kind'],
  ['claims', 0, 'text'],
  ['claims', 0, 'start'],
  ['claims', 0, 'end'],
  ['claims', 0, 'field'],
  ['claims', 0, 'quoted'],
  ['claims', 0, 'actorIds'],
  ['claims', 0, 'actorIds', 0],
  ['claims', 0, 'rule'],
  ['claims', 0, 'extra'],
  ['dedup', 'fingerprint'],
  ['dedup', 'clusterId'],
  ['dedup', 'duplicateOf'],
  ['dedup', 'extra'],
  ['extra'],
  ['__proto__'],
];
const VALUES: unknown[] = [
  DELETE,
  null,
  '',
  ' ',
  ' x',
  'x',
  '\u00a0x',
  'EGY',
  'EGYP',
  'body',
  'title',
  'person',
  'rule',
  'kb',
  'not a date',
  '2026-01-02',
  '2026-01-02T03:04:05Z',
  '2026-01-02T03:04:05.000+01:00',
  '2026-01-02T03:04:05.000Z',
  '+012026-01-02T03:04:05.000Z',
  0,
  -0,
  1,
  -1,
  1.5,
  2 ** 53,
  1e21,
  true,
  false,
  [],
  ['x'],
  [1],
  [null],
  {},
  { name: 'x' },
];

describe('scanIndexableArticle (the indexer reads compact canonical articles without parsing them)', () => {
  it('says yes to what the enricher writes, with the bytes the parsing path would splice', () => {
    expect(same(bytes(article()))).toBe(true);
    const minimal = article() as Record<string, unknown>;
    for (const k of ['title', 'titleNormalized', 'publishedAt', 'fetchedAt', 'metadata']) delete minimal[k];
    minimal.actors = [];
    minimal.claims = [];
    expect(same(bytes(minimal))).toBe(true);
    const s = scanIndexableArticle(bytes(article()))!;
    expect(s).toEqual({
      id: 'a1b2c3',
      publishedAt: '2026-01-02T03:04:05.000Z',
      fetchedAt: '2026-01-02T03:05:00.000Z',
      enrichedAt: '2026-01-02T03:06:00.000Z',
    });
    // an escaped id is decoded
    expect(scanIndexableArticle(Buffer.from(JSON.stringify(article()).replace('"a1b2c3"', '"a1\\u0062\\/2c3"')))?.id).toBe('a1b/2c3');
  });

  it('gives the same line as the parsing path for every field set to every odd value', () => {
    let yes = 0;
    let total = 0;
    for (const path of PATHS)
      for (const v of VALUES) {
        const a = article();
        if (path.length === 0) {
          if (v === DELETE) continue;
          total++;
          if (same(bytes(v))) yes++;
          continue;
        }
        setAt(a, path, v);
        total++;
        if (same(bytes(a))) yes++;
      }
    // not vacuous: some mutants are still canonical and complete (e.g. another string where any string goes)
    expect(yes).toBeGreaterThan(50);
    expect(yes).toBeLessThan(total);
  });

  it('declines what JSON.parse reads differently from the bytes, or what a bulk line cannot hold', () => {
    const text = JSON.stringify(article());
    const variants = [
      text.replace('"url":', '"url":"https://example.org/first","url":'), // duplicate key: JSON.parse keeps the last
      text.replace('"fingerprint":', '"fingerprint":"a","fingerprint":'),
      text.replace('"text":"مصر"', '"text":"مصر","text":"x"'),
      text.replace('"section":', '"section":1,"section":'), // inside metadata too
      text.replace('"url":', '"\\u0075rl":'), // an escaped key
      text.replace(',"body":', ', "body":'), // whitespace between tokens
      text.replace('{', '{\n'),
      text.replace('{', '{\r\n'),
      `\ufeff${text}`,
      `${text} `,
      `${text}\n`,
      ` ${text}`,
      JSON.stringify(article(), null, 2),
      text.replace('"count":2', '"count":2.0'),
      text.replace('"count":2', '"count":2e0'),
      text.replace('"count":2', '"count":-0'),
      text.replace('"count":2', '"count":02'),
      text.replace('"count":2', `"count":${'9'.repeat(400)}`),
      text.replace('"salience":0.705', '"salience":1e400'),
      text.replace('"salience":0.705', '"salience":.5'),
      text.replace('"salience":0.705', '"salience":1.'),
      text.replace('"schemaVersion":1', '"schemaVersion":0'),
      text.replace('"quoted":true', '"quoted":tru'),
      text.replace('"body":"', '"body":"\t'), // a raw control character
      text.replace('"body":"', '"body":"\\x'), // a bad escape
      text.replace('"body":"', '"body":"\\u12G4'),
      text.slice(0, -1),
      `${text}}`,
      text.replace(/}$/, ',}'),
      text.replace('"actorIds":["country:EG","person:x"]', '"actorIds":["country:EG",]'),
      `[${text}]`,
      text.replace('"metadata":{', `"metadata":{"d":${'['.repeat(70)}1${']'.repeat(70)},`), // deeper than the scan goes
    ];
    for (const v of variants) expect({ v, scanned: same(Buffer.from(v, 'utf8')) }).toEqual({ v, scanned: false });
    // a lone surrogate escape is valid JSON: the parsing path splices it as is, and so does the scan
    expect(same(Buffer.from(text.replace('"title":"', '"title":"\\ud800'), 'utf8'))).toBe(true);
    // invalid UTF-8 inside a string: the parsing path refuses it (DLQ), so must the scan
    const bad = Buffer.from(text, 'utf8');
    const at = bad.indexOf(Buffer.from('قال', 'utf8'));
    for (const b of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const v = Buffer.concat([bad.subarray(0, at), Buffer.from(b), bad.subarray(at)]);
      expect(scanIndexableArticle(v)).toBeUndefined();
      expect(parsingPath(v)).toBeUndefined();
    }
  });

  it("relies on isUtf8 refusing exactly what the parsing path's fatal TextDecoder refuses", () => {
    let seed = 1;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    let valid = 0;
    const differ: string[] = [];
    for (let k = 0; k < 30_000; k++) {
      // short runs biased to lead and continuation bytes, where the encodings' edge cases are
      const b = Buffer.from(
        Array.from({ length: 1 + (rnd() % 6) }, () => [rnd() % 128, 0x80 + (rnd() % 64), 0xc0 + (rnd() % 64), rnd() % 256][rnd() % 4]),
      );
      let decodes = true;
      try {
        strict.decode(b);
      } catch {
        decodes = false;
      }
      if (decodes) valid++;
      if (isUtf8(b) !== decodes) differ.push(b.toString('hex'));
    }
    expect(differ).toEqual([]);
    expect(valid).toBeGreaterThan(1000);
  });

  it('gives the same line as the parsing path for 4,000 randomly corrupted articles', () => {
    let seed = 12345;
    const rnd = (k: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % k;
    };
    const src = bytes(article());
    const alphabet = Buffer.from('{}[]",:\\ -.0123456789eEtrufalsn\n\tx\u00e9', 'utf8');
    let yes = 0;
    for (let k = 0; k < 4000; k++) {
      let buf = Buffer.from(src);
      for (let m = 1 + rnd(3); m > 0; m--) {
        const at = rnd(buf.length);
        const byte = rnd(4) === 0 ? rnd(256) : alphabet[rnd(alphabet.length)];
        const op = rnd(3);
        if (op === 0) buf[at] = byte;
        else if (op === 1) buf = Buffer.concat([buf.subarray(0, at), Buffer.from([byte]), buf.subarray(at)]);
        else buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + 1)]);
      }
      if (same(buf)) yes++;
    }
    expect(yes).toBeGreaterThan(40); // changes inside free text stay canonical
  });
});
