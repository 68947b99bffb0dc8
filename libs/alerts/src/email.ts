import type { WebhookPayload } from '@marsad/contracts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** E-mail rendering of an alert: subject `[Marsad] <watch>: <title>`, plain text and HTML parts. */
export function renderAlertEmail(p: WebhookPayload): RenderedEmail {
  const title = oneLine(p.article.title || p.article.url);
  const subject = oneLine(`[Marsad] ${p.watch.name}: ${title}`).slice(0, 250);
  const actors = p.matched.actors.map((a) => a.name).join(', ');
  const terms = p.matched.terms.join(', ');
  const lines = [
    `Watch: ${p.watch.name} (${p.watch.id})`,
    `Article: ${title}`,
    `URL: ${p.article.url}`,
    `Source: ${p.article.source.name}${p.article.source.domain ? ` (${p.article.source.domain})` : ''}`,
    `Language: ${p.article.language}`,
    p.article.publishedAt ? `Published: ${p.article.publishedAt}` : undefined,
    actors ? `Matched actors: ${actors}` : undefined,
    terms ? `Matched terms: ${terms}` : undefined,
    ...(p.claims.length ? ['', 'Claims:', ...p.claims.map((c) => `- ${c.speaker.name} ${c.verb}: "${c.text}"`)] : []),
    '',
    `Alert id: ${p.alertId}`,
    `Fired at: ${p.firedAt}`,
  ].filter((l): l is string => l !== undefined);
  const dir = /^(ar|fa|ur|he)$/.test(p.article.language) ? 'rtl' : 'ltr';
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>Watch <strong>${esc(p.watch.name)}</strong> fired.</p>`,
    `<h2 dir="${dir}"><a href="${esc(p.article.url)}">${esc(title)}</a></h2>`,
    '<ul>',
    `<li>Source: ${esc(p.article.source.name)}</li>`,
    `<li>Language: ${esc(p.article.language)}</li>`,
    p.article.publishedAt ? `<li>Published: ${esc(p.article.publishedAt)}</li>` : '',
    actors ? `<li>Matched actors: ${esc(actors)}</li>` : '',
    terms ? `<li>Matched terms: ${esc(terms)}</li>` : '',
    '</ul>',
    p.claims.length
      ? `<h3>Claims</h3><ul dir="${dir}">${p.claims.map((c) => `<li><strong>${esc(c.speaker.name)}</strong> ${esc(c.verb)}: &ldquo;${esc(c.text)}&rdquo;</li>`).join('')}</ul>`
      : '',
    `<p style="color:#777;font-size:small">Alert ${esc(p.alertId)} &middot; ${esc(p.firedAt)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text: lines.join('\n') + '\n', html };
}
