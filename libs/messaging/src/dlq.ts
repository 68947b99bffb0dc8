import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type DlqRecord } from '@marsad/contracts';
import type { Logger, PipelineMetrics } from '@marsad/observability';
import type { Publisher } from './publisher';
import type { InboundMessage } from './message';

export type DlqStage = DlqRecord['stage'];

export interface DlqInput {
  stage: DlqStage;
  /** The reason, as an operator should read it: `invalid JSON: ...`, `body: Required`, ... */
  error: string;
  message: Pick<InboundMessage, 'topic' | 'partition' | 'offset' | 'key' | 'value'>;
  attempts?: number;
  failedAt?: Date;
  /** An operator's skip of an unreadable range: the range's last offset (`offset` is its first). */
  lastOffset?: string;
}

export interface DlqBuildOptions {
  /** Upper bound for the whole JSON record in bytes (keep it under the DLQ topic's max.message.bytes). */
  maxRecordBytes?: number;
  /** Longest error text kept (bytes of UTF-16 units; default 8000 chars). */
  maxErrorChars?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isValidUtf8(buf: Buffer): boolean {
  try {
    utf8.decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Longest prefix of a valid UTF-8 buffer that is at most `max` bytes and ends on a character boundary. */
export function utf8Prefix(buf: Buffer, max: number): Buffer {
  if (buf.length <= max) return buf;
  let end = Math.max(0, max);
  // Back off over continuation bytes (10xxxxxx) so we never cut a code point in half.
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  return buf.subarray(0, end);
}

function encodePayload(raw: Buffer, maxPayloadBytes: number): Pick<DlqRecord, 'payload' | 'payloadEncoding' | 'payloadTruncated'> {
  if (isValidUtf8(raw)) {
    const cut = utf8Prefix(raw, maxPayloadBytes);
    return { payload: cut.toString('utf8'), payloadEncoding: 'utf8', ...(cut.length < raw.length ? { payloadTruncated: true } : {}) };
  }
  const maxRaw = Math.floor((maxPayloadBytes * 3) / 4);
  const cut = raw.length > maxRaw ? raw.subarray(0, maxRaw) : raw;
  return { payload: cut.toString('base64'), payloadEncoding: 'base64', ...(cut.length < raw.length ? { payloadTruncated: true } : {}) };
}

/**
 * Builds the DLQ record for a message that cannot be processed. The payload is kept verbatim as
 * UTF-8 text when it is valid UTF-8, else base64; `payloadBytes` and `payloadSha256` always describe
 * the ORIGINAL payload, so a truncated record still identifies it. When the record would exceed
 * `maxRecordBytes`, the payload is cut (at a character boundary) and `payloadTruncated: true` is set.
 */
export function buildDlqRecord(input: DlqInput, opts: DlqBuildOptions = {}): DlqRecord {
  const raw = input.message.value ?? Buffer.alloc(0);
  const maxErrorChars = opts.maxErrorChars ?? 8000;
  const error = input.error.length > maxErrorChars ? `${input.error.slice(0, maxErrorChars)}…` : input.error;
  const base = {
    schemaVersion: SCHEMA_VERSION,
    stage: input.stage,
    error,
    topic: input.message.topic,
    partition: input.message.partition,
    offset: String(input.message.offset),
    ...(input.lastOffset !== undefined ? { lastOffset: input.lastOffset } : {}),
    key: input.message.key ?? null,
    payloadBytes: raw.length,
    payloadSha256: createHash('sha256').update(raw).digest('hex'),
    failedAt: (input.failedAt ?? new Date()).toISOString(),
    attempts: Math.max(1, input.attempts ?? 1),
  };
  const maxRecord = opts.maxRecordBytes ?? Number.POSITIVE_INFINITY;
  let allowance = Number.isFinite(maxRecord)
    ? Math.max(0, maxRecord - 1024 - Buffer.byteLength(JSON.stringify(base)))
    : raw.length * 2 + 16;
  for (;;) {
    const record: DlqRecord = { ...base, ...encodePayload(raw, allowance) };
    const size = Buffer.byteLength(JSON.stringify(record));
    if (size <= maxRecord || allowance === 0) return record;
    // JSON escaping (quotes, newlines, control characters) made it larger: shrink by the overflow.
    allowance = Math.max(0, allowance - (size - maxRecord) - 64);
  }
}

export interface DlqWriterOptions extends DlqBuildOptions {
  logger: Logger;
  metrics?: PipelineMetrics;
}

/** Writes DLQ records to `marsad.articles.dlq` (key = original key). Throws when Kafka does not ack. */
export class DlqWriter {
  constructor(
    private readonly publisher: Publisher,
    readonly topic: string,
    private readonly opts: DlqWriterOptions,
  ) {}

  build(input: DlqInput): DlqRecord {
    return buildDlqRecord(input, this.opts);
  }

  async write(inputs: DlqInput[]): Promise<DlqRecord[]> {
    if (!inputs.length) return [];
    const records = inputs.map((i) => this.build(i));
    await this.publisher.send(
      this.topic,
      records.map((r) => ({ key: r.key, value: r, headers: { 'marsad-dlq-stage': r.stage, 'marsad-dlq-source-topic': r.topic } })),
    );
    for (const r of records) {
      this.opts.metrics?.messagesFailed.inc({ topic: r.topic, reason: 'dlq' });
      this.opts.metrics?.dlqMessages.inc({ stage: r.stage });
      this.opts.logger.warn('message sent to DLQ', {
        stage: r.stage,
        reason: r.error,
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        key: r.key,
        payloadBytes: r.payloadBytes,
      });
    }
    return records;
  }
}
