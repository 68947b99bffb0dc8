import type { BulkDoc, BulkItemResult, BulkWriter } from '@marsad/search';

export interface BulkBatcherOptions {
  /**
   * Least time between the starts of two `_bulk` requests (MARSAD_INDEX_LINGER_MS, default 0). An
   * idle indexer sends at once (its last request started long ago); a busy one gathers what the
   * partitions hand it meanwhile into the next request.
   */
  lingerMs: number;
  /** Queued bytes that go out without waiting for the linger (still within maxInFlight). */
  maxBytes: number;
  /** Requests in flight at once (default 2): a slow request does not hold every partition's documents back. */
  maxInFlight?: number;
  now?: () => number;
}

export interface BatchedWrite {
  items: BulkItemResult[];
  transient: BulkItemResult[];
  permanent: BulkItemResult[];
}

interface Waiter {
  docs: BulkDoc[];
  bytes: number;
  resolve: (r: BatchedWrite) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for the indexer's `_bulk` requests: the handlers of the partitions consumed at once
 * hand their slices here, and each gets back the results of its own documents once the request that
 * carried them is answered (so a handler still returns only after its documents are durable in
 * Elasticsearch, and the runner commits after that). Slices handed over in the same turn, and while
 * `maxInFlight` requests run, go out together (split by the writer above its maxRequestBytes);
 * `lingerMs` > 0 also spaces the starts of two requests (fewer, larger requests; up to that much
 * more latency).
 *
 * Why (ADR 0013, sixth session): without it the indexer sent one `_bulk` per partition and fetch —
 * at a few tens of articles a second, up to three requests of a few articles each. Elasticsearch
 * pays more CPU per article in many small requests than in fewer larger ones (bench/es-index.ts: the
 * same 40 articles/s in a request every 100 ms against every 300 ms, ES 7.8–8.0 against 4.9–6.2 ms
 * CPU per article). The linger is 0 by default: in the pipeline a 250 ms linger held kafkajs' next
 * fetch back (a handler waits for its request) and moved the wait into publish → searchable. Two in
 * flight, not one: under load a request can take seconds, and one slow request must not hold every
 * partition back. A whole request that fails rejects every slice in it: each handler then decides as
 * before (transient → the runner retries its chunk; refused → its documents one by one).
 */
export class BulkBatcher {
  private queue: Waiter[] = [];
  private queuedBytes = 0;
  private inFlight = 0;
  private lastStart = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(
    private readonly writer: Pick<BulkWriter, 'write'>,
    private readonly o: BulkBatcherOptions,
  ) {
    this.now = o.now ?? Date.now;
  }

  /** Writes `docs` (≈ `bytes` of NDJSON) in the next request; resolves with their own results, in order. */
  write(docs: BulkDoc[], bytes: number): Promise<BatchedWrite> {
    return new Promise((resolve, reject) => {
      this.queue.push({ docs, bytes, resolve, reject });
      this.queuedBytes += bytes;
      this.pump(true);
    });
  }

  /** `defer`: even when a request may start now, wait for the next timer tick, so the slices the other partitions' handlers hand over in the same turn go with it. */
  private pump(defer = false): void {
    if (this.inFlight >= (this.o.maxInFlight ?? 2) || !this.queue.length) return;
    const wait = this.lastStart + this.o.lingerMs - this.now();
    if ((wait > 0 && this.queuedBytes < this.o.maxBytes) || (defer && this.queuedBytes < this.o.maxBytes)) {
      this.timer ??= setTimeout(
        () => {
          this.timer = undefined;
          this.pump();
        },
        Math.max(0, wait),
      );
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch: Waiter[] = [];
    let bytes = 0;
    while (this.queue.length && (!batch.length || bytes + this.queue[0].bytes <= this.o.maxBytes)) {
      const w = this.queue.shift()!;
      batch.push(w);
      bytes += w.bytes;
    }
    this.queuedBytes -= bytes;
    this.inFlight++;
    this.lastStart = this.now();
    void this.send(batch).finally(() => {
      this.inFlight--;
      this.pump();
    });
  }

  private async send(batch: Waiter[]): Promise<void> {
    let items: BulkItemResult[];
    try {
      items = (await this.writer.write(batch.length === 1 ? batch[0].docs : batch.flatMap((w) => w.docs))).items;
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    // The writer answers one item per document, in the order given.
    let at = 0;
    for (const w of batch) {
      const own = items.slice(at, at + w.docs.length);
      at += w.docs.length;
      w.resolve({ items: own, transient: own.filter((i) => !i.ok && i.transient), permanent: own.filter((i) => !i.ok && !i.transient) });
    }
  }
}
