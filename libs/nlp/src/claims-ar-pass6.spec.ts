// Issue 11, sixth Arabic pass (branch ar6): construction families, each with invented sentences (fictional people,
// bodies and countries); the KB is a small stand-in.
import { claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  {
    id: 'country:XA',
    name: 'Xandria',
    type: 'country',
    aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'زاندرية', 'Xandria'],
  },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
  { id: 'org:dalta', name: 'Dalta Ports', type: 'organization', aliases: ['موانئ دالتا', 'Dalta Ports'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان', language: 'ar' });

describe('issue 11 round 6 — Arabic: "أعلن/كشف X عن <noun>" reports what follows عن', () => {
  it('a named subject after the verb, before it across قد, and a time phrase before عن', () => {
    const body =
      'وأعلن فايد عن تقارب في المواقف مع زاندريا في معظم الملفات. كما كشفت موانئ دالتا عن مفاوضات لإنشاء ميناء جاف. وكانت زاندريا قد أعلنت الليلة الماضية عن وفاة رئيسها عن عمر 70 عاما.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'تقارب في المواقف')).toEqual(['Omar Fayed | ar-object']);
    expect(who(out, 'مفاوضات لإنشاء')).toEqual(['Dalta Ports | ar-object']);
    expect(who(out, 'وفاة رئيسها')).toEqual(['Xandria | ar-object']);
    expect(out.claims.find((c) => c.text.includes('تقارب'))!.text.startsWith('تقارب')).toBe(true);
  });

  it("refuses the announcer's own act, a possessive noun, an unnamed or non-actor subject, and a participle", () => {
    const body =
      'وأعلنت زاندريا عن تنظيم تظاهرة أمام البرلمان. وأعلن فايد عن استقالته من منصبه. وأعلن فايد عن قلقه من التصعيد. وكشفت موانئ دالتا عن خطة لتوسيع الأرصفة. وكشفت وثائق قديمة عن رسائل سرية. وأعلن مسؤول عن وصول الشحنة. وصل فايد إلى المدينة، معلنا عن بدء الزيارة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims).toEqual([]);
  });
});

describe('issue 11 round 6 — Arabic: "وبحسب X فإن" at a sentence start without a comma', () => {
  it('a named source, a source with a short locative phrase, and the definite sources introduced earlier', () => {
    const body =
      'وبحسب زاندريا فإن المفاوضات ستبدأ غدا. وبحسب موانئ دالتا في العاصمة فإن الأرصفة امتلأت. وقالت مصادر زاندرية إن الوفد وصل. وحسب المصادر فإنه سيغادر مساء.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المفاوضات ستبدأ')).toEqual(['Xandria | ar-according']);
    expect(who(out, 'الأرصفة امتلأت')).toEqual(['Dalta Ports | ar-according']);
    expect(who(out, 'سيغادر مساء')).toEqual(['Xandria | ar-according']);
  });

  it('refuses without فإن or a comma, an unknown source, and a source relaying a reporting verb', () => {
    const body = 'وبحسب زاندريا المفاوضات ستبدأ غدا. وبحسب الخبراء فإن الأسعار سترتفع. وبحسب فايد، قال الوزير إن المعبر مغلق.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المفاوضات')).toEqual([]);
    expect(who(out, 'الأسعار')).toEqual([]);
    expect(who(out, 'المعبر مغلق').some((x) => x.includes('according'))).toBe(false);
  });
});

describe('issue 11 round 6 — Arabic: a describe verb right before بأن is the passive', () => {
  it('"حروق وُصفت بأنها …" is no claim and does not swallow the clause after it; the active still speaks', () => {
    const body =
      'وقالت مصادر زاندرية إن طفلا توفي. وأصيب والداه بحروق وصفت بأنها خطيرة، وحسب المصادر فإن النار امتدت إلى منزل آخر. ووصف فايد الحادث بأنه جريمة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'خطيرة')).toEqual([]);
    expect(who(out, 'النار امتدت')).toEqual(['Xandria | ar-according-mid']);
    expect(who(out, 'جريمة')).toEqual(['Omar Fayed | ar-explicit']);
  });
});
