import type { KafkaMessage } from 'kafkajs';
import type { ZodType } from 'zod';
import { describeZodError } from '@marsad/contracts';

/** A consumed record, transport details reduced to what handlers and the DLQ need. */
export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

export function toInbound(topic: string, partition: number, m: KafkaMessage): InboundMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    if (v === undefined) continue;
    headers[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString('utf8') : null,
    value: m.value,
    headers,
    timestamp: m.timestamp,
  };
}

export type Decoded<T> = { ok: true; value: T; bytes: number } | { ok: false; error: string; bytes: number };

export interface DecodeOptions {
  /** Reject values larger than this many bytes before parsing. */
  maxBytes?: number;
  /** How the limit is named in the reason, e.g. `MARSAD_MAX_BODY_BYTES`. */
  limitName?: string;
  /**
   * Fast path: when it returns true the parsed JSON is taken as is and the schema is not run. It
   * must say true only for values the schema accepts unchanged (e.g. isCanonicalEnrichedArticle);
   * false runs the schema, which gives the verdict and the reason.
   */
  accept?: (json: unknown) => boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Message value → validated object, or the reason it cannot be processed (the DLQ `error`):
 * `empty message ...`, `message is N bytes, over ...`, `invalid JSON: ...`, `field: message; ...`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function decodeJson<T>(value: Buffer | null, schema: ZodType<T, any, any>, opts: DecodeOptions = {}): Decoded<T> {
  const bytes = value?.length ?? 0;
  if (!value || bytes === 0) return { ok: false, error: 'empty message: no value (tombstone) on a non-compacted topic', bytes };
  if (opts.maxBytes !== undefined && bytes > opts.maxBytes) {
    return {
      ok: false,
      error: `message is ${bytes} bytes, over the limit of ${opts.maxBytes} bytes${opts.limitName ? ` (${opts.limitName})` : ''}`,
      bytes,
    };
  }
  let text: string;
  try {
    text = strictUtf8.decode(value);
  } catch {
    return { ok: false, error: 'invalid JSON: payload is not valid UTF-8', bytes };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}`, bytes };
  }
  if (opts.accept?.(json)) return { ok: true, value: json as T, bytes };
  const res = schema.safeParse(json);
  if (!res.success) return { ok: false, error: describeZodError(res.error), bytes };
  return { ok: true, value: res.data, bytes };
}
