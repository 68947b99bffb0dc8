/**
 * Alerting path end to end, against the real Kafka, Redis and Elasticsearch:
 * POST /v1/watches (admin) → marsad.watches → alerter view; POST /v1/articles → raw → enricher
 * (in-process) → enriched → alerter → BullMQ `alerts` → signed webhook to a real HTTP receiver.
 */
import { alertId, digestId, type WebhookPayload } from '@marsad/contracts';
import { sendJobId, verifyWebhookSignature } from '@marsad/alerts';
import { waitFor } from './support/env';
import { AlertingHarness, enrichedArticle as enriched } from './support/alerting-harness';

jest.setTimeout(90_000);

const OPERATOR = 'operator-key-e2e-alerting';
const VIEWER = 'viewer-key-e2e-alerting';
const h = new AlertingHarness({
  prefix: 'al',
  clientId: 'e2e-alerting',
  operatorKey: OPERATOR,
  viewerKey: VIEWER,
  attempts: 5,
  backoffMs: 200,
});
const { ns, N, api, createWatch, logged, consumedAll, at, mails, failuresLeft } = h;

beforeAll(() => h.start(), 120_000);
afterAll(() => h.stop());

test('a watch naming an actor + an article mentioning it → exactly one signed webhook with the expected alert id', async () => {
  const watch = await createWatch('Kaspersky (e2e)', {
    actors: ['Kaspersky'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/kaspersky` }],
  });
  const article = {
    url: `https://news.example.com/kaspersky-${ns}`,
    source: { name: 'Example News', domain: 'news.example.com' },
    title: 'Kaspersky warns of a new espionage campaign',
    body: 'Kaspersky said on Monday that a new espionage campaign targeted banks in the region. The company, Kaspersky, published indicators of compromise.',
    language: 'en',
    publishedAt: new Date().toISOString(),
  };
  let articleId: string;
  if (h.enricher) {
    const r = await api('POST', '/v1/articles', article);
    expect(r.status).toBe(202);
    articleId = r.json.id;
  } else {
    articleId = `kaspersky-${ns}`;
    await h.publisher.publish(N.topic('articlesEnriched'), articleId, enriched(articleId, 'org:kaspersky-lab', 'Kaspersky'));
  }
  const hits = await waitFor('the webhook', async () => (at('/kaspersky').length ? at('/kaspersky') : undefined), 60_000, 100);
  const hit = hits[0];
  const expectedId = alertId(watch.id, articleId);
  expect(hit.headers['x-marsad-alert-id']).toBe(expectedId);
  expect(hit.headers['content-type']).toBe('application/json');
  expect(verifyWebhookSignature(watch.secret, hit.headers['x-marsad-signature'] as string, hit.raw, 300)).toEqual({
    ok: true,
    t: expect.any(Number),
  });
  expect(verifyWebhookSignature('wrong-secret-wrong-secret', hit.headers['x-marsad-signature'] as string, hit.raw, 300).ok).toBe(false);
  const payload = JSON.parse(hit.raw) as WebhookPayload;
  expect(Object.keys(payload).sort()).toEqual(['alertId', 'article', 'claims', 'firedAt', 'matched', 'watch']);
  expect(payload.alertId).toBe(expectedId);
  expect(payload.watch).toEqual({ id: watch.id, name: 'Kaspersky (e2e)' });
  expect(payload.article).toMatchObject({ id: articleId, url: expect.stringContaining('kaspersky'), language: 'en' });
  expect(payload.matched.actors.map((a) => a.id)).toContain('org:kaspersky-lab');

  // Each attempt is recorded in the marsad-alerts index, with latency from publishedAt.
  const docs = await waitFor(
    'the delivery log entry',
    async () => {
      const d = await logged(expectedId);
      return d.some((x) => x.status === 'delivered') ? d : undefined;
    },
    20_000,
    250,
  );
  expect(docs.find((x) => x.status === 'delivered')).toMatchObject({
    watchId: watch.id,
    articleId,
    channel: 'webhook',
    httpStatus: 200,
    attempt: 1,
    latencyMs: expect.any(Number),
  });

  // Ingesting the same article again (re-scrape: same canonical URL → same id → same alert id).
  if (h.enricher) expect((await api('POST', '/v1/articles', article)).status).toBe(202);
  await new Promise((r) => setTimeout(r, 2500));
  expect(at('/kaspersky')).toHaveLength(1);
});

test('a redelivered enriched message does not send again (alert marked decided, delivery marked done)', async () => {
  const watch = await createWatch('Redelivery (e2e)', {
    actors: ['org:e2e-redelivery'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/redelivery` }],
  });
  const art = enriched(`redeliv-${ns}`, 'org:e2e-redelivery', 'Redelivery Corp');
  await h.publisher.publish(N.topic('articlesEnriched'), art.id, art);
  await waitFor('first delivery', async () => at('/redelivery').length === 1, 30_000, 100);
  // The same message again (what Kafka does after a crash before commit or a rebalance).
  await h.publisher.publish(N.topic('articlesEnriched'), art.id, art);
  await h.publisher.publish(N.topic('articlesEnriched'), art.id, art);
  const id = alertId(watch.id, art.id);
  // Wait until the alerter has consumed the redeliveries (its group's committed offsets reach the end).
  await waitFor('redeliveries consumed and committed', consumedAll, 30_000, 200);
  await new Promise((r) => setTimeout(r, 1500));
  expect(at('/redelivery')).toHaveLength(1);
  expect(at('/redelivery')[0].headers['x-marsad-alert-id']).toBe(id);
  // No job per (watch, article) or per delivery any more: the intake decided the alert once (marked
  // decided) and its delivery went out in a `send-webhooks` batch (marked done). ADR 0020.
  expect(await h.alerter.queue.getJob(id)).toBeUndefined();
  expect(await h.alerter.queue.getJob(sendJobId(id, 0))).toBeUndefined();
  const { redis, names } = h.alerter.ctx;
  expect(await redis.exists(`${names.queuePrefix}:alerter:decided:${id}`)).toBe(1);
  expect(await redis.get(`${names.queuePrefix}:alerter:delivery:${sendJobId(id, 0)}`)).toBe('done');
});

test('a receiver answering 500 twice then 200 gets exactly one successful delivery, same alert id throughout', async () => {
  failuresLeft.set('/flaky', 2);
  const watch = await createWatch('Flaky receiver (e2e)', {
    actors: ['org:e2e-flaky'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/flaky` }],
  });
  const art = enriched(`flaky-${ns}`, 'org:e2e-flaky', 'Flaky Corp');
  await h.publisher.publish(N.topic('articlesEnriched'), art.id, art);
  await waitFor('the successful retry', async () => at('/flaky').some((r) => r.status === 200), 30_000, 100);
  await new Promise((r) => setTimeout(r, 1500));
  const calls = at('/flaky');
  expect(calls.map((c) => c.status)).toEqual([500, 500, 200]);
  const id = alertId(watch.id, art.id);
  for (const c of calls) {
    expect(c.headers['x-marsad-alert-id']).toBe(id);
    expect(verifyWebhookSignature(watch.secret, c.headers['x-marsad-signature'] as string, c.raw, 300).ok).toBe(true);
  }
  expect(new Set(calls.map((c) => c.raw)).size).toBe(1); // same body; fresh signature timestamp per attempt
  const docs = await waitFor(
    'three logged attempts',
    async () => {
      const d = await logged(id);
      return d.filter((x) => x.channel === 'webhook').length >= 3 ? d.filter((x) => x.channel === 'webhook') : undefined;
    },
    20_000,
    250,
  );
  expect(docs.map((x) => [x.attempt, x.status, x.httpStatus])).toEqual([
    [1, 'retrying', 500],
    [2, 'retrying', 500],
    [3, 'delivered', 200],
  ]);
});

test('a near-duplicate of a story already alerted does not alert again for that watch (one alert per watch and cluster)', async () => {
  const watch = await createWatch('Dedup (e2e)', {
    actors: ['org:e2e-dedup'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/dedup` }],
  });
  const a = enriched(`dup-a-${ns}`, 'org:e2e-dedup', 'Dedup Corp');
  const b = {
    ...enriched(`dup-b-${ns}`, 'org:e2e-dedup', 'Dedup Corp'),
    dedup: { fingerprint: 'fp-b', clusterId: a.dedup.clusterId, duplicateOf: a.id },
  };
  const c = enriched(`dup-c-${ns}`, 'org:e2e-dedup', 'Dedup Corp'); // another story
  await h.publisher.publish(N.topic('articlesEnriched'), a.id, a);
  await waitFor('first story alert', async () => at('/dedup').length === 1, 30_000, 100);
  await h.publisher.publish(N.topic('articlesEnriched'), b.id, b);
  await h.publisher.publish(N.topic('articlesEnriched'), c.id, c);
  await waitFor('the other story alert', async () => at('/dedup').length >= 2, 30_000, 100);
  await waitFor('redeliveries consumed and committed', consumedAll, 30_000, 200);
  await new Promise((r) => setTimeout(r, 1500));
  expect(at('/dedup').map((r) => r.headers['x-marsad-alert-id'])).toEqual([alertId(watch.id, a.id), alertId(watch.id, c.id)]);
  const suppressed = await waitFor(
    'suppression logged',
    async () => (await logged(alertId(watch.id, b.id))).find((x) => x.status === 'suppressed'),
    20_000,
    250,
  );
  expect(suppressed.reason).toContain(alertId(watch.id, a.id));
});

test('e-mail channel: text + HTML message with the subject "[Marsad] <watch>: <title>"', async () => {
  const watch = await createWatch('Mail watch', {
    actors: ['org:e2e-mail'],
    channels: [
      { type: 'email', to: ['analyst@example.com'] },
      { type: 'webhook', url: `${h.receiverUrl}/mail-and-hook` },
    ],
  });
  const art = enriched(`mail-${ns}`, 'org:e2e-mail', 'Mail Corp');
  await h.publisher.publish(N.topic('articlesEnriched'), art.id, art);
  const mail = await waitFor('the e-mail', async () => mails.find((m) => m.raw.includes(alertId(watch.id, art.id))), 30_000, 100);
  expect(mail.to).toEqual(['analyst@example.com']);
  expect(mail.raw).toMatch(/^Subject: \[Marsad\] Mail watch: Mail Corp statement/m);
  expect(mail.raw).toMatch(/Content-Type: text\/plain/);
  expect(mail.raw).toMatch(/Content-Type: text\/html/);
  await waitFor('the webhook of the same alert', async () => at('/mail-and-hook').length === 1, 30_000, 100);
});

test('a digest watch sends the alerts of one window as ONE signed delivery with the digest id', async () => {
  const everyMinutes = 0.1; // 6 s windows, aligned on the epoch
  const size = everyMinutes * 60_000;
  const watch = await createWatch('Digest (e2e)', {
    actors: ['org:e2e-digest'],
    digest: { everyMinutes },
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/digest` }],
  });
  // Start early in a window so both articles land in the same one.
  const into = Date.now() % size;
  if (into > size / 3) await new Promise((r) => setTimeout(r, size - into + 50));
  const windowStart = new Date(Math.floor(Date.now() / size) * size).toISOString();
  const a = enriched(`dig-a-${ns}`, 'org:e2e-digest', 'Digest Corp');
  const b = enriched(`dig-b-${ns}`, 'org:e2e-digest', 'Digest Corp');
  await h.publisher.publish(N.topic('articlesEnriched'), a.id, a);
  await h.publisher.publish(N.topic('articlesEnriched'), b.id, b);
  const hit = await waitFor('the digest delivery', async () => at('/digest')[0], 30_000, 100);
  await new Promise((r) => setTimeout(r, 1000));
  expect(at('/digest')).toHaveLength(1);
  const id = digestId(watch.id, windowStart);
  expect(hit.headers['x-marsad-alert-id']).toBe(id);
  expect(verifyWebhookSignature(watch.secret, hit.headers['x-marsad-signature'] as string, hit.raw, 300).ok).toBe(true);
  const body = JSON.parse(hit.raw);
  expect(body).toMatchObject({ digestId: id, watch: { id: watch.id }, count: 2 });
  expect(body.alerts.map((x: WebhookPayload) => x.alertId).sort()).toEqual([alertId(watch.id, a.id), alertId(watch.id, b.id)].sort());
});

test('throttle: at most `max` alerts per window are sent at once; the rest are folded into ONE digest at the end of the window (one per story), never dropped', async () => {
  const perMinutes = 0.2; // 12 s windows, aligned on the epoch
  const size = perMinutes * 60_000;
  const watch = await createWatch('Throttle (e2e)', {
    actors: ['org:e2e-throttle'],
    throttle: { max: 1, perMinutes },
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/throttle` }],
  });
  const into = Date.now() % size;
  if (into > size / 4) await new Promise((r) => setTimeout(r, size - into + 50));
  const windowStart = new Date(Math.floor(Date.now() / size) * size).toISOString();
  const a = enriched(`thr-a-${ns}`, 'org:e2e-throttle', 'Throttle Corp');
  const b = enriched(`thr-b-${ns}`, 'org:e2e-throttle', 'Throttle Corp');
  const c = enriched(`thr-c-${ns}`, 'org:e2e-throttle', 'Throttle Corp');
  // A syndicated copy of b (same story): never a second entry.
  const bCopy = {
    ...enriched(`thr-b2-${ns}`, 'org:e2e-throttle', 'Throttle Corp'),
    dedup: { fingerprint: 'fp-b2', clusterId: b.dedup.clusterId, duplicateOf: b.id },
  };
  await h.publisher.publish(N.topic('articlesEnriched'), a.id, a);
  await waitFor('first alert (within the limit)', async () => at('/throttle').length === 1, 30_000, 100);
  expect(at('/throttle')[0].headers['x-marsad-alert-id']).toBe(alertId(watch.id, a.id));
  await h.publisher.publish(N.topic('articlesEnriched'), b.id, b);
  await h.publisher.publish(N.topic('articlesEnriched'), c.id, c);
  const folded = await waitFor(
    'throttled alerts logged as folded',
    async () => {
      const [lb, lc] = [await logged(alertId(watch.id, b.id)), await logged(alertId(watch.id, c.id))];
      const fb = lb.find((x) => x.status === 'folded');
      const fc = lc.find((x) => x.status === 'folded');
      return fb && fc ? [fb, fc] : undefined;
    },
    20_000,
    250,
  );
  const id = digestId(watch.id, windowStart);
  for (const f of folded) {
    expect(f.reason).toMatch(/throttled/);
    expect(f.digestId).toBe(id);
  }
  await h.publisher.publish(N.topic('articlesEnriched'), bCopy.id, bCopy);
  await waitFor(
    'the copy suppressed as the same story',
    async () => (await logged(alertId(watch.id, bCopy.id))).find((x) => x.status === 'suppressed'),
    20_000,
    250,
  );
  expect(at('/throttle')).toHaveLength(1); // nothing more until the window closes
  const hit = await waitFor('the digest with the folded alerts', async () => at('/throttle')[1], 30_000, 100);
  await new Promise((r) => setTimeout(r, 1000));
  expect(at('/throttle')).toHaveLength(2);
  expect(hit.headers['x-marsad-alert-id']).toBe(id);
  expect(verifyWebhookSignature(watch.secret, hit.headers['x-marsad-signature'] as string, hit.raw, 300).ok).toBe(true);
  const body = JSON.parse(hit.raw);
  expect(body).toMatchObject({ digestId: id, watch: { id: watch.id }, count: 2, reason: 'throttle' });
  expect(body.alerts.map((x: WebhookPayload) => x.alertId).sort()).toEqual([alertId(watch.id, b.id), alertId(watch.id, c.id)].sort());
});
