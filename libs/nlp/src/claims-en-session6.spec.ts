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
