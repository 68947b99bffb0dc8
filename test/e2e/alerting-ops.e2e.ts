/**
 * Alerting operations end to end, against the real Kafka, Redis and Elasticsearch (admin, alerter
 * and enricher in-process, own MARSAD_NAMESPACE): keyword-query watches, a receiver that always
 * fails ends `failed` and is retried from the API, watch edits without restarting the alerter, and
 * the test-alert endpoint.
 */
import { alertId, type WebhookPayload } from '@marsad/contracts';
import { isPackedBatch, verifyWebhookSignature } from '@marsad/alerts';
import { waitFor } from './support/env';
import { AlertingHarness, enrichedArticle as enriched } from './support/alerting-harness';

jest.setTimeout(180_000);

const OPERATOR = 'operator-key-e2e-alerting-ops';
const VIEWER = 'viewer-key-e2e-alerting-ops';
const h = new AlertingHarness({
  prefix: 'ao',
  clientId: 'e2e-alerting-ops',
  operatorKey: OPERATOR,
  viewerKey: VIEWER,
  attempts: 3,
  backoffMs: 100,
  // This suite's deliveries go out in packed `send-webhooks` batches (alerting.e2e.ts covers the
  // default, unpacked ones): bodies, signatures, hand-over and the log must not tell them apart.
  env: { MARSAD_ALERT_PACKED_BATCHES: 'true' },
});
const { ns, N, api, createWatch, logged, consumedAll, at, failuresLeft } = h;

beforeAll(() => h.start(), 120_000);
afterAll(() => h.stop());

test('a watch by QUERY fires on a boolean query over title and body, and not otherwise', async () => {
  const watch = await createWatch('Query (e2e)', {
    query: '"Forest Blizzard" OR (Kaspersky AND ban)',
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/query` }],
  });
  const mk = (slug: string, title: string, body: string) => ({
    url: `https://news.example.com/${slug}-${ns}`,
    source: { name: 'Example News', domain: 'news.example.com' },
    title,
    body,
    language: 'en',
    publishedAt: new Date().toISOString(),
  });
  const articles = [
    mk(
      'fb',
      'Forest Blizzard returns',
      'Researchers said the group known as Forest Blizzard targeted ministries in three countries this spring.',
    ),
    mk(
      'ban',
      'Regulators act on antivirus vendor',
      'The commerce department announced a ban on sales of Kaspersky software, citing national security concerns.',
    ),
    mk('miss', 'Kaspersky publishes annual report', 'Kaspersky said revenue grew in the year and that it opened two new offices in Asia.'),
  ];
  const ids: string[] = [];
  for (const a of articles) {
    if (h.enricher) {
      const r = await api('POST', '/v1/articles', a);
      expect(r.status).toBe(202);
      ids.push(r.json.id);
    } else {
      const id = a.url.split('/').pop()!;
      ids.push(id);
      await h.publisher.publish(N.topic('articlesEnriched'), id, {
        ...enriched(id, 'org:none', 'Nobody'),
        actors: [],
        title: a.title,
        body: a.body,
        url: a.url,
      });
    }
  }
  await waitFor('two query alerts', async () => at('/query').length >= 2, 60_000, 100);
  await new Promise((r) => setTimeout(r, 3000));
  const got = at('/query')
    .map((r) => r.headers['x-marsad-alert-id'])
    .sort();
  expect(got).toEqual([alertId(watch.id, ids[0]), alertId(watch.id, ids[1])].sort());
  for (const r of at('/query')) {
    expect(verifyWebhookSignature(watch.secret, r.headers['x-marsad-signature'] as string, r.raw, 300).ok).toBe(true);
    const p = JSON.parse(r.raw) as WebhookPayload;
    if (p.article.id === ids[0]) expect(p.matched.terms).toEqual(['forest blizzard']);
    else expect(p.matched.terms.sort()).toEqual(['ban', 'kaspersky']);
  }
  // They went out in packed batches (this suite's MARSAD_ALERT_PACKED_BATCHES).
  const batches = (await h.alerter.queue.getJobs(['completed'])).filter((j) => j.name === 'send-webhooks');
  const mine = batches.filter((j) => isPackedBatch(j.data) && j.data.items.some((x) => x.watchId === watch.id));
  expect(mine.length).toBeGreaterThan(0);
  expect(batches.every((j) => isPackedBatch(j.data))).toBe(true);
});

test('a receiver that always fails ends `failed` (log + BullMQ failed job); POST /v1/alerts/:id/retry after the fix delivers exactly once', async () => {
  failuresLeft.set('/down', 1_000_000);
  const watch = await createWatch('Always down (e2e)', {
    actors: ['org:e2e-down'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/down` }],
  });
  const art = enriched(`down-${ns}`, 'org:e2e-down', 'Down Corp');
  await h.publisher.publish(N.topic('articlesEnriched'), art.id, art);
  const id = alertId(watch.id, art.id);
  const docs = await waitFor(
    'the final failed attempt',
    async () => {
      const d = await logged(id);
      return d.some((x) => x.status === 'failed') ? d.filter((x) => x.channel === 'webhook') : undefined;
    },
    60_000,
    250,
  );
  expect(docs.map((x) => [x.attempt, x.status, x.httpStatus])).toEqual([
    [1, 'retrying', 500],
    [2, 'retrying', 500],
    [3, 'failed', 500],
  ]);
  expect(at('/down')).toHaveLength(3);
  // Attempt 1 was made in the chunk's `send-webhooks` batch, which handed the delivery over to its
  // own job for attempts 2 and 3 (ADR 0020).
  const job = await h.alerter.queue.getJob(`${id}-c0`);
  expect(job?.name).toBe('send-webhook');
  await waitFor('the send job in the failed set', async () => (await job!.getState()) === 'failed', 10_000, 100);
  expect(job!.attemptsMade).toBe(2);

  // Visible in the API: latest state per alert id, filtered by watch, status and time.
  const since = new Date(Date.now() - 10 * 60_000).toISOString();
  const list = await api('GET', `/v1/alerts?watch=${watch.id}&status=failed&from=${encodeURIComponent(since)}`, undefined, VIEWER);
  expect(list.status).toBe(200);
  expect(list.json.alerts).toHaveLength(1);
  expect(list.json.alerts[0]).toMatchObject({ alertId: id, watchId: watch.id, status: 'failed', attempts: 3, articleId: art.id });
  expect(list.json.alerts[0].jobs.find((j: any) => j.jobId === `${id}-c0`)).toMatchObject({
    status: 'failed',
    attempt: 3,
    maxAttempts: 3,
    httpStatus: 500,
  });
  expect((await api('GET', '/v1/alerts?status=nope', undefined, VIEWER)).json).toMatchObject({
    error: 'validation_failed',
    field: 'status',
  });
  expect((await api('GET', `/v1/alerts?watch=${watch.id}&to=2000-01-01T00:00:00Z`, undefined, VIEWER)).json.alerts).toHaveLength(0);

  // Retry: operator only; 404 for an unknown id.
  expect((await api('POST', `/v1/alerts/${id}/retry`, {}, VIEWER)).status).toBe(403);
  expect((await api('POST', '/v1/alerts/0123456789abcdef0123456789abcdef/retry', {})).status).toBe(404);
  failuresLeft.set('/down', 0); // the receiver is fixed
  const r = await api('POST', `/v1/alerts/${id}/retry`, {});
  expect(r.status).toBe(202);
  expect(r.json.retried).toEqual([{ jobId: `${id}-c0`, name: 'send-webhook', retryRound: 1 }]);
  await waitFor('the delivery after the retry', async () => at('/down').some((x) => x.status === 200), 30_000, 100);
  await new Promise((res) => setTimeout(res, 1500));
  const ok = at('/down').filter((x) => x.status === 200);
  expect(ok).toHaveLength(1);
  expect(ok[0].headers['x-marsad-alert-id']).toBe(id);
  expect(verifyWebhookSignature(watch.secret, ok[0].headers['x-marsad-signature'] as string, ok[0].raw, 300).ok).toBe(true);
  expect(new Set(at('/down').map((x) => x.raw)).size).toBe(1); // the same body as the failed attempts
  await waitFor('the job completed', async () => (await job!.getState()) === 'completed', 10_000, 100);
  // Not failed any more: a second retry is a conflict, and the list shows it delivered.
  const again = await api('POST', `/v1/alerts/${id}/retry`, {});
  expect(again.status).toBe(409);
  const after = await waitFor(
    'the alert listed as delivered',
    async () => {
      const l = await api('GET', `/v1/alerts?watch=${watch.id}`, undefined, VIEWER);
      return l.json.alerts?.[0]?.status === 'delivered' ? l.json.alerts[0] : undefined;
    },
    20_000,
    250,
  );
  expect(after.jobs[0]).toMatchObject({ status: 'delivered', retryRound: 1, attempt: 1, httpStatus: 200 });
  expect((await logged(id)).filter((x) => x.channel === 'webhook')).toHaveLength(4); // history kept
});

test('watch edits (PUT changing actors, then disabling) apply without restarting the alerter', async () => {
  const watch = await createWatch('Editable (e2e)', {
    actors: ['org:e2e-edit-a'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/edit` }],
  });
  const a1 = enriched(`edit-a1-${ns}`, 'org:e2e-edit-a', 'Edit A Corp');
  await h.publisher.publish(N.topic('articlesEnriched'), a1.id, a1);
  await waitFor('alert for actor A', async () => at('/edit').length === 1, 30_000, 100);

  const put = await api('PUT', `/v1/watches/${watch.id}`, {
    name: 'Editable (e2e)',
    actors: ['org:e2e-edit-b'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/edit` }],
  });
  expect(put.status).toBe(200);
  await waitFor(
    'alerter sees the new actors',
    async () => h.alerter.ctx.matcher.get(watch.id)?.actorIds?.includes('org:e2e-edit-b'),
    20_000,
    100,
  );
  const a2 = enriched(`edit-a2-${ns}`, 'org:e2e-edit-a', 'Edit A Corp');
  const b1 = enriched(`edit-b1-${ns}`, 'org:e2e-edit-b', 'Edit B Corp');
  await h.publisher.publish(N.topic('articlesEnriched'), a2.id, a2);
  await h.publisher.publish(N.topic('articlesEnriched'), b1.id, b1);
  await waitFor('alert for actor B', async () => at('/edit').length >= 2, 30_000, 100);
  await waitFor('articles consumed and committed', consumedAll, 30_000, 200);
  await new Promise((r) => setTimeout(r, 1500));
  expect(at('/edit').map((r) => r.headers['x-marsad-alert-id'])).toEqual([alertId(watch.id, a1.id), alertId(watch.id, b1.id)]);
  // The same secret for the same URL: receivers need no change.
  expect(verifyWebhookSignature(watch.secret, at('/edit')[1].headers['x-marsad-signature'] as string, at('/edit')[1].raw, 300).ok).toBe(
    true,
  );

  const off = await api('PUT', `/v1/watches/${watch.id}`, {
    name: 'Editable (e2e)',
    actors: ['org:e2e-edit-b'],
    enabled: false,
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/edit` }],
  });
  expect(off.status).toBe(200);
  expect(off.json.enabled).toBe(false);
  await waitFor('alerter drops the disabled watch', async () => !h.alerter.ctx.matcher.has(watch.id), 20_000, 100);
  const b2 = enriched(`edit-b2-${ns}`, 'org:e2e-edit-b', 'Edit B Corp');
  await h.publisher.publish(N.topic('articlesEnriched'), b2.id, b2);
  await waitFor('article consumed and committed', consumedAll, 30_000, 200);
  await new Promise((r) => setTimeout(r, 2000));
  expect(at('/edit')).toHaveLength(2);
});

test('POST /v1/watches/:id/test delivers a signed test alert through the watch channel', async () => {
  const watch = await createWatch('Test endpoint (e2e)', {
    actors: ['org:e2e-testhook'],
    channels: [{ type: 'webhook', url: `${h.receiverUrl}/testhook` }],
  });
  expect((await api('POST', `/v1/watches/${watch.id}/test`, {}, VIEWER)).status).toBe(403);
  expect((await api('POST', '/v1/watches/w_nope/test', {})).status).toBe(404);
  const r = await api('POST', `/v1/watches/${watch.id}/test`, {});
  expect(r.status).toBe(202);
  expect(r.json).toMatchObject({
    test: true,
    alertId: expect.stringMatching(/^[0-9a-f]{32}$/),
    jobs: [{ jobId: `${r.json.alertId}-c0`, name: 'send-webhook', channelIndex: 0 }],
  });
  const hit = await waitFor('the test webhook', async () => at('/testhook')[0], 30_000, 100);
  expect(hit.headers['x-marsad-alert-id']).toBe(r.json.alertId);
  expect(hit.headers['x-marsad-test']).toBe('true');
  expect(verifyWebhookSignature(watch.secret, hit.headers['x-marsad-signature'] as string, hit.raw, 300).ok).toBe(true);
  const body = JSON.parse(hit.raw);
  expect(body).toMatchObject({
    alertId: r.json.alertId,
    test: true,
    watch: { id: watch.id, name: 'Test endpoint (e2e)' },
    article: { url: expect.stringContaining('marsad.invalid') },
  });
  const doc = await waitFor(
    'the test delivery logged',
    async () => (await logged(r.json.alertId)).find((x) => x.status === 'delivered'),
    20_000,
    250,
  );
  expect(doc).toMatchObject({ kind: 'test', watchId: watch.id, channel: 'webhook' });
});
