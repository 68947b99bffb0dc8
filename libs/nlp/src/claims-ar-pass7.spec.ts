// Issue 11, seventh Arabic pass (branch arclaims): construction families, each with invented sentences (fictional
// people, bodies and countries); the KB is a small stand-in.
import { all, claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  {
    id: 'country:XA',
    name: 'Xandria',
    type: 'country',
    aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'زاندرية', 'Xandria'],
  },
  { id: 'country:VL', name: 'Valoria', type: 'country', aliases: ['فالوريا', 'الفالوري', 'الفالورية', 'فالورية', 'Valoria'] },
  { id: 'country:MR', name: 'Morvia', type: 'country', aliases: ['مورفيا', 'المورفي', 'المورفية', 'مورفية', 'Morvia'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
  { id: 'person:lina-haddad', name: 'Lina Haddad', type: 'person', aliases: ['لينا حداد', 'حداد', 'Lina Haddad'] },
  { id: 'org:dalta', name: 'Dalta Ports', type: 'organization', aliases: ['موانئ دالتا', 'Dalta Ports'] },
  { id: 'org:nordwire', name: 'Nordwire', type: 'organization', aliases: ['نوردواير', 'Nordwire'] },
  { id: 'org:unx', name: 'United Xations', type: 'organization', aliases: ['الأمم المتحالفة', 'United Xations'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان', language: 'ar' });

describe('issue 11 round 7 — Arabic: a participle after an opening verb whose subject no rule resolved', () => {
  it('refuses rather than taking an actor named in the content or the object', () => {
    const body =
      'وقال فايد إن الميناء مغلق. وذكر مسؤول عسكري أن الاستعدادات بدأت. وقال المسؤول الثاني إنه لا توجد خطة حتى يأمر الرئيس فايد الجيش بالتحرك، مؤكدا أنه لا شيء مؤكد الآن. ونقل الباحث عن سكان في زاندريا قولهم إن القصف استمر، مشيرا إلى أن فريقه لم يجد أدلة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'لا شيء مؤكد')).toEqual([]);
    expect(who(out, 'فريقه لم يجد')).toEqual([]);
  });

  it('keeps a participle whose opening subject is resolved (a name, a role the story named before)', () => {
    const body =
      'وقالت حداد إن المحادثات مستمرة، مضيفة أن الاتفاق قريب. وأوضحت الوزيرة الفالورية أن الاجتماع انتهى، مشيرة إلى أن الوفد غادر.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الاتفاق قريب')).toEqual(['Lina Haddad | ar-pronoun']);
    expect(who(out, 'الوفد غادر')).toEqual(['Lina Haddad | ar-pronoun']);
  });
});

describe("issue 11 round 7 — Arabic: a relative clause's verb has the antecedent as subject", () => {
  it('"X وY التي تتهم Z بـ…": one claim per coordinated antecedent, the actor after the verb is the object', () => {
    const body = 'وحظي القرار بدعم فالوريا ومورفيا التي تتهم المتمردين الزاندريين بإسقاط الطائرة فوق الحدود.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'بإسقاط الطائرة')).toEqual(['Morvia | ar-object', 'Valoria | ar-joint']);
    expect(out.claims.every((c) => c.text.startsWith('المتمردين'))).toBe(true);
  });

  it('a country adjective in a title phrase before الذي is left to the titled person', () => {
    const body = 'وانتقد الوزير الزاندري الذي يتهم فالوريا بخرق الهدنة الموقف الدولي.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'بخرق الهدنة').some((x) => x.startsWith('Xandria'))).toBe(false);
    expect(who(out, 'بخرق الهدنة').some((x) => x.startsWith('Valoria'))).toBe(false);
  });
});

describe('issue 11 round 7 — Arabic: a source closing the sentence without a comma', () => {
  it('"… بحسب X." / "… وفقا لتقديرات X." / "…، حسب وكالة «X»." / "… بحسب ما أعلنت مصادر زاندرية."', () => {
    const body =
      'وسقط عشرون قتيلا في القصف بحسب الأمم المتحالفة. وقتل أكثر من ألف شخص منذ بدء القتال وفقا لتقديرات الأمم المتحالفة. ويسعى فايد إلى تهدئة التوتر في المنطقة، حسب وكالة «نوردواير». وتوفي شاب متأثرا بجراحه قرب الحدود بحسب ما أعلنت مصادر زاندرية.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'عشرون قتيلا')).toEqual(['United Xations | ar-according-end']);
    expect(who(out, 'أكثر من ألف')).toEqual(['United Xations | ar-according-end']);
    expect(who(out, 'تهدئة التوتر')).toEqual(['Nordwire | ar-according-end']);
    expect(who(out, 'متأثرا بجراحه')).toEqual(['Xandria | ar-aside-after']);
  });

  it('"وفقا/طبقا لـX" without a comma and without a figures noun is "in accordance with": no claim; nor a source mid-sentence', () => {
    const body =
      'وستنسحب القوات من المدينة وفقا لموانئ دالتا. وتعمل اللجنة طبقا للأمم المتحالفة. وقال فايد بحسب نوردواير إن المعبر مغلق. ونقلت الشحنة بحسب الخطة إلى الميناء.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'القوات من المدينة')).toEqual([]);
    expect(who(out, 'اللجنة')).toEqual([]);
    expect(who(out, 'المعبر مغلق')).toEqual(['Omar Fayed | ar-explicit']);
    expect(who(out, 'الشحنة')).toEqual([]);
  });

  it('"وفقا لـX، …" at a sentence start keeps its verb whole', () => {
    const body = 'وفقا لنوردواير، فإن المفاوضات ستستأنف الأسبوع المقبل.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Nordwire | وفقا | المفاوضات ستستأنف الأسبوع المقبل']);
  });
});

describe('issue 11 round 7 — Arabic: an honorific standing for the pronoun subject', () => {
  it('"وأكد سموه أن" / "وأضافت معاليها أن" continue the person; refused when the last speaker is a body', () => {
    const body =
      'وقال الشيخ عمر فايد إن الحادث خطير. وأكد سموه أن التحقيق سيبدأ فورا. وقالت لينا حداد إن الوزارة مستعدة. وأضافت معاليها أن الميزانية كافية. وقالت موانئ دالتا إن الأرصفة مغلقة. وأكد سموه أن السفن ستنتظر.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'التحقيق سيبدأ')).toEqual(['Omar Fayed | ar-description']);
    expect(who(out, 'الميزانية كافية')).toEqual(['Lina Haddad | ar-description']);
    expect(who(out, 'السفن ستنتظر').some((x) => x.startsWith('Dalta'))).toBe(false);
  });
});

describe("issue 11 round 7 — Arabic: coordinated bodies with their head nouns, and the reporter's occasion cut", () => {
  it('"كل من شركة «X» وشركة «Y» … أنهما": one claim per body', () => {
    const body = 'وأعلنت كل من شركة الشحن الزاندرية «نوردواير» وشركة «موانئ دالتا» الفالورية أنهما تعتزمان تقليص أعمالهما في مورفيا.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'تقليص أعمالهما')).toEqual(['Dalta Ports | ar-joint', 'Nordwire | ar-explicit']);
  });

  it('"… وذلك بعد/خلال …" ends the content, also without a comma; inside a quotation it stays', () => {
    const body =
      'وقال فايد إن زاندريا ترحب بالشركات الأجنبية وستحمي استثماراتها وذلك بعد اجتماع مع الوفد الفالوري. وقالت حداد: «سنواصل العمل وذلك خلال الأسابيع المقبلة».';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.find((c) => c.speaker.name === 'Omar Fayed')!.text).toBe('زاندريا ترحب بالشركات الأجنبية وستحمي استثماراتها');
    expect(out.claims.find((c) => c.speaker.name === 'Lina Haddad')!.text).toBe('سنواصل العمل وذلك خلال الأسابيع المقبلة');
  });
});

describe('issue 11 round 7 — Arabic: who is not the speaker', () => {
  it('a coordinated verb after an opening clause whose subject no rule resolved is refused', () => {
    const body =
      'وقال فايد إن الحوار ضروري. وكانت منظمات حقوقية قد حثت الدول الأعضاء في الأمم المتحالفة على رفض الترشيح، وقالت إن اختيار مورفيا يثير مخاوف.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'يثير مخاوف')).toEqual([]);
  });

  it('a short quoted name right after the verb is the (unrecognised) subject, not the content', () => {
    const body = 'وقالت حداد إن الجائزة أرجئت. وأشارت «هاآرتس» إلى أن الناشطة كانت من بين المعتقلين.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الناشطة كانت')).toEqual([]);
  });

  it('an aside on the source inside the speaker region: the speaker is before it', () => {
    const body = 'وقال عمر فايد إن الأموال مجمدة. وأوضح فايد حسبما نقل عنه التلفزيون الزاندري أن المبلغ لا يتجاوز مليارا.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'المبلغ لا يتجاوز')).toEqual(['Omar Fayed | ar-explicit']);
  });

  it('"X أبلغ Y أن": the subject before a tell verb speaks, the actor after it is the addressee', () => {
    const body = 'وأكد مصدر مطلع أن عمر فايد أبلغ لينا حداد أن زاندريا سترسل فرقا إلى الحدود.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'سترسل فرقا')).toEqual(['Omar Fayed | ar-explicit']);
  });

  it('"وتتهم السلطات الزاندرية X بـ…": the authorities stand for their country; the body after them is the object', () => {
    const body = 'وتتهم السلطات الزاندرية موانئ دالتا، بتهريب الأسلحة عبر الحدود وبأنها "تسيطر" على المعابر.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'بتهريب الأسلحة')).toEqual(['Xandria | ar-explicit']);
    expect(who(out, 'تسيطر').some((x) => x.startsWith('Dalta'))).toBe(false);
  });
});

describe('issue 11 round 7 — Arabic: statements the earlier rules lost', () => {
  it('"اتهمت X Y بـ… وقالت إن …": the coordinated verb opens its own claim, also without a comma', () => {
    const body = 'اتهمت الحكومة الزاندرية المتمردين باستهداف مواقعها بقصف عنيف وقالت إن مؤشرات تدل على تصعيد الصراع.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.map((c) => c.text)).toEqual(['المتمردين باستهداف مواقعها بقصف عنيف', 'مؤشرات تدل على تصعيد الصراع']);
    expect(new Set(out.claims.map((c) => c.speaker.name)).size).toBe(1);
  });

  it('"ووصف قصف المتمردين بأنه …" continues the speaker of the previous sentence; an unknown plural subject is refused', () => {
    const body = 'وقال فايد إن الهدنة انهارت. ووصف قصف المتمردين في الساعات الأخيرة بأنه الأعنف منذ شهور. ووصف مراقبون الوضع بأنه خطير.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الأعنف')).toEqual(['Omar Fayed | ar-pronoun']);
    expect(out.claims.find((c) => c.text.includes('الأعنف'))!.text.startsWith('قصف المتمردين')).toBe(true);
    expect(who(out, 'الوضع')).toEqual([]);
  });

  it('a bare definite head noun is the body named earlier with that first word, else refused', () => {
    const body = 'قدمت الخطوط الجوية الزاندرية ردا مفصلا. وأوضحت الخطوط أن حصتها السوقية ستتغير. وأوضحت السكك أن القطارات متوقفة.';
    const kb: KbActor[] = [...KB, { id: 'org:xair', name: 'Xandrian Airways', type: 'organization', aliases: ['الخطوط الجوية الزاندرية'] }];
    const out = claimsHarness(kb, { title: 'عنوان', language: 'ar' })(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'حصتها السوقية')).toEqual(['Xandrian Airways | ar-description']);
    expect(who(out, 'القطارات')).toEqual([]);
  });

  it('"حذرت X Y من …": the warned party and the warning are the content; "، إلا أن ذلك" is the reporter\'s', () => {
    const body = 'وكانت زاندريا حذرت مؤخرا فالوريا من التوسع في المنطقة، إلا أن ذلك لم يمنع تقدم قواتها.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Xandria | حذرت | فالوريا من التوسع في المنطقة']);
  });

  it('"وقالت X: إن "…" يمتد بعد علامة الحذف": the quotation after إن is the content', () => {
    const body = 'وقالت موانئ دالتا في بيان: إن "المجلس اجتمع مع الخبراء... وبعد مشاورات طويلة قرر إغلاق الرصيف". وغادر الوفد.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Dalta Ports | قالت | المجلس اجتمع مع الخبراء... وبعد مشاورات طويلة قرر إغلاق الرصيف']);
  });
});

describe('issue 11 round 7 — Arabic: lexicon (مبينا، انتقد; no object reading of اعتبر)', () => {
  it('"منتقدا «…»" and "انتقدت X ترشح Y" are claims; "مبينا أن" continues; "تعتبر X Y" (passive/designation) is none', () => {
    const body =
      'وتعتبر زاندريا منعطفا هاما للمنطقة. وانتقدت نوردواير ترشح مورفيا للمجلس. وقالت حداد إن الموانئ مفتوحة، مبينة أن السفن تصل يوميا، منتقدة «التهويل الإعلامي» ضد زاندريا.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'منعطفا هاما')).toEqual([]);
    expect(who(out, 'ترشح مورفيا')).toEqual(['Nordwire | ar-object']);
    expect(who(out, 'السفن تصل')).toEqual(['Lina Haddad | ar-pronoun']);
    expect(who(out, 'التهويل الإعلامي')).toEqual(['Lina Haddad | ar-pronoun']);
  });

  it('"بين" (between) and "تبين أن" (it emerged) are no reporting verbs; a title that names nobody leaves the object alone', () => {
    const body =
      'وقال فايد إن الحوار مستمر. وتبين أن الشحنة وصلت. وبينت الأرقام أن الصادرات تراجعت. وجرى اللقاء بين الوفدين أن يتفقا. واعتبر وزير الخارجية الفالوري وفاة عمر فايد خسارة كبيرة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الشحنة وصلت')).toEqual([]);
    expect(who(out, 'الصادرات تراجعت')).toEqual([]);
    expect(who(out, 'يتفقا')).toEqual([]);
    expect(who(out, 'خسارة كبيرة').some((x) => x.startsWith('Omar Fayed'))).toBe(false);
  });
});

describe("issue 11 round 7 — Arabic: a participle's subject is never inside the content or a prepositional phrase", () => {
  it('refuses the recipient of a report and an actor after the complementiser; keeps the subject before the verb', () => {
    const body =
      'وفي سياق متصل، فإن الخطوط الفالورية أوضحت في التقرير الذي قدمته لموانئ دالتا، عددا من المتغيرات، مبينة أنها ليست نتيجة المنافسة. وركزت على أن زاندريا تريد تقسيم المنطقة، مبينة أن الجوار لديه خطط. وكانت موانئ دالتا أوضحت في بيان لها عددا من النقاط، مبينة أن الأرصفة مغلقة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'ليست نتيجة')).toEqual([]);
    expect(who(out, 'الجوار لديه').some((x) => x.startsWith('Xandria'))).toBe(false);
    expect(who(out, 'الأرصفة مغلقة')).toEqual(['Dalta Ports | ar-pronoun']);
  });
});

describe('issue 11 round 7 — Arabic: a describe verb whose speaker carries comma-set asides', () => {
  it('"ووصف X، مدير …، في تعليق له، Y بأنه …": the object after the last aside opens the text', () => {
    const body = 'ووصف عمر فايد، مدير الشؤون الدولية في موانئ دالتا، في تعليق له على تويتر، التصويت بأنه "مهزلة".';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(all(out)).toEqual(['Omar Fayed | وصف | التصويت بأنه "مهزلة"']);
  });
});

describe('issue 11 round 7 — Arabic: a denial opening a clause of the same sentence', () => {
  it('"…، فيما نفت الادعاءات بأن …" continues the sentence\'s speaker; a subject after the verb is its own', () => {
    const body =
      'وأوضحت موانئ دالتا أن حصتها السوقية ستتغير، فيما نفت الادعاءات بأن خدماتها تضر بالمنافسين. وقالت حداد إن السوق مفتوحة، فيما نفت زاندريا الاتهامات بأنها تدعم الشركة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'تضر بالمنافسين')).toEqual(['Dalta Ports | ar-pronoun']);
    expect(out.claims.find((c) => c.text.includes('تضر بالمنافسين'))!.text.startsWith('الادعاءات')).toBe(true);
    expect(who(out, 'تدعم الشركة').some((x) => x.startsWith('Lina'))).toBe(false);
  });
});
