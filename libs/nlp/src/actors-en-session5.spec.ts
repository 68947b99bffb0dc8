// English actors, fifth session (issue 11, ADR 0017): KB places inside persons' names, surnames repeated alone,
// nationality nouns, US party tags and titles. Every sentence is invented; the KB is a small stand-in.
import type { KbActor } from '@marsad/contracts';
import { actorMentions, claimsHarness } from './claims-spec-support';

const KB: KbActor[] = [
  { id: 'country:MC', name: 'Monaco', type: 'country', aliases: ['Monaco'] },
  { id: 'country:JO', name: 'Jordan', type: 'country', aliases: ['Jordan', 'Jordanian'] },
  { id: 'country:GE', name: 'Georgia', type: 'country', aliases: ['Georgia', 'Georgian'] },
  { id: 'country:US', name: 'United States', type: 'country', aliases: ['United States', 'US', 'U.S.'] },
];
const enrich = claimsHarness(KB, { title: 'title', language: 'en', url: 'https://x.test/a' });
const mentions = actorMentions;

describe('a KB place inside a person name', () => {
  it('a given name before a country alias makes it a surname, and its later bare mentions the person', () => {
    const body = 'Lisa Monaco, a former prosecutor, said the review was over. Monaco told reporters she would testify.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual(['Lisa Monaco', 'Monaco']);
    expect(mentions(out, body, 'country')).toEqual([]);
  });
  it('a country that is also a given name opens a name with a person cue', () => {
    const body = 'Georgia Whitfield, a spokeswoman for the utility, said crews were out. Whitfield said power would return.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual(['Georgia Whitfield', 'Whitfield']);
    expect(mentions(out, body, 'country')).toEqual([]);
  });
  it('without a person cue the country stays', () => {
    const body = 'Talks between Jordan and Georgia ended. Officials in Jordan Valley towns were angry.';
    expect(mentions(enrich(body), body, 'country').sort()).toEqual(['Georgia', 'Jordan', 'Jordan']);
  });
});

describe('a surname alone as the subject of a reporting verb', () => {
  it('makes the two-word run with that surname a person', () => {
    const body = 'Dariusz Wolanek scored twice in the second half. Wolanek told reporters the team was ready.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual(['Dariusz Wolanek', 'Wolanek']);
    expect(mentions(out, body, 'organization')).toEqual([]);
  });
});

describe('US politics: party tags, abbreviated titles, post bodies', () => {
  it('a party-state tag after a legislator is no organisation', () => {
    for (const body of [
      'Sen. Harlan Pruitt, R-Texas, said the measure would fail.',
      'Rep. Marla Quintero (D-N.Y.) said the bill was a giveaway.',
      'Rep. Marla Quintero, D-Calif., told reporters the vote was close.',
    ]) {
      const out = enrich(body);
      expect(mentions(out, body, 'organization')).toEqual([]);
      expect(mentions(out, body, 'person').length).toBe(1);
    }
  });
  it('"Rep." with its stop is a title before a two-word name', () => {
    const body = 'Rep. Dorian Vasquez-Reyes (D-Ore.) questioned the witness.';
    expect(mentions(enrich(body), body, 'person')).toEqual(['Dorian Vasquez-Reyes']);
  });
  it('the lone body of a post title is no actor; the body on its own is', () => {
    const body = 'House Speaker Brent Hollister said a vote would come soon. Minority Leader Tamsin Okafor said it was reckless.';
    const out = enrich(body);
    expect(mentions(out, body, 'organization')).toEqual([]);
    expect(mentions(out, body, 'person')).toEqual(['Brent Hollister', 'Tamsin Okafor']);
    const body2 = 'The House passed the bill on Thursday.';
    expect(mentions(enrich(body2), body2, 'organization')).toEqual(['House']);
  });
});

describe('titles kept out of person names', () => {
  it('compound titles and court titles before a name', () => {
    const body =
      'Chief Financial Officer Carsten Lindqvist said margins would improve. U.S. District Judge Anneke Moll ruled on Monday. Board Chair Ilse Brandvold said the vote was final.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual(['Carsten Lindqvist', 'Anneke Moll', 'Ilse Brandvold']);
  });
});

describe('nationality nouns', () => {
  it('"the Spaniard", "the Dutchman" are descriptions, not actors', () => {
    const body = 'The Spaniard added that the title race was open. The Dutchman said he was tired.';
    expect(enrich(body).actors).toEqual([]);
  });
});

describe('firms named by their staff, acronyms before a body noun', () => {
  it('"analysts at X", "researchers at X Y" name an organisation, not a place', () => {
    const body = 'Analysts at Brackwell said the shares were cheap. Researchers at Kestrel Labs found the flaw.';
    expect(mentions(enrich(body), body, 'organization')).toEqual(['Brackwell', 'Kestrel Labs']);
  });
  it('an acronym before a lower-case organisation noun', () => {
    const body = 'The TWQ union said its members would strike.';
    expect(mentions(enrich(body), body, 'organization')).toEqual(['TWQ']);
  });
});
