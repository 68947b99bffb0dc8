// The README's configuration section is the operator's reference: every variable a service's typed
// config reads must be named there (a helper added to libs/config and forgotten in the README is
// a setting nobody can find). Variables only tests read (MARSAD_TEST_*) are exempt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminEnv, alerterEnv, commonEnv, enricherEnv, indexerEnv } from '@marsad/config';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const names = [...new Set([commonEnv, enricherEnv, indexerEnv, alerterEnv, adminEnv].flatMap((s) => Object.keys(s)))];

describe('README configuration', () => {
  it.each(names.filter((n) => !n.startsWith('MARSAD_TEST_')))('documents %s', (name) => {
    expect(readme).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
