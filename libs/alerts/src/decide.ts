import { digestId as computeDigestId, type Watch } from '@marsad/contracts';
import { digestWindow } from './digest';

/** How long alert state (decided alerts, story claims, digest entries) is kept: as long as completed jobs (7 days). */
export const ALERT_STATE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The state the alert rules need, behind a small interface (Redis in the alerter,
 * apps/alerter/src/alert-state.repository.ts; a Map in unit tests). Every method is atomic on its
 * own: replicas decide concurrently.
 */
export interface AlertStateRepository {
  /** Which of these alerts were already decided (a redelivered Kafka message): one answer per id, in order. */
  decided(alertIds: string[]): Promise<boolean[]>;
  /** Marks alerts decided for `ttlSeconds`, once what their decisions enqueue is acknowledged. */
  markDecided(alertIds: string[], ttlSeconds: number): Promise<void>;
  /** Claims (watch, story) for `alertId` unless another alert holds it; returns the holder. */
  claimStory(watchId: string, clusterId: string, alertId: string, ttlSeconds: number): Promise<string>;
  /** Adds the alert to the watch's throttle window (a set: a retried job counts once); returns its size. */
  addToThrottleWindow(watchId: string, windowStart: string, alertId: string, ttlMs: number): Promise<number>;
  /** Takes an alert back out of a throttle window (it was over the limit and goes to the digest). */
  removeFromThrottleWindow(watchId: string, windowStart: string, alertId: string): Promise<void>;
  /** Files `value` under `field` in the digest window; false when that window is already closed. */
  fileInDigest(watchId: string, windowStart: string, field: string, value: string, ttlSeconds: number): Promise<boolean>;
  /** Closes the window (later filings go to the next one) and returns what was filed in it. */
  closeDigest(watchId: string, windowStart: string, ttlSeconds: number): Promise<string[]>;
}

export interface AlertCandidate {
  alertId: string;
  watchId: string;
  /** Near-duplicate cluster of the article: one alert per (watch, story). */
  clusterId?: string;
}

/** What the decide step does with an alert. */
export type AlertDecision =
  | { action: 'skip'; reason: string }
  | { action: 'suppress'; reason: 'duplicate_story'; firstAlertId: string }
  | { action: 'send' }
  | {
      action: 'digest';
      reason: 'digest' | 'throttle';
      digestId: string;
      window: { start: string; end: string };
      /** When the window's `digest` job must run. */
      closeAt: number;
    };

/**
 * The alert rules, free of Redis, BullMQ and HTTP: a deleted or disabled watch skips; the first
 * alert of a near-duplicate cluster claims the story and later ones are suppressed; digest watches
 * file every alert in their window; throttled watches send up to `max` per window and fold the rest
 * into the window's digest (delivered at its end, never dropped).
 */
export async function decideAlert(
  watch: Watch | undefined,
  alert: AlertCandidate,
  filedValue: string | (() => string),
  state: AlertStateRepository,
  now = Date.now(),
): Promise<AlertDecision> {
  if (!watch || !watch.enabled) return { action: 'skip', reason: 'watch deleted or disabled' };
  if (alert.clusterId) {
    const holder = await state.claimStory(alert.watchId, alert.clusterId, alert.alertId, ALERT_STATE_TTL_SECONDS);
    if (holder !== alert.alertId) return { action: 'suppress', reason: 'duplicate_story', firstAlertId: holder };
  }
  if (watch.digest) return fileInDigest(watch, alert, filedValue, watch.digest.everyMinutes, 'digest', state, now);
  if (watch.throttle) {
    const win = digestWindow(watch.throttle.perMinutes, now);
    const count = await state.addToThrottleWindow(watch.id, win.start, alert.alertId, Math.ceil(win.remainingMs) + 3_600_000);
    if (count > watch.throttle.max) {
      await state.removeFromThrottleWindow(watch.id, win.start, alert.alertId);
      return fileInDigest(watch, alert, filedValue, watch.throttle.perMinutes, 'throttle', state, now);
    }
  }
  return { action: 'send' };
}

/**
 * Files the alert under the watch's window (aligned on the epoch), one entry per story (field =
 * cluster id, else alert id). Once a window is closed a late alert goes to the next window.
 */
async function fileInDigest(
  watch: Watch,
  alert: AlertCandidate,
  value: string | (() => string),
  everyMinutes: number,
  reason: 'digest' | 'throttle',
  state: AlertStateRepository,
  now: number,
): Promise<AlertDecision> {
  let at = now;
  const filed = typeof value === 'string' ? value : value();
  for (let i = 0; i < 5; i++) {
    const win = digestWindow(everyMinutes, at);
    const ttl = Math.ceil((win.remainingMs + ALERT_STATE_TTL_SECONDS * 1000) / 1000);
    if (!(await state.fileInDigest(watch.id, win.start, alert.clusterId ?? alert.alertId, filed, ttl))) {
      at = Date.parse(win.end) + 1; // that window was already sent: the next one
      continue;
    }
    return {
      action: 'digest',
      reason,
      digestId: computeDigestId(watch.id, win.start),
      window: { start: win.start, end: win.end },
      closeAt: Date.parse(win.end) + 250,
    };
  }
  throw new Error(`could not file alert ${alert.alertId} in an open digest window of watch ${watch.id}`);
}

export interface DecideCandidate {
  /** The watch as matched (undefined or disabled: skipped). */
  watch: Watch | undefined;
  alert: AlertCandidate;
  /** What a digest files for this alert (built only for digest and throttled watches). */
  filed: () => string;
}

/**
 * The decide step for a whole chunk of alerts (the alerter's Kafka intake): alerts already decided
 * (a redelivered message) are left out, the others go through decideAlert in order. Started
 * together, so a repository that pipelines the commands of one tick (the alerter's Redis
 * connection auto-pipelines) answers a chunk in a few round trips instead of one per alert; the
 * commands keep the chunk's order, so the first alert of a story in the chunk claims it. The caller
 * enqueues what the decisions need, then calls `state.markDecided` (a crash in between re-decides
 * on redelivery: every rule is idempotent per alert id, and send job ids de-duplicate).
 */
export async function decideAlerts<C extends DecideCandidate>(
  candidates: C[],
  state: AlertStateRepository,
  now = Date.now(),
): Promise<{ candidate: C; decision: AlertDecision }[]> {
  if (!candidates.length) return [];
  const seen = await state.decided(candidates.map((c) => c.alert.alertId));
  const fresh = candidates.filter((_, i) => !seen[i]);
  const decisions = await Promise.all(fresh.map((c) => decideAlert(c.watch, c.alert, c.filed, state, now)));
  return fresh.map((candidate, i) => ({ candidate, decision: decisions[i] }));
}
