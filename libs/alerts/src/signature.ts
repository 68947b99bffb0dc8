import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, Stripe-style: `X-Marsad-Signature: t=<unix seconds>,v1=<hex>` where
 * `v1 = lower-case hex HMAC-SHA256(secret, "<t>.<raw body>")`. Signing the timestamp with the body
 * lets a receiver reject replays: a captured request re-sent later carries a stale `t`, and
 * changing `t` breaks the MAC.
 */
export const SIGNATURE_HEADER = 'X-Marsad-Signature';
export const ALERT_ID_HEADER = 'X-Marsad-Alert-Id';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function computeSignature(secret: string, rawBody: string | Buffer, t: number): string {
  return createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');
}

/** Header value for `rawBody` signed at unix time `t` (seconds; defaults to now). */
export function signWebhook(secret: string, rawBody: string | Buffer, t: number = Math.floor(Date.now() / 1000)): string {
  if (!Number.isInteger(t) || t < 0) throw new Error('signature timestamp must be a non-negative integer (unix seconds)');
  return `t=${t},v1=${computeSignature(secret, rawBody, t)}`;
}

export type VerifyResult = { ok: true; t: number } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** Parses `t=...,v1=...[,v1=...]`; several v1 values are allowed (secret rotation). */
export function parseSignatureHeader(header: string | undefined | null): { t: number; v1: string[] } | undefined {
  if (!header || typeof header !== 'string') return undefined;
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k === 't') {
      if (!/^\d{1,12}$/.test(v)) return undefined;
      t = Number(v);
    } else if (k === 'v1' && /^[0-9a-f]{64}$/.test(v)) v1.push(v);
  }
  if (t === undefined || v1.length === 0) return undefined;
  return { t, v1 };
}

/**
 * Checks a signature the way a receiver should: parse, refuse a timestamp further than
 * `toleranceSeconds` from now (either direction: replays and clock abuse), then compare the MAC in
 * constant time. `nowSeconds` is injectable for tests.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined | null,
  rawBody: string | Buffer,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): VerifyResult {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - parsed.t) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(computeSignature(secret, rawBody, parsed.t), 'hex');
  let match = false;
  for (const candidate of parsed.v1) {
    // Both are 32 bytes (64 hex chars checked by the parser), so timingSafeEqual never throws.
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) match = true;
  }
  return match ? { ok: true, t: parsed.t } : { ok: false, reason: 'mismatch' };
}
