// Issue 11, English, fifth pass (round 5): construction families (claims/en). Every sentence is invented; the KB is a
// small stand-in of fictional people and bodies.
import { claimsHarness, offsetsOk, all } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['Omar Fayed', 'Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'org:voltan', name: 'Voltan', type: 'organization', aliases: ['Voltan'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/p5' });
const claimsOf = (body: string) => {
  const out = enrich(body);
  expect(offsetsOk(out, body)).toBe(true);
  return all(out);
};

describe('round 5 — a quotation split by its attribution', () => {
  it('"A," said X, "B." and "A," X said, "B.": both halves are X\'s', () => {
    expect(claimsOf('"We welcome the ruling," said Lina Hart, "but we will need to see it enforced."')).toEqual([
      'Lina Hart | said | We welcome the ruling',
      'Lina Hart | said | but we will need to see it enforced',
    ]);
    expect(claimsOf('"The plan is late," Omar Fayed told reporters, "and nobody has paid for it."')).toEqual([
      'Omar Fayed | told | The plan is late',
      'Omar Fayed | told | and nobody has paid for it',
    ]);
  });
  it('a quotation after a comma that is no resumed quotation stays out ("..., a word the firm calls "fair")', () => {
    const out = claimsOf('"Prices will rise," said Lina Hart. Gridco sells what it calls "fair power", a brand launched in May.');
    expect(out).toEqual(['Lina Hart | said | Prices will rise']);
  });
});

describe('round 5 — "CLAUSE, he said, including ...": the clause before the attribution', () => {
  it('a participle or prepositional tail after the attribution is no content of its own', () => {
    expect(claimsOf('Hart spoke first. Talks are covering 12 chapters, she said, including a new one on fisheries.')).toEqual([
      'Lina Hart | said | Talks are covering 12 chapters',
    ]);
  });
  it('a clausal remainder is still the content ("Already, he said, there have been ...")', () => {
    expect(claimsOf('Fayed spoke first. Already, he said, there have been three outages this winter.')).toEqual([
      'Omar Fayed | said | there have been three outages this winter',
    ]);
  });
});

describe('round 5 — an unpaired dash ends indirect content', () => {
  it('"denied there was any snub - he is going to ..." stops at the dash', () => {
    expect(claimsOf('Omar Fayed denied there was any snub - he is travelling to a funeral on Friday.')).toEqual([
      'Omar Fayed | denied | there was any snub',
    ]);
  });
  it('a paired dash is a parenthesis inside the content', () => {
    expect(claimsOf('Lina Hart said the plant - built in 1971 - would close next year.')).toEqual([
      'Lina Hart | said | the plant - built in 1971 - would close next year',
    ]);
  });
});

describe('round 5 — "informed/assured/reminded Y that ..." (en-object-that)', () => {
  it('the that-clause after the recipient is the content', () => {
    expect(claimsOf('Omar Fayed informed the cabinet that the first unit had entered service.')).toEqual([
      'Omar Fayed | informed | the first unit had entered service',
    ]);
    expect(claimsOf('Gridco assured investors that the dividend was safe.')).toEqual(['Gridco | assured | the dividend was safe']);
  });
  it('without a that-clause no report ("informed the police", "well informed sources")', () => {
    expect(claimsOf('Lina Hart informed the police on Monday.')).toEqual([]);
    expect(claimsOf('Well informed sources said the talks had failed.')).toEqual([]);
  });
});

describe('round 5 — participles: "while also saying" + clause, "by tweeting that"', () => {
  it('"while also saying X would ..." without "that" reports the clause', () => {
    expect(claimsOf('Omar Fayed restated plans to withdraw while also saying Xandria would never allow the group to return.')).toEqual([
      'Omar Fayed | saying | Xandria would never allow the group to return',
    ]);
  });
  it('"while saying goodbye" is no report', () => {
    expect(claimsOf('Omar Fayed left the hall while saying goodbye to the staff.')).toEqual([]);
  });
  it('"by tweeting that ..." → the subject of the sentence', () => {
    expect(claimsOf('On Monday, Lina Hart raised the stakes by tweeting that "the deal is dead."')).toEqual([
      'Lina Hart | tweeting | the deal is dead',
    ]);
  });
  it('a pronoun opening the sentence is its subject, not a name after the verb', () => {
    expect(claimsOf('Lina Hart spoke on Monday. She restated Xandrian plans while also saying Gridco would pay.')).toEqual([
      'Lina Hart | saying | Gridco would pay',
    ]);
  });
  it('"the Xandrian president ... by tweeting" with no known president: no claim (not the country)', () => {
    expect(claimsOf('Early on Monday, the Xandrian president raised tension by tweeting that "tariffs will stay."')).toEqual([]);
  });
});

describe('round 5 — joint accusations and characterisations', () => {
  it('"X and Y accuse each other of ..." → one claim each', () => {
    expect(claimsOf('Gridco and Voltan accuse each other of benefiting from illegal subsidies.')).toEqual([
      'Gridco | accuse | each other of benefiting from illegal subsidies',
      'Voltan | accuse | each other of benefiting from illegal subsidies',
    ]);
  });
  it('"condemned X as Y" is a characterisation; "condemned the attack" is not', () => {
    expect(claimsOf('Gridco has condemned the decision to suspend the talks as an "anti-market" move.')).toEqual([
      'Gridco | condemned | the decision to suspend the talks as an "anti-market" move',
    ]);
    expect(claimsOf('Gridco condemned the attack on the convoy.')).toEqual([]);
    expect(claimsOf('Omar Fayed dismissed the report as fabricated.')).toEqual(['Omar Fayed | dismissed | the report as fabricated']);
  });
});

describe('round 5 — a quoted fragment ending the reported clause', () => {
  it('\'CLAUSE to "fragment", X said\': the whole clause, not the fragment alone', () => {
    expect(claimsOf('Voting machines will be checked in ten towns to "reduce fraud", Gridco said in a notice last week.')).toEqual([
      'Gridco | said | Voting machines will be checked in ten towns to "reduce fraud"',
    ]);
  });
  it('the clause is widened ("The price was "a farce", X said"), but not over a named actor before the fragment', () => {
    expect(claimsOf('The price was "a farce", Omar Fayed said.')).toEqual(['Omar Fayed | said | The price was "a farce"']);
    expect(claimsOf('Voltan called the price "a farce", Omar Fayed said.')).toEqual([
      'Omar Fayed | said | a farce',
      'Voltan | called | the price "a farce',
    ]);
  });
  it('"condemned US-style X\'s decision as ...": a capitalised US is no pronoun object', () => {
    expect(claimsOf("Gridco condemned US regulator Voltan's decision as an anti-market move.")).toEqual([
      "Gridco | condemned | US regulator Voltan's decision as an anti-market move",
    ]);
  });
});

describe('round 5 — "the company" continues the previous sentence\'s subject', () => {
  it('the subject, not a body named later in a prepositional phrase', () => {
    const body =
      'Gridco was fighting several lawsuits, most notably against Voltan, which is seeking damages. The company said the filing would help it keep trading.';
    expect(claimsOf(body)).toEqual(['Gridco | said | the filing would help it keep trading']);
  });
  it('a previous sentence opened by a person leaves the last company in focus', () => {
    const body = 'Lina Hart met Voltan executives on Monday. The company said the talks had gone well.';
    expect(claimsOf(body)).toEqual(['Voltan | said | the talks had gone well']);
  });
});

describe('round 5 — refusals: a topic after "told", navigation lines', () => {
  it('"told X about Y", "told members of Y", "told X but nobody told him" are no propositions', () => {
    expect(claimsOf('Lina Hart told him last month about efforts to boost the fund.')).toEqual([]);
    expect(claimsOf('Omar Fayed told members of the audit committee during a closed hearing.')).toEqual([]);
    expect(claimsOf('Gridco told Voltan but nobody told the regulators.')).toEqual([]);
  });
  it('"told X (that) CLAUSE" still reports', () => {
    expect(claimsOf('Lina Hart told reporters the fund would close.')).toEqual(['Lina Hart | told | the fund would close']);
  });
  it('a "Related:" or "More:" link line is navigation, not a claim', () => {
    const body = 'Gridco said prices would rise.\n\nRelated: Voltan says costs will fall\n\nMore: Hart says talks will resume';
    expect(claimsOf(body)).toEqual(['Gridco | said | prices would rise']);
  });
});

describe('round 5 — a lead description named in the next sentence', () => {
  it('"..., a senior official says. Name, the foreign policy chief, says ..." → that person', () => {
    expect(
      claimsOf('The plan is naive, a senior official says.  Omar Fayed, the foreign policy chief, says the ban works elsewhere.'),
    ).toEqual(['Omar Fayed | says | The plan is naive', 'Omar Fayed | says | the ban works elsewhere']);
  });
  it('no role apposition, or another speaker first: no speaker for the description', () => {
    expect(claimsOf('The plan is naive, a senior official says.  Lina Hart said it was fine.')).toEqual(['Lina Hart | said | it was fine']);
    expect(claimsOf('The plan is naive, a senior official says.  Omar Fayed, 55, was arrested.')).toEqual([]);
  });
  it('outside the lead sentence an indefinite description stays unresolved', () => {
    expect(claimsOf('Gridco opened a plant. The plan is naive, an official said.  Omar Fayed, the plant chief, said little.')).toEqual([]);
  });
});

describe('round 5 — "notified N customers that ..."', () => {
  it('the recipient of notified is skipped: the that-clause is the content', () => {
    expect(claimsOf('Gridco notified about 1,200 customers that they had been overcharged.')).toEqual([
      'Gridco | notified | they had been overcharged',
    ]);
  });
});
