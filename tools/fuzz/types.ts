/**
 * The admin fuzz's shared shapes: roles and the route → role table, a request as sent, the options and
 * the report. Split from admin-fuzz.ts by concern (issue 12); behaviour unchanged.
 */
export type Role = 'none' | 'badkey' | 'viewer' | 'operator' | 'admin';
export const RANK: Record<Role, number> = { none: -2, badkey: -1, viewer: 0, operator: 1, admin: 2 };

/** Role each route needs (the fuzz fails if the OpenAPI document has a /v1 route missing here). */
export const ROUTE_ROLES: Record<string, Exclude<Role, 'none' | 'badkey'>> = {
  'GET /v1/actors': 'viewer',
  'POST /v1/actors': 'admin',
  'POST /v1/actors/{id}/aliases': 'admin',
  'GET /v1/alerts': 'viewer',
  'POST /v1/alerts/{id}/retry': 'operator',
  'POST /v1/articles': 'operator',
  'GET /v1/dlq': 'viewer',
  'POST /v1/dlq/replay': 'admin',
  'POST /v1/reprocess': 'admin',
  'GET /v1/reprocess': 'viewer',
  'GET /v1/reprocess/{id}': 'viewer',
  'DELETE /v1/reprocess/{id}': 'admin',
  'GET /v1/status': 'viewer',
  'POST /v1/watches/{id}/test': 'operator',
  'POST /v1/watches': 'operator',
  'GET /v1/watches': 'viewer',
  'GET /v1/watches/{id}': 'viewer',
  'PUT /v1/watches/{id}': 'operator',
  'DELETE /v1/watches/{id}': 'operator',
  'POST /v1/consumers/{group}/partitions/{topic}/{partition}/skip': 'admin',
};

export interface FuzzOptions {
  requests: number;
  seed?: number;
  concurrency?: number;
  logFile?: string;
  namespace: string;
  /** Printed progress lines go here (the e2e test passes a no-op). */
  print?: (line: string) => void;
}

export interface Sent {
  method: string;
  path: string;
  role: Role;
  headers?: Record<string, string>;
  body?: string;
  /** Expected status (regressions) or a predicate. */
  expect?: number | ((status: number, body: string) => boolean);
  /** A webhook target built unsafe: a 2xx answer is a failure. */
  unsafeTarget?: string;
  name?: string;
}

export interface FuzzReport {
  requestsSent: number;
  byClass: Record<string, number>;
  fiveHundreds: { req: string; status: number; body: string }[];
  authMismatches: { req: string; role: Role; status: number; body: string }[];
  unsafeAccepted: { url: string; status: number }[];
  regressionFailures: { name: string; status: number; body: string }[];
  leaks: { req: string; body: string }[];
  clientErrors: number;
  clientErrorSamples: string[];
  rssBeforeMb: number;
  rssAfterMb: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  seconds: number;
  concurrentAliasEdits: { sent: number; ok: number; conflicts: number; present: number; missing: string[] };
}

export const KEYS = { viewer: 'fuzz-viewer-key-0123456789', operator: 'fuzz-operator-key-0123456789', admin: 'fuzz-admin-key-0123456789' };
export const MAX_BODY = 65536;
