import * as crypto from 'node:crypto';
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyVerifier, parseBearer, roleAtLeast } from './api-keys';
import { REQUIRED_ROLE, RolesGuard, apiKeyMiddleware } from './auth';

const keys = [
  { role: 'viewer' as const, key: 'viewer-key-123456' },
  { role: 'operator' as const, key: 'operator-key-123456' },
  { role: 'admin' as const, key: 'admin-key-1234567890' },
];

describe('API keys', () => {
  const v = new ApiKeyVerifier(keys);

  it('parses bearer headers', () => {
    expect(parseBearer('Bearer abc')).toBe('abc');
    expect(parseBearer('bearer   abc ')).toBe('abc');
    expect(parseBearer('Basic abc')).toBeUndefined();
    expect(parseBearer('Bearer')).toBeUndefined();
    expect(parseBearer(undefined)).toBeUndefined();
  });

  it('maps keys to roles and rejects others', () => {
    expect(v.verify('viewer-key-123456')?.role).toBe('viewer');
    expect(v.verify('operator-key-123456')?.role).toBe('operator');
    expect(v.verify('admin-key-1234567890')?.role).toBe('admin');
    expect(v.verify('admin-key-123456789')).toBeUndefined(); // prefix
    expect(v.verify('admin-key-1234567890x')).toBeUndefined();
    expect(v.verify('')).toBeUndefined();
    expect(v.verify(undefined)).toBeUndefined();
    expect(v.verify('admin-key-1234567890')?.keyId).toMatch(/^[0-9a-f]{8}$/);
  });

  it('compares SHA-256 digests with timingSafeEqual against EVERY key (no early exit, no length leak)', () => {
    const spy = jest.fn((a: Buffer, b: Buffer) => crypto.timingSafeEqual(a, b));
    const verifier = new ApiKeyVerifier(keys, spy);
    expect(verifier.verify('viewer-key-123456')?.role).toBe('viewer'); // matches the FIRST key
    expect(spy).toHaveBeenCalledTimes(keys.length);
    for (const [a, b] of spy.mock.calls) {
      expect(a.length).toBe(32);
      expect(b.length).toBe(32);
    }
    spy.mockClear();
    expect(verifier.verify('x')).toBeUndefined(); // very short wrong key: same work, same lengths
    expect(spy).toHaveBeenCalledTimes(keys.length);
    // The default comparison is node's constant-time one.
    expect(new ApiKeyVerifier(keys).verify('admin-key-1234567890')?.role).toBe('admin');
  });

  it('orders roles viewer < operator < admin', () => {
    expect(roleAtLeast('admin', 'operator')).toBe(true);
    expect(roleAtLeast('operator', 'operator')).toBe(true);
    expect(roleAtLeast('viewer', 'operator')).toBe(false);
    expect(roleAtLeast('operator', 'admin')).toBe(false);
  });
});

function fakeRes() {
  const res = { statusCode: 200, headers: {} as Record<string, string>, body: undefined as unknown } as {
    statusCode: number;
    headers: Record<string, string>;
    body: unknown;
    status(n: number): typeof res;
    json(b: unknown): typeof res;
    setHeader(k: string, v: string): void;
  };
  res.status = (n) => ((res.statusCode = n), res);
  res.json = (b) => ((res.body = b), res);
  res.setHeader = (k, v) => void (res.headers[k.toLowerCase()] = v);
  return res;
}

describe('apiKeyMiddleware (authentication, 401)', () => {
  const mw = apiKeyMiddleware(new ApiKeyVerifier(keys));
  const run = (authorization?: string) => {
    const req = { headers: authorization ? { authorization } : {} } as never as { principal?: unknown; headers: Record<string, string> };
    const res = fakeRes();
    const next = jest.fn();
    mw(req as never, res as never, next);
    return { req, res, next };
  };

  it('401 + WWW-Authenticate: Bearer without a key', () => {
    const { res, next } = run();
    expect(next).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toMatchObject({ error: 'unauthorized' });
  });

  it('401 with error="invalid_token" for a wrong key, and never echoes the key', () => {
    const { res } = run('Bearer not-a-real-key-xyz');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toContain('invalid_token');
    expect(JSON.stringify(res.body)).not.toContain('not-a-real-key-xyz');
  });

  it('passes a valid key through with its principal', () => {
    const { req, next } = run('Bearer operator-key-123456');
    expect(next).toHaveBeenCalled();
    expect(req.principal).toMatchObject({ role: 'operator' });
    expect(JSON.stringify(req.principal)).not.toContain('operator-key-123456');
  });
});

describe('RolesGuard (authorisation, 403)', () => {
  const guard = new RolesGuard(new Reflector());
  const ctxFor = (path: string, role: string | undefined, need?: string): ExecutionContext => {
    const handler = () => undefined;
    if (need) Reflect.defineMetadata(REQUIRED_ROLE, need, handler);
    const req = { path, principal: role ? { role, keyId: 'abcd1234' } : undefined };
    return {
      getHandler: () => handler,
      getClass: () => class {},
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => fakeRes() }),
    } as never;
  };

  it('viewer reads, operator writes, admin everything; unannotated /v1 routes need admin', () => {
    expect(guard.canActivate(ctxFor('/v1/watches', 'viewer', 'viewer'))).toBe(true);
    expect(() => guard.canActivate(ctxFor('/v1/watches', 'viewer', 'operator'))).toThrow(ForbiddenException);
    expect(guard.canActivate(ctxFor('/v1/watches', 'operator', 'operator'))).toBe(true);
    expect(guard.canActivate(ctxFor('/v1/watches', 'admin', 'operator'))).toBe(true);
    expect(() => guard.canActivate(ctxFor('/v1/anything', 'operator'))).toThrow(ForbiddenException);
    expect(guard.canActivate(ctxFor('/v1/anything', 'admin'))).toBe(true);
  });

  it('enforces annotated routes whatever the path casing (Express routes are case-insensitive)', () => {
    expect(() => guard.canActivate(ctxFor('/V1/watches', 'viewer', 'operator'))).toThrow(ForbiddenException);
    expect(() => guard.canActivate(ctxFor('/V1/anything', 'operator'))).toThrow(ForbiddenException);
    expect(() => guard.canActivate(ctxFor('/V1/watches', undefined, 'viewer'))).toThrow(UnauthorizedException);
  });

  it('refuses a /v1 request that somehow has no principal (401), leaves /health alone', () => {
    expect(() => guard.canActivate(ctxFor('/v1/watches', undefined, 'viewer'))).toThrow(UnauthorizedException);
    expect(guard.canActivate(ctxFor('/health/ready', undefined))).toBe(true);
  });
});
