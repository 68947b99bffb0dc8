import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type INestApplication,
  type NestInterceptor,
} from '@nestjs/common';

/**
 * The admin's HTTP edge: what is refused before a route (or even the body) is looked at.
 * - A declared Content-Length over the limit is answered 413 at once and the connection closed,
 *   so a client announcing 10^12 bytes holds nothing (the body parser alone would read up to the
 *   limit first, and Node would then drain the rest of a keep-alive request).
 * - Header and whole-request timeouts on the server: a slow client cannot hold a socket forever.
 * - No X-Powered-By.
 * - Every query parameter is a single plain string (`?q=a&q=b` is an array: 400 naming it).
 * - JSON bodies are bounded in depth (free-form fields such as an article's `metadata` accept any
 *   keys; 5,000 levels made JSON.stringify in the publisher overflow the stack).
 */
export const MAX_JSON_DEPTH = 64;
/** Time to receive the request headers, and the whole request (Node's defaults are 60 s and 300 s). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** Call once, before authentication (a refused size needs no key: nothing is read). */
export function installEdge(app: INestApplication, maxBodyBytes: number): void {
  const server = app.getHttpServer() as Server;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  app.use(declaredLengthLimit(maxBodyBytes));
}

/** Refuses, closing the connection, a request whose declared body is over `maxBytes` (or malformed). */
export function declaredLengthLimit(maxBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.headers['content-length'];
    if (declared === undefined) return next();
    if (!/^\d{1,20}$/.test(declared)) return refuse(res, 400, 'bad_request', 'Content-Length must be a whole number of bytes');
    if (Number(declared) > maxBytes)
      return refuse(res, 413, 'payload_too_large', `request body exceeds ${maxBytes} bytes (MARSAD_MAX_BODY_BYTES)`);
    next();
  };
}

function refuse(res: Response, status: number, error: string, message: string): void {
  // Connection: close makes Node end the socket after the answer instead of draining the body.
  res.setHeader('Connection', 'close');
  res.status(status).json({ error, field: status === 400 ? 'Content-Length' : '(body)', message });
}

/**
 * A refusal found before routing (bad query shape, bad JSON, too deep, wrong media type) is not
 * answered at once: it is kept on the request and thrown by EdgeErrorInterceptor, which runs after
 * the roles guard — so a key without the route's role gets 403 whatever its body, and an unknown
 * route 404. (Only a too-large body is answered before authentication: nothing of it is read.)
 */
export interface EdgeRequest extends Request {
  edgeError?: { status: number; body: Record<string, unknown> };
}

export function deferRefusal(req: Request, status: number, body: Record<string, unknown>): void {
  (req as EdgeRequest).edgeError ??= { status, body };
}

const invalidField = (field: string, message: string) => ({
  error: 'validation_failed',
  field,
  message: `${field}: ${message}`,
  errors: [{ field, message }],
});

/** Refuses (deferred) the first query parameter that is repeated or nested (only plain `name=value` is valid). */
export function singleQueryValues(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    for (const [k, v] of Object.entries(req.query as Record<string, unknown>)) {
      if (typeof v !== 'string') {
        deferRefusal(req, 400, invalidField(k, 'must be given once, as a plain value'));
        break;
      }
    }
    next();
  };
}

/** A write without a JSON body (wrong or missing Content-Type) is a client error, said plainly (deferred). */
export function jsonMediaType(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (
      (req.method === 'POST' || req.method === 'PUT') &&
      req.path.startsWith('/v1/') &&
      !req.is('application/json') &&
      !req.is('application/*+json')
    )
      deferRefusal(req, 415, { error: 'unsupported_media_type', message: 'send the body as JSON with "Content-Type: application/json"' });
    next();
  };
}

/** Throws the refusal kept by the edge middleware; global, so it runs after the roles guard. */
@Injectable()
export class EdgeErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest<EdgeRequest>();
    const e = req.edgeError;
    if (!e) return next.handle();
    // A body left unread (e.g. text/plain) is not drained on a kept-alive connection.
    if (!req.complete) context.switchToHttp().getResponse<Response>().setHeader('Connection', 'close');
    throw new HttpException(e.body, e.status);
  }
}

/**
 * The path of the first value nested deeper than `max` levels (objects and arrays), or undefined.
 * Iterative, so it cannot itself overflow the stack.
 */
export function tooDeep(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return path || '(body)';
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, depth: depth + 1, path: `${path}[${i}]` }));
    else for (const [k, x] of Object.entries(v)) stack.push({ v: x, depth: depth + 1, path: path ? `${path}.${k}` : k });
  }
  return undefined;
}

/**
 * After authentication: single query values, the JSON body parser with the size limit, then the
 * depth bound (400 naming the too-deep field).
 */
export function jsonBody(maxBytes: number): RequestHandler[] {
  return [
    singleQueryValues(),
    jsonMediaType(),
    express.json({ limit: maxBytes, type: ['application/json', 'application/*+json'] }),
    (req: Request, _res: Response, next: NextFunction) => {
      const path = req.body === undefined ? undefined : tooDeep(req.body);
      if (path) {
        // Name the top of the too-deep branch: the path itself can be 64 segments long.
        const field = path.split(/[.[]/)[0] || '(body)';
        deferRefusal(
          req,
          400,
          invalidField(field, `nested deeper than ${MAX_JSON_DEPTH} levels (at ${path.slice(0, 200)}${path.length > 200 ? '…' : ''})`),
        );
        req.body = undefined;
      }
      next();
    },
  ];
}
