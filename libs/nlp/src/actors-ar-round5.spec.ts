// Arabic actors, round 5 (issue 11, ADR 0017): institution heads kept in the name, a description before an apposed
// name, compound given names, آل family names, G written غ or ج, short forms of qualified bodies. Every sentence is
// invented (fictional bodies and people); the KB is a small stand-in with the shapes the real one has.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';
import { actorMentions } from './claims-spec-support';

const KB: KbActor[] = [
  {
    id: 'country:XA',
    name: 'Xandria',
    type: 'country',
    aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'الزاندريين', 'Xandria'],
  },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['يبيريا', 'اليبيري', 'اليبيرية', 'Yberia'] },
  { id: 'org:aerodyne', name: 'Aerodyne', type: 'organization', aliases: ['إيروداين', 'Aerodyne'] },
  { id: 'group:struggle', name: 'Struggle Movement', type: 'group', aliases: ['حركة النضال الشعبي في زاندريا'] },
  {
    id: 'org:xa-defence',
    name: 'Xandrian Defence Ministry',
    type: 'organization',
    country: 'XA',
    aliases: ['الحصن', 'وزارة الدفاع الزاندرية'],
  },
  {
    id: 'org:yb-defence',
    name: 'Yberian Defence Ministry',
    type: 'organization',
    country: 'YB',
    aliases: ['وزارة الدفاع اليبيرية'],
  },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string) =>
  enricher.enrich(
    { url: 'https://x.test/a', source: { name: 't' }, title: 'title', body, language: 'ar' },
    { now: new Date('2026-01-01T00:00:00Z') },
  );
type Out = ReturnType<typeof enrich>;
const mentions = actorMentions;
const actorOf = (out: Out, text: string) => out.actors.find((a) => a.mentions.some((m) => m.text === text));

describe('institutions keep their head (round 5)', () => {
  it('مركز/معهد/جامعة + a foreign name is the whole name, with a field after لل', () => {
    const body = 'وقال الباحث في مركز كورنتال للأبحاث الاستراتيجية في العاصمة إن الوضع صعب. ودرس سليم في جامعة بروفنيا.';
    const out = enrich(body);
    const orgs = mentions(out, body, 'organization');
    expect(orgs).toContain('مركز كورنتال للأبحاث الاستراتيجية');
    expect(orgs).toContain('جامعة بروفنيا');
    expect(orgs).not.toContain('كورنتال');
  });
  it('a company head still only describes (شركة X names X)', () => {
    const body = 'وقالت شركة كورنتال إن الأرباح ارتفعت.';
    expect(mentions(enrich(body), body, 'organization')).toEqual(['كورنتال']);
  });
});

describe('a description before an apposed name (round 5)', () => {
  it('HEAD + noun + country adjective + a name: the name is the body, the description is none', () => {
    const body = "وهي شركة تملكها مجموعة الاستثمار الزاندرية كورفال بارتنرز. ونقلت وكالة الأنباء الزاندرية ''سيرانا'' الخبر.";
    const out = enrich(body);
    const orgs = mentions(out, body, 'organization');
    expect(orgs).toContain('كورفال بارتنرز');
    expect(orgs).toContain('سيرانا');
    expect(orgs).not.toContain('مجموعة الاستثمار الزاندرية');
    expect(orgs).not.toContain('وكالة الأنباء الزاندرية');
  });
  it('a KB body in apposition stands alone', () => {
    const body = 'وتريد الحكومة طرح أسهم شركة الطيران الزاندرية إيروداين في البورصة.';
    const orgs = mentions(enrich(body), body, 'organization');
    expect(orgs).toEqual(['إيروداين']);
  });
  it('no name after it, or a person after a title: the description is kept as before', () => {
    const b1 = 'وقالت شركة النفط الزاندرية إن الإنتاج ارتفع.';
    expect(mentions(enrich(b1), b1, 'organization')).toContain('شركة النفط الزاندرية');
    const b2 = 'وقال مدير شركة النفط الزاندرية سليم دراج إن الإنتاج ارتفع.';
    expect(mentions(enrich(b2), b2, 'organization')).not.toContain('سليم دراج');
  });
});

describe('compound given names and family names (round 5)', () => {
  it('NOUN + الدين/الله opens a name, with a title or kinship apposition closing it', () => {
    const body = 'وقال سراج الدين مرواني إن الحركة قوية. وعين نور الدين كاظمي نجل هيبة الله كاظمي زعيم الجماعة.';
    const persons = mentions(enrich(body), body, 'person');
    expect(persons).toEqual(expect.arrayContaining(['سراج الدين مرواني', 'نور الدين كاظمي', 'هيبة الله كاظمي']));
  });
  it('رجال الدين and بفضل الله are no names', () => {
    const body = 'وقال رجال الدين إن الحركة قوية بفضل الله وحده.';
    expect(mentions(enrich(body), body, 'person')).toEqual([]);
  });
  it('آل X after a person is part of the name; آل elsewhere is not', () => {
    const b1 = 'وقال الشيخ سالم بن راشد آل فاروق إن الاتفاق مهم.';
    expect(mentions(enrich(b1), b1, 'person')).toContain('سالم بن راشد آل فاروق');
    const b2 = 'وقال سليم دراج إن آل فاروق يدعمون الاتفاق.';
    const persons = mentions(enrich(b2), b2, 'person');
    expect(persons).toContain('سليم دراج');
    expect(persons.some((p) => p.includes('آل'))).toBe(false);
  });
});

describe('surnames linked across spellings and verb-typed one-word bodies (round 5)', () => {
  it('G written غ or ج is the same surname; a different surname is not', () => {
    const body = 'وقال كارل فيغنر، رئيس الشركة، إن البيانات آمنة. وقال فيجنر في مارس إنه سيدلي بشهادته. وقال فيلنر إن ذلك خطأ.';
    const out = enrich(body);
    expect(actorOf(out, 'فيجنر')?.id).toBe(actorOf(out, 'كارل فيغنر')?.id);
    expect(actorOf(out, 'فيلنر')?.id).not.toBe(actorOf(out, 'كارل فيغنر')?.id);
  });
  it('a one-word "body" after a feminine verb that is a person\'s surname is that person; after a head it is not', () => {
    const b1 = 'وقالت سلمى فارندا، المتحدثة باسم الوزارة، إن القرار نهائي. وصرحت فارندا للصحفيين بأن الحوار مستمر.';
    const o1 = enrich(b1);
    expect(actorOf(o1, 'فارندا')?.id).toBe(actorOf(o1, 'سلمى فارندا')?.id);
    const b2 = 'وقالت سلمى فارندا، المتحدثة باسم الوزارة، إن القرار نهائي. وأعلنت شركة فارندا أن الأرباح ارتفعت.';
    const o2 = enrich(b2);
    expect(actorOf(o2, 'فارندا')?.type).toBe('organization');
  });
});

describe('short forms of qualified bodies (round 5)', () => {
  it('a bare ministry is the one body of the article whose name or KB alias it opens', () => {
    const body = 'وقال الحصن إن الحفل مكلف. وقالت وزارة الدفاع في بيان إن القرار نهائي.';
    const out = enrich(body);
    expect(actorOf(out, 'وزارة الدفاع')?.id).toBe('org:xa-defence');
  });
  it('a bare movement name is the movement whose full name it opens', () => {
    const body = 'وقالت حركة النضال الشعبي في زاندريا إن الهدنة صامدة. وقال المتحدث باسم حركة النضال إن الحوار مستمر.';
    const out = enrich(body);
    expect(actorOf(out, 'حركة النضال')?.id).toBe('group:struggle');
  });
  it('two candidate bodies, or another country just before it: left alone', () => {
    const b1 = 'وقالت وزارة الدفاع الزاندرية إن الحفل مكلف. وردت وزارة الدفاع اليبيرية بالرفض. وقالت وزارة الدفاع في بيان إن القرار نهائي.';
    const o1 = enrich(b1);
    expect(actorOf(o1, 'وزارة الدفاع')?.id).not.toMatch(/^org:(xa|yb)-defence$/);
    const b2 = 'وقال الحصن إن الحفل مكلف. ونقلت إذاعة يبيريا عن مسؤولين في وزارة الدفاع أن القرار قريب.';
    const o2 = enrich(b2);
    expect(actorOf(o2, 'وزارة الدفاع')?.id).not.toBe('org:xa-defence');
  });
});

describe('honorifics kept in the name (round 5)', () => {
  it('الملا + a name closed by a boundary is a person, the honorific in every mention', () => {
    const body =
      'وعينت الجماعة الملا زاهر قندوزي، زعيماً جديداً لها، خلفاً للملا داود. وكان الملا داود قد توفي. وقال نائب للملا قندوزي إن الملا هيبة الله اخند زاده المسؤول السابق سيبقى.';
    const out = enrich(body);
    const persons = mentions(out, body, 'person');
    expect(persons).toEqual(
      expect.arrayContaining(['الملا زاهر قندوزي', 'للملا داود', 'الملا داود', 'للملا قندوزي', 'الملا هيبة الله اخند زاده']),
    );
    expect(actorOf(out, 'للملا قندوزي')?.id).toBe(actorOf(out, 'الملا زاهر قندوزي')?.id);
  });
  it('a predicate after the name is not part of it (tanween after a final alef, a pronoun, a verb)', () => {
    const body =
      'وعينوا الملا زاهر قندوزي أميراً جديداً. ونائبا للملا قندوزي هما الملا داود والملا سالم. وقال إن وفاة الملا داود ستؤخر المحادثات.';
    const persons = mentions(enrich(body), body, 'person');
    expect(persons).toContain('الملا زاهر قندوزي');
    expect(persons.some((p) => /أمير|هما|ستؤخر/.test(p))).toBe(false);
  });
});

describe('products and places after a head (round 5)', () => {
  it('أجهزة "X" (devices of a make) is a product, not a body', () => {
    const b1 = 'وحددت الدراسة المعدات بأنها أجهزة "كورتكس" التي تنتجها الشركة.';
    expect(mentions(enrich(b1), b1, 'organization')).toEqual([]);
  });
  it('after a preposition, موقع + a construct is a place; a site with an adjective or after a verb is kept', () => {
    const b1 = 'ولم يصل المحققون إلى موقع تحطم الطائرة حتى الآن.';
    expect(mentions(enrich(b1), b1, 'organization')).toEqual([]);
    const b2 = 'ونشر موقع كورتكس الوثائق أمس.';
    expect(mentions(enrich(b2), b2, 'organization')).toContain('كورتكس');
  });
});

describe('bodies inside a title phrase before an apposed person (round 5)', () => {
  it('"خبير في شركة "X"، NAME،": the company is an actor as well as the person', () => {
    const body = 'وقال خبير اقتصادي في شركة الاستثمار "كورتكس"، يواكيم فيلس، إن الأسواق قلقة.';
    const out = enrich(body);
    expect(mentions(out, body, 'organization')).toContain('كورتكس');
    expect(mentions(out, body, 'person')).toContain('يواكيم فيلس');
  });
  it('a title right before the person is not part of the body name', () => {
    const body = 'وأشاد عضو المكتب السياسي لحركة النهضة الشيخ سالم دراج بمواقف الحكومة.';
    const orgs = mentions(enrich(body), body);
    expect(orgs).toContain('حركة النهضة');
    expect(orgs.some((m) => m.includes('الشيخ'))).toBe(false);
  });
  it('a quoted one-word name may end in يا; a quoted adjective in يه is no name', () => {
    const b1 = 'وكانت شركة "كورفيا" لصناعة الشرائح قد نشرت تقريرا.';
    expect(mentions(enrich(b1), b1, 'organization')).toContain('كورفيا');
    const b2 = 'وقالت شركة "زاندرية" إن الأرباح ارتفعت.';
    expect(mentions(enrich(b2), b2, 'organization')).not.toContain('زاندرية');
  });
});

describe('corporate adjectives after a foreign name (round 5)', () => {
  it('العالمية/الدولية after a head + foreign name is part of the name; a country adjective is not', () => {
    const b1 = 'وقال الرئيس التنفيذي لمجموعة موانئ كورتكس العالمية، سليم دراج، إن الأرباح ارتفعت.';
    // (session 7b: مجموعة keeps its head, as the gold files write a group's name)
    expect(mentions(enrich(b1), b1, 'organization')).toContain('مجموعة موانئ كورتكس العالمية');
    const b2 = 'وقالت شركة كورتكس الزاندرية إن الأرباح ارتفعت.';
    expect(mentions(enrich(b2), b2, 'organization')).toEqual(['كورتكس']);
  });
});
