import { z } from 'zod';
import { DLQ_STAGES, DlqRecordSchema } from '@marsad/contracts';
import { uniqueGroupId, type OutboundMessage } from '@marsad/messaging';
import { errorFields, fulfilledWithin } from '@marsad/observability';
import { ValidationFailed } from '../http/errors';
import type { AdminContext } from '../context';
import { parseRecordRefs } from './cursor';

const RecordRef = z.union([
  z.string().regex(/^\d{1,6}:\d{1,19}$/, 'must be "partition:offset", e.g. "0:12"'),
  z
    .object({
      partition: z.number().int().nonnegative(),
      offset: z.union([z.string().regex(/^\d{1,19}$/), z.number().int().nonnegative()]),
    })
    .transform((r) => `${r.partition}:${r.offset}`),
]);

export const ReplayRequestSchema = z
  .object({
    stage: z.enum(DLQ_STAGES).optional(),
    /** Resume point per DLQ partition (the `nextOffsets` of a previous replay); default: earliest. */
    fromOffsets: z
      .record(z.string().regex(/^\d+$/, 'must be a partition number'), z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]))
      .optional(),
    /** Replay only these records (`"partition:offset"`, as GET /v1/dlq shows in `ref`); default: all. */
    records: z.array(RecordRef).min(1, 'needs at least one "partition:offset"').max(10_000).optional(),
    limit: z.number().int().min(1).max(10_000).default(1000),
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((r) => !(r.records && r.fromOffsets), {
    message: 'give either "records" (selected) or "fromOffsets" (all from a resume point), not both',
    path: ['records'],
  });

export interface ReplayResult {
  dlqTopic: string;
  scanned: number;
  matched: number;
  replayed: number;
  skipped: { partition: number; offset: string; reason: string }[];
  /** Where the next replay should start (pass as `fromOffsets`) so nothing is replayed twice. */
  nextOffsets: Record<string, string>;
  complete: boolean;
  dryRun: boolean;
  /** Selected records (`records`) that are not on the DLQ (outside its watermarks). */
  notFound?: string[];
}

const MAX_SKIPPED_LISTED = 100;

/**
 * Replays DLQ records: republishes each record's original payload to its original topic (the raw
 * or enriched article topic of this namespace), keyed as before, with a `marsad-replayed-from`
 * header. Reads the DLQ from `fromOffsets` (default: the beginning) up to the high watermarks at
 * the time of the call, so records that fail again during the replay are not picked up by it.
 * Returns `nextOffsets` to resume from: a second call with them replays only newer records.
 * Truncated payloads cannot be replayed and are listed as skipped. Downstream is idempotent
 * (article id, alert id), so replaying a record twice is harmless, only wasteful.
 */
export async function replayDlq(ctx: AdminContext, body: unknown, timeoutMs = 30_000): Promise<ReplayResult> {
  const parsed = ReplayRequestSchema.safeParse(body ?? {});
  if (!parsed.success) throw ValidationFailed.fromZod(parsed.error);
  const req = parsed.data;
  let selected: Map<number, Set<bigint>> | undefined;
  if (req.records) {
    const refs = parseRecordRefs(req.records);
    if (!refs.ok) throw new ValidationFailed([refs.error]);
    selected = refs.value;
  }
  const dlqTopic = ctx.names.topic('articlesDlq');
  const allowedTargets = new Set([ctx.names.topic('articlesRaw'), ctx.names.topic('articlesEnriched')]);

  const admin = ctx.kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(dlqTopic).finally(() => admin.disconnect().catch(() => undefined));
  const start = new Map<number, bigint>();
  const high = new Map<number, bigint>();
  const next: Record<string, string> = {};
  const notFound: string[] = [];
  if (selected) {
    for (const [p, set] of selected) {
      const o = offsets.find((x) => x.partition === p);
      for (const off of set) {
        if (!o || off < BigInt(o.low) || off >= BigInt(o.high)) {
          notFound.push(`${p}:${off}`);
          set.delete(off);
        }
      }
    }
  }
  for (const p of offsets) {
    if (selected) {
      // Selected replay: read each partition only over the span of its selected offsets.
      const set = selected.get(p.partition);
      if (!set?.size) continue;
      const sorted = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      start.set(p.partition, sorted[0]);
      high.set(p.partition, sorted[sorted.length - 1] + 1n);
      next[String(p.partition)] = sorted[0].toString();
      continue;
    }
    const from = req.fromOffsets?.[String(p.partition)];
    const s = from !== undefined ? BigInt(from) : BigInt(p.low);
    const begin = s < BigInt(p.low) ? BigInt(p.low) : s;
    start.set(p.partition, begin);
    high.set(p.partition, BigInt(p.high));
    next[String(p.partition)] = (begin > BigInt(p.high) ? BigInt(p.high) : begin).toString();
  }
  const pending = new Set([...start.keys()].filter((p) => start.get(p)! < high.get(p)!));
  const result: ReplayResult = {
    dlqTopic,
    scanned: 0,
    matched: 0,
    replayed: 0,
    skipped: [],
    nextOffsets: next,
    complete: pending.size === 0,
    dryRun: req.dryRun,
    ...(selected ? { notFound } : {}),
  };
  if (!pending.size) return result;

  const consumer = ctx.kafka.consumer({
    groupId: uniqueGroupId(ctx.names.consumerGroup('admin-dlq-replay')),
    maxWaitTimeInMs: 200,
    allowAutoTopicCreation: false,
  });
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  let limitHit = false;
  const skip = (partition: number, offset: string, reason: string) => {
    if (result.skipped.length < MAX_SKIPPED_LISTED) result.skipped.push({ partition, offset, reason });
  };
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [dlqTopic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const p = batch.partition;
        if (!pending.has(p) || limitHit) return;
        const out = new Map<string, OutboundMessage[]>();
        let last: bigint | undefined;
        for (const m of batch.messages) {
          const off = BigInt(m.offset);
          if (off < start.get(p)!) continue;
          if (off >= high.get(p)!) break;
          if (selected && !selected.get(p)?.has(off)) continue;
          if (result.replayed + [...out.values()].reduce((n, l) => n + l.length, 0) >= req.limit) {
            limitHit = true;
            break;
          }
          result.scanned++;
          last = off;
          let rec;
          try {
            rec = DlqRecordSchema.parse(JSON.parse(m.value?.toString('utf8') ?? 'null'));
          } catch {
            skip(p, m.offset, 'not a valid DLQ record');
            continue;
          }
          if (req.stage && rec.stage !== req.stage) continue;
          result.matched++;
          if (rec.payloadTruncated) {
            skip(p, m.offset, 'payload was truncated when dead-lettered: cannot replay');
            continue;
          }
          if (!allowedTargets.has(rec.topic)) {
            skip(p, m.offset, `original topic ${rec.topic} is not an article topic of this namespace`);
            continue;
          }
          const value = rec.payloadEncoding === 'base64' ? Buffer.from(rec.payload, 'base64') : rec.payload;
          const l = out.get(rec.topic) ?? [];
          l.push({ key: rec.key, value, headers: { 'marsad-replayed-from': `${dlqTopic}/${p}/${m.offset}` } });
          out.set(rec.topic, l);
        }
        if (!req.dryRun) for (const [topic, msgs] of out) await ctx.publisher.send(topic, msgs);
        for (const l of out.values()) result.replayed += l.length;
        if (last !== undefined) next[String(p)] = (last + 1n).toString();
        if (limitHit) {
          pending.delete(p);
        } else if (BigInt(batch.lastOffset()) + 1n >= high.get(p)!) {
          next[String(p)] = high.get(p)!.toString();
          pending.delete(p);
        }
        if (limitHit || !pending.size) finish();
      },
    });
    // Start each partition at its resume point (messages before it are skipped anyway).
    for (const p of pending) {
      try {
        consumer.seek({ topic: dlqTopic, partition: p, offset: start.get(p)!.toString() });
      } catch {
        /* not assigned yet: the offset filter above still applies */
      }
    }
    result.complete = (await fulfilledWithin(finished, timeoutMs)) && !limitHit;
  } catch (err) {
    ctx.logger.error('DLQ replay failed', errorFields(err));
    throw err;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  ctx.logger.info('DLQ replay', {
    selected: selected ? [...selected.values()].reduce((n, s) => n + s.size, 0) : null,
    scanned: result.scanned,
    matched: result.matched,
    replayed: result.replayed,
    skipped: result.skipped.length,
    complete: result.complete,
    dryRun: req.dryRun,
    stage: req.stage ?? null,
  });
  return result;
}
