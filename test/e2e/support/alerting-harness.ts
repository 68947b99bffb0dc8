/**
 * What the alerting e2e suites share: admin + alerter (+ the enricher) in-process on one fresh
 * MARSAD_NAMESPACE against the real stack, a real HTTP webhook receiver (with programmable
 * failures) and a real SMTP server, helpers to call the API and read the delivery log, and a
 * cleanup that leaves nothing on the shared stack.
 */
import http from 'node:http';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { names, SCHEMA_VERSION, type EnrichedArticle, type Names } from '@marsad/contracts';
import { createKafka, ensureTopics, Publisher } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { bootstrapAdmin, type AdminHandle } from '../../../apps/admin/src/bootstrap';
import { bootstrapAlerter, type AlerterHandle } from '../../../apps/alerter/src/bootstrap';
import { stackEnv, testLogFile, testNamespace, waitFor } from './env';
import { removeNamespace } from './cleanup';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  status: number;
}

export interface AlertingHarnessOptions {
  /** Namespace prefix and Kafka client id of the suite. */
  prefix: string;
  clientId: string;
  operatorKey: string;
  viewerKey: string;
  /** Delivery attempts and base backoff, small so failure paths finish quickly. */
  attempts: number;
  backoffMs: number;
}

const quiet = createLogger('e2e', 'error');

/** An EnrichedArticle mentioning one actor twice, for tests that publish past the enricher. */
export function enrichedArticle(id: string, actorId: string, actorName: string): EnrichedArticle {
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
    actors: [
      {
        id: actorId,
        name: actorName,
        type: 'organization',
        mentions: [
          { text: actorName, start: 0, end: actorName.length },
          { text: actorName, start: body.lastIndexOf(actorName), end: body.lastIndexOf(actorName) + actorName.length },
        ],
      },
    ],
    claims: [],
    dedup: { fingerprint: `fp-${id}`, clusterId: `cl-${id}` },
    enrichedAt: new Date().toISOString(),
    enrichmentVersion: 'e2e',
  };
}

export class AlertingHarness {
  readonly ns: string;
  readonly N: Names;
  admin!: AdminHandle;
  alerter!: AlerterHandle;
  enricher: { close(): Promise<void> } | undefined;
  receiverUrl!: string;
  publisher!: Publisher;
  /** Every request the webhook receiver got, in order. */
  readonly received: Received[] = [];
  readonly mails: { to: string[]; raw: string }[] = [];
  /** path → how many more requests to answer 500 before 200. */
  readonly failuresLeft = new Map<string, number>();
  private kafkaClient!: ReturnType<typeof createKafka>;
  private receiver?: http.Server;
  private smtp?: SMTPServer;

  constructor(private readonly opts: AlertingHarnessOptions) {
    this.ns = testNamespace(opts.prefix);
    this.N = names(this.ns);
  }

  /** Requests to `path` on the receiver. */
  at = (path: string): Received[] => this.received.filter((r) => r.path === path);

  api = async (
    method: string,
    path: string,
    body?: unknown,
    key: string = this.opts.operatorKey,
  ): Promise<{ status: number; json: any }> => {
    const res = await fetch(`http://127.0.0.1:${this.admin.port}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };

  /** POST /v1/watches, then wait until the alerter's view has it. */
  createWatch = async (name: string, spec: Record<string, unknown>): Promise<{ id: string; secret: string }> => {
    const r = await this.api('POST', '/v1/watches', { name, ...spec });
    expect(r.status).toBe(201);
    expect(typeof r.json.secret).toBe('string');
    const id = r.json.id as string;
    await waitFor(`alerter sees watch ${id}`, async () => this.alerter.ctx.matcher.has(id), 20000, 100);
    return { id, secret: r.json.secret };
  };

  /** The delivery log documents of one alert (ES index marsad-alerts, namespaced). */
  logged = async (id: string): Promise<Array<Record<string, any>>> => {
    await this.alerter.ctx.es.indices.refresh({ index: this.N.alertsIndex }).catch(() => undefined);
    const r = await this.alerter.ctx.es.search({
      index: this.N.alertsIndex,
      size: 50,
      query: { term: { alertId: id } },
      sort: [{ attemptedAt: 'asc' }],
    });
    return r.hits.hits.map((h) => h._source as Record<string, any>);
  };

  /** True when the alerter's consumer group has committed everything on the enriched topic. */
  consumedAll = async (): Promise<boolean> => {
    const kadmin = this.kafkaClient.admin();
    await kadmin.connect();
    try {
      const topic = this.N.topic('articlesEnriched');
      const ends = await kadmin.fetchTopicOffsets(topic);
      const [committed] = await kadmin.fetchOffsets({ groupId: this.N.consumerGroup('alerter'), topics: [topic] });
      return ends.every(
        (e) => BigInt(committed.partitions.find((p) => p.partition === e.partition)?.offset ?? '-1') >= BigInt(e.high) || e.high === '0',
      );
    } finally {
      await kadmin.disconnect();
    }
  };

  async start(): Promise<void> {
    const receiver = (this.receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const left = this.failuresLeft.get(path) ?? 0;
        const status = left > 0 ? 500 : 200;
        if (left > 0) this.failuresLeft.set(path, left - 1);
        this.received.push({ path, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'boom');
      });
    }));
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    this.receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    const mails = this.mails;
    const smtp = (this.smtp = new SMTPServer({
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
    }));
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    const kafka = (this.kafkaClient = createKafka({
      brokers: [stackEnv(this.ns).KAFKA_BROKERS],
      clientId: this.opts.clientId,
      logger: quiet,
    }));
    const kadmin = kafka.admin();
    await kadmin.connect();
    await ensureTopics(kadmin, this.N);
    await kadmin.disconnect();
    this.publisher = new Publisher(kafka, { logger: quiet });

    const env = stackEnv(this.ns, {
      MARSAD_ADMIN_KEYS: `operator:${this.opts.operatorKey},viewer:${this.opts.viewerKey}`,
      MARSAD_WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
      MARSAD_ALERT_ATTEMPTS: String(this.opts.attempts),
      MARSAD_ALERT_BACKOFF_MS: String(this.opts.backoffMs),
      MARSAD_WEBHOOK_TIMEOUT_MS: '3000',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LOG_LEVEL: 'info',
    });
    [this.admin, this.alerter] = await Promise.all([
      bootstrapAdmin(env, { port: 0, logFile: testLogFile(`${this.ns}-admin`) }),
      bootstrapAlerter(env, { port: 0, logFile: testLogFile(`${this.ns}-alerter`) }),
    ]);
    const { bootstrapEnricher } = await import('../../../apps/enricher/src/bootstrap');
    this.enricher = await bootstrapEnricher(env, { port: 0, logFile: testLogFile(`${this.ns}-enricher`) });
    await Promise.all([this.admin.ready(), this.alerter.ready()]);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.admin?.close(), this.alerter?.close(), this.enricher?.close(), this.publisher?.disconnect()]);
    await new Promise((r) => (this.receiver ? this.receiver.close(r) : r(undefined)));
    await new Promise<void>((r) => (this.smtp ? this.smtp.close(() => r()) : r()));
    await removeNamespace(this.ns, this.kafkaClient);
  }
}
