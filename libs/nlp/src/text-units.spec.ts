import { CodeUnits } from './text-units';

/** The first n units of `u` as an array. */
const head = (u: Uint16Array, n: number) => Array.from(u.subarray(0, n));
const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('CodeUnits (typed-array copy of a string for the per-character loops)', () => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['short ASCII (plain loop)', 'Hello'],
    ['long one-byte (native copy)', 'The minister said on Tuesday. '.repeat(20)],
    ['long two-byte Arabic', 'قال وزير الخارجية إن المحادثات مستمرة. '.repeat(10)],
    ['lone surrogates and a pair kept as they are', 'a\uD800b\uDC00c\uD83D\uDE00d'.repeat(20)],
    ['a cons string', 'x'.repeat(40) + 'ي'.repeat(40)],
  ];
  it.each(cases)('%s: the same code units as charCodeAt', (_name, s) => {
    const cu = new CodeUnits();
    expect(head(cu.of(s), s.length)).toEqual(units(s));
  });

  it('one instance reused: each call gives the units of its own string, longer then shorter', () => {
    const cu = new CodeUnits();
    const long = 'مرصد '.repeat(500);
    expect(head(cu.of(long), long.length)).toEqual(units(long));
    expect(head(cu.of('abc'), 3)).toEqual(units('abc'));
    const mid = 'é'.repeat(100);
    expect(head(cu.of(mid), mid.length)).toEqual(units(mid));
  });

  it('a string past the kept size gets an array of its own', () => {
    const cu = new CodeUnits();
    const big = 'ab\u0644'.repeat(30000); // 90,000 units > 65,536
    const u = cu.of(big);
    expect(u.length).toBeGreaterThanOrEqual(big.length);
    expect(u[0]).toBe(97);
    expect(u[big.length - 1]).toBe(0x0644);
    expect(head(cu.of('xyz'), 3)).toEqual(units('xyz'));
  });
});
