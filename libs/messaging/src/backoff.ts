export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Random spread ±jitter (0..1) so replicas do not retry in lockstep. */
  jitter?: number;
}

/** Delay before attempt `attempt` (1-based): initial * 2^(attempt-1), capped, jittered. */
export function backoffDelay(attempt: number, o: BackoffOptions, random: () => number = Math.random): number {
  const base = Math.min(o.maxMs, o.initialMs * 2 ** Math.max(0, attempt - 1));
  const j = o.jitter ?? 0.2;
  return Math.max(0, Math.round(base * (1 - j + 2 * j * random())));
}

/** Sleep that ends early when `signal` aborts (shutdown must not wait out a backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `fn` until it succeeds or `signal` aborts, sleeping with exponential backoff in between
 * (start-up tasks such as ensureTopics/ensureArticlesTemplate while a dependency is still away).
 * Returns undefined when aborted.
 */
export async function retryUntil<T>(
  fn: () => Promise<T>,
  opts: { signal?: AbortSignal; onError?: (err: unknown, attempt: number) => void; backoff?: BackoffOptions } = {},
): Promise<T | undefined> {
  for (let attempt = 1; !opts.signal?.aborted; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (opts.signal?.aborted) return undefined;
      opts.onError?.(err, attempt);
      await sleep(backoffDelay(attempt, opts.backoff ?? { initialMs: 1000, maxMs: 15_000 }), opts.signal);
    }
  }
  return undefined;
}
