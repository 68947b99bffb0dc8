import type { WebhookPayload } from '@marsad/contracts';
import type { DigestPayload } from './digest';
import { webhookBody } from './payload';

/**
 * Jobs on the BullMQ queue `alerts`, typed per job name. There is no job per (watch, article): the
 * alerter's Kafka intake decides every match of a chunk itself (decideAlerts: already decided?
 * near-duplicate of a story already alerted for the watch? digest or throttle?) in a few Redis round
 * trips and enqueues only what must be delivered (ADR 0020).
 * - `send-webhooks`: up to SEND_BATCH webhook deliveries of one chunk, each tried once (one job,
 *   not one per delivery: a BullMQ job costs the alerter more CPU than the POST itself). Each
 *   delivery is claimed in Redis first, so one that another batch already made is not made twice.
 *   A delivery that fails is handed over to its own `send-webhook` job (from attempt 2, after the
 *   first backoff), which is what the retries, the failed set and `POST /v1/alerts/:id/retry` see.
 * - `send-webhook` / `send-email`: one per (alert, channel), job id = `<alertId>-c<index>`;
 *   retried with jittered exponential backoff. Secrets and addresses are read from the current
 *   watch at send time, so they never sit in Redis. Completed ones are kept 7 days: their ids keep
 *   a handed-over delivery from being enqueued twice. E-mails, digests and test alerts always use
 *   these.
 * - `digest`: for watches with `digest` (and throttled alerts over the limit), the decide step files
 *   the alert under the watch's current window (Redis hash) and schedules one delayed `digest` job
 *   per window (job id = digestId), which sends all the window's alerts as one delivery.
 */
export interface SendJobData {
  /** The alert id, or the digest id for a digest delivery. */
  alertId: string;
  watchId: string;
  channelIndex: number;
  payload: WebhookPayload | DigestPayload;
  /** When the article was published (else fetched; a digest: its oldest article), for delivery latency. */
  articleTime?: string;
  /** A test alert (POST /v1/watches/:id/test): sent even to a disabled watch, logged as kind `test`. */
  test?: boolean;
  /** Bumped by each manual retry (POST /v1/alerts/:id/retry), so its attempts log under new ids. */
  retryRound?: number;
  /** Attempts already made in a `send-webhooks` batch before this job took the delivery over. */
  attemptOffset?: number;
}
/**
 * One webhook delivery of a `send-webhooks` batch: the body serialised by the intake (signed and
 * sent byte for byte: no payload object to (de)serialise per delivery in the job, no stringify per
 * POST) and the few fields the delivery log needs. A failed one is handed over to a `send-webhook`
 * job with the payload parsed back from `body` (ADR 0020, fifth session).
 */
export interface WebhookDelivery {
  alertId: string;
  watchId: string;
  channelIndex: number;
  /** The serialised WebhookPayload. */
  body: string;
  watchName: string;
  articleId: string;
  articleUrl: string;
  articleTitle?: string;
  /** As SendJobData.articleTime. */
  articleTime?: string;
}
/**
 * Webhook deliveries of one chunk, each tried once (see `send-webhooks` above). A batch enqueued by
 * an alerter before the fifth session of ADR 0020 carries SendJobData (with `payload`); both are read.
 */
export interface SendBatchJobData {
  deliveries: (WebhookDelivery | SendJobData)[];
}

export function isWebhookDelivery(d: WebhookDelivery | SendJobData): d is WebhookDelivery {
  // Not `typeof body`: an unpacked packed delivery builds its body on each read (below).
  return (d as SendJobData).payload === undefined;
}

/**
 * A packed `send-webhooks` batch (ADR 0020, seventh session): the same deliveries as
 * SendBatchJobData, with what the alerts of one article share written once per batch instead of
 * once per delivery: the article block of the body, the claims blocks, the log's article fields and
 * the fired time. `unpackWebhookBatch` rebuilds each delivery's body byte for byte. Written only when
 * MARSAD_ALERT_PACKED_BATCHES is on: an alerter from before this format cannot read it (its key is
 * `items`, not `deliveries`, so such a replica fails the job, which BullMQ retries, rather than
 * mistaking the deliveries for something else). Every release since reads both.
 */
export interface PackedSendBatchJobData {
  packed: 1;
  articles: PackedArticle[];
  /** Serialised claims blocks, each shared by the deliveries that point at it. */
  claims: string[];
  items: PackedDelivery[];
}
export interface PackedArticle {
  id: string;
  url: string;
  title?: string;
  /** As SendJobData.articleTime. */
  time?: string;
  /** The serialised article block of the body. */
  json: string;
  /** The alerts' `firedAt` (one per article: its alerts were decided together). */
  firedAt: string;
}
export interface PackedDelivery {
  alertId: string;
  watchId: string;
  channelIndex: number;
  watchName: string;
  /** Index into `articles`. */
  a: number;
  /** Index into `claims`. */
  c: number;
  /** The serialised matched block of the body. */
  matched: string;
}

export function isPackedBatch(d: SendBatchJobData | PackedSendBatchJobData): d is PackedSendBatchJobData {
  return (d as PackedSendBatchJobData).packed === 1;
}

/** One delivery to pack: its log fields, its article (shared object per article) and its body parts. */
export interface PackableDelivery {
  alertId: string;
  watchId: string;
  channelIndex: number;
  watchName: string;
  article: PackedArticle;
  claims: string;
  matched: string;
}

/** Packs a batch: each article (by identity) and each claims block (by value) once. */
export function packWebhookBatch(ds: readonly PackableDelivery[]): PackedSendBatchJobData {
  const articles: PackedArticle[] = [];
  const claims: string[] = [];
  const articleIndex = new Map<PackedArticle, number>();
  const claimsIndex = new Map<string, number>();
  const items = ds.map((d): PackedDelivery => {
    let a = articleIndex.get(d.article);
    if (a === undefined) articleIndex.set(d.article, (a = articles.push(d.article) - 1));
    let c = claimsIndex.get(d.claims);
    if (c === undefined) claimsIndex.set(d.claims, (c = claims.push(d.claims) - 1));
    return { alertId: d.alertId, watchId: d.watchId, channelIndex: d.channelIndex, watchName: d.watchName, a, c, matched: d.matched };
  });
  return { packed: 1, articles, claims, items };
}

/** A delivery as an unpacked batch carries it: its whole body and its log fields. */
export function unpackedDelivery(d: PackableDelivery): WebhookDelivery {
  const a = d.article;
  const w: WebhookDelivery = {
    alertId: d.alertId,
    watchId: d.watchId,
    channelIndex: d.channelIndex,
    body: webhookBody(d.alertId, { id: d.watchId, name: d.watchName }, a.json, d.matched, d.claims, a.firedAt),
    watchName: d.watchName,
    articleId: a.id,
    articleUrl: a.url,
  };
  if (a.title) w.articleTitle = a.title;
  if (a.time) w.articleTime = a.time;
  return w;
}

/**
 * A delivery of a packed batch. Its body is built from the batch's parts each time it is read (once
 * for the POST; again only for a hand-over), not held: a batch's deliveries live across its POSTs
 * (up to the webhook timeout each), and 50 bodies held that long are promoted to the old generation.
 */
class PackedWebhookDelivery implements WebhookDelivery {
  readonly alertId: string;
  readonly watchId: string;
  readonly channelIndex: number;
  readonly watchName: string;
  readonly articleId: string;
  readonly articleUrl: string;
  readonly articleTitle?: string;
  readonly articleTime?: string;
  readonly #article: PackedArticle;
  readonly #claims: string;
  readonly #matched: string;
  constructor(x: PackedDelivery, article: PackedArticle, claims: string) {
    this.alertId = x.alertId;
    this.watchId = x.watchId;
    this.channelIndex = x.channelIndex;
    this.watchName = x.watchName;
    this.articleId = article.id;
    this.articleUrl = article.url;
    if (article.title) this.articleTitle = article.title;
    if (article.time) this.articleTime = article.time;
    this.#article = article;
    this.#claims = claims;
    this.#matched = x.matched;
  }
  get body(): string {
    const a = this.#article;
    return webhookBody(this.alertId, { id: this.watchId, name: this.watchName }, a.json, this.#matched, this.#claims, a.firedAt);
  }
}

/** The deliveries of a packed batch; each body, when read, byte for byte as the intake would have written it. */
export function unpackWebhookBatch(d: PackedSendBatchJobData): WebhookDelivery[] {
  return d.items.map((x) => {
    const article = d.articles[x.a];
    const claims = d.claims[x.c];
    if (!article || claims === undefined)
      throw new Error(
        `packed send-webhooks batch is corrupt: delivery ${x.alertId}-c${x.channelIndex} points at article ${x.a} / claims ${x.c}, which it does not hold`,
      );
    return new PackedWebhookDelivery(x, article, claims);
  });
}
/** A digest window's alert as filed by the decide step (Redis hash value, JSON). */
export interface FiledAlert {
  payload: WebhookPayload;
  articleTime?: string;
}
/** Closes a digest window: collects the window's alerts and fans out one send per channel. */
export interface DigestJobData {
  digestId: string;
  watchId: string;
  window: { start: string; end: string };
  /** `digest` (the watch's digest mode) or `throttle` (alerts over the throttle's max, folded). */
  reason?: 'digest' | 'throttle';
}
export interface AlertJobs {
  'send-webhooks': SendBatchJobData | PackedSendBatchJobData;
  'send-webhook': SendJobData;
  'send-email': SendJobData;
  digest: DigestJobData;
}
export type AlertJobName = keyof AlertJobs;
export const ALERT_JOB_NAMES: readonly AlertJobName[] = ['send-webhooks', 'send-webhook', 'send-email', 'digest'];

export function isDigestPayload(p: WebhookPayload | DigestPayload): p is DigestPayload {
  return (p as DigestPayload).digestId !== undefined;
}

export type JobHandler<D> = (data: D, ctx: { attemptsMade: number; jobId: string; maxAttempts: number }) => Promise<unknown>;
export type AlertJobHandlers = { [K in AlertJobName]: JobHandler<AlertJobs[K]> };

/** Fails at start-up when a job name has no handler (instead of at the first job of that kind). */
export function assertHandlers(
  handlers: Partial<Record<string, unknown>>,
  names: readonly string[] = ALERT_JOB_NAMES,
): asserts handlers is AlertJobHandlers {
  const missing = names.filter((n) => typeof handlers[n] !== 'function');
  if (missing.length) throw new Error(`no handler for alert job name(s): ${missing.join(', ')}`);
}

export const sendJobId = (alertId: string, channelIndex: number) => `${alertId}-c${channelIndex}`;

/** Webhook deliveries per `send-webhooks` job. */
export const SEND_BATCH = 50;

/** Channel indexes tried when looking up the send jobs of an alert (a watch has few channels). */
export const MAX_CHANNELS_LOOKUP = 16;
