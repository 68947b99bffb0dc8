// `marsad enrich` serialises each article around its `dedup` value (on a worker thread) and splices the
// cluster in afterwards (on the main thread): the line must be the bytes one JSON.stringify gives.
import { RawArticleSchema } from '@marsad/contracts';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher, InMemoryDedupStore, NearDuplicateIndex } from '@marsad/nlp';
import { enrichItem, finishItem, threadCpuMs } from '../../tools/cli/enrich-item';

describe('enrich item: serialised around the near-duplicate step', () => {
  const kb = loadKnowledgeBase();

  it('gives the same line as stringifying the whole article, odd passthrough keys included', async () => {
    const raws = [
      { url: 'https://x.test/1', source: { name: 't' }, title: 'Talks', body: 'The Kremlin said talks with Kyiv would resume.' },
      // a passthrough "dedup" key inside metadata, an own "__proto__" key, integer-like keys, a raw top-level "dedup"
      JSON.parse(
        '{"7":1,"url":"https://x.test/2","source":{"name":"t","dedup":1},"body":"وقال المتحدث إن الاتفاق قريب.","metadata":{"dedup":0},"__proto__":{"a":1},"dedup":"raw"}',
      ),
      { url: 'https://x.test/3', source: { name: 't' }, body: '' },
    ];
    const a = new Enricher(kb);
    const b = new Enricher(kb);
    const ia = new NearDuplicateIndex(new InMemoryDedupStore());
    const ib = new NearDuplicateIndex(new InMemoryDedupStore());
    const now = new Date('2026-01-01T00:00:00Z');
    for (const [i, raw] of raws.entries()) {
      // as the CLI always did: the schema's copy of the input (zod drops an own "__proto__" key)
      const draft = a.enrich(RawArticleSchema.parse(raw), { now });
      const expected = JSON.stringify({
        ...draft,
        dedup: { fingerprint: draft.dedup.fingerprint, ...(await ia.assign(draft.id, draft.dedup)) },
      });
      jest.useFakeTimers({ now });
      const r = enrichItem(b, { text: JSON.stringify(raw) }, i);
      jest.useRealTimers();
      if ('line' in r) throw new Error(r.line);
      expect(finishItem(r, await ib.assign(r.id, r.sketch))).toBe(expected);
    }
  });

  it('turns unreadable and invalid input into error lines with the input index', () => {
    const e = new Enricher(kb);
    expect(enrichItem(e, { text: '{"url":' }, 4)).toEqual({ line: expect.stringContaining('"message":"invalid JSON: ') });
    expect(enrichItem(e, { text: '{', file: 'a.json' }, 0)).toEqual({ line: expect.stringContaining('invalid JSON: a.json: ') });
    expect(enrichItem(e, { readError: 'b.json: ENOENT' }, 1)).toEqual({
      line: JSON.stringify({ error: { field: '(root)', message: 'invalid JSON: b.json: ENOENT' }, index: 1 }),
    });
    const bad = enrichItem(e, { text: JSON.stringify({ url: 'https://x.test', source: { name: 't' } }) }, 2);
    expect('line' in bad && JSON.parse(bad.line)).toEqual({ error: { field: 'body', message: expect.any(String) }, index: 2 });
  });
});

describe('threadCpuMs: the CPU of the calling thread, for the timing line split by thread', () => {
  it('advances with work done on this thread, and by no more than the whole process', () => {
    const a = threadCpuMs();
    if (Number.isNaN(a)) return; // not Linux: the timing line leaves the split out
    const c0 = process.cpuUsage();
    let x = 0;
    let cpu = process.cpuUsage(c0);
    for (; cpu.user + cpu.system < 200_000; cpu = process.cpuUsage(c0)) for (let i = 0; i < 1e5; i++) x = (x + i * i) % 1_000_003;
    const d = threadCpuMs() - a;
    expect(x).toBeGreaterThanOrEqual(0);
    // 10 ms ticks; V8's compiler threads may take part of the process's 200 ms, this loop most of it
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThanOrEqual((process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000 + 20);
  });
});
