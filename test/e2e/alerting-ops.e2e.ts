/**
 * Alerting operations end to end, against the real Kafka, Redis and Elasticsearch (admin, alerter
 * and enricher in-process, own MARSAD_NAMESPACE): keyword-query watches, a receiver that always
 * fails ends `failed` and is retried from the API, watch edits without restarting the alerter, and
 * the test-alert endpoint.
 */
import http from 'node:http';
import { SMTPServer } from 'smtp-server';
import Redis from 'ioredis';
import { Client as EsClient } from '@elastic/elasticsearch';
import type { AddressInfo } from 'node:net';
import { alertId, digestId, names, SCHEMA_VERSION, type EnrichedArticle, type WebhookPayload } from '@marsad/contracts';
import { verifyWebhookSignature } from '@marsad/alerts';
import { createKafka, ensureTopics, Publisher } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { bootstrapAdmin, type AdminHandle } from '../../apps/admin/src/bootstrap';
import { bootstrapAlerter, type AlerterHandle } from '../../apps/alerter/src/bootstrap';
import { stackEnv, testLogFile, testNamespace, waitFor } from './support/env';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  status: number;
}

jest.setTimeout(180_000);

const OPERATOR = 'operator-key-e2e-alerting-ops';
const VIEWER = 'viewer-key-e2e-alerting-ops';
const ns = testNamespace('ao');
const N = names(ns);
const quiet = createLogger('e2e', 'error');

let admin: AdminHandle;
let alerter: AlerterHandle;
let enricher: { close(): Promise<void> } | undefined;
let receiver: http.Server;
let receiverUrl: string;
let publisher: Publisher;
let kafkaClient: ReturnType<typeof createKafka>;
const received: Received[] = [];
let smtp: SMTPServer;
const mails: { to: string[]; raw: string }[] = [];
const failuresLeft = new Map<string, number>();

async function api(method: string, path: string, body?: unknown, key = OPERATOR): Promise<{ status: number; json: any }> {
  const res = await fetch(`http://127.0.0.1:${admin.port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function createWatch(name: string, spec: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const r = await api('POST', '/v1/watches', { name, ...spec });
  expect(r.status).toBe(201);
  expect(typeof r.json.secret).toBe('string');
  const id = r.json.id as string;
  await waitFor(`alerter sees watch ${id}`, async () => alerter.ctx.matcher.has(id), 20000, 100);
  return { id, secret: r.json.secret };
}

function enriched(id: string, actorId: string, actorName: string): EnrichedArticle {
  const body = `${actorName} said on Monday that its systems were safe. ${actorName} gave no details.`;
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    url: `https://news.example.com/${id}`,
    source: { name: 'Example News', domain: 'news.example.com' },
    title: `${actorName} statement`,
    body,
    language: 'en',
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
    languageDetection: { code: 'en', confidence: 0.99, extractor: 'e2e' },
    actors: [{ id: actorId, name: actorName, type: 'organization', mentions: [{ text: actorName, start: 0, end: actorName.length }, { text: actorName, start: body.lastIndexOf(actorName), end: body.lastIndexOf(actorName) + actorName.length }] }],
    claims: [],
    dedup: { fingerprint: `fp-${id}`, clusterId: `cl-${id}` },
    enrichedAt: new Date().toISOString(),
    enrichmentVersion: 'e2e',
  };
}

/** The delivery log documents of one alert (ES index marsad-alerts, namespaced). */
async function logged(id: string): Promise<Array<Record<string, any>>> {
  await alerter.ctx.es.indices.refresh({ index: N.alertsIndex }).catch(() => undefined);
  const r = await alerter.ctx.es.search({ index: N.alertsIndex, size: 50, query: { term: { alertId: id } }, sort: [{ attemptedAt: 'asc' }] });
  return r.hits.hits.map((h) => h._source as Record<string, any>);
}

/** True when the alerter's consumer group has committed everything on the enriched topic. */
async function consumedAll(): Promise<boolean> {
  const kadmin = kafkaClient.admin();
  await kadmin.connect();
  try {
    const topic = N.topic('articlesEnriched');
    const ends = await kadmin.fetchTopicOffsets(topic);
    const [committed] = await kadmin.fetchOffsets({ groupId: N.consumerGroup('alerter'), topics: [topic] });
    return ends.every((e) => BigInt(committed.partitions.find((p) => p.partition === e.partition)?.offset ?? '-1') >= BigInt(e.high) || e.high === '0');
  } finally {
    await kadmin.disconnect();
  }
}

const at = (path: string) => received.filter((r) => r.path === path);

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const left = failuresLeft.get(path) ?? 0;
      const status = left > 0 ? 500 : 200;
      if (left > 0) failuresLeft.set(path, left - 1);
      received.push({ path, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'boom');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const kafka = (kafkaClient = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-alerting-ops', logger: quiet }));
  const kadmin = kafka.admin();
  await kadmin.connect();
  await ensureTopics(kadmin, N);
  await kadmin.disconnect();
  publisher = new Publisher(kafka, { logger: quiet });

  const env = stackEnv(ns, {
    MARSAD_ADMIN_KEYS: `operator:${OPERATOR},viewer:${VIEWER}`,
    MARSAD_WEBHOOK_ALLOW_PRIVATE: 'true',
    MARSAD_ALERT_ATTEMPTS: '3',
    MARSAD_ALERT_BACKOFF_MS: '100',
    MARSAD_WEBHOOK_TIMEOUT_MS: '3000',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    LOG_LEVEL: 'info',
  });
  [admin, alerter] = await Promise.all([
    bootstrapAdmin(env, { port: 0, logFile: testLogFile(`${ns}-admin`) }),
    bootstrapAlerter(env, { port: 0, logFile: testLogFile(`${ns}-alerter`) }),
  ]);
  try {
    // The enricher is another engineer's app: use it when present (the full path), else the
    // scenario below that needs it is skipped and the others publish EnrichedArticles directly.
    const mod = await import('../../apps/enricher/src/bootstrap');
    enricher = await mod.bootstrapEnricher(env, { port: 0, logFile: testLogFile(`${ns}-enricher`) });
  } catch (err) {
    // eslint-disable-next-line no-console
    console.warn(`enricher not started (${String(err)}): publishing EnrichedArticles directly`);
  }
  await Promise.all([admin.ready(), alerter.ready()]);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([admin?.close(), alerter?.close(), enricher?.close(), publisher?.disconnect()]);
  await new Promise((r) => receiver?.close(r));
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await cleanup();
});

/** Leave nothing behind on the shared stack: this namespace's topics, index and Redis keys. */
async function cleanup(): Promise<void> {
  const kadmin = kafkaClient.admin();
  await kadmin.connect();
  const topics = (await kadmin.listTopics()).filter((t) => t.startsWith(`${ns}.`));
  if (topics.length) await kadmin.deleteTopics({ topics }).catch(() => undefined);
  await kadmin.disconnect();
  const es = new EsClient({ node: stackEnv(ns).ELASTICSEARCH_URL });
  await es.indices.delete({ index: N.alertsIndex, ignore_unavailable: true }).catch(() => undefined);
  await es.close();
  // BullMQ queue + alerter state live under `marsad-<ns>:`; the enricher's dedup under `marsad:<ns>:`.
  const redis = new Redis(stackEnv(ns).REDIS_URL);
  for (const pattern of [`${N.queuePrefix}:*`, `marsad:${ns}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  redis.disconnect();
}

test('a watch by QUERY fires on a boolean query over title and body, and not otherwise', async () => {
  const watch = await createWatch('Query (e2e)', { query: '"Forest Blizzard" OR (Kaspersky AND ban)', channels: [{ type: 'webhook', url: `${receiverUrl}/query` }] });
  const mk = (slug: string, title: string, body: string) => ({
    url: `https://news.example.com/${slug}-${ns}`,
    source: { name: 'Example News', domain: 'news.example.com' },
    title,
    body,
    language: 'en',
    publishedAt: new Date().toISOString(),
  });
  const articles = [
    mk('fb', 'Forest Blizzard returns', 'Researchers said the group known as Forest Blizzard targeted ministries in three countries this spring.'),
    mk('ban', 'Regulators act on antivirus vendor', 'The commerce department announced a ban on sales of Kaspersky software, citing national security concerns.'),
    mk('miss', 'Kaspersky publishes annual report', 'Kaspersky said revenue grew in the year and that it opened two new offices in Asia.'),
  ];
  const ids: string[] = [];
  for (const a of articles) {
    if (enricher) {
      const r = await api('POST', '/v1/articles', a);
      expect(r.status).toBe(202);
      ids.push(r.json.id);
    } else {
      const id = a.url.split('/').pop()!;
      ids.push(id);
      await publisher.publish(N.topic('articlesEnriched'), id, { ...enriched(id, 'org:none', 'Nobody'), actors: [], title: a.title, body: a.body, url: a.url });
    }
  }
  await waitFor('two query alerts', async () => at('/query').length >= 2, 60_000, 100);
  await new Promise((r) => setTimeout(r, 3000));
  const got = at('/query').map((r) => r.headers['x-marsad-alert-id']).sort();
  expect(got).toEqual([alertId(watch.id, ids[0]), alertId(watch.id, ids[1])].sort());
  for (const r of at('/query')) {
    expect(verifyWebhookSignature(watch.secret, r.headers['x-marsad-signature'] as string, r.raw, 300).ok).toBe(true);
    const p = JSON.parse(r.raw) as WebhookPayload;
    if (p.article.id === ids[0]) expect(p.matched.terms).toEqual(['forest blizzard']);
    else expect(p.matched.terms.sort()).toEqual(['ban', 'kaspersky']);
  }
});

test('a receiver that always fails ends `failed` (log + BullMQ failed job); POST /v1/alerts/:id/retry after the fix delivers exactly once', async () => {
  failuresLeft.set('/down', 1_000_000);
  const watch = await createWatch('Always down (e2e)', { actors: ['org:e2e-down'], channels: [{ type: 'webhook', url: `${receiverUrl}/down` }] });
  const art = enriched(`down-${ns}`, 'org:e2e-down', 'Down Corp');
  await publisher.publish(N.topic('articlesEnriched'), art.id, art);
  const id = alertId(watch.id, art.id);
  const docs = await waitFor('the final failed attempt', async () => {
    const d = await logged(id);
    return d.some((x) => x.status === 'failed') ? d.filter((x) => x.channel === 'webhook') : undefined;
  }, 60_000, 250);
  expect(docs.map((x) => [x.attempt, x.status, x.httpStatus])).toEqual([
    [1, 'retrying', 500],
    [2, 'retrying', 500],
    [3, 'failed', 500],
  ]);
  expect(at('/down')).toHaveLength(3);
  const job = await alerter.queue.getJob(`${id}-c0`);
  await waitFor('the send job in the failed set', async () => (await job!.getState()) === 'failed', 10_000, 100);
  expect(job!.attemptsMade).toBe(3);

  // Visible in the API: latest state per alert id, filtered by watch, status and time.
  const since = new Date(Date.now() - 10 * 60_000).toISOString();
  const list = await api('GET', `/v1/alerts?watch=${watch.id}&status=failed&from=${encodeURIComponent(since)}`, undefined, VIEWER);
  expect(list.status).toBe(200);
  expect(list.json.alerts).toHaveLength(1);
  expect(list.json.alerts[0]).toMatchObject({ alertId: id, watchId: watch.id, status: 'failed', attempts: 3, articleId: art.id });
  expect(list.json.alerts[0].jobs.find((j: any) => j.jobId === `${id}-c0`)).toMatchObject({ status: 'failed', attempt: 3, maxAttempts: 3, httpStatus: 500 });
  expect((await api('GET', '/v1/alerts?status=nope', undefined, VIEWER)).json).toMatchObject({ error: 'validation_failed', field: 'status' });
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
  const after = await waitFor('the alert listed as delivered', async () => {
    const l = await api('GET', `/v1/alerts?watch=${watch.id}`, undefined, VIEWER);
    return l.json.alerts?.[0]?.status === 'delivered' ? l.json.alerts[0] : undefined;
  }, 20_000, 250);
  expect(after.jobs[0]).toMatchObject({ status: 'delivered', retryRound: 1, attempt: 1, httpStatus: 200 });
  expect((await logged(id)).filter((x) => x.channel === 'webhook')).toHaveLength(4); // history kept
});

test('watch edits (PUT changing actors, then disabling) apply without restarting the alerter', async () => {
  const watch = await createWatch('Editable (e2e)', { actors: ['org:e2e-edit-a'], channels: [{ type: 'webhook', url: `${receiverUrl}/edit` }] });
  const a1 = enriched(`edit-a1-${ns}`, 'org:e2e-edit-a', 'Edit A Corp');
  await publisher.publish(N.topic('articlesEnriched'), a1.id, a1);
  await waitFor('alert for actor A', async () => at('/edit').length === 1, 30_000, 100);

  const put = await api('PUT', `/v1/watches/${watch.id}`, { name: 'Editable (e2e)', actors: ['org:e2e-edit-b'], channels: [{ type: 'webhook', url: `${receiverUrl}/edit` }] });
  expect(put.status).toBe(200);
  await waitFor('alerter sees the new actors', async () => alerter.ctx.matcher.get(watch.id)?.actorIds?.includes('org:e2e-edit-b'), 20_000, 100);
  const a2 = enriched(`edit-a2-${ns}`, 'org:e2e-edit-a', 'Edit A Corp');
  const b1 = enriched(`edit-b1-${ns}`, 'org:e2e-edit-b', 'Edit B Corp');
  await publisher.publish(N.topic('articlesEnriched'), a2.id, a2);
  await publisher.publish(N.topic('articlesEnriched'), b1.id, b1);
  await waitFor('alert for actor B', async () => at('/edit').length >= 2, 30_000, 100);
  await waitFor('articles consumed and committed', consumedAll, 30_000, 200);
  await new Promise((r) => setTimeout(r, 1500));
  expect(at('/edit').map((r) => r.headers['x-marsad-alert-id'])).toEqual([alertId(watch.id, a1.id), alertId(watch.id, b1.id)]);
  // The same secret for the same URL: receivers need no change.
  expect(verifyWebhookSignature(watch.secret, at('/edit')[1].headers['x-marsad-signature'] as string, at('/edit')[1].raw, 300).ok).toBe(true);

  const off = await api('PUT', `/v1/watches/${watch.id}`, { name: 'Editable (e2e)', actors: ['org:e2e-edit-b'], enabled: false, channels: [{ type: 'webhook', url: `${receiverUrl}/edit` }] });
  expect(off.status).toBe(200);
  expect(off.json.enabled).toBe(false);
  await waitFor('alerter drops the disabled watch', async () => !alerter.ctx.matcher.has(watch.id), 20_000, 100);
  const b2 = enriched(`edit-b2-${ns}`, 'org:e2e-edit-b', 'Edit B Corp');
  await publisher.publish(N.topic('articlesEnriched'), b2.id, b2);
  await waitFor('article consumed and committed', consumedAll, 30_000, 200);
  await new Promise((r) => setTimeout(r, 2000));
  expect(at('/edit')).toHaveLength(2);
});

test('POST /v1/watches/:id/test delivers a signed test alert through the watch channel', async () => {
  const watch = await createWatch('Test endpoint (e2e)', { actors: ['org:e2e-testhook'], channels: [{ type: 'webhook', url: `${receiverUrl}/testhook` }] });
  expect((await api('POST', `/v1/watches/${watch.id}/test`, {}, VIEWER)).status).toBe(403);
  expect((await api('POST', '/v1/watches/w_nope/test', {})).status).toBe(404);
  const r = await api('POST', `/v1/watches/${watch.id}/test`, {});
  expect(r.status).toBe(202);
  expect(r.json).toMatchObject({ test: true, alertId: expect.stringMatching(/^[0-9a-f]{32}$/), jobs: [{ jobId: `${r.json.alertId}-c0`, name: 'send-webhook', channelIndex: 0 }] });
  const hit = await waitFor('the test webhook', async () => at('/testhook')[0], 30_000, 100);
  expect(hit.headers['x-marsad-alert-id']).toBe(r.json.alertId);
  expect(hit.headers['x-marsad-test']).toBe('true');
  expect(verifyWebhookSignature(watch.secret, hit.headers['x-marsad-signature'] as string, hit.raw, 300).ok).toBe(true);
  const body = JSON.parse(hit.raw);
  expect(body).toMatchObject({ alertId: r.json.alertId, test: true, watch: { id: watch.id, name: 'Test endpoint (e2e)' }, article: { url: expect.stringContaining('marsad.invalid') } });
  const doc = await waitFor('the test delivery logged', async () => (await logged(r.json.alertId)).find((x) => x.status === 'delivered'), 20_000, 250);
  expect(doc).toMatchObject({ kind: 'test', watchId: watch.id, channel: 'webhook' });
});
