// Issue 11, English claims, sixth session b (branch enpassive): wire and broadsheet constructions still missing after
// session 6 — the post-posed unnamed officer of a named body after a quotation, passive attribution. Every sentence here
// is invented; the KB is a small stand-in.
import { claimsHarness, offsetsOk, all, actorMentions } from './claims-spec-support';
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'org:xa-fin', name: 'Xandrian Finance Ministry', type: 'organization', aliases: ['Finance Ministry'] },
  { id: 'org:norbank', name: 'Norbank', type: 'organization', aliases: ['Norbank'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/s6b' });
const claimsOf = (body: string) => {
  const out = enrich(body);
  expect(offsetsOk(out, body)).toBe(true);
  return all(out);
};

describe('session 6b — "…," said a spokesman for BODY', () => {
  it('"said a spokesman for the Finance Ministry" after a quotation → the ministry', () => {
    expect(claimsOf('"The talks will resume on Monday," said a spokesman for the Finance Ministry.')).toEqual([
      'Xandrian Finance Ministry | said | The talks will resume on Monday',
    ]);
  });
  it('"said a bank spokesman for X" (a descriptor before the officer noun) → X', () => {
    expect(claimsOf('Queues formed outside the branches.\n\n"No customer will lose money," said a bank spokesman for Norbank.')).toEqual([
      'Norbank | said | No customer will lose money',
    ]);
  });
  it('"said a senior official at X in CITY" → X (the place after the body ends the phrase)', () => {
    expect(claimsOf('"We expect the line to reopen by Friday," said a senior official at Gridco in Varno.')).toEqual([
      'Gridco | said | We expect the line to reopen by Friday',
    ]);
  });
  it('"said X, a spokeswoman for Y" stays with the named person X', () => {
    expect(claimsOf('"The branch will close," said Lina Hart, a spokeswoman for Norbank.')).toEqual([
      'Lina Hart | said | The branch will close',
    ]);
  });
  it('"said a spokeswoman for Y, NAME": the named person in apposition', () => {
    expect(claimsOf('"The branch will close," said a spokeswoman for Norbank, Lina Hart.')).toEqual([
      'Lina Hart | said | The branch will close',
    ]);
  });
  it('a spokesman for a person is no speaker (no claim for the person or anyone else)', () => {
    expect(claimsOf('Gridco shares fell.\n\n"She has no comment," said a spokesman for Lina Hart.')).toEqual([]);
  });
  it('a spokesman for an unnamed body is no speaker', () => {
    expect(claimsOf('Norbank and Gridco met on Monday.\n\n"Nothing was agreed," said a spokesman for the regulator.')).toEqual([]);
  });
});

describe('session 6b — passive attribution', () => {
  it('"Staff were told by X that CLAUSE" → X told the clause', () => {
    expect(claimsOf('Staff at the depot were told by Norbank that the branch would close in March.')).toEqual([
      'Norbank | told | the branch would close in March',
    ]);
  });
  it('"were warned by X that" → X', () => {
    expect(claimsOf('Farmers were warned by Lina Hart that the subsidy would end next year.')).toEqual([
      'Lina Hart | warned | the subsidy would end next year',
    ]);
  });
  it('"were told by X to leave" (an order, no that-clause) is no claim', () => {
    expect(claimsOf('Residents were told by Gridco to leave their homes before noon.')).toEqual([]);
  });
  it('"X is reported to have said that CLAUSE" → X', () => {
    expect(claimsOf('Lina Hart is reported to have said that the merger was dead.')).toEqual([
      'Lina Hart | reported to have said | the merger was dead',
    ]);
  });
  it('"X was understood to have told staff that CLAUSE" → X with the that-clause', () => {
    expect(claimsOf('Gridco was understood to have told staff that no jobs would go.')).toEqual([
      'Gridco | understood to have told | no jobs would go',
    ]);
  });
  it('"X is said to have been …" (no reporting verb after "have") is no claim', () => {
    expect(claimsOf('Lina Hart is said to have been furious about the merger.')).toEqual([]);
  });
});

describe('session 6b — governments of non-sovereign nations and regions (KB organisations)', () => {
  // the real KB: these bodies are KB entries, like the sovereign governments ("German government")
  const { loadKnowledgeBase } = require('@marsad/kb');
  const kbEnricher = new Enricher(loadKnowledgeBase());
  const run = (body: string) => {
    const out = kbEnricher.enrich({ url: 'https://x.test/s6b-gov', source: { name: 't' }, title: 'Title', body, language: 'en' });
    expect(offsetsOk(out, body)).toBe(true);
    return out;
  };
  it('"the Welsh government said" → Welsh Government, an organisation', () => {
    const body = 'Rail fares will rise in January. The Welsh government said the increase was unavoidable.';
    const out = run(body);
    expect(actorMentions(out, body, 'organization')).toContain('Welsh government');
    expect(all(out)).toEqual(['Welsh Government | said | the increase was unavoidable']);
  });
  it('"A Scottish Government spokeswoman said" → Scottish Government', () => {
    expect(all(run('Ferry services were cut again. A Scottish Government spokeswoman said new vessels would arrive next year.'))).toEqual([
      'Scottish Government | said | new vessels would arrive next year',
    ]);
  });
  it('"the Catalan government" is the regional body, not Spain', () => {
    const out = run('Talks stalled in Madrid. The Catalan government warned that it would not attend the summit.');
    expect(all(out)).toEqual(['Catalan government | warned | it would not attend the summit']);
  });
});
