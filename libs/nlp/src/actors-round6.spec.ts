// Actors, round 6 (issue 11, ADR 0017 fifth session): KB matches inside other names, عمان/Amman. Every sentence is
// invented (fictional bodies and people); the KB is a small stand-in with the shapes the real one has.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';
import { actorMentions } from './claims-spec-support';

const KB: KbActor[] = [
  { id: 'country:JO', name: 'Jordan', type: 'country', aliases: ['الأردن', 'الأردني', 'Jordan', 'Amman'] },
  { id: 'country:OM', name: 'Oman', type: 'country', aliases: ['سلطنة عمان', 'عمان', 'العماني', 'Oman'] },
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'Xandria'] },
  { id: 'country:FR', name: 'France', type: 'country', aliases: ['فرنسا', 'باريس', 'Paris'] },
  { id: 'person:karim-haddar', name: 'Karim Haddar', type: 'person', aliases: ['كريم حدار', 'حدار'] },
  { id: 'person:king-selim', name: 'King Selim', type: 'person', aliases: ['الملك سليم'] },
  { id: 'person:adel-tarrab', name: 'Adel al-Tarrab', type: 'person', aliases: ['عادل الطراب', 'الطراب'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string) =>
  enricher.enrich(
    { url: 'https://x.test/a', source: { name: 't' }, title: 'title', body, language: 'ar' },
    { now: new Date('2026-01-01T00:00:00Z') },
  );
const mentions = actorMentions;

describe('a KB person inside an institution or place name (round 6)', () => {
  it('an institution head + a KB person is the institution, with its closing adjectives', () => {
    const body = 'وقال مدير مستشفى كريم حدار الجامعي إن الأسرة ممتلئة. ووقعت مجموعة حدار الزاندرية عقدا جديدا.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual([]);
    const orgs = mentions(out, body, 'organization');
    expect(orgs).toContain('مستشفى كريم حدار الجامعي');
    expect(orgs).toContain('مجموعة حدار الزاندرية');
    // the closing country adjective keeps its own country mention
    expect(mentions(out, body, 'country')).toContain('الزاندرية');
  });
  it('a place or facility named after a person is no actor', () => {
    const body = 'وهبطت الطائرة في مطار الملك سليم بعد ظهر أمس، ثم توجه الوفد إلى مجمع كريم حدار للطاقة.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual([]);
    expect(mentions(out, body, 'organization')).toEqual([]);
  });
  it('شركة + a KB person names the company without its head', () => {
    const body = 'وأعلنت شركة حدار أنها ستبني مصنعا.';
    expect(mentions(enrich(body), body, 'organization')).toEqual(['حدار']);
  });
  it('the person named on its own, or after a title, is still the person', () => {
    const body = 'وقال كريم حدار إن الاتفاق مهم. وأكد الملك سليم دعمه للمشروع، واستقبل حدار في مكتبه وفدا.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual(expect.arrayContaining(['كريم حدار', 'الملك سليم']));
    expect(mentions(out, body, 'organization')).toEqual([]);
  });
});

describe('a hamza-written أل opens a foreign name, not the article (round 6)', () => {
  it('ألباريس is no mention of باريس', () => {
    const body = 'وقال وزير الخارجية الزاندري فرانسيسكو ألباريس إن المحادثات مثمرة. وأضاف ألباريس أن الجولة المقبلة قريبة.';
    const out = enrich(body);
    expect(mentions(out, body, 'country')).not.toContain('باريس');
    expect(mentions(out, body, 'person')).toContain('ألباريس');
  });
  it('the capital itself after a clitic or the article is still matched', () => {
    const body = 'وقالت باريس إن الاتفاق ضروري.';
    expect(mentions(enrich(body), body, 'country')).toContain('باريس');
  });
});

describe('عمان: Amman in a Jordanian article, Oman otherwise (round 6)', () => {
  it('in an article about Jordan a bare عمان after a locative is the city, as a subject the state', () => {
    const body = 'والتقى وزير الخارجية الأردني في عمان نظيره الزاندري. وقالت عمان إنها ترفض التصعيد.';
    const out = enrich(body);
    expect(mentions(out, body, 'location')).toEqual(['عمان']);
    const jo = out.actors.find((a) => a.id === 'country:JO');
    expect(jo?.mentions.map((m) => m.text)).toEqual(['الأردني', 'عمان']);
    expect(out.actors.find((a) => a.id === 'country:OM')).toBeUndefined();
  });
  it('with Oman named unambiguously, or without Jordan, عمان stays Oman', () => {
    const a = 'واستضافت سلطنة عمان الجولة الأولى، وقال الوزير الأردني إن عمان وسيط موثوق.';
    expect(
      enrich(a)
        .actors.find((x) => x.id === 'country:OM')
        ?.mentions.map((m) => m.text),
    ).toEqual(['سلطنة عمان', 'عمان']);
    const b = 'وعقدت المحادثات في عمان بحضور الوفد الزاندري.';
    expect(
      enrich(b)
        .actors.find((x) => x.id === 'country:OM')
        ?.mentions.map((m) => m.text),
    ).toEqual(['عمان']);
  });
});

describe('names after a title at an institution or place (round 6)', () => {
  it('an institution head + a title + a name is the institution', () => {
    const body = 'وكشفت دراسة لجامعة الأمير نادر بن سالم أن النسبة ارتفعت.';
    const out = enrich(body);
    expect(mentions(out, body, 'organization')).toEqual(['جامعة الأمير نادر بن سالم']);
    expect(mentions(out, body, 'person')).toEqual([]);
  });
  it('a place head + a title + a name and its adjective is no actor', () => {
    const body = 'واستقبل مطار الملك ناصر الدولي مليون مسافر.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual([]);
    expect(mentions(out, body, 'organization')).toEqual([]);
  });
});

describe('patronymic chains and family names shared with a KB person (round 6)', () => {
  it('a chain of three names joined by بن is one person', () => {
    const body = 'وافتتح الأمير سالم بن نادر بن فارس المعرض، بحضور الأمير ماهر بن سالم بن نادر.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual(expect.arrayContaining(['سالم بن نادر بن فارس', 'ماهر بن سالم بن نادر']));
  });
  it("a given name before a KB surname that is not the KB person's is another person", () => {
    const body = 'وقال المهندس فهد الطراب إن المشروع اكتمل.';
    const out = enrich(body);
    expect(out.actors.find((a) => a.id === 'person:adel-tarrab')).toBeUndefined();
    expect(mentions(out, body, 'person')).toEqual(['فهد الطراب']);
  });
  it("the KB person's own given name, or the surname alone, is still the KB person", () => {
    const body = 'وقال عادل الطراب إن الزيارة ناجحة. وأضاف الطراب أن التعاون مستمر.';
    expect(
      enrich(body)
        .actors.find((a) => a.id === 'person:adel-tarrab')
        ?.mentions.map((m) => m.text),
    ).toEqual(['عادل الطراب', 'الطراب']);
  });
});

describe('state-body names with a status adjective and a ل-complement (round 6)', () => {
  it('HEAD + العامة/الوطني/المركزي + ل-complement is one organisation', () => {
    const body =
      'وقالت الهيئة العامة للموانئ البحرية إن الحركة زادت. وأعلن المركز الوطني للرصد والإنذار أن العاصفة تقترب، فيما ذكرت الهيئة الوطنية لمكافحة التهريب الأسبوع الماضي أنها ضبطت شحنة.';
    const orgs = mentions(enrich(body), body, 'organization');
    expect(orgs).toEqual(
      expect.arrayContaining(['الهيئة العامة للموانئ البحرية', 'المركز الوطني للرصد والإنذار', 'الهيئة الوطنية لمكافحة التهريب']),
    );
  });
  it('the head and adjective alone are a description', () => {
    const body = 'وقالت الهيئة العامة إن الحركة زادت.';
    expect(mentions(enrich(body), body, 'organization')).toEqual([]);
  });
  it('وزارة + coordinated definite nouns is one ministry; two portfolio heads are not joined', () => {
    const body = 'وقالت وزارة النقل والموانئ والطيران إن الخطة جاهزة.';
    expect(mentions(enrich(body), body, 'organization')).toEqual(['وزارة النقل والموانئ والطيران']);
    const two = 'ونسقت وزارة الصحة والداخلية الزاندرية الخطة.';
    expect(mentions(enrich(two), two, 'organization')).not.toContain('وزارة الصحة والداخلية');
  });
});

describe('a person after a body name or a title (round 6)', () => {
  it('a given name + another name word ends a foreign body name after its head', () => {
    const body = 'وقال المحلل لدى مؤسسة بريستون أناليتكس جيمس كورتال إن الطلب سيرتفع.';
    const out = enrich(body);
    expect(mentions(out, body, 'organization')).toEqual(['بريستون أناليتكس']);
    expect(mentions(out, body, 'person')).toEqual(['جيمس كورتال']);
  });
  it('TITLE + name + ال-surname closed by a title in apposition or by إلى أن', () => {
    const a = 'وقالت الدكتورة سلمى الفارس وزيرة التخطيط إن الخطة جاهزة.';
    expect(mentions(enrich(a), a, 'person')).toEqual(['سلمى الفارس']);
    const b = 'وأشار المهندس طارق الملا إلى أن الإنتاج ارتفع.';
    expect(mentions(enrich(b), b, 'person')).toEqual(['طارق الملا']);
  });
});

describe('an Arabic byline opening the body (round 6)', () => {
  it('"كتب X Y:" is the writer, no actor; the story after it is read as usual', () => {
    const body = 'كتب سامر عبد الواحد: قال اللواء ماهر الفارس مدير الأمن إن الحملة مستمرة.';
    const out = enrich(body);
    expect(mentions(out, body, 'person')).toEqual(['ماهر الفارس']);
  });
  it('a post quoted at the start is no byline', () => {
    const body = 'كتب كريم حدار على منصة إكس: "لن نتراجع".';
    expect(mentions(enrich(body), body, 'person')).toEqual(['كريم حدار']);
  });
});
