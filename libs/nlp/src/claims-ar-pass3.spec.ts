// Issue 11, third Arabic pass (branch ar-extract): construction families, each with invented sentences (fictional
// people, bodies and countries); the KB is a small stand-in.
import { claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';
import { arVerbNumber } from './claims/ar/speaker';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'Xandria'] },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['يبيريا', 'اليبيري', 'اليبيرية', 'Yberia'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
  { id: 'org:petro-union', name: 'Petro Union', type: 'organization', aliases: ['بترو يونيون', 'Petro Union'] },
  { id: 'group:red-wolves', name: 'Red Wolves', type: 'group', aliases: ['الذئاب الحمر', 'Red Wolves'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان', language: 'ar' });

describe('issue 11 — Arabic: number agreement of a subject-less reporting verb', () => {
  it('reads the number of verb forms (plural, dual, singular; participles)', () => {
    expect(['قالوا', 'يقولون', 'واضافوا', 'قايلين'].map(arVerbNumber)).toEqual(['pl', 'pl', 'pl', 'pl']);
    expect(['قالا', 'اكدتا', 'اعلنتا'].map(arVerbNumber)).toEqual(['du', 'du', 'du']);
    expect(['قال', 'قالت', 'قايلا', 'مضيفا', 'دعا', 'لافتا', 'نافيا'].map(arVerbNumber)).toEqual(Array(7).fill('sg'));
  });

  it('a plural verb after a single named person is an anonymous source, not that person', () => {
    const body =
      'وقال عمر فايد إن المفاوضات ستستأنف الأسبوع المقبل. وقال شهود عيان في المدينة إن الطرق أغلقت. وأضافوا أن الجنود انتشروا في الساحات.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المفاوضات ستستأنف')).toEqual(['Omar Fayed | ar-explicit']);
    expect(who(out, 'الجنود انتشروا')).toEqual([]);
  });

  it('a plural verb with no subject after a single speaker is refused ("يقولون")', () => {
    const body = 'وقالت زاندريا إن الاتفاق يخدم مصالح البلدين. ويقولون إن الاتفاق لن يصمد طويلا.';
    const out = enrich(body);
    expect(who(out, 'لن يصمد')).toEqual([]);
  });

  it('a plural verb continues a group or a joint subject', () => {
    const body = 'وقالت الذئاب الحمر إن الهجوم استهدف مواقع عسكرية. وأضافوا أن العملية انتهت.';
    const out = enrich(body);
    expect(who(out, 'العملية انتهت')).toEqual(['Red Wolves | ar-pronoun']);
  });
});

describe('issue 11 — Arabic: أن governed by a particle is no complement of the reporting verb', () => {
  it('"إلا أن" (however) after a warning starts a new clause, not what was warned', () => {
    const body = 'وحذرت زاندريا يبيريا من التدخل في شؤونها، إلا أن ذلك لم يمنع الحكومة من إرسال مستشارين.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'لم يمنع')).toEqual([]);
  });

  it('"بعد أن" (after) is a clause of time, not the content of an expression of regret', () => {
    const body = 'وأعرب عمر فايد أمس عن أسفه بعد أن رفضت اللجنة مشروع القرار.';
    const out = enrich(body);
    expect(who(out, 'رفضت اللجنة')).toEqual([]);
  });

  it('a plain complement is still found, also after such a clause elsewhere in the text', () => {
    const body = 'وقال عمر فايد إن المشروع سيكتمل قبل أن ينتهي العام.';
    const out = enrich(body);
    expect(who(out, 'المشروع سيكتمل')).toEqual(['Omar Fayed | ar-explicit']);
  });
});

describe('issue 11 — Arabic: a person in apposition after a role phrase speaks, not the body of the role', () => {
  it('"قال مسؤول … في الوزارة، NAME، إن" is NAME', () => {
    const body = 'وقال مسؤول الرقابة والامتثال في بترو يونيون، عمر فايد، في بيان، إن الشركة ستراجع عقودها.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'ستراجع عقودها')).toEqual(['Omar Fayed | ar-explicit']);
  });
  it('with no name in the region the body still speaks', () => {
    const body = 'وقالت بترو يونيون في بيان إن الشركة ستراجع عقودها.';
    const out = enrich(body);
    expect(who(out, 'ستراجع عقودها')).toEqual(['Petro Union | ar-explicit']);
  });
});

describe('issue 11 — Arabic: a second reporting verb after "، ثم" is its own claim', () => {
  it('"قال X إن A، ثم تابع قائلا إن B" gives A and B to X, each alone', () => {
    const body = 'وقال عمر فايد إن الأسعار سترتفع، ثم تابع قائلا إن الرواتب ستبقى كما هي.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.map((c) => c.text).sort()).toEqual(['الأسعار سترتفع', 'الرواتب ستبقى كما هي']);
    expect(who(out, 'الرواتب')).toEqual(['Omar Fayed | ar-pronoun']);
  });
  it('"ثم" followed by no reporting verb stays inside the content', () => {
    const body = 'وقال عمر فايد إن الأسعار سترتفع، ثم تنخفض في الصيف.';
    const out = enrich(body);
    expect(out.claims.map((c) => c.text)).toEqual(['الأسعار سترتفع، ثم تنخفض في الصيف']);
  });
});

describe('issue 11 — Arabic: the person after an indefinite role noun is its possessor, not its holder', () => {
  it('"قال مستشار X الدكتور Y:" is Y', () => {
    const body = 'وقال مستشار عمر فايد الدكتور سامي دلال: إن الشركة لن تبيع أصولها.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.filter((c) => c.text.includes('لن تبيع')).map((c) => c.speaker.name)).toEqual(['سامي دلال']);
  });
  it('a definite title before a single name still gives that name ("قال المستشار X إن")', () => {
    const body = 'وقال المستشار عمر فايد إن الشركة لن تبيع أصولها.';
    const out = enrich(body);
    expect(who(out, 'لن تبيع')).toEqual(['Omar Fayed | ar-explicit']);
  });
});

describe('issue 11 — Arabic: the single actor between an accuse verb and its ب-charge is the accused', () => {
  it('"واتهم X بـ…" after a named speaker: the speaker accuses X, X accuses nobody', () => {
    const body = 'وقال عمر فايد إن الهدنة انتهت، واتهم زاندريا بشن هجمات على القرى الحدودية.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.filter((c) => c.speaker.name === 'Xandria')).toEqual([]);
    expect(who(out, 'زاندريا بشن')).toEqual(['Omar Fayed | ar-object']);
  });
  it('subject-verb order: the actor before the verb accuses', () => {
    const body = 'وقالت الصحيفة إن بترو يونيون تتهم زاندريا بخرق العقد.';
    const out = enrich(body);
    expect(who(out, 'زاندريا بخرق')).toEqual(['Petro Union | ar-object']);
  });
  it('verb-subject-object with two actors is unchanged: the first accuses the second', () => {
    const body = 'واتهمت زاندريا يبيريا بخرق الاتفاق.';
    const out = enrich(body);
    expect(who(out, 'يبيريا بخرق')).toEqual(['Xandria | ar-object']);
  });
});
