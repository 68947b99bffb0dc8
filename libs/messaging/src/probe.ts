import type { Kafka, KafkaMessage } from 'kafkajs';
import { errorMessage } from './errors';
import { toInbound, type InboundMessage } from './message';

/** Outcome of reading one partition at one offset on its own. */
export type ProbeResult =
  | { readable: true; messages: InboundMessage[]; high: bigint }
  | { readable: false; error: string; errorName: string }
  | { readable: 'unknown'; error: string };

/** Errors that say nothing about the data (the broker or the network is away): never a wedge. */
export function isTransientKafkaError(err: unknown): boolean {
  const e = err as { name?: string; retriable?: boolean; code?: string; cause?: unknown; originalError?: unknown };
  if (!e) return false;
  if (/Connection|Timeout|BrokerNotFound|NoBrokerAvailable|Rebalanc|NotCoordinator|LeaderNotAvailable|Metadata/i.test(e.name ?? ''))
    return true;
  if (e.code && /^E(CONN|HOST|NET|PIPE|TIMEDOUT|AI_AGAIN|NOTFOUND)/.test(e.code)) return true;
  if (e.retriable === true && e.name !== 'KafkaJSNumberOfRetriesExceeded') return true;
  const inner = e.cause ?? e.originalError;
  return inner ? isTransientKafkaError(inner) : false;
}

interface ClusterLike {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  refreshMetadata(): Promise<void>;
  findLeaderForPartitions(topic: string, partitions: number[]): Record<string, number[]>;
  findBroker(q: { nodeId: string }): Promise<{
    fetch(req: unknown): Promise<{
      responses: {
        topicName: string;
        partitions: { partition: number; errorCode: number; highWatermark: string; messages: KafkaMessage[] }[];
      }[];
    }>;
  }>;
}

/**
 * Reads ONE partition at ONE offset, one record batch at a time (a Fetch for that partition alone
 * with a 1-byte limit: since KIP-74 the broker still returns the first whole batch). kafkajs
 * decodes a whole fetch response at once and its error names no partition, so this is how the
 * runner finds which partition and offset a consumer cannot read. Uses kafkajs' cluster client
 * (not part of its typed API, stable across 2.x): the consumer API cannot fetch one partition.
 */
export class PartitionProbe {
  private cluster?: ClusterLike;

  constructor(private readonly kafka: Kafka) {}

  private async client(): Promise<ClusterLike> {
    if (this.cluster) return this.cluster;
    const sym = Object.getOwnPropertySymbols(this.kafka).find((s) => String(s) === 'Symbol(private:Kafka:createCluster)');
    if (!sym) throw new Error('kafkajs internals changed: no createCluster (PartitionProbe needs kafkajs 2.x)');
    const create = (this.kafka as unknown as Record<symbol, (o: object) => ClusterLike>)[sym];
    const cluster = create({ allowAutoTopicCreation: false, metadataMaxAge: 60_000 });
    await cluster.connect();
    this.cluster = cluster;
    return cluster;
  }

  /** The first record batch at `offset` of topic/partition (messages from `offset` on). */
  async read(topic: string, partition: number, offset: bigint): Promise<ProbeResult> {
    let cluster: ClusterLike;
    let fetch: Awaited<ReturnType<ClusterLike['findBroker']>>['fetch'];
    try {
      cluster = await this.client();
      await cluster.addTargetTopic(topic);
      await cluster.refreshMetadata();
      const leaders = cluster.findLeaderForPartitions(topic, [partition]);
      const nodeId = Object.keys(leaders)[0];
      if (nodeId === undefined) return { readable: 'unknown', error: `no leader for ${topic}[${partition}]` };
      const broker = await cluster.findBroker({ nodeId });
      fetch = broker.fetch.bind(broker);
    } catch (err) {
      await this.close();
      return { readable: 'unknown', error: errorMessage(err) };
    }
    try {
      const res = await fetch({
        maxWaitTime: 0,
        minBytes: 1,
        maxBytes: 1,
        isolationLevel: 1,
        topics: [{ topic, partitions: [{ partition, fetchOffset: offset.toString(), maxBytes: 1 }] }],
      });
      const p = res.responses.find((r) => r.topicName === topic)?.partitions.find((x) => x.partition === partition);
      if (!p) return { readable: 'unknown', error: `no data for ${topic}[${partition}] in the fetch response` };
      const messages = p.messages.filter((m) => BigInt(m.offset) >= offset).map((m) => toInbound(topic, partition, m));
      return { readable: true, messages, high: BigInt(p.highWatermark) };
    } catch (err) {
      // Past the high watermark: nothing to read there (endOfUnreadable may overshoot).
      if ((err as { type?: string }).type === 'OFFSET_OUT_OF_RANGE') return { readable: true, messages: [], high: -1n };
      if (isTransientKafkaError(err)) {
        await this.close();
        return { readable: 'unknown', error: errorMessage(err) };
      }
      return { readable: false, error: errorMessage(err), errorName: (err as Error)?.name ?? 'Error' };
    }
  }

  /**
   * Scans forward from `from` batch by batch (at most `maxBatches`) and returns the first offset
   * that cannot be read, with the readable messages before it; undefined when all read fine.
   */
  async firstUnreadable(
    topic: string,
    partition: number,
    from: bigint,
    maxBatches = 64,
  ): Promise<{ offset: bigint; error: string; before: InboundMessage[] } | { unknown: string } | undefined> {
    let pos = from;
    const before: InboundMessage[] = [];
    for (let i = 0; i < maxBatches; i++) {
      const r = await this.read(topic, partition, pos);
      if (r.readable === 'unknown') return { unknown: r.error };
      if (r.readable === false) return { offset: pos, error: r.error, before };
      if (!r.messages.length) return undefined; // at the end (or an empty transaction marker batch)
      before.push(...r.messages);
      pos = BigInt(r.messages[r.messages.length - 1].offset) + 1n;
      if (r.high >= 0n && pos >= r.high) return undefined;
    }
    return undefined;
  }

  /**
   * The first readable offset after the unreadable batch at `offset` (every offset of a batch
   * returns the whole batch, so the unreadable offsets form one range): exponential then binary
   * search, bounded by the high watermark. Unknown (network) answers throw.
   */
  async endOfUnreadable(topic: string, partition: number, offset: bigint): Promise<bigint> {
    const readableAt = async (o: bigint) => {
      const r = await this.read(topic, partition, o);
      if (r.readable === 'unknown') throw new Error(`cannot probe ${topic}[${partition}] at ${o}: ${r.error}`);
      return r.readable ? r : undefined;
    };
    let bad = offset;
    let step = 1n;
    let good: bigint;
    for (;;) {
      const o = offset + step;
      if (await readableAt(o)) {
        good = o;
        break;
      }
      bad = o;
      step *= 2n;
    }
    while (good - bad > 1n) {
      const mid: bigint = bad + (good - bad) / 2n;
      if (await readableAt(mid)) good = mid;
      else bad = mid;
    }
    return good;
  }

  async close(): Promise<void> {
    const c = this.cluster;
    this.cluster = undefined;
    await c?.disconnect().catch(() => undefined);
  }
}
