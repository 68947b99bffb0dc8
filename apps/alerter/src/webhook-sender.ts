import http from 'node:http';
import https from 'node:https';
import { ALERT_ID_HEADER, SIGNATURE_HEADER, signWebhook, type UrlGuard } from '@marsad/alerts';

export interface WebhookResult {
  status: number;
  durationMs: number;
}

export class WebhookHttpError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'WebhookHttpError';
  }
}

/**
 * Connections kept open between deliveries (a new TCP connection per webhook cost the alerter more
 * CPU than the rest of a delivery, ADR 0020). Sockets are pooled per host and port; each new one
 * still connects through the guard's safeLookup, so the address connected to is checked as before.
 * Idle sockets close after 4 s, before the usual 5 s server keep-alive timeout. At most 256 per
 * host, all of them kept while idle: above the worker's own bound (16 jobs × 8 deliveries of a
 * batch), so nothing waits for a socket and a burst does not close and reopen connections.
 */
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 256, timeout: 4000, scheduling: 'lifo' }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 256, timeout: 4000, scheduling: 'lifo' }),
};

/**
 * POSTs a signed webhook. The body is serialised by the caller once; the signature covers exactly
 * those bytes and a fresh timestamp per attempt. Redirects are not followed (a 3xx is a failure:
 * following it would bypass the URL guard). The connection goes through `guard.safeLookup()`, so
 * the address actually connected to is checked at delivery time (DNS rebinding).
 * Resolves on 2xx; throws WebhookHttpError (status) or a network/timeout error otherwise.
 */
export async function postWebhook(args: {
  url: string;
  body: string;
  alertId: string;
  secret: string;
  timeoutMs: number;
  guard: UrlGuard;
  attempt?: number;
  userAgent?: string;
  /** A test alert (POST /v1/watches/:id/test) also carries `X-Marsad-Test: true`. */
  test?: boolean;
}): Promise<WebhookResult> {
  await args.guard.check(args.url);
  const u = new URL(args.url);
  const tls = u.protocol === 'https:';
  const mod = tls ? https : http;
  const t0 = Date.now();
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(args.body)),
    [ALERT_ID_HEADER]: args.alertId,
    [SIGNATURE_HEADER]: signWebhook(args.secret, args.body),
    'User-Agent': args.userAgent ?? 'Marsad-Alerter/1',
    ...(args.attempt ? { 'X-Marsad-Delivery-Attempt': String(args.attempt) } : {}),
    ...(args.test ? { 'X-Marsad-Test': 'true' } : {}),
  };
  return new Promise<WebhookResult>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const req = mod.request(
      u,
      {
        method: 'POST',
        headers,
        lookup: args.guard.safeLookup() as unknown as http.RequestOptions['lookup'],
        agent: tls ? agents.https : agents.http,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let seen = 0;
        res.on('data', (c: Buffer) => {
          seen += c.length;
          if (seen > 64 * 1024) res.destroy(); // we never need a large answer
        });
        const done = () => {
          clearTimeout(timer);
          const durationMs = Date.now() - t0;
          if (status >= 200 && status < 300) resolve({ status, durationMs });
          else reject(new WebhookHttpError(status, `webhook answered HTTP ${status}`));
        };
        res.on('end', done);
        res.on('close', done); // destroyed after 64 KiB: the status is what counts
        res.on('error', () => undefined);
      },
    );
    // The timeout runs from the moment the request has its socket (connect included), not while it
    // waits for a pooled one: a request sent just before its deadline would otherwise be aborted
    // after the receiver got it, and retried — a duplicate.
    req.once('socket', () => {
      timer = setTimeout(() => req.destroy(new Error(`webhook timed out after ${args.timeoutMs} ms`)), args.timeoutMs);
    });
    req.on('error', (err: Error) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(args.body);
  });
}
