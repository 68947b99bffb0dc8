import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * e2e suites run against the real Kafka, Elasticsearch and Redis. `npm test` starts the stack
 * before jest; this covers `npx jest --selectProjects e2e` run on its own. `stack up` reuses
 * healthy servers, so it is cheap when everything already runs.
 */
export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '../../..');
  const r = spawnSync('bash', ['scripts/stack.sh', 'up'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('the local stack did not start: run `bin/marsad stack up` and read its message');
}
