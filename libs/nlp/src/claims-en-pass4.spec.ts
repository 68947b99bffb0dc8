// Issue 11, English, fourth pass: construction families (claims/en, actors/en). Every sentence is invented; the KB is a
// small stand-in (fictional people and bodies; the federated units are the real ones of the lexicon).
import { claimsHarness, offsetsOk, all } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['Omar Fayed', 'Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'country:GE', name: 'Georgia', type: 'country', aliases: ['Georgia', 'Georgian'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/p4' });
const actorsOf = (out: ReturnType<typeof enrich>) => out.actors.map((a) => `${a.name} | ${a.type}`).sort();

describe('issue 11 — federated units (US states, provinces) speak as bodies in subject position', () => {
  it('"X, Y, Z and 7 other states said": one claim per named unit, none for the unnamed rest', () => {
    const body = 'Oregon, Nevada, North Carolina and 7 other states said on Tuesday their tax portals had been probed.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      'Nevada | said | their tax portals had been probed',
      'North Carolina | said | their tax portals had been probed',
      'Oregon | said | their tax portals had been probed',
    ]);
    expect(actorsOf(out)).toEqual(['Nevada | organization', 'North Carolina | organization', 'Oregon | organization']);
  });
  it('a sentence-initial pair and "X state" ("Idaho and Washington state also confirmed")', () => {
    const body = 'The audit took months. Idaho and Washington state also confirmed they had received the letters.';
    const out = enrich(body);
    expect(all(out)).toEqual([
      'Idaho | confirmed | they had received the letters',
      'Washington state | confirmed | they had received the letters',
    ]);
  });
  it('"the attorneys general of X and Y said" → both units', () => {
    const body = 'The attorneys general of Vermont and Kansas said the merger would raise prices for farmers.';
    const out = enrich(body);
    expect(all(out)).toEqual([
      'Kansas | said | the merger would raise prices for farmers',
      'Vermont | said | the merger would raise prices for farmers',
    ]);
  });
  it('a Canadian province after a fronting comma ("In a filing, Manitoba said")', () => {
    const body = 'In a filing, Manitoba said the pipeline permit was never valid.';
    expect(all(enrich(body))).toEqual(['Manitoba | said | the pipeline permit was never valid']);
  });
  it('a unit used as a place is no speaker ("officials in Ohio said" has no named speaker; "a Utah farmer said")', () => {
    expect(enrich('Officials in Ohio said the bridge would reopen in May.').claims).toEqual([]);
    const out = enrich('A Utah farmer said the drought had cut his harvest by half.');
    expect(out.claims).toEqual([]);
    expect(actorsOf(out)).not.toContain('Utah | organization');
  });
  it('"City, State" before a verb is a place ("in Newark, New Jersey, estimate")', () => {
    const body = 'The prosecutors, based in Newark, New Jersey, estimate the losses at $4m.';
    const out = enrich(body);
    expect(actorsOf(out)).not.toContain('New Jersey | organization');
  });
  it('an ambiguous unit alone keeps its KB reading ("Georgia said" is the country); in a list of units it is the state', () => {
    expect(all(enrich('Georgia said the border talks would resume.'))).toEqual(['Georgia | said | the border talks would resume']);
    expect(actorsOf(enrich('Georgia said the border talks would resume.'))).toEqual(['Georgia | country']);
    const out = enrich('Alabama and Georgia said the ballots would be recounted by hand.');
    expect(actorsOf(out)).toEqual(['Alabama | organization', 'Georgia | organization']);
  });
});

describe('issue 11 — criticism idioms: the object and its charge are the content (en-object-criticism)', () => {
  it('"lashed out at", "hit back at", "took issue with", "objected to", "railed against"', () => {
    const body =
      'Omar Fayed lashed out at the new levy on imported grain. Lina Hart hit back at critics of the harbour plan. ' +
      "Gridco took issue with the regulator's pricing formula. Omar Fayed objected to subsidies that favour large farms. " +
      'Lina Hart railed against the decision to close the rail depot.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      "Gridco | took issue with | the regulator's pricing formula",
      'Lina Hart | hit back at | critics of the harbour plan',
      'Lina Hart | railed against | the decision to close the rail depot',
      'Omar Fayed | lashed out at | the new levy on imported grain',
      'Omar Fayed | objected to | subsidies that favour large farms',
    ]);
  });
  it('"criticised X for Y" and a relative "who criticised ..." (the antecedent speaks); a trailing time adverbial is cut', () => {
    const body =
      'Omar Fayed criticised Gridco for its slow repairs on Tuesday. The panel will hear Lina Hart, who this week criticised ' +
      'ministers who ignored the flood warnings.';
    expect(all(enrich(body))).toEqual([
      'Lina Hart | criticised | ministers who ignored the flood warnings',
      'Omar Fayed | criticised | Gridco for its slow repairs',
    ]);
  });
  it('criticism without a charge is no claim: a bare name or pronoun, or a charge given by a participle report', () => {
    expect(enrich('Omar Fayed criticised Gridco.').claims).toEqual([]);
    expect(enrich('Lina Hart lashed out at him.').claims).toEqual([]);
    expect(all(enrich('Lina Hart criticised the new port authority, saying it had wasted millions.'))).toEqual([
      'Lina Hart | saying | it had wasted millions',
    ]);
  });
  it('a passive is no report by its subject ("was criticised by unions for")', () => {
    expect(enrich('Omar Fayed was criticised by unions for the cuts.').claims).toEqual([]);
  });
  it('a literal "hit" or "took" is no report', () => {
    expect(enrich('Gridco took over the harbour works. Omar Fayed hit the ball.').claims).toEqual([]);
  });
});

describe('issue 11 — "made (it) clear (that)" reports the clause after "clear" (en-made-clear)', () => {
  it('with and without "it" and "that"', () => {
    const body = 'Omar Fayed made it clear that he would not resign. Lina Hart has made clear her party would vote against it.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      'Lina Hart | made clear | her party would vote against it',
      'Omar Fayed | made it clear | he would not resign',
    ]);
  });
  it('"made it clear" with a noun object is no claim', () => {
    expect(enrich('Omar Fayed made the rules clear to staff.').claims).toEqual([]);
  });
});

describe("issue 11 — a country's officer named only after the description (cataphora)", () => {
  const enrichKb = claimsHarness(
    [
      ...KB,
      { id: 'country:RU', name: 'Ruritania', type: 'country', aliases: ['Ruritania', 'Ruritanian'] },
      { id: 'person:ivo-stan', name: 'Ivo Stan', type: 'person', aliases: ['Ivo Stan', 'Stan'] },
    ],
    { title: 'Title', language: 'en' },
  );
  it('"Country\'s finance minister, lashed out ... ¶ Name, Country\'s finance minister, argued ..." → Name', () => {
    const body =
      "At a forum on Thursday, Ruritania's finance minister, lashed out at the tariff rules of rich nations.\n\n" +
      "Ivo Stan, Ruritania's finance minister, argued that the rules were unfair.";
    const out = enrichKb(body);
    expect(all(out)).toEqual(['Ivo Stan | argued | the rules were unfair', 'Ivo Stan | lashed out at | the tariff rules of rich nations']);
  });
});

describe('issue 11 — naming verbs with an object complement (en-naming)', () => {
  it('", calling X an \'Y\' to ...": its own claim, and the said-content ends before it', () => {
    const body = 'Lina Hart said the levy would stay until a deal was signed, calling the levy an "incentive" to finish the talks.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      'Lina Hart | calling | the levy an "incentive" to finish the talks',
      'Lina Hart | said | the levy would stay until a deal was signed',
    ]);
  });
  it('"has called it a priority as ...": a subordinate clause after the complement is the reporter\'s', () => {
    const body = 'Omar Fayed has called it a priority as the ministry works on new canals.';
    expect(all(enrich(body))).toEqual(['Omar Fayed | called | it a priority']);
  });
  it('a participle after a plain action gives the sentence subject; commas inside the quoted complement stay', () => {
    const body = 'Gridco has refused to meet the union, calling its demands "absurd, costly and late".';
    expect(all(enrich(body))).toEqual(['Gridco | calling | its demands "absurd, costly and late']);
  });
  it('"X - who referred to the row as \'...\' - told": the antecedent; "described X as Y and moved on" ends at the verb', () => {
    const body =
      'Omar Fayed - who referred to the row as "a difference of opinion" - told reporters the talks would resume. ' +
      'Lina Hart described the vote as "a mistake" and moved on.';
    expect(all(enrich(body))).toEqual([
      'Lina Hart | described | the vote as "a mistake',
      'Omar Fayed | referred | the row as "a difference of opinion',
      'Omar Fayed | told | the talks would resume',
    ]);
  });
  it('no complement, no claim: "called for", "called on X to", "called the meeting", "referring to X such as Y"', () => {
    const body =
      'Omar Fayed called for calm. Lina Hart called on Gridco to resign. ' +
      'Gridco said sales had doubled, referring to demand for games such as racing titles.';
    expect(all(enrich(body))).toEqual(['Gridco | said | sales had doubled']);
  });
});

describe('issue 11 — a sentence that ends in a preposition does not hide the next subject', () => {
  it('"... moved on. Name said ..." (the "on" is no preposition before the name)', () => {
    const body = 'The committee moved on. Lina Hart said the vote was a mistake. It was all over by noon. Omar Fayed said he agreed.';
    expect(all(enrich(body))).toEqual(['Lina Hart | said | the vote was a mistake', 'Omar Fayed | said | he agreed']);
  });
  it('inside one sentence the prepositional phrase still blocks ("the envoy to Gridco said" is not Gridco)', () => {
    expect(enrich('The envoy to Gridco said the plant would close.').claims.map((c) => c.speaker.name)).not.toContain('Gridco');
  });
});
