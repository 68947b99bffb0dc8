import type { Admin } from 'kafkajs';
import type { Queue } from 'bullmq';
import { errorFields } from '@marsad/observability';
import type { AdminContext } from '../context';

export interface GroupLag {
  service: string;
  groupId: string;
  topic: string;
  lag: number | null;
  partitions: { partition: number; committed: string | null; high: string; lag: number }[];
  error?: string;
}

/** Which consumer group reads which topic (per service). */
const CONSUMERS: { service: string; topic: 'articlesRaw' | 'articlesEnriched' }[] = [
  { service: 'enricher', topic: 'articlesRaw' },
  { service: 'indexer', topic: 'articlesEnriched' },
  { service: 'alerter', topic: 'articlesEnriched' },
];

async function groupLag(admin: Admin, groupId: string, topic: string): Promise<Omit<GroupLag, 'service'>> {
  const ends = await admin.fetchTopicOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const partitions = ends.map((e) => {
    const c = committed?.partitions.find((p) => p.partition === e.partition)?.offset;
    const from = c !== undefined && c !== '-1' ? BigInt(c) : BigInt(e.low);
    const lag = Number(BigInt(e.high) - from);
    return { partition: e.partition, committed: c !== undefined && c !== '-1' ? c : null, high: e.high, lag: Math.max(0, lag) };
  });
  return { groupId, topic, lag: partitions.reduce((n, p) => n + p.lag, 0), partitions };
}

/**
 * Operator view of the pipeline: consumer lag per service (committed offsets vs high watermarks),
 * DLQ depth, watches, and the alerts queue. Every part is bounded and reports its own error, so a
 * status call answers even while a dependency is down.
 */
export async function pipelineStatus(ctx: AdminContext, queue: () => Queue): Promise<Record<string, unknown>> {
  const admin = ctx.kafka.admin({ retry: { retries: 1 } });
  const out: Record<string, unknown> = { namespace: ctx.config.MARSAD_NAMESPACE ?? null, time: new Date().toISOString() };
  try {
    await admin.connect();
    out.consumers = await Promise.all(
      CONSUMERS.map(async ({ service, topic }) => {
        const groupId = ctx.names.consumerGroup(service);
        try {
          return { service, ...(await groupLag(admin, groupId, ctx.names.topic(topic))) };
        } catch (err) {
          return { service, groupId, topic: ctx.names.topic(topic), lag: null, partitions: [], error: (err as Error).message };
        }
      }),
    );
    try {
      const dlq = await admin.fetchTopicOffsets(ctx.names.topic('articlesDlq'));
      out.dlq = { topic: ctx.names.topic('articlesDlq'), messages: dlq.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0) };
    } catch (err) {
      out.dlq = { error: (err as Error).message };
    }
  } catch (err) {
    out.kafka = { error: (err as Error).message };
    ctx.logger.warn('status: Kafka unavailable', errorFields(err));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  out.watches = { count: ctx.watches.size, enabled: ctx.watches.values().filter((w) => w.enabled).length, caughtUp: ctx.watches.caughtUp };
  try {
    out.alertsQueue = await Promise.race([
      queue().getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
      new Promise((_, rej) => setTimeout(() => rej(new Error('Redis did not answer within 2000 ms')), 2000).unref()),
    ]);
  } catch (err) {
    out.alertsQueue = { error: (err as Error).message };
  }
  return out;
}
