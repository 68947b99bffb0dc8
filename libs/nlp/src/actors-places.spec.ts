// issue 11 (places, ADR 0017): a capital city used as a place is a location, a capital used as an actor is the
// state. Invented sentences; the KB is a small stand-in with real capitals (the capital list is real city names).
import type { KbActor } from '@marsad/contracts';
import { Enricher } from './index';

const KB: KbActor[] = [
  { id: 'country:RU', name: 'Russia', type: 'country', aliases: ['Russia', 'Moscow', 'روسيا', 'موسكو'] },
  { id: 'country:GB', name: 'United Kingdom', type: 'country', aliases: ['United Kingdom', 'London', 'لندن', 'بريطانيا'] },
  { id: 'country:FR', name: 'France', type: 'country', aliases: ['France', 'Paris', 'فرنسا', 'باريس'] },
  { id: 'country:DE', name: 'Germany', type: 'country', aliases: ['Germany', 'Berlin', 'ألمانيا', 'برلين'] },
  { id: 'country:IT', name: 'Italy', type: 'country', aliases: ['Italy', 'Rome', 'إيطاليا', 'روما'] },
  { id: 'country:EG', name: 'Egypt', type: 'country', aliases: ['Egypt', 'Cairo', 'مصر', 'القاهرة'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string, language: 'en' | 'ar' = 'en') =>
  enricher.enrich(
    { url: 'https://x.test/pl', source: { name: 't' }, title: 'T', body, language },
    { now: new Date('2026-01-01T00:00:00Z') },
  );
const states = (body: string, language: 'en' | 'ar' = 'en') =>
  enrich(body, language)
    .actors.filter((a) => a.type === 'country' && a.mentions.some((m) => m.field !== 'title'))
    .map((a) => a.name)
    .sort();
const places = (body: string, language: 'en' | 'ar' = 'en') =>
  enrich(body, language)
    .actors.filter((a) => a.type === 'location')
    .flatMap((a) => a.mentions.filter((m) => m.field !== 'title').map((m) => m.text));

describe('issue 11 — capitals coordinated with a place are places', () => {
  it('"to London and Paris", "in Rome, Paris and Berlin": every conjunct of the locative is a place', () => {
    expect(states('The minister flew to London and Paris on Monday.')).toEqual([]);
    expect(places('The minister flew to London and Paris on Monday.')).toEqual(['London', 'Paris']);
    expect(states('Talks were held in Rome, Paris and Berlin last week.')).toEqual([]);
    expect(states('The envoy will travel to Berlin or Rome next month.')).toEqual([]);
  });
  it('a city the KB does not know as the first conjunct: "in Geneva and Moscow", "to New York or Paris"', () => {
    expect(states('Delegates met in Geneva and Moscow this year.')).toEqual([]);
    expect(states('She will fly to New York or Paris in May.')).toEqual([]);
  });
  it('not a place: "from" lists, a month, a person before the conjunction', () => {
    expect(states('The plan drew criticism from Brussels and Moscow.')).toEqual(['Russia']);
    expect(states('Talks resumed in March and Moscow said it would attend.')).toEqual(['Russia']);
  });
  it('Arabic: "إلى لندن وباريس"، "في روما وبرلين وباريس"', () => {
    expect(states('وسافر الوزير إلى لندن وباريس يوم الاثنين.', 'ar')).toEqual([]);
    expect(states('وعقدت اجتماعات في روما وبرلين وباريس الأسبوع الماضي.', 'ar')).toEqual([]);
  });
  it('not a place: capitals as actors stay the states ("Paris and Berlin said", "Moscow rejected", "موسكو رفضت")', () => {
    expect(states('Paris and Berlin said in a joint statement that the fine was fair.')).toEqual(['France', 'Germany']);
    expect(states('Moscow rejected the proposal on Tuesday.')).toEqual(['Russia']);
    expect(states('وقالت موسكو إنها رفضت الاقتراح.', 'ar')).toEqual(['Russia']);
    expect(states('Relations between Moscow and Berlin have soured.')).toEqual(['Germany', 'Russia']);
    expect(states('وتوترت العلاقات بين موسكو وبرلين.', 'ar')).toEqual(['Germany', 'Russia']);
  });
  it('a comma after a place opens a new clause unless the list goes on', () => {
    expect(states('After talks in London, Moscow said it would reply.')).toEqual(['Russia']);
  });
  it('a capital speaker after a place keeps its claim', () => {
    const out = enrich('After the meeting in Rome, Moscow said the plan was dead.');
    expect(out.claims.map((c) => c.speaker.name)).toEqual(['Russia']);
  });
});

describe('issue 11 — other place uses of a capital', () => {
  it('"X-based", a capital before a place noun, a dateline', () => {
    expect(states('The Moscow-based company denied it.')).toEqual([]);
    expect(states('The note was found in a London street by a cleaner.')).toEqual([]);
    expect(states('CAIRO (Wire) - Prices rose again on Sunday.')).toEqual([]);
    expect(states('القاهرة - وكالة: ارتفعت الأسعار مجددا.', 'ar')).toEqual([]);
  });
  it('Arabic construct and "وفي X،": سوق لندن، منطقة موسكو، وفي برلين', () => {
    expect(states('وارتفعت الأسهم في سوق لندن أمس.', 'ar')).toEqual([]);
    expect(states('وفي برلين، قال مسؤول إن الخطة جيدة.', 'ar')).toEqual([]);
    expect(states('وتقع القرية في منطقة موسكو.', 'ar')).toEqual([]);
    expect(places('وقال عمدة العاصمة البريطانية لندن إن الخطة جيدة.', 'ar')).toEqual(['لندن']);
  });
  it('the capital in apposition: "the Russian capital Moscow" (the adjective is still the state)', () => {
    expect(places('He lives in the Russian capital Moscow with his family.')).toEqual(['Moscow']);
  });
  it('a city the KB does not know after "capital" is a place, even before "said"', () => {
    const out = enrich('Ana Belo, a reporter in the Zembian capital Ombala, said the vote was delayed.');
    expect(out.actors.filter((a) => a.type !== 'location' && a.type !== 'person').map((a) => a.name)).toEqual([]);
  });
  it('not a place: a capital opening a sentence as the subject, or mid-text before a dash', () => {
    expect(states('Prices rose. Moscow - which denies it - said nothing.')).toEqual(['Russia']);
  });
});

describe('issue 11 — cities the KB does not know, listed after a place', () => {
  const rules = (body: string) =>
    new Enricher({ version: 1, actors: () => [] })
      .enrich(
        { url: 'https://x.test/pl2', source: { name: 't' }, title: 'T', body, language: 'en' },
        { now: new Date('2026-01-01T00:00:00Z') },
      )
      .actors.filter((a) => a.type !== 'location')
      .map((a) => `${a.name}:${a.type}`);
  it('"in Dayton, Ohio, said", "in Newark, New Jersey, estimate", "in Ombala and Tessin, said" are places', () => {
    expect(rules('Officials in Dayton, Ohio, said the plant would close.')).toEqual([]);
    expect(rules('The authorities, who indicted 19 people in Newark, New Jersey, estimate the losses at $4m.')).toEqual([]);
    expect(rules('The firm, based in Ombala and Tessin, said it would appeal.')).toEqual([]);
  });
  it('not a place: a name right before its verb after the place ("in Geneva and Zentrix said", "In Ombala, Zentrix said")', () => {
    expect(rules('They met in Geneva and Zentrix said the talks went well.')).toEqual(['Zentrix:organization']);
    expect(rules('In Ombala, Zentrix said the deal was done.')).toEqual(['Zentrix:organization']);
  });
});
