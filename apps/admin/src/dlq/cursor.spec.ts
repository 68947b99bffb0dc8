import { formatCursor, parseCursor, parseRecordRefs } from './cursor';

describe('DLQ cursor', () => {
  test('parses partition:offset lists and formats them back sorted', () => {
    const r = parseCursor('2:37, 0:120,1:0');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.value]).toEqual([
      [2, 37n],
      [0, 120n],
      [1, 0n],
    ]);
    expect(formatCursor(r.value)).toBe('0:120,1:0,2:37');
  });

  test('empty or absent → start of every partition', () => {
    expect(parseCursor(undefined)).toEqual({ ok: true, value: new Map() });
    expect(parseCursor('  ')).toEqual({ ok: true, value: new Map() });
  });

  test('offsets beyond 2^53 survive (bigint)', () => {
    const r = parseCursor('0:9007199254740993');
    expect(r.ok && r.value.get(0)).toBe(9007199254740993n);
  });

  test.each(['0', '0:', ':5', 'a:1', '0:-1', '0:1;1:2', '0:1,0:2', '1:2,'])('rejects %j naming the field', (s) => {
    const r = parseCursor(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('cursor');
  });
});

describe('record references for selected replay', () => {
  test('groups per partition and de-duplicates', () => {
    const r = parseRecordRefs(['0:5', '1:2', '0:7', '0:5']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.value.get(0)!]).toEqual([5n, 7n]);
    expect([...r.value.get(1)!]).toEqual([2n]);
  });

  test('names the bad item by index', () => {
    const r = parseRecordRefs(['0:5', 'x']);
    expect(r).toEqual({ ok: false, error: { field: 'records[1]', message: expect.stringContaining('partition:offset') } });
  });
});
