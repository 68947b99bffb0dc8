// Issue 11, English, eighth pass (fifth session, branch enclaims2): speaker resolution by role and type. Every sentence
// is invented; the KB is a small stand-in.
import { claimsHarness, offsetsOk, all } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'country:BO', name: 'Borduria', type: 'country', aliases: ['Borduria', 'Bordurian'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'org:norbank', name: 'Norbank', type: 'organization', aliases: ['Norbank'] },
  { id: 'org:xa-finance', name: 'Xandrian Finance Ministry', type: 'organization', aliases: ['Finance Ministry'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', country: 'XA', aliases: ['Omar Fayed', 'Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', country: 'BO', aliases: ['Lina Hart', 'Hart'] },
  { id: 'person:sami-nour', name: 'Sami Nour', type: 'person', country: 'XA', aliases: ['Sami Nour', 'Nour'] },
  { id: 'person:tom-reyes', name: 'Tom Reyes', type: 'person', aliases: ['Tom Reyes', 'Reyes'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/p8' });
const claimsOf = (body: string) => {
  const out = enrich(body);
  expect(offsetsOk(out, body)).toBe(true);
  return all(out);
};

describe("pass 8 — a named person's office, campaign or team speaks for the person", () => {
  it('"X\'s office said" → X', () => {
    expect(claimsOf("Omar Fayed toured the harbour on Friday. Fayed's office said the visit had been planned for weeks.")).toEqual([
      'Omar Fayed | said | the visit had been planned for weeks',
    ]);
  });
  it('"CONTENT, X\'s campaign said" → X', () => {
    expect(claimsOf("The crowd was the largest of the season, Lina Hart's campaign said on Sunday.")).toEqual([
      'Lina Hart | said | The crowd was the largest of the season',
    ]);
  });
  it('"X\' team said" (possessive after s) → X', () => {
    expect(claimsOf("Tom Reyes missed the vote. Reyes' team said he had been unwell all week.")).toEqual([
      'Tom Reyes | said | he had been unwell all week',
    ]);
  });
  it("a body's office is not a person's: no person is made up", () => {
    expect(claimsOf("Gridco's office said the plant would reopen in May.")).not.toContainEqual(expect.stringMatching(/^(Omar|Lina|Tom)/));
  });
});

describe('pass 8 — a business epithet for the one company the last sentences name', () => {
  it('"Shares in X fell ... . The lender said" → X', () => {
    expect(claimsOf('Shares in Norbank fell 4% in early trading. The lender said profits would recover next year.')).toEqual([
      'Norbank | said | profits would recover next year',
    ]);
  });
  it('"X stock rose ... . The utility said" → X', () => {
    expect(claimsOf('Gridco stock rose after the storm. The utility said repairs would take two weeks.')).toEqual([
      'Gridco | said | repairs would take two weeks',
    ]);
  });
  it('two companies named: refuse rather than guess', () => {
    expect(claimsOf('Shares in Norbank and Gridco fell 4% in early trading. The lender said profits would recover next year.')).toEqual([]);
  });
  it('a ministry is no lender', () => {
    expect(claimsOf('The Finance Ministry cut its growth forecast. The lender said profits would recover next year.')).toEqual([]);
  });
});

describe('pass 8 — a country-qualified role goes to the person of that country (KB country)', () => {
  it('"A met B. The Bordurian president said" → the Bordurian, not the subject', () => {
    expect(claimsOf('Omar Fayed met Lina Hart in the capital on Monday. The Bordurian president said the talks had been frank.')).toEqual([
      'Lina Hart | said | the talks had been frank',
    ]);
  });
  it('possessive: "Xandria\'s president said" → the Xandrian named before', () => {
    expect(claimsOf("Lina Hart hosted Omar Fayed for two days of talks. Xandria's president said the border would stay open.")).toEqual([
      'Omar Fayed | said | the border would stay open',
    ]);
  });
  it('a person of another country is never taken, even as the last speaker', () => {
    const out = claimsOf('Lina Hart said the talks went well. The Xandrian president said the border would stay open.');
    expect(out).toContain('Lina Hart | said | the talks went well');
    expect(out).not.toContain('Lina Hart | said | the border would stay open');
  });
  it('two compatriots named: the one who spoke last, never the foreigner', () => {
    const out = claimsOf(
      'Omar Fayed and Sami Nour met Lina Hart on Monday. Nour said the visit was long overdue. The Xandrian president said the border would stay open.',
    );
    expect(out).toContain('Sami Nour | said | the border would stay open');
  });
  it('a modified role ("the Bordurian finance minister") is never given to a person of another country', () => {
    const out = claimsOf(
      'Omar Fayed met Lina Hart on Monday. Fayed said the talks went well. The Bordurian finance minister said the budget was sound.',
    );
    expect(out.filter((c) => c.includes('the budget'))).not.toContainEqual(expect.stringMatching(/^Omar Fayed /));
  });
});
