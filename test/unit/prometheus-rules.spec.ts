/**
 * deploy/prometheus/marsad-rules.yaml and deploy/grafana/marsad-dashboard.json (issue 9 item 5):
 * the repository files pass tools/packaging/prometheus.ts, and each check REJECTS a broken copy
 * (a metric the code does not emit, a missing situation, a malformed rule, a failing promtool).
 */
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  EXPECTED_FROM_CODE,
  REQUIRED_ALERTS,
  checkDashboardText,
  checkRulesText,
  emittedMetricNames,
  isKnownMetric,
  metricsInExpr,
  promtoolCheckRules,
  validateMonitoring,
} from '../../tools/packaging/prometheus';

const root = resolve(__dirname, '../..');
const rulesText = readFileSync(join(root, 'deploy/prometheus/marsad-rules.yaml'), 'utf8');
const dashText = readFileSync(join(root, 'deploy/grafana/marsad-dashboard.json'), 'utf8');

describe('monitoring files of the repository', () => {
  it('pass the validation (promtool when installed, metrics emitted by the code)', () => {
    const r = validateMonitoring(root);
    expect(r.errors).toEqual([]);
    // Only the names announced as coming from the code may be missing from it.
    for (const m of r.pending) expect(EXPECTED_FROM_CODE).toContain(m);
  });

  it('cover every situation of issue 9 item 5', () => {
    const r = checkRulesText(rulesText);
    expect(r.errors).toEqual([]);
    for (const name of Object.keys(REQUIRED_ALERTS)) expect(r.alerts).toContain(name);
  });

  it('collect the metric names from the source', () => {
    const emitted = emittedMetricNames(root);
    for (const m of ['marsad_messages_in_total', 'marsad_dependency_up', 'marsad_alert_deliveries_total', 'marsad_http_requests_total'])
      expect(emitted.has(m)).toBe(true);
    expect(isKnownMetric('marsad_processing_seconds_bucket', emitted)).toBe(true);
    expect(isKnownMetric('marsad_processing_seconds_bogus', emitted)).toBe(false);
    expect(isKnownMetric('marsad_process_process_resident_memory_bytes', emitted)).toBe(true);
  });
});

describe('rules checks reject broken copies', () => {
  const doc = () => parse(rulesText);

  it('a metric the code does not emit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-prom-'));
    try {
      cpSync(join(root, 'deploy'), join(dir, 'deploy'), { recursive: true });
      for (const d of ['apps', 'libs']) cpSync(join(root, d), join(dir, d), { recursive: true });
      const d = doc();
      d.groups[0].rules[0].expr = 'sum(marsad_made_up_metric_total) > 0';
      writeFileSync(join(dir, 'deploy/prometheus/marsad-rules.yaml'), stringify(d));
      const r = validateMonitoring(dir, { promtool: join(dir, 'no-such-promtool') });
      expect(r.errors.join('\n')).toMatch(/metric marsad_made_up_metric_total is not emitted by the code/);
      expect(r.notes.join('\n')).toMatch(/promtool not installed.*apt-get install prometheus/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing situation, a rule without severity or summary, a bad duration, a duplicate', () => {
    const d = doc();
    const all = d.groups.flatMap((g: any) => g.rules);
    const wedged = d.groups.find((g: any) => g.rules.some((r: any) => r.alert === 'MarsadPartitionWedged'));
    wedged.rules = wedged.rules.filter((r: any) => r.alert !== 'MarsadPartitionWedged');
    delete all[0].labels.severity;
    delete all[1].annotations.summary;
    all[0].for = '10 minutes';
    d.groups[0].rules.push({ ...d.groups[0].rules[0] });
    const errors = checkRulesText(stringify(d)).errors.join('\n');
    expect(errors).toMatch(/no alert MarsadPartitionWedged \(a wedged partition\)/);
    expect(errors).toMatch(/labels.severity must be/);
    expect(errors).toMatch(/needs annotations.summary/);
    expect(errors).toMatch(/for "10 minutes" is not a duration/);
    expect(errors).toMatch(/is defined twice/);
    expect(checkRulesText('groups: [').errors[0]).toMatch(/not valid YAML/);
    expect(checkRulesText('groups: []').errors[0]).toMatch(/non-empty `groups:`/);
  });

  it('metric names inside label values are not metrics', () => {
    expect(metricsInExpr('sum(rate(marsad_a_total{x="marsad_not_a_metric"}[5m])) / marsad_b')).toEqual(['marsad_a_total', 'marsad_b']);
  });

  it('a dashboard without uid, a panel without query, a duplicate panel id', () => {
    const j = JSON.parse(dashText);
    delete j.uid;
    const p = j.panels.find((x: any) => x.type !== 'row');
    j.panels.push({ ...p, targets: [] });
    const errors = checkDashboardText(JSON.stringify(j)).errors.join('\n');
    expect(errors).toMatch(/needs a uid/);
    expect(errors).toMatch(/has no query/);
    expect(errors).toMatch(/panel id \d+ is used twice/);
    expect(checkDashboardText('{').errors[0]).toMatch(/not valid JSON/);
  });

  it('a failing promtool fails the check; a missing one is reported as skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-promtool-'));
    try {
      // A stand-in executable, to test the wiring only (the real promtool runs above when installed).
      const fake = join(dir, 'promtool');
      writeFileSync(fake, '#!/bin/sh\necho "FAILED: bad expression" >&2\nexit 1\n');
      chmodSync(fake, 0o755);
      expect(promtoolCheckRules(join(root, 'deploy/prometheus/marsad-rules.yaml'), fake)).toEqual({
        ran: true,
        ok: false,
        output: 'FAILED: bad expression',
      });
      expect(promtoolCheckRules('x.yaml', join(dir, 'absent')).ran).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
