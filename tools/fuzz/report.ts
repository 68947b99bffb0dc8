/** The admin fuzz's oracles (what makes an answer a failure) and its report. */
import type { Answer } from './http';
import { matchRoute, type Route } from './generators';
import { RANK, ROUTE_ROLES, type FuzzReport, type Sent } from './types';

export function emptyReport(): FuzzReport {
  return {
    requestsSent: 0,
    byClass: {},
    fiveHundreds: [],
    authMismatches: [],
    unsafeAccepted: [],
    regressionFailures: [],
    leaks: [],
    clientErrors: 0,
    clientErrorSamples: [],
    rssBeforeMb: 0,
    rssAfterMb: 0,
    heapBeforeMb: 0,
    heapAfterMb: 0,
    seconds: 0,
    concurrentAliasEdits: { sent: 0, ok: 0, conflicts: 0, present: 0, missing: [] },
  };
}

/** Counts one answer and files it under every oracle it breaks: 5xx, internals in the body, the auth
 * matrix, an unsafe target accepted, a regression's expected status. */
export function judge(report: FuzzReport, routes: Route[], r: Sent, a: Answer): void {
  report.requestsSent++;
  const cls = `${Math.floor(a.status / 100)}xx`;
  report.byClass[cls] = (report.byClass[cls] ?? 0) + 1;
  const label = `${r.method} ${r.path.slice(0, 160)}${r.name ? ` [${r.name}]` : ''}`;
  if (a.status >= 500) report.fiveHundreds.push({ req: label, status: a.status, body: a.body.slice(0, 300) });
  if (/\bat [\w.<>]+ \(|node_modules|_exception|search_phase|TypeError|RangeError/.test(a.body))
    report.leaks.push({ req: label, body: a.body.slice(0, 300) });
  const route = matchRoute(routes, r.method, r.path.split('?')[0]);
  if (route && a.status !== 413 && a.status !== 429) {
    const need = ROUTE_ROLES[`${route.method} ${route.path}`];
    const expected = RANK[r.role] < 0 ? 401 : RANK[r.role] < RANK[need] ? 403 : undefined;
    if (expected !== undefined ? a.status !== expected : a.status === 401 || a.status === 403)
      report.authMismatches.push({ req: label, role: r.role, status: a.status, body: a.body.slice(0, 200) });
  }
  if (r.unsafeTarget && a.status >= 200 && a.status < 300) report.unsafeAccepted.push({ url: r.unsafeTarget, status: a.status });
  if (r.expect !== undefined) {
    const ok = typeof r.expect === 'number' ? a.status === r.expect : r.expect(a.status, a.body);
    if (!ok) report.regressionFailures.push({ name: r.name ?? label, status: a.status, body: a.body.slice(0, 300) });
  }
}

/** The figures, one per line, as both the e2e test and the CLI print them. */
export function formatReport(r: FuzzReport): string {
  const lines = [
    `requests sent:            ${r.requestsSent} in ${r.seconds} s (${r.clientErrors} client-side errors)`,
    `answers by status class:  ${Object.entries(r.byClass)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `5xx:                      ${r.fiveHundreds.length}`,
    `auth-matrix mismatches:   ${r.authMismatches.length}`,
    `unsafe targets accepted:  ${r.unsafeAccepted.length}`,
    `regressions failed:       ${r.regressionFailures.length}`,
    `internals in bodies:      ${r.leaks.length}`,
    `concurrent alias edits:   ${r.concurrentAliasEdits.sent} sent, ${r.concurrentAliasEdits.ok} × 200, ${r.concurrentAliasEdits.conflicts} × 409, ${r.concurrentAliasEdits.present}/${r.concurrentAliasEdits.ok} acknowledged present`,
    `RSS before/after:         ${r.rssBeforeMb} MB → ${r.rssAfterMb} MB (heap ${r.heapBeforeMb} → ${r.heapAfterMb} MB${(globalThis as { gc?: unknown }).gc ? ', after gc' : ''})`,
  ];
  for (const x of r.clientErrorSamples) lines.push(`  client-side error: ${x}`);
  for (const x of r.fiveHundreds.slice(0, 10)) lines.push(`  5xx ${x.status} ${x.req}: ${x.body}`);
  for (const x of r.authMismatches.slice(0, 10)) lines.push(`  auth ${x.role} → ${x.status} ${x.req}: ${x.body}`);
  for (const x of r.unsafeAccepted.slice(0, 10)) lines.push(`  unsafe accepted (${x.status}): ${x.url}`);
  for (const x of r.regressionFailures.slice(0, 20)) lines.push(`  regression "${x.name}" got ${x.status}: ${x.body}`);
  for (const x of r.leaks.slice(0, 10)) lines.push(`  internals in ${x.req}: ${x.body}`);
  return lines.join('\n');
}

export function failed(r: FuzzReport): boolean {
  return (
    r.fiveHundreds.length > 0 ||
    r.authMismatches.length > 0 ||
    r.unsafeAccepted.length > 0 ||
    r.regressionFailures.length > 0 ||
    r.leaks.length > 0 ||
    r.concurrentAliasEdits.missing.length > 0 ||
    r.concurrentAliasEdits.ok + r.concurrentAliasEdits.conflicts !== r.concurrentAliasEdits.sent
  );
}
