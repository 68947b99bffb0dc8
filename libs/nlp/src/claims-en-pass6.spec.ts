// Issue 11, English, sixth pass (round 6): construction families (claims/en). Every sentence is invented; the KB is a
// small stand-in of fictional people and bodies.
import { claimsHarness, offsetsOk, all } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'org:unionx', name: 'Union of Xandria', type: 'organization', aliases: ['Union of Xandria', 'UX'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['Omar Fayed', 'Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'org:voltan', name: 'Voltan', type: 'organization', aliases: ['Voltan'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/p6' });
const claimsOf = (body: string) => {
  const out = enrich(body);
  expect(offsetsOk(out, body)).toBe(true);
  return all(out);
};

describe('round 6 — an affiliated indefinite description in the lead', () => {
  it('"..., a senior UX politician says. Name, UX foreign policy chief, says ..." → that person, not the body', () => {
    expect(
      claimsOf('The plan is naive, a senior UX politician says.  Omar Fayed, UX foreign policy chief, says the ban works elsewhere.'),
    ).toEqual(['Omar Fayed | says | The plan is naive', 'Omar Fayed | says | the ban works elsewhere']);
  });
  it('without a named person introduced next, the lead description is not resolved to a person', () => {
    const out = claimsOf('The plan is naive, a senior UX politician says.  Lina Hart said it was fine.');
    expect(out).not.toContain('Lina Hart | says | The plan is naive');
    expect(out).toContain('Lina Hart | said | it was fine');
  });
  it('a definite affiliated role is unchanged ("the UX chief" is not the next-named person)', () => {
    const out = claimsOf('The plan is naive, the UX chief says.  Omar Fayed, a Gridco director, says the ban works.');
    expect(out).not.toContain('Omar Fayed | says | The plan is naive');
  });
});

describe('round 6 — a plural description of a named pair', () => {
  it('"X and Y welcomed ... . "...," the companies said" → one claim per company', () => {
    expect(
      claimsOf(
        'Gridco and Voltan, the two grid firms, welcomed the ruling. "The ruling ends a long dispute," the companies said in a statement.',
      ),
    ).toEqual(expect.arrayContaining(['Gridco | said | The ruling ends a long dispute', 'Voltan | said | The ruling ends a long dispute']));
  });
  it('"the two men said" after a named pair of people', () => {
    expect(claimsOf('Omar Fayed and Lina Hart were charged on Monday. The two men said the case was groundless.').sort()).toEqual([
      'Lina Hart | said | the case was groundless',
      'Omar Fayed | said | the case was groundless',
    ]);
  });
  it('no coordinated pair of the right kind: no speaker', () => {
    // people, not companies
    expect(claimsOf('Omar Fayed and Lina Hart were charged on Monday. The companies said the case was groundless.')).toEqual([]);
    // one company only
    expect(claimsOf('Gridco sued Voltan on Monday. The companies said the case was groundless.')).toEqual([]);
    // a pair inside a prepositional phrase is no pair of actors that act ("talks between X and Y")
    expect(claimsOf('Talks between Gridco and Voltan broke down. The companies said the case was groundless.')).toEqual([]);
  });
  it('a pair named too far back is not taken', () => {
    expect(
      claimsOf(
        'Gridco and Voltan merged. Prices rose in May. Rain fell in June. Roads closed in July. The companies said the case was groundless.',
      ),
    ).toEqual([]);
  });
});

describe('round 6 — a pronoun subject after a fronted adjunct', () => {
  it('"Against a backdrop of X\'s dispute, he said ...": not X, the person in focus', () => {
    const out = claimsOf(
      'Lina Hart spoke in May. She said rates would rise. Against a backdrop of Omar Fayed waging a feud with Gridco, she said prices needed to fall.',
    );
    expect(out).toContain('Lina Hart | said | prices needed to fall');
    expect(out.some((c) => c.startsWith('Omar Fayed'))).toBe(false);
  });
  it('no fronted preposition: the usual resolution is unchanged', () => {
    const out = claimsOf('Omar Fayed took the floor. He said prices needed to fall.');
    expect(out).toEqual(['Omar Fayed | said | prices needed to fall']);
  });
});

describe('round 6 — "the attorney general said" is a role description', () => {
  it('after "Name, Xandrian attorney general": that person', () => {
    const out = claimsOf(
      '"Fraud must stop," said Omar Fayed, Xandrian attorney general. The attorney general alleges that the messages broke three laws.',
    );
    expect(out).toContain('Omar Fayed | alleges | the messages broke three laws');
  });
  it('not a person the story introduced with another role', () => {
    const out = claimsOf(
      'Lina Hart, a Gridco director, said prices would rise. The attorney general alleges that the messages broke three laws.',
    );
    expect(out).toEqual(['Lina Hart | said | prices would rise']);
  });
});

describe('round 6 — "the Xandrian attorney general" after a director', () => {
  it('a country before the role does not hand the words to a person tied to another role', () => {
    const out = claimsOf(
      'Lina Hart, a Gridco director, said prices would rise. The Xandrian attorney general alleges that the messages broke three laws.',
    );
    expect(out.filter((c) => c.startsWith('Lina Hart | alleges'))).toEqual([]);
  });
});
