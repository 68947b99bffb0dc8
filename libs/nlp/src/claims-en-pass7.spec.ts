// Issue 11, English, seventh pass (fifth session): construction families met in invented articles in the styles of
// outlets outside the corpus (wire, business, court, sports). Every sentence is invented; the KB is a small stand-in.
import { claimsHarness, offsetsOk, all } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'country:US', name: 'United States', type: 'country', aliases: ['United States', 'U.S.'] },
  { id: 'country:BO', name: 'Borduria', type: 'country', aliases: ['Borduria', 'Bordurian'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'org:treasury', name: 'Xandrian Treasury', type: 'organization', aliases: ['Treasury'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['Omar Fayed', 'Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/p7' });
const claimsOf = (body: string) => {
  const out = enrich(body);
  expect(offsetsOk(out, body)).toBe(true);
  return all(out);
};

describe('pass 7 — a country or body inside the title before a post-posed speaker', () => {
  it('"CONTENT, Gridco Chief Executive X said." → the person', () => {
    expect(claimsOf('Demand for grid parts is falling fast, Gridco Chief Executive Lina Hart said.')).toEqual([
      'Lina Hart | said | Demand for grid parts is falling fast',
    ]);
  });
  it('"CONTENT, Xandrian Foreign Minister X told reporters on Monday."', () => {
    expect(claimsOf('The border talks were useful and calm, Xandrian Foreign Minister Omar Fayed told reporters on Monday.')).toEqual([
      'Omar Fayed | told | The border talks were useful and calm',
    ]);
  });
  it('an abbreviation with its full stop: "CONTENT, U.S. Secretary of State X said."', () => {
    expect(claimsOf('The border talks were useful and calm, U.S. Secretary of State Omar Fayed said.')).toEqual([
      'Omar Fayed | said | The border talks were useful and calm',
    ]);
  });
  it('inverted: "CONTENT, said Bordurian Prime Minister X."', () => {
    expect(claimsOf('The border talks were useful and calm, said Bordurian Prime Minister Omar Fayed.')).toEqual([
      'Omar Fayed | said | The border talks were useful and calm',
    ]);
  });
  it('an aside: "CONTENT, Treasury Secretary X said, CONTENT." → the larger part', () => {
    expect(claimsOf('The plan, Treasury Secretary Lina Hart said, would cut costs for most families next year.')).toEqual([
      'Lina Hart | said | would cut costs for most families next year',
    ]);
  });
  it('a mention that is no title modifier still stops the walk (a list before the speaker)', () => {
    const out = claimsOf('Prices rose in Borduria, Xandria and Gridco said.');
    expect(out.some((c) => c.includes('Prices rose'))).toBe(false);
  });
});

describe('pass 7 — "CLAUSE, X said, adding that ..." is content before plus a participle claim', () => {
  it("the participle is not the aside's right-hand content", () => {
    expect(claimsOf('Border trade is recovering well, Fayed said, adding that tolls would fall. Omar Fayed is the trade envoy.')).toEqual([
      'Omar Fayed | adding | tolls would fall',
      'Omar Fayed | said | Border trade is recovering well',
    ]);
  });
  it("a clausal right-hand part is still the aside's content", () => {
    expect(claimsOf('The economy, Fayed said, is stronger than most bankers expected this year. Omar Fayed is the trade envoy.')).toEqual([
      'Omar Fayed | said | is stronger than most bankers expected this year',
    ]);
  });
});

describe('pass 7 — a state organ of a named country speaks for the country', () => {
  it('"The Xandrian air force said" / "Borduria\'s coast guard said" / "Xandrian police said"', () => {
    expect(claimsOf('The Xandrian air force said it had shot down nine drones overnight.')).toEqual([
      'Xandria | said | it had shot down nine drones overnight',
    ]);
    expect(claimsOf("Borduria's coast guard said two boats had sunk.")).toEqual(['Borduria | said | two boats had sunk']);
    expect(claimsOf('Xandrian police said three men were held.')).toEqual(['Xandria | said | three men were held']);
  });
  it('not a company\'s "army", not an organ inside a prepositional phrase', () => {
    expect(claimsOf("Gridco's army of engineers said the grid was safe.")).toEqual([]);
    expect(claimsOf('A rival of the Xandrian army said the grid was safe.')).toEqual([]);
  });
});

describe('pass 7 — a second reporting verb after "and/but" + pronoun is its own claim', () => {
  it('"X said A, and he warned that B" → two claims', () => {
    expect(claimsOf('Omar Fayed said the grid was ageing badly, and he warned that blackouts would follow.')).toEqual([
      'Omar Fayed | said | the grid was ageing badly',
      'Omar Fayed | warned | blackouts would follow',
    ]);
  });
  it('"but she also insisted that ..."', () => {
    expect(claimsOf('Lina Hart said the talks had stalled but she also insisted that a deal was near.')).toEqual([
      'Lina Hart | insisted | a deal was near',
      'Lina Hart | said | the talks had stalled',
    ]);
  });
  it('a pronoun with a verb that reports nothing stays inside the content', () => {
    expect(claimsOf('Lina Hart said the talks had stalled and she knew why.')).toEqual([
      'Lina Hart | said | the talks had stalled and she knew why',
    ]);
  });
});

describe('pass 7 — a person\'s lawyers or spokesman after "for"', () => {
  it('"Lawyers for X said" → X, like "X\'s lawyers said"', () => {
    expect(claimsOf('Lawyers for Omar Fayed said he would appeal the ruling.')).toEqual(['Omar Fayed | said | he would appeal the ruling']);
    expect(claimsOf('A spokesman for Lina Hart said she was resting at home.')).toEqual(['Lina Hart | said | she was resting at home']);
  });
  it('the officer named in an apposition speaks, not the client', () => {
    const out = claimsOf('A lawyer for Omar Fayed, Lina Hart, said the verdict was a disgrace.');
    expect(out).toEqual(['Lina Hart | said | the verdict was a disgrace']);
  });
});

describe('pass 7 — business-news epithets for a company named before', () => {
  it('"The drugmaker added that ...", "The planemaker said ..."', () => {
    expect(claimsOf('Gridco said the trial was a success. The drugmaker added that it would seek approval in May.')).toEqual([
      'Gridco | added | it would seek approval in May',
      'Gridco | said | the trial was a success',
    ]);
    expect(claimsOf('Gridco said it would cut 500 jobs. The planemaker said demand had collapsed.')).toContain(
      'Gridco | said | demand had collapsed',
    );
  });
});

describe('pass 7 — what follows an inverted speaker is content only when it is a clause', () => {
  it('"CONTENT, said X, chair of Y, in a statement." → the content before', () => {
    expect(claimsOf('The ruling is a victory for families, said Lina Hart, chair of Gridco, in a statement.')).toEqual([
      'Lina Hart | said | The ruling is a victory for families',
    ]);
  });
  it('"CONTENT, argued X, who chairs the panel." → the content before', () => {
    expect(claimsOf('The report was badly flawed, argued Omar Fayed, who chairs the panel.')).toEqual([
      'Omar Fayed | argued | The report was badly flawed',
    ]);
  });
});

describe('pass 7 — a verb whose content opens on a reporting participle reports nothing itself', () => {
  it('"said it had notified customers, adding that ..." → no "notified" claim, the participle\'s own claim', () => {
    const out = claimsOf('Gridco said it had notified customers, adding that no data was lost.');
    expect(out).toEqual(['Gridco | adding | no data was lost', 'Gridco | said | it had notified customers']);
  });
});

describe('pass 7 — "His attorney / Her lawyers said" → the person the pronoun refers to', () => {
  it('the pronoun resolves with its gender', () => {
    expect(claimsOf('Omar Fayed pleaded not guilty. His attorney said he would fight the charges.')).toEqual([
      'Omar Fayed | said | he would fight the charges',
    ]);
    expect(claimsOf('Lina Hart was charged on Monday. Her lawyers said the case was weak.')).toEqual([
      'Lina Hart | said | the case was weak',
    ]);
  });
  it('no person of that gender: no speaker', () => {
    expect(claimsOf('Omar Fayed was charged on Monday. Her lawyers said the case was weak.')).toEqual([]);
  });
});

describe('pass 7 — "reported" + a results noun is an action, not a report', () => {
  it('"Gridco reported record revenue" / "reported a 5% drop in sales" → no claim', () => {
    expect(claimsOf('Gridco reported record revenue on Wednesday.')).toEqual([]);
    expect(claimsOf('Gridco reported a 5% drop in sales.')).toEqual([]);
  });
  it('a clause after "reported" is still reported: "reported sales fell 5%", "reported that ..."', () => {
    expect(claimsOf('Gridco reported sales fell 5% in May.')).toEqual(['Gridco | reported | sales fell 5% in May']);
    expect(claimsOf('Gridco reported that the grid was stable.')).toEqual(['Gridco | reported | the grid was stable']);
  });
});

describe('pass 7 — an "including" aside in the subject', () => {
  it('"Top Xandrian officials, including adviser X, have said ..." → the country and the named person', () => {
    expect(
      claimsOf('Top Xandrian officials, including security adviser Omar Fayed, have said they saw no evidence of fraud.').sort(),
    ).toEqual(['Omar Fayed | said | they saw no evidence of fraud', 'Xandria | said | they saw no evidence of fraud']);
  });
  it('an unresolved head keeps the named member: "Several firms, including Gridco, said ..."', () => {
    expect(claimsOf('Several firms, including Gridco, said the rule was unworkable.')).toEqual(['Gridco | said | the rule was unworkable']);
  });
});
