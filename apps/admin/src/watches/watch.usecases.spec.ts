import { UrlGuard } from '@marsad/alerts';
import type { AdminContext } from '../context';
import { ValidationFailed } from '../http/errors';
import { ActorResolver } from './actor-resolver';
import { createWatch, redactWatch } from './watch.usecases';

const kb = {
  get: (id: string) => (id === 'org:kaspersky-lab' ? { id, name: 'Kaspersky Lab' } : undefined),
  byAlias: (t: string) =>
    ['kaspersky', 'كاسبرسكي'].includes(t.toLowerCase())
      ? [{ id: 'org:kaspersky-lab', name: 'Kaspersky Lab' }]
      : t === 'Georgia'
        ? [
            { id: 'country:GE', name: 'Georgia' },
            { id: 'location:georgia-us', name: 'Georgia (US)' },
          ]
        : [],
};

function ctx(published: unknown[] = []): AdminContext {
  const map = new Map<string, unknown>();
  return {
    guard: new UrlGuard({ lookup: async () => [{ address: '93.184.216.34', family: 4 }] }),
    actors: new ActorResolver(kb),
    watches: {
      caughtUp: true,
      ready: async () => undefined,
      has: (id: string) => map.has(id),
      get: (id: string) => map.get(id),
      onChange: () => () => undefined,
    },
    publisher: { publish: async (_t: string, k: string, v: unknown) => void (published.push(v), map.set(k, v)) },
    names: { topic: (k: string) => `marsad.${k}` },
    logger: { info: () => undefined, warn: () => undefined },
  } as never;
}

async function errorOf(body: unknown) {
  try {
    await createWatch(ctx(), body);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationFailed);
    return (err as ValidationFailed).getResponse() as { error: string; field: string; message: string; errors: { field: string }[] };
  }
  throw new Error('expected a validation error');
}

describe('watch validation names the field', () => {
  const ok = { name: 'K', actors: ['Kaspersky'], channels: [{ type: 'webhook', url: 'https://hooks.example.com/x' }] };

  it.each([
    [{ ...ok, name: '' }, 'name'],
    [{ ...ok, channels: [] }, 'channels'],
    [{ ...ok, channels: [{ type: 'webhook', url: 'not-a-url' }] }, 'channels[0].url'],
    [{ ...ok, channels: [{ type: 'email', to: ['nope'] }] }, 'channels[0].to[0]'],
    [{ ...ok, channels: [{ type: 'webhook', url: 'https://hooks.example.com/x', secret: 'short' }] }, 'channels[0].secret'],
    [{ ...ok, actors: undefined }, 'actors'],
    [{ ...ok, minMentions: 0 }, 'minMentions'],
    [{ ...ok, bogus: 1 }, '(root)'],
    [{ ...ok, id: 'has space' }, 'id'],
    [{ ...ok, query: 'kaspersky AND' }, 'query'],
    [{ ...ok, channels: [{ type: 'webhook', url: 'http://169.254.169.254/latest' }] }, 'channels[0].url'],
    [{ ...ok, actors: ['Georgia'] }, 'actors[0]'],
  ])('%j → %s', async (body, field) => {
    const e = await errorOf(body);
    expect(e.error).toBe('validation_failed');
    expect(e.field).toBe(field);
    expect(e.message).toContain(field);
    expect(e.errors.length).toBeGreaterThan(0);
  });

  it('query errors carry the position', async () => {
    expect((await errorOf({ ...ok, query: '(a OR b' })).message).toMatch(/position 7/);
  });
});

describe('createWatch', () => {
  it('resolves actors, generates a secret returned once, stores it, and never shows it again', async () => {
    const published: Array<Record<string, unknown>> = [];
    const c = ctx(published as never);
    const res = await createWatch(c, {
      name: 'K',
      actors: ['Kaspersky', 'كاسبرسكي', 'org:kaspersky-lab', 'person:someone-new', 'Unknown Name'],
      channels: [{ type: 'webhook', url: 'https://hooks.example.com/x' }],
    });
    expect(res.id).toMatch(/^w_[0-9a-f]{16}$/);
    expect(res.actorIds).toEqual(['org:kaspersky-lab', 'person:someone-new']);
    expect(res.channels[0]).toMatchObject({ type: 'webhook', secretSet: true });
    expect(res.secret).toMatch(/^whsec_/);
    const stored = published[0] as { channels: { secret: string }[]; enabled: boolean; schemaVersion: number };
    expect(stored.channels[0].secret).toBe(res.secret);
    expect(stored.enabled).toBe(true);
    const again = redactWatch(stored as never);
    expect(JSON.stringify(again)).not.toContain(res.secret!);
    expect(again.channels[0]).toEqual({ type: 'webhook', url: 'https://hooks.example.com/x', secretSet: true });
  });

  it('keeps a supplied secret without echoing it', async () => {
    const res = await createWatch(ctx(), {
      id: 'w1',
      name: 'K',
      query: 'kaspersky',
      channels: [{ type: 'webhook', url: 'https://hooks.example.com/x', secret: 'a-very-long-secret-value' }],
    });
    expect(res.secret).toBeUndefined();
    expect(JSON.stringify(res)).not.toContain('a-very-long-secret-value');
  });
});
