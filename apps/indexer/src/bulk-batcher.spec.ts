import type { BulkDoc, BulkItemResult } from '@marsad/search';
import { BulkBatcher } from './bulk-batcher';

const doc = (id: string): BulkDoc => ({ id, index: 'i', json: '{}' });

/** A writer whose requests the test answers: every document ok, except ids listed in `fail` (transient) or `refuse` (permanent). */
function fakeWriter(opts: { fail?: string[]; refuse?: string[] } = {}) {
  const calls: { ids: string[]; release: () => void; error: (e: unknown) => void }[] = [];
  return {
    calls,
    write: (docs: BulkDoc[]) =>
      new Promise<{ items: BulkItemResult[] }>((resolve, reject) => {
        calls.push({
          ids: docs.map((d) => d.id),
          release: () =>
            resolve({
              items: docs.map((d): BulkItemResult => {
                if (opts.fail?.includes(d.id))
                  return { id: d.id, index: d.index, ok: false, status: 429, type: 'x', reason: 'busy', transient: true };
                if (opts.refuse?.includes(d.id))
                  return { id: d.id, index: d.index, ok: false, status: 400, type: 'x', reason: 'bad', transient: false };
                return { id: d.id, index: d.index, ok: true, status: 201 };
              }),
            }),
          error: reject,
        });
      }) as never,
  };
}

const tick = async () => {
  jest.advanceTimersByTime(0); // the batcher waits one timer tick for slices handed over in the same turn
  await new Promise((r) => setImmediate(r));
};

describe('BulkBatcher (the indexer’s group commit)', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('sends at once when idle, then gathers what comes while a request runs and during the linger', async () => {
    const w = fakeWriter({ fail: ['b2'], refuse: ['c1'] });
    const b = new BulkBatcher(w, { lingerMs: 250, maxBytes: 1e6, maxInFlight: 1 });
    const a = b.write([doc('a1')], 10);
    await tick();
    expect(w.calls.map((c) => c.ids)).toEqual([['a1']]); // idle: no linger
    const pb = b.write([doc('b1'), doc('b2')], 20);
    const pc = b.write([doc('c1')], 10);
    w.calls[0].release();
    expect((await a).items.map((i) => i.ok)).toEqual([true]);
    await tick();
    expect(w.calls).toHaveLength(1); // the first request started < 250 ms ago
    jest.advanceTimersByTime(249);
    await tick();
    expect(w.calls).toHaveLength(1);
    jest.advanceTimersByTime(1);
    await tick();
    expect(w.calls.map((c) => c.ids)).toEqual([['a1'], ['b1', 'b2', 'c1']]); // one request for both partitions
    w.calls[1].release();
    const rb = await pb;
    const rc = await pc;
    // each caller gets its own documents' results, in its order
    expect(rb.items.map((i) => i.id)).toEqual(['b1', 'b2']);
    expect(rb.transient.map((i) => i.id)).toEqual(['b2']);
    expect(rb.permanent).toEqual([]);
    expect(rc.items.map((i) => i.id)).toEqual(['c1']);
    expect(rc.permanent.map((i) => i.id)).toEqual(['c1']);
    expect(rc.transient).toEqual([]);
  });

  it('keeps one request in flight, and a full queue does not wait for the linger', async () => {
    const w = fakeWriter();
    const b = new BulkBatcher(w, { lingerMs: 10_000, maxBytes: 100, maxInFlight: 1 });
    const p1 = b.write([doc('a')], 60);
    await tick();
    const p2 = b.write([doc('b')], 60);
    const p3 = b.write([doc('c')], 60);
    await tick();
    expect(w.calls).toHaveLength(1); // in flight: the others wait even though the queue is full
    w.calls[0].release();
    await p1;
    await tick();
    // 120 queued ≥ maxBytes: sent without the 10 s linger, but only what fits in maxBytes (at least one slice)
    expect(w.calls.map((c) => c.ids)).toEqual([['a'], ['b']]);
    w.calls[1].release();
    await p2;
    await tick();
    expect(w.calls).toHaveLength(2); // 60 queued < maxBytes: waits for the linger
    jest.advanceTimersByTime(10_000);
    await tick();
    expect(w.calls.map((c) => c.ids)).toEqual([['a'], ['b'], ['c']]);
    w.calls[2].release();
    await p3;
  });

  it('by default a second request may start while one is slow, once the linger has passed', async () => {
    const w = fakeWriter();
    const b = new BulkBatcher(w, { lingerMs: 250, maxBytes: 1e6 });
    const p1 = b.write([doc('a')], 1);
    await tick();
    const p2 = b.write([doc('b')], 1);
    const p3 = b.write([doc('c')], 1);
    jest.advanceTimersByTime(250);
    await tick();
    expect(w.calls.map((c) => c.ids)).toEqual([['a'], ['b', 'c']]); // the first is still running
    const p4 = b.write([doc('d')], 1);
    jest.advanceTimersByTime(1000);
    await tick();
    expect(w.calls).toHaveLength(2); // two in flight: d waits for one of them
    w.calls[1].release();
    await Promise.all([p2, p3]);
    await tick();
    expect(w.calls.map((c) => c.ids)).toEqual([['a'], ['b', 'c'], ['d']]);
    w.calls[0].release();
    w.calls[2].release();
    await Promise.all([p1, p4]);
  });

  it('slices handed over in the same turn go in one request even without a linger', async () => {
    const w = fakeWriter();
    const b = new BulkBatcher(w, { lingerMs: 0, maxBytes: 1e6 });
    const ps = [b.write([doc('a')], 1), b.write([doc('b')], 1), b.write([doc('c')], 1)];
    await tick();
    expect(w.calls.map((c) => c.ids)).toEqual([['a', 'b', 'c']]);
    w.calls[0].release();
    await Promise.all(ps);
  });

  it('a failed request rejects every slice it carried, and the next request still goes', async () => {
    const w = fakeWriter();
    const b = new BulkBatcher(w, { lingerMs: 0, maxBytes: 1e6, maxInFlight: 1 });
    const p0 = b.write([doc('x')], 1);
    await tick();
    const p1 = b.write([doc('a')], 1);
    const p2 = b.write([doc('b')], 1);
    w.calls[0].release();
    await p0;
    await tick();
    expect(w.calls[1].ids).toEqual(['a', 'b']);
    const boom = Object.assign(new Error('connect ECONNREFUSED'), { name: 'ConnectionError' });
    w.calls[1].error(boom);
    await expect(p1).rejects.toBe(boom);
    await expect(p2).rejects.toBe(boom);
    const p3 = b.write([doc('c')], 1);
    await tick();
    expect(w.calls[2].ids).toEqual(['c']);
    w.calls[2].release();
    expect((await p3).items[0].ok).toBe(true);
  });
});
