/**
 * `npm run fuzz:admin [-- --requests 20000 --seed 13 --concurrency 8]`: the admin fuzz at a large
 * size against the local stack (a fresh MARSAD_NAMESPACE, removed afterwards). Prints the figures
 * and exits 1 on any 5xx, auth-matrix mismatch, unsafe target accepted or lost write.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { failed, formatReport, runAdminFuzz } from './admin-fuzz';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

async function main(): Promise<void> {
  const ns = `fz${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const logDir = resolve(__dirname, '../../..', '.marsad', 'fuzz-logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${ns}-admin.log`);
  const requests = arg('requests', 20_000);
  process.stdout.write(`admin fuzz: ${requests} requests, namespace ${ns}, admin log ${logFile}\n`);
  const report = await runAdminFuzz({ namespace: ns, requests, seed: arg('seed', 13), concurrency: arg('concurrency', 8), logFile });
  process.stdout.write(formatReport(report) + '\n');
  process.exit(failed(report) ? 1 : 0);
}

main().catch((err) => {
  process.stderr.write(`admin fuzz failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
