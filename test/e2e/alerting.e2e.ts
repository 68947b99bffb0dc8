/**
 * Alerting path end to end, against the real Kafka, Redis and Elasticsearch:
 * POST /v1/watches (admin) → marsad.watches → alerter view; POST /v1/articles → raw → enricher
 * (in-process) → enriched → alerter → BullMQ `alerts` → signed webhook to a real HTTP receiver.
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

jest.setTimeout(90_000);

const OPERATOR = 'operator-key-e2e-alerting';
const ns = testNamespace('al');
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

  const kafka = (kafkaClient = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-alerting', logger: quiet }));
  const kadmin = kafka.admin();
  await kadmin.connect();
  await ensureTopics(kadmin, N);
  await kadmin.disconnect();
  publisher = new Publisher(kafka, { logger: quiet });

  const env = stackEnv(ns, {
    MARSAD_ADMIN_KEYS: `operator:${OPERATOR},viewer:viewer-key-e2e-alerting`,
    MARSAD_WEBHOOK_ALLOW_PRIVATE: 'true',
    MARSAD_ALERT_ATTEMPTS: '5',
    MARSAD_ALERT_BACKOFF_MS: '200',
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

test('a watch naming an actor + an article mentioning it → exactly one signed webhook with the expected alert id', async () => {
  const watch = await createWatch('Kaspersky (e2e)', { actors: ['Kaspersky'], channels: [{ type: 'webhook', url: `${receiverUrl}/kaspersky` }] });
  const article = {
    url: `https://news.example.com/kaspersky-${ns}`,
    source: { name: 'Example News', domain: 'news.example.com' },
    title: 'Kaspersky warns of a new espionage campaign',
    body: 'Kaspersky said on Monday that a new espionage campaign targeted banks in the region. The company, Kaspersky, published indicators of compromise.',
    language: 'en',
    publishedAt: new Date().toISOString(),
  };
  let articleId: string;
  if (enricher) {
    const r = await api('POST', '/v1/articles', article);
    expect(r.status).toBe(202);
    articleId = r.json.id;
  } else {
    articleId = `kaspersky-${ns}`;
    await publisher.publish(N.topic('articlesEnriched'), articleId, enriched(articleId, 'org:kaspersky-lab', 'Kaspersky'));
  }
  const hits = await waitFor('the webhook', async () => (at('/kaspersky').length ? at('/kaspersky') : undefined), 60_000, 100);
  const hit = hits[0];
  const expectedId = alertId(watch.id, articleId);
  expect(hit.headers['x-marsad-alert-id']).toBe(expectedId);
  expect(hit.headers['content-type']).toBe('application/json');
  expect(verifyWebhookSignature(watch.secret, hit.headers['x-marsad-signature'] as string, hit.raw, 300)).toEqual({ ok: true, t: expect.any(Number) });
  expect(verifyWebhookSignature('wrong-secret-wrong-secret', hit.headers['x-marsad-signature'] as string, hit.raw, 300).ok).toBe(false);
  const payload = JSON.parse(hit.raw) as WebhookPayload;
  expect(Object.keys(payload).sort()).toEqual(['alertId', 'article', 'claims', 'firedAt', 'matched', 'watch']);
  expect(payload.alertId).toBe(expectedId);
  expect(payload.watch).toEqual({ id: watch.id, name: 'Kaspersky (e2e)' });
  expect(payload.article).toMatchObject({ id: articleId, url: expect.stringContaining('kaspersky'), language: 'en' });
  expect(payload.matched.actors.map((a) => a.id)).toContain('org:kaspersky-lab');

  // Each attempt is recorded in the marsad-alerts index, with latency from publishedAt.
  const docs = await waitFor('the delivery log entry', async () => {
    const d = await logged(expectedId);
    return d.some((x) => x.status === 'delivered') ? d : undefined;
  }, 20_000, 250);
  expect(docs.find((x) => x.status === 'delivered')).toMatchObject({ watchId: watch.id, articleId, channel: 'webhook', httpStatus: 200, attempt: 1, latencyMs: expect.any(Number) });

  // Ingesting the same article again (re-scrape: same canonical URL → same id → same alert id).
  if (enricher) expect((await api('POST', '/v1/articles', article)).status).toBe(202);
  await new Promise((r) => setTimeout(r, 2500));
  expect(at('/kaspersky')).toHaveLength(1);
});

test('a redelivered enriched message does not send again (job id = alert id)', async () => {
  const watch = await createWatch('Redelivery (e2e)', { actors: ['org:e2e-redelivery'], channels: [{ type: 'webhook', url: `${receiverUrl}/redelivery` }] });
  const art = enriched(`redeliv-${ns}`, 'org:e2e-redelivery', 'Redelivery Corp');
  await publisher.publish(N.topic('articlesEnriched'), art.id, art);
  await waitFor('first delivery', async () => at('/redelivery').length === 1, 30_000, 100);
  // The same message again (what Kafka does after a crash before commit or a rebalance).
  await publisher.publish(N.topic('articlesEnriched'), art.id, art);
  await publisher.publish(N.topic('articlesEnriched'), art.id, art);
  const id = alertId(watch.id, art.id);
  // Wait until the alerter has consumed the redeliveries (its group's committed offsets reach the end).
  await waitFor('redeliveries consumed and committed', consumedAll, 30_000, 200);
  await new Promise((r) => setTimeout(r, 1500));
  expect(at('/redelivery')).toHaveLength(1);
  expect(at('/redelivery')[0].headers['x-marsad-alert-id']).toBe(id);
  const job = await alerter.queue.getJob(id);
  expect(job?.id).toBe(id);
  expect(await job?.isCompleted()).toBe(true);
});

test('a receiver answering 500 twice then 200 gets exactly one successful delivery, same alert id throughout', async () => {
  failuresLeft.set('/flaky', 2);
  const watch = await createWatch('Flaky receiver (e2e)', { actors: ['org:e2e-flaky'], channels: [{ type: 'webhook', url: `${receiverUrl}/flaky` }] });
  const art = enriched(`flaky-${ns}`, 'org:e2e-flaky', 'Flaky Corp');
  await publisher.publish(N.topic('articlesEnriched'), art.id, art);
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
  const docs = await waitFor('three logged attempts', async () => {
    const d = await logged(id);
    return d.filter((x) => x.channel === 'webhook').length >= 3 ? d.filter((x) => x.channel === 'webhook') : undefined;
  }, 20_000, 250);
  expect(docs.map((x) => [x.attempt, x.status, x.httpStatus])).toEqual([
    [1, 'retrying', 500],
    [2, 'retrying', 500],
    [3, 'delivered', 200],
  ]);
});

test('a near-duplicate of a story already alerted does not alert again for that watch (one alert per watch and cluster)', async () => {
  const watch = await createWatch('Dedup (e2e)', { actors: ['org:e2e-dedup'], channels: [{ type: 'webhook', url: `${receiverUrl}/dedup` }] });
  const a = enriched(`dup-a-${ns}`, 'org:e2e-dedup', 'Dedup Corp');
  const b = { ...enriched(`dup-b-${ns}`, 'org:e2e-dedup', 'Dedup Corp'), dedup: { fingerprint: 'fp-b', clusterId: a.dedup.clusterId, duplicateOf: a.id } };
  const c = enriched(`dup-c-${ns}`, 'org:e2e-dedup', 'Dedup Corp'); // another story
  await publisher.publish(N.topic('articlesEnriched'), a.id, a);
  await waitFor('first story alert', async () => at('/dedup').length === 1, 30_000, 100);
  await publisher.publish(N.topic('articlesEnriched'), b.id, b);
  await publisher.publish(N.topic('articlesEnriched'), c.id, c);
  await waitFor('the other story alert', async () => at('/dedup').length >= 2, 30_000, 100);
  await waitFor('redeliveries consumed and committed', consumedAll, 30_000, 200);
  await new Promise((r) => setTimeout(r, 1500));
  expect(at('/dedup').map((r) => r.headers['x-marsad-alert-id'])).toEqual([alertId(watch.id, a.id), alertId(watch.id, c.id)]);
  const suppressed = await waitFor('suppression logged', async () => (await logged(alertId(watch.id, b.id))).find((x) => x.status === 'suppressed'), 20_000, 250);
  expect(suppressed.reason).toContain(alertId(watch.id, a.id));
});

test('e-mail channel: text + HTML message with the subject "[Marsad] <watch>: <title>"', async () => {
  const watch = await createWatch('Mail watch', { actors: ['org:e2e-mail'], channels: [{ type: 'email', to: ['analyst@example.com'] }, { type: 'webhook', url: `${receiverUrl}/mail-and-hook` }] });
  const art = enriched(`mail-${ns}`, 'org:e2e-mail', 'Mail Corp');
  await publisher.publish(N.topic('articlesEnriched'), art.id, art);
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
  const watch = await createWatch('Digest (e2e)', { actors: ['org:e2e-digest'], digest: { everyMinutes }, channels: [{ type: 'webhook', url: `${receiverUrl}/digest` }] });
  // Start early in a window so both articles land in the same one.
  const into = Date.now() % size;
  if (into > size / 3) await new Promise((r) => setTimeout(r, size - into + 50));
  const windowStart = new Date(Math.floor(Date.now() / size) * size).toISOString();
  const a = enriched(`dig-a-${ns}`, 'org:e2e-digest', 'Digest Corp');
  const b = enriched(`dig-b-${ns}`, 'org:e2e-digest', 'Digest Corp');
  await publisher.publish(N.topic('articlesEnriched'), a.id, a);
  await publisher.publish(N.topic('articlesEnriched'), b.id, b);
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
  const watch = await createWatch('Throttle (e2e)', { actors: ['org:e2e-throttle'], throttle: { max: 1, perMinutes }, channels: [{ type: 'webhook', url: `${receiverUrl}/throttle` }] });
  const into = Date.now() % size;
  if (into > size / 4) await new Promise((r) => setTimeout(r, size - into + 50));
  const windowStart = new Date(Math.floor(Date.now() / size) * size).toISOString();
  const a = enriched(`thr-a-${ns}`, 'org:e2e-throttle', 'Throttle Corp');
  const b = enriched(`thr-b-${ns}`, 'org:e2e-throttle', 'Throttle Corp');
  const c = enriched(`thr-c-${ns}`, 'org:e2e-throttle', 'Throttle Corp');
  // A syndicated copy of b (same story): never a second entry.
  const bCopy = { ...enriched(`thr-b2-${ns}`, 'org:e2e-throttle', 'Throttle Corp'), dedup: { fingerprint: 'fp-b2', clusterId: b.dedup.clusterId, duplicateOf: b.id } };
  await publisher.publish(N.topic('articlesEnriched'), a.id, a);
  await waitFor('first alert (within the limit)', async () => at('/throttle').length === 1, 30_000, 100);
  expect(at('/throttle')[0].headers['x-marsad-alert-id']).toBe(alertId(watch.id, a.id));
  await publisher.publish(N.topic('articlesEnriched'), b.id, b);
  await publisher.publish(N.topic('articlesEnriched'), c.id, c);
  const folded = await waitFor('throttled alerts logged as folded', async () => {
    const [lb, lc] = [await logged(alertId(watch.id, b.id)), await logged(alertId(watch.id, c.id))];
    const fb = lb.find((x) => x.status === 'folded');
    const fc = lc.find((x) => x.status === 'folded');
    return fb && fc ? [fb, fc] : undefined;
  }, 20_000, 250);
  const id = digestId(watch.id, windowStart);
  for (const f of folded) {
    expect(f.reason).toMatch(/throttled/);
    expect(f.digestId).toBe(id);
  }
  await publisher.publish(N.topic('articlesEnriched'), bCopy.id, bCopy);
  await waitFor('the copy suppressed as the same story', async () => (await logged(alertId(watch.id, bCopy.id))).find((x) => x.status === 'suppressed'), 20_000, 250);
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
