// English actors, round 6 (issue 11, ADR 0017 fifth session): organisation names with an article or a list of
// portfolios inside, appositions before multi-word names and "a company called X", country + corporate noun, short forms
// of a named body, "X-based". Every sentence is invented (fictional bodies and people); the KB is a small stand-in.
import type { KbActor } from '@marsad/contracts';
import { actorMentions, claimsHarness } from './claims-spec-support';

const KB: KbActor[] = [
  { id: 'country:US', name: 'United States', type: 'country', aliases: ['United States', 'US', 'U.S.'] },
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'org:eu', name: 'European Union', type: 'organization', aliases: ['European Union', 'EU', 'Brussels'] },
];
const enrich = claimsHarness(KB, { title: 'title', language: 'en', url: 'https://x.test/a' });
const mentions = actorMentions;

describe('organisation names with inner function words (round 6)', () => {
  it('for/of + an article inside a name that has an organisation head', () => {
    const body = 'The Coalition for a Sustainable Harbour said the plan was flawed.';
    expect(mentions(enrich(body), body, 'organization')).toEqual(['Coalition for a Sustainable Harbour']);
  });
  it('a list of portfolios after Department/Ministry for/of is one name', () => {
    const body = 'The Ministry of Fisheries, Forests and Rural Development said quotas would fall.';
    const out = enrich(body);
    expect(mentions(out, body, 'organization')).toEqual(['Ministry of Fisheries, Forests and Rural Development']);
    expect(mentions(out, body, 'person')).toEqual([]);
  });
  it('a comma list without such a head still separates bodies', () => {
    const body = 'Regulators Ofcorp, Marlex and Travis Holdings said the rules would change.';
    expect(mentions(enrich(body), body, 'organization')).not.toContain('Ofcorp, Marlex and Travis Holdings');
  });
});

describe('appositions and "a company called X" (round 6)', () => {
  it('an organisation noun before a two-word name, and "a firm called X"', () => {
    const body =
      'Shares in its parent company Harbin Crest fell. A firm called Blue Tessera said it had bid. The think tank Ostrava Forum said prices would rise.';
    const orgs = mentions(enrich(body), body, 'organization');
    expect(orgs).toEqual(expect.arrayContaining(['Harbin Crest', 'Blue Tessera', 'Ostrava Forum']));
  });
  it('not a person after a role noun, and not a title phrase', () => {
    const body = 'The company chief executive Laura Vint said profits rose.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual(['Laura Vint']);
    expect(mentions(out, body, 'organization')).toEqual([]);
  });
});

describe('a country glued to a corporate noun, short forms, X-based (round 6)', () => {
  it('"US Steel" is a company; "US officials" is the country', () => {
    const body = 'Workers at US Steel walked out. US officials said talks would resume.';
    const out = enrich(body);
    expect(mentions(out, body, 'organization')).toEqual(['US Steel']);
    expect(mentions(out, body, 'country')).toEqual(['US']);
  });
  it('"Xandrian Oil Minister" stays a title phrase', () => {
    const body = 'Xandria Oil Minister Petra Lund said output would rise.';
    expect(mentions(enrich(body), body, 'organization')).toEqual([]);
  });
  it('a short form that ends one named body is that body', () => {
    const body = 'The International Harbour Group said exports fell. Harbour Group analyst Tom Reyes said the drop was temporary.';
    const out = enrich(body);
    const org = out.actors.filter((a) => a.type === 'organization');
    expect(org).toHaveLength(1);
    expect(org[0].mentions.map((m) => m.text)).toEqual(['International Harbour Group', 'Harbour Group']);
  });
  it('"Brussels-based" is a place, "Brussels said" the body', () => {
    const body = 'The Brussels-based lobby Vantor said the rules were fair. Brussels said the rules would stay.';
    const eu = enrich(body).actors.find((a) => a.id === 'org:eu');
    expect(eu?.mentions.map((m) => m.text)).toEqual(['Brussels']);
    expect(eu?.mentions[0].start).toBe(body.lastIndexOf('Brussels'));
  });
});
