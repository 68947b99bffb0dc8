/** A wait that ran out; `message` names what did not answer and within how long. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * `p`, or a TimeoutError "<what> did not answer within <ms> ms" once `ms` passed. The one timeout
 * helper: the timer is cleared when `p` settles and never keeps the process alive.
 */
export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(`${what} did not answer within ${ms} ms`)), ms);
        timer.unref?.();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** true when `p` fulfils within `ms`, false when the wait runs out first (a rejection propagates). */
export async function fulfilledWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withTimeout(p, ms, 'wait');
    return true;
  } catch (err) {
    if (err instanceof TimeoutError) return false;
    throw err;
  }
}
