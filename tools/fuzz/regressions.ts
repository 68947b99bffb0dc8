/** The cases issue 13 reported, as requests with the answer each must get. */
import { enc, nestText, withDeep } from './generators';
import { MAX_BODY, type Sent } from './types';

const fieldIs =
  (status: number, ...fields: string[]) =>
  (s: number, body: string) => {
    if (s !== status) return false;
    try {
      const j = JSON.parse(body);
      const named = [j.field, ...(j.errors ?? []).map((e: { field: string }) => e.field)];
      return fields.every((f) => named.includes(f));
    } catch {
      return false;
    }
  };

/** The cases issue 13 reported, each with the answer it must get now. */
export function regressions(watchId: string, actorId: string): Sent[] {
  const watch = (extra: object) =>
    JSON.stringify({ name: 'n', query: 'x', channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/h' }], ...extra });
  const article = (extra: object, depth = 0) =>
    withDeep({ url: 'https://example.com/fz', source: { name: 'S' }, body: 'b', ...extra }, depth);
  const unsafe = [
    'http://[64:ff9b:1::a9fe:a9fe]/',
    'http://[2001:0:4136:e378:8000:63bf:5601:5601]/',
    'http://[::ffff:0:a9fe:a9fe]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[3fff::1]/',
    'http://[5f00::1]/',
    'http://[2001:2::1]/',
    'http://[2001:10::1]/',
    'http://[1::1]/',
    'http://169.254.169.254/latest/meta-data',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
  ];
  return [
    { name: 'repeated q → 400 q', method: 'GET', path: '/v1/actors?q=a&q=b', role: 'viewer', expect: fieldIs(400, 'q') },
    {
      name: 'page past the ES window → 400 page/size',
      method: 'GET',
      path: '/v1/alerts?page=51&size=200',
      role: 'viewer',
      expect: fieldIs(400, 'page', 'size'),
    },
    { name: 'last page inside the window → 200', method: 'GET', path: '/v1/alerts?page=50&size=200', role: 'viewer', expect: 200 },
    {
      name: 'from -271821 → 400 from',
      method: 'GET',
      path: '/v1/alerts?from=-271821-04-20T00:00:00Z',
      role: 'viewer',
      expect: fieldIs(400, 'from'),
    },
    {
      name: 'to +275760 → 400 to',
      method: 'GET',
      path: `/v1/alerts?to=${enc('+275760-09-13T00:00:00.000Z')}`,
      role: 'viewer',
      expect: fieldIs(400, 'to'),
    },
    {
      name: 'repeated status → 400 status',
      method: 'GET',
      path: '/v1/alerts?status=failed&status=delivered',
      role: 'viewer',
      expect: fieldIs(400, 'status'),
    },
    {
      name: 'repeated dlq limit → 400 limit',
      method: 'GET',
      path: '/v1/dlq?limit=1&limit=2',
      role: 'viewer',
      expect: fieldIs(400, 'limit'),
    },
    {
      name: 'metadata 5,000 deep → 400 metadata',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ metadata: { x: '__deep__' } }, 5000),
      expect: fieldIs(400, 'metadata'),
    },
    {
      name: 'source 5,000 deep → 400 source',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ source: { name: 'S', x: '__deep__' } }, 5000),
      expect: fieldIs(400, 'source'),
    },
    {
      name: 'metadata 1,000 deep → 400 metadata',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ metadata: { x: '__deep__' } }, 1000),
      expect: fieldIs(400, 'metadata'),
    },
    {
      name: 'metadata 40 deep → 202',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ metadata: { x: '__deep__' } }, 40),
      expect: 202,
    },
    {
      name: 'body 10,000 deep → 400',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: nestText(10000),
      expect: (s) => s === 400,
    },
    {
      name: 'extra actor field 5,000 deep → 400',
      method: 'POST',
      path: '/v1/actors',
      role: 'admin',
      body: withDeep({ name: 'Deep Actor', type: 'organization', extra: '__deep__' }, 5000),
      expect: fieldIs(400, 'extra'),
    },
    {
      name: 'throttle.perMinutes 1e309 → 400',
      method: 'POST',
      path: '/v1/watches',
      role: 'operator',
      body: watch({}).replace(/}$/, ',"throttle":{"max":1,"perMinutes":1e309}}'),
      expect: fieldIs(400, 'throttle.perMinutes'),
    },
    {
      name: 'digest.everyMinutes 1e309 → 400',
      method: 'POST',
      path: '/v1/watches',
      role: 'operator',
      body: watch({}).replace(/}$/, ',"digest":{"everyMinutes":1e309}}'),
      expect: fieldIs(400, 'digest.everyMinutes'),
    },
    {
      name: 'PUT with digest.everyMinutes 1e309 → 400',
      method: 'PUT',
      path: `/v1/watches/${watchId}`,
      role: 'operator',
      body: watch({}).replace(/}$/, ',"digest":{"everyMinutes":1e309}}'),
      expect: fieldIs(400, 'digest.everyMinutes'),
    },
    { name: 'watch stored and readable after 201', method: 'GET', path: `/v1/watches/${watchId}`, role: 'viewer', expect: 200 },
    {
      name: 'blank actor name → 400 name',
      method: 'POST',
      path: '/v1/actors',
      role: 'admin',
      body: JSON.stringify({ name: '   ', type: 'organization' }),
      expect: fieldIs(400, 'name'),
    },
    {
      name: 'punctuation-only actor name → 400 name',
      method: 'POST',
      path: '/v1/actors',
      role: 'admin',
      body: JSON.stringify({ name: '---', type: 'organization' }),
      expect: fieldIs(400, 'name'),
    },
    {
      name: 'blank alias → 400',
      method: 'POST',
      path: `/v1/actors/${actorId}/aliases`,
      role: 'admin',
      body: JSON.stringify({ aliases: ['  '] }),
      expect: (s) => s === 400,
    },
    {
      name: 'oversize body → 413 before it is read',
      method: 'POST',
      path: '/v1/articles',
      role: 'operator',
      body: article({ body: 'x'.repeat(MAX_BODY + 1) }),
      expect: 413,
    },
    {
      name: 'oversize declared body without a key → 413 (nothing read)',
      method: 'POST',
      path: '/v1/articles',
      role: 'none',
      body: article({ body: 'x'.repeat(MAX_BODY + 1) }),
      expect: 413,
    },
    ...unsafe.map((u): Sent => ({
      name: `unsafe target ${u} → 400`,
      method: 'POST',
      path: '/v1/watches',
      role: 'operator',
      body: watch({ channels: [{ type: 'webhook', url: u }] }),
      expect: fieldIs(400, 'channels[0].url'),
      unsafeTarget: u,
    })),
  ];
}
