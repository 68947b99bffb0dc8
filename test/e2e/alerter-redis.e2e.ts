/**
 * The alerter after a Redis outage (issue 9, item 6): the services reach Redis through a switchable
 * TCP proxy (the shared Redis itself is never touched). With the proxy off for 20 s an article
 * matching a watch is published; the alerter's intake fails fast and pauses briefly (nothing
 * committed). The time from the proxy's return to the webhook delivery is printed (it was ~17 s
 * before: a 10 s enqueue timeout plus a growing reconnect backoff). A measurement, not a timing
 * assertion: the test checks that the alert is delivered once.
 */
import { alertId } from '@marsad/contracts';
import { waitFor } from './support/env';
import { AlertingHarness, enrichedArticle } from './support/alerting-harness';
import { TcpProxy } from './helpers/pipeline-proxy';

jest.setTimeout(180_000);

const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const proxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
let h: AlertingHarness;

beforeAll(async () => {
  await proxy.on();
  h = new AlertingHarness({
    prefix: 'ar',
    clientId: 'e2e-alerter-redis',
    operatorKey: 'operator-key-e2e-redis-1',
    viewerKey: 'viewer-key-e2e-redis-1',
    attempts: 3,
    backoffMs: 200,
    env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` },
  });
  await h.start();
});

afterAll(async () => {
  await proxy.on();
  await h?.stop();
  await proxy.off();
});

test('the alerter delivers within seconds of Redis returning', async () => {
  const watch = await h.createWatch('Redis outage (e2e)', {
    actors: ['org:e2e-redis'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/redis` }],
  });
  await proxy.off();
  const art = enrichedArticle(`redis-${h.ns}`, 'org:e2e-redis', 'Redis Corp');
  await h.publisher.publish(h.N.topic('articlesEnriched'), art.id, art);
  await new Promise((r) => setTimeout(r, 20_000));
  expect(h.at('/redis')).toHaveLength(0);
  const t0 = Date.now();
  await proxy.on();
  await waitFor('the alert delivered after Redis returned', async () => h.at('/redis').length > 0, 90_000, 100);
  const seconds = (Date.now() - t0) / 1000;
  process.stdout.write(`\nalerter: Redis back → webhook delivered in ${seconds.toFixed(1)} s (after 20 s down)\n`);
  await new Promise((r) => setTimeout(r, 1000));
  expect(h.at('/redis').map((r) => r.headers['x-marsad-alert-id'])).toEqual([alertId(watch.id, art.id)]);
});
