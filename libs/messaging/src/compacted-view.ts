import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { ZodType } from 'zod';
import { describeZodError } from '@marsad/contracts';
import { errorFields, type Logger, type PipelineMetrics } from '@marsad/observability';
import { backoffDelay, sleep } from './backoff';

export interface ViewChange<T> {
  key: string;
  /** New value; undefined = deleted (tombstone). */
  value: T | undefined;
  previous: T | undefined;
  /** true while replaying the topic up to the high watermarks seen at start. */
  replay: boolean;
  offset: string;
  partition: number;
}
export type ViewListener<T> = (change: ViewChange<T>) => void;

export interface CompactedTopicViewOptions<T> {
  kafka: Kafka;
  topic: string;
  /** Prefix of the per-instance group id, e.g. names.consumerGroup('alerter-watches'). */
  groupIdPrefix: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: ZodType<T, any, any>;
  logger: Logger;
  metrics?: PipelineMetrics;
  /** Give up waiting for catch-up after this long (logs a warning and resolves ready()). Default 60 s. */
  readyTimeoutMs?: number;
}

/** Unique per replica: every instance must read ALL partitions, so it must be alone in its group. */
export function uniqueGroupId(prefix: string): string {
  return `${prefix}-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * In-memory view of a compacted topic (`marsad.watches`, `marsad.kb`): key → latest valid value.
 *
 * Each instance uses its own consumer group (`uniqueGroupId`) subscribed fromBeginning and NEVER
 * commits, so every replica reads every partition from the start and the broker keeps no offsets
 * for these throw-away groups (an empty group without offsets is removed). ready() resolves once
 * every partition was read up to the high watermark fetched (admin.fetchTopicOffsets) at start.
 * A tombstone (null value) deletes the key; an invalid value is logged, counted
 * (`marsad_messages_failed_total{reason="invalid"}`) and skipped (the previous value stays).
 */
export interface InvalidRecord {
  key: string | null;
  partition: number;
  offset: string;
  reason: string;
}

export class CompactedTopicView<T> {
  private readonly map = new Map<string, T>();
  private readonly listeners = new Set<ViewListener<T>>();
  private readonly log: Logger;
  private consumer?: Consumer;
  private admin?: Admin;
  private readonly targets = new Map<number, bigint>();
  private readyResolve!: () => void;
  private readonly readyPromise: Promise<void>;
  private isReady = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private starting?: Promise<void>;
  readonly groupId: string;

  constructor(private readonly o: CompactedTopicViewOptions<T>) {
    this.groupId = uniqueGroupId(o.groupIdPrefix);
    this.log = o.logger.child({ component: 'compacted-view', topic: o.topic });
    this.readyPromise = new Promise((r) => (this.readyResolve = r));
  }

  /** Resolves once caught up to the high watermarks at start. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  get caughtUp(): boolean {
    return this.isReady;
  }

  get(key: string): T | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  get size(): number {
    return this.map.size;
  }
  values(): T[] {
    return [...this.map.values()];
  }
  entries(): [string, T][] {
    return [...this.map.entries()];
  }
  /** A copy of the current state. */
  snapshot(): Map<string, T> {
    return new Map(this.map);
  }

  onChange(listener: ViewListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts following the topic (retries while Kafka is unreachable). Does not wait for ready(). */
  start(): Promise<void> {
    this.starting ??= this.startLoop();
    return this.starting;
  }

  private async startLoop(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.runOnce();
        if (this.stopped) await this.consumer?.disconnect().catch(() => undefined);
        return;
      } catch (err) {
        this.log.error('compacted view failed to start; retrying', { attempt, ...errorFields(err) });
        await this.consumer?.disconnect().catch(() => undefined);
        await this.admin?.disconnect().catch(() => undefined);
        await sleep(backoffDelay(attempt, { initialMs: 1000, maxMs: 15_000 }), this.abort.signal);
      }
    }
  }

  private async runOnce(): Promise<void> {
    const admin = this.o.kafka.admin();
    this.admin = admin;
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(this.o.topic);
    await admin.disconnect();
    this.targets.clear();
    for (const p of offsets) {
      const high = BigInt(p.high);
      if (high > BigInt(p.low)) this.targets.set(p.partition, high);
    }
    this.checkReady();
    const timeout = setTimeout(() => {
      if (!this.isReady) {
        this.log.warn('compacted view not caught up in time; serving what it has', { pending: [...this.targets.keys()] });
        this.markReady();
      }
    }, this.o.readyTimeoutMs ?? 60_000);
    timeout.unref?.();
    const consumer = this.o.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 500,
      sessionTimeout: 30_000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (e) => {
      this.log.error('compacted view consumer crashed', { restart: e.payload.restart, ...errorFields(e.payload.error) });
      if (!e.payload.restart && !this.stopped) {
        this.starting = undefined;
        void consumer
          .disconnect()
          .catch(() => undefined)
          .then(() => this.start());
      }
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [this.o.topic], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatch: (p) => this.eachBatch(p) });
  }

  private async eachBatch({ batch }: EachBatchPayload): Promise<void> {
    for (const m of batch.messages) {
      const key = m.key?.toString('utf8');
      if (key === undefined || key === '') {
        this.invalid(batch.partition, m.offset, 'message without key');
      } else if (m.value === null || m.value.length === 0) {
        this.apply(key, undefined, batch.partition, m.offset);
      } else {
        let json: unknown;
        try {
          json = JSON.parse(m.value.toString('utf8'));
        } catch (err) {
          this.invalid(batch.partition, m.offset, `invalid JSON: ${(err as Error).message}`, key);
          continue;
        }
        const res = this.o.schema.safeParse(json);
        if (!res.success) this.invalid(batch.partition, m.offset, describeZodError(res.error), key);
        else this.apply(key, res.data, batch.partition, m.offset);
      }
    }
    const target = this.targets.get(batch.partition);
    if (target !== undefined && BigInt(batch.lastOffset()) + 1n >= target) {
      this.targets.delete(batch.partition);
      this.checkReady();
    }
  }

  /**
   * Records skipped as invalid (logged once each, even when a rebuilt consumer reads them again),
   * for /v1/status: a bad record in a compacted topic lives until its key is rewritten.
   */
  get invalidRecords(): { count: number; records: InvalidRecord[] } {
    return { count: this.skipped.size, records: [...this.skipped.values()].slice(-20) };
  }
  private readonly skipped = new Map<string, InvalidRecord>();

  private invalid(partition: number, offset: string, reason: string, key?: string) {
    const at = `${partition}:${offset}`;
    if (this.skipped.has(at)) return;
    if (this.skipped.size >= 1000) this.skipped.delete(this.skipped.keys().next().value as string);
    this.skipped.set(at, { key: key ?? null, partition, offset, reason: reason.slice(0, 300) });
    this.o.metrics?.messagesFailed.inc({ topic: this.o.topic, reason: 'invalid' });
    this.log.warn('skipping invalid record on compacted topic', { partition, offset, key, reason });
    this.advance(partition, offset);
  }

  private apply(key: string, value: T | undefined, partition: number, offset: string) {
    const previous = this.map.get(key);
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
    this.o.metrics?.messagesIn.inc({ topic: this.o.topic });
    const change: ViewChange<T> = { key, value, previous, replay: !this.isReady, offset, partition };
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (err) {
        this.log.error('compacted view listener failed', { key, ...errorFields(err) });
      }
    }
    this.advance(partition, offset);
  }

  private advance(partition: number, offset: string) {
    const target = this.targets.get(partition);
    if (target !== undefined && BigInt(offset) + 1n >= target) {
      this.targets.delete(partition);
      this.checkReady();
    }
  }

  private checkReady() {
    if (!this.isReady && this.targets.size === 0) this.markReady();
  }

  private markReady() {
    if (this.isReady) return;
    this.isReady = true;
    this.log.info('compacted view caught up', { keys: this.map.size });
    this.readyResolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.admin?.disconnect().catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
