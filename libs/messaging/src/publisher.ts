import { Partitioners, type CompressionTypes, type Kafka, type Producer, type RecordMetadata } from 'kafkajs';
import { SCHEMA_VERSION } from '@marsad/contracts';
import type { Logger, PipelineMetrics } from '@marsad/observability';

export interface OutboundMessage {
  /** Partition key: the article id (watch id, actor id on compacted topics). */
  key: string | null;
  /** Objects are JSON-encoded; strings and Buffers are sent as they are; null = tombstone. */
  value: unknown;
  headers?: Record<string, string>;
}

export interface PublisherOptions {
  logger: Logger;
  metrics?: PipelineMetrics;
  /** Idempotent producer (acks=all, broker de-duplicates retried batches). Default true. */
  idempotent?: boolean;
  /** Producer request timeout (ms). */
  timeoutMs?: number;
  /** A send() larger than this many value bytes is split into several produce requests (default 8 MiB). */
  maxRequestBytes?: number;
  /** Batch compression (MARSAD_KAFKA_COMPRESSION through compressionType()); default none. */
  compression?: CompressionTypes;
}

export function encodeValue(value: unknown): Buffer | string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The one way Marsad writes to Kafka. Idempotent producer (acks=-1, one request in flight), JSON
 * values, `content-type` and `marsad-schema-version` headers. Sends are serialised per publisher:
 * kafkajs' idempotent producer has a history of sequence-number errors under concurrent send()
 * calls (tulios/kafkajs#598), and batching via `send(topic, messages[])` gives the throughput.
 */
export class Publisher {
  private readonly producer: Producer;
  private chain: Promise<unknown> = Promise.resolve();
  private connected = false;
  private connecting?: Promise<void>;

  constructor(
    kafka: Kafka,
    private readonly opts: PublisherOptions,
  ) {
    const idempotent = opts.idempotent ?? true;
    this.producer = kafka.producer({
      idempotent,
      maxInFlightRequests: idempotent ? 1 : undefined,
      allowAutoTopicCreation: false,
      // The Java-compatible murmur2 partitioner (kafkajs 2's default; explicit = no warning).
      createPartitioner: Partitioners.DefaultPartitioner,
      // An idempotent producer must not give up on a batch (kafkajs: limited retries may break the
      // sequence numbers), so it retries until the broker answers; non-idempotent: bounded.
      retry: idempotent ? { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 10_000 } : { retries: 8 },
    });
  }

  /**
   * Connects once: concurrent callers (the host's connect at start and a first send racing it) share
   * one `producer.connect()`. Two at once leave kafkajs's producer half set up ("Cannot read
   * properties of undefined (reading 'release')" on the next send), which failed the first chunk
   * after a restart and sent it twice.
   */
  async connect(): Promise<void> {
    if (this.connected) return;
    this.connecting ??= this.producer
      .connect()
      .then(() => {
        this.connected = true;
      })
      .finally(() => {
        this.connecting = undefined;
      });
    await this.connecting;
  }

  /** Disconnects at once (a send still retrying against an absent broker is abandoned, not awaited). */
  async disconnect(): Promise<void> {
    this.connected = false;
    await this.producer.disconnect();
  }

  /** Sends messages to one topic; resolves when the broker acknowledged them (acks=all). */
  send(topic: string, messages: OutboundMessage[]): Promise<RecordMetadata[]> {
    if (!messages.length) return Promise.resolve([]);
    const encoded = messages.map((m) => ({
      key: m.key,
      value: encodeValue(m.value),
      headers: { 'content-type': 'application/json', 'marsad-schema-version': String(SCHEMA_VERSION), ...m.headers },
    }));
    const max = this.opts.maxRequestBytes ?? 8 * 1024 * 1024;
    const groups: (typeof encoded)[] = [];
    let bytes = 0;
    for (const e of encoded) {
      const size = (e.value === null ? 0 : Buffer.byteLength(e.value)) + (e.key ? Buffer.byteLength(e.key) : 0) + 64;
      if (!groups.length || (bytes + size > max && groups[groups.length - 1].length)) {
        groups.push([]);
        bytes = 0;
      }
      groups[groups.length - 1].push(e);
      bytes += size;
    }
    const run = async () => {
      await this.connect();
      const out: RecordMetadata[] = [];
      for (const g of groups) {
        out.push(
          ...(await this.producer.send({
            topic,
            acks: -1,
            compression: this.opts.compression,
            timeout: this.opts.timeoutMs ?? 30_000,
            messages: g,
          })),
        );
        this.opts.metrics?.messagesOut.inc({ topic }, g.length);
      }
      return out;
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** One message: `publish(names.topic('articlesRaw'), article.id, article)`. */
  publish(topic: string, key: string | null, value: unknown, headers?: Record<string, string>): Promise<RecordMetadata[]> {
    return this.send(topic, [{ key, value, headers }]);
  }
}
