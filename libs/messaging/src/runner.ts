import type { Consumer, ConsumerConfig, EachBatchPayload, Kafka } from 'kafkajs';
import { errorFields, type Logger, type PipelineMetrics } from '@marsad/observability';
import { backoffDelay, sleep, type BackoffOptions } from './backoff';
import type { DlqStage, DlqWriter } from './dlq';
import { errorMessage } from './errors';
import { toInbound, type InboundMessage } from './message';

/** A message the handler gives up on for good: it goes to the DLQ with `error` as the reason. */
export interface DlqItem {
  message: InboundMessage;
  error: string;
  attempts?: number;
}

export interface HandlerResult {
  /** Messages that can never be processed (invalid JSON, schema violation, rejected document...). */
  dlq?: DlqItem[];
}

export interface HandlerContext {
  topic: string;
  partition: number;
  /** 1-based attempt number for this chunk (retries after a thrown error). */
  attempt: number;
  heartbeat(): Promise<void>;
  /** Aborted when the runner stops: long handlers should give up early. */
  signal: AbortSignal;
}

/**
 * Processes a chunk of messages from ONE partition, in offset order, and performs its side effect
 * (produce, bulk index...) before returning. Contract:
 * - return normally  → the side effect is durable; messages listed in `dlq` go to the DLQ; then
 *                      the chunk's offsets are committed.
 * - throw            → transient failure (a dependency is down): nothing is committed; the chunk
 *                      is retried with exponential backoff, and after `retry.attempts` the partition
 *                      is PAUSED and retried later (the process neither crashes nor skips).
 * Handlers must be idempotent: after a crash or rebalance the chunk is delivered again.
 */
export type BatchHandler = (messages: InboundMessage[], ctx: HandlerContext) => Promise<HandlerResult | void>;

export interface ConsumerRunnerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /** Stage recorded in DLQ records (`enrich`, `index`, `alert`). */
  stage: DlqStage;
  handler: BatchHandler;
  dlq: DlqWriter;
  logger: Logger;
  metrics?: PipelineMetrics;
  /** Most messages handed to the handler at once (kafkajs batches are cut into chunks). Default 100. */
  maxBatchSize?: number;
  /** In-batch retries of a failing chunk before pausing (default 3 attempts, 250 ms → 4 s). */
  retry?: Partial<BackoffOptions> & { attempts?: number };
  /** Pause length while a dependency is down; grows per consecutive pause (default 1 s → 15 s). */
  pause?: Partial<BackoffOptions>;
  /** New consumer groups start at the earliest offset (default true: nothing published is skipped). */
  fromBeginning?: boolean;
  /** Extra kafkajs consumer settings (sessionTimeout, maxBytesPerPartition...). */
  consumer?: Partial<ConsumerConfig>;
  partitionsConsumedConcurrently?: number;
  /** Longest wait for the batch in flight at stop() (default 15 s). */
  stopTimeoutMs?: number;
}

export interface PausedPartition {
  topic: string;
  partition: number;
  since: string;
  resumeAt: string;
  pauses: number;
  error: string;
}

export interface RunnerStatus {
  state: 'idle' | 'starting' | 'running' | 'stopping' | 'stopped';
  groupId: string;
  topics: string[];
  paused: PausedPartition[];
  lastError?: string;
}

const tpKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * Kafka consumer runner with the "process batch → side effect → commit" discipline:
 * `eachBatch` with autoCommit off and eachBatchAutoResolve off; offsets are resolved and committed
 * explicitly, chunk by chunk, only after the handler's side effect and any DLQ writes succeeded.
 */
export class ConsumerRunner {
  private consumer?: Consumer;
  private readonly abort = new AbortController();
  private readonly pauses = new Map<string, { count: number; timer?: NodeJS.Timeout; info?: PausedPartition }>();
  private state: RunnerStatus['state'] = 'idle';
  private lastError?: string;
  private readonly log: Logger;
  private joinedResolve!: () => void;
  /** Resolves when the consumer first joined its group (handy for tests and status). */
  readonly joined: Promise<void> = new Promise((r) => (this.joinedResolve = r));
  private starting?: Promise<void>;

  constructor(private readonly o: ConsumerRunnerOptions) {
    this.log = o.logger.child({ component: 'consumer', groupId: o.groupId });
  }

  status(): RunnerStatus {
    return {
      state: this.state,
      groupId: this.o.groupId,
      topics: this.o.topics,
      paused: [...this.pauses.values()].filter((p) => p.timer && p.info).map((p) => p.info!),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /**
   * Connects, subscribes and runs. Retries forever (with backoff) while Kafka is unreachable, so a
   * service never crash-loops at start; call without awaiting if start-up must not block on Kafka.
   * Resolves once the consumer runs (or the runner was stopped).
   */
  start(): Promise<void> {
    this.starting ??= this.startLoop();
    return this.starting;
  }

  private async startLoop(): Promise<void> {
    this.state = 'starting';
    for (let attempt = 1; !this.abort.signal.aborted; attempt++) {
      try {
        await this.runOnce();
        if (this.abort.signal.aborted) {
          await this.consumer?.disconnect().catch(() => undefined);
          return;
        }
        this.state = 'running';
        return;
      } catch (err) {
        this.lastError = errorMessage(err);
        this.log.error('consumer failed to start; retrying', { attempt, ...errorFields(err) });
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await sleep(backoffDelay(attempt, { initialMs: 1000, maxMs: 15_000 }), this.abort.signal);
      }
    }
  }

  private async runOnce(): Promise<void> {
    const consumer = this.o.kafka.consumer({
      groupId: this.o.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: 500,
      ...this.o.consumer,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      this.log.info('joined consumer group', { memberAssignment: e.payload.memberAssignment });
      this.joinedResolve();
    });
    consumer.on(consumer.events.CRASH, (e) => {
      this.lastError = errorMessage(e.payload.error);
      this.log.error('consumer crashed', { restart: e.payload.restart, ...errorFields(e.payload.error) });
      if (!e.payload.restart && !this.abort.signal.aborted) {
        // kafkajs gave up (non-retriable error): build a fresh consumer instead of dying.
        this.starting = undefined;
        void consumer
          .disconnect()
          .catch(() => undefined)
          .then(() => this.start());
      }
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.o.topics, fromBeginning: this.o.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.o.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    this.abort.abort();
    for (const p of this.pauses.values()) if (p.timer) clearTimeout(p.timer);
    // Not awaiting `starting`: a start still retrying against an absent broker is abandoned.
    // kafkajs waits for the running eachBatch; bound that wait so shutdown cannot hang on a side
    // effect stuck against a dead dependency (nothing is committed for it: it is redelivered).
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      (this.consumer?.disconnect() ?? Promise.resolve()).then(
        () => false,
        (err) => {
          this.log.warn('consumer disconnect failed', errorFields(err));
          return false;
        },
      ),
      new Promise<boolean>((r) => {
        timer = setTimeout(() => r(true), this.o.stopTimeoutMs ?? 15_000);
        timer.unref?.();
      }),
    ]);
    if (timer) clearTimeout(timer);
    if (timedOut) this.log.warn('consumer did not stop in time; abandoning the batch in flight (it will be redelivered)');
    this.state = 'stopped';
  }

  private async eachBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const size = Math.max(1, this.o.maxBatchSize ?? 100);
    const messages = batch.messages.map((m) => toInbound(topic, partition, m));
    for (let i = 0; i < messages.length; i += size) {
      if (!isRunning() || isStale() || this.abort.signal.aborted) return;
      const chunk = messages.slice(i, i + size);
      const ok = await this.processChunk(chunk, topic, partition, heartbeat);
      if (!ok) {
        if (!this.abort.signal.aborted) this.pausePartition(topic, partition);
        return; // nothing resolved: after resume kafkajs fetches again from the last resolved offset
      }
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: (BigInt(last) + 1n).toString() }] }] });
      await heartbeat();
    }
    const p = this.pauses.get(tpKey(topic, partition));
    if (p && !p.timer) this.pauses.delete(tpKey(topic, partition));
  }

  /** true = side effect done, DLQ written; false = still failing after the in-batch retries. */
  private async processChunk(chunk: InboundMessage[], topic: string, partition: number, heartbeat: () => Promise<void>): Promise<boolean> {
    const attempts = Math.max(1, this.o.retry?.attempts ?? 3);
    const retry: BackoffOptions = {
      initialMs: this.o.retry?.initialMs ?? 250,
      maxMs: this.o.retry?.maxMs ?? 4000,
      jitter: this.o.retry?.jitter,
    };
    for (let attempt = 1; ; attempt++) {
      const t0 = process.hrtime.bigint();
      // Keep the group membership alive while a slow side effect runs (a long bulk, a large chunk):
      // kafkajs only sends when heartbeatInterval elapsed; a rebalance error surfaces at commit.
      const beat = setInterval(() => void heartbeat().catch(() => undefined), 2000);
      try {
        const res = await this.o.handler(chunk, { topic, partition, attempt, heartbeat, signal: this.abort.signal });
        const dlq = res?.dlq ?? [];
        if (dlq.length) {
          await this.o.dlq.write(
            dlq.map((d) => ({ stage: this.o.stage, error: d.error, message: d.message, attempts: d.attempts ?? attempt })),
          );
        }
        clearInterval(beat);
        const m = this.o.metrics;
        m?.messagesIn.inc({ topic }, chunk.length);
        m?.batchSize.observe({ topic }, chunk.length);
        m?.processingSeconds.observe({ stage: this.o.stage }, Number(process.hrtime.bigint() - t0) / 1e9);
        this.lastError = undefined;
        return true;
      } catch (err) {
        clearInterval(beat);
        if (this.abort.signal.aborted) return false;
        this.lastError = errorMessage(err);
        this.o.metrics?.messagesFailed.inc({ topic, reason: 'transient' }, chunk.length);
        this.log.warn('processing failed; will retry', {
          topic,
          partition,
          firstOffset: chunk[0].offset,
          messages: chunk.length,
          attempt,
          of: attempts,
          ...errorFields(err),
        });
        if (attempt >= attempts) return false;
        await sleep(backoffDelay(attempt, retry), this.abort.signal);
        if (this.abort.signal.aborted) return false;
        await heartbeat();
      }
    }
  }

  private pausePartition(topic: string, partition: number): void {
    const consumer = this.consumer;
    if (!consumer) return;
    const key = tpKey(topic, partition);
    const entry = this.pauses.get(key) ?? { count: 0 };
    entry.count += 1;
    const delay = backoffDelay(entry.count, {
      initialMs: this.o.pause?.initialMs ?? 1000,
      maxMs: this.o.pause?.maxMs ?? 15_000,
      jitter: this.o.pause?.jitter,
    });
    const now = Date.now();
    entry.info = {
      topic,
      partition,
      since: entry.info?.since ?? new Date(now).toISOString(),
      resumeAt: new Date(now + delay).toISOString(),
      pauses: entry.count,
      error: this.lastError ?? 'unknown',
    };
    consumer.pause([{ topic, partitions: [partition] }]);
    this.log.warn('partition paused: dependency unavailable, nothing committed', {
      topic,
      partition,
      resumeInMs: delay,
      pauses: entry.count,
      error: this.lastError,
    });
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (this.abort.signal.aborted) return;
      this.log.info('partition resumed: retrying', { topic, partition, pauses: entry.count });
      consumer.resume([{ topic, partitions: [partition] }]);
    }, delay);
    entry.timer.unref?.();
    this.pauses.set(key, entry);
  }
}
