import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { AuthedRequest } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { TokenBucketLimiter } from './token-bucket';

/** Only the API is limited: /health, /metrics, /docs and /docs-json stay open to probes and scrapers. */
export function isRateLimited(path: string): boolean {
  return /^\/v1(\/|$)/i.test(path);
}

/** The bucket a request draws from: its API key (by fingerprint, never the key) else its address. */
export function rateLimitKey(req: Pick<AuthedRequest, 'principal' | 'ip' | 'socket'>): string {
  if (req.principal) return `key:${req.principal.keyId}`;
  return `ip:${req.ip ?? req.socket?.remoteAddress ?? 'unknown'}`;
}

/**
 * Per-key (else per-IP) token bucket of MARSAD_ADMIN_RATE_LIMIT requests per minute on /v1. Over
 * the limit: 429 `{ error: "too_many_requests" }` with `Retry-After` (seconds). Every limited
 * response carries `RateLimit-Limit` and `RateLimit-Remaining`. The buckets are per replica: N
 * replicas behind a balancer allow up to N × the limit (documented in the README).
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  readonly limiter: TokenBucketLimiter;
  /** Last warning per bucket: one log line per key per minute, however many 429s. */
  private readonly warned = new Map<string, number>();

  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {
    this.limiter = TokenBucketLimiter.perMinute(ctx.config.MARSAD_ADMIN_RATE_LIMIT);
  }

  use(req: AuthedRequest, res: Response, next: NextFunction): void {
    // originalUrl: Nest may mount this under a sub-path, where req.path is relative.
    const path = (req.originalUrl ?? req.url).split('?')[0];
    if (!isRateLimited(path)) return next();
    const r = this.limiter.take(rateLimitKey(req));
    res.setHeader('RateLimit-Limit', String(r.limit));
    res.setHeader('RateLimit-Remaining', String(r.remaining));
    if (r.allowed) return next();
    const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    const key = rateLimitKey(req);
    const now = Date.now();
    if ((this.warned.get(key) ?? 0) < now - 60_000) {
      if (this.warned.size > 10_000) this.warned.clear();
      this.warned.set(key, now);
      this.ctx.logger.warn('rate limit exceeded (logged once per key per minute)', { key, path, retryAfterSeconds: seconds });
    }
    res.status(429).json({
      error: 'too_many_requests',
      message: `rate limit of ${r.limit} requests per minute exceeded (MARSAD_ADMIN_RATE_LIMIT); retry in ${seconds} s`,
    });
  }
}

/** The per-address budget before authentication is this many times the per-key limit. */
export const PRE_AUTH_FACTOR = 5;

/**
 * Express middleware limiting /v1 requests per client address before the API key is checked, so
 * that a client guessing keys is throttled (401s are never counted by the per-key limiter).
 */
export function preAuthRateLimit(perMinute: number): (req: AuthedRequest, res: Response, next: NextFunction) => void {
  const limiter = TokenBucketLimiter.perMinute(perMinute);
  return (req, res, next) => {
    const r = limiter.take(`ip:${req.ip ?? req.socket?.remoteAddress ?? 'unknown'}`);
    if (r.allowed) return next();
    const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    res.status(429).json({ error: 'too_many_requests', message: `too many requests from this address; retry in ${seconds} s` });
  };
}
