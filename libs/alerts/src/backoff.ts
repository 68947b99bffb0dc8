/**
 * Exponential backoff with "full jitter" over the upper half: attempt n (1-based) waits a random
 * time in [base·2^(n-1)/2, base·2^(n-1)], capped. Jitter spreads retries of many alerts that
 * failed together (a receiver outage) so they do not hit the receiver again in lock-step.
 */
export const JITTERED_BACKOFF = 'marsad-jittered';

export function jitteredBackoffDelay(
  attemptsMade: number,
  baseMs: number,
  maxMs = 60 * 60 * 1000,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, attemptsMade);
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
