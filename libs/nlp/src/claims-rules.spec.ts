// Claim rules added for general news patterns: joint statements, subject-before-verb across قد, object-text verbs
// (وصف، رفض، اتهم ... بأن), quoted names inside the speaker phrase, participles with an object, clause cuts, and the
// English counterparts (joint subjects, "by saying", salient "the company"). Sentences are synthetic (invented people,
// bodies and events); the KB is a small stand-in.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'Xandria', 'Xandrian'] },
  { id: 'country:YB', name: 'Yberia', type: 'country', aliases: ['يبيريا', 'اليبيري', 'اليبيرية', 'Yberia', 'Yberian'] },
  { id: 'country:ZC', name: 'Zorland', type: 'country', aliases: ['زورلاند', 'Zorland'] },
  { id: 'group:front-a', name: 'Dawn Front', type: 'group', aliases: ['جبهة الفجر', 'الفجر'] },
  { id: 'group:front-b', name: 'Dusk Movement', type: 'group', aliases: ['حركة الغسق', 'الغسق'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
  { id: 'person:lina-hart', name: 'Lina Hart', type: 'person', aliases: ['لينا هارت', 'هارت', 'Lina Hart'] },
  { id: 'org:petro-union', name: 'Petro Union', type: 'organization', aliases: ['بترو يونيون', 'Petro Union'] },
  { id: 'org:gridco', name: 'Gridco', type: 'organization', aliases: ['غريدكو', 'Gridco'] },
  { id: 'org:lumen-party', name: 'Lumen Party', type: 'organization', aliases: ['Lumen Party', 'Lumen'] },
  { id: 'org:green-league', name: 'Green League', type: 'organization', aliases: ['Green League'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string, language: string) =>
  enricher.enrich(
    { url: 'https://x.test/r', source: { name: 't' }, title: 'عنوان', body, language },
    { now: new Date('2026-01-01T00:00:00Z') },
  );
type Out = ReturnType<typeof enrich>;

const claimsWith = (out: Out, needle: string) => out.claims.filter((c) => c.text.includes(needle));
const speakersOf = (out: Out, needle: string) =>
  claimsWith(out, needle)
    .map((c) => c.speaker.name)
    .sort();
const offsetsOk = (out: Out, body: string) => out.claims.every((c) => body.slice(c.start, c.end) === c.text);

describe('claims: Arabic joint statements and subject order', () => {
  it('a و-coordinated subject gives one claim per named speaker (verb first)', () => {
    const body = 'واتهمت زاندريا ويبيريا زورلاند بتمويل جماعات مسلحة على الحدود.';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    expect(speakersOf(out, 'بتمويل جماعات مسلحة')).toEqual(['Xandria', 'Yberia']);
    expect(claimsWith(out, 'بتمويل')[0].text.startsWith('زورلاند')).toBe(true);
  });

  it('a dual verb after a coordinated subject (حركتا X وY أعلنتا) gives both speakers', () => {
    const body = 'وكانت جبهة الفجر وحركة الغسق أعلنتا في بيان مشترك مساء الثلاثاء أنهما ستقاطعان الانتخابات المقبلة.';
    const out = enrich(body, 'ar');
    expect(speakersOf(out, 'ستقاطعان الانتخابات')).toEqual(['Dawn Front', 'Dusk Movement']);
  });

  it('after قد the subject precedes the verb and the actor after an accusation verb is its object', () => {
    const body = 'وكانت زاندريا قد اتهمت يبيريا بأنها تدعم المتمردين في الشمال.';
    const out = enrich(body, 'ar');
    const c = claimsWith(out, 'تدعم المتمردين');
    expect(c.map((x) => x.speaker.name)).toEqual(['Xandria']);
    expect(c[0].text.startsWith('يبيريا')).toBe(true);
  });

  it('a body inside a role phrase before the verb resolves to the titled person', () => {
    const body =
      'وقال الأمين العام لجبهة الفجر سامي دراج إن التنظيم سيواصل نشاطه. وكان الأمين العام لجبهة الفجر قد نفى الأسبوع الماضي إرسال مقاتلين إلى الخارج.';
    const out = enrich(body, 'ar');
    expect(speakersOf(out, 'إرسال مقاتلين')).toEqual(['سامي دراج']);
  });
});

describe('claims: Arabic object-text verbs', () => {
  it('وصف X Y بأنه: the object and the description are the text', () => {
    const body = 'ووصف وزير الدفاع الزاندري كريم سلوم القناة بأنها "منظمة معادية".';
    const out = enrich(body, 'ar');
    const c = claimsWith(out, 'منظمة معادية');
    expect(c.map((x) => x.speaker.name)).toEqual(['كريم سلوم']);
    expect(c[0].text.startsWith('القناة بأنها')).toBe(true);
  });

  it('رفض + a noun object is a claim; رفض الإدلاء (declining to comment) is not', () => {
    const out1 = enrich('رفضت زاندريا التقرير الأممي الذي يتهمها بانتهاك الهدنة.', 'ar');
    expect(speakersOf(out1, 'التقرير الأممي')).toEqual(['Xandria']);
    const out2 = enrich('ورفضت بترو يونيون الإدلاء بمزيد من التعليقات حول الصفقة.', 'ar');
    expect(out2.claims).toHaveLength(0);
  });

  it('a masdar (إن رفض X) and a subjunctive verb (أن ترى) are not reports', () => {
    const out = enrich('وقال فايد إن رفض يبيريا للقائمة يعد اعترافا بالخطأ، وإن زاندريا تريد أن ترى إصلاحات حقيقية في الجوار.', 'ar');
    expect(out.claims.map((c) => c.speaker.name)).toEqual(['Omar Fayed']);
  });

  it('an object-text participle speaks for the sentence subject, never for its object', () => {
    const body = 'وقال المتحدث باسم الخارجية الزاندرية، نادر حلمي، إن العقوبات "دليل على الفشل"، متهما يبيريا بـ"السعي إلى عرقلة التجارة".';
    const out = enrich(body, 'ar');
    expect(offsetsOk(out, body)).toBe(true);
    const c = claimsWith(out, 'السعي إلى عرقلة');
    expect(c.map((x) => x.speaker.name)).toEqual(['نادر حلمي']);
    expect(c[0].text.startsWith('يبيريا')).toBe(true);
    // the first claim stops before "، متهما" although a closing quote sits before the comma
    expect(claimsWith(out, 'دليل على الفشل')[0].text.includes('متهما')).toBe(false);
  });
});

describe('claims: Arabic speaker phrases with quoted names', () => {
  it('a short quoted company name inside the speaker phrase does not open the content', () => {
    const body = 'وقال الرئيس التنفيذي لشركة "غريدكو"، مازن عطار، في بيان، إن الشبكة ستعمل بكامل طاقتها الشهر المقبل.';
    const out = enrich(body, 'ar');
    const c = claimsWith(out, 'الشبكة ستعمل');
    expect(c.map((x) => x.speaker.name)).toEqual(['مازن عطار']);
  });

  it('"متحدث باسم "X"" followed by a colon quote is X\'s claim', () => {
    const body = 'وقال متحدث باسم "غريدكو" في بيان صحفي: "لقد توصلنا إلى اتفاق نهائي مع الموردين".';
    const out = enrich(body, 'ar');
    expect(speakersOf(out, 'توصلنا إلى اتفاق')).toEqual(['Gridco']);
  });

  it('"تقرير لموقع X" names X as the author, and "الموقع" later resolves to it', () => {
    const body =
      'وجاء ذلك بعد أن أفاد تقرير لموقع "ناشر" الإخباري بأن الشركة أخفت الخلل. وقالت غريدكو إنها ستراجع التقرير. وأوضح الموقع أن الموظفين علموا بالخلل منذ أشهر.';
    const out = enrich(body, 'ar');
    expect(speakersOf(out, 'أخفت الخلل')).toEqual(['ناشر']);
    expect(speakersOf(out, 'الموظفين علموا')).toEqual(['ناشر']);
  });
});

describe('claims: Arabic reporter asides and impersonal verbs', () => {
  it('the content stops before "لكنه" + a new clause', () => {
    const out = enrich('وقال فايد في مارس إنه سيدلي بشهادته أمام البرلمان لكنه رفض دعوة مشرعين أجانب.', 'ar');
    const c = claimsWith(out, 'سيدلي بشهادته');
    expect(c).toHaveLength(1);
    expect(c[0].text).toBe('سيدلي بشهادته أمام البرلمان');
  });

  it('"ويذكر أن" is the reporter\'s aside, not a claim', () => {
    const out = enrich('وقال فايد إن الحوار مستمر.\nويذكر أن زاندريا تطالب يبيريا بسحب قواتها من الحدود.', 'ar');
    expect(out.claims.map((c) => c.speaker.name)).toEqual(['Omar Fayed']);
  });
});

describe('claims: English joint subjects and descriptions', () => {
  it('"X and Y say" gives one claim per named speaker', () => {
    const body = 'The Lumen Party and the Green League say they want the full report published.';
    const out = enrich(body, 'en');
    expect(offsetsOk(out, body)).toBe(true);
    expect(speakersOf(out, 'full report published')).toEqual(['Green League', 'Lumen Party']);
  });

  it('"hit back by saying" speaks for the sentence subject', () => {
    const out = enrich('Omar Fayed hit back by saying the opposition had never read the treaty.', 'en');
    expect(speakersOf(out, 'never read the treaty')).toEqual(['Omar Fayed']);
  });

  it('"the company" is the salient company, not the last one named', () => {
    const body =
      'Gridco said on Monday it would cut 2,000 jobs. Gridco shares fell 4%. Gridco has struggled since rival Petro Union entered the market. ' +
      'The company said the cuts would save $300m a year.';
    const out = enrich(body, 'en');
    expect(speakersOf(out, 'save $300m')).toEqual(['Gridco']);
  });

  it('"X, spokeswoman for the Y said" is X\'s claim', () => {
    const out = enrich('Lina Hart, spokeswoman for the Green League said the league was aware of the site.', 'en');
    expect(speakersOf(out, 'aware of the site')).toEqual(['Lina Hart']);
  });
});

describe('claims: quoted org names and affiliations (Arabic)', () => {
  it('an org head with descriptor words before a quoted name names the quoted org, and الشركة resolves to it', () => {
    const body =
      'كشفت شركة أبحاث الأمن الرقمي "نوفاسيك" في تقرير نشرته الأربعاء أن قراصنة سرقوا بيانات ملايين المستخدمين. وتقول الشركة إن الهجمات مستمرة.';
    const out = enrich(body, 'ar');
    expect(speakersOf(out, 'سرقوا بيانات')).toEqual(['نوفاسيك']);
    expect(speakersOf(out, 'الهجمات مستمرة')).toEqual(['نوفاسيك']);
  });

  it('an unnamed unit affiliated to a named body (التابعة لـ) speaks for that body', () => {
    const body = 'قالت لجنة التحقيق التابعة لبترو يونيون، الاثنين، إن التسرب نتج عن خطأ بشري.';
    const out = enrich(body, 'ar');
    expect(speakersOf(out, 'التسرب نتج')).toEqual(['Petro Union']);
  });
});

describe('claims: English quote attribution and requests', () => {
  it('a quote is not attributed across "while" to the next clause\'s speaker', () => {
    const body = 'The Lumen Party accused the government of "selling out the coast", while the Green League said the deal was fair.';
    const out = enrich(body, 'en');
    expect(speakersOf(out, 'selling out the coast')).not.toContain('Green League');
    expect(speakersOf(out, 'the deal was fair')).toEqual(['Green League']);
  });

  it('warn/urge + object + to-infinitive is a request, not a claim', () => {
    const out = enrich('"Attackers are active," Gridco said, warning customers to change their passwords.', 'en');
    expect(claimsWith(out, 'change their passwords')).toHaveLength(0);
  });

  it("a quote after a full stop is not the previous verb's content", () => {
    const body = 'The reform was "badly designed" and costs had doubled, Lina Hart said. "Nobody asked the workers," she added.';
    const out = enrich(body, 'en');
    expect(speakersOf(out, 'costs had doubled')).toEqual(['Lina Hart']);
    expect(claimsWith(out, 'Nobody asked').map((c) => c.verb)).toEqual(['added']);
  });
});

describe('claims: English adverbials, channels and asides', () => {
  it('"said in a statement that ...": the content starts after "that"', () => {
    const out = enrich('Gridco said in a statement that it was aware of the outage.', 'en');
    expect(claimsWith(out, 'aware of the outage').map((c) => c.text)).toEqual(['it was aware of the outage']);
  });

  it('"according to" at the end of a sentence with its own reporting verb is a channel, not the speaker', () => {
    const out = enrich('Omar Fayed said on Tuesday that 12 people had been killed, according to Petro Union.', 'en');
    expect(speakersOf(out, '12 people had been killed')).toEqual(['Omar Fayed']);
  });

  it('"X and Y have both rejected" gives both speakers; "though ..." is cut', () => {
    const out = enrich('Xandria and Yberia have both rejected the allegations.', 'en');
    expect(speakersOf(out, 'the allegations')).toEqual(['Xandria', 'Yberia']);
    const out2 = enrich('Gridco said the plant would reopen in May, though it gave no date for the inspection.', 'en');
    expect(claimsWith(out2, 'reopen').map((c) => c.text)).toEqual(['the plant would reopen in May']);
  });
});

describe('claims: Arabic according-to with a locative phrase', () => {
  it('"وبحسب X في Y، فإن ..." is X\'s claim', () => {
    const out = enrich('وبحسب بترو يونيون في زاندريا، فإن الإنتاج تراجع بنسبة كبيرة.', 'ar');
    expect(speakersOf(out, 'الإنتاج تراجع')).toEqual(['Petro Union']);
  });
});

describe('claims: Arabic warn-of and anonymous witnesses', () => {
  it('"حذر X من ..." with a noun object is a claim whose text follows من', () => {
    const out = enrich('وحذر عمر فايد من "كارثة إنسانية" في الجنوب.', 'ar');
    const c = claimsWith(out, 'كارثة إنسانية');
    expect(c.map((x) => x.speaker.name)).toEqual(['Omar Fayed']);
    expect(c[0].text.startsWith('من')).toBe(false);
  });

  it('"قال شهود عيان" is an anonymous source, not an actor', () => {
    const out = enrich('وقال شهود عيان إن الانفجار هز المدينة.', 'ar');
    expect(out.claims).toHaveLength(0);
    expect(out.actors.map((a) => a.name)).not.toContain('شهود عيان');
  });
});

describe('claims: Arabic subject with an apposition, quoted subject name', () => {
  it('"X، المتحدثة باسم ...، قالت إن": the subject before the apposition speaks', () => {
    const out = enrich('لكن وكالة الأنباء الزاندرية "زنا"، المتحدثة باسم الحكومة، قالت إن المتمردين يقفون خلف الهجوم.', 'ar');
    expect(speakersOf(out, 'المتمردين يقفون')).toEqual(['زنا']);
  });

  it('"وقالت "X" إن": a quoted name right after the verb is the subject, not the content', () => {
    const out = enrich('وقالت "غريدكو" إن قرار الحكومة يضعف الاستثمار.', 'ar');
    expect(speakersOf(out, 'قرار الحكومة')).toEqual(['Gridco']);
  });
});

describe('claims: English unnamed officers of named bodies', () => {
  it('"a spokesman for the X said" / "Officials at the X said" → X', () => {
    expect(speakersOf(enrich('A spokesman for Petro Union said output would rise.', 'en'), 'output would rise')).toEqual(['Petro Union']);
    expect(speakersOf(enrich('Officials at Gridco said the plan was legal.', 'en'), 'the plan was legal')).toEqual(['Gridco']);
  });
});

describe('actors: Arabic first name + ال-surname after a reporting verb', () => {
  it('"قال جمال الفضل، ..." is a person and the speaker; group nouns are not', () => {
    const out = enrich('فقد قال سامر الحداد، وهو أحد أعضاء التنظيم السابقين، إن رفاقه سافروا إلى الخارج.', 'ar');
    expect(speakersOf(out, 'رفاقه سافروا')).toEqual(['سامر الحداد']);
    const out2 = enrich('وقال أهالي القرية إن المياه مقطوعة منذ أيام. وقالت عائلة الضحية إن التحقيق بطيء.', 'ar');
    expect(out2.claims).toHaveLength(0);
  });
});

describe('claims: English "it" after a body opening the previous sentence', () => {
  it('"X has been hit by ... competition from COUNTRY. It has said ..." → X, not the country', () => {
    const out = enrich(
      'Gridco has been hit by rising fuel costs and competition from Yberia. It has said it needs to cut 6,000 jobs.',
      'en',
    );
    expect(speakersOf(out, 'cut 6,000 jobs')).toEqual(['Gridco']);
  });
});

describe('claims: Arabic أعلن + a masdar asserting a fact', () => {
  it('أعلن مقتل / تبنيهما is a claim; أعلن فرض عقوبات / وقفا لإطلاق النار (own action) is not', () => {
    const out = enrich('وكانت جبهة الفجر وحركة الغسق أعلنتا في بيان مشترك مساء الثلاثاء تبنيهما إطلاق صواريخ على الحدود.', 'ar');
    expect(speakersOf(out, 'إطلاق صواريخ')).toEqual(['Dawn Front', 'Dusk Movement']);
    const out2 = enrich('وكانت بترو يونيون في زاندريا قد أعلنت الاثنين مقتل ثلاثة من موظفيها في الهجوم.', 'ar');
    expect(speakersOf(out2, 'مقتل ثلاثة')).toEqual(['Petro Union']);
    expect(enrich('وأعلنت زاندريا فرض عقوبات على خمس شركات.', 'ar').claims).toHaveLength(0);
    expect(enrich('وأعلنت جبهة الفجر وقفا لإطلاق النار.', 'ar').claims).toHaveLength(0);
  });
});
