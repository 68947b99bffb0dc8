import { Agent, type Dispatcher } from 'undici';
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

/** A response body is read up to this many bytes, then the connection is dropped: only the status counts. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Connections kept open between deliveries (a new TCP connection per webhook cost the alerter more
 * CPU than the rest of a delivery, ADR 0020), through undici's `Agent` rather than Node's `http`
 * client: the same keep-alive pool for about half the CPU per request (ADR 0020, sixth session).
 * Sockets are pooled per origin; each new one connects through the guard's `safeLookup`, so the
 * address actually connected to is checked as before (DNS rebinding). Idle sockets close after 4 s,
 * before the usual 5 s server keep-alive timeout (or the server's own `Keep-Alive` hint, less 1 s).
 * At most 256 per origin: above the worker's own bound (16 jobs × 8 deliveries of a batch), so
 * nothing waits for a socket. No pipelining (one request per connection at a time) and no retry
 * inside the client: a failure goes back to the job's own retry, as before. One agent per guard
 * and timeout (the connect timeout is the delivery timeout).
 */
const agents = new WeakMap<UrlGuard, Map<number, Agent>>();
function agentFor(guard: UrlGuard, timeoutMs: number): Agent {
  let byTimeout = agents.get(guard);
  if (!byTimeout) agents.set(guard, (byTimeout = new Map()));
  let agent = byTimeout.get(timeoutMs);
  if (!agent) {
    agent = new Agent({
      connections: 256,
      pipelining: 1,
      keepAliveTimeout: 4000,
      keepAliveMaxTimeout: 4000,
      keepAliveTimeoutThreshold: 1000,
      // Our own timer (below) bounds the exchange; undici's would only duplicate it.
      headersTimeout: 0,
      bodyTimeout: 0,
      maxRedirections: 0,
      connect: { lookup: guard.safeLookup() as never, timeout: timeoutMs },
    });
    byTimeout.set(timeoutMs, agent);
  }
  return agent;
}

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
  const t0 = Date.now();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [ALERT_ID_HEADER]: args.alertId,
    [SIGNATURE_HEADER]: signWebhook(args.secret, args.body),
    'user-agent': args.userAgent ?? 'Marsad-Alerter/1',
    ...(args.attempt ? { 'X-Marsad-Delivery-Attempt': String(args.attempt) } : {}),
    ...(args.test ? { 'X-Marsad-Test': 'true' } : {}),
  };
  const agent = agentFor(args.guard, args.timeoutMs);
  return new Promise<WebhookResult>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let status = 0;
    let seen = 0;
    let settled = false;
    let abortRequest: ((err: Error) => void) | undefined;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) return reject(err);
      const durationMs = Date.now() - t0;
      if (status >= 200 && status < 300) resolve({ status, durationMs });
      else reject(new WebhookHttpError(status, `webhook answered HTTP ${status}`));
    };
    // The dispatch API without a response stream: the status, a bounded count of the body's bytes,
    // the end. `onConnect` runs when the request is written to its (connected) socket: the timeout
    // runs from there, not while it waits for a socket (a request sent just before its deadline would
    // otherwise be aborted after the receiver got it, and retried: a duplicate). Connecting is bounded
    // by the agent's connect timeout, the same number of milliseconds.
    const handler: Dispatcher.DispatchHandlers = {
      onConnect(abort) {
        abortRequest = abort;
        timer = setTimeout(() => abort(new Error(`webhook timed out after ${args.timeoutMs} ms`)), args.timeoutMs);
      },
      onHeaders(statusCode) {
        status = statusCode;
        return true;
      },
      onData(chunk) {
        seen += chunk.length;
        if (seen > MAX_ANSWER_BYTES) {
          // We never need a large answer: the status is what counts; drop the connection.
          settle();
          abortRequest?.(new Error('webhook answer over 64 KiB: connection dropped'));
          return false;
        }
        return true;
      },
      onComplete() {
        settle();
      },
      onError(err) {
        settle(err);
      },
    };
    agent.dispatch(
      {
        origin: u.origin,
        path: u.pathname + u.search,
        method: 'POST',
        headers,
        body: args.body,
      },
      handler,
    );
  });
}
