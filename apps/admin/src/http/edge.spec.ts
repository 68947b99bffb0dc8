import { WatchInputSchema } from '@marsad/contracts';
import { MAX_JSON_DEPTH, tooDeep } from './edge';

describe('JSON depth bound', () => {
  const nest = (d: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < d; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };
  it('accepts up to the limit and names the path of the first value past it', () => {
    expect(tooDeep({ metadata: nest(MAX_JSON_DEPTH - 1) })).toBeUndefined();
    expect(tooDeep({ metadata: nest(MAX_JSON_DEPTH + 1) })).toMatch(/^metadata\.a\[0\]\.a/);
  });
  it('is iterative: 100,000 levels do not overflow the stack', () => {
    const deep = JSON.parse('{"a":['.repeat(100_000) + '1' + ']}'.repeat(100_000));
    expect(tooDeep(deep)).toBeDefined();
  });
});

describe('watch numbers are finite and in range (1e309 parses to Infinity)', () => {
  const base = { name: 'w', query: 'x', channels: [{ type: 'email', to: ['a@b.example'] }] };
  it.each([
    ['throttle.perMinutes', { throttle: { max: 1, perMinutes: Infinity } }],
    ['throttle.perMinutes', { throttle: { max: 1, perMinutes: 1e9 } }],
    ['throttle.max', { throttle: { max: 1e12, perMinutes: 1 } }],
    ['digest.everyMinutes', { digest: { everyMinutes: Infinity } }],
    ['digest.everyMinutes', { digest: { everyMinutes: NaN } }],
    ['minMentions', { minMentions: Infinity }],
  ])('%s', (field, extra) => {
    const r = WatchInputSchema.safeParse({ ...base, ...extra });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path.join('.')).toBe(field);
  });
  it('accepts a year of minutes', () => {
    expect(WatchInputSchema.safeParse({ ...base, throttle: { max: 5, perMinutes: 525_600 }, digest: { everyMinutes: 60 } }).success).toBe(
      true,
    );
  });
});
