import { Client, type ClientOptions } from '@elastic/elasticsearch';

export interface EsClientOptions {
  /** Per-request timeout (ms), default 30 s. */
  requestTimeout?: number;
  /** Client-level retries on connection errors / 502-504 (default 1: our runners retry with backoff). */
  maxRetries?: number;
  extra?: Partial<ClientOptions>;
}

/**
 * Elasticsearch 8.19 client. Works against the Maven integ-test zip, which has no `GET /`:
 * never call `client.ping()`/`info()` (use `esHealthIndicator`), and do not enable sniffing.
 * Credentials may be given in the URL (`http://user:pass@host:9200`).
 */
export function createEsClient(url: string, opts: EsClientOptions = {}): Client {
  const u = new URL(url);
  const auth = u.username ? { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : undefined;
  u.username = '';
  u.password = '';
  return new Client({
    node: u.toString().replace(/\/$/, ''),
    ...(auth ? { auth } : {}),
    maxRetries: opts.maxRetries ?? 1,
    requestTimeout: opts.requestTimeout ?? 30_000,
    sniffOnStart: false,
    sniffOnConnectionFault: false,
    ...opts.extra,
  });
}
