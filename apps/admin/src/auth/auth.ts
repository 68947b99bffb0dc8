import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '@marsad/config';
import { ApiKeyVerifier, parseBearer, roleAtLeast, type Principal } from './api-keys';

export const REQUIRED_ROLE = 'marsad:requiredRole';
/** Minimum role for a route (or a controller). Routes under /v1 without it require `admin`. */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

export type AuthedRequest = Request & { principal?: Principal };

export const WWW_AUTHENTICATE = 'Bearer realm="marsad"';

/**
 * Authentication for everything under /v1, as Express middleware mounted BEFORE the body parser:
 * an unauthenticated request gets 401 whatever the path (known route or not) and its body is
 * never parsed. Authorisation (role per route) is the RolesGuard's job.
 */
export function apiKeyMiddleware(verifier: ApiKeyVerifier) {
  return (req: AuthedRequest, res: Response, next: NextFunction) => {
    const token = parseBearer(req.headers.authorization);
    const principal = token ? verifier.verify(token) : undefined;
    if (!principal) {
      res.setHeader('WWW-Authenticate', token ? `${WWW_AUTHENTICATE}, error="invalid_token"` : WWW_AUTHENTICATE);
      res
        .status(401)
        .json({ error: 'unauthorized', message: token ? 'invalid API key' : 'missing API key: send "Authorization: Bearer <key>"' });
      return;
    }
    req.principal = principal;
    next();
  };
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const annotated = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    // Express matches routes case-insensitively (/V1/watches reaches the /v1/watches handler), so
    // an annotated route is ALWAYS enforced, whatever the path looks like; an unannotated route
    // under /v1 (any case) needs admin; the rest (health, metrics, docs) is open.
    const v1 = /^\/v1(\/|$)/i.test(req.path);
    if (!annotated && !v1) return true;
    const need = annotated ?? 'admin';
    const p = req.principal;
    if (!p) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', WWW_AUTHENTICATE);
      throw new UnauthorizedException({ error: 'unauthorized', message: 'missing API key' });
    }
    if (!roleAtLeast(p.role, need))
      throw new ForbiddenException({
        error: 'forbidden',
        message: `this action needs role "${need}"; the key presented has role "${p.role}"`,
      });
    return true;
  }
}
