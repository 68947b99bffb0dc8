import { Client } from '@elastic/elasticsearch';
import { errorFields, type Logger, fulfilledWithin } from '@marsad/observability';
import { ALERTS_MAPPINGS } from '@marsad/search';

/** One delivery attempt (or a decision not to deliver), as stored in `marsad-alerts`. */
export interface AlertLogEntry {
  alertId: string;
  jobId: string;
  watchId: string;
  watchName: string;
  /** `alert` (one article), `digest` (a window of alerts: articleIds lists them), `test` (POST /v1/watches/:id/test). */
  kind: 'alert' | 'digest' | 'test';
  articleId?: string;
  articleUrl?: string;
  articleTitle?: string;
  articleIds?: string[];
  count?: number;
  channel: 'webhook' | 'email' | 'none';
  channelIndex?: number;
  /**
   * delivered; retrying (an attempt failed, BullMQ tries again); failed (attempts exhausted or
   * unrecoverable: the job sits in BullMQ's failed set, retryable via POST /v1/alerts/:id/retry);
   * folded (over the watch's throttle: carried by digest `digestId`); suppressed (near-duplicate);
   * skipped (watch or channel gone).
   */
  status: 'delivered' | 'retrying' | 'failed' | 'folded' | 'suppressed' | 'skipped';
  /** For `folded`: the digest that carries the alert. */
  digestId?: string;
  /** Manual retries of the job so far (0/absent for the original run). */
  retryRound?: number;
  reason?: string;
  attempt: number;
  maxAttempts: number;
  httpStatus?: number;
  error?: string;
  durationMs?: number;
  /** From the article's publishedAt (else fetchedAt) to this attempt. */
  latencyMs?: number;
  articleTime?: string;
  attemptedAt: string;
}

export interface AlertLogOptions {
  /** Entries gathered for at most this long before one `_bulk` (default 50 ms). */
  lingerMs?: number;
  /** Entries per `_bulk` at most (default 2,000: ~1 MB; one request in flight must keep up with ~1,000 entries/s). */
  maxBatch?: number;
  /** Entries waiting at most; beyond, new entries are counted as errors and not written (default 20,000). */
  maxPending?: number;
}

interface Pending {
  entry: AlertLogEntry;
  done: () => void;
}

/**
 * Delivery log in Elasticsearch (`marsad-alerts`, namespaced). One document per attempt, id
 * `<jobId>-a<attempt>`, so a retried write is idempotent. Best effort: the log must never block or
 * fail a delivery, so a write error is logged and counted, not thrown. Entries are written in
 * `_bulk` requests (up to `maxBatch`, after at most `lingerMs`, one request in flight): one HTTP
 * request per entry cost the alerter more CPU than matching, and Elasticsearch a refresh-bound
 * write each (issue 10).
 */
export class AlertLog {
  private ensured?: Promise<void>;
  private pending: Pending[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private readonly lingerMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;

  constructor(
    private readonly es: Client,
    readonly index: string,
    private readonly logger: Logger,
    private readonly onError?: () => void,
    opts: AlertLogOptions = {},
  ) {
    this.lingerMs = opts.lingerMs ?? 50;
    this.maxBatch = opts.maxBatch ?? 2000;
    this.maxPending = opts.maxPending ?? 20_000;
  }

  ensureIndex(): Promise<void> {
    this.ensured ??= (async () => {
      const exists = await this.es.indices.exists({ index: this.index });
      if (exists) {
        // An index created by an older version: add the fields introduced since (additive, idempotent).
        await this.es.indices.putMapping({ index: this.index, properties: ALERTS_MAPPINGS.properties as never });
        return;
      }
      try {
        await this.es.indices.create({
          index: this.index,
          settings: { number_of_shards: 1, number_of_replicas: 0 },
          mappings: ALERTS_MAPPINGS as never,
        });
      } catch (err) {
        if (!/resource_already_exists_exception/.test(String((err as Error).message))) throw err;
      }
    })().catch((err) => {
      this.ensured = undefined;
      throw err;
    });
    return this.ensured;
  }

  /**
   * Writes one entry (with the next `_bulk`). Waits at most `waitMs` (a slow Elasticsearch must
   * not hold deliveries up); past that the write finishes in the background and errors are still
   * logged and counted.
   */
  async record(entry: AlertLogEntry, waitMs = 2000): Promise<void> {
    await fulfilledWithin(this.enqueue(entry), waitMs);
  }

  /**
   * Queues one entry for the next `_bulk`; resolves once it is written (or its write failed, logged
   * and counted), without a bound: a caller that waits bounds the wait itself (a batch of deliveries
   * waits once for all its entries). Over `maxPending`, counted as an error and resolved at once.
   */
  enqueue(entry: AlertLogEntry): Promise<void> {
    if (this.pending.length >= this.maxPending) {
      this.onError?.();
      this.logger.warn('alert delivery not recorded: too many entries waiting for Elasticsearch', {
        index: this.index,
        alertId: entry.alertId,
        status: entry.status,
        waiting: this.pending.length,
      });
      return Promise.resolve();
    }
    const written = new Promise<void>((done) => this.pending.push({ entry, done }));
    this.schedule();
    return written;
  }

  private schedule(): void {
    if (this.flushing) return; // the running flush takes the next batch when it ends
    if (this.pending.length >= this.maxBatch) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
    } else this.timer ??= setTimeout(() => void this.flush(), this.lingerMs);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.pending.splice(0, this.maxBatch);
    if (!batch.length) return;
    this.flushing = this.write(batch).finally(() => {
      for (const p of batch) p.done();
    });
    await this.flushing;
    this.flushing = undefined;
    if (this.pending.length) this.schedule();
  }

  private async write(batch: Pending[]): Promise<void> {
    const fail = (entry: AlertLogEntry, err: unknown) => {
      this.onError?.();
      this.logger.warn('could not record alert delivery in Elasticsearch', {
        index: this.index,
        alertId: entry.alertId,
        status: entry.status,
        ...(typeof err === 'string' ? { error: err } : errorFields(err)),
      });
    };
    try {
      await this.ensureIndex();
      const operations: unknown[] = [];
      const byId = new Map<string, AlertLogEntry>();
      for (const { entry } of batch) {
        const id = `${entry.jobId}${entry.retryRound ? `-r${entry.retryRound}` : ''}-a${entry.attempt}`;
        operations.push({ index: { _index: this.index, _id: id } }, entry);
        byId.set(id, entry);
      }
      // A longer timeout than the client's 5 s: nobody waits for it (record() returns after 2 s at most).
      const res = await this.es.bulk({ operations, filter_path: 'errors,items.*.error,items.*._id' } as never, { requestTimeout: 30_000 });
      if (!res.errors) return;
      for (const item of res.items ?? []) {
        const r = Object.values(item)[0];
        const entry = typeof r?._id === 'string' ? byId.get(r._id) : undefined;
        if (r?.error && entry) fail(entry, `${r.error.type}: ${r.error.reason}`);
      }
    } catch (err) {
      // The whole request failed (ES away, timeout): every entry of the batch is lost, each counted.
      for (const { entry } of batch) fail(entry, err);
    }
  }
}
