/**
 * `npm run validate:packaging`: validates docker-compose.yml, the k8s overlays, the Strimzi/ECK
 * examples and the Kibana saved objects without Docker or a cluster, and prints what each check
 * covers. Exit code 1 when anything is wrong.
 */
import { resolve } from 'node:path';
import { validateAll } from './validate';

const root = resolve(process.argv[2] ?? process.cwd());
const reports = validateAll(root);
let failed = 0;
for (const r of reports) {
  const ok = r.errors.length === 0;
  if (!ok) failed++;
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${r.name}\n      covers: ${r.covers}\n`);
  for (const e of r.errors) process.stdout.write(`      - ${e}\n`);
}
process.stdout.write(
  `\n${reports.length - failed} passed, ${failed} failed\n` +
    'Not covered here (needs a Docker engine / a cluster): image build, container start-up, `docker compose config` with the current compose-go, `kubectl apply --dry-run=server` admission (docs/deploy.md).\n',
);
process.exit(failed ? 1 : 0);
