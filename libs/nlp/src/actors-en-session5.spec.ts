// English actors, fifth session (issue 11, ADR 0017): KB places inside persons' names, surnames repeated alone,
// nationality nouns, US party tags and titles. Every sentence is invented; the KB is a small stand-in.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';
import { actorMentions } from './claims-spec-support';

const KB: KbActor[] = [
  { id: 'country:MC', name: 'Monaco', type: 'country', aliases: ['Monaco'] },
  { id: 'country:JO', name: 'Jordan', type: 'country', aliases: ['Jordan', 'Jordanian'] },
  { id: 'country:GE', name: 'Georgia', type: 'country', aliases: ['Georgia', 'Georgian'] },
  { id: 'country:US', name: 'United States', type: 'country', aliases: ['United States', 'US', 'U.S.'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string) =>
  enricher.enrich(
    { url: 'https://x.test/a', source: { name: 't' }, title: 'title', body, language: 'en' },
    { now: new Date('2026-01-01T00:00:00Z') },
  );
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
