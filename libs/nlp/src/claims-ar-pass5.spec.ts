// Issue 11, fifth Arabic pass (branch ar-claims): construction families, each with invented sentences (fictional
// people, bodies and countries); the KB is a small stand-in.
import { claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  {
    id: 'country:XA',
    name: 'Xandria',
    type: 'country',
    aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'زاندرية', 'زاندريون', 'زاندريين', 'Xandria'],
  },
  {
    id: 'country:VL',
    name: 'Velmora',
    type: 'country',
    aliases: ['فيلمورا', 'الفيلموري', 'فيلموري', 'فيلمورية', 'فيلموريون', 'فيلموريين', 'Velmora'],
  },
  { id: 'group:nour', name: 'Nour Movement', type: 'group', aliases: ['حركة النور', 'Nour Movement'] },
  { id: 'group:fajr', name: 'Fajr Front', type: 'group', aliases: ['جبهة الفجر', 'Fajr Front'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان', language: 'ar' });

describe('issue 11 round 5 — Arabic: a definite officer noun refers back to the unnamed officers introduced earlier', () => {
  it('"مصادر زاندرية … وذكرت المصادر أن" gives the sources\' country to the later statements', () => {
    const body =
      'وكانت مصادر زاندرية قد ذكرت أن السفينة غرقت قرب الميناء. وذكرت المصادر أن الطاقم نجا بالكامل. وأضافت المصادر أن التحقيق بدأ أمس.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الطاقم نجا')).toEqual(['Xandria | ar-description']);
    expect(who(out, 'التحقيق بدأ')).toEqual(['Xandria | ar-description']);
  });

  it('the singular "المصدر" after "مصدر فيلموري" and the plural "المسؤولون" after "مسؤولون زاندريون"', () => {
    const body =
      'وقال مصدر فيلموري إن المعبر سيفتح غدا. وذكر المصدر أن الشاحنات ستدخل صباحا. وقال مسؤولون زاندريون إن الحدود آمنة. وأضاف المسؤولون أن الدوريات ستزداد.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الشاحنات ستدخل')).toEqual(['Velmora | ar-description']);
    expect(who(out, 'الدوريات ستزداد')).toEqual(['Xandria | ar-description']);
  });

  it('"وحسب المصادر، فإن" resolves like the subject of a reporting verb', () => {
    const body = 'وقالت مصادر زاندرية إن الوفد وصل. وحسب المصادر، فإن المفاوضات ستبدأ غدا.';
    const out = enrich(body);
    expect(who(out, 'المفاوضات ستبدأ')).toEqual(['Xandria | ar-according']);
  });

  it('refuses when no officer was introduced, when the last plural sources have no known body, or the number disagrees', () => {
    // no sources introduced before: a named minister spoke, not "the sources"
    let body = 'وقال عمر فايد إن الاجتماع انتهى. وذكرت المصادر أن الوفد غادر.';
    let out = enrich(body);
    expect(who(out, 'الوفد غادر')).toEqual([]);
    // the most recent sources ("مصدران" with no affiliation) are not the country's sources named before them
    body = 'وذكرت مصادر زاندرية أن السفينة غرقت. وقال مصدران مطلعان إن الطاقم نجا. وقالت المصادر إن التحقيق بدأ.';
    out = enrich(body);
    expect(who(out, 'التحقيق بدأ')).toEqual([]);
    // a single official is not "the officials"
    body = 'وقال مسؤول زاندري إن القوات ستنسحب. وأضاف المسؤولون أن الانسحاب سيبدأ غدا.';
    out = enrich(body);
    expect(who(out, 'الانسحاب سيبدأ')).toEqual([]);
  });
});

describe('issue 11 round 5 — Arabic: a negated reporting verb reports nothing', () => {
  it('"ولم يوضح X …، لكن مسؤولين زاندريين أفادوا أنه" gives only the officials\' statement', () => {
    const body = 'ولم يوضح عمر فايد تحديدا التقارير التي يتحدث عنها، لكن مسؤولين زاندريين أفادوا أمس أنه تم العثور على قطعة من الحطام.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'تم العثور')).toEqual(['Xandria | ar-explicit']);
    expect(out.claims.some((c) => c.speaker.name === 'Omar Fayed')).toBe(false);
  });

  it('"لم يذكر X أن" is no claim; the same verb without لم is', () => {
    let body = 'ولم يذكر عمر فايد أن القوات انسحبت من المدينة.';
    expect(enrich(body).claims).toEqual([]);
    body = 'وذكر عمر فايد أن القوات انسحبت من المدينة.';
    expect(who(enrich(body), 'القوات انسحبت')).toEqual(['Omar Fayed | ar-explicit']);
  });
});

describe('issue 11 round 5 — Arabic: the plural of every reporting verb (perfect وا, imperfect ون, participle ين)', () => {
  it('plural verbs with a plural subject before or after them speak for it', () => {
    const body = 'وأوضح مسؤولون زاندريون أن المعبر سيفتح غدا. لكن مسؤولين فيلموريين أفادوا أن الحدود مغلقة. ويؤكدون أن القرار نهائي.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المعبر سيفتح')).toEqual(['Xandria | ar-explicit']);
    expect(who(out, 'الحدود مغلقة')).toEqual(['Velmora | ar-explicit']);
  });

  it('a plural verb with no plural subject in reach is refused, not given to a single person', () => {
    const body = 'وقال عمر فايد إن الاجتماع انتهى. وأوضحوا أن الوفد غادر.';
    expect(who(enrich(body), 'الوفد غادر')).toEqual([]);
  });
});

describe('issue 11 round 5 — Arabic: the quoted source of "نقل X عن Y قوله" is the noun phrase right after عن', () => {
  it('an actor inside a prepositional phrase after a plain noun ("عن سكان محليين في مناطق X") is not the source', () => {
    const body = 'ونقل عمر فايد عن سكان محليين في مناطق زاندريا قولهم إن المسلحين غادروا القرية.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المسلحين غادروا')).toEqual([]);
  });

  it('an officer carries the body named in its prepositional phrase; a named source right after عن is kept', () => {
    let body = 'ونقلت الإذاعة عن مسؤول في حكومة زاندريا قوله إن المعبر سيفتح غدا.';
    expect(who(enrich(body), 'المعبر سيفتح')).toEqual(['Xandria | ar-quoting']);
    body = 'ونقلت الإذاعة عن عمر فايد في زاندريا قوله إن المعبر سيفتح غدا.';
    expect(who(enrich(body), 'المعبر سيفتح')).toEqual(['Omar Fayed | ar-quoting']);
  });
});

describe('issue 11 round 5 — Arabic: a verb whose subject is an unrecognised definite noun phrase has no pronoun subject', () => {
  it('"…، ولكن التقديرات الأولية تشير إلى أن" is not a statement of the previous speaker', () => {
    const body = 'وقال عمر فايد إن الميزانية لم تحدد بعد، ولكن التقديرات الأولية تشير إلى أن التكلفة قد تبلغ مليون دولار.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'التكلفة قد تبلغ')).toEqual([]);
    expect(who(out, 'الميزانية لم تحدد')).toEqual(['Omar Fayed | ar-explicit']);
  });

  it('the same at a sentence start ("والأرقام الرسمية تؤكد أن")', () => {
    const body = 'وقال عمر فايد إن الاقتصاد يتعافى. والأرقام الرسمية تؤكد أن النمو بلغ ثلاثة في المئة.';
    expect(who(enrich(body), 'النمو بلغ')).toEqual([]);
  });

  it('a fronted prepositional phrase or a time word before the verb leaves the pronoun reading', () => {
    let body = 'وتحدث عمر فايد إلى الصحفيين أمس. وفي المؤتمر الصحفي قال إن الحكومة ستستقيل.';
    expect(who(enrich(body), 'الحكومة ستستقيل')).toEqual(['Omar Fayed | ar-pronoun']);
    body = 'وتحدث عمر فايد إلى الصحفيين. وأضاف اليوم أن الحكومة ستستقيل.';
    expect(who(enrich(body), 'الحكومة ستستقيل')).toEqual(['Omar Fayed | ar-pronoun']);
  });
});

describe('issue 11 round 5 — Arabic: a subject with a relative clause before the verb ("X الذي … قال")', () => {
  it('an officer with a nationality stands for the country ("المسؤول الزاندري الذي رفض ذكر اسمه قال إن")', () => {
    const body = 'وقال عمر فايد إن المحادثات فشلت. المسؤول الزاندري الذي رفض ذكر اسمه قال إن رئيس الأركان طالب بوقف العمليات.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'رئيس الأركان طالب')).toEqual(['Xandria | ar-description']);
  });

  it('a named antecedent speaks; an unknown noun phrase or an unnamed title is refused, not given to the last speaker', () => {
    let body = 'وقال سامي إن الحرب انتهت. وعمر فايد الذي زار العاصمة أمس قال إن الحدود ستفتح.';
    expect(who(enrich(body), 'الحدود ستفتح')).toEqual(['Omar Fayed | ar-description']);
    body = 'وقال عمر فايد إن الحرب انتهت. والرجل الذي التقى الوفد قال إن الحدود ستفتح.';
    expect(who(enrich(body), 'الحدود ستفتح')).toEqual([]);
    body = 'وقال عمر فايد إن الحرب انتهت. وزير الخارجية الفيلموري الذي زار العاصمة أمس قال إن الحدود ستفتح.';
    expect(who(enrich(body), 'الحدود ستفتح')).toEqual([]);
  });
});

describe('issue 11 round 5 — Arabic: a participle after a description subject speaks for the body it describes', () => {
  it('"وكانت الحركة نعت X في بيان، مؤكدة" gives the movement, not another body of the story', () => {
    const body =
      'وأعلنت حركة النور تعيين قائد جديد. وتحالفت جبهة الفجر معها العام الماضي. وكانت الحركة نعت قائدها السابق في بيان، الخميس، مؤكدة بذلك ما أعلنته الحكومة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'ما أعلنته الحكومة')).toEqual(['Nour Movement | ar-object']);
  });

  it('refuses when the description fits no body of the story', () => {
    const body = 'وقال عمر فايد إن الاجتماع انتهى. وكانت المحكمة رفضت الطعن في جلسة أمس، مؤكدة أن القرار نهائي.';
    expect(who(enrich(body), 'القرار نهائي')).toEqual([]);
  });
});
