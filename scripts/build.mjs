#!/usr/bin/env node
// Compiles the whole monorepo into dist/ atomically: tsc + tsc-alias into a fresh folder, then a
// rename swap. Two builds at once (a developer and a test run, or several terminals) can never
// leave a half-written dist/ with un-rewritten `@marsad/*` imports behind, and running services
// keep the modules they already loaded.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, `.dist-build-${process.pid}`);
const old = join(root, `.dist-old-${process.pid}`);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
};

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', tmp]);
run(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', tmp]);
writeFileSync(join(tmp, '.build-stamp'), new Date().toISOString() + '\n');
const dist = join(root, 'dist');
if (existsSync(dist)) renameSync(dist, old);
renameSync(tmp, dist);
rmSync(old, { recursive: true, force: true });
