/**
 * Hostile-input fuzz of the REAL admin API on the real stack (issue 13), at a size that fits CI:
 * property-based requests over the OpenAPI routes under every role, the cases as named
 * regressions, 20 concurrent alias edits on one actor. Fails on any 5xx, auth-matrix mismatch,
 * unsafe webhook target accepted, failed regression, internals in a body, or a lost alias.
 * The larger run: `npm run fuzz:admin` (tools/fuzz/cli.ts), same figures.
 */
import { failed, formatReport, runAdminFuzz } from '../../tools/fuzz/admin-fuzz';
import { testLogFile, testNamespace } from './support/env';

jest.setTimeout(240_000);

test('admin fuzz: 0 5xx, 0 auth mismatches, 0 unsafe targets accepted, every acknowledged alias present', async () => {
  const ns = testNamespace('fz');
  const report = await runAdminFuzz({
    namespace: ns,
    requests: Number(process.env.MARSAD_FUZZ_REQUESTS ?? 1500),
    seed: Number(process.env.MARSAD_FUZZ_SEED ?? 13),
    logFile: testLogFile(`${ns}-admin`),
    print: () => undefined,
  });
  // The figures are the point of this suite: shown on every run, not only on failure.
  process.stdout.write(`\nadmin fuzz (${ns}):\n${formatReport(report)}\n`);
  expect(report.fiveHundreds).toEqual([]);
  expect(report.authMismatches).toEqual([]);
  expect(report.unsafeAccepted).toEqual([]);
  expect(report.regressionFailures).toEqual([]);
  expect(report.leaks).toEqual([]);
  expect(report.concurrentAliasEdits.missing).toEqual([]);
  expect(report.concurrentAliasEdits.ok + report.concurrentAliasEdits.conflicts).toBe(report.concurrentAliasEdits.sent);
  expect(report.concurrentAliasEdits.ok).toBeGreaterThan(0);
  expect(failed(report)).toBe(false);
});
