// Actors, session 6 (issue 11, ADR 0017): families found with invented articles in the styles of Saudi protocol,
// Egyptian court and party, Gulf market and pan-Arab London news, and of English business and regulator news. Every
// sentence is invented (fictional people and firms); the KB is a small stand-in with the shapes the real one has.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';
import { actorMentions } from './claims-spec-support';

const KB: KbActor[] = [
  { id: 'country:EG', name: 'Egypt', type: 'country', aliases: ['مصر', 'المصري', 'المصرية', 'القاهرة', 'Egypt', 'Cairo'] },
  { id: 'country:SA', name: 'Saudi Arabia', type: 'country', aliases: ['السعودية', 'السعودي', 'الرياض', 'Saudi Arabia'] },
  { id: 'country:GB', name: 'United Kingdom', type: 'country', aliases: ['بريطانيا', 'لندن', 'London', 'Britain'] },
  { id: 'country:SG', name: 'Singapore', type: 'country', aliases: ['Singapore'] },
  { id: 'country:IN', name: 'India', type: 'country', aliases: ['India'] },
  { id: 'country:ID', name: 'Indonesia', type: 'country', aliases: ['Indonesia', 'Jakarta'] },
  { id: 'country:SY', name: 'Syria', type: 'country', aliases: ['سوريا', 'السوري'] },
  { id: 'country:US', name: 'United States', type: 'country', aliases: ['الأمريكية', 'الولايات المتحدة'] },
  { id: 'person:khaled-meshaal', name: 'Khaled Meshaal', type: 'person', aliases: ['خالد مشعل', 'مشعل'] },
  { id: 'person:condoleezza-rice', name: 'Condoleezza Rice', type: 'person', aliases: ['كوندوليزا رايس', 'رايس'] },
  { id: 'person:liz-truss', name: 'Liz Truss', type: 'person', aliases: ['ليز تراس', 'تراس'], ambiguousAliases: ['تراس'] } as KbActor,
  { id: 'person:osama-bin-laden', name: 'Osama bin Laden', type: 'person', aliases: ['أسامة بن لادن', 'بن لادن'] },
  { id: 'org:saudi-aramco', name: 'Saudi Aramco', type: 'organization', aliases: ['أرامكو السعودية', 'أرامكو'] },
  { id: 'org:egyptian-government', name: 'Egyptian government', type: 'organization', aliases: ['الحكومة المصرية'] },
  { id: 'org:us-state-department', name: 'US State Department', type: 'organization', aliases: ['وزارة الخارجية الأمريكية'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string, language = 'ar') =>
  enricher.enrich(
    { url: 'https://x.test/a', source: { name: 't' }, title: 'title', body, language },
    { now: new Date('2026-01-01T00:00:00Z') },
  );
const sorted = (xs: string[]) => [...xs].sort();

describe('patronymic chains are one person (session 6)', () => {
  it('NAME بن NAME بن NAME: a one-word KB person inside the chain is not that person', () => {
    const body = 'واستقبل الأمير نواف بن مشعل بن عبدالله وفد الغرفة.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'person')).toEqual(['نواف بن مشعل بن عبدالله']);
  });
  it('the given name before بن is kept even when it is also a title or a common word (مساعد، سلطان)', () => {
    const body = 'وحضر الدكتور مساعد بن فهد القرني، وقال رئيس الجمعية سلطان بن علي الزهراني إن الموسم ناجح.';
    const out = enrich(body);
    expect(sorted(actorMentions(out, body, 'person'))).toEqual(sorted(['مساعد بن فهد القرني', 'سلطان بن علي الزهراني']));
  });
  it('a family name without the nisba ending closes the chain before a title (الفيصل); a day or an object does not', () => {
    const body =
      'وقال الأمير تركي بن خالد الفيصل أمير المنطقة إن الموسم ناجح، والتقى عبدالله بن سالم الأحد الوفد، وافتتح الأمير نايف بن سعد المعرض، بحضور الوفد.';
    const out = enrich(body);
    expect(sorted(actorMentions(out, body, 'person'))).toEqual(sorted(['تركي بن خالد الفيصل', 'عبدالله بن سالم', 'نايف بن سعد']));
  });
  it('a KB person written as a chain keeps its identity', () => {
    const body = 'وقتل أسامة بن لادن في عملية عسكرية.';
    const out = enrich(body);
    expect(out.actors.find((a) => a.type === 'person')?.id).toBe('person:osama-bin-laden');
  });
});

describe('a KB surname read through a proclitic inside a foreign name (session 6)', () => {
  it('"نيد برايس" is not ب + رايس; "اتصل الرئيس برايس" still is', () => {
    const a = 'وقال المتحدث جيم برايس إن الاجتماع تأجل.';
    expect(enrich(a).actors.some((x) => x.id === 'person:condoleezza-rice')).toBe(false);
    const b = 'واتصل الرئيس برايس أمس.';
    expect(enrich(b).actors.some((x) => x.id === 'person:condoleezza-rice')).toBe(true);
  });
});

describe('a KB alias that is a protocol verb (session 6)', () => {
  it('ترأس ("chaired") folds like تراس: no Liz Truss without a name context; with one she stays', () => {
    expect(enrich('ترأس الأمير الاجتماع أمس.').actors.some((a) => a.id === 'person:liz-truss')).toBe(false);
    expect(enrich('وقالت ليز تراس إن الاتفاق قريب، وأضافت تراس أن').actors.some((a) => a.id === 'person:liz-truss')).toBe(true);
  });
});

describe('titles and name spans (session 6)', () => {
  it('an honorific after a body name ends the body (جامعة X الدكتور Y)', () => {
    const body = 'واستقبل مدير جامعة الجوف الدكتور ماهر بن سعد العتيبي الطلاب.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'organization')).toEqual(['جامعة الجوف']);
    expect(actorMentions(out, body, 'person')).toEqual(['ماهر بن سعد العتيبي']);
  });
  it('a staff rank after a military title is no name (العميد ركن X)', () => {
    const body = 'وأكد العميد ركن فارس الدوسري أن الطائرات عادت.';
    expect(actorMentions(enrich(body), body, 'person')).toEqual(['فارس الدوسري']);
  });
  it('a compound given name with الدين after a title stays whole', () => {
    const body = 'وأوضح اللواء علاء الدين منصور، مدير الأمن، أن الحملة مستمرة.';
    expect(actorMentions(enrich(body), body, 'person')).toEqual(['علاء الدين منصور']);
  });
  it('"المتحدث باسم قوات X" names no person قوات X', () => {
    const body = 'وقال المتحدث باسم قوات الحماية العقيد نادر سالم إن الهدنة صامدة.';
    const ps = actorMentions(enrich(body), body, 'person');
    expect(ps).toEqual(['نادر سالم']);
  });
  it('an imperfect verb after a title is no name (وزير الصحة يدشن)', () => {
    const body = 'وزير الإسكان يدشن مشروعا جديدا في المدينة.';
    expect(actorMentions(enrich(body), body, 'person')).toEqual([]);
  });
});

describe('bodies of court, party and market news (session 6)', () => {
  it('a court with a capital in its name is the court, not the state; النيابة العامة is a body', () => {
    const body = 'وأحالت النيابة العامة المتهمين إلى محكمة جنح القاهرة.';
    const out = enrich(body);
    expect(sorted(actorMentions(out, body, 'organization'))).toEqual(sorted(['النيابة العامة', 'محكمة جنح القاهرة']));
    expect(actorMentions(out, body, 'country')).toEqual([]);
  });
  it('هيئة المحكمة / هيئة الدفاع are panels, not bodies', () => {
    const body = 'وقررت هيئة المحكمة التأجيل، وقالت هيئة الدفاع إنها ستطعن.';
    expect(actorMentions(enrich(body), body, 'organization')).toEqual([]);
  });
  it('an Egyptian district (في مركز X، لمركز X) is a place', () => {
    const body = 'وانتهت المحافظة من رصف الطرق في مركز طامية، وفي قرية تابعة لمركز سنورس بمحافظة الفيوم.';
    expect(actorMentions(enrich(body), body, 'organization')).toEqual([]);
  });
  it('a chamber of commerce is a body, a room is not', () => {
    const body = 'وقالت غرفة حائل إن السجلات زادت، ودخل الضباط غرفة العمليات.';
    expect(actorMentions(enrich(body), body, 'organization')).toEqual(['غرفة حائل']);
  });
  it('a bank named by a family is a body; الائتلاف + adjectives after a title too', () => {
    const body = 'وارتفع سهم مصرف الجزيرة، وقال رئيس الائتلاف الوطني السوري إن الحوار متوقف.';
    const orgs = actorMentions(enrich(body), body, 'organization');
    expect(orgs).toContain('مصرف الجزيرة');
    expect(orgs).toContain('الائتلاف الوطني السوري');
  });
});

describe('outlets and short names (session 6)', () => {
  it('«X» after لـ or مع with a statement before it is the outlet spoken to', () => {
    const body =
      'وقال المحلل عبدالله القحطاني لـ«الأسواق اليوم» إن المؤشر سيرتفع، وقال الوزير في اتصال مع «النهار الجديد» إن الهدنة انتهت.';
    expect(sorted(actorMentions(enrich(body), body, 'organization'))).toEqual(sorted(['الأسواق اليوم', 'النهار الجديد']));
  });
  it('not after a support phrase (دعما لـ«مصر»)', () => {
    const body = 'خرجت المسيرة دعما لـ«مصر» في المحافل.';
    expect(actorMentions(enrich(body), body, 'country')).toEqual(['مصر']);
  });
  it('FULL NAME (SHORT) is one body, the KB actor kept', () => {
    const body = 'وأعلنت شركة الزيت العربية السعودية (أرامكو السعودية) أرباحها، وقالت هيئة الرقابة المالية (رقابة) إن التحقيق مستمر.';
    const out = enrich(body);
    const aramco = out.actors.find((a) => a.id === 'org:saudi-aramco');
    expect(aramco?.mentions.map((m) => m.text)).toEqual(['شركة الزيت العربية السعودية', 'أرامكو السعودية']);
    const other = out.actors.find((a) => a.mentions.some((m) => m.text === 'رقابة'));
    expect(other?.mentions.map((m) => m.text)).toEqual(['هيئة الرقابة المالية', 'رقابة']);
  });
  it('a country adjective closing a KB body still names the country', () => {
    const body = 'وانتقد النائب الحكومة المصرية، وقالت وزارة الخارجية الأمريكية إن الحوار مستمر.';
    expect(sorted(actorMentions(enrich(body), body, 'country'))).toEqual(sorted(['المصرية', 'الأمريكية']));
  });
  it('a dateline or byline line opening the body is no actor', () => {
    const a = 'لندن: «الصباح العربي»\n\nقال مسؤول إن الاجتماع تأجل.';
    expect(enrich(a).actors).toEqual([]);
    const b = 'كتب حسام فوزي\n\nقضت المحكمة بتأجيل الجلسة.';
    expect(actorMentions(enrich(b), b, 'person')).toEqual([]);
  });
  it('a one-line lead sentence is not taken for a dateline', () => {
    const body = 'قال وزير الخارجية السعودي: لا تفاوض\n\nوأضاف أن الحوار متوقف.';
    expect(actorMentions(enrich(body), body, 'country')).toEqual(['السعودي']);
  });
});

describe('English organisation names (session 6)', () => {
  it('"<body> of <country>" is one name, the country kept; a title-case short name in brackets joins it', () => {
    const body = 'The Reserve Bank of India (RBI) held rates. The Fisheries and Marine Authority of Singapore said stocks fell. RBI said.';
    const out = enrich(body, 'en');
    const orgs = actorMentions(out, body, 'organization');
    expect(orgs).toContain('Reserve Bank of India');
    expect(orgs).toContain('Fisheries and Marine Authority of Singapore');
    expect(sorted(actorMentions(out, body, 'country'))).toEqual(['India', 'Singapore']);
    const rbi = out.actors.find((a) => a.name === 'Reserve Bank of India');
    expect(rbi?.mentions.map((m) => m.text)).toEqual(['Reserve Bank of India', 'RBI', 'RBI']);
  });
  it('"Department for X (Defra)": a title-case short name only after a body', () => {
    const body = 'The Department for Coastal Affairs (Decaf) said it would respond. The figures (Annex) were late.';
    const out = enrich(body, 'en');
    const d = out.actors.find((a) => a.mentions.some((m) => m.text === 'Decaf'));
    expect(d?.mentions.map((m) => m.text)).toEqual(['Department for Coastal Affairs', 'Decaf']);
    expect(out.actors.some((a) => a.mentions.some((m) => m.text === 'Annex'))).toBe(false);
  });
  it('staff at a firm before a reporting verb: the employer, not a place', () => {
    const body = 'Analysts at Marlow Partners said the deal could slip.';
    expect(actorMentions(enrich(body, 'en'), body, 'organization')).toEqual(['Marlow Partners']);
  });
  it('a sector word closing a name makes a firm; alone it does not', () => {
    const body = 'Records held by Riverside Water and Tamber Shipping were checked. Water levels fell.';
    expect(sorted(actorMentions(enrich(body, 'en'), body, 'organization'))).toEqual(['Riverside Water', 'Tamber Shipping']);
  });
  it('an unknown outlet in a dateline is an actor; a capital before "-based" is a place', () => {
    const body = 'SINGAPORE (Quaylight) - The Jakarta-based group Arunta Prima said sales rose.';
    const out = enrich(body, 'en');
    expect(actorMentions(out, body, 'organization')).toContain('Quaylight');
    expect(actorMentions(out, body, 'country')).toEqual([]);
  });
});
