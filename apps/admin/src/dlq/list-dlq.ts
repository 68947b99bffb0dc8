import type { KafkaMessage } from 'kafkajs';
import { z } from 'zod';
import { DLQ_STAGES, DlqRecordSchema } from '@marsad/contracts';
import { ValidationFailed } from '../http/errors';
import type { AdminContext } from '../context';
import { formatCursor, parseCursor, type Cursor } from './cursor';
import { readRanges, watermarks, type OffsetRange } from './topic-reader';

const intParam = (def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? String(def) : s))
    .refine((s) => /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max, `must be a whole number between ${min} and ${max}`)
    .transform(Number);

export const ListDlqQuerySchema = z
  .object({
    cursor: z.string().optional(),
    limit: intParam(50, 1, 200),
    stage: z.enum(DLQ_STAGES).optional(),
    /** Characters of the payload shown per record (0 = none). */
    preview: intParam(300, 0, 4096),
  })
  .strict();

export interface DlqEntry {
  partition: number;
  offset: string;
  /** Kafka timestamp of the DLQ record (ISO). */
  timestamp: string;
  key: string | null;
  /** The whole DLQ record's size on the topic. */
  recordBytes: number;
  stage?: string;
  /** Why it failed (operator-readable). */
  error?: string;
  /** Where the original message was. */
  source?: { topic: string; partition: number; offset: string };
  failedAt?: string;
  attempts?: number;
  payloadEncoding?: 'utf8' | 'base64';
  payloadBytes?: number;
  payloadSha256?: string;
  payloadTruncated?: boolean;
  /** First `preview` characters of the payload (as stored: text, or base64). */
  payloadPreview?: string;
  previewTruncated?: boolean;
  /** `partition:offset`, what POST /v1/dlq/replay takes in `records`. */
  ref: string;
  invalid?: string;
}

export interface DlqPage {
  topic: string;
  records: DlqEntry[];
  /** Pass as `cursor` for the next page; null when the page reached the end of every partition. */
  nextCursor: string | null;
  /** Messages per partition from the cursor to the high watermark (at call time). */
  remaining: number;
  partitions: { partition: number; low: string; high: string }[];
  complete: boolean;
}

export function toEntry(partition: number, m: Pick<KafkaMessage, 'offset' | 'timestamp' | 'key' | 'value'>, preview: number): DlqEntry {
  const base: DlqEntry = {
    partition,
    offset: m.offset,
    ref: `${partition}:${m.offset}`,
    timestamp: new Date(Number(m.timestamp)).toISOString(),
    key: m.key ? m.key.toString('utf8') : null,
    recordBytes: m.value?.length ?? 0,
  };
  let rec;
  try {
    rec = DlqRecordSchema.parse(JSON.parse(m.value?.toString('utf8') ?? 'null'));
  } catch {
    return { ...base, invalid: 'not a valid DLQ record' };
  }
  const shown = rec.payload.slice(0, preview);
  return {
    ...base,
    stage: rec.stage,
    error: rec.error,
    source: { topic: rec.topic, partition: rec.partition, offset: rec.offset },
    failedAt: rec.failedAt,
    attempts: rec.attempts,
    payloadEncoding: rec.payloadEncoding,
    payloadBytes: rec.payloadBytes,
    payloadSha256: rec.payloadSha256,
    ...(rec.payloadTruncated ? { payloadTruncated: true } : {}),
    ...(preview > 0 ? { payloadPreview: shown } : {}),
    previewTruncated: shown.length < rec.payload.length,
  };
}

/**
 * One page of the DLQ, oldest first, partition by partition: each partition is read from the
 * cursor (default: its low watermark) up to the high watermark at call time; records are returned
 * with their reason, origin and sizes, and a bounded payload preview (never the whole payload).
 * `nextCursor` resumes after the last record returned (or scanned, when filtering by stage).
 */
export async function listDlq(ctx: AdminContext, query: unknown): Promise<DlqPage> {
  const parsed = ListDlqQuerySchema.safeParse(query ?? {});
  if (!parsed.success) throw ValidationFailed.fromZod(parsed.error);
  const q = parsed.data;
  const c = parseCursor(q.cursor);
  if (!c.ok) throw new ValidationFailed([c.error]);
  const topic = ctx.names.topic('articlesDlq');
  const marks = await watermarks(ctx, topic);
  for (const p of c.value.keys())
    if (!marks.has(p)) throw ValidationFailed.field('cursor', `partition ${p} does not exist (the DLQ has ${marks.size})`);

  const start: Cursor = new Map();
  const ranges = new Map<number, OffsetRange>();
  for (const [p, m] of [...marks].sort(([a], [b]) => a - b)) {
    const from = c.value.get(p) ?? m.low;
    const s = from < m.low ? m.low : from > m.high ? m.high : from;
    start.set(p, s);
    ranges.set(p, { from: s, to: m.high });
  }

  // Read per partition at most `limit` matching records (scan bounded), then fill the page in
  // partition order: partition 0's records first, then 1's...
  const MAX_SCAN = 10_000;
  const got = new Map<number, DlqEntry[]>();
  const scannedTo = new Map<number, bigint>(start);
  const scanned = new Map<number, number>();
  const { complete } = await readRanges(
    ctx,
    topic,
    ranges,
    (p, m) => {
      const l = got.get(p) ?? [];
      got.set(p, l);
      scanned.set(p, (scanned.get(p) ?? 0) + 1);
      scannedTo.set(p, BigInt(m.offset) + 1n);
      const e = toEntry(p, m, q.preview);
      if (!q.stage || e.stage === q.stage) l.push(e);
      return l.length < q.limit && scanned.get(p)! < MAX_SCAN;
    },
    { groupPrefix: ctx.names.consumerGroup('admin-dlq-list') },
  );

  const records: DlqEntry[] = [];
  const next: Cursor = new Map(start);
  for (const p of [...ranges.keys()]) {
    const l = got.get(p) ?? [];
    if (records.length >= q.limit) break; // untouched: next page starts where this one did
    const room = q.limit - records.length;
    if (l.length <= room) {
      records.push(...l);
      next.set(p, scannedTo.get(p)!);
    } else {
      records.push(...l.slice(0, room));
      next.set(p, BigInt(l[room - 1].offset) + 1n);
    }
  }
  let remaining = 0;
  for (const [p, m] of marks) remaining += Number(m.high - (next.get(p) ?? m.low));
  return {
    topic,
    records,
    nextCursor: remaining > 0 ? formatCursor(next) : null,
    remaining,
    partitions: [...marks].sort(([a], [b]) => a - b).map(([p, m]) => ({ partition: p, low: m.low.toString(), high: m.high.toString() })),
    complete,
  };
}
