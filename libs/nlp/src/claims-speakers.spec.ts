// Speaker resolution for claims: continuity of the previous speaker, unknown titled names, gender, head-of-state bias.
// All sentences are synthetic (invented people and events); the KB is a small stand-in.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'Xandrian'] },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['يبيريا', 'اليبيري', 'اليبيرية', 'Yberian'] },
  // a famous head of state the KB knows; the speakers below are NOT in the KB
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد'] },
  { id: 'org:petro-union', name: 'Petro Union', type: 'organization', aliases: ['بترو يونيون'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string, language: string) =>
  enricher.enrich(
    { url: 'https://x.test/s', source: { name: 't' }, title: 'عنوان', body, language },
    { now: new Date('2026-01-01T00:00:00Z') },
  );

/** speaker name for the claim whose text contains `needle` */
function speakerOf(out: ReturnType<typeof enrich>, needle: string): string | undefined {
  const c = out.claims.find((x) => x.text.includes(needle));
  return c?.speaker.name;
}

function offsetsOk(out: ReturnType<typeof enrich>, body: string): boolean {
  return out.claims.every((c) => body.slice(c.start, c.end) === c.text);
}

describe('claims: speaker continuity (Arabic)', () => {
  it('subject-less follow-up verbs continue the first speaker, not a person named in between', () => {
    const body =
      'قال وزير المالية الزاندري سليم برهان إن الاقتصاد ينمو بسرعة هذا العام. وأضاف أن الرئيس عمر فايد وافق على الخطة الجديدة. ' +
      'وتابع أن الصادرات ارتفعت بنسبة كبيرة. وأوضح أن الحكومة ستخفض الضرائب قريبا.';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    const sp = speakerOf(out, 'الاقتصاد ينمو');
    expect(sp).toBe('سليم برهان');
    expect(speakerOf(out, 'الصادرات ارتفعت')).toBe(sp);
    expect(speakerOf(out, 'الحكومة ستخفض')).toBe(sp);
  });

  it('a masculine verb skips back over a feminine speaker to the last masculine one', () => {
    const body =
      'قال وزير الطاقة اليبيري رامي نصار إن الإنتاج سيرتفع الشهر المقبل. وقالت المتحدثة باسم بترو يونيون إن الشركة لن تغير خططها. ' +
      'وأضاف أن الأسعار ستبقى مستقرة حتى نهاية العام.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'الأسعار ستبقى')).toBe(speakerOf(out, 'الإنتاج سيرتفع'));
  });

  it('a feminine speaker keeps feminine follow-ups; a person named inside her claim does not take over', () => {
    const body =
      'قالت وزيرة الخارجية الزاندرية ليلى حداد إن بلادها تريد الحوار. وأشارت إلى أن الرئيس عمر فايد سيزور المنطقة قريبا. ' +
      'وأضافت أن المفاوضات ستبدأ الأسبوع المقبل.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'بلادها تريد')).toBe('ليلى حداد');
    expect(speakerOf(out, 'المفاوضات ستبدأ')).toBe('ليلى حداد');
  });

  it('a compound title ("نائب وزير") resolves a later "نائب الوزير" to the titled person, not to the head of state', () => {
    const body =
      'قال نائب وزير الخارجية اليبيري كمال عيسى إن بلاده مستعدة للحوار. والتقى الرئيس عمر فايد وفدا من زاندريا. ' +
      'وقال نائب الوزير إن المحادثات كانت مثمرة.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'المحادثات كانت')).toBe('كمال عيسى');
  });
});

describe('claims: role words and the head of state (Arabic)', () => {
  it('a role word never resolves to a person the story introduced with another role', () => {
    const body =
      'قال الرئيس عمر فايد إن زاندريا لن تتراجع عن موقفها. وردا على تصريحات فايد، أكد الأمين العام للمنظمة أن الحوار ما زال ممكنا.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'زاندريا لن تتراجع')).toBe('Omar Fayed');
    expect(speakerOf(out, 'الحوار ما زال')).not.toBe('Omar Fayed');
  });

  it('a title separated from a name by a verb does not name that person ("أمين عام المنظمة يحب فايد")', () => {
    const body = 'قال الرئيس عمر فايد إن أمين عام المنظمة يحب فايد كثيرا. ثم أكد الأمين العام للمنظمة أن الاجتماع سيعقد غدا.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'الاجتماع سيعقد')).not.toBe('Omar Fayed');
  });

  it('a participle (قائلا) takes the subject of its sentence, not the noun right before it', () => {
    const body = 'قال وزير الدفاع اليبيري رامي نصار إن الجيش مستعد. وانتقد الرئيس عمر فايد دول الجوار قائلا إن عليها أن تدفع أكثر.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'عليها أن تدفع')).toBe('Omar Fayed');
  });
});

describe('claims: qualified descriptions (Arabic)', () => {
  it('"الوكالة الرسمية في X" goes to the agency of country X, not the last agency named', () => {
    const body =
      'ونقلت وكالة الأنباء الزاندرية بيانا عن الحكومة. وذكرت وكالة أنباء يبيريا أن المحادثات تعثرت. ' +
      'من جهتها قالت الوكالة الرسمية في زاندريا إن المحادثات مستمرة بشكل طبيعي.';
    const out = enrich(body, 'ar');
    const agency = out.actors.find((a) => a.type === 'organization' && a.mentions.some((m) => m.text.includes('وكالة الأنباء الزاندرية')));
    expect(agency).toBeDefined();
    expect(speakerOf(out, 'المحادثات مستمرة')).toBe(agency!.name);
  });
});

describe('claims: fronted temporal clauses (Arabic)', () => {
  it('"وعندما أعلن X ...، قال إن" — the subject of the fronted clause speaks, not the previous speaker', () => {
    const body =
      'وقالت بترو يونيون إن الإنتاج سيتراجع هذا الشهر. وعندما أعلن عمر فايد موعد الانتخابات الشهر الماضي، قال إن ذلك سيعزز الاستقرار في البلاد.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'سيعزز الاستقرار')).toBe('Omar Fayed');
  });

  it('an adverb after a titled name (آنذاك) is not part of the name', () => {
    const body = 'وقال مدير المشروع سليم برهان آنذاك إن الفريق أنهى العمل في الموعد.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'الفريق أنهى')).toBe('سليم برهان');
  });
});

describe('claims: unknown titled names become speakers (Arabic)', () => {
  it('"قال المدير العام لـ ORG، NAME، إن" — the named person speaks, the body is only the affiliation', () => {
    const body = 'في غضون ذلك، قال المدير العام لبترو يونيون، سليم برهان، إن الشركة ستوسع أعمالها في يبيريا.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'الشركة ستوسع')).toBe('سليم برهان');
  });

  it('member/candidate roles introduce a person who outranks the body in the title phrase', () => {
    const body = 'وقال عضو البرلمان اليبيري سامي جابر إن الحكومة أخطأت في تقديراتها. وتابع أن النواب سيطالبون بتحقيق.';
    const out = enrich(body, 'ar');
    expect(speakerOf(out, 'الحكومة أخطأت')).toBe('سامي جابر');
    expect(speakerOf(out, 'النواب سيطالبون')).toBe('سامي جابر');
  });

  it('title + first name + al-surname is a person and the speaker', () => {
    const body = 'أكد وزير النفط اليبيري خالد الراشد، الأحد، أن أسواق النفط مستقرة رغم التوترات.';
    const out = enrich(body, 'ar');
    expect(out.actors.find((a) => a.name === 'خالد الراشد')?.type).toBe('person');
    expect(speakerOf(out, 'أسواق النفط')).toBe('خالد الراشد');
  });
});

describe('claims: speaker continuity (English)', () => {
  it('"he said" continues the last male speaker, not a man named inside the previous claim', () => {
    const body =
      'Finance minister Selim Burhan said the economy grew faster than expected. He added that Omar Fayed had approved the budget. ' +
      'He said exports would rise next year.';
    const out = enrich(body, 'en');
    expect(offsetsOk(out, body)).toBe(true);
    expect(speakerOf(out, 'exports would rise')).toBe(speakerOf(out, 'economy grew'));
  });

  it('"she said" goes back to the last female speaker', () => {
    const body =
      'Foreign minister Leila Haddad said talks would resume in March. Ms Haddad said the agenda was agreed. ' +
      'Omar Fayed said the talks were welcome. Mr Fayed said Xandria would attend. She said the first round would be held in Geneva.';
    const out = enrich(body, 'en');
    const first = speakerOf(out, 'talks would resume');
    expect(first).toBeDefined();
    expect(speakerOf(out, 'first round')).toBe(first);
  });
});

describe('surname linking never takes a particle', () => {
  it('a KB name ending in a short token (مون جاي إن) does not claim every إن / أن', () => {
    const { Enricher } = require('./index');
    const { loadKnowledgeBase } = require('@marsad/kb');
    const e = new Enricher(loadKnowledgeBase());
    const body =
      'التقى الرئيس الكوري الجنوبي مون جاي إن بنظيره الأمريكي. وقال الرئيس الأمريكي إن المحادثات كانت جيدة. وأضاف أن الطرفين اتفقا.';
    const out = e.enrich({ url: 'https://x.example/moon', source: { name: 'x' }, body });
    const moon = out.actors.find((a: { id: string }) => a.id === 'person:moon-jae-in');
    expect(moon?.mentions.map((m: { text: string }) => m.text)).toEqual(['مون جاي إن']);
  });
});
