import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { feedFreshness, serviceHealth } from './status';

describe('feed freshness', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  test('newest of fetchedAt / enrichedAt; fresh within the threshold', () => {
    const f = feedFreshness(
      { fetchedAt: '2026-11-30T11:50:00.000Z', enrichedAt: '2026-11-30T11:55:00.000Z', indexedAt: '2026-11-30T11:55:01.000Z' },
      60,
      now,
    );
    expect(f).toMatchObject({ lastArticleAt: '2026-11-30T11:55:00.000Z', ageSeconds: 300, stale: false, staleAfterMinutes: 60 });
    expect(f).not.toHaveProperty('warning');
  });
  test('stale past the threshold, with a warning naming the setting', () => {
    const f = feedFreshness({ fetchedAt: '2026-11-30T09:00:00Z', enrichedAt: null }, 60, now);
    expect(f).toMatchObject({ stale: true, ageSeconds: 3 * 3600, warning: expect.stringMatching(/180 min.*MARSAD_STALE_FEED_MINUTES=60/) });
  });
  test('no article at all is stale', () => {
    expect(feedFreshness({}, 60, now)).toMatchObject({
      lastArticleAt: null,
      ageSeconds: null,
      stale: true,
      warning: 'no article has been indexed yet',
    });
  });
});

describe('service health probes', () => {
  let server: Server;
  let base: string;
  let closedPort: number;
  beforeAll(async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    server = createServer((req, res) => {
      if (req.url === '/up/health/ready')
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'ok', checks: { kafka: { status: 'up' } } }));
      if (req.url === '/down/health/ready')
        return void res
          .writeHead(503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'error', checks: { kafka: { status: 'down' } } }));
      // /slow never answers
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test('up / down / unreachable / timeout, each bounded', async () => {
    const r = await serviceHealth(
      [
        { service: 'a', url: `${base}/up/` },
        { service: 'b', url: `${base}/down` },
        { service: 'c', url: `http://127.0.0.1:${closedPort}` },
        { service: 'd', url: `${base}/slow` },
      ],
      // Wide enough for a loaded 2-core CI machine: /slow never answers, so only its case waits it out.
      3000,
    );
    expect(r[0]).toMatchObject({ service: 'a', status: 'up', httpStatus: 200, checks: { kafka: { status: 'up' } } });
    expect(r[1]).toMatchObject({ service: 'b', status: 'down', httpStatus: 503 });
    expect(r[2]).toMatchObject({ service: 'c', status: 'unreachable', error: 'ECONNREFUSED' });
    expect(r[3]).toMatchObject({ service: 'd', status: 'unreachable', error: 'no answer within 3000 ms' });
  });
});
