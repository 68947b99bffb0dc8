import { createHmac } from 'node:crypto';
import { parseSignatureHeader, signWebhook, verifyWebhookSignature } from './signature';

describe('webhook signature', () => {
  const secret = 'whsec_0123456789abcdef';
  const body = JSON.stringify({ alertId: 'abc', text: 'كاسبرسكي' });
  const t = 1_800_000_000;

  it('signs "<t>.<raw body>" with HMAC-SHA256 as t=<unix>,v1=<hex>', () => {
    const header = signWebhook(secret, body, t);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('verifies a fresh signature', () => {
    expect(verifyWebhookSignature(secret, signWebhook(secret, body, t), body, 300, t + 10)).toEqual({ ok: true, t });
  });

  it('rejects a tampered body, a wrong secret and a forged timestamp', () => {
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(secret, header, body + ' ', 300, t)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature('another-secret-123456', header, body, 300, t)).toEqual({ ok: false, reason: 'mismatch' });
    const forged = header.replace(`t=${t}`, `t=${t + 5}`);
    expect(verifyWebhookSignature(secret, forged, body, 300, t + 5)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects replays: a timestamp outside the tolerance, in either direction', () => {
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(secret, header, body, 300, t + 300).ok).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, 300, t + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(secret, header, body, 300, t - 301)).toEqual({ ok: false, reason: 'stale' });
  });

  it('rejects malformed headers without throwing', () => {
    for (const h of [
      undefined,
      '',
      'garbage',
      't=abc,v1=00',
      `t=${t}`,
      `v1=${'a'.repeat(64)}`,
      `t=${t},v1=${'z'.repeat(64)}`,
      `t=${t},v1=${'a'.repeat(63)}`,
    ]) {
      expect(verifyWebhookSignature(secret, h, body, 300, t).ok).toBe(false);
    }
  });

  it('accepts any of several v1 values (secret rotation) and works on Buffers', () => {
    const good = signWebhook(secret, Buffer.from(body), t).split(',')[1];
    const header = `t=${t},v1=${'0'.repeat(64)},${good}`;
    expect(parseSignatureHeader(header)?.v1).toHaveLength(2);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), 300, t).ok).toBe(true);
  });
});
