import type { Admin, Consumer, ConsumerConfig, EachBatchPayload, Kafka } from 'kafkajs';
import type { ConsumerSkipRequest } from '@marsad/contracts';
import { errorFields, type HealthIndicator, type Logger, type PipelineMetrics } from '@marsad/observability';
import { backoffDelay, sleep, type BackoffOptions } from './backoff';
import type { ConsumerControl } from './control';
import type { DlqStage, DlqWriter } from './dlq';
import { errorMessage } from './errors';
import { toInbound, type InboundMessage } from './message';
import { PartitionProbe, isTransientKafkaError } from './probe';

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
  /** The batch handler; may be bound later with setHandler() (the Nest transport does): start() waits for it. */
  handler?: BatchHandler;
  dlq: DlqWriter;
  logger: Logger;
  metrics?: PipelineMetrics;
  /** Most messages handed to the handler at once (kafkajs batches are cut into chunks). Default 100. */
  maxBatchSize?: number;
  /**
   * Most value + key bytes handed to the handler at once (default: no byte bound). A chunk ends at
   * whichever of maxBatchSize and maxBatchBytes comes first; a single larger message is a chunk alone.
   * Bounds a chunk's memory and latency when messages are large (a count alone lets 100 bodies of 1 MB through).
   */
  maxBatchBytes?: number;
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
  /** `marsad.control` follower: operators' skip requests, wedge reports (see control.ts). */
  control?: ConsumerControl;
  /** Restart delay after repeated failures at the same position (default 1 s → 60 s). */
  crashBackoff?: Partial<BackoffOptions>;
  /** How often lag is sampled for readiness and marsad_consumer_lag (default 5 s; 0 = never). */
  lagIntervalMs?: number;
}

/** Lag of one assigned partition, sampled from Kafka (committed offset vs high watermark). */
export interface PartitionLag {
  topic: string;
  partition: number;
  committed: string | null;
  high: string;
  lag: number;
  /** When the committed offset last moved (or lag was last 0). */
  progressAt: string;
}

/** A partition this consumer cannot read past (undecodable batch, corrupt record...). */
export interface WedgedPartition {
  topic: string;
  partition: number;
  /** First offset that cannot be read. */
  offset: string;
  reason: string;
  since: string;
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
  /** Partitions paused because they cannot be read: only an operator's skip moves them on. */
  wedged: WedgedPartition[];
  /** Member of its group right now (joined, not crashed or restarting). */
  joined: boolean;
  /** Partitions assigned at the last join. */
  assigned: { topic: string; partitions: number[] }[];
  /** Consecutive consumer crashes without progress in between. */
  crashes: number;
  /** Last lag sample of the assigned partitions. */
  lag: PartitionLag[];
  lastError?: string;
}

/**
 * Cuts messages (in offset order) into consecutive chunks of at most `maxCount` messages and at most
 * `maxBytes` value + key bytes; a message larger than `maxBytes` on its own makes a chunk of one.
 */
export function chunkMessages(messages: InboundMessage[], maxCount: number, maxBytes = Infinity): InboundMessage[][] {
  const count = Math.max(1, maxCount);
  const out: InboundMessage[][] = [];
  let chunk: InboundMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    const b = (m.value?.length ?? 0) + (m.key?.length ?? 0);
    if (chunk.length && (chunk.length >= count || bytes + b > maxBytes)) {
      out.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(m);
    bytes += b;
  }
  if (chunk.length) out.push(chunk);
  return out;
}

const tpKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * Group session settings (ADR 0009). kafkajs sends no static member id, so a replica killed with
 * kill -9 keeps its partitions until the broker expires its session: the session timeout bounds
 * the gap. 10 s (broker minimum group.min.session.timeout.ms is 6 s), heartbeat every 1 s (kafkajs
 * requires heartbeat < session; Kafka's advice is at most a third).
 */
export const SESSION_TIMEOUT_MS = 10_000;
export const HEARTBEAT_INTERVAL_MS = 1000;

/** A partition with lag whose committed offset has not moved for this long is "not progressing". */
export const STALL_AFTER_MS = 120_000;

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
  private readonly wedged = new Map<string, WedgedPartition>();
  private assignment = new Map<string, number[]>();
  private isJoined = false;
  private crashes = 0;
  private kafkaDownSince?: number;
  private restartTimer?: NodeJS.Timeout;
  private probe?: PartitionProbe;
  /** Skips and prefix drains run one at a time, outside kafkajs' fetch loop. */
  private ops: Promise<void> = Promise.resolve();
  private readonly lag = new Map<string, PartitionLag & { progressMs: number }>();
  private lagTimer?: NodeJS.Timeout;
  private lagAdmin?: Admin;

  private handler?: BatchHandler;
  private handlerBound!: () => void;
  private readonly handlerReady = new Promise<void>((r) => (this.handlerBound = r));

  constructor(private readonly o: ConsumerRunnerOptions) {
    this.log = o.logger.child({ component: 'consumer', groupId: o.groupId });
    if (o.handler) this.setHandler(o.handler);
    o.control?.onSkipRequest((req) => this.enqueueOp(() => this.maybeSkip(req)));
  }

  /** Binds the batch handler (once); consumption starts only when one is bound. */
  setHandler(handler: BatchHandler): void {
    if (this.handler) throw new Error(`consumer ${this.o.groupId}: a handler is already bound for ${this.o.topics.join(', ')}`);
    this.handler = handler;
    this.handlerBound();
  }

  get topics(): readonly string[] {
    return this.o.topics;
  }

  get groupId(): string {
    return this.o.groupId;
  }

  status(): RunnerStatus {
    return {
      state: this.state,
      groupId: this.o.groupId,
      topics: this.o.topics,
      paused: [...this.pauses.values()].filter((p) => p.timer && p.info).map((p) => p.info!),
      wedged: [...this.wedged.values()].map(({ topic, partition, offset, reason, since }) => ({ topic, partition, offset, reason, since })),
      joined: this.isJoined,
      assigned: [...this.assignment.entries()].map(([topic, partitions]) => ({ topic, partitions })),
      crashes: this.crashes,
      lag: [...this.lag.values()].map(({ progressMs: _p, ...l }) => l),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /**
   * Readiness of this consumer: down while a partition is wedged (naming topic, partition, offset,
   * reason and the way out) or while the consumer keeps crashing.
   */
  healthIndicator(name = 'consumer'): HealthIndicator {
    return {
      name,
      check: async () => {
        const w = [...this.wedged.values()];
        if (w.length) {
          throw new Error(
            w
              .map(
                (x) =>
                  `partition ${x.topic}[${x.partition}] wedged at offset ${x.offset} since ${x.since}: ${x.reason} ` +
                  `(an admin can skip it: POST /v1/consumers/${this.o.groupId}/partitions/${x.topic}/${x.partition}/skip {"offset":"${x.offset}"})`,
              )
              .join('; '),
          );
        }
        if (this.crashes >= 3) throw new Error(`consumer crashed ${this.crashes} times in a row: ${this.lastError ?? 'unknown error'}`);
        if (!this.isJoined) {
          throw new Error(
            `consumer not (yet) a member of group ${this.o.groupId} (state ${this.state})${this.lastError ? `: ${this.lastError}` : ''}`,
          );
        }
        const now = Date.now();
        const stalled = [...this.lag.values()].filter((l) => l.lag > 0 && now - l.progressMs > STALL_AFTER_MS);
        if (stalled.length) {
          throw new Error(
            stalled
              .map(
                (l) => `partition ${l.topic}[${l.partition}] lag ${l.lag}, committed offset ${l.committed} unchanged since ${l.progressAt}`,
              )
              .join('; '),
          );
        }
      },
    };
  }

  /** Samples committed offsets and high watermarks of the assigned partitions (lag gauge, progress). */
  private async sampleLag(): Promise<void> {
    if (!this.isJoined || this.abort.signal.aborted) return;
    try {
      this.lagAdmin ??= this.o.kafka.admin({ retry: { retries: 0 } });
      await this.lagAdmin.connect();
      const now = Date.now();
      const seen = new Set<string>();
      for (const [topic, partitions] of this.assignment) {
        const [committed] = await this.lagAdmin.fetchOffsets({ groupId: this.o.groupId, topics: [topic] });
        const ends = await this.lagAdmin.fetchTopicOffsets(topic);
        for (const partition of partitions) {
          const e = ends.find((p) => p.partition === partition);
          if (!e) continue;
          const c = committed?.partitions.find((p) => p.partition === partition)?.offset;
          const has = c !== undefined && c !== '-1';
          const lag = Math.max(0, Number(BigInt(e.high) - BigInt(has ? c : e.low)));
          const key = tpKey(topic, partition);
          seen.add(key);
          const prev = this.lag.get(key);
          const moved = !prev || prev.committed !== (has ? c : null) || lag === 0;
          const progressMs = moved ? now : prev.progressMs;
          this.lag.set(key, {
            topic,
            partition,
            committed: has ? c : null,
            high: e.high,
            lag,
            progressMs,
            progressAt: new Date(progressMs).toISOString(),
          });
          this.o.metrics?.consumerLag.set({ group: this.o.groupId, topic, partition: String(partition) }, lag);
        }
      }
      for (const [key, l] of this.lag) {
        if (seen.has(key)) continue;
        this.lag.delete(key);
        this.o.metrics?.consumerLag.remove({ group: this.o.groupId, topic: l.topic, partition: String(l.partition) });
      }
    } catch (err) {
      await this.lagAdmin?.disconnect().catch(() => undefined);
      this.lagAdmin = undefined;
      this.log.debug('lag sample failed', errorFields(err));
    }
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
    await Promise.race([this.handlerReady, new Promise((r) => this.abort.signal.addEventListener('abort', r, { once: true }))]);
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
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      maxWaitTimeInMs: 500,
      ...this.o.consumer,
      // Every crash comes to onCrash, which decides: back off, locate a wedged partition, restart.
      // (kafkajs would rebuild at once after a non-retriable error: the hot loop of issue 9.)
      retry: { ...this.o.consumer?.retry, restartOnFailure: async () => false },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (e) => this.onJoin(consumer, e.payload.memberAssignment));
    consumer.on(consumer.events.CRASH, (e) => void this.onCrash(consumer, e.payload.error));
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
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.lagTimer) clearInterval(this.lagTimer);
    for (const p of this.pauses.values()) if (p.timer) clearTimeout(p.timer);
    await this.probe?.close();
    await this.lagAdmin?.disconnect().catch(() => undefined);
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
    this.isJoined = false;
    this.o.metrics?.consumerJoined.set({ group: this.o.groupId }, 0);
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
    const messages = batch.messages.map((m) => toInbound(topic, partition, m));
    this.log.debug('batch fetched', { topic, partition, messages: messages.length, firstOffset: messages[0]?.offset });
    for (const chunk of this.chunks(messages)) {
      if (!isRunning() || isStale() || this.abort.signal.aborted) return;
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

  private chunks(messages: InboundMessage[]): InboundMessage[][] {
    return chunkMessages(messages, this.o.maxBatchSize ?? 100, this.o.maxBatchBytes ?? Infinity);
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
        const res = await this.handler!(chunk, { topic, partition, attempt, heartbeat, signal: this.abort.signal });
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
        this.crashes = 0;
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

  private onJoin(consumer: Consumer, memberAssignment: Record<string, number[]>): void {
    if (consumer !== this.consumer) return;
    this.assignment = new Map(Object.entries(memberAssignment));
    this.isJoined = true;
    this.o.metrics?.consumerJoined.set({ group: this.o.groupId }, 1);
    const every = this.o.lagIntervalMs ?? 5000;
    if (every > 0 && !this.lagTimer) {
      this.lagTimer = setInterval(() => void this.sampleLag(), every);
      this.lagTimer.unref?.();
    }
    this.log.info('joined consumer group', { memberAssignment });
    if (this.kafkaDownSince !== undefined) {
      this.log.info('Kafka reachable again: consumer rejoined its group', { downForMs: Date.now() - this.kafkaDownSince });
      this.kafkaDownSince = undefined;
    }
    // A wedged partition stays paused here (synchronously: before kafkajs' first fetch); one
    // that moved to another replica is that replica's to find and report.
    for (const w of [...this.wedged.values()]) {
      if (this.assignment.get(w.topic)?.includes(w.partition)) {
        consumer.pause([{ topic: w.topic, partitions: [w.partition] }]);
        this.enqueueOp(() => this.recheck(consumer, w));
      } else {
        this.unwedge(w.topic, w.partition);
      }
    }
    this.joinedResolve();
  }

  /**
   * kafkajs stopped the consumer (it already left the group). A broker/network error: restart with
   * backoff, logging the outage once. Anything else (a batch it cannot decode, a corrupt record):
   * find which assigned partition and offset cannot be read, keep it paused (wedged), restart the
   * others; when nothing can be located, back off exponentially instead of looping hot.
   */
  private async onCrash(consumer: Consumer, err: unknown): Promise<void> {
    if (consumer !== this.consumer || this.abort.signal.aborted) return;
    this.consumer = undefined;
    this.isJoined = false;
    this.o.metrics?.consumerJoined.set({ group: this.o.groupId }, 0);
    this.crashes += 1;
    this.lastError = errorMessage(err);
    await consumer.disconnect().catch(() => undefined);
    const backoff: BackoffOptions = {
      initialMs: this.o.crashBackoff?.initialMs ?? 1000,
      maxMs: this.o.crashBackoff?.maxMs ?? 60_000,
      jitter: this.o.crashBackoff?.jitter,
    };
    if (isTransientKafkaError(err)) {
      if (this.kafkaDownSince === undefined) {
        this.kafkaDownSince = Date.now();
        this.log.warn('Kafka unreachable: consumer stopped, restarting with backoff until it answers', errorFields(err));
      }
      return this.scheduleRestart(backoffDelay(this.crashes, { ...backoff, maxMs: Math.min(backoff.maxMs, 15_000) }));
    }
    let found: WedgedPartition[] = [];
    try {
      found = await this.locateWedged();
    } catch (e) {
      this.log.warn('could not probe the assigned partitions', errorFields(e));
    }
    if (this.abort.signal.aborted) return;
    if (found.length) return this.scheduleRestart(backoffDelay(1, backoff));
    const delay = backoffDelay(this.crashes, backoff);
    this.log.warn('consumer failed and no single partition could be blamed; backing off before restarting', {
      crashes: this.crashes,
      restartInMs: delay,
      ...errorFields(err),
    });
    this.scheduleRestart(delay);
  }

  private scheduleRestart(delayMs: number): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.abort.signal.aborted) return;
      this.starting = undefined;
      void this.start();
    }, delayMs);
    this.restartTimer.unref?.();
  }

  /** Reads each assigned partition on its own from its committed offset; records the unreadable ones. */
  private async locateWedged(): Promise<WedgedPartition[]> {
    const positions: { topic: string; partition: number; from: bigint }[] = [];
    for (const [topic, partitions] of this.assignment) {
      for (const partition of partitions) {
        if (!this.wedged.has(tpKey(topic, partition))) positions.push({ topic, partition, from: await this.position(topic, partition) });
      }
    }
    this.probe ??= new PartitionProbe(this.o.kafka);
    const found: WedgedPartition[] = [];
    for (const { topic, partition, from } of positions) {
      const r = await this.probe.firstUnreadable(topic, partition, from);
      if (!r || 'unknown' in r) continue;
      const w = { topic, partition, offset: r.offset.toString(), reason: r.error, since: new Date().toISOString() };
      this.wedged.set(tpKey(topic, partition), w);
      this.o.metrics?.partitionWedged.set({ group: this.o.groupId, topic, partition: String(partition) }, 1);
      this.log.error('partition wedged: it cannot be read at this offset; it stays paused, the others go on', {
        ...w,
        readableBefore: r.before.length,
        howToSkip: `POST /v1/consumers/${this.o.groupId}/partitions/${topic}/${partition}/skip {"offset":"${w.offset}"} (role admin)`,
      });
      void this.o.control?.reportWedge({ groupId: this.o.groupId, ...w });
      found.push(w);
    }
    return found;
  }

  private enqueueOp(op: () => Promise<void>): void {
    this.ops = this.ops.then(op).catch((err) => this.log.warn('consumer control operation failed', errorFields(err)));
  }

  /** Where the group resumes a partition: its committed offset, else the start (or end) of the log. */
  private async position(topic: string, partition: number): Promise<bigint> {
    const admin = this.o.kafka.admin();
    await admin.connect();
    try {
      const [c] = await admin.fetchOffsets({ groupId: this.o.groupId, topics: [topic] });
      const committed = c?.partitions.find((p) => p.partition === partition)?.offset;
      if (committed !== undefined && committed !== '-1') return BigInt(committed);
      const e = (await admin.fetchTopicOffsets(topic)).find((p) => p.partition === partition);
      return BigInt(this.o.fromBeginning === false ? (e?.high ?? '0') : (e?.low ?? '0'));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /**
   * After a (re)join, a wedge this replica found earlier may be stale (another replica skipped it
   * meanwhile): compare with the group's committed offset. Still wedged: process the readable
   * records before the bad offset (they came in the same fetch response as the bad batch, so
   * kafkajs never delivered them), then act on a pending skip request.
   */
  private async recheck(consumer: Consumer, w: WedgedPartition): Promise<void> {
    if (consumer !== this.consumer || this.wedged.get(tpKey(w.topic, w.partition)) !== w) return;
    const committed = await this.position(w.topic, w.partition);
    const bad = BigInt(w.offset);
    if (committed > bad) {
      this.unwedge(w.topic, w.partition);
      consumer.resume([{ topic: w.topic, partitions: [w.partition] }]);
      this.log.info('wedge resolved by another replica; partition resumed', {
        topic: w.topic,
        partition: w.partition,
        committed: String(committed),
      });
      return;
    }
    if (committed < bad) await this.drainPrefix(consumer, w, committed);
    const req = this.o.control?.pendingSkip(this.o.groupId, w.topic, w.partition);
    if (req) await this.maybeSkip(req);
  }

  private async drainPrefix(consumer: Consumer, w: WedgedPartition, from: bigint): Promise<void> {
    this.probe ??= new PartitionProbe(this.o.kafka);
    const r = await this.probe.firstUnreadable(w.topic, w.partition, from);
    if (!r || 'unknown' in r || r.offset.toString() !== w.offset) return;
    for (const chunk of this.chunks(r.before)) {
      if (!(await this.processChunk(chunk, w.topic, w.partition, async () => undefined))) return; // retried at the next join
    }
    if (consumer !== this.consumer) return;
    await consumer.commitOffsets([{ topic: w.topic, partition: w.partition, offset: w.offset }]);
    this.log.info('processed the readable records before the wedged offset', {
      topic: w.topic,
      partition: w.partition,
      records: r.before.length,
    });
  }

  private unwedge(topic: string, partition: number): void {
    this.wedged.delete(tpKey(topic, partition));
    this.o.metrics?.partitionWedged.set({ group: this.o.groupId, topic, partition: String(partition) }, 0);
  }

  /**
   * An operator's skip request (from marsad.control). Only the replica that owns the partition and
   * has it wedged at exactly that offset acts: it finds where the unreadable range ends, writes one
   * DLQ record for the range, moves the group's offset past it and resumes the partition.
   */
  private async maybeSkip(req: ConsumerSkipRequest): Promise<void> {
    if (req.groupId !== this.o.groupId || this.abort.signal.aborted) return;
    const key = tpKey(req.topic, req.partition);
    const w = this.wedged.get(key);
    const consumer = this.consumer;
    if (!w || !consumer || !this.isJoined || !this.assignment.get(req.topic)?.includes(req.partition)) return; // not ours (yet)
    if (w.offset !== req.offset) {
      this.log.warn('skip request ignored: the partition is wedged at another offset', {
        topic: req.topic,
        partition: req.partition,
        wedgedAt: w.offset,
        requested: req.offset,
      });
      return;
    }
    this.probe ??= new PartitionProbe(this.o.kafka);
    const start = BigInt(w.offset);
    const end = await this.probe.endOfUnreadable(req.topic, req.partition, start);
    const last = (end - 1n).toString();
    await this.o.dlq.write([
      {
        stage: this.o.stage,
        error:
          `unreadable range skipped by an operator: offsets ${w.offset}..${last} (${end - start} records) could not be read: ${w.reason}` +
          (req.reason ? `; operator's reason: ${req.reason}` : ''),
        message: { topic: req.topic, partition: req.partition, offset: w.offset, key: null, value: null },
        lastOffset: last,
      },
    ]);
    consumer.seek({ topic: req.topic, partition: req.partition, offset: end.toString() });
    await consumer.commitOffsets([{ topic: req.topic, partition: req.partition, offset: end.toString() }]);
    this.unwedge(req.topic, req.partition);
    consumer.resume([{ topic: req.topic, partitions: [req.partition] }]);
    this.log.info("skipped an unreadable range at an operator's request; partition resumed", {
      topic: req.topic,
      partition: req.partition,
      from: w.offset,
      to: last,
      requestedBy: req.requestedBy,
      reason: req.reason,
    });
    await this.o.control?.clearWedge(this.o.groupId, req.topic, req.partition);
    await this.o.control?.skipDone(this.o.groupId, req.topic, req.partition);
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
      if (this.abort.signal.aborted || this.wedged.has(key)) return;
      this.log.info('partition resumed: retrying', { topic, partition, pauses: entry.count });
      consumer.resume([{ topic, partitions: [partition] }]);
    }, delay);
    entry.timer.unref?.();
    this.pauses.set(key, entry);
  }
}
