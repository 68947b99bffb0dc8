import type { FieldError } from '@marsad/contracts';

/**
 * DLQ paging cursor: the next offset to read per partition, written `partition:offset` joined by
 * commas (`0:120,1:0,2:37`) — readable, and the same partition/offset vocabulary as replay.
 * Partitions absent from a cursor start at their low watermark.
 */
export type Cursor = Map<number, bigint>;

export function parseCursor(s: string | undefined, field = 'cursor'): { ok: true; value: Cursor } | { ok: false; error: FieldError } {
  const out: Cursor = new Map();
  if (s === undefined || s.trim() === '') return { ok: true, value: out };
  for (const part of s.split(',')) {
    const m = /^\s*(\d{1,6}):(\d{1,19})\s*$/.exec(part);
    if (!m) return { ok: false, error: { field, message: `"${part.trim()}" is not "partition:offset" (e.g. 0:120,1:0)` } };
    const p = Number(m[1]);
    if (out.has(p)) return { ok: false, error: { field, message: `partition ${p} appears twice` } };
    out.set(p, BigInt(m[2]));
  }
  return { ok: true, value: out };
}

export function formatCursor(c: Cursor): string {
  return [...c.entries()]
    .sort(([a], [b]) => a - b)
    .map(([p, o]) => `${p}:${o}`)
    .join(',');
}

/**
 * A selection of DLQ records for replay: `["0:12", "1:3"]` (or `{ partition, offset }` objects,
 * normalised by the request schema). Returns them grouped per partition, de-duplicated.
 */
export function parseRecordRefs(
  refs: string[],
  field = 'records',
): { ok: true; value: Map<number, Set<bigint>> } | { ok: false; error: FieldError } {
  const out = new Map<number, Set<bigint>>();
  for (const [i, r] of refs.entries()) {
    const m = /^\s*(\d{1,6}):(\d{1,19})\s*$/.exec(r);
    if (!m) return { ok: false, error: { field: `${field}[${i}]`, message: `"${r}" is not "partition:offset"` } };
    const p = Number(m[1]);
    const set = out.get(p) ?? new Set<bigint>();
    set.add(BigInt(m[2]));
    out.set(p, set);
  }
  return { ok: true, value: out };
}
