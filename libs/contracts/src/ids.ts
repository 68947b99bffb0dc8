import { createHash } from 'node:crypto';

const TRACKING_PARAM = /^(utm_[a-z0-9_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref_src)$/i;
const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Canonical form of an article URL, so that a re-scrape maps to the same id: lower-case scheme
 * and host, no fragment, no default port, no tracking parameters, sorted query. Strings that are
 * not absolute URLs (any non-empty url is accepted) are only trimmed.
 */
export function canonicalUrl(raw: string): string {
  const s = raw.trim();
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return s;
  }
  u.hash = '';
  if (DEFAULT_PORT[u.protocol] === u.port) u.port = '';
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAM.test(k));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = '';
  for (const [k, v] of params) u.searchParams.append(k, v);
  // URL already lower-cases scheme and host.
  return u.toString();
}

export function sha256Hex(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Article id: first 32 hex chars (128 bits) of SHA-256 of the canonical URL. */
export function articleIdFromUrl(url: string): string {
  return sha256Hex(canonicalUrl(url)).slice(0, 32);
}

/** Alert id: digest of watch id and article id (no `:`, usable as BullMQ job id). */
export function alertId(watchId: string, articleId: string): string {
  return sha256Hex(`alert\u0000${watchId}\u0000${articleId}`).slice(0, 32);
}

/** Digest id: digest of watch id and the window it covers (e.g. its start as ISO time). */
export function digestId(watchId: string, window: string): string {
  return sha256Hex(`digest\u0000${watchId}\u0000${window}`).slice(0, 32);
}
