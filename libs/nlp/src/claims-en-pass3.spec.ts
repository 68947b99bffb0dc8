// Issue 11, English, third pass: construction families (claims/en). Every sentence is invented (fictional people,
// bodies and countries); the KB is a small stand-in.
import { claimsHarness, offsetsOk, all } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandria', 'Xandrian'] },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['Yberia', 'Yberian'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['Omar Fayed', 'Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['Lina Hart', 'Hart'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['Gridco'] },
  { id: 'org:petro-union', name: 'Petro Union', type: 'organization', aliases: ['Petro Union'] },
];
const enrich = claimsHarness(KB, { title: 'Title', language: 'en', url: 'https://x.test/p3' });

describe('issue 11 — English participle clauses report for the subject of the sentence', () => {
  it('", arguing <clause>" without "that"', () => {
    const body = 'Omar Fayed has threatened to leave the pact, arguing the old treaty has drained jobs from the north.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Omar Fayed | arguing | the old treaty has drained jobs from the north']);
  });
  it('", noting that <clause>" after a plain action', () => {
    const body = 'Gridco opened the new plant on Monday, noting that its output would double by spring.';
    const out = enrich(body);
    expect(all(out)).toEqual(['Gridco | noting | its output would double by spring']);
  });
  it('"- albeit stressing that": the first content ends before the participle, which is its own claim', () => {
    const body = 'Lina Hart said the talks were slow - albeit stressing that her side still wanted a deal.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Lina Hart | said | the talks were slow', 'Lina Hart | stressing | her side still wanted a deal']);
  });
  it('a participle with a noun object is no claim ("insisting on a vote")', () => {
    const body = 'Omar Fayed left the chamber, insisting on a recorded vote.';
    expect(enrich(body).claims).toEqual([]);
  });
});

describe('issue 11 — English verbs that report only with a that-clause', () => {
  it('"emphasised that", "complained that"', () => {
    const body = 'Omar Fayed emphasised that Xandria would not pay. Petro Union complained that the tender was rigged.';
    const out = enrich(body);
    expect(all(out)).toEqual(['Omar Fayed | emphasised | Xandria would not pay', 'Petro Union | complained | the tender was rigged']);
  });
  it('the same verbs with a noun object are no claims ("emphasised the need")', () => {
    const body = 'Omar Fayed emphasised the need for calm. Petro Union complained about the delay.';
    expect(enrich(body).claims).toEqual([]);
  });
  it('"X - who has at times doubted that ...": the antecedent of the relative pronoun', () => {
    const body = 'The vote angered Omar Fayed - who has at times doubted that the count was fair.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Omar Fayed | doubted | the count was fair']);
  });
});

describe('issue 11 — English relative clauses with an adverbial before the verb', () => {
  it('"X, who this week warned that ..., will ..."', () => {
    const body = 'Lina Hart, who this week warned that the grid was failing, will meet the board.';
    const out = enrich(body);
    expect(all(out)).toEqual(['Lina Hart | warned | the grid was failing']);
  });
  it('a noun phrase between "who" and the verb is not skipped', () => {
    const body = 'Lina Hart met the minister who the union said was to blame.';
    expect(all(enrich(body)).filter((c) => c.startsWith('Lina Hart'))).toEqual([]);
  });
});

describe('issue 11 — English: a place after an anonymous head is no speaker', () => {
  it('"A legal expert in the X said" is refused; "a spokesman for the X said" is X', () => {
    const body =
      'A legal expert in the Petro Union said that the ruling was weak. A spokesman for the Petro Union said that the strike would go on.';
    const out = enrich(body);
    expect(all(out)).toEqual(['Petro Union | said | the strike would go on']);
  });
});

describe('issue 11 — English: the speaker after the content', () => {
  it('"…," said <lower-case descriptor> <person>', () => {
    const body = '"We will not give up," said retired teacher Lina Hart, 61.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Lina Hart | said | We will not give up']);
  });
  it('a free descriptor is taken only before a person ("said energy giant X" is left to the older rules)', () => {
    const body = '"The plant is safe," said energy giant Gridco.';
    expect(all(enrich(body))).toEqual([]);
  });
  it('"CONTENT, <multi-word title> X told a <recipient> on Sunday."', () => {
    const body = 'The talks are over for the time being, Secretary of State Omar Fayed told a local network on Sunday.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Omar Fayed | told | The talks are over for the time being']);
  });
  it('"CONTENT, X said Monday." — a bare weekday closes the attribution', () => {
    const body = 'The delegation will arrive from Tuesday through Saturday, Petro Union said Monday.';
    expect(all(enrich(body))).toEqual(['Petro Union | said | The delegation will arrive from Tuesday through Saturday']);
  });
});

describe('issue 11 — English: a named body through a document or a descriptive apposition', () => {
  it('"A Petro Union statement said ..." → the body', () => {
    const body = 'A Petro Union statement later said the pipeline had been shut.';
    expect(all(enrich(body))).toEqual(['Petro Union | said | the pipeline had been shut']);
  });
  it('"The Petro Union trade body said ..." → the body', () => {
    const body = 'The Petro Union trade body said exports had fallen by a third.';
    expect(all(enrich(body))).toEqual(['Petro Union | said | exports had fallen by a third']);
  });
  it('a statement about a body ("a statement on Gridco said") does not make the body speak', () => {
    const body = 'A statement on Gridco said the plant was closed.';
    expect(all(enrich(body))).toEqual([]);
  });
});

describe('issue 11 — English: a person after a capitalised title phrase, with an unknown first name', () => {
  it('"Xandrian Economy Minister Ruperto Valcarce" is a person, and "Valcarce told" is that person', () => {
    const body = 'He met Xandrian Economy Minister Ruperto Valcarce on Monday. Valcarce told reporters the talks had gone well.';
    const out = enrich(body);
    expect(out.actors.find((a) => a.name === 'Ruperto Valcarce')?.type).toBe('person');
    expect(all(out)).toEqual(['Ruperto Valcarce | told | the talks had gone well']);
  });
  it('a body after the title is no person ("Economy Minister Office Building")', () => {
    const body = 'Staff left the Economy Minister Office Building on Monday.';
    expect(enrich(body).actors.filter((a) => a.type === 'person')).toEqual([]);
  });
});

describe('issue 11 — English: requests stay out of claims', () => {
  it('"urged all sides, however, to avoid ..." is a request; the coordinated "said" is a claim', () => {
    const body = 'Omar Fayed urged all sides, however, to avoid a trade war and said Xandria would wait for a decision.';
    expect(all(enrich(body))).toEqual(['Omar Fayed | said | Xandria would wait for a decision']);
  });
});

describe('issue 11 — English: officers and descriptions resolve only to who fits', () => {
  it('"told MPs A and stressed that B": two claims, the first without a complementiser', () => {
    const body = 'Omar Fayed told MPs the plan would work and stressed that no one would lose out.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Omar Fayed | stressed | no one would lose out', 'Omar Fayed | told | the plan would work']);
  });
  it('"X\'s director said" is a person tied to X in the text, else X — never the last person who spoke', () => {
    const body = "Omar Fayed said the grid was failing. Gridco's director said the plant was safe.";
    expect(all(enrich(body))).toEqual(['Gridco | said | the plant was safe', 'Omar Fayed | said | the grid was failing']);
    const body2 = "Gridco chief Lina Hart met investors. Omar Fayed said the grid was failing. Gridco's chief said the plant was safe.";
    expect(all(enrich(body2))).toContain('Lina Hart | said | the plant was safe');
  });
  it('an indefinite person description ("a director said") is nobody named before', () => {
    const body = 'Omar Fayed said the grid was failing. A director said the deal was off.';
    expect(all(enrich(body))).toEqual(['Omar Fayed | said | the grid was failing']);
  });
});

describe('issue 11 — English: bodies that report', () => {
  it('"The <Name> reported that ..." makes an unknown outlet an organisation and a speaker', () => {
    const body = 'The Harbour Ledger reported that the senator was the first known target.';
    const out = enrich(body);
    expect(out.actors.find((a) => a.name === 'Harbour Ledger')?.type).toBe('organization');
    expect(all(out)).toEqual(['Harbour Ledger | reported | the senator was the first known target']);
  });
  it('"<Demonym> authorities have said" is the country (as "X officials")', () => {
    const body = 'Xandrian authorities have said the scanners are needed to stop smuggling.';
    expect(all(enrich(body))).toEqual(['Xandria | said | the scanners are needed to stop smuggling']);
  });
});

describe('issue 11 — English: a role description agrees with the role a person was introduced with', () => {
  it('"the minister" is not the spokesman who spoke last; it is the person introduced as minister', () => {
    const body =
      'The spokesman, Omar Fayed, said the port was open. The minister later said the plan would not change. ' +
      'Energy Minister Lina Hart met him on Monday. The minister said talks would go on.';
    expect(all(enrich(body))).toEqual(['Lina Hart | said | talks would go on', 'Omar Fayed | said | the port was open']);
  });
});

describe('issue 11 — English: "according to the order" is the document of the body that spoke just before', () => {
  it('the issuer of the last claim (also after a closing quotation mark)', () => {
    const body =
      'Scanners will be used at ten stations, Petro Union said in a notice on Friday. ' +
      'Their data will not be kept "for any other purpose", according to the order.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toContain('Petro Union | according to | Their data will not be kept "for any other purpose');
  });
  it('no body spoke recently (or a person did): nobody is guessed', () => {
    const body = 'Omar Fayed said the port was open. Their data will not be kept, according to the order.';
    expect(all(enrich(body))).toEqual(['Omar Fayed | said | the port was open']);
  });
});

describe('issue 11 — English: time adverbials after the verb are no content', () => {
  it('"said late last week", "said early Monday" close a content-before attribution', () => {
    const body = 'The talks failed, Petro Union said late last week. Prices rose, Petro Union said early Monday.';
    expect(all(enrich(body))).toEqual(['Petro Union | said | Prices rose', 'Petro Union | said | The talks failed']);
  });
  it('"said Tuesday it would act": the weekday is skipped; "said late fees would rise" is content', () => {
    const body = 'Petro Union said Tuesday it would act. Gridco said late fees would rise.';
    expect(all(enrich(body))).toEqual(['Gridco | said | late fees would rise', 'Petro Union | said | it would act']);
  });
});

describe('issue 11 — English: a fronted clause before the speaker', () => {
  it('a quotation inside a fronted clause is not the content of the main verb', () => {
    const body = 'While accepting that people "have to be ready" for a strike, Omar Fayed said he had doubts about the plan.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      'Omar Fayed | accepting | people "have to be ready" for a strike',
      'Omar Fayed | said | he had doubts about the plan',
    ]);
  });
  it('"While acknowledging that A, X said B": the participle belongs to the subject named after the comma', () => {
    const body = 'Prices fell. While acknowledging that costs rose, Lina Hart said the plan worked.';
    expect(all(enrich(body))).toEqual(['Lina Hart | acknowledging | costs rose', 'Lina Hart | said | the plan worked']);
  });
  it('a quotation right before the subject is still attributed ("…," Energy Minister X said)', () => {
    const body = '"We will fight," Energy Minister Omar Fayed said.';
    expect(all(enrich(body))).toEqual(['Omar Fayed | said | We will fight']);
  });
});
