import type { KafkaMessage } from 'kafkajs';
import { uniqueGroupId } from '@marsad/messaging';
import type { AdminContext } from '../context';
import { fulfilledWithin } from '@marsad/observability';

/** Half-open offset range [from, to) of one partition. */
export interface OffsetRange {
  from: bigint;
  to: bigint;
}

/**
 * Reads the given offset ranges of a topic (no commits: a throw-away consumer group, like the
 * compacted views), calling `visit` for each message in offset order per partition. `visit`
 * returns false when it has seen enough of that partition. Resolves `{ complete: false }` when
 * `timeoutMs` passes first (the caller reports what it has).
 */
export async function readRanges(
  ctx: AdminContext,
  topic: string,
  ranges: Map<number, OffsetRange>,
  visit: (partition: number, message: KafkaMessage) => boolean | void,
  opts: { timeoutMs?: number; groupPrefix?: string } = {},
): Promise<{ complete: boolean }> {
  const pending = new Set([...ranges].filter(([, r]) => r.from < r.to).map(([p]) => p));
  if (!pending.size) return { complete: true };
  const consumer = ctx.kafka.consumer({
    groupId: uniqueGroupId(opts.groupPrefix ?? ctx.names.consumerGroup('admin-reader')),
    maxWaitTimeInMs: 200,
    allowAutoTopicCreation: false,
  });
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const p = batch.partition;
        const r = ranges.get(p);
        if (!r || !pending.has(p)) return;
        for (const m of batch.messages) {
          const off = BigInt(m.offset);
          if (off < r.from) continue;
          if (off >= r.to || visit(p, m) === false || off + 1n >= r.to) {
            pending.delete(p);
            break;
          }
        }
        if (pending.has(p) && BigInt(batch.highWatermark) <= r.from) pending.delete(p); // nothing left to read (compacted / deleted)
        if (!pending.size) finish();
      },
    });
    // Start each partition at its range (messages before it are skipped anyway).
    for (const p of pending) {
      try {
        consumer.seek({ topic, partition: p, offset: ranges.get(p)!.from.toString() });
      } catch {
        /* not assigned yet: the offset filter above still applies */
      }
    }
    return { complete: await fulfilledWithin(finished, opts.timeoutMs ?? 20_000) };
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** Low and high watermarks per partition. */
export async function watermarks(ctx: AdminContext, topic: string): Promise<Map<number, { low: bigint; high: bigint }>> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
