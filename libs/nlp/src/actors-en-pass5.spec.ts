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

describe('round 5 — an organisation noun in apposition before a one-word name', () => {
  it('"rights group Zentrix", "watchdog Carvex" are organisations; "group" without a name is nothing', () => {
    const out = enrich('Human rights group Zentrix has argued that the law is unfair. It was listed by the watchdog Carvex in May.');
    const orgs = out.actors.filter((a) => a.type === 'organization').map((a) => a.name);
    expect(orgs.sort()).toEqual(['Carvex', 'Zentrix']);
    expect(out.claims.map((c) => `${c.speaker.name} | ${c.text}`)).toEqual(['Zentrix | the law is unfair']);
  });
});
