// Issue 11, fourth Arabic pass (branch ar-extract2): construction families, each with invented sentences (fictional
// people, bodies and countries); the KB is a small stand-in.
import { claimsHarness, offsetsOk, who } from './claims-spec-support';
import type { KbActor } from '@marsad/contracts';
import { arConditionalVerb } from './claims/ar/reporting';

const KB: KbActor[] = [
  { id: 'country:XA', name: 'Xandria', type: 'country', aliases: ['زاندريا', 'الزاندري', 'الزاندرية', 'زاندري', 'Xandria'] },
  { id: 'person:omar-fayed', name: 'Omar Fayed', type: 'person', aliases: ['عمر فايد', 'فايد', 'Omar Fayed'] },
  { id: 'person:sami-nassar', name: 'Sami Nassar', type: 'person', aliases: ['سامي نصار', 'Sami Nassar'] },
  // a person whose first name folds like the complementiser بأن
  { id: 'person:ban-soo-jin', name: 'Ban Soo-jin', type: 'person', aliases: ['بان سو جين', 'Ban Soo-jin'] },
  // one-word aliases that are also common words (ADR 0003: listed in ambiguousAliases)
  {
    id: 'group:wifaq',
    name: 'Wifaq Movement',
    type: 'group',
    aliases: ['وفاق', 'حركة وفاق', 'Wifaq'],
    ambiguousAliases: ['وفاق'],
  } as KbActor,
  {
    id: 'person:salim-al-qalb',
    name: 'Salim al-Qalb',
    type: 'person',
    aliases: ['سليم القلب', 'القلب'],
    ambiguousAliases: ['القلب'],
  } as KbActor,
  {
    id: 'org:progressives',
    name: 'Progressive Party',
    type: 'organization',
    aliases: ['حزب التقدميين', 'التقدميين', 'التقدميون'],
    ambiguousAliases: ['التقدميين', 'التقدميون'],
  } as KbActor,
  { id: 'org:unity-party', name: 'Unity Party', type: 'organization', aliases: ['حزب الوحدة', 'الوحدويين'] },
];
const enrich = claimsHarness(KB, { title: 'عنوان', language: 'ar' });
const actorIds = (out: ReturnType<typeof enrich>) => out.actors.map((a) => a.id);

describe('issue 11 — Arabic: a person name whose first word folds like a complementiser', () => {
  it('"وقال بان سو جين إن" gives the named person, not the content "سو جين إن …" of the previous speaker', () => {
    const body = 'وقال عمر فايد إن الاجتماع انتهى دون اتفاق. وقال بان سو جين إن الحكومة سترد على الرسالة قريبا.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'الحكومة سترد')).toEqual(['Ban Soo-jin | ar-explicit']);
    expect(out.claims.some((c) => c.text.startsWith('سو جين'))).toBe(false);
  });

  it('a real بأن after a reporting verb still opens the content', () => {
    const body = 'وصرح عمر فايد بأن المحادثات ستستأنف الشهر المقبل.';
    const out = enrich(body);
    expect(who(out, 'المحادثات ستستأنف')).toEqual(['Omar Fayed | ar-explicit']);
  });
});

describe('issue 11 — Arabic: إن before a verb is the conditional "if", not the complementiser', () => {
  it('recognises verbs that open a clause and leaves nouns alone', () => {
    expect(['استمر', 'استمرت', 'استخدموا', 'لم', 'كان', 'تم'].map(arConditionalVerb)).toEqual(Array(6).fill(true));
    expect(['استمرار', 'استخدام', 'استقلال', 'الاستمرار', 'الحكومه', 'هذا'].map(arConditionalVerb)).toEqual(Array(6).fill(false));
  });

  it('"هدد X بقطع العلاقات إن استمرت الهجمات": the threat is the claim, the condition is not its content', () => {
    const body = 'وهدد عمر فايد بقطع العلاقات مع زاندريا إن استمرت الهجمات على الحدود.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(out.claims.some((c) => c.text.startsWith('استمرت'))).toBe(false);
    expect(who(out, 'قطع العلاقات')).toEqual(['Omar Fayed | ar-object']);
  });

  it('إن before a masdar or a noun is still the complementiser', () => {
    const body = 'وقال عمر فايد إن استمرار الهجمات يهدد الاتفاق.';
    const out = enrich(body);
    expect(who(out, 'استمرار الهجمات')).toEqual(['Omar Fayed | ar-explicit']);
  });
});

describe('issue 11 — Arabic: a one-word KB alias that is also a common word needs a name context', () => {
  it('the common word in running text is no actor ("عدم وفاق الوزارة"، "أصيب في القلب")', () => {
    const body = 'وأشار التقرير إلى عدم وفاق الوزارة مع الخطة الجديدة. وأصيب أحد الحراس بعيار ناري في القلب ونقل إلى المستشفى.';
    const out = enrich(body);
    expect(actorIds(out)).not.toContain('group:wifaq');
    expect(actorIds(out)).not.toContain('person:salim-al-qalb');
  });

  it('a head noun, a reporting verb, quotation marks or coordination make it a name', () => {
    expect(actorIds(enrich('وقالت حركة وفاق إن المفاوضات متعثرة.'))).toContain('group:wifaq');
    expect(actorIds(enrich('وأعلنت وفاق أنها لن تشارك في الانتخابات.'))).toContain('group:wifaq');
    expect(actorIds(enrich('وكانت "وفاق" قد انسحبت من الحكومة العام الماضي.'))).toContain('group:wifaq');
    const out = enrich('ورحبت حركتا وفاق والوحدويين بالقرار.');
    expect(actorIds(out)).toContain('group:wifaq');
  });

  it('one mention in a name context keeps the others (the alias seen safely elsewhere in the article)', () => {
    const body = 'وقال سليم القلب إن الحزب سيقاطع الجلسة. ويعتقد مراقبون أن القلب يسعى إلى رئاسة الحزب.';
    const out = enrich(body);
    const a = out.actors.find((x) => x.id === 'person:salim-al-qalb');
    expect(a?.mentions.map((m) => m.text)).toEqual(['سليم القلب', 'القلب']);
  });

  it('a plural adjective alias is no actor as an adjective ("النواب التقدميين"، "التقدميين المتشددين"), but is one elsewhere', () => {
    expect(actorIds(enrich('واعترض النواب التقدميين على مشروع الموازنة.'))).not.toContain('org:progressives');
    expect(actorIds(enrich('ويواجه الرئيس معارضة من التقدميين المتشددين في البرلمان.'))).not.toContain('org:progressives');
    expect(actorIds(enrich('وصوت عدد من النواب من التقدميين ضد القرار.'))).toContain('org:progressives');
  });
});

describe('issue 11 — Arabic: a participle is never preceded by its own subject (object claims too)', () => {
  it('"…في المياه الزاندرية مهددا بفرض عقوبات": the country before the participle is not the one who threatens', () => {
    const body = 'وانتقد عمر فايد الوجود العسكري في المياه الزاندرية مهددا بفرض عقوبات جديدة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'بفرض عقوبات')).toEqual(['Omar Fayed | ar-object']);
  });

  it('a finite verb right after its subject keeps it ("وعمر فايد اتهم زاندريا بـ…")', () => {
    const body = 'وكان عمر فايد قد اتهم زاندريا بعرقلة المفاوضات.';
    const out = enrich(body);
    expect(who(out, 'عرقلة المفاوضات')).toEqual(['Omar Fayed | ar-object']);
  });
});

describe('issue 11 — Arabic: a deceased topic person is not a speaker to continue', () => {
  it('"الراحل X" is not the referent of a subject-less "وأضاف"', () => {
    const body = 'وتوفي الرئيس الراحل سامي نصار أمس عن ثمانين عاما في المستشفى. وأضاف أن جنازته ستقام الجمعة في العاصمة.';
    const out = enrich(body);
    expect(offsetsOk(out, body)).toBe(true);
    expect(who(out, 'جنازته ستقام')).toEqual([]);
  });

  it('a quoted past statement of that person is still continued ("وكان X قد قال … وأضاف")', () => {
    const body =
      'وأعلنت زاندريا وفاة سامي نصار. وكان سامي نصار قد قال العام الماضي إن الإصلاح ضروري. وأضاف أن البلاد تحتاج إلى دستور جديد.';
    const out = enrich(body);
    expect(who(out, 'الإصلاح ضروري')).toEqual(['Sami Nassar | ar-explicit']);
    expect(who(out, 'دستور جديد')).toEqual(['Sami Nassar | ar-pronoun']);
  });
});
