import { alertId, articleIdFromUrl, canonicalUrl, digestId, firstFieldError, names, RawArticleSchema, WatchInputSchema } from './index';

describe('canonical URLs and ids', () => {
  it('maps re-scrapes of one page to one id', () => {
    const a = articleIdFromUrl('https://Example.ORG:443/news/1?b=2&a=1&utm_source=x&fbclid=y#top');
    const b = articleIdFromUrl('https://example.org/news/1?a=1&b=2');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(canonicalUrl('HTTP://Example.org:80/x?gclid=1')).toBe('http://example.org/x');
  });

  it('keeps different pages apart and accepts any non-empty url', () => {
    expect(articleIdFromUrl('https://example.org/a')).not.toBe(articleIdFromUrl('https://example.org/b'));
    expect(canonicalUrl('  urn:gold:1 ')).toBe('urn:gold:1');
  });

  it('alert and digest ids are deterministic hex (no ":" — BullMQ rejects it)', () => {
    expect(alertId('w1', 'a1')).toBe(alertId('w1', 'a1'));
    expect(alertId('w1', 'a1')).not.toBe(alertId('w1', 'a2'));
    expect(alertId('w1', 'a1')).not.toBe(digestId('w1', 'a1'));
    expect(alertId('w:1', 'a:1')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('names', () => {
  it('prefixes topics, indices and queues with the namespace', () => {
    expect(names().topic('articlesRaw')).toBe('marsad.articles.raw');
    const n = names('t1');
    expect(n.topic('watches')).toBe('t1.marsad.watches');
    expect(n.articlesAlias).toBe('t1-marsad-articles');
    expect(n.articlesIndex('2024.06')).toBe('t1-marsad-articles-2024.06');
    expect(n.queuePrefix).toBe('marsad-t1');
  });
});

describe('schemas name the bad field', () => {
  it('RawArticle', () => {
    const r = RawArticleSchema.safeParse({ url: 'https://x', source: {}, body: 1 });
    expect(r.success).toBe(false);
    if (!r.success) expect(['source.name', 'body']).toContain(firstFieldError(r.error).field);
  });
  it('Watch input', () => {
    const r = WatchInputSchema.safeParse({ name: 'w', actors: ['org:x'], channels: [{ type: 'webhook', url: 'not a url' }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(firstFieldError(r.error).field).toBe('channels[0].url');
    const none = WatchInputSchema.safeParse({ name: 'w', channels: [{ type: 'email', to: ['a@b.example'] }] });
    expect(none.success).toBe(false);
    if (!none.success) expect(firstFieldError(none.error).field).toBe('actors');
  });
});
