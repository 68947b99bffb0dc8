import { alertId as computeAlertId, type Claim, type EnrichedArticle, type Watch, type WebhookPayload } from '@marsad/contracts';
import type { Match } from './matcher';
import type { DigestPayload } from './digest';

export const MAX_PAYLOAD_CLAIMS = 20;

/**
 * Claims worth sending with an alert: those spoken by, or about, a matched actor; when the watch
 * matched on keywords only (no actors), the article's claims. Capped to keep the payload small.
 */
export function relevantClaims(article: EnrichedArticle, match: Pick<Match, 'actors'>): Claim[] {
  const claims = article.claims ?? [];
  if (!match.actors.length) return claims.slice(0, MAX_PAYLOAD_CLAIMS);
  const ids = new Set(match.actors.map((a) => a.id));
  return claims
    .filter((c) => (c.speaker.actorId && ids.has(c.speaker.actorId)) || (c.actorIds ?? []).some((id) => ids.has(id)))
    .slice(0, MAX_PAYLOAD_CLAIMS);
}

/** The webhook body, exactly the shape docs/architecture.md fixes (and nothing else). */
export function buildWebhookPayload(
  watch: Pick<Watch, 'id' | 'name'>,
  article: EnrichedArticle,
  match: Pick<Match, 'actors' | 'terms'>,
  firedAt: Date | string = new Date(),
): WebhookPayload {
  const a: WebhookPayload['article'] = {
    id: article.id,
    url: article.url,
    language: article.language,
    source: article.source,
  };
  if (article.title !== undefined) a.title = article.title;
  if (article.publishedAt !== undefined) a.publishedAt = article.publishedAt;
  return {
    alertId: computeAlertId(watch.id, article.id),
    watch: { id: watch.id, name: watch.name },
    article: a,
    matched: { actors: match.actors.map((x) => ({ id: x.id, name: x.name })), terms: [...match.terms] },
    claims: relevantClaims(article, match),
    firedAt: typeof firedAt === 'string' ? firedAt : firedAt.toISOString(),
  };
}

/** Serialises the payload once: the exact bytes signed are the bytes sent. */
export function serializePayload(p: WebhookPayload | DigestPayload): string {
  return JSON.stringify(p);
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
