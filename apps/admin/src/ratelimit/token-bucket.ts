/**
 * Token-bucket rate limiter (pure, clock injectable): each key owns a bucket of `capacity` tokens,
 * refilled continuously at `capacity / windowMs`; a request takes one token or is refused with the
 * time until one is available. `perMinute(600)` allows bursts of 600 and a steady 10 requests/s.
 * Memory is bounded: idle buckets (full again) are dropped when the map grows past `maxKeys`.
 */
export interface TokenBucketOptions {
  /** Bucket size = the burst allowed after an idle period. */
  capacity: number;
  /** Time to refill an empty bucket completely (ms). */
  windowMs: number;
  /** Sweep full buckets once this many keys are tracked (default 10 000). */
  maxKeys?: number;
  now?: () => number;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** When refused: ms until one token is available (0 when allowed). */
  retryAfterMs: number;
  limit: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly ratePerMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly o: TokenBucketOptions) {
    if (!(o.capacity >= 1) || !Number.isFinite(o.capacity)) throw new Error('capacity must be a finite number >= 1');
    if (!(o.windowMs > 0)) throw new Error('windowMs must be > 0');
    this.ratePerMs = o.capacity / o.windowMs;
    this.maxKeys = o.maxKeys ?? 10_000;
    this.now = o.now ?? Date.now;
  }

  static perMinute(requests: number, opts: Omit<TokenBucketOptions, 'capacity' | 'windowMs'> = {}): TokenBucketLimiter {
    return new TokenBucketLimiter({ capacity: requests, windowMs: 60_000, ...opts });
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, cost = 1): TakeResult {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.sweep(t);
      b = { tokens: this.o.capacity, at: t };
      this.buckets.set(key, b);
    } else {
      // A clock that goes backwards never adds tokens.
      b.tokens = Math.min(this.o.capacity, b.tokens + Math.max(0, t - b.at) * this.ratePerMs);
      b.at = Math.max(b.at, t);
    }
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return { allowed: true, remaining: Math.floor(b.tokens), retryAfterMs: 0, limit: this.o.capacity };
    }
    return { allowed: false, remaining: 0, retryAfterMs: Math.ceil((cost - b.tokens) / this.ratePerMs), limit: this.o.capacity };
  }

  /** Drops buckets that are full again (idle keys); if none, the oldest half. */
  private sweep(t: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + Math.max(0, t - b.at) * this.ratePerMs >= this.o.capacity) this.buckets.delete(k);
    }
    if (this.buckets.size >= this.maxKeys) {
      const drop = [...this.buckets.entries()].sort((a, b) => a[1].at - b[1].at).slice(0, Math.ceil(this.buckets.size / 2));
      for (const [k] of drop) this.buckets.delete(k);
    }
  }
}
