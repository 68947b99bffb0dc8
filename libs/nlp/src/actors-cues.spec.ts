// Actor recognition from cues (issue 11 item 3, ADR 0017): organisation head nouns and their spans, acronyms defined in
// the text, KB matches inside person names, persons from first-name lexicons, generic nouns. Every sentence is invented
// (fictional bodies and people); the KB is a small stand-in with the shapes the real one has.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';
import { actorMentions } from './claims-spec-support';

const KB: KbActor[] = [
  {
    id: 'country:XA',
    name: 'Xandria',
    type: 'country',
    aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'الزاندريين', 'Xandria', 'Xandrian'],
  },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['يبيريا', 'اليبيري', 'اليبيرية', 'Yberia', 'Yberian'] },
  { id: 'person:tom-brackett', name: 'Tom Brackett', type: 'person', aliases: ['Tom Brackett', 'Brackett'] },
  { id: 'org:united-nations', name: 'United Nations', type: 'organization', aliases: ['الأمم المتحدة', 'United Nations', 'UN'] },
  { id: 'org:flitter', name: 'Flitter', type: 'organization', aliases: ['فليتر', 'Flitter'] },
  { id: 'org:meta', name: 'Meta', type: 'organization', aliases: ['فيسبوك', 'Facebook'] },
  { id: 'org:aerodyne', name: 'Aerodyne', type: 'organization', aliases: ['إيروداين', 'Aerodyne'] },
  { id: 'org:treasury-xa', name: 'Xandrian Treasury', type: 'organization', aliases: ['وزارة المالية الزاندرية', 'وزارة المالية'] },
  { id: 'country:HK', name: 'Hong Kong', type: 'country', aliases: ['هونغ كونغ', 'Hong Kong'] },
  {
    id: 'org:government-of-xandria',
    name: 'Xandrian government',
    type: 'organization',
    country: 'XA',
    aliases: ['الحكومة الزاندرية', 'Xandrian government'],
  },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string, language: string) =>
  enricher.enrich(
    { url: 'https://x.test/a', source: { name: 't' }, title: 'title', body, language },
    { now: new Date('2026-01-01T00:00:00Z') },
  );

type Out = ReturnType<typeof enrich>;
const mentions = actorMentions;
const names = (out: Out, type?: string) => out.actors.filter((a) => !type || a.type === type).map((a) => a.name);

describe('organisations from Arabic head nouns', () => {
  it('a body named after a person title is an actor of its own, head kept', () => {
    const body = 'وقال رئيس منظمة الرعاية الصحية الزاندرية سليم دراج إن الوضع صعب.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'organization')).toContain('منظمة الرعاية الصحية الزاندرية');
  });

  it('a construct with an indefinite first noun keeps its head (هيئة كبار …، لجنة حقوق …)', () => {
    const body = 'وأصدرت هيئة كبار المهندسين بيانا أمس. ودعت لجنة حقوق العمال الزاندرية إلى الحوار.';
    const out = enrich(body, 'ar');
    const orgs = mentions(out, body, 'organization');
    expect(orgs).toContain('هيئة كبار المهندسين');
    expect(orgs).toContain('لجنة حقوق العمال الزاندرية');
  });

  it('two bodies coordinated with و after a nisba are two names, not one', () => {
    const body = 'وسيتوجه مسؤولون من وكالة النقل اليبيرية والخطوط الجوية اليبيرية إلى المدينة.';
    const out = enrich(body, 'ar');
    const orgs = mentions(out, body, 'organization');
    expect(orgs).toContain('وكالة النقل اليبيرية');
    expect(orgs.some((m) => m.includes('والخطوط'))).toBe(false);
  });

  it('a participle after the name modifies it from outside: the name ends before it', () => {
    const body = 'وسيدرس الحطام مكتب التحقيقات الفنية المكلف التحقيق في الحوادث.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'organization')).toContain('مكتب التحقيقات الفنية');
  });

  it('traffic (حركة المسافرين) and devices (أجهزة الحاسوب) are not bodies; security services are', () => {
    const body = 'وزادت حركة المسافرين في المطار. وبيعت أجهزة الحاسوب بسرعة. واتهمت الحكومة أجهزة الاستخبارات اليبيرية بالتدخل.';
    const out = enrich(body, 'ar');
    const all = mentions(out, body);
    expect(all.some((m) => m.includes('حركة'))).toBe(false);
    expect(all.some((m) => m.includes('الحاسوب'))).toBe(false);
    expect(mentions(out, body, 'organization')).toContain('أجهزة الاستخبارات اليبيرية');
  });

  it('a definite body after على is acted upon, a platform after على is a place', () => {
    const body = 'وضغط الوزير على البرلمان الزاندري لرفض القانون، ونشر رسالة على فليتر.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'organization')).toContain('البرلمان الزاندري');
    expect(names(out)).not.toContain('Flitter');
  });

  it('a clitic on a head noun is not a person name (بشركة «…»)', () => {
    const body = 'وقال مدير التسويق بشركة «نوفاريس» للتأمين إن الأسعار سترتفع.';
    const out = enrich(body, 'ar');
    expect(names(out, 'person')).not.toContain('بشركة');
    expect(names(out, 'organization')).toContain('نوفاريس');
  });
});

describe('KB matches inside person names', () => {
  it('a country nisba closing a name chain is the family name, not the country (Arabic)', () => {
    const body = 'وقال الدكتور سالم بن عبدالكريم الزاندري في بيان إن الجريمة مدانة.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'person')).toContain('سالم بن عبدالكريم الزاندري');
    expect(names(out)).not.toContain('Xandria');
  });

  it("a first name before a KB person's bare surname is someone else (English)", () => {
    const body = 'Officials met on Monday. Kevin Brackett, an election official, said the systems were safe.';
    const out = enrich(body, 'en');
    expect(names(out, 'person')).toContain('Kevin Brackett');
    expect(names(out)).not.toContain('Tom Brackett');
  });
});

describe('persons with no title cue: first-name lexicon', () => {
  it('a given name + surname is a person, each item of a و-list its own person, gender from the lexicon', () => {
    const body = 'وطالب النواب بإطلاق سراح المعلمين أمثال محمود ترابي وحسين جافري وفاطمة نوراني، وأضافوا أن القضية عادلة.';
    const out = enrich(body, 'ar');
    const ps = mentions(out, body, 'person');
    expect(ps).toEqual(expect.arrayContaining(['محمود ترابي', 'حسين جافري', 'فاطمة نوراني']));
    expect(ps.some((m) => m.includes('وحسين'))).toBe(false);
  });

  it('a given name followed by ordinary words is not a person', () => {
    const body = 'وقال المسؤول إن منصور يبدو منطقيا في طرحه، وإن الخطة جيدة.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'person').some((m) => m.includes('يبدو'))).toBe(false);
  });
});

describe('persons named before a title apposition (Arabic)', () => {
  it('VERB NAME، TITLE …: the name is a person even when a token is also a common word, and speaks', () => {
    const body = 'وقال أكبر الفاروقي، الرئيس التنفيذي لشركة «نوفاريس»: "نحن مستعدون". وتابع الفاروقي أن الأسعار ستنخفض.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'person')).toContain('أكبر الفاروقي');
    expect(out.claims.map((c) => c.speaker.name)).toEqual(['أكبر الفاروقي', 'أكبر الفاروقي']);
  });

  it('three name tokens with a connector, a title without the article (مدير …)', () => {
    const body = 'وقال سليم بن داوود، مدير الاتصال في الوكالة، إن الأنظمة آمنة.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'person')).toContain('سليم بن داوود');
  });

  it('a definite noun, a verb or a complementiser before the comma is no name', () => {
    const body = 'وقال المسؤولون الزاندريون، الرئيس غائب. وأضاف إنه سيأتي، الرئيس يعلم.';
    const ps = mentions(enrich(body, 'ar'), body, 'person');
    expect(ps.some((m) => /المسؤولون|الزاندريون|إنه|سيأتي/.test(m))).toBe(false);
  });
});

describe('corpus-frequent common words are not name tokens (Arabic)', () => {
  it('a title followed by a name and an ordinary verb or noun: the name ends before the common word', () => {
    const body = 'وقال إن مبعوث زاندريا الجديد سامر دلال طرح المخاوف خلال اجتماعه.';
    const ps = mentions(enrich(body, 'ar'), body, 'person');
    expect(ps.some((m) => m.includes('طرح'))).toBe(false);
  });
  it('a reporting verb followed by ordinary words (masdar, adjective) makes no person', () => {
    const body = 'وقال الوزير إن الاتصالات تؤكد إرساء أساس متين للتعاون بين البلدين.';
    expect(names(enrich(body, 'ar'), 'person')).toEqual([]);
  });
});

describe('boards of directors (Arabic)', () => {
  it('"رئيس مجلس إدارة X" names no administration and no person X', () => {
    const body = 'وكشف رئيس مجلس إدارة موانئ نوفاريس العالمية أن الأرباح لن تتأثر.';
    const out = enrich(body, 'ar');
    expect(names(out, 'person')).toEqual([]);
    expect(mentions(out, body).some((m) => m.startsWith('إدارة'))).toBe(false);
  });
});

describe('English capitalised runs', () => {
  it('a title inside a run splits the body from the person after it', () => {
    const body = 'Ruritania Elections Commission Administrator Michael Dovey said the vote was secure.';
    const out = enrich(body, 'en');
    expect(names(out, 'organization')).toContain('Ruritania Elections Commission');
    expect(names(out, 'person')).toContain('Michael Dovey');
  });

  it('"Secretary of State NAME" gives the person; "Director of X" alone is a portfolio', () => {
    const body = 'Ruritania Secretary of State Alex Pardo said on Monday that Director of National Readiness staff were consulted.';
    const out = enrich(body, 'en');
    expect(names(out, 'person')).toContain('Alex Pardo');
    expect(names(out, 'person')).not.toContain('National Readiness');
  });

  it('trailing titles are dropped from a body; a lone generic noun is not an actor', () => {
    const body = 'The Harbour Party Co-Chairman said prices would rise. Police said the Union had agreed.';
    const out = enrich(body, 'en');
    const n = names(out);
    expect(n.some((x) => /Chairman|\bCo\b/.test(x))).toBe(false);
    expect(n).not.toContain('Police');
    expect(n).not.toContain('Union');
  });

  it('"O’Brien" is one name; a street named after a first name is a place', () => {
    const body = 'National security adviser Robert O’Brien said talks continued as protesters gathered on Nathan Road.';
    const out = enrich(body, 'en');
    expect(names(out, 'person')).toContain('Robert O’Brien');
    expect(names(out, 'person')).not.toContain('Nathan Road');
  });

  it('a person name ends before "of"', () => {
    const body = 'Officials said Mark Stephen Dalloway of Ruritania admitted the charges.';
    const out = enrich(body, 'en');
    expect(names(out, 'person')).toContain('Mark Stephen Dalloway');
  });
});

describe('acronyms defined in the text', () => {
  it('"Full Name (ABC)" makes an organisation and later bare ABC mentions of it', () => {
    const body = 'The Harbour Safety Bureau (HSB) said the port was closed. Later, HSB said it would reopen.';
    const out = enrich(body, 'en');
    const org = out.actors.find((a) => a.name === 'Harbour Safety Bureau');
    expect(org?.type).toBe('organization');
    expect(org?.mentions.map((m) => m.text)).toEqual(['Harbour Safety Bureau', 'HSB', 'HSB']);
  });

  it('a ticker whose letters open with the initials names the company', () => {
    const body = 'Firms that asked to testify include Cobalt Mart (CMRT) and others.';
    const out = enrich(body, 'en');
    expect(names(out, 'organization')).toContain('Cobalt Mart');
  });

  it('an acronym after a KB body becomes its mention', () => {
    const body = 'The United Nations (UN) said aid was delayed.';
    const out = enrich(body, 'en');
    const un = out.actors.find((a) => a.id === 'org:united-nations');
    expect(un?.mentions.map((m) => m.text)).toEqual(['United Nations', 'UN']);
  });
});

describe('credits and datelines', () => {
  it('names in photo credits and contributor lines are not actors', () => {
    const body =
      'The minister visited the port [Jane Pellow/Harbour Pool/Flitter]\n\nShe said trade was up.\n\n' +
      'Enlarge this image toggle caption Omar Velde/AP Omar Velde/AP\n\nOfficials agreed.\n\n' +
      '-- Carla Minsk and Peter Oakes contributed to this report.';
    const out = enrich(body, 'en');
    const n = names(out);
    for (const x of ['Jane Pellow', 'Flitter', 'Omar Velde', 'Carla Minsk', 'Peter Oakes']) expect(n).not.toContain(x);
  });

  it('the outlet in an English dateline is an actor, the place is not', () => {
    const body = 'LONDON (Flitter) — The Xandrian embassy said on Monday that talks would resume.';
    const out = enrich(body, 'en');
    expect(names(out)).toContain('Flitter');
  });
});

describe('products, platforms, territories, ordinary words', () => {
  it('a maker with a model number is a product; a count after a body is not', () => {
    const body = 'وعثر على حطام طائرة «إيروداين 818» قرب الساحل. وتستهدف عقوبات وزارة المالية 3 أشخاص.';
    const out = enrich(body, 'ar');
    expect(names(out)).not.toContain('Aerodyne');
    expect(names(out)).toContain('Xandrian Treasury');
  });

  it('a platform after "site/platform" is a place, and no rule actor replaces it', () => {
    const body = 'وكتب الوزير في بيان على موقع «فيسبوك» الاجتماعي أن الحطام يعود للطائرة.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'organization').some((m) => m.includes('فيسبوك'))).toBe(false);
  });

  it('a dependent territory is a place, not a country', () => {
    const body = 'Protesters marched in Hong Kong on Sunday, Xandrian officials said.';
    const out = enrich(body, 'en');
    expect(out.actors.find((a) => a.name === 'Hong Kong')?.type).toBe('location');
  });

  it('honorific pronouns, quantity words and adverbs are not person names', () => {
    const body = 'وأكد سموه أن الجريمة خطيرة. وقال كثير من المنظمات إن الهجمات مستمرة. وقال باحثون إن الاقتصاد سينمو.';
    const out = enrich(body, 'ar');
    const ps = mentions(out, body, 'person');
    for (const x of ['سموه', 'كثير', 'باحثون']) expect(ps).not.toContain(x);
  });
});

describe('possessives with a typographic apostrophe', () => {
  it('"ABC’s programme" marks ABC as a body, as "ABC\'s" does', () => {
    const body = 'She said on Monday, speaking on RTV’s morning programme, that the party would not attend, and she told RTV’s editors so.';
    const out = enrich(body, 'en');
    expect(names(out, 'organization')).toContain('RTV');
  });
});

describe('short and full forms of one name', () => {
  it('given name + family name is the same person as the fuller name with a middle name', () => {
    const body = 'وتوفي الطفل حسين سعد نوراني، متأثرا بجروحه. وقدمت المنظمة تعازيها لأسرة الطفل حسين نوراني، وطالبت بالتحقيق.';
    const out = enrich(body, 'ar');
    const ps = out.actors.filter((a) => a.type === 'person');
    const full = ps.find((a) => a.mentions.some((m) => m.text === 'حسين سعد نوراني'));
    expect(full?.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['حسين سعد نوراني', 'حسين نوراني']));
  });
});

describe('word shapes that are not names (issue 11, third Arabic pass)', () => {
  it('an imperfect verb after a title phrase is not a person', () => {
    const body = 'السفير اليبيري بزاندريا يجتمع مع قادة المعارضة في العاصمة. وقال السفير إن اللقاء كان مثمرا.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'person')).not.toContain('يجتمع');
  });

  it('a plural with the pronoun نا after a head is not a body', () => {
    const body = 'وقال المدير إن الشركة تعمل على توسيع شبكة رحلاتنا في المنطقة.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body)).not.toContain('رحلاتنا');
  });

  it('ب + a participle or a masdar ends a person name (the complement of the verb before it)', () => {
    const body = 'وأشاد رئيس الحركة الشيخ سامر دلال بمواقف الجمعية الداعمة للمزارعين. واتهم سامر دلال خصومه بتنفيذ حملات تشويه.';
    const out = enrich(body, 'ar');
    const ps = mentions(out, body, 'person');
    expect(ps.some((x) => x.includes('بمواقف'))).toBe(false);
    expect(ps.some((x) => x.includes('بتنفيذ'))).toBe(false);
  });

  it('إلى after a definite head is no nisba of a body name', () => {
    const body = 'وأشار تقييم اللجنة إلى ثغرات في شهادات الموظفين.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'organization')).not.toContain('اللجنة إلى');
  });

  it('"head of the X government" is a title: the nisba is the country, not the government as a body', () => {
    const body = 'وقالت رئيسة الحكومة الزاندرية ليلى مراد إن الاتفاق متوازن. ورفضت الحكومة الزاندرية الاتهامات.';
    const out = enrich(body, 'ar');
    const orgs = mentions(out, body, 'organization');
    expect(orgs).toEqual(['الحكومة الزاندرية']); // only the second, a subject of its own
    expect(mentions(out, body, 'country')).toContain('الزاندرية');
    expect(out.claims.find((c) => c.text.startsWith('الاتفاق'))?.speaker.name).toBe('ليلى مراد');
  });
});

describe('generic definite heads with only a country adjective (issue 11, third Arabic pass)', () => {
  it('"القوات الزاندرية" and "الوكالة الزاندرية" describe bodies; the adjective is the country', () => {
    const body = 'وقالت الوكالة الزاندرية إن القوات الزاندرية انسحبت من الحدود.';
    const out = enrich(body, 'ar');
    const orgs = mentions(out, body, 'organization');
    expect(orgs.some((x) => x.startsWith('القوات') || x.startsWith('الوكالة'))).toBe(false);
    expect(mentions(out, body, 'country').filter((x) => x === 'الزاندرية')).toHaveLength(2);
  });
  it('a branch adjective before the country keeps the name (القوات الجوية الزاندرية)', () => {
    const body = 'وأعلنت القوات الجوية الزاندرية أن الطائرات عادت إلى قواعدها.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body, 'organization')).toContain('القوات الجوية الزاندرية');
  });
});

describe('"المعروفة باسم" ends a description (issue 11, third Arabic pass)', () => {
  it('"مجموعة القرصنة المعروفة باسم X": the head phrase is no actor', () => {
    const body = 'وقالت الشركة إن مجموعة القرصنة المعروفة باسم "الذئب الرمادي" استهدفت خوادمها.';
    const out = enrich(body, 'ar');
    expect(mentions(out, body).some((x) => x.startsWith('مجموعة القرصنة'))).toBe(false);
  });
});

describe('a capital in construct with a place noun is the city (issue 11, third Arabic pass)', () => {
  const e2 = new Enricher({
    version: 1,
    actors: () => [{ id: 'country:GB', name: 'United Kingdom', type: 'country', aliases: ['بريطانيا', 'لندن'] }],
  });
  const run = (body: string) =>
    e2.enrich(
      { url: 'https://x.test/c', source: { name: 't' }, title: 'title', body, language: 'ar' },
      { now: new Date('2026-01-01T00:00:00Z') },
    );
  it('"بورصة لندن" and "العاصمة لندن" are the city, not the state', () => {
    const out = run('وارتفعت الأسهم في بورصة لندن أمس. وقال تجار في العاصمة لندن إن السوق هادئة.');
    expect(out.actors.filter((a) => a.type === 'country')).toEqual([]);
  });
  it('the capital acting is still the state', () => {
    const out = run('ورفضت لندن الاتهامات الموجهة إليها.');
    expect(out.actors.filter((a) => a.type === 'country').map((a) => a.name)).toEqual(['United Kingdom']);
  });
});
