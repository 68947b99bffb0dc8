import type { Client } from '@elastic/elasticsearch';

export interface BulkDoc {
  /** `_id`: the article id (idempotent: re-delivery overwrites). */
  id: string;
  index: string;
  /** The `_source`; or `json`, the same already serialised (the indexer serialises as it goes). */
  doc?: Record<string, unknown>;
  json?: string;
  /** The same as UTF-8 pieces sent back to back (the indexer's spliced article JSON: spliceIndexDocument). */
  parts?: Buffer[];
}

const NEWLINE = Buffer.from('\n');

export type BulkItemResult =
  | { id: string; index: string; ok: true; status: number }
  | { id: string; index: string; ok: false; status: number; type: string; reason: string; transient: boolean };

export interface BulkResult {
  items: BulkItemResult[];
  /** Items ES accepted. */
  succeeded: BulkItemResult[];
  /** Items to retry (429, 5xx, 408, blocks...). */
  transient: BulkItemResult[];
  /** Items ES will never accept (mapping/parsing errors...): DLQ them. */
  permanent: BulkItemResult[];
  tookMs: number;
}

const TRANSIENT_TYPES = new Set([
  'es_rejected_execution_exception',
  'circuit_breaking_exception',
  'cluster_block_exception', // e.g. read-only-allow-delete after a disk watermark: lifts by itself
  'unavailable_shards_exception',
  'no_shard_available_action_exception',
  'node_not_connected_exception',
  'node_closed_exception',
  'process_cluster_event_timeout_exception',
  'timeout_exception',
  'receive_timeout_transport_exception',
  'version_conflict_engine_exception',
]);

/**
 * Failure classification of one bulk item: transient = worth retrying later (429, 5xx, 408, 409,
 * cluster blocks, timeouts); permanent = the document itself is rejected (400-class:
 * mapper_parsing_exception, document_parsing_exception, illegal_argument_exception,
 * strict_dynamic_mapping_exception, ...).
 */
export function isTransientFailure(status: number, type?: string): boolean {
  if (type && TRANSIENT_TYPES.has(type)) return true;
  if (status === 0 || status === 408 || status === 409 || status === 429) return true;
  if (status >= 500) return true;
  return false;
}

/**
 * Whole-request failures (no per-item answer): connection refused/reset, timeouts, 429/5xx of the
 * bulk endpoint itself are transient; a 400/413 of the request is permanent for its content.
 */
export function isTransientRequestError(err: unknown): boolean {
  const e = err as { name?: string; meta?: { statusCode?: number }; statusCode?: number };
  if (
    e?.name === 'ConnectionError' ||
    e?.name === 'TimeoutError' ||
    e?.name === 'NoLivingConnectionsError' ||
    e?.name === 'RequestAbortedError'
  )
    return true;
  const status = e?.meta?.statusCode ?? e?.statusCode;
  if (status === undefined || status === null) return true;
  return isTransientFailure(status);
}

export interface BulkWriterOptions {
  /** Split into several `_bulk` requests above this many bytes of NDJSON (default 16 MiB). */
  maxRequestBytes?: number;
  /** `refresh` for the bulk request (default false; tests may use 'wait_for'). */
  refresh?: boolean | 'wait_for';
  requestTimeoutMs?: number;
}

/**
 * One `_bulk` (split by size when large) of `index` operations under `_id` = article id. Throws
 * only when a whole request fails (the caller treats that as transient: ES down); otherwise returns
 * per-item results classified transient/permanent.
 */
export class BulkWriter {
  /**
   * Request bodies kept for the next request (one per request in flight): a fresh multi-MB Buffer per
   * `_bulk` was external memory V8 only frees with a GC, and its pressure drove most of the indexer's
   * mark-compacts once articles stopped being parsed (ADR 0019, seventh session).
   */
  private readonly bodies: Buffer[] = [];

  constructor(
    private readonly client: Client,
    private readonly opts: BulkWriterOptions = {},
  ) {}

  async write(docs: BulkDoc[]): Promise<BulkResult> {
    const t0 = Date.now();
    const items: BulkItemResult[] = [];
    const max = this.opts.maxRequestBytes ?? 16 * 1024 * 1024;
    // The NDJSON body as UTF-8 buffers, one per document, joined once per request: the client
    // sends a Buffer as is (no second serialisation), and no UTF-16 copy of the body stays alive.
    let lines: Buffer[] = [];
    let opsDocs: BulkDoc[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!opsDocs.length) return;
      let buf = this.bodies.pop();
      if (!buf || buf.length < bytes) buf = Buffer.allocUnsafeSlow(Math.max(bytes, max)); // its own memory, not a slice of the pool
      let at = 0;
      for (const l of lines) at += l.copy(buf, at);
      lines = [];
      // The client is done with the body once the request is answered (its retries included); after
      // a failure (a timeout, an aborted socket) the buffer is dropped rather than reused.
      items.push(...(await this.send(buf.subarray(0, at), opsDocs)));
      if (buf.length <= 2 * max) this.bodies.push(buf);
      opsDocs = [];
      bytes = 0;
    };
    for (const d of docs) {
      const action = JSON.stringify({ index: { _index: d.index, _id: d.id } });
      let line: Buffer[];
      if (d.parts) line = [Buffer.from(`${action}\n`, 'utf8'), ...d.parts, NEWLINE];
      else line = [Buffer.from(`${action}\n${d.json ?? JSON.stringify(d.doc ?? {})}\n`, 'utf8')];
      let length = 0;
      for (const b of line) length += b.length;
      if (bytes + length > max && opsDocs.length) await flush();
      lines.push(...line);
      opsDocs.push(d);
      bytes += length;
    }
    await flush();
    return {
      items,
      succeeded: items.filter((i) => i.ok),
      transient: items.filter((i) => !i.ok && i.transient),
      permanent: items.filter((i) => !i.ok && !i.transient),
      tookMs: Date.now() - t0,
    };
  }

  private async send(body: Buffer, docs: BulkDoc[]): Promise<BulkItemResult[]> {
    const res = await this.client.bulk(
      {
        body,
        refresh: this.opts.refresh ?? false,
        filter_path: 'errors,items.*.status,items.*.error,items.*._id,items.*._index',
      } as never,
      { requestTimeout: this.opts.requestTimeoutMs ?? 60_000 },
    );
    const answered =
      (
        res as {
          items?: Record<
            string,
            { status: number; error?: { type?: string; reason?: string; caused_by?: { type?: string; reason?: string } } }
          >[];
        }
      ).items ?? [];
    return docs.map((d, i) => {
      const item = answered[i] ? Object.values(answered[i])[0] : undefined;
      if (!item)
        return {
          id: d.id,
          index: d.index,
          ok: false,
          status: 0,
          type: 'missing_item',
          reason: 'no result for this item in the bulk response',
          transient: true,
        };
      if (item.status >= 200 && item.status < 300 && !item.error) return { id: d.id, index: d.index, ok: true, status: item.status };
      const type = item.error?.type ?? 'unknown';
      const cause = item.error?.caused_by?.reason ? ` (caused by: ${item.error.caused_by.reason})` : '';
      return {
        id: d.id,
        index: d.index,
        ok: false,
        status: item.status,
        type,
        reason: `${type}: ${item.error?.reason ?? 'rejected'}${cause}`,
        transient: isTransientFailure(item.status, type),
      };
    });
  }
}
