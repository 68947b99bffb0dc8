// Issue 11, English claims, seventh session (branch enclaims): families found missing on six new invented articles in the
// house styles of outlets in neither corpus (Indian, Singapore, Australian, Ukrainian, US politics, markets wire) — passive
// criticism with its agent, the speaker named only in the next sentence, progressive reports with an adverbial, told/telling
// a hearing, "the agency" for a KB short name written out in full, a bracketed acronym before a title phrase. Every
// sentence here is invented; the KB is a small stand-in.
import { claimsHarness, offsetsOk, all, actorMentions } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'org:norbank', name: 'Norbank', type: 'organization', aliases: ['Norbank'] },
  { id: 'org:xema', name: 'XEMA', type: 'organization', aliases: ['XEMA', 'Xandrian Emergency Management Agency'] },
  { id: 'org:vrl', name: 'Varno Rail Limited', type: 'organization', aliases: ['Varno Rail Limited', 'VRL'] },
  { id: 'org:senate', name: 'Senate', type: 'organization', aliases: ['Senate'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
  { id: 'person:tomas-berg', name: 'Tomas Berg', type: 'person', aliases: ['Tomas Berg', 'Berg'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/s7' });
const claimsOf = (body: string) => {
  const out = enrich(body);
  expect(offsetsOk(out, body)).toBe(true);
  return all(out);
};

describe('session 7 — passive criticism with its agent (en-passive-criticism)', () => {
  it('"was criticised by X for CHARGE" → X, the charge is the text', () => {
    expect(claimsOf('The budget was criticised by Lina Hart for its silence on rents.')).toEqual([
      'Lina Hart | criticised | its silence on rents',
    ]);
  });
  it('"has been accused by X of CHARGE" → X', () => {
    expect(claimsOf('Norbank has been accused by Gridco of hiding losses from its shareholders.')).toEqual([
      'Gridco | accused | hiding losses from its shareholders',
    ]);
  });
  it('a person in a title phrase is the agent, a quotation in the charge belongs to it, "what he called" is not split out', () => {
    expect(
      claimsOf(
        'Lina Hart said the deal was fair.\n\nThe deal has also been condemned by Gridco chief executive Tomas Berg for ignoring what he called "the basic numbers."',
      ),
    ).toEqual(['Lina Hart | said | the deal was fair', 'Tomas Berg | condemned | ignoring what he called "the basic numbers']);
  });
  it('no named agent → no claim (refuse)', () => {
    expect(claimsOf('The plan was criticised by opposition parties for its cost.')).toEqual([]);
  });
  it('an active criticism and "criticised by X" without a charge are not this family', () => {
    expect(claimsOf('The plan was criticised by Gridco on Monday.')).toEqual([]);
  });
});

describe('session 7 — the speaker named only in the next sentence (en-named-next)', () => {
  it('"CONTENT. That was the assessment of TITLE NAME" → the person, the previous sentence is the text', () => {
    expect(
      claimsOf('Fuel prices will rise again in the spring. That was the assessment of Xandrian Finance Minister Lina Hart on Tuesday.'),
    ).toEqual(['Lina Hart | assessment | Fuel prices will rise again in the spring']);
  });
  it('"This was the assurance given by BODY at a briefing" → the body', () => {
    expect(
      claimsOf('Fares will not change before the line opens.\n\nThis was the assurance given by Gridco at a briefing on Monday.'),
    ).toEqual(['Gridco | assurance | Fares will not change before the line opens']);
  });
  it('no named agent, or a previous sentence already reported → nothing new', () => {
    expect(claimsOf('Prices will rise. That was the view of many analysts.')).toEqual([]);
    expect(claimsOf('Lina Hart said prices would rise. That was the view of Gridco too.')).toEqual([
      'Lina Hart | said | prices would rise',
    ]);
  });
  it('not in mid-sentence ("he said that was the view of X")', () => {
    expect(claimsOf('Prices will rise. Analysts agree that was the view of Gridco.')).toEqual([]);
  });
});

describe('session 7 — progressive report with an adverbial before "that"', () => {
  it('"has been saying since the spring that" → the subject', () => {
    expect(claimsOf('Gridco has been saying since the spring that the line is safe.')).toEqual([
      'Gridco | has been saying | the line is safe',
    ]);
  });
  it('"the agency" is the body whose KB short name was written out in full before', () => {
    expect(
      claimsOf(
        'Lina Hart will sue the Xandrian Emergency Management Agency over the flood aid.\n\nThe agency has been insisting for months that the application was late.',
      ),
    ).toEqual(['XEMA | has been insisting | the application was late']);
  });
});

describe('session 7 — told/telling a hearing', () => {
  it('"told a Senate estimates hearing last month that" → the subject only (the chamber is the venue)', () => {
    expect(claimsOf('Lina Hart told a Senate estimates hearing last month that prices were falling.')).toEqual([
      'Lina Hart | told | prices were falling',
    ]);
  });
  it('", telling a committee hearing that" after another verb → the subject of the sentence', () => {
    expect(claimsOf('Tomas Berg has defended the deal, telling a parliamentary committee on Monday that it would save jobs.')).toEqual([
      'Tomas Berg | telling | it would save jobs',
    ]);
  });
  it('", telling staff to stay calm" is a request', () => {
    expect(claimsOf('Tomas Berg defended the deal, telling staff to stay calm.')).toEqual([]);
  });
});

describe('session 7 — a bracketed acronym before a title phrase', () => {
  it('"BODY (ACRONYM) managing director NAME, who ..., acknowledged" → the person', () => {
    expect(
      claimsOf('Varno Rail Limited (VRL) managing director Lina Hart, who visited the depot on Monday, acknowledged that work had slowed.'),
    ).toEqual(['Lina Hart | acknowledged | work had slowed']);
  });
});

describe('session 7 — a plural possessive inside a body name (actors/en/rules.ts)', () => {
  it('"The Valmere Dockers\' Union said" → one organisation, which speaks', () => {
    expect(claimsOf("The Valmere Dockers' Union said the strike would go on.")).toEqual([
      "Valmere Dockers' Union | said | the strike would go on",
    ]);
  });
  it('"CONTENT, the forum said" → the forum named before with a possessive ("Commuters\' Forum")', () => {
    expect(claimsOf("The Varno Commuters' Forum wrote to both ministers. Fares were far too high, the forum said.")).toEqual([
      "Varno Commuters' Forum | said | Fares were far too high",
    ]);
  });
  it('"by Farmers\' Party MP NAME for" → the person, not "Party MP NAME"', () => {
    const body = "The levy was criticised by Farmers' Party MP Tomas Berg for its timing.";
    expect(claimsOf(body)).toEqual(['Tomas Berg | criticised | its timing']);
    expect(actorMentions(enrich(body), body, 'organization')).toEqual(["Farmers' Party"]);
  });
  it('a bare "X Security Forum" stays no organisation (often an event)', () => {
    const body = 'The Varno Security Forum opened on Monday with a speech by Lina Hart.';
    expect(actorMentions(enrich(body), body, 'organization')).toEqual([]);
  });
});

describe('session 7 — "said a spokesman for Xandria\'s BODY" (possessive chain)', () => {
  it('the body after the possessive speaks', () => {
    const kb: KbActor[] = [
      ...KB,
      { id: 'org:xa-tm', name: 'Xandrian Transport Ministry', type: 'organization', aliases: ['Transport Ministry'] },
    ];
    const enrichKb = claimsHarness(kb, { title: 'Title', language: 'en', url: 'https://x.test/s7b' });
    const body = '"The ministry is checking the work every week," said a spokesman for Xandria\'s Transport Ministry.';
    expect(all(enrichKb(body))).toEqual(['Xandrian Transport Ministry | said | The ministry is checking the work every week']);
  });
  it('a person after the possessive is no body: no speaker', () => {
    expect(claimsOf('"The work is on time," said a spokesman for Gridco\'s Tomas Berg.')).toEqual([]);
  });
});

describe('session 7 — a regional government named by its region (actors/en/rules.ts)', () => {
  it('"The Varno Valley government blamed X for Y" → that government, object + charge', () => {
    expect(claimsOf('The Varno Valley government on Tuesday blamed Gridco for the delay in the works.')).toEqual([
      'Varno Valley government | blamed | Gridco for the delay in the works',
    ]);
  });
  it('"A spokeswoman for the Varnian government said" → that government', () => {
    expect(claimsOf('A spokeswoman for the Varnian government said the state would pass matching rules.')).toEqual([
      'Varnian government | said | the state would pass matching rules',
    ]);
  });
  it('a country, a generic or party adjective before "government" is not this', () => {
    const body = 'The Xandrian government, the Federal government and the Labour government all disagreed.';
    expect(actorMentions(enrich(body), body, 'organization')).toEqual([]);
  });
});

describe('session 7 — "the statement said" → the author of the statement introduced before', () => {
  it('"X issued a statement on Monday. \'…,\' the statement said" → X', () => {
    expect(claimsOf('Gridco issued a statement on Monday. "We will review every contract," the statement said.')).toEqual([
      'Gridco | said | We will review every contract',
    ]);
  });
  it('"A statement from X followed" → X; an unnamed issuer → no speaker', () => {
    expect(claimsOf('A statement from Norbank followed. "We are calm," the statement said.')).toEqual(['Norbank | said | We are calm']);
    expect(claimsOf('Officials issued a statement on Friday. "We are calm," the statement said.')).toEqual([]);
  });
});

describe('session 7 — "CONTENT, X warned on Monday, adding that …"', () => {
  it("the content before is the first verb's, the participle clause its own claim", () => {
    expect(claimsOf('Fuel and food prices will rise again next year, Lina Hart warned on Monday, adding that the fund was empty.')).toEqual(
      ['Lina Hart | adding | the fund was empty', 'Lina Hart | warned | Fuel and food prices will rise again next year'],
    );
  });
  it('a plain action with ", adding that …" keeps only the participle claim', () => {
    expect(claimsOf('Gridco notified its customers on Monday, adding that the fund was empty.')).toEqual([
      'Gridco | adding | the fund was empty',
    ]);
  });
});
