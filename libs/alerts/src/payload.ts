import { alertId as computeAlertId, type Claim, type EnrichedArticle, type Watch, type WebhookPayload } from '@marsad/contracts';
import type { Match } from './matcher';
import type { DigestPayload } from './digest';

export const MAX_PAYLOAD_CLAIMS = 20;

/** What an alert's payload reads of its article (the alerter keeps only this after matching). */
export type PayloadArticle = Pick<EnrichedArticle, 'id' | 'url' | 'language' | 'source' | 'title' | 'publishedAt' | 'claims'>;

/**
 * Claims worth sending with an alert: those spoken by, or about, a matched actor; when the watch
 * matched on keywords only (no actors), the article's claims. Capped to keep the payload small.
 */
export function relevantClaims(article: PayloadArticle, match: Pick<Match, 'actors'>): Claim[] {
  const claims = article.claims ?? [];
  if (!match.actors.length) return claims.slice(0, MAX_PAYLOAD_CLAIMS);
  const ids = new Set(match.actors.map((a) => a.id));
  return claims
    .filter((c) => (c.speaker.actorId && ids.has(c.speaker.actorId)) || (c.actorIds ?? []).some((id) => ids.has(id)))
    .slice(0, MAX_PAYLOAD_CLAIMS);
}

function articleBlock(article: PayloadArticle): WebhookPayload['article'] {
  const a: WebhookPayload['article'] = {
    id: article.id,
    url: article.url,
    language: article.language,
    source: article.source,
  };
  if (article.title !== undefined) a.title = article.title;
  if (article.publishedAt !== undefined) a.publishedAt = article.publishedAt;
  return a;
}

/** The webhook body, exactly the shape docs/architecture.md fixes (and nothing else). */
export function buildWebhookPayload(
  watch: Pick<Watch, 'id' | 'name'>,
  article: PayloadArticle,
  match: Pick<Match, 'actors' | 'terms'>,
  firedAt: Date | string = new Date(),
): WebhookPayload {
  return {
    alertId: computeAlertId(watch.id, article.id),
    watch: { id: watch.id, name: watch.name },
    article: articleBlock(article),
    matched: { actors: match.actors.map((x) => ({ id: x.id, name: x.name })), terms: [...match.terms] },
    claims: relevantClaims(article, match),
    firedAt: typeof firedAt === 'string' ? firedAt : firedAt.toISOString(),
  };
}

/** Serialises the payload once: the exact bytes signed are the bytes sent. */
export function serializePayload(p: WebhookPayload | DigestPayload): string {
  return JSON.stringify(p);
}

/** Serialises the webhook bodies of one article's alerts (see `webhookBodies`). */
export type WebhookBodyWriter = (
  watch: Pick<Watch, 'id' | 'name'>,
  match: Pick<Match, 'actors' | 'terms'>,
  firedAt: Date | string,
  alertId?: string,
) => string;

/**
 * The serialised parts of one article's webhook bodies: the article block (once per article), the
 * claims block (once per set of matched actors) and the matched block (per alert). `webhookBody`
 * joins them with the alert's own fields; packed `send-webhooks` batches carry them apart, so an
 * article block and a claims block go into a job once however many of its alerts the batch holds.
 */
export interface WebhookBodyParts {
  article(): string;
  claims(match: Pick<Match, 'actors'>): string;
  matched(match: Pick<Match, 'actors' | 'terms'>): string;
}

/**
 * A webhook body from its parts, byte for byte `serializePayload(buildWebhookPayload(...))` (the
 * key order of WebhookPayload). The one place that lays the body out: the intake's bodies and the
 * worker's unpacked batches both come through here.
 */
export function webhookBody(
  alertId: string,
  watch: Pick<Watch, 'id' | 'name'>,
  articleJson: string,
  matchedJson: string,
  claimsJson: string,
  firedAt: string,
): string {
  return (
    `{"alertId":${JSON.stringify(alertId)},"watch":${JSON.stringify({ id: watch.id, name: watch.name })},` +
    `"article":${articleJson},"matched":${matchedJson},"claims":${claimsJson},"firedAt":${JSON.stringify(firedAt)}}`
  );
}

/** The body parts of one article's alerts, each serialised once (see WebhookBodyParts). */
export function webhookBodyParts(article: PayloadArticle): WebhookBodyParts {
  let articleJson: string | undefined;
  const claimsJson = new Map<string, string>();
  const claimJson = new Map<Claim, string>();
  const one = (c: Claim) => {
    let j = claimJson.get(c);
    if (j === undefined) claimJson.set(c, (j = JSON.stringify(c)));
    return j;
  };
  return {
    article: () => (articleJson ??= JSON.stringify(articleBlock(article))),
    // relevantClaims depends on the set of matched actor ids only (it keeps the article's order);
    // each claim is serialised once per article (an array's JSON is its items' joined by ",").
    claims: (match) => {
      const key = match.actors.length ? `a${match.actors.map((x) => x.id).join('\u0000')}` : '';
      let claims = claimsJson.get(key);
      if (claims === undefined) claimsJson.set(key, (claims = `[${relevantClaims(article, match).map(one).join(',')}]`));
      return claims;
    },
    matched: (match) => JSON.stringify({ actors: match.actors.map((x) => ({ id: x.id, name: x.name })), terms: [...match.terms] }),
  };
}

/**
 * The webhook bodies of one article's alerts, each byte for byte
 * `serializePayload(buildWebhookPayload(watch, article, match, firedAt))`, without building the
 * payload objects: the article block is serialised once per article, the claims block once per set
 * of matched actors (keyword watches all share one), and only the watch, the matched actors and
 * terms, the alert id and the time per alert. An article matches ~8.6 watches in the bench
 * workload, so this saves most of the serialising (and its garbage) of the intake (ADR 0020, fifth
 * session). payload.spec.ts compares the bytes with the builder's.
 */
export function webhookBodies(article: PayloadArticle): WebhookBodyWriter {
  const parts = webhookBodyParts(article);
  return (watch, match, firedAt, alertId = computeAlertId(watch.id, article.id)) =>
    webhookBody(
      alertId,
      watch,
      parts.article(),
      parts.matched(match),
      parts.claims(match),
      typeof firedAt === 'string' ? firedAt : firedAt.toISOString(),
    );
}

/** A webhook body for a test alert: the normal shape plus `test: true`. */
export type TestWebhookPayload = WebhookPayload & { test: true };

/**
 * The synthetic alert sent by `POST /v1/watches/:id/test`: the same shape, signature and headers as
 * a real alert (plus `test: true` and the `X-Marsad-Test: true` header), about a made-up article on
 * `marsad.invalid`, so a receiver can check its verification end to end without waiting for news.
 */
export function buildTestPayload(
  watch: Pick<Watch, 'id' | 'name' | 'actors' | 'actorIds' | 'query'>,
  alertId: string,
  now: Date = new Date(),
): TestWebhookPayload {
  const actors = (watch.actorIds ?? []).map((id, i) => ({ id, name: watch.actors?.[i] ?? id }));
  return {
    alertId,
    watch: { id: watch.id, name: watch.name },
    article: {
      id: `test-${alertId}`,
      url: `https://marsad.invalid/test/${alertId}`,
      title: `[TEST] Marsad test alert for watch "${watch.name}"`,
      language: 'en',
      publishedAt: now.toISOString(),
      source: { name: 'Marsad (test)', domain: 'marsad.invalid' },
    },
    matched: { actors, terms: [] },
    claims: [],
    firedAt: now.toISOString(),
    test: true,
  };
}
