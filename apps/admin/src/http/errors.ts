import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ZodError } from 'zod';
import { fieldErrors, type FieldError } from '@marsad/contracts';
import { errorFields, type Logger } from '@marsad/observability';
import { deferRefusal } from './edge';

/** 400 `{ error: "validation_failed", field, message, errors: [{ field, message }...] }`. */
export class ValidationFailed extends HttpException {
  constructor(readonly errors: FieldError[]) {
    const first = errors[0] ?? { field: '(root)', message: 'invalid' };
    super({ error: 'validation_failed', field: first.field, message: `${first.field}: ${first.message}`, errors }, HttpStatus.BAD_REQUEST);
  }
  static fromZod(err: ZodError): ValidationFailed {
    return new ValidationFailed(fieldErrors(err));
  }
  static field(field: string, message: string): ValidationFailed {
    return new ValidationFailed([{ field, message }]);
  }
}

const CODE: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'unavailable',
};

/** Every error leaves as JSON `{ error, message, ... }`; unexpected ones as 500 without internals. */
@Catch()
export class JsonExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (
        typeof body === 'object' &&
        body !== null &&
        'error' in body &&
        typeof (body as { error: unknown }).error === 'string' &&
        'message' in body
      ) {
        res.status(status).json(body);
      } else {
        const message =
          typeof body === 'string'
            ? body
            : Array.isArray((body as { message?: unknown }).message)
              ? (body as { message: string[] }).message.join('; ')
              : String((body as { message?: unknown }).message ?? exception.message);
        res.status(status).json({ error: CODE[status] ?? 'error', message });
      }
      return;
    }
    this.logger.error('unhandled error', { method: req.method, path: req.path, ...errorFields(exception) });
    res.status(500).json({ error: 'internal_error', message: 'internal error' });
  }
}

/**
 * Express error handler placed right after the JSON body parser: body over MARSAD_MAX_BODY_BYTES →
 * 413 at once; malformed JSON → 400 and wrong charset → 415 after the roles guard; always as JSON
 * (Express would answer HTML).
 */
export function bodyParserErrorHandler(maxBytes: number) {
  return (err: Error & { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (!err || typeof err.status !== 'number') return next(err);
    if (err.type === 'entity.too.large' || err.status === 413) {
      // Close rather than drain the rest of an over-long (chunked) body.
      res.setHeader('Connection', 'close');
      res.status(413).json({ error: 'payload_too_large', message: `request body exceeds ${maxBytes} bytes (MARSAD_MAX_BODY_BYTES)` });
      return;
    }
    // The others are answered after the roles guard (EdgeErrorInterceptor): 403 comes first.
    if (err.type === 'entity.parse.failed')
      deferRefusal(req, 400, {
        error: 'invalid_json',
        field: '(body)',
        message: `request body is not valid JSON: ${err.message.slice(0, 200)}`,
      });
    else if (err.status === 415 || err.type === 'charset.unsupported' || err.type === 'encoding.unsupported')
      deferRefusal(req, 415, { error: 'unsupported_media_type', message: err.message.slice(0, 200) });
    else
      deferRefusal(req, err.status >= 400 && err.status < 500 ? err.status : 400, {
        error: 'bad_request',
        message: err.message.slice(0, 200),
      });
    req.body = undefined;
    next();
  };
}
