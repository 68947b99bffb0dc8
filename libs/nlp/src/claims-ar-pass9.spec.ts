// Session 7 (2026-12-07), ninth Arabic pass (branch arclaims): construction families found on the dev sets and on new
// invented agency-wire articles, each tested with invented sentences (fictional people, bodies and countries); the KB is a
// small stand-in.
import { actorMentions, all, claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  {
    id: 'country:XA',
    name: 'Xandria',
    type: 'country',
    aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'زاندرية', 'Xandria'],
  },
  {
    id: 'country:VL',
    name: 'Valoria',
    type: 'country',
    aliases: ['فالوريا', 'الفالوري', 'الفالورية', 'فالوري', 'فالورية', 'Valoria'],
  },
  { id: 'country:BD', name: 'Baldoria', type: 'country', aliases: ['بالدوريا', 'البالدوري', 'البالدورية', 'Baldoria'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
  { id: 'person:sami-nasser', name: 'Sami Nasser', type: 'person', aliases: ['سامي ناصر', 'ناصر', 'Sami Nasser'] },
  { id: 'person:lina-haddad', name: 'Lina Haddad', type: 'person', aliases: ['لينا حداد', 'حداد', 'Lina Haddad'] },
  { id: 'person:hamad-bin-salem', name: 'Hamad bin Salem', type: 'person', aliases: ['الشيخ حمد بن سالم', 'حمد بن سالم'] },
  { id: 'org:nova', name: 'Nova Energy', type: 'organization', aliases: ['شركة نوفا للطاقة', 'Nova Energy'] },
  { id: 'group:north-front', name: 'North Front', type: 'group', aliases: ['جبهة الشمال', 'North Front'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان', language: 'ar' });

describe('session 7 — Arabic: a name that starts with ب is not the ب-charge', () => {
  it('"اتهمت X بالدوريا بـCHARGE": X accuses, بالدوريا is the accused; "وهو ما نفته الشركة" → the company named before', () => {
    const body =
      'أعلنت شركة نوفا للطاقة أرباحا قياسية هذا العام. واتهمت فالوريا بالدوريا بتسهيل تهرب الشركة من الضرائب، وهو ما نفته الشركة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'بتسهيل')).toEqual(['Valoria | ar-object']);
    expect(all(out)).toContain('Nova Energy | نفته | تسهيل تهرب الشركة من الضرائب');
  });

  it('a bare definite head with no body of that head named before gives no denial', () => {
    const body = 'واتهمت فالوريا بالدوريا بإغلاق المعابر، وهو ما نفته الوزارة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.filter((c) => c.verb === 'نفته')).toEqual([]);
  });
});

describe('session 7 — Arabic: "نقلت X عن ROLE BODY NAME قوله"', () => {
  it('the person after the role and its body is quoted, not the body', () => {
    const body = 'ونقلت صحيفة محلية عن عضو المكتب السياسي في جبهة الشمال عمر فايد قوله إن المفاوضات ستستأنف الأسبوع المقبل.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المفاوضات')).toEqual(['Omar Fayed | ar-quoting']);
  });
});

describe('session 7 — Arabic: فاعل participles (واصفا، نافيا، رافضا، لافتا …) speak for the sentence subject', () => {
  it('"… في وفاة Y، واصفا إياه بـ…": the subject speaks, never the antecedent of إياه', () => {
    const body = 'وأعرب عمر فايد عن تعازيه في وفاة سامي ناصر، واصفا إياه بأنه رجل دولة من الطراز الأول.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'رجل دولة')).toEqual(['Omar Fayed | ar-pronoun']);
  });

  it('with no subject but the antecedent of إياه, nothing is emitted', () => {
    const body = 'وقال عمر فايد إن الحكومة مستقرة.\n\nوتوفي سامي ناصر أمس، ونعته الصحف الزاندرية واصفة إياه بأنه رجل دولة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'رجل دولة').filter((w) => w.startsWith('Sami Nasser'))).toEqual([]);
  });

  it('a participle in a reported clause ("بيانا … أن X أعرب …، واصفا") has that clause\'s subject, not the last speaker', () => {
    const body =
      'وقال سامي ناصر إن الحوار مستمر.\n\nونقلت وكالة الأنباء الزاندرية بيانا صادرا عن جبهة الشمال أن عمر فايد أعرب عن أسفه لما حدث، واصفا الهجوم بأنه عمل جبان.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'عمل جبان')).toEqual(['Omar Fayed | ar-pronoun']);
  });
});

describe('session 7 — Arabic: "متوقعا أن" is a claim of its own', () => {
  it('a forecast participle after a statement splits off and keeps the speaker', () => {
    const body = 'وقال سامي ناصر إن الاقتصاد تعافى من الأزمة، متوقعا أن يبلغ النمو ثلاثة في المئة العام المقبل.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      'Sami Nasser | قال | الاقتصاد تعافى من الأزمة',
      'Sami Nasser | متوقعا | يبلغ النمو ثلاثة في المئة العام المقبل',
    ]);
  });
});

describe('session 7 — Arabic: a comma-set aside with a bracketed agency between the subject and من', () => {
  it('"وحذرت X، في بيان تلقت (وكالة) نسخة منه، من «…»، معتبرة أن": warn-of keeps its object', () => {
    const body = 'وحذرت جبهة الشمال، في بيان تلقت (سانا) نسخة منه، من "انهيار الهدنة"، معتبرة أن الوضع خطير.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toContain('North Front | حذرت | انهيار الهدنة');
  });
});

describe('session 7 — Arabic: a KB alias opening with الشيخ, then the family name آل X', () => {
  it('"سمو الشيخ X بن Y آل Z": the mention is the full name without the courtesy', () => {
    const body = 'وقال سمو الشيخ حمد بن سالم آل فارس إن التعاون الإقليمي ضروري.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'person')).toEqual(['حمد بن سالم آل فارس']);
    expect(who(out, 'التعاون')).toEqual(['Hamad bin Salem | ar-explicit']);
  });
});

describe('session 7 — Arabic agency wires: who speaks after a visit or a statement', () => {
  it('"من جانبه، أعرب معالي X …، وقال": an unrecognised subject after a fronted topic is refused, not the host', () => {
    const body =
      'استقبل سمو الشيخ حمد بن سالم آل فارس اليوم معالي رائد المومني وزير المياه في فالوريا.\n\nوقال حمد بن سالم إن التعاون مستمر.\n\nمن جانبه، أعرب معالي رائد المومني عن تقديره للدعم، وقال إن المشروع سيبدأ العام المقبل.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المشروع سيبدأ').filter((w) => w.startsWith('Hamad'))).toEqual([]);
  });

  it('"وعلّق نقيب X NAME على البيان …، قائلا": a response verb whose subject no rule named leaves the participle unresolved', () => {
    const body =
      'وقال عمر فايد إن الحكومة ستدفع المستحقات.\n\nوعلّق نقيب المستشفيات جميل الراعي على البيان في حديث إذاعي، قائلا إن "الدولة مدينة للمستشفيات".';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الدولة مدينة').filter((w) => w.startsWith('Omar'))).toEqual([]);
  });

  it('"ورد X على سؤال حول … بالقول إن": the occasion may sit between the subject and بالقول', () => {
    const body = 'ورد المتحدث باسم الوزارة عمر فايد على سؤال حول تمويل المشروع بالقول إن "المفاوضات بلغت مراحلها الأخيرة".';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المفاوضات بلغت')).toEqual(['Omar Fayed | ar-bil-qawl']);
  });

  it('"وأكد سموه خلال اللقاء أن": the honorific subject with an occasion phrase before the complementiser', () => {
    const body = 'استقبل سمو الشيخ حمد بن سالم آل فارس وفدا من فالوريا.\n\nوأكد سموه خلال اللقاء أن العلاقات بين البلدين متينة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'العلاقات بين البلدين')).toEqual(['Hamad bin Salem | ar-description']);
  });

  it('"وأضاف الوزير الفالوري": only a person introduced with that country; the host minister is refused', () => {
    const host =
      'واستقبل وزير الطاقة عمر فايد نظيره من فالوريا.\n\nوقال الوزير عمر فايد إن الزيارة مهمة.\n\nوأضاف الوزير الفالوري أن بلاده تعاني من عجز مائي.';
    const out1 = enrich(host);
    expect(offsetsOk(out1, host)).toBe(true);
    expect(who(out1, 'عجز مائي')).toEqual([]);
    const guest = 'والتقى وزير الطاقة الفالوري سامي ناصر وفدا زاندريا.\n\nوأضاف الوزير الفالوري أن بلاده تعاني من عجز مائي.';
    const out2 = enrich(guest);
    expect(offsetsOk(out2, guest)).toBe(true);
    expect(who(out2, 'عجز مائي')).toEqual(['Sami Nasser | ar-description']);
  });
});

describe('session 7 — Arabic: the same speaker again', () => {
  it('a one-word person mention repeated right after a reporting verb ("ولي الله سيف" … "وأوضح سيف") is that person', () => {
    const body = 'وقال محافظ البنك المركزي الزاندري ولي الله سيف إن الاحتياطات مستقرة.\n\nوأوضح سيف أن التضخم تراجع إلى خمسة في المئة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    const first = who(out, 'الاحتياطات');
    expect(first).toHaveLength(1);
    expect(who(out, 'التضخم تراجع')).toEqual(first);
  });

  it('a full stop with no space after it ("… الوزير.وأضاف") still ends the sentence; "د.X" and "دي.إيه.إن" do not', () => {
    const body = 'وقال عمر فايد إنه التقى وزير الطاقة.وأضاف أن اللقاء كان مثمرا. ونقلت خدمة دي.إيه.إن عن د.سامي ناصر قوله إن الهدنة صامدة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual([
      'Omar Fayed | أضاف | اللقاء كان مثمرا',
      'Omar Fayed | قال | التقى وزير الطاقة',
      'Sami Nasser | قوله | الهدنة صامدة',
    ]);
  });
});
