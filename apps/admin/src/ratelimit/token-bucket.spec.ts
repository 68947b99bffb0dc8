import { TokenBucketLimiter } from './token-bucket';
import { isRateLimited, rateLimitKey } from './rate-limit.middleware';

describe('TokenBucketLimiter', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  test('allows a burst of `capacity`, then refuses with the time to the next token', () => {
    const c = clock();
    const l = TokenBucketLimiter.perMinute(3, { now: c.now });
    expect([l.take('a'), l.take('a'), l.take('a')].map((r) => r.allowed)).toEqual([true, true, true]);
    const r = l.take('a');
    expect(r).toMatchObject({ allowed: false, remaining: 0, limit: 3 });
    expect(r.retryAfterMs).toBe(20_000); // 3 per minute = one token every 20 s
  });

  test('refills continuously at capacity per window', () => {
    const c = clock();
    const l = TokenBucketLimiter.perMinute(60, { now: c.now });
    for (let i = 0; i < 60; i++) expect(l.take('k').allowed).toBe(true);
    expect(l.take('k').allowed).toBe(false);
    c.advance(999);
    expect(l.take('k').allowed).toBe(false);
    c.advance(1);
    expect(l.take('k').allowed).toBe(true);
    c.advance(10 * 60_000);
    expect(l.take('k').remaining).toBe(59); // never above capacity
  });

  test('keys are independent', () => {
    const c = clock();
    const l = TokenBucketLimiter.perMinute(1, { now: c.now });
    expect(l.take('a').allowed).toBe(true);
    expect(l.take('a').allowed).toBe(false);
    expect(l.take('b').allowed).toBe(true);
  });

  test('a clock going backwards adds no tokens', () => {
    const c = clock();
    const l = TokenBucketLimiter.perMinute(1, { now: c.now });
    l.take('a');
    c.advance(-30_000);
    expect(l.take('a').allowed).toBe(false);
  });

  test('memory stays bounded: idle (full) buckets are swept first', () => {
    const c = clock();
    const l = new TokenBucketLimiter({ capacity: 2, windowMs: 1000, maxKeys: 10, now: c.now });
    for (let i = 0; i < 10; i++) l.take(`k${i}`);
    c.advance(1000); // all full again
    l.take('new');
    expect(l.size).toBe(1);
    for (let i = 0; i < 30; i++) l.take(`busy${i}`);
    expect(l.size).toBeLessThanOrEqual(10);
  });

  test('rejects nonsense options', () => {
    expect(() => new TokenBucketLimiter({ capacity: 0, windowMs: 1000 })).toThrow();
    expect(() => new TokenBucketLimiter({ capacity: 1, windowMs: 0 })).toThrow();
  });
});

describe('rate-limit scope and key', () => {
  test.each([
    ['/v1/status', true],
    ['/V1/watches', true],
    ['/v1', true],
    ['/health/ready', false],
    ['/metrics', false],
    ['/docs', false],
    ['/docs-json', false],
    ['/v10/x', false],
  ])('%s limited: %s', (path, limited) => expect(isRateLimited(path)).toBe(limited));

  test('keyed by the API key fingerprint, else the client address', () => {
    expect(rateLimitKey({ principal: { role: 'viewer', keyId: 'ab12cd34' } as never, ip: '10.0.0.1', socket: {} as never })).toBe(
      'key:ab12cd34',
    );
    expect(rateLimitKey({ ip: '10.0.0.1', socket: {} as never })).toBe('ip:10.0.0.1');
  });
});
