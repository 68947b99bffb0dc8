import type { Kafka, Producer, RecordMetadata } from 'kafkajs';
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

  constructor(kafka: Kafka, private readonly opts: PublisherOptions) {
    const idempotent = opts.idempotent ?? true;
    this.producer = kafka.producer({
      idempotent,
      maxInFlightRequests: idempotent ? 1 : undefined,
      allowAutoTopicCreation: false,
      // kafkajs warns when an idempotent producer's retries are limited; leave them at its default.
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    await this.chain.catch(() => undefined);
    this.connected = false;
    await this.producer.disconnect();
  }

  /** Sends messages to one topic; resolves when the broker acknowledged them (acks=all). */
  send(topic: string, messages: OutboundMessage[]): Promise<RecordMetadata[]> {
    if (!messages.length) return Promise.resolve([]);
    const run = async () => {
      await this.connect();
      const res = await this.producer.send({
        topic,
        acks: -1,
        timeout: this.opts.timeoutMs ?? 30_000,
        messages: messages.map((m) => ({
          key: m.key,
          value: encodeValue(m.value),
          headers: { 'content-type': 'application/json', 'marsad-schema-version': String(SCHEMA_VERSION), ...m.headers },
        })),
      });
      this.opts.metrics?.messagesOut.inc({ topic }, messages.length);
      return res;
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
