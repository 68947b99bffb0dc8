// Issue 11, English claims, sixth session (branch enclaims): construction families found on invented articles in the
// house styles of outlets outside the corpora (wire copy, broadsheet analysis, broadcaster web story, press-release
// business story, long-form feature, US politics). Every sentence here is invented; the KB is a small stand-in.
import { claimsHarness, offsetsOk, all, actorMentions } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'org:xa-treasury', name: 'Xandrian Treasury', type: 'organization', aliases: ['Treasury'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'org:norbank', name: 'Norbank', type: 'organization', aliases: ['Norbank'] },
  { id: 'org:orlen', name: 'Orlen Foundation', type: 'organization', aliases: ['Orlen Foundation'] },
  { id: 'org:dem', name: 'Democratic Party', type: 'organization', aliases: ['Democrats', 'Democrat'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
  { id: 'person:tom-reyes', name: 'Tom Reyes', type: 'person', aliases: ['Tom Reyes', 'Reyes'] },
  { id: 'org:asa', name: 'Advertising Standards Authority', type: 'organization', aliases: ['ASA'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/s6' });
const claimsOf = (body: string) => {
  const out = enrich(body);
  expect(offsetsOk(out, body)).toBe(true);
  return all(out);
};

describe('session 6 — a name set off by commas after a role noun is a person', () => {
  it('"A fire brigade spokeswoman, NAME, said" → the named officer (first name unknown to the lexicons)', () => {
    const body = 'Smoke covered the harbour on Monday. A fire brigade spokeswoman, Odile Varnak, said nine people had been treated.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'person')).toContain('Odile Varnak');
    expect(all(out)).toEqual(['Odile Varnak | said | nine people had been treated']);
  });
  it('"The institute\'s research director, NAME, said" → the person, not the speaker before', () => {
    expect(
      claimsOf("Lina Hart warned that prices would rise. The institute's research director, Bram Oskervil, said wages would follow."),
    ).toEqual(['Bram Oskervil | said | wages would follow', 'Lina Hart | warned | prices would rise']);
  });
});

describe('session 6 — a body introduced with a noun is what that noun refers to later', () => {
  it('"the union X ... The union says" → X', () => {
    expect(
      claimsOf(
        'Teachers belonging to the union Solvaria walked out on Monday. Schools closed across the region. Ministers met late into the night. The union says pay is not the core issue.',
      ),
    ).toEqual(['Solvaria | says | pay is not the core issue']);
  });
  it('"…," said an airline spokeswoman → the airline introduced as "the airline X"', () => {
    expect(
      claimsOf(
        'Flights were grounded as pilots at the airline Brintair walked out.\n\n"We are sorry for the delays," said an airline spokeswoman in Lyon.',
      ),
    ).toEqual(['Brintair | said | We are sorry for the delays']);
  });
  it('"said a company spokesman" with two companies named: no speaker', () => {
    expect(claimsOf('Shares in Norbank and Gridco fell.\n\n"We regret nothing," said a company spokesman.')).toEqual([]);
  });
  it('"a bank spokesman for X said": the body after "for" (the older rule, unchanged)', () => {
    expect(claimsOf('"The branch will close," a bank spokesman for Norbank said.')).toEqual(['Norbank | said | The branch will close']);
  });
});

describe("session 6 — what a named body's document found", () => {
  it('"A report by X found that" → X', () => {
    expect(claimsOf('A report by the Orlen Foundation found that river pollution had doubled since 2020.')).toEqual([
      'Orlen Foundation | found | river pollution had doubled since 2020',
    ]);
  });
  it('"X\'s annual survey concluded that" → X', () => {
    expect(claimsOf("Gridco's annual survey concluded that most customers wanted cheaper tariffs.")).toEqual([
      'Gridco | concluded | most customers wanted cheaper tariffs',
    ]);
  });
  it('"A new study published by X showed that" → X', () => {
    expect(claimsOf('A new study published by Norbank showed that savings had fallen for a third year.')).toEqual([
      'Norbank | showed | savings had fallen for a third year',
    ]);
  });
  it('"a report commissioned by X" (X is the client): no claim', () => {
    expect(claimsOf('A report commissioned by Gridco found that the dam was unsafe.')).toEqual([]);
  });
  it("inside another speaker's content the document is not split out", () => {
    expect(claimsOf('Lina Hart said a study by the Orlen Foundation found that fish stocks had recovered.')).toEqual([
      'Lina Hart | said | a study by the Orlen Foundation found that fish stocks had recovered',
    ]);
  });
  it('no document noun ("Police found that"): no claim', () => {
    expect(claimsOf('Police found that the door had been forced.')).toEqual([]);
  });
});

describe('session 6 — subject, title and request boundaries', () => {
  it('"X in CITY estimated that": the place is a modifier of the subject', () => {
    expect(claimsOf('The Orlen Foundation in Lyon estimated that each day of the strike cost 40 million euros.')).toEqual([
      'Orlen Foundation | estimated | each day of the strike cost 40 million euros',
    ]);
  });
  it('"demanded that X explain" (a bare verb) is a request, not a claim', () => {
    expect(claimsOf('Lina Hart on Monday demanded that the regulator explain the delays.')).toEqual([]);
  });
  it('"Chief Operating Officer" is a title, not a person named "Operating"', () => {
    const body = 'The merger will add to earnings next year, Chief Operating Officer Tom Reyes said.';
    expect(actorMentions(enrich(body), body, 'person')).toEqual(['Tom Reyes']);
  });
  it('content before "Chief Financial Officer NAME said"', () => {
    expect(claimsOf('Gridco expects the merger to add to earnings next year, Chief Financial Officer Tom Reyes said.')).toEqual([
      'Tom Reyes | said | Gridco expects the merger to add to earnings next year',
    ]);
  });
  it('"BODY Cabinet Secretary NAME defended ..., arguing that" → the person', () => {
    expect(
      claimsOf(
        'The tax rose on Monday.\n\nTreasury Cabinet Secretary Tom Reyes defended the rise, arguing that subsidies had cost billions.',
      ),
    ).toEqual(['Tom Reyes | arguing | subsidies had cost billions']);
  });
});

describe('session 6 — a named member before "and N other BODY-members"', () => {
  it('"Sen. X (D-Ore.) and 11 other Democrats said" → X only, the sentence is not split after "Ore.)"', () => {
    expect(claimsOf('In a letter, Sen. Lina Hart (D-Ore.) and 11 other Democrats said the agency had failed.')).toEqual([
      'Lina Hart | said | the agency had failed',
    ]);
  });
  it('the party alone still speaks ("Democrats said")', () => {
    expect(claimsOf('Democrats said the agency had failed.')).toEqual(['Democratic Party | said | the agency had failed']);
  });
});

describe('session 6 — "they" after a coordinated subject in the sentence before', () => {
  it('"A and B have both opposed X. In a joint letter, they warned that" → one claim each', () => {
    expect(
      claimsOf(
        'Tom Reyes and Lina Hart have both opposed the closure. In a joint letter to the minister, they warned that the decision would cost lives.',
      ),
    ).toEqual(['Lina Hart | warned | the decision would cost lives', 'Tom Reyes | warned | the decision would cost lives']);
  });
  it('objects of a verb are no subject: "Police arrested A and B. They said" → no claim', () => {
    expect(claimsOf('Police arrested Tom Reyes and Lina Hart on Monday. They said the raid was illegal.')).toEqual([]);
  });
});

describe('session 6 — "A spokesperson said" after a body no rule named', () => {
  it('"The Kolvarian government has stayed neutral. A spokesperson said" → not the body named before', () => {
    // (seventh session: "the Kolvarian government" is now a named body itself, regionalGovernments in actors/en/rules.ts,
    // and its spokesperson speaks for it; a body no rule names still refuses, next test)
    expect(
      claimsOf(
        'Gridco says the plant is unsafe. The Kolvarian government has stayed neutral. A spokesperson said the matter was for the courts.',
      ),
    ).toEqual(['Gridco | says | the plant is unsafe', 'Kolvarian government | said | the matter was for the courts']);
  });
  it('"The Kolvarian regulator has stayed neutral. A spokesperson said" → refused (a body no rule named)', () => {
    expect(
      claimsOf(
        'Gridco says the plant is unsafe. The Kolvarian regulator has stayed neutral. A spokesperson said the matter was for the courts.',
      ),
    ).toEqual(['Gridco | says | the plant is unsafe']);
  });
  it('after a named body the spokesperson is still its own', () => {
    expect(claimsOf('Gridco has stayed neutral. A spokesperson said the matter was for the courts.')).toEqual([
      'Gridco | said | the matter was for the courts',
    ]);
  });
});

describe('session 6 — organisation names: legal forms, "X and Y Authority", acronyms of names in full', () => {
  it('"Kolvar Foods ASA said": the legal form is not the KB body ASA, and the company speaks', () => {
    const body = 'Norwegian group Kolvar Foods ASA said on Monday it had agreed to buy a rival.';
    const out = enrich(body);
    expect(actorMentions(out, body)).not.toContain('ASA');
    expect(all(out)).toEqual(['Kolvar Foods | said | it had agreed to buy a rival']);
  });
  it('"The ASA said" keeps the KB body', () => {
    expect(claimsOf('The ASA said the advert was misleading.')).toEqual([
      'Advertising Standards Authority | said | the advert was misleading',
    ]);
  });
  it('"the Fisheries and Coastal Protection Authority" is one body', () => {
    const body = 'The plan needs approval from the Fisheries and Coastal Protection Authority, which meets in May.';
    expect(actorMentions(enrich(body), body, 'organization')).toEqual(['Fisheries and Coastal Protection Authority']);
  });
  it('an acronym spelling the initials of a body named in full is its short name ("A FCPA spokesperson said")', () => {
    expect(
      claimsOf(
        'The plan needs approval from the Fisheries and Coastal Protection Authority. A FCPA spokesperson said a ruling would come in May.',
      ),
    ).toEqual(['Fisheries and Coastal Protection Authority | said | a ruling would come in May']);
  });
  it('"FAA Administrator NAME": the title is not part of the name, and the surname alone speaks later', () => {
    const body =
      'In a letter to Gridco Administrator Bram Oskervil, unions complained. Oskervil, a former pilot, told reporters that the plan was fair.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'person')).toEqual(['Bram Oskervil', 'Oskervil']);
    expect(all(out)).toEqual(['Bram Oskervil | told | the plan was fair']);
  });
});

describe('session 6 — recipients and adverbs around the verb', () => {
  it('"told the BBC\'s Today programme CLAUSE": the programme is the recipient, not content', () => {
    expect(claimsOf("Tom Reyes told the BBC's Today programme the talks had failed.")).toEqual(['Tom Reyes | told | the talks had failed']);
  });
  it('"has long argued that": the adverb between auxiliary and verb keeps the subject', () => {
    expect(claimsOf('Lina Hart has long argued that the tax is unfair.')).toEqual(['Lina Hart | argued | the tax is unfair']);
  });
});

describe('session 6 — "Mr X" goes to the person the text names in full, not to a KB person with the same surname', () => {
  it('"Lukas Reyes ... wrote Mr Reyes" → Lukas Reyes (the KB has Tom Reyes)', () => {
    const body = 'Lukas Reyes, campaign manager of a lobby group, dismissed the plan.\n\n"It is a diversion," wrote Mr Reyes.';
    const out = enrich(body);
    expect(out.actors.map((a) => a.name)).not.toContain('Tom Reyes');
    expect(all(out)).toContain('Lukas Reyes | wrote | It is a diversion');
  });
  it('with no one else of that surname, "Mr Reyes" stays the KB person', () => {
    expect(claimsOf('"It is a diversion," wrote Mr Reyes.')).toEqual(['Tom Reyes | wrote | It is a diversion']);
  });
});
