// The attribution families and discourse resolution of ADR 0016 (claims/ar/families.ts, claims/en/families.ts,
// claims/discourse.ts). Every sentence is invented (fictional people, bodies and countries); the KB is a small stand-in.
import { claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'Xandria', 'Xandrian'] },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['يبيريا', 'اليبيري', 'اليبيرية', 'Yberia', 'Yberian'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed', 'Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['لينا هارت', 'هارت', 'Lina Hart', 'Hart'] },
  { id: 'org:petro-union', name: 'Petro Union', type: 'organization', aliases: ['بترو يونيون', 'Petro Union'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['غريدكو', 'Gridco'] },
  { id: 'org:xa-mfa', name: 'Xandrian Foreign Ministry', type: 'organization', aliases: ['الخارجية الزاندرية'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان' });

describe('ADR 0016 — Arabic: the speaker after the content (aside)', () => {
  it('كما أوضح X closing the sentence: X said the clause before it', () => {
    const body = 'ستنخفض أسعار الوقود في الشهر المقبل، كما أوضح عمر فايد في مؤتمر صحفي.';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'ستنخفض أسعار الوقود')).toEqual(['Omar Fayed | ar-aside-after']);
  });
  it('حسبما أفاد المتحدث باسم X: an unnamed spokesman stands for X', () => {
    const body = 'تراجعت صادرات النفط الخام بشكل حاد، حسبما أفاد المتحدث باسم بترو يونيون.';
    const out = enrich(body, 'ar');
    expect(who(out, 'تراجعت صادرات')).toEqual(['Petro Union | ar-aside-after']);
  });
  it('على حد تعبير X and وفقا لما صرح به X', () => {
    const a = enrich('إن الاتفاق الجديد يفتح صفحة مختلفة، على حد تعبير لينا هارت.', 'ar');
    expect(who(a, 'الاتفاق الجديد يفتح')).toEqual(['Lina Hart | ar-aside-after']);
    expect(a.claims[0].text.startsWith('إن')).toBe(false);
    const b = enrich('ستعيد الحكومة فتح المعابر خلال أيام، وفقا لما صرح به عمر فايد للصحفيين.', 'ar');
    expect(who(b, 'ستعيد الحكومة')).toEqual(['Omar Fayed | ar-aside-after']);
  });
  it('refuses a relay (حسبما نقلت X) and an aside that restates an earlier verb', () => {
    expect(enrich('ارتفعت أسعار القمح في الأسواق، حسبما نقلت بترو يونيون.', 'ar').claims).toEqual([]);
    const out = enrich('قال عمر فايد إن الأسعار سترتفع كثيرا، حسبما أفادت لينا هارت.', 'ar');
    expect(out.claims.map((c) => c.speaker.name)).not.toContain('Lina Hart');
  });
});

describe('ADR 0016 — Arabic: verb + بقوله/بالقول, documents', () => {
  it('ورد X بقوله: «...» — a response verb with its quotation', () => {
    const body = 'ورد عمر فايد على الانتقادات بقوله: «لن نغير خطتنا مهما حدث».';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'لن نغير خطتنا')).toEqual(['Omar Fayed | ar-bil-qawl']);
    expect(out.claims[0].quoted).toBe(true);
  });
  it('a subject-less علق بالقول continues the previous speaker', () => {
    const out = enrich('قال عمر فايد إن المصنع سيغلق أبوابه. ثم علق بالقول إن القرار نهائي ولا رجعة فيه.', 'ar');
    expect(who(out, 'القرار نهائي')).toEqual(['Omar Fayed | ar-bil-qawl']);
  });
  it('ورد في تقرير X أن ... / ونص بيان X على أن ...', () => {
    const a = enrich('ورد في تقرير بترو يونيون أن الإنتاج تراجع بنسبة كبيرة هذا العام.', 'ar');
    expect(who(a, 'الإنتاج تراجع')).toEqual(['Petro Union | ar-document']);
    const b = enrich('ونص بيان الخارجية الزاندرية على أن الحدود ستبقى مغلقة حتى إشعار آخر.', 'ar');
    expect(who(b, 'الحدود ستبقى مغلقة')).toEqual(['Xandrian Foreign Ministry | ar-document']);
  });
});

describe('ADR 0016 — discourse: unnamed officers and definite descriptions', () => {
  it('"المسؤول" after "مسؤول زاندري" is that officer, attributed to Xandria', () => {
    const body = 'أفاد مسؤول زاندري بأن المحادثات ستستأنف الأسبوع المقبل. وقال المسؤول إن الجانبين قريبان من اتفاق.';
    const out = enrich(body, 'ar');
    expect(who(out, 'الجانبين قريبان')).toEqual(['Xandria | ar-description']);
  });
  it('a named official introduced after the unnamed one wins the description', () => {
    const body = 'أفاد مسؤول زاندري بأن المحادثات ستستأنف. ثم التقى المسؤول الحكومي عمر فايد بالوفد. وقال المسؤول إن اللقاء كان إيجابيا.';
    const out = enrich(body, 'ar');
    expect(who(out, 'اللقاء كان إيجابيا').map((x) => x.split(' | ')[0])).not.toContain('Xandria');
  });
});

describe('ADR 0016 — discourse: short names, companions, refusals, agreement', () => {
  it('a short form of a person named earlier, right after the verb, is that person (not a companion after مع)', () => {
    const body =
      'قال عمر فايد إن المفاوضات ستستمر. وقالت لينا هارت إن الوفد مستعد. وقال فايد خلال مؤتمر صحافي مشترك مع لينا هارت إن الاتفاق قريب جدا.';
    const out = enrich(body, 'ar');
    expect(who(out, 'الاتفاق قريب')).toEqual(['Omar Fayed | ar-explicit']);
  });
  it('a function word is never taken for the end of a name', () => {
    const out = enrich('قال عمر فايد إن المحادثات مستمرة. وتابعت أنّ الوفد سيعود غدا.', 'ar');
    expect(who(out, 'الوفد سيعود').map((x) => x.split(' | ')[0])).not.toContain('Omar Fayed');
  });
  it('"المسؤول" after an unnamed officer of an unknown body is refused, not given to a named person', () => {
    const body = 'قال عمر فايد إن الميزانية جاهزة. وذكر مسؤول عسكري رفيع أن الخطط لم تكتمل بعد. وقال المسؤول إن التكلفة قد تتضاعف.';
    const out = enrich(body, 'ar');
    expect(who(out, 'التكلفة قد تتضاعف')).toEqual([]);
  });
  it('a feminine participle agrees with a country that is the subject of its sentence', () => {
    const out = enrich('وانسحبت زاندريا من المجلس في الصيف الماضي، قائلة إن المجلس فقد مصداقيته تماما.', 'ar');
    expect(who(out, 'المجلس فقد مصداقيته').map((x) => x.split(' | ')[0])).toEqual(['Xandria']);
  });
  it('English pronouns agree with the gender of a first name', () => {
    const body =
      'Foreign Minister Annalena Baerbock met Chancellor Olaf Scholz. The chancellor said the budget was balanced. She said the talks had been frank.';
    const out = enrich(body, 'en');
    expect(who(out, 'the talks had been frank').map((x) => x.split(' | ')[0])).toEqual(['Annalena Baerbock']);
  });
});

describe('ADR 0016 — a ministry by its short name', () => {
  it('"بيان الخارجية" / "الخارجية" → the foreign ministry named earlier; with none named, refused', () => {
    const a = enrich('أصدرت الخارجية الزاندرية بيانا مطولا. وقال بيان الخارجية إن الحدود ستبقى مغلقة.', 'ar');
    expect(who(a, 'الحدود ستبقى').map((x) => x.split(' | ')[0])).toEqual(['Xandrian Foreign Ministry']);
    const b = enrich('أعلنت غريدكو نتائجها السنوية. وذكرت الخارجية أن الموقف ثابت تماما.', 'ar');
    expect(b.claims).toEqual([]);
  });
});

describe('ADR 0016 — segmentation: nested statements of other named actors', () => {
  it('قال X إن Y أبلغه أن ...: Y gets its own claim, X keeps the whole report', () => {
    const body = 'قال عمر فايد إن لينا هارت أبلغته أن المصنع سيفتح أبوابه قريبا.';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المصنع سيفتح')).toEqual(['Lina Hart | ar-nested', 'Omar Fayed | ar-explicit']);
  });
  it('a nationality inside a title phrase ("نظيره الزاندري") is the person introduced with it, never the country', () => {
    const body = 'قال عمر فايد إن نظيره الزاندري لينا هارت كانت إيجابية. وأضاف أن نظيره الزاندري قال إن الحدود ستفتح قريبا.';
    const out = enrich(body, 'ar');
    const names = who(out, 'الحدود ستفتح').map((x) => x.split(' | ')[0]);
    expect(names).toContain('Lina Hart');
    expect(names).not.toContain('Xandria');
  });
});

describe('issue 11 — Arabic: a topic subject before a ف-verb (أما X فاتهم Y)', () => {
  it('the named subject before فاتهم/فنفى speaks; the actor after the verb is the object', () => {
    const body = 'وأما وزير الخارجية الزاندري عمر فايد فاتهم يبيريا بعرقلة التحقيق في الحادث.';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'بعرقلة التحقيق')).toEqual(['Omar Fayed | ar-object']);
  });
  it('a body before the verb too; a place after a preposition is never the topic', () => {
    const out = enrich('أما بترو يونيون فنفت أي صلة لها بالصفقة.', 'ar');
    expect(who(out, 'أي صلة')).toEqual(['Petro Union | ar-object']);
    const out2 = enrich('وفي زاندريا فاتهمت لينا هارت الشركة بالتقصير.', 'ar');
    expect(out2.claims.map((c) => c.speaker.name)).not.toContain('Xandria');
  });
});

describe('issue 11 — Arabic: a speaker named with a title apposition (وهو متحدث …)', () => {
  it('قال NAME وهو متحدث باسم X إن …: the person speaks, not the body of the affiliation', () => {
    const body = 'وقال سليم داوود وهو متحدث عسكري باسم الحكومة الزاندرية إن القصف توقف.';
    const out = enrich(body, 'ar');
    expect(who(out, 'القصف توقف').map((x) => x.split(' | ')[0])).toEqual(['سليم داوود']);
  });
});

describe('issue 11 — Arabic: the report and the newspaper', () => {
  it('"وقال التقرير" is the body that issued the report, not the last-named group', () => {
    const body =
      'أشار تقرير حديث أصدرته منظمة رقابة الموانئ إلى تورط جماعة الفجر في الهجوم. ' +
      'وقال التقرير إن جماعة الفجر استهدفت الأحياء السكنية.';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'استهدفت الأحياء').map((x) => x.split(' | ')[0])).toEqual(['رقابة الموانئ']);
  });
  it('a report about a body (تقرير عن X) does not make X its author', () => {
    const body = 'ونشر موقع إخباري تقريرا عن منظمة رقابة الموانئ. وقال التقرير إن المنظمة تعاني.';
    const out = enrich(body, 'ar');
    expect(who(out, 'المنظمة تعاني').map((x) => x.split(' | ')[0])).not.toContain('رقابة الموانئ');
  });
  it('جريدة + a quoted name is a newspaper, and it speaks', () => {
    const body = 'وقالت جريدة «الصباح الجديد» الزاندرية، مساء أمس، إن المفاوضات توقفت.';
    const out = enrich(body, 'ar');
    expect(out.actors.map((a) => a.name)).toContain('الصباح الجديد');
    expect(who(out, 'المفاوضات توقفت').map((x) => x.split(' | ')[0])).toEqual(['الصباح الجديد']);
  });
});

describe('issue 11 — Arabic: a coordinated reporting verb after another verb of the same subject', () => {
  it('"تجنب X …، وقال: «…»": X, the subject of the sentence, not the previous speaker', () => {
    const body = 'وقال عمر فايد إن الأسعار سترتفع. بدوره، تجنب الوزير سامر دلال الإشارة إلى الخلاف في بيانه، وقال: «بيننا مصالح مشتركة».';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'بيننا مصالح')).toEqual(['سامر دلال | ar-pronoun']);
  });
  it('refuses a subject that disagrees with the verb, falling back to the earlier speaker', () => {
    const body = 'وقال عمر فايد إن الأسعار سترتفع. بدورها، تجنبت لينا هارت الإشارة إلى الخلاف، وقال: «بيننا مصالح مشتركة».';
    expect(who(enrich(body, 'ar'), 'بيننا مصالح')).toEqual(['Omar Fayed | ar-pronoun']);
  });
});

describe('ADR 0016 — English families', () => {
  it('progressive reporting with a that-clause, one claim per coordinated speaker', () => {
    const a = enrich('Gridco is urging that the regulator delay the new tariff.', 'en');
    expect(who(a, 'the regulator delay')).toEqual(['Gridco | en-progressive']);
    const b = enrich('Xandria and Yberia are warning that the dispute could spread to the ports.', 'en');
    expect(who(b, 'the dispute could spread')).toEqual(['Xandria | en-progressive', 'Yberia | en-progressive']);
  });
  it('"while adding that" and emphatic "did warn that" keep the sentence subject', () => {
    const body =
      'Omar Fayed said the plant would close, while adding that no jobs would be lost. Lina Hart did warn that prices could rise.';
    const out = enrich(body, 'en');
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'no jobs would be lost')).toEqual(['Omar Fayed | en-while-participle']);
    expect(who(out, 'prices could rise')).toEqual(['Lina Hart | en-do-support']);
  });
  it('verbs that report only with a that-clause: "has charged that", "tweeted that"', () => {
    const out = enrich('Omar Fayed has charged that the vote was rigged. Lina Hart tweeted that the count was fair.', 'en');
    expect(who(out, 'the vote was rigged')).toEqual(['Omar Fayed | en-that-verb']);
    expect(who(out, 'the count was fair')).toEqual(['Lina Hart | en-that-verb']);
    expect(enrich('Omar Fayed was charged with fraud in March.', 'en').claims).toEqual([]);
  });
  it('the speaker after the content as an officer of a named body', () => {
    const a = enrich('Flights will resume on Monday, said an airline spokeswoman for Gridco.', 'en');
    expect(who(a, 'Flights will resume')).toEqual(['Gridco | en-postposed-officer']);
    const b = enrich('The border will reopen next week, the interior minister of Xandria has said.', 'en');
    expect(who(b, 'The border will reopen')).toEqual(['Xandria | en-postposed-officer']);
  });
  it('a short parenthetical between the verb and its content ("said, by 2028, he ..."), and the pronoun chain after it', () => {
    const body =
      'Omar Fayed has announced a new plan. Lina Hart said her party had a clear choice. Omar Fayed said, by 2028, he wanted every port reopened. He said the system was fair.';
    const out = enrich(body, 'en');
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'he wanted every port').map((x) => x.split(' | ')[0])).toEqual(['Omar Fayed']);
    expect(who(out, 'the system was fair').map((x) => x.split(' | ')[0])).toEqual(['Omar Fayed']);
  });
  it('refuses an officer with no named body, and to-infinitive commitments stay out', () => {
    expect(enrich('Prices will rise sharply next year, said a spokeswoman.', 'en').claims).toEqual([]);
    expect(enrich('Gridco vowed to cut prices by a tenth.', 'en').claims).toEqual([]);
  });
});
