// English claim rules: speakers (appositions, affiliations, inversions, joint statements, descriptions, pronouns) and
// content boundaries. All sentences are synthetic (invented people, firms and events); the KB is a small stand-in.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['Xandrian', 'Xandrians'] },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['Yberian'] },
  { id: 'org:xa-fm', name: 'Xandrian Foreign Ministry', type: 'organization', aliases: ['Xandrian Foreign Ministry'] },
  { id: 'org:norvex', name: 'Norvex Systems', type: 'organization', aliases: ['Norvex Systems', 'Norvex'] },
  { id: 'org:kallo', name: 'Kallo Bank', type: 'organization', aliases: ['Kallo Bank', 'Kallo'] },
  { id: 'org:trask', name: 'Trask Securities', type: 'organization', aliases: ['Trask Securities'] },
  { id: 'org:greens', name: 'Green Union', type: 'organization', aliases: ['Green Union'] },
  { id: 'org:reds', name: 'Red Alliance', type: 'organization', aliases: ['Red Alliance'] },
  { id: 'org:supreme', name: 'Supreme Court of Yberia', type: 'organization', aliases: ['Supreme Court'] },
  { id: 'org:tally', name: 'Tally Research', type: 'organization', aliases: ['Tally Research'] },
  { id: 'person:ana-velt', name: 'Ana Velt', type: 'person', aliases: ['Ana Velt', 'Ms Velt'] },
  { id: 'person:tomas-rek', name: 'Tomas Rek', type: 'person', aliases: ['Tomas Rek', 'Mr Rek'] },
  { id: 'person:piet-ross', name: 'Piet Ross', type: 'person', aliases: ['Piet Ross', 'Mr Ross'] },
  { id: 'person:lena-dorn', name: 'Lena Dorn', type: 'person', aliases: ['Lena Dorn', 'Ms Dorn'] },
  { id: 'person:ivo-marsh', name: 'Ivo Marsh', type: 'person', aliases: ['Ivo Marsh', 'Mr Marsh'] },
  { id: 'person:karl-benn', name: 'Karl Benn', type: 'person', aliases: ['Karl Benn', 'Mr Benn'] },
  { id: 'person:berg', name: 'Berg', type: 'person', aliases: ['Berg'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string) =>
  enricher.enrich(
    { url: 'https://x.test/e', source: { name: 't' }, title: 'Title', body, language: 'en' },
    { now: new Date('2026-01-01T00:00:00Z') },
  );

type Out = ReturnType<typeof enrich>;
/** the claim whose text contains `needle` */
const claimWith = (out: Out, needle: string) => out.claims.find((x) => x.text.includes(needle));
const speakerOf = (out: Out, needle: string) => claimWith(out, needle)?.speaker.name;
const speakersOf = (out: Out, needle: string) =>
  out.claims
    .filter((x) => x.text.includes(needle))
    .map((c) => c.speaker.name)
    .sort();
const offsetsOk = (out: Out, body: string) => out.claims.every((c) => body.slice(c.start, c.end) === c.text);

describe('claims (English): appositions and affiliations', () => {
  it('a person named in the apposition speaks, not the description or the body it belongs to', () => {
    const body =
      'Xandria rejected the report. A spokesman for the Xandrian Foreign Ministry, Tomas Rek, said the claims were "baseless" and accused Yberia of spreading lies.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(speakerOf(out, 'the claims were')).toBe('Tomas Rek');
    expect(speakerOf(out, 'Yberia of spreading lies')).toBe('Tomas Rek');
  });

  it('"Name, spokeswoman for X said" → the person; "A spokesman for X said" → X', () => {
    const body =
      'The site was closed. Ana Velt, spokeswoman for Norvex Systems said the company had contacted the police. ' +
      'A spokesman for Kallo Bank said the risk to customers was minimal.';
    const out = enrich(body);
    expect(speakerOf(out, 'had contacted the police')).toBe('Ana Velt');
    expect(speakerOf(out, 'risk to customers')).toBe('Kallo Bank');
  });

  it('"Name, ORG role said" → the person', () => {
    const body = 'Ivo Marsh met the board. "We are encouraged by the decision," Tomas Rek, Norvex director said.';
    expect(speakerOf(enrich(body), 'encouraged by the decision')).toBe('Tomas Rek');
  });

  it('a name inside a relative clause is not the subject', () => {
    const body = 'Kallo Bank, which operates many branches in Yberia, told reporters that it made every effort to protect savers.';
    expect(speakerOf(enrich(body), 'every effort')).toBe('Kallo Bank');
  });
});

describe('claims (English): inverted and content-before attributions', () => {
  it('"said ORG analyst Name", "said Professor Name, head of ...", "say the X", "say ORG experts"', () => {
    const body =
      'Markets moved. "A bid is likely in the next two weeks," said Trask Securities analyst Piet Ross. ' +
      '"Users need to be wary," said Professor Lena Dorn, head of research at Tally Research. ' +
      'The new levy is a tax on savers, say the Green Union. ' +
      'Fake hotspots pose as real ones, say Tally Research experts.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(speakerOf(out, 'A bid is likely')).toBe('Piet Ross');
    expect(speakerOf(out, 'Users need to be wary')).toBe('Lena Dorn');
    expect(speakerOf(out, 'The new levy is a tax on savers')).toBe('Green Union');
    expect(speakerOf(out, 'Fake hotspots pose')).toBe('Tally Research');
  });

  it('inversion without a comma, and no inversion for accuse-type verbs', () => {
    const body =
      'There are also other pressures making banks change their systems said Ivo Marsh, director of Tally Research. ' +
      'Mr Rek spoke first. But the Red Alliance leader, Karl Benn, accused Mr Rek of avoiding the main issue.';
    const out = enrich(body);
    expect(speakerOf(out, 'other pressures making banks')).toBe('Ivo Marsh');
    expect(speakerOf(out, 'avoiding the main issue')).toBe('Karl Benn');
    expect(out.claims.some((c) => c.speaker.name === 'Tomas Rek' && c.verb === 'accused')).toBe(false);
  });

  it('content before "ROLE Name has said", with a trailing prepositional phrase', () => {
    const body =
      'Hiding savings abroad is a backward idea, President Karl Benn of Xandria has said during a visit to Yberia.\n\n' +
      'The blurring of the rules raises questions of regulation, watchdog Tally Research has said.';
    const out = enrich(body);
    expect(speakerOf(out, 'Hiding savings abroad is a backward idea')).toBe('Karl Benn');
    expect(out.claims.some((c) => /^during a visit/.test(c.text))).toBe(false);
    expect(speakerOf(out, 'The blurring of the rules')).toBe('Tally Research');
  });
});

describe('claims (English): joint statements', () => {
  it('"X and Y said" gives one claim per named speaker, and "they said" continues both', () => {
    const body =
      'Mr Justice Tomas Rek and Mr Justice Piet Ross ruled that the contract was void. ' +
      'They said the firm had acted in bad faith. The Green Union and Red Alliance say they want a new inquiry.';
    const out = enrich(body);
    expect(speakersOf(out, 'the contract was void')).toEqual(['Piet Ross', 'Tomas Rek']);
    expect(speakersOf(out, 'acted in bad faith')).toEqual(['Piet Ross', 'Tomas Rek']);
    expect(speakersOf(out, 'they want a new inquiry')).toEqual(['Green Union', 'Red Alliance']);
  });

  it('"talks between X and Y" is not a joint subject', () => {
    const body = 'Talks between Xandria and Norvex Systems said little.';
    expect(enrich(body).claims.length).toBe(0);
  });
});

describe('claims (English): descriptions', () => {
  it('"the Yberian firm" is the firm, not the country; "Country\'s watchdog" is the country', () => {
    const body =
      'Norvex Systems wants to become the biggest games firm in the world. The Yberian firm says it wants to compete with film studios. ' +
      "Last month Xandria's competition watchdog said it would not oppose the purchase.";
    const out = enrich(body);
    expect(speakerOf(out, 'compete with film studios')).toBe('Norvex Systems');
    expect(speakerOf(out, 'would not oppose')).toBe('Xandria');
  });

  it('an institution noun needs a matching name: "A court ruled" is not the last company', () => {
    const body = 'Norvex Systems has won a copyright case. A court ruled that Kallo Bank must stop using the brand.';
    expect(speakerOf(enrich(body), 'must stop using')).toBeUndefined();
  });

  it('"the company" and "a spokesperson" follow the organisation in focus, not one named in passing', () => {
    const body =
      'Norvex Systems said it would free 500 patents. Norvex Systems said the move would help developers. ' +
      'Norvex Systems has supported open projects, although critics say this was meant to undermine Kallo Bank. ' +
      'The company said it wanted other firms to join a patent commons.';
    expect(speakerOf(enrich(body), 'patent commons')).toBe('Norvex Systems');
  });

  it('lead sentence "Org\'s chief has said" → the person named next', () => {
    const body =
      "Public passivity is a powerful indictment of the movement, Tally Research's chief has said.\n\n" +
      'In a lecture, Lena Dorn said rights had been flouted.';
    expect(speakerOf(enrich(body), 'Public passivity')).toBe('Lena Dorn');
  });
});

describe('claims (English): pronouns', () => {
  it('"he" after a sentence opened by another person goes to that person, not to the last speaker', () => {
    const body =
      'Tomas Rek said: "I am not ordering an inquiry." Mr Marsh is the first detainee to give an interview. ' +
      'He told the radio station his worst moment came last March.';
    expect(speakerOf(enrich(body), 'his worst moment')).toBe('Ivo Marsh');
  });

  it('a remark nested in another person\'s sentence does not make the next "he" its speaker', () => {
    const body = 'But Mr Benn denied Mr Ross, his transport spokesman, said the plans "stink". He also said he was confident of victory.';
    expect(speakerOf(enrich(body), 'confident of victory')).toBe('Karl Benn');
  });

  it('"it" after an organisation opening the previous sentence', () => {
    const body = 'Yberia announced new rules. Kallo Bank has been hit by rising costs. It has said it needs to cut 700 jobs.';
    expect(speakerOf(enrich(body), 'cut 700 jobs')).toBe('Kallo Bank');
  });
});

describe('claims (English): content boundaries and non-claims', () => {
  it('noun objects of announce/agree/write-type verbs are not claims; a clause is', () => {
    const body =
      'Kallo Bank announced the settlements on Monday. Norvex Systems agreed a deal with Kallo Bank. ' +
      'Kallo Bank announced that it would close 20 branches.';
    const out = enrich(body);
    expect(claimWith(out, 'the settlements')).toBeUndefined();
    expect(claimWith(out, 'a deal with')).toBeUndefined();
    expect(speakerOf(out, 'close 20 branches')).toBe('Kallo Bank');
  });

  it('"said in a statement: "..."" keeps the quotation; "has said repeatedly that" drops the adverb', () => {
    const body =
      'Ana Velt said in an official statement: "I am moving forward with a complaint." Norvex Systems has said repeatedly that it wants to be first.';
    const out = enrich(body);
    expect(claimWith(out, 'I am moving forward')?.speaker.name).toBe('Ana Velt');
    expect(claimWith(out, 'it wants to be first')?.text).toBe('it wants to be first');
  });

  it('a trailing reporter aside is cut; a dateline is not the subject', () => {
    const body =
      'YBERIA - Lena Dorn, the sister of the Yberian leader, warned Xandria on Sunday that its drills would be met with "an overwhelming response", state media reported.';
    const c = claimWith(enrich(body), 'its drills');
    expect(c?.speaker.name).toBe('Lena Dorn');
    expect(c?.text).toBe('its drills would be met with "an overwhelming response"');
  });

  it('participles after a closing quote and after "by"; "asked" with a question', () => {
    const body =
      'Ms Dorn dubbed herself a "hope-monger", saying she was confident the movement would recover. ' +
      'Mr Rek hit back by saying the Red Alliance had kept itself out of power. ' +
      'And he asked why the government was agreeing to the measure now. Mr Benn asked Mr Rek to resign.';
    const out = enrich(body);
    expect(speakerOf(out, 'the movement would recover')).toBe('Lena Dorn');
    expect(speakerOf(out, 'kept itself out of power')).toBe('Tomas Rek');
    expect(speakerOf(out, 'why the government was agreeing')).toBe('Tomas Rek');
    expect(out.claims.some((c) => c.verb === 'asked' && c.speaker.name === 'Karl Benn')).toBe(false);
  });

  it('a relative clause ends before the main verb', () => {
    const body = 'Mr Marsh, who insists he does not feel bitter, said: "I lost three years of my life."';
    const out = enrich(body);
    expect(claimWith(out, 'he does not feel bitter')?.text).toBe('he does not feel bitter');
    expect(speakerOf(out, 'I lost three years')).toBe('Ivo Marsh');
  });
});

describe('claims (English): more verbs, documents, nested reports', () => {
  it('branded / likened / hinted / thinks / reports', () => {
    const body =
      'Mr Rek has branded the levy a waste of money. Ms Velt likened the plan to a lottery. ' +
      'Tally Research has hinted that regulation might return. Mr Benn thinks that the answer lies elsewhere. ' +
      'Kallo Bank made 300 loans in 2004, the Green Union reports.';
    const out = enrich(body);
    expect(speakerOf(out, 'the levy a waste of money')).toBe('Tomas Rek');
    expect(speakerOf(out, 'the plan to a lottery')).toBe('Ana Velt');
    expect(speakerOf(out, 'regulation might return')).toBe('Tally Research');
    expect(speakerOf(out, 'the answer lies elsewhere')).toBe('Karl Benn');
    expect(speakerOf(out, 'made 300 loans')).toBe('Green Union');
  });

  it('"X\'s book suggests" → X', () => {
    const body = "Mr Ross' book suggests the statement was written by Ana Velt.";
    expect(speakerOf(enrich(body), 'the statement was written')).toBe('Piet Ross');
  });

  it('"X agent told him" → X; "Org reported that Person had ... and said" → Person', () => {
    const body =
      'Mr Marsh said the "Norvex agent" told him the passport had been found. ' +
      'Tally Research reported separately that Karl Benn had visited a factory and said output must double.';
    const out = enrich(body);
    expect(speakersOf(out, 'the passport had been found')).toContain('Norvex Systems');
    expect(speakerOf(out, 'output must double')).toBe('Karl Benn');
  });
});

describe('claims (English): prepositional phrases, statements, passives with an agent', () => {
  it('"said on Twitter that", "told a news conference in X that" start the content after "that"', () => {
    const body = 'Kallo Bank said on Twitter that the deal was done. Ivo Marsh told a news conference in Yberia that the talks had failed.';
    const out = enrich(body);
    expect(claimWith(out, 'the deal was done')?.text).toBe('the deal was done');
    expect(claimWith(out, 'the talks had failed')?.text).toBe('the talks had failed');
  });

  it('"The statement said" continues the body that spoke last', () => {
    const body = '"The sanctions are illegal," the Xandrian Foreign Ministry said. The statement said the plan would cost $5bn.';
    expect(speakerOf(enrich(body), 'the plan would cost')).toBe('Xandrian Foreign Ministry');
  });

  it('"His claims were denied by Foreign Secretary X" is a denial by X with the subject as text', () => {
    const body = 'Mr Rek told MPs the paper was propaganda. His claims were denied by Foreign Secretary Ivo Marsh.';
    const c = claimWith(enrich(body), 'His claims');
    expect(c?.speaker.name).toBe('Ivo Marsh');
    expect(c?.text).toBe('His claims');
    expect(c?.verb).toBe('denied');
  });
});

describe('claims (English): quotations over several paragraphs', () => {
  it('"X said: "A.¶¶"B.¶¶"C."" gives one claim per paragraph segment', () => {
    const body =
      'Tory MP Piet Ross said: "I believe it is essential that we keep the rebate.\n\n"We are already one of the biggest contributors.\n\n"We will not give it up." Mr Marsh disagreed.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(claimWith(out, 'keep the rebate')?.text).toBe('I believe it is essential that we keep the rebate');
    expect(claimWith(out, 'biggest contributors')?.text).toBe('We are already one of the biggest contributors');
    expect(claimWith(out, 'biggest contributors')?.quoted).toBe(true);
    expect(speakerOf(out, 'We will not give it up')).toBe('Piet Ross');
  });

  it('\'"A.¶¶"B," he said\' splits the quotation before the verb too', () => {
    const body =
      'Mr Marsh spoke to reporters on Monday.\n\n"We have been through five transitions and survived.\n\n"Each one has involved losses," he said. "There is more to come."';
    const out = enrich(body);
    expect(claimWith(out, 'five transitions')?.text).toBe('We have been through five transitions and survived');
    expect(claimWith(out, 'Each one has')?.text).toBe('Each one has involved losses');
    expect(speakerOf(out, 'There is more to come')).toBe('Ivo Marsh');
  });
});

describe('claims (English): "quoted as saying" after the content, absolute participles, late subjects', () => {
  it('"CONTENT, minister X was quoted as saying by AGENCY" and "with X suggesting that"', () => {
    const body =
      'The ownership issue will be dealt with under Yberian law, finance minister Ivo Marsh was quoted as saying by the Tally Research agency. ' +
      'No details were given, with Mr Marsh suggesting that Yberia may decide case by case.';
    const out = enrich(body);
    expect(speakerOf(out, 'The ownership issue will be dealt with')).toBe('Ivo Marsh');
    expect(speakerOf(out, 'may decide case by case')).toBe('Ivo Marsh');
  });

  it('a coordinated verb takes the first name followed by a verb when the sentence opens with a phrase', () => {
    const body = 'During his second day of questioning in court Mr Benn played down his role and denied he met Mr Rek to discuss the deal.';
    expect(speakerOf(enrich(body), 'he met Mr Rek')).toBe('Karl Benn');
  });
});

describe('claims (English): verbs with a prepositional phrase and a colon, name particles', () => {
  it('"wrote on LinkedIn: "..."" is a claim; "said Anna von Berg" finds the known surname', () => {
    const body =
      'Ms Velt later wrote on LinkedIn: "We will keep investing in Yberia." "It is a rounding error," said Anna von Berg, an analyst.';
    const out = enrich(body);
    expect(speakerOf(out, 'We will keep investing')).toBe('Ana Velt');
    expect(speakerOf(out, 'a rounding error')).toBe('Berg');
  });
});

describe('claims (English): unknown speakers block pronoun continuity', () => {
  it('"she said" after an unknown name speaking is not handed to an earlier speaker', () => {
    const body =
      'Ms Velt told reporters that the firm had competed fairly. Competition Commissioner Zora Quill said the firm had paid customers. ' +
      '"The firm shut out rivals," she said.';
    const out = enrich(body);
    expect(speakerOf(out, 'competed fairly')).toBe('Ana Velt');
    expect(speakerOf(out, 'shut out rivals')).not.toBe('Ana Velt');
  });
});

describe('claims (English): institution nouns after the institution spoke', () => {
  it('"the bureau said" right after the FBI-like body spoke; a bare "the government" is not resolved', () => {
    const body =
      'Tally Research said the hackers had tricked an employee. "Cyber actors continue to target the industry," the bureau said. ' +
      'The government had claimed the firms lied.';
    const out = enrich(body);
    expect(speakerOf(out, 'Cyber actors continue')).toBe('Tally Research');
    expect(claimWith(out, 'the firms lied')).toBeUndefined();
  });
});

describe('claims (English): recipient then colon', () => {
  it('"told Radio Y\'s Z programme: "..."" starts the content at the colon', () => {
    const body = 'Mr Rek told Tally Research\'s Today programme: "We will not give up the rebate."';
    const c = claimWith(enrich(body), 'give up the rebate');
    expect(c?.text).toBe('We will not give up the rebate');
    expect(c?.quoted).toBe(true);
  });
});
