import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JITTERED_BACKOFF, UrlGuard, verifyWebhookSignature } from '@marsad/alerts';
import { backoffStrategy } from './alert.processor';
import { alerterQueueOptions } from './redis';
import { redisConnectionOptions } from '@marsad/config';
import { postWebhook, WebhookHttpError } from './webhook-sender';

describe('REDIS_URL → connection options', () => {
  it('the alerter worker: one parser, BullMQ worker behaviour, a short reconnect delay', () => {
    const o = alerterQueueOptions('marsad-x', 'redis://127.0.0.1:6379');
    expect(o.prefix).toBe('marsad-x');
    expect(o.connection).toMatchObject({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null });
    expect((o.connection.retryStrategy as (n: number) => number)(50)).toBeLessThanOrEqual(1000);
  });

  it('parses host, port, credentials, db and TLS', () => {
    expect(redisConnectionOptions('rediss://u:p%40ss@redis.example.com:6380/2')).toMatchObject({
      host: 'redis.example.com',
      port: 6380,
      username: 'u',
      password: 'p@ss',
      db: 2,
      tls: {},
    });
  });
});

describe('backoffStrategy', () => {
  it('applies jittered exponential backoff from the job delay', () => {
    const job = { opts: { backoff: { type: JITTERED_BACKOFF, delay: 1000 } } };
    for (let i = 0; i < 50; i++) {
      const d1 = backoffStrategy(1, JITTERED_BACKOFF, undefined, job);
      const d3 = backoffStrategy(3, JITTERED_BACKOFF, undefined, job);
      expect(d1).toBeGreaterThanOrEqual(500);
      expect(d1).toBeLessThanOrEqual(1000);
      expect(d3).toBeGreaterThanOrEqual(2000);
      expect(d3).toBeLessThanOrEqual(4000);
    }
  });
});

describe('postWebhook', () => {
  let server: http.Server;
  let base: string;
  const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let mode: 'ok' | 'fail' | 'slow' | 'redirect' | 'big' = 'ok';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        if (mode === 'ok') res.writeHead(204).end();
        else if (mode === 'fail') res.writeHead(503).end('down');
        else if (mode === 'redirect') res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
        else if (mode === 'big') res.writeHead(200).end('x'.repeat(200 * 1024));
        else setTimeout(() => res.writeHead(200).end(), 1500);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const open = new UrlGuard({ allowCidrs: ['127.0.0.0/8', '::1/128'] });
  const args = (over: Partial<Parameters<typeof postWebhook>[0]> = {}) => ({
    url: `${base}/hook`,
    body: '{"alertId":"abc"}',
    alertId: 'abc',
    secret: 'secret-secret-secret',
    timeoutMs: 1000,
    guard: open,
    ...over,
  });

  it('POSTs JSON with the alert id and a verifiable signature; 2xx = delivered', async () => {
    mode = 'ok';
    const r = await postWebhook(args());
    expect(r.status).toBe(204);
    const req = seen.at(-1)!;
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-marsad-alert-id']).toBe('abc');
    expect(verifyWebhookSignature('secret-secret-secret', req.headers['x-marsad-signature'] as string, req.body).ok).toBe(true);
  });

  it('non-2xx and redirects are failures (a redirect is never followed)', async () => {
    mode = 'fail';
    await expect(postWebhook(args())).rejects.toMatchObject({ status: 503 });
    mode = 'redirect';
    await expect(postWebhook(args())).rejects.toBeInstanceOf(WebhookHttpError);
  });

  it('a large answer is not read to its end: the status counts, the next delivery goes through', async () => {
    mode = 'big';
    await expect(postWebhook(args())).resolves.toMatchObject({ status: 200 });
    mode = 'ok';
    await expect(postWebhook(args())).resolves.toMatchObject({ status: 204 });
  });

  it('times out', async () => {
    mode = 'slow';
    await expect(postWebhook(args({ timeoutMs: 200 }))).rejects.toThrow(/timed out after 200 ms/);
  });

  it('refuses loopback targets unless private targets are allowed', async () => {
    mode = 'ok';
    const n = seen.length;
    await expect(postWebhook(args({ guard: new UrlGuard() }))).rejects.toThrow(/loopback/);
    expect(seen.length).toBe(n);
  });

  it('checks the resolved address at connect time (DNS rebinding)', async () => {
    // The name resolves to a public address when checked, then to loopback at connect time.
    let calls = 0;
    const guard = new UrlGuard({
      lookup: async () => (calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]),
    });
    const port = (server.address() as AddressInfo).port;
    await expect(postWebhook(args({ url: `http://rebind.example.test:${port}/hook`, guard }))).rejects.toThrow(/loopback/);
  });
});

describe('AlertProcessor start-up check', () => {
  it('has a handler for every job name, and refuses to start when one is missing', async () => {
    const { AlertProcessor } = await import('./alert.processor');
    const p = new AlertProcessor({} as never, {} as never);
    expect(() => p.onModuleInit()).not.toThrow();
    delete (p.handlers as Partial<typeof p.handlers>)['send-email'];
    expect(() => p.onModuleInit()).toThrow(/no handler for alert job name\(s\): send-email/);
  });
});
