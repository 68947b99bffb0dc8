// Session 6 (2026-12-07), eighth Arabic pass (branch arclaims): construction families, each with invented sentences
// (fictional people, bodies and countries); the KB is a small stand-in.
import { all, claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  {
    id: 'country:XA',
    name: 'Xandria',
    type: 'country',
    aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'زاندرية', 'زاندريون', 'Xandria'],
  },
  {
    id: 'country:VL',
    name: 'Valoria',
    type: 'country',
    aliases: ['فالوريا', 'الفالوري', 'الفالورية', 'فالوري', 'فالورية', 'فالوريون', 'Valoria'],
  },
  { id: 'country:MR', name: 'Morvia', type: 'country', aliases: ['مورفيا', 'المورفي', 'المورفية', 'مورفية', 'Morvia'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
  { id: 'person:lina-haddad', name: 'Lina Haddad', type: 'person', aliases: ['لينا حداد', 'حداد', 'Lina Haddad'] },
  { id: 'org:dalta', name: 'Dalta Ports', type: 'organization', aliases: ['موانئ دالتا', 'Dalta Ports'] },
  { id: 'org:xa-fm', name: 'Xandrian Foreign Ministry', type: 'organization', aliases: ['وزارة الخارجية الزاندرية'] },
  { id: 'group:north-front', name: 'North Front', type: 'group', aliases: ['جبهة الشمال', 'North Front'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان', language: 'ar' });

describe('session 6 — Arabic: a denial in a relative comment clause (ar-relative-denial)', () => {
  it('"اتهمت X Y بـCHARGE، الأمر الذي تنفيه Y": the denier gets the charge; the accusation stops before the clause', () => {
    const body = 'اتهمت فالوريا زاندريا بإغلاق المعابر أمام الشاحنات، الأمر الذي تنفيه زاندريا.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Valoria | اتهمت | زاندريا بإغلاق المعابر أمام الشاحنات', 'Xandria | تنفيه | إغلاق المعابر أمام الشاحنات']);
  });

  it('"وهو ما نفته X" after a verb carrying its object as a pronoun, and "الأخيرة" = the accused', () => {
    const body =
      'ويتهمها المراقبون بتمويل الفصائل المسلحة، وهو ما نفته مورفيا. وقطعت فالوريا علاقاتها مع زاندريا، متهمة زاندريا بدعم جبهة الشمال، الأمر الذي تنفيه الأخيرة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'تمويل الفصائل')).toEqual(['Morvia | ar-relative-denial']);
    expect(out.claims.find((c) => c.verb === 'نفته')?.text).toBe('تمويل الفصائل المسلحة');
    expect(out.claims.find((c) => c.verb === 'تنفيه')?.text).toBe('دعم جبهة الشمال');
    expect(out.claims.find((c) => c.verb === 'تنفيه')?.speaker.name).toBe('Xandria');
  });

  it('no accusation before the clause: nothing; a participle after the clause continues the main subject', () => {
    const body =
      'وتحدثت تقارير عن انتشار قوات على الحدود، وهو ما نفته زاندريا. واتهمت فالوريا مورفيا بخرق الهدنة، الأمر الذي تنفيه مورفيا، مؤكدة أن الهجمات مستمرة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'انتشار قوات')).toEqual([]);
    expect(who(out, 'الهجمات مستمرة')).toEqual(['Valoria | ar-pronoun']);
  });
});

describe('session 6 — Arabic: a participle after a response verb and its subject (ar-response-participle)', () => {
  it('"وختم المتحدث قائلا": the unnamed spokesman introduced with his body, not the last-named person', () => {
    const body =
      'وقال متحدث باسم وزارة الخارجية الزاندرية إن المحادثات متعثرة. وكان فايد قد زار العاصمة. وختم المتحدث قائلا: "هذه فرصة أخيرة".';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'فرصة أخيرة')).toEqual(['Xandrian Foreign Ministry | ar-response-participle']);
  });

  it('a named subject speaks; a subject that names nobody is refused', () => {
    const body = 'وعلقت لينا حداد قائلة إن الاتفاق صامد. وزار فايد الميناء أمس. وعقب أحد المحللين قائلا إن الهدنة هشة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الاتفاق صامد')).toEqual(['Lina Haddad | ar-response-participle']);
    expect(who(out, 'الهدنة هشة')).toEqual([]);
  });
});

describe('session 6 — Arabic: demands with a noun object are no statements', () => {
  it('"دعا X إلى «…»" and "تطالب X Y بالتخلي عن … «…»" give no claim; "دعا X إلى أن" still does', () => {
    const body =
      'ودعا فايد إلى "محاكمة المسؤولين عن الهجوم". وتطالب فالوريا زاندريا بالتخلي عن برنامجها "بشكل كامل". ودعت حداد إلى أن الحوار هو الطريق الوحيد.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'محاكمة المسؤولين')).toEqual([]);
    expect(who(out, 'بشكل كامل')).toEqual([]);
    expect(who(out, 'الحوار هو الطريق')).toEqual(['Lina Haddad | ar-explicit']);
  });
});

describe('session 6 — Arabic: the complement of a verb, and who is the subject', () => {
  it('"نفى X الجمعة Y وذلك بعد إعلان Z أنه …": the complementiser belongs to the occasion, the noun object is the text', () => {
    const body = 'نفت جبهة الشمال الجمعة مقتل أي من عناصرها في زاندريا وذلك بعد إعلان فالوريا أنها قتلت عشرة منهم.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'مقتل أي من عناصرها')).toEqual(['North Front | ar-object']);
    expect(who(out, 'قتلت عشرة')).toEqual([]);
  });

  it('an indefinite document noun right before the verb is its subject: no pronoun reading', () => {
    const body = 'ونفت زاندريا اليوم وجود قوات أجنبية على أراضيها وذلك في رد على تقرير أفاد أن المرتزقة ينتشرون في الجنوب.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'وجود قوات أجنبية')).toEqual(['Xandria | ar-object']);
    expect(who(out, 'المرتزقة ينتشرون')).toEqual([]);
  });
});

describe('session 6 — Arabic: blame laid with اللوم/باللائمة على (ar-blame)', () => {
  it('a finite verb with its subject, "وهي تلقي" continuing the sentence speaker, and a participle', () => {
    const body =
      'وألقت فالوريا اللوم على زاندريا في تعثر المفاوضات. وتنفي مورفيا أي تورط في الهجوم وهي تلقي اللوم على جبهة الشمال في الحادث، وشدد فايد على موقفه. وقالت حداد إن المعبر مغلق، منحية باللائمة في ذلك على الحصار الذي تفرضه زاندريا، إذ توقفت الشاحنات.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'في تعثر المفاوضات')).toEqual(['Valoria | ar-blame']);
    expect(who(out, 'أي تورط')).toEqual(['Morvia | ar-object']);
    expect(out.claims.find((c) => c.speaker.name === 'Morvia' && c.rule === 'ar-object')?.text).toBe('أي تورط في الهجوم');
    expect(who(out, 'جبهة الشمال في الحادث')).toEqual(['Morvia | ar-blame']);
    expect(who(out, 'الحصار الذي تفرضه')).toEqual(['Lina Haddad | ar-blame']);
    expect(out.claims.find((c) => c.verb === 'قالت')?.text).toBe('المعبر مغلق');
  });

  it('blame with no speaker to continue gives nothing', () => {
    const body = 'ويلقي كثيرون اللوم على الطقس في تأخر الشحنات.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims).toEqual([]);
  });
});

describe('session 6 — Arabic: dual and plural subjects', () => {
  it('a dual verb with two titled persons set off by commas: one claim each', () => {
    const body = 'وقالا وزير الدفاع الزاندري، عمر فايد، ووزيرة الخارجية الفالورية، لينا حداد، إن "المناورات ستستمر".';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المناورات ستستمر')).toEqual(['Lina Haddad | ar-joint', 'Omar Fayed | ar-explicit']);
  });

  it('a dual title before two names ("وزيرا الخارجية X وY"): the two persons, never the nationality adjectives', () => {
    const body = 'وقال وزيرا الخارجية الزاندري عمر فايد والفالورية لينا حداد إن الحل السياسي هو الطريق الوحيد.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الحل السياسي')).toEqual(['Lina Haddad | ar-joint', 'Omar Fayed | ar-explicit']);
  });

  it('a singular verb with a coordinated object in the region gets no partner', () => {
    const body = 'وقال عمر فايد في اتصال مع لينا حداد إن الأمن مهم.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الأمن مهم')).toEqual(['Omar Fayed | ar-explicit']);
  });

  it('"وأكدت تلك الدول أن" / "وقال البلدان إن": the members of the last coordinated list of countries', () => {
    const body =
      'وانتقدت دول غربية، فضلا عن فالوريا ومورفيا التي فقدت معظم الضحايا، موقف زاندريا. وأكدت تلك الدول أن الفيتو لن يوقف التحقيق. والتقى مسؤولون من زاندريا وفالوريا أمس. وقال البلدان إن الحوار ضروري.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الفيتو لن يوقف')).toEqual(['Morvia | ar-plural-anaphor', 'Valoria | ar-plural-anaphor']);
    expect(who(out, 'الحوار ضروري')).toEqual(['Valoria | ar-plural-anaphor', 'Xandria | ar-plural-anaphor']);
  });

  it('a dual description with no list of two of its kind, or a count that does not match, gives nothing', () => {
    const body = 'وزار فايد زاندريا وفالوريا ومورفيا. وقال البلدان إن الزيارة ناجحة. وأعلنت الشركتان أن الصفقة ألغيت.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الزيارة ناجحة')).toEqual([]);
    expect(who(out, 'الصفقة ألغيت')).toEqual([]);
    const body2 = 'وزار فايد زاندريا وفالوريا ومورفيا. وأكدت الدول الثلاث أن التعاون مستمر.';
    const out2 = enrich(body2);
    expect(offsetsOk(out2, body2)).toBe(true);
    expect(who(out2, 'التعاون مستمر')).toEqual([
      'Morvia | ar-plural-anaphor',
      'Valoria | ar-plural-anaphor',
      'Xandria | ar-plural-anaphor',
    ]);
  });

  it('"كتلة X" names a parliamentary bloc that speaks', () => {
    const body = 'وقالت كتلة النهضة الوطنية في بيان إن الحكومة فشلت في إدارة الأزمة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.map((c) => c.speaker.name)).toEqual(['كتلة النهضة الوطنية']);
  });
});

describe('session 6 — Arabic: unnamed officers of named bodies, issued documents, feminine duals', () => {
  it('"…، حسبما أفاد مسؤول في X": the aside names an unnamed officer of a named body → the body', () => {
    const body = 'ومن المتوقع أن تستأنف السفن رحلاتها عبر المضيق خلال الشهر المقبل، حسبما أفاد مسؤول في موانئ دالتا.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'تستأنف السفن')).toEqual(['Dalta Ports | ar-aside-after']);
  });

  it('"نفى مصدر بـX، في تصريحات خاصة، Y، مؤكدا أن …": the body denies Y, and the participle continues it', () => {
    const body =
      'وقال فايد إن الخطة سيئة. ونفى مصدر بوزارة الخارجية الزاندرية، في تصريحات خاصة، وجود أي وساطة سرية، مؤكدا أن الاتصالات "علنية بالكامل".';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out).filter((x) => !x.startsWith('Omar'))).toEqual([
      'Xandrian Foreign Ministry | مؤكدا | الاتصالات "علنية بالكامل"',
      'Xandrian Foreign Ministry | نفى | وجود أي وساطة سرية',
    ]);
  });

  it('"بحسب بيان صادر عن X، فإن …": the issuer of the statement', () => {
    const body = 'وبحسب بيان صادر عن موانئ دالتا، فإن حركة الحاويات تراجعت بنسبة عشرة في المئة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'حركة الحاويات')).toEqual(['Dalta Ports | ar-according']);
  });

  it('a feminine dual verb after "X وY قد": one claim per state', () => {
    const body = 'وكانت فالوريا ومورفيا قد حذرتا الأسبوع الماضي من "تداعيات خطيرة" على التجارة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'تداعيات خطيرة')).toEqual(['Morvia | ar-object', 'Valoria | ar-joint']);
  });
});

describe('session 6 — Arabic: who is not the speaker (precision)', () => {
  it('"وبحسب X، فقد أكد Y أن …": X relays Y, it makes no claim of its own', () => {
    const body = 'وبحسب موانئ دالتا، فقد أكد عمر فايد أمام البرلمان أن الرسوم سترتفع.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الرسوم سترتفع')).toEqual(['Omar Fayed | ar-explicit']);
  });

  it('unnamed sources set off by a comma: the actors of the aside (topics, a recipient behind two media nouns) do not speak', () => {
    const body = 'وقال مصدران، على دراية بالمحادثات مع فالوريا، لموقع شبكة "نوردواير" من العاصمة، إن زاندريا هي الأقل تعاونا.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims).toEqual([]);
  });

  it('the ل-complement of a participle of support or opposition is its object', () => {
    const body = 'وأضاف المصدر وهو مسؤول في التحالف الداعم لموانئ دالتا إن الإضراب سينتهي قريبا.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الإضراب سينتهي')).toEqual([]);
  });

  it('a nationality adjective of an unnamed non-state group names no speaker; "X officials" still name the country', () => {
    const body =
      'واعترفت شركات طيران زاندرية علانية أنها استفادت من الدعم. وقال خبراء فالوريون إن الاقتصاد يتباطأ. وقال مسؤولون زاندريون إن المحادثات مستمرة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'استفادت من الدعم')).toEqual([]);
    expect(who(out, 'الاقتصاد يتباطأ')).toEqual([]);
    expect(who(out, 'المحادثات مستمرة')).toEqual(['Xandria | ar-explicit']);
  });
});
