// Issue 11, second Arabic pass (branch ext-ar2): construction families, each with invented sentences (fictional people,
// bodies and countries); the KB is a small stand-in.
import { claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'Xandria'] },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['يبيريا', 'اليبيري', 'اليبيرية', 'Yberia'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
  { id: 'org:petro-union', name: 'Petro Union', type: 'organization', aliases: ['بترو يونيون', 'Petro Union'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان', language: 'ar' });

describe('issue 11 — Arabic: the object of a preposition is not the subject of the verb after it', () => {
  it('"على حكومة X رفض المطالب" inside a quotation: an obligation, not a statement of X', () => {
    const body = 'قال عمر فايد: «على حكومة زاندريا رفض المطالب الداعية إلى وقف الاتفاق». وذكر أن الشركة درست الطلبات.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.filter((c) => c.speaker.name === 'Xandria')).toEqual([]);
    expect(who(out, 'الشركة درست الطلبات')).toEqual(['Omar Fayed | ar-pronoun']);
  });
  it('a plain subject before the verb still speaks (لكن X نفى)', () => {
    const body = 'لكن بترو يونيون نفت هذه الاتهامات بشكل قاطع.';
    const out = enrich(body);
    expect(who(out, 'هذه الاتهامات')).toEqual(['Petro Union | ar-object']);
  });
});

describe('issue 11 — Arabic: a body after a preposition in the speaker region or before the verb', () => {
  it('"قال أيضا في مقابلة مع قناة زاندرية إنه": the interviewer\'s country is not the speaker', () => {
    const body = 'وكان الوزير عمر فايد قد قال أيضا في مقابلة مع إحدى القنوات الزاندرية إنه لن يستقيل من منصبه.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'لن يستقيل')).toEqual(['Omar Fayed | ar-explicit']);
  });
  it('"شركة «تيكو» في سوق زاندريا قالت إنها": an unrecognised subject, no claim for the place (refused)', () => {
    const body = 'أعلنت بترو يونيون خطتها. غير أن شركة «تيكو» في سوق زاندريا قالت إنها لم تبدأ بعد إجراء أبحاث حول السوق.';
    const out = enrich(body);
    expect(who(out, 'لم تبدأ بعد')).toEqual([]);
  });
});

describe('issue 11 — Arabic actors: a fused لل on a definite body head', () => {
  it('"للحكومة الزاندرية" and "الحكومة الزاندرية" are one actor, named in its ال form', () => {
    const body = 'أكد بيان للحكومة الزاندرية أن الهجوم كان متعمدا. وقالت الحكومة الزاندرية إن التحقيق مستمر.';
    const out = enrich(body);
    const gov = out.actors.filter((a) => a.type === 'organization' && a.name.includes('الزاندرية'));
    expect(gov.map((a) => a.name)).toEqual(['الحكومة الزاندرية']);
    expect(gov[0].mentions.map((m) => m.text)).toEqual(['للحكومة الزاندرية', 'الحكومة الزاندرية']);
  });
});

describe('issue 11 — Arabic: a reporting verb right after أنه/إنها is nested in the outer claim', () => {
  it('"وأضاف أنه أبلغ المسؤولين الزاندريين أن …": no claim for the addressee', () => {
    const body = 'وقال عمر فايد إنه أبلغ المسؤولين الزاندريين، في وقت مبكر من الأسبوع، أن بلاده تشعر بقلق شديد إزاء التطورات.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.map((c) => c.speaker.name)).toEqual(['Omar Fayed']);
    expect(out.claims[0].text).toContain('بلاده تشعر بقلق');
  });
  it('after a connective (إلا أنها أضافت، بيد أنه تدارك) the verb is the main one and still speaks', () => {
    const body = 'وقالت بترو يونيون إن الأسعار سترتفع. إلا أنها أضافت أن الإمدادات ستبقى مستقرة حتى نهاية العام.';
    const out = enrich(body);
    expect(who(out, 'الإمدادات ستبقى مستقرة')).toEqual(['Petro Union | ar-pronoun']);
  });
});

describe('issue 11 — Arabic: an institution noun refers only to a body named with it', () => {
  it('"وأكدت المحكمة" after a named company is an unrecognised court: refused', () => {
    const body =
      'وقالت بترو يونيون إن الأسعار ستنخفض. وأكدت المحكمة الدولية للتحكيم أن القرار نهائي. وقالت الهيئة العامة للإحصاء إن التضخم ارتفع.';
    const out = enrich(body);
    expect(who(out, 'القرار نهائي')).toEqual([]);
    // (actors round 6: HEAD + العامة + ل-complement is now a named body, so it speaks for itself, never for Petro Union)
    expect(who(out, 'التضخم ارتفع')).toEqual(['الهيئة العامة للإحصاء | ar-explicit']);
    expect(who(out, 'الأسعار ستنخفض')).toEqual(['Petro Union | ar-explicit']);
  });
  it('a body named with the head noun is still found (مركز X … وأضاف المركز)', () => {
    const body = 'وقال مركز الخليج للأبحاث إن الأسعار ستنخفض. وأضاف المركز أن الطلب سيرتفع في الربع المقبل.';
    const out = enrich(body);
    expect(who(out, 'الطلب سيرتفع')).toEqual(['مركز الخليج للأبحاث | ar-description']);
  });
});

describe('issue 11 — Arabic: a country in a ل-complement of a name is not the speaker', () => {
  it('"وقالت الجبهة الشعبية لتحرير زاندريا إنها": no claim for Xandria', () => {
    const body = 'وقالت الجبهة الشعبية لتحرير زاندريا إنها ترفض القرار الأخير بشكل قاطع.';
    const out = enrich(body);
    expect(out.claims.filter((c) => c.speaker.name === 'Xandria')).toEqual([]);
  });
});

describe('issue 11 — Arabic actors: a remit complement belongs to the body name', () => {
  it('"هيئة التنمية الزاندرية لحقوق العمال" is one body, its remit kept in the span', () => {
    const body = 'وقالت هيئة التنمية الزاندرية لحقوق العمال إن الأجور سترتفع. وقالت بترو يونيون لاحقا إن الخطة جاهزة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.actors.map((a) => a.name)).toContain('هيئة التنمية الزاندرية لحقوق العمال');
    expect(who(out, 'الأجور سترتفع')).toEqual(['هيئة التنمية الزاندرية لحقوق العمال | ar-explicit']);
  });
  it('an ordinary ل-phrase after a body is not part of its name (لبحث الأزمة)', () => {
    const body = 'ودعت هيئة التنمية الزاندرية لبحث الأزمة في اجتماع طارئ.';
    const out = enrich(body);
    expect(out.actors.some((a) => a.name.includes('لبحث'))).toBe(false);
  });
});
