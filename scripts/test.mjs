#!/usr/bin/env node
// `npm test`: the one test command (README, .ci/run). Uses only Node built-ins so it runs on a
// fresh clone: installs dependencies, type-checks, builds, starts the real local stack (Kafka,
// Elasticsearch, Redis) when it is not already running, runs the unit and end-to-end suites and
// the extraction-quality gates, stops what it started, and ends with a plain
// "N passed, N failed" line (CI reads that line, not jest's summary).
//
//   npm test                      everything
//   npm test -- --unit            unit tests and quality gates only (no stack)
//   MARSAD_KEEP_STACK=1 npm test  leave a stack this run started running afterwards
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const outDir = join(root, '.marsad', 'test');
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];
const t0 = Date.now();
const say = (m) => console.log(`[test] ${m}`);
const run = (cmd, argv, opts = {}) => spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env }, ...opts });
const step = (name, ok) => {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  say(`${ok ? 'PASS' : 'FAIL'} ${name}`);
};

// 1. dependencies
// Installed when node_modules is missing or came from another package-lock.json: compared by content
// (the hash bin/marsad writes too), not mtime — a clone or `git worktree add` makes the lock newer.
const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex');
const marker = join(root, 'node_modules', '.marsad-lock.sha256');
if (!existsSync(marker) || readFileSync(marker, 'utf8').trim() !== lockHash) {
  say('installing dependencies (npm ci)…');
  const r = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  if (r.status !== 0) {
    console.log('npm ci failed');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  writeFileSync(marker, `${lockHash}\n`);
}

// 2. type-check and build (bin/marsad runs the compiled code)
say('type-checking (tsc --noEmit)…');
step('typecheck', run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']).status === 0);
say('checking format (prettier) and lint (eslint)…');
step('format', run('npx', ['prettier', '--check', '--log-level=warn', '**/*.{ts,js,mjs,cjs}']).status === 0);
step('lint', run('npx', ['eslint', '.']).status === 0);
say('building…');
const built = run('bash', ['bin/marsad', 'build']).status === 0;
step('build', built);

// 3. the real stack, unless only unit tests were asked for
let startedStack = false;
if (!unitOnly) {
  const before = spawnSync('bash', ['scripts/stack.sh', 'status', '--quiet'], { cwd: root, encoding: 'utf8' });
  const wasHealthy = before.status === 0;
  say(wasHealthy ? 'local stack already healthy: reusing it' : 'starting the local stack (Kafka, Elasticsearch, Redis)…');
  const up = run('bash', ['scripts/stack.sh', 'up']);
  step('stack up', up.status === 0);
  startedStack = !wasHealthy && up.status === 0;
}

const cleanup = () => {
  if (startedStack && !process.env.MARSAD_KEEP_STACK) {
    say('stopping the servers this run started…');
    run('bash', ['scripts/stack.sh', 'down']);
    startedStack = false;
  }
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

// 4. jest: unit in parallel, e2e in band (they share the broker and 2 cores)
function jest(project, extra) {
  const out = join(outDir, `jest-${project}.json`);
  const r = run('npx', ['jest', '--ci', '--selectProjects', project, '--json', `--outputFile=${out}`, ...extra]);
  let res;
  try {
    res = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    step(`jest ${project} (did not report)`, false);
    return;
  }
  passed += res.numPassedTests;
  failed += res.numFailedTests;
  for (const suite of res.testResults) {
    for (const a of suite.assertionResults) if (a.status === 'failed') failures.push(`${project}: ${a.fullName}`);
    if (suite.status === 'failed' && suite.assertionResults.length === 0) {
      failed++;
      failures.push(`${project}: ${suite.name} (suite failed to run)`);
    }
  }
  if (r.status !== 0 && res.numFailedTests === 0 && res.numRuntimeErrorTestSuites === 0) step(`jest ${project} exit status`, false);
  say(`jest ${project}: ${res.numPassedTests} passed, ${res.numFailedTests} failed, ${res.numPendingTests} skipped`);
}
jest('unit', ['--maxWorkers=2']);
// --forceExit: a client handle left open by a suite (a reconnecting Redis or Kafka client of a
// stopped service) must not keep jest, and so CI, waiting after every result was written.
if (!unitOnly && !failures.includes('stack up')) jest('e2e', ['--runInBand', '--forceExit']);

// 5. extraction quality gates (scorer from ../shared; thresholds are in test/gold/thresholds.json)
const scorer = join(shared, 'tools', 'score-extraction.mjs');
if (built && existsSync(scorer)) {
  const gates = JSON.parse(readFileSync(join(root, 'test', 'gold', 'thresholds.json'), 'utf8'));
  for (const g of gates) {
    const expand = (p) => p.replace('${shared}', shared).replace('${root}', root);
    const goldPaths = g.gold.map(expand);
    const needed = [...goldPaths, ...(g.requires || []).map(expand)];
    if (!needed.every((p) => existsSync(p))) {
      say(`skip quality gate ${g.name}: ${needed.filter((p) => !existsSync(p)).join(', ')} absent`);
      continue;
    }
    const argv = [
      scorer,
      ...goldPaths.flatMap((p) => ['--gold', p]),
      '--cmd',
      `bash ${join(root, 'bin', 'marsad')} enrich --jsonl`,
      '--min-actor-f1',
      String(g.minActorF1),
      '--min-claim-f1',
      String(g.minClaimF1),
    ];
    say(`quality gate ${g.name} (actor F1 >= ${g.minActorF1}, claim F1 >= ${g.minClaimF1})`);
    // --json gives per-language precision and recall: the gate's `perLanguage` floors keep
    // precision visible beside F1 (a rule that adds wrong claims cannot hide behind recall).
    const r = spawnSync('node', [...argv, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    process.stdout.write(r.stdout.slice(r.stdout.lastIndexOf('}') + 1).trimStart());
    let ok = r.status === 0;
    if (r.status !== 0 && r.stderr) process.stdout.write(r.stderr);
    try {
      const score = JSON.parse(r.stdout.slice(0, r.stdout.lastIndexOf('}') + 1));
      for (const [lang, floors] of Object.entries(g.perLanguage ?? {})) {
        const s = score[lang];
        if (!s) continue;
        const got = { actorF1: s.actors.f1, claimF1: s.claims.f1, claimP: s.claims.p, claimR: s.claims.r };
        const line = Object.entries(got).map(([k, v]) => `${k} ${v.toFixed(2)}`);
        const low = Object.entries(floors).filter(([k, min]) => got[k.replace(/^min/, '').replace(/^./, (c) => c.toLowerCase())] < min);
        say(`  ${lang}: ${line.join(' · ')}${low.length ? ` — BELOW ${low.map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}`);
        if (low.length) ok = false;
      }
    } catch {
      say(`  could not read the scorer's --json output`);
      ok = false;
    }
    step(`quality gate ${g.name}`, ok);
  }
} else if (!existsSync(scorer)) {
  say('skip quality gates: ../shared/tools/score-extraction.mjs absent');
}

cleanup();
const secs = Math.round((Date.now() - t0) / 1000);
if (failures.length) {
  say('failed:');
  for (const f of failures) console.log(`  - ${f}`);
}
say(`total time ${secs} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
