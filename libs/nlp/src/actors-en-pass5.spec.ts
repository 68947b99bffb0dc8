// Round 5 (en, actors/en/rules.ts): a one-word organisation recognised by its cue at one occurrence is that
// organisation at its other occurrences. Invented sentences; no KB entry for the names.
import { Enricher } from './index';

const enricher = new Enricher({ version: 1, actors: () => [] });
const enrich = (body: string) =>
  enricher.enrich(
    { url: 'https://x.test/a5', source: { name: 't' }, title: 'T', body, language: 'en' },
    { now: new Date('2026-01-01T00:00:00Z') },
  );

describe('round 5 — one-word organisation names recognised at every occurrence', () => {
  it('the occurrences before the cue and after a preposition join the organisation', () => {
    const body =
      'Zentrix was fighting three lawsuits. Regulators sought data from Zentrix last year. Zentrix claimed it had assets of $10m.';
    const out = enrich(body);
    const z = out.actors.filter((a) => a.name === 'Zentrix');
    expect(z.map((a) => a.type)).toEqual(['organization']);
    expect(z[0].mentions.map((m) => m.start)).toEqual([0, body.indexOf('Zentrix last'), body.lastIndexOf('Zentrix')]);
  });
  it('a word inside a longer capitalised name is left alone', () => {
    const body = 'Zentrix claimed it was solvent. The Zentrix Foundation gave $2m to schools.';
    const out = enrich(body);
    const z = out.actors.find((a) => a.name === 'Zentrix');
    expect(z?.mentions.map((m) => m.start)).toEqual([0]);
  });
});
