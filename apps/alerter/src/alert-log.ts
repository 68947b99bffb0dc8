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

/**
 * Delivery log in Elasticsearch (`marsad-alerts`, namespaced). One document per attempt, id
 * `<jobId>-a<attempt>`, so a retried write is idempotent. Best effort: the log must never block or
 * fail a delivery, so a write error is logged and counted, not thrown.
 */
export class AlertLog {
  private ensured?: Promise<void>;

  constructor(
    private readonly es: Client,
    readonly index: string,
    private readonly logger: Logger,
    private readonly onError?: () => void,
  ) {}

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
   * Writes one entry. Waits at most `waitMs` (a slow Elasticsearch must not hold deliveries up);
   * past that the write finishes in the background and errors are still logged and counted.
   */
  async record(entry: AlertLogEntry, waitMs = 2000): Promise<void> {
    const write = (async () => {
      try {
        await this.ensureIndex();
        await this.es.index({
          index: this.index,
          id: `${entry.jobId}${entry.retryRound ? `-r${entry.retryRound}` : ''}-a${entry.attempt}`,
          document: entry,
        });
      } catch (err) {
        this.onError?.();
        this.logger.warn('could not record alert delivery in Elasticsearch', {
          index: this.index,
          alertId: entry.alertId,
          status: entry.status,
          ...errorFields(err),
        });
      }
    })();
    await fulfilledWithin(write, waitMs);
  }
}
