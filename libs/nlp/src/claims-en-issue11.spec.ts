// Issue 11, English: claim segmentation and speaker resolution families (claims/en). Every sentence is invented
// (fictional people, bodies and countries); the KB is a small stand-in.
import { claimsHarness, offsetsOk, all } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['Yberia', 'Yberian'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['Omar Fayed', 'Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'org:petro-union', name: 'Petro Union', type: 'organization', aliases: ['Petro Union'] },
  { id: 'group:red-hand', name: 'Red Hand', type: 'group', aliases: ['Red Hand'] },
  { id: 'person:karl-brenner', name: 'Karl Brenner', type: 'person', aliases: ['Karl Brenner', 'Brenner'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en' });

describe('issue 11 — English: a coordinated clause ends the reported content', () => {
  it('"denies X and has blamed Y": the content stops before the auxiliary and the second verb', () => {
    const body = 'Xandria denies meddling in the vote and has blamed foreign agents for the unrest.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out).some((c) => c.startsWith('Xandria | denies | meddling in the vote'))).toBe(true);
    expect(out.claims.every((c) => !c.text.includes('meddling in the vote and'))).toBe(true);
  });
  it('"A, and President X has denied B": two claims, one per speaker', () => {
    const body = 'Xandria has denied any role in the blockade, and President Omar Fayed has denied any talks with the rebels.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Omar Fayed | denied | any talks with the rebels', 'Xandria | denied | any role in the blockade']);
  });
  it('a joint subject keeps both speakers for the coordinated verb ("X and Y say A, and have warned B")', () => {
    const body = 'Xandria and Yberia say they should be exempted from the levy, and have warned they could retaliate.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      'Xandria | say | they should be exempted from the levy',
      'Xandria | warned | they could retaliate',
      'Yberia | say | they should be exempted from the levy',
      'Yberia | warned | they could retaliate',
    ]);
  });
  it('", but <affiliation> <person> said": the second speaker gets the second clause', () => {
    const body = 'Petro Union says it will study the plan, but Gridco chief Lina Hart said the plan was unworkable.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toContain('Petro Union | says | it will study the plan');
    expect(all(out).filter((c) => c.includes('study the plan, but'))).toEqual([]);
  });
  it('a backshifted "had" inside the reported clause does not cut it', () => {
    const body = 'Omar Fayed told the court he met Lina Hart often and had warned her the accounts were wrong.';
    const out = enrich(body);
    expect(all(out)).toEqual(['Omar Fayed | told | he met Lina Hart often and had warned her the accounts were wrong']);
  });
  it('subjects coordinated inside the content are left alone ("said A and B have agreed")', () => {
    const body = 'Lina Hart said Xandria and Yberia have agreed to reopen the border.';
    expect(all(enrich(body))).toEqual(['Lina Hart | said | Xandria and Yberia have agreed to reopen the border']);
  });
});

describe('issue 11 — English: the speaker after the content with a told-type verb and its addressee', () => {
  it('"CONTENT, X told reporters." / "..., X told a local newspaper on Sunday.": the content is before', () => {
    for (const tail of ['told reporters.', 'told a local newspaper on Sunday.', 'told the Gridco newspaper.']) {
      const body = `The border will reopen next month, Omar Fayed ${tail}`;
      const out = enrich(body);
      expect(offsetsOk(out, body)).toBe(true);
      expect(all(out)).toEqual(['Omar Fayed | told | The border will reopen next month']);
    }
  });
  it('the addressee is not taken for the content ("told a Xandrian network on Sunday")', () => {
    const out = enrich('Gridco will close the plant, Lina Hart told a Xandrian network on Sunday.');
    expect(all(out)).toEqual(['Lina Hart | told | Gridco will close the plant']);
  });
  it('content after the addressee still wins ("told reporters in Gridco that ...", "told the paper: ...")', () => {
    expect(all(enrich('Omar Fayed told reporters in Xandria that the border will reopen.'))).toEqual([
      'Omar Fayed | told | the border will reopen',
    ]);
    expect(all(enrich('Omar Fayed told reporters in Xandria: "The border will reopen."'))).toEqual([
      'Omar Fayed | told | The border will reopen',
    ]);
  });
  it('an object that is no addressee is not skipped ("..., X has urged an increase")', () => {
    const out = enrich('Six states want the budget capped - Gridco has urged an increase to two percent.');
    expect(all(out).filter((c) => c.includes('Six states want'))).toEqual([]);
  });
});

describe('issue 11 — English: a plural noun is not a reporting verb', () => {
  it('"at the X claims that", "X\'s claims that", "its reports" are noun phrases', () => {
    expect(enrich('Xandria has scoffed at the Yberia claims that its army is defensive.').claims).toEqual([]);
    expect(all(enrich("Despite Gridco's claims that the plant is safe, Omar Fayed said it would close."))).toEqual([
      'Omar Fayed | said | it would close',
    ]);
  });
  it('a sentence subject keeps the verb ("Yberia claims that ...")', () => {
    expect(all(enrich('Yberia claims that its army is defensive.'))).toEqual(['Yberia | claims | its army is defensive']);
  });
});

describe('issue 11 — English: descriptions after the quotation', () => {
  it('"the group" refers to a militant group in focus, "said the statement" to the body that spoke last', () => {
    const body =
      'The Red Hand condemned the decision. "This will harm nobody but the rulers," the group said in a statement on Sunday. ' +
      '"Our struggle will continue until the occupation ends," said the statement.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      'Red Hand | said | Our struggle will continue until the occupation ends',
      'Red Hand | said | This will harm nobody but the rulers',
    ]);
  });
  it('"said the statement" after a person\'s words is refused, not guessed', () => {
    const out = enrich('Omar Fayed said on Monday profits fell. "We had a hard year," said the statement.');
    expect(all(out)).toEqual(['Omar Fayed | said | profits fell']);
  });
});

describe('issue 11 — English: a lead description resolved to the person the next sentences introduce', () => {
  it('"X\'s defence minister reported to President Y that ...": the minister named next, not the addressee', () => {
    const body =
      "Xandria's defence minister reported to President Omar Fayed that a new missile became operational on Friday. " +
      'Defence Minister Lina Hart informed Fayed that the first unit entered combat duty, the ministry said.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toContain('Lina Hart | reported | a new missile became operational on Friday');
    expect(all(out).filter((c) => c.startsWith('Omar Fayed'))).toEqual([]);
  });
  it('"the deputy head of X has warned" in the lead: the officer of X named in the next sentence', () => {
    const body =
      'The storm clouds of the next crisis are gathering, the deputy head of Gridco has warned. ' +
      'Lina Hart, the first deputy managing director of Gridco, said that prevention is incomplete.';
    const out = enrich(body);
    expect(all(out)).toContain('Lina Hart | warned | The storm clouds of the next crisis are gathering');
  });
  it('without a named officer the body keeps the claim', () => {
    const out = enrich('The storm clouds of the next crisis are gathering, the deputy head of Gridco has warned.');
    expect(all(out)).toEqual(['Gridco | warned | The storm clouds of the next crisis are gathering']);
  });
});

describe('issue 11 — English: a relative clause closing with a quotation between subject and verb', () => {
  it('\'X - who called it "a row" - told ...\': the relative claim ends at the dash, the main verb keeps X', () => {
    for (const [o, c] of [
      [', ', ', '],
      [' - ', ' - '],
    ]) {
      const body =
        `Omar Fayed${o}who called the row "a difference of opinion"${c}told reporters that the talks would go on. ` +
        '"We do not want poor relations," he said.';
      const out = enrich(body);
      expect(offsetsOk(out, body)).toBe(true);
      expect(all(out)).toEqual([
        'Omar Fayed | called | the row "a difference of opinion',
        'Omar Fayed | said | We do not want poor relations',
        'Omar Fayed | told | the talks would go on',
      ]);
    }
  });
});

describe('issue 11 — English: "tweeted" attributes a quotation', () => {
  it('a quotation followed by "X tweeted" is X\'s, not a continuation of the previous speaker', () => {
    const body = '"This is a big scam," Omar Fayed said. "Your claims fool no one," Lina Hart tweeted over the weekend.';
    expect(all(enrich(body))).toEqual(['Lina Hart | tweeted | Your claims fool no one', 'Omar Fayed | said | This is a big scam']);
  });
  it('"tweeted a photo" has no content', () => {
    expect(enrich('Omar Fayed tweeted a photo of the plant.').claims).toEqual([]);
  });
});

describe('issue 11 — English: a description with a nationality resolves to the person introduced with it', () => {
  it('"the Yberian president" is the one introduced as "Yberian President X", not the president named last', () => {
    const body =
      'Yberian President Lina Hart rejected the plan. Omar Fayed urged leaders to back it. His words about President Fayed ' +
      'met a cool reception. The Yberian president told reporters: "The union must reinforce itself."';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toContain('Lina Hart | told | The union must reinforce itself');
  });
});

describe('issue 11 — English: "he" after a sentence that names one person', () => {
  it('the one person named in the previous sentence (after the last claim) is the referent, not the last speaker', () => {
    const body =
      'Treasury chief Karl Brenner said a strong currency was in the national interest. But that was not enough for Mr Fayed. ' +
      '"If the Yberians want a change, it is up to them to say so," he said.';
    const out = enrich(body.replace('Mr Fayed', 'Mr Omar Fayed'));
    expect(all(out)).toContain('Omar Fayed | said | If the Yberians want a change, it is up to them to say so');
  });
  it('a previous sentence with its own pronoun subject leaves the last speaker', () => {
    const body = 'Omar Fayed said the plan was sound. He met Mr Petro Ivanov on Friday. "It will work," he said.';
    expect(all(enrich(body))).toContain('Omar Fayed | said | It will work');
  });
});
