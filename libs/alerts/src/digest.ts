import { digestId as computeDigestId, type Watch, type WebhookPayload } from '@marsad/contracts';
import type { RenderedEmail } from './email';

/**
 * A digest groups the alerts of one watch over a time window into one delivery (for watches with
 * `digest: { everyMinutes }`). Its id is digestId(watch id, window start ISO) — the BullMQ job id
 * and the X-Marsad-Alert-Id of the delivery. The webhook body is this object, signed like an alert.
 */
export interface DigestPayload {
  digestId: string;
  watch: { id: string; name: string };
  window: { start: string; end: string };
  count: number;
  alerts: WebhookPayload[];
  firedAt: string;
  /** Set when the digest carries alerts over a watch's throttle (folded, never dropped). */
  reason?: 'throttle';
}

export interface DigestWindow {
  start: string;
  end: string;
  /** Milliseconds from `now` to the end of the window. */
  remainingMs: number;
}

/** Fixed windows aligned on the epoch: every replica computes the same window for the same time. */
export function digestWindow(everyMinutes: number, now = Date.now()): DigestWindow {
  const size = Math.max(1000, Math.round(everyMinutes * 60_000));
  const start = Math.floor(now / size) * size;
  return { start: new Date(start).toISOString(), end: new Date(start + size).toISOString(), remainingMs: start + size - now };
}

export const MAX_DIGEST_ALERTS = 200;

export function buildDigestPayload(
  watch: Pick<Watch, 'id' | 'name'>,
  window: { start: string; end: string },
  alerts: WebhookPayload[],
  firedAt: Date | string = new Date(),
  reason?: 'throttle',
): DigestPayload {
  // One entry per alert id (the caller files one alert per story), oldest first.
  const unique = [...new Map(alerts.map((a) => [a.alertId, a])).values()];
  const sorted = unique.sort((a, b) => (a.firedAt < b.firedAt ? -1 : a.firedAt > b.firedAt ? 1 : a.alertId.localeCompare(b.alertId)));
  return {
    ...(reason ? { reason } : {}),
    digestId: computeDigestId(watch.id, window.start),
    watch: { id: watch.id, name: watch.name },
    window,
    count: sorted.length,
    alerts: sorted.slice(0, MAX_DIGEST_ALERTS),
    firedAt: typeof firedAt === 'string' ? firedAt : firedAt.toISOString(),
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export function renderDigestEmail(d: DigestPayload): RenderedEmail {
  const subject = oneLine(`[Marsad] ${d.watch.name}: ${d.count} new article${d.count === 1 ? '' : 's'} (digest)`).slice(0, 250);
  const items = d.alerts.map((a) => ({
    title: oneLine(a.article.title || a.article.url),
    url: a.article.url,
    source: a.article.source.name,
  }));
  const text = [
    `Watch: ${d.watch.name} (${d.watch.id})`,
    `Window: ${d.window.start} – ${d.window.end}`,
    '',
    ...items.map((i) => `- ${i.title} (${i.source})\n  ${i.url}`),
    d.count > items.length ? `… and ${d.count - items.length} more` : '',
    '',
    `Digest id: ${d.digestId}`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>Watch <strong>${esc(d.watch.name)}</strong>: ${d.count} new article${d.count === 1 ? '' : 's'} between ${esc(d.window.start)} and ${esc(d.window.end)}.</p>`,
    '<ul>',
    ...items.map((i) => `<li dir="auto"><a href="${esc(i.url)}">${esc(i.title)}</a> — ${esc(i.source)}</li>`),
    '</ul>',
    `<p style="color:#777;font-size:small">Digest ${esc(d.digestId)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text: text + '\n', html };
}
