// Arabic actors, short round aractors2 (issue 11, ADR 0017): false positives on outlets the rules never saw. Every
// sentence is invented (fictional people); the KB is a small stand-in with the shapes the real one has.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';
import { actorMentions } from './claims-spec-support';

const KB: KbActor[] = [
  { id: 'country:EG', name: 'Egypt', type: 'country', aliases: ['مصر', 'المصري', 'القاهرة', 'Egypt', 'Cairo'] },
  { id: 'country:SA', name: 'Saudi Arabia', type: 'country', aliases: ['السعودية', 'الرياض', 'Saudi Arabia'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string) =>
  enricher.enrich(
    { url: 'https://x.test/a', source: { name: 't' }, title: 'title', body, language: 'ar' },
    { now: new Date('2026-01-01T00:00:00Z') },
  );

describe('an office noun after a title is no name (aractors2)', () => {
  it('مدير أمن / رئيس نيابة / رئيس حي + place: no person, the titled name after it is', () => {
    const body =
      'وصرح مدير أمن المنيا اللواء رامي فتحي بأن الحملة مستمرة، وأمر رئيس نيابة العجوزة بالتحفظ على الأوراق. وتابع رئيس حي غرب الأعمال.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'person')).toEqual(['رامي فتحي']);
  });
});

describe('the act after a titled name ends it (aractors2)', () => {
  it('a court act or a تفعيل masdar after two name tokens is not a third name', () => {
    const body = 'وقرر المستشار ياسر عوض حبس المتهم أسبوعا، وقرر القاضي نادر منير تأجيل الجلسة، واستقبل الدكتور وائل رشاد وفد الجامعة.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'person').sort()).toEqual(['ياسر عوض', 'نادر منير', 'وائل رشاد'].sort());
  });
  it('a three-word name that is no act stays whole', () => {
    const body = 'وقال المستشار ياسر عوض منصور إن القضية أحيلت.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'person')).toEqual(['ياسر عوض منصور']);
  });
});

describe('a capital after a local-government noun is the city (aractors2)', () => {
  it('محافظ القاهرة and أمير منطقة الرياض name places, not the states', () => {
    const body = 'وقال محافظ القاهرة إن الطرق جاهزة، وزار أمير منطقة الرياض المعرض.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'country')).toEqual([]);
    expect(actorMentions(out, body, 'location').sort()).toEqual(['الرياض', 'القاهرة'].sort());
  });
  it('the capital alone as subject stays the state', () => {
    const body = 'وأعلنت القاهرة رفضها القرار، وقالت الرياض إنها تدعم الحوار.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'country').sort()).toEqual(['الرياض', 'القاهرة'].sort());
  });
});

describe('an outlet whose name is a state or a city (aractors2)', () => {
  it('a quoted name after a media head is the outlet, not the KB state or city', () => {
    const body = 'ونقلت جريدة «الرياض» عن مصادر أن الاجتماع تأجل، وذكرت صحيفة «المصري الجديد» أن الأسعار ارتفعت.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'country')).toEqual([]);
    expect(actorMentions(out, body, 'organization').sort()).toEqual(['الرياض', 'المصري الجديد'].sort());
  });
  it('«X» after a lone ل spoken to is the outlet; support for «مصر» stays the state', () => {
    const body = 'وقال مصدر مطلع لـ«الرياض» إن الاتفاق قريب. وقدم الصندوق دعما لـ«مصر» في أزمتها.';
    const out = enrich(body);
    expect(actorMentions(out, body, 'organization')).toEqual(['الرياض']);
    expect(actorMentions(out, body, 'country')).toEqual(['مصر']);
  });
});
