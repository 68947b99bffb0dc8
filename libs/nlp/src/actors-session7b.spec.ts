// Actors, session 7b (issue 11, ADR 0017): Arabic organisation names cut short before their seat or a coordinated
// portfolio's adjective. Every sentence here is invented (fictional bodies); the KB is a small stand-in.
import { Enricher } from './index';
import type { KbActor } from '@marsad/contracts';
import { actorMentions } from './claims-spec-support';

const KB: KbActor[] = [
  { id: 'country:JO', name: 'Jordan', type: 'country', aliases: ['الأردن', 'الأردنية', 'الأردني', 'عمان'] },
  { id: 'country:LB', name: 'Lebanon', type: 'country', aliases: ['لبنان', 'اللبناني', 'اللبنانية', 'بيروت'] },
  { id: 'country:TN', name: 'Tunisia', type: 'country', aliases: ['تونس', 'التونسية', 'التونسي'] },
];
const enricher = new Enricher({ version: 1, actors: () => KB });
const enrich = (body: string) =>
  enricher.enrich(
    { url: 'https://x.test/a', source: { name: 't' }, title: 'title', body, language: 'ar' },
    { now: new Date('2026-01-01T00:00:00Z') },
  );
const sorted = (xs: string[]) => [...xs].sort();

describe('a local body named with its seat (session 7b)', () => {
  it('HEAD + name + في + a KB state keeps the state in the name', () => {
    const body = 'وحذرت رابطة المزارعين في الأردن من موجة جفاف، فيما طالبت نقابة الصيادلة في لبنان بدعم الأدوية.';
    expect(sorted(actorMentions(enrich(body), body, 'organization'))).toEqual(
      sorted(['رابطة المزارعين في الأردن', 'نقابة الصيادلة في لبنان']),
    );
  });
  it('a private/public adjective may stand between the name and its seat', () => {
    const body = 'وقالت نقابة المدارس الخاصة في تونس إن الرسوم لن ترتفع هذا العام.';
    expect(actorMentions(enrich(body), body, 'organization')).toEqual(['نقابة المدارس الخاصة في تونس']);
  });
  it('ب + a city of the small gazetteer closes the name of a society, a hospital or a chamber', () => {
    const body = 'وزار الوفد جمعية الإحسان الخيرية بحائل، ثم تفقد مستشفى الأمير ناصر المركزي بتبوك، واجتمع بأعضاء غرفة تجارة صفاقس.';
    const orgs = actorMentions(enrich(body), body, 'organization');
    expect(orgs).toContain('جمعية الإحسان الخيرية بحائل');
    expect(orgs).toContain('مستشفى الأمير ناصر المركزي بتبوك');
    expect(orgs).toContain('غرفة تجارة صفاقس');
  });
  it('no seat: a non-place after في, and a head that names no local body, stop the name where it was', () => {
    const body = 'وقالت نقابة المعلمين في بيان إن الإضراب مستمر، وأكدت هيئة المواصفات في الأردن أن الفحص إلزامي.';
    const out = enrich(body);
    expect(sorted(actorMentions(out, body, 'organization'))).toEqual(sorted(['نقابة المعلمين', 'هيئة المواصفات']));
    expect(out.actors.some((a) => a.id === 'country:JO')).toBe(true);
  });
});

describe('a ministry of coordinated portfolios closed by a feminine adjective (session 7b)', () => {
  it('وزارة + noun + و + noun + its feminine adjective is one ministry', () => {
    const body = 'وأعلنت وزارة الصحة والسلامة المهنية أن حملة التفتيش بدأت، ووقعت وزارة الطاقة والموارد المائية الاتفاق.';
    expect(sorted(actorMentions(enrich(body), body, 'organization'))).toEqual(
      sorted(['وزارة الصحة والسلامة المهنية', 'وزارة الطاقة والموارد المائية']),
    );
  });
});

describe('a group keeps its head (session 7b)', () => {
  it('مجموعة + a foreign name is the name, with a corporate adjective or a لل-field after it', () => {
    const body =
      'وأعلنت مجموعة فارمون، أمس، أنها وقعت اتفاقا مع مجموعة نوردال العالمية، وقالت مجموعة فيرتا للخدمات اللوجستية إن الصفقة مهمة.';
    expect(sorted(actorMentions(enrich(body), body, 'organization'))).toEqual(
      sorted(['مجموعة فارمون', 'مجموعة نوردال العالمية', 'مجموعة فيرتا للخدمات اللوجستية']),
    );
  });
  it('شركة X and مجموعة X in one article stay one firm', () => {
    const body = 'وقالت شركة فارمون إن الأرباح ارتفعت. وأضافت مجموعة فارمون أنها ستوزع أرباحا.';
    const orgs = enrich(body).actors.filter((a) => a.type === 'organization');
    expect(orgs).toHaveLength(1);
  });
});

describe('a firm construct name closed by its field (session 7b)', () => {
  it('شركة + construct + a field after لل (+ its nisba) is the name; a beneficiary after لل is not', () => {
    const body = 'ووقعت شركة ألبان الريف للصناعات الغذائية عقدا جديدا، وقدمت شركة مياه الساحل للمشتركين عروضا على الفواتير.';
    expect(sorted(actorMentions(enrich(body), body, 'organization'))).toEqual(
      sorted(['شركة ألبان الريف للصناعات الغذائية', 'شركة مياه الساحل']),
    );
  });
});

describe('a definite local head named by its seat (session 7b)', () => {
  it('الغرفة/الجمعية/التجمع + nisba + ب/في a place is a body; without the seat it is a description', () => {
    const body =
      'وقال رئيس الغرفة الصناعية بالزرقاء إن الطلب تراجع، وأعلن التجمع الصحي في الأردن خطة جديدة، وأكدت الجمعية التعاونية أن الدعم مستمر.';
    expect(sorted(actorMentions(enrich(body), body, 'organization'))).toEqual(
      sorted(['الغرفة الصناعية بالزرقاء', 'التجمع الصحي في الأردن']),
    );
  });
});
