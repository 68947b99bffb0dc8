import type { AdminContext } from '../context';
import { ValidationFailed } from '../http/errors';
import { batchItems, ingestBatch } from './ingest-article';

function fakeCtx() {
  const sent: { topic: string; messages: { key: string | null; value: unknown }[] }[] = [];
  const ctx = {
    names: { topic: (k: string) => `ns.${k}` },
    publisher: { send: async (topic: string, messages: { key: string | null; value: unknown }[]) => void sent.push({ topic, messages }) },
    logger: { info: () => undefined },
  } as unknown as AdminContext;
  return { ctx, sent };
}

const good = (i: number) => ({ url: `https://e.com/${i}`, source: { name: 'E' }, body: `b${i}` });

describe('batch ingest', () => {
  test('array or { articles } is a batch; an object is a single article', () => {
    expect(batchItems([1])).toEqual([1]);
    expect(batchItems({ articles: [1] })).toEqual([1]);
    expect(batchItems(good(1))).toBeUndefined();
    expect(() => batchItems({ articles: 'x' })).toThrow(ValidationFailed);
  });

  test('valid items are published in one send; invalid ones are reported by index and field', async () => {
    const { ctx, sent } = fakeCtx();
    const r = await ingestBatch(ctx, [good(1), { ...good(2), body: 5 }, good(3), { url: 'x', source: {} }]);
    expect(r).toMatchObject({ accepted: 2, rejected: 2 });
    expect(r.errors).toEqual([
      { index: 1, field: 'body', message: expect.any(String) },
      { index: 3, field: 'source.name', message: expect.any(String) },
      { index: 3, field: 'body', message: expect.any(String) },
    ]);
    expect(r.items.map((i) => ('id' in i ? 'ok' : i.error.field))).toEqual(['ok', 'body', 'ok', 'source.name']);
    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe('ns.articlesRaw');
    expect(sent[0].messages.map((m) => m.key)).toEqual(r.ids);
    expect(sent[0].messages[0].value).toMatchObject({ id: r.ids[0], schemaVersion: 1 });
  });

  test('all invalid → 400 with "[i].field"; empty → 400 on articles', async () => {
    const { ctx, sent } = fakeCtx();
    await expect(ingestBatch(ctx, [{ url: 'u', source: { name: 'x' } }])).rejects.toMatchObject({
      response: { error: 'validation_failed', field: '[0].body' },
    });
    await expect(ingestBatch(ctx, [])).rejects.toMatchObject({ response: { field: 'articles' } });
    expect(sent).toHaveLength(0);
  });
});
