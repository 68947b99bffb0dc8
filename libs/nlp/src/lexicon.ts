// Small built-in word lists (folded forms: lower-case, Arabic letters unified — أ/إ/آ → ا, ة → ه, ى → ي).

import { foldText } from './text';
import { EN_FIRST_NAMES_EXTRA } from './lexicon/first-names';

/** A word set; entries are folded like text tokens (Arabic letter variants unified, lower case). */
export const set = (s: string) =>
  new Set(
    s
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => foldText(w)),
  );

// ---------------- English
export const EN_STOP_CAPS =
  set(`the a an and but or so yet for nor if then than when while where after before as at by in on of to from with without into onto
upon over under about against between among during since until unless although though because however meanwhile moreover furthermore nevertheless
he she it they we i you his her its their our my your him them us me this that these those there here what which who whom whose why how
all any both each every few many most much more less no not none some such other another one two three four five six seven eight nine ten
first second third last next new old former ex also even only just still already now today tonight tomorrow yesterday earlier later
is are was were be been being has have had do does did will would shall should can could may might must
mr mrs ms dr prof sir lord lady dame baroness baron earl duke prince princess king queen
yes no please thanks thank according despite instead indeed perhaps maybe speaking asked asked writing
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec christmas easter ramadan eid new year`);

export const EN_MONTHS_DAYS = set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december christmas easter`,
);

/** Titles that precede a person's name and are NOT part of the name. */
export const EN_PERSON_TITLES =
  set(`mr mrs ms miss dr prof professor president vice premier chancellor minister secretary senator sen rep representative governor gov
mayor general gen colonel col captain capt lieutenant lt sergeant sgt commander admiral judge justice chief chairman chairwoman chair ceo
director executive spokesman spokeswoman spokesperson ambassador envoy commissioner deputy leader officer inspector detective agent
pope archbishop bishop cardinal rev reverend father imam sheikh ayatollah rabbi mp mep mps coach manager striker defender midfielder
analyst economist journalist editor correspondent lawyer attorney prosecutor founder boss head chef professor rapper singer actor actress
candidate nominee president-elect prime foreign home defence defense trade commerce finance treasury health education culture interior
justice energy environment transport labor labour shadow state`);

/** Titles that are part of the name as written (Lord Goldsmith, Prince Charles, Sir Elton John). */
export const EN_NAME_TITLES = set(
  `lord lady sir dame baroness baron earl duke duchess prince princess king queen emperor sultan emir sheikh`,
);

export const EN_ORG_HEADS =
  set(`party council committee commission agency ministry department office bank court union association institute university
college school group inc ltd plc corp corporation company co llc gmbh sa ag holdings partners fund foundation authority service services
board bureau organisation organization federation league alliance coalition caucus movement front army navy police force forces guard parliament
assembly congress senate house chambers times post news herald journal telegraph guardian tribune broadcasting network airlines airways
gazette chronicle courier motors systems technologies industries communications media press club trust society centre center institution unit tribunal exchange
secretariat cabinet government administration regime directorate command corps brigade commandos police`);

export const EN_GROUP_HEADS = set(`brigade brigades front movement militia taliban`);

/** Capitalised words that are not names by themselves (when alone). */
export const EN_NOT_NAME =
  set(`god internet web government state states city world war peace north south east west northern southern eastern western central
european african asian arab islamic muslim christian jewish catholic protestant sunni shia shiite international national federal royal
republic republican democrat democratic liberal conservative socialist communist labour green independent
tv radio online email phone mobile chief executive officer senior junior general attorney secretary minister
english french german spanish italian russian chinese arabic persian turkish latin`);

/** Reporting verbs (lower-case) → kind. */
export const EN_VERBS: Record<string, string> = {};
const addEn = (kind: string, words: string) => {
  for (const w of words.split(/\s+/).filter(Boolean)) EN_VERBS[w] = kind;
};
addEn(
  'statement',
  'said says say saying told tells tell telling added adds adding stated states explained explains noted notes insisted insists argued argues claimed claims maintained maintains believes believe stressed stresses replied replies responded responds wrote writes suggested suggests suggesting remarked observed commented indicated reiterated asserted asserts declared declares acknowledged acknowledges admitted admits conceded concedes predicted predicts estimated estimates agreed agrees countered counters continued',
);
addEn('announcement', 'announced announces announcing revealed reveals confirmed confirms disclosed unveiled');
addEn('statement', 'welcomed welcomes ruled rules concluded concludes described describes estimate estimates estimated');
addEn('accusation', 'accused accuses accusing alleged alleges blamed blames criticised criticized condemned');
addEn('denial', 'denied denies denying rejected rejects dismissed dismisses refuted disputed');
addEn('warning', 'warned warns warning cautioned');
addEn('demand', 'urged urges urging called demanded demands');
addEn('promise', 'promised promises pledged vowed vows');
// "branded the scheme a waste", "likened the plan to ...", "hinted that ...", "the Times reports ...", "BT advises that ..."

/** Reporting verbs used by the claim rules only (not as name cues by the actor rules): plural present forms ("officials
 * claim"), "branded the scheme a waste", "likened the plan to ...", "hinted that ...", "the Times reports ...". */
export const EN_CLAIM_VERBS: Record<string, string> = {};
const addEnC = (kind: string, words: string) => {
  for (const w of words.split(/\s+/).filter(Boolean)) EN_CLAIM_VERBS[w] = kind;
};
addEnC(
  'statement',
  'claim insist argue predict suggest admit acknowledge confirm think branded brands dubbed dubs likened likens labelled labeled hinted hints thinks reports reported',
);
addEnC('denial', 'deny');
addEnC('warning', 'warn');
addEnC('accusation', 'allege');
addEnC('demand', 'advises advised');

/** Map views of EN_VERBS and of `EN_VERBS[w] ?? EN_CLAIM_VERBS[w]` for the per-token lookups: indexing a plain
 * object with a token's (sliced, never internalised) string costs V8 a string-table probe per lookup (~0.2 µs,
 * ~3 % of the engine in englishClaims alone); Map.get hashes the string once. Object.prototype's names
 * ("constructor", "toString", …) map to what the object lookups returned, so every result is unchanged. */
function mapView(...objs: Record<string, string>[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of Object.keys(objs[0])) m.set(k, objs[0][k]);
  for (const k of Object.getOwnPropertyNames(Object.prototype)) if (!m.has(k)) m.set(k, objs[0][k]);
  for (const o of objs.slice(1)) for (const k of Object.keys(o)) if (!m.has(k)) m.set(k, o[k]);
  return m;
}
export const EN_VERB = mapView(EN_VERBS);
export const EN_VERB_OR_CLAIM = mapView(EN_VERBS, EN_CLAIM_VERBS);

/** Verbs after which an object NP precedes the content. */
export const EN_OBJ_VERBS = set('told tells tell telling warned warns urged urges assured informed reminded');

export const EN_PRONOUNS: Record<string, 'm' | 'f' | 'p' | 'n' | 'w'> = { he: 'm', she: 'f', they: 'p', it: 'n', we: 'w' };

export const EN_DESCRIPTIONS: Record<string, 'person' | 'organization' | 'country' | 'group'> = {
  company: 'organization',
  firm: 'organization',
  group: 'organization',
  bank: 'organization',
  giant: 'organization',
  ministry: 'organization',
  department: 'organization',
  newspaper: 'organization',
  paper: 'organization',
  website: 'organization',
  broadcaster: 'organization',
  channel: 'organization',
  network: 'organization',
  daily: 'organization',
  agency: 'organization',
  party: 'organization',
  government: 'organization',
  court: 'organization',
  commission: 'organization',
  council: 'organization',
  committee: 'organization',
  bureau: 'organization',
  authority: 'organization',
  institute: 'organization',
  foundation: 'organization',
  association: 'organization',
  federation: 'organization',
  alliance: 'organization',
  coalition: 'organization',
  charity: 'organization',
  unit: 'organization',
  university: 'organization',
  army: 'organization',
  military: 'organization',
  police: 'organization',
  organisation: 'organization',
  organization: 'organization',
  body: 'organization',
  watchdog: 'organization',
  regulator: 'organization',
  union: 'organization',
  club: 'organization',
  board: 'organization',
  airline: 'organization',
  carrier: 'organization',
  retailer: 'organization',
  maker: 'organization',
  insurer: 'organization',
  operator: 'organization',
  minister: 'person',
  president: 'person',
  chancellor: 'person',
  secretary: 'person',
  spokesman: 'person',
  spokeswoman: 'person',
  spokesperson: 'person',
  chief: 'person',
  chairman: 'person',
  leader: 'person',
  premier: 'person',
  boss: 'person',
  executive: 'person',
  director: 'person',
  official: 'person',
  mp: 'person',
  judge: 'person',
  governor: 'person',
  mayor: 'person',
  senator: 'person',
};

export const EN_FIRST_NAMES =
  set(`john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela
nicole samantha katherine christine helen debra rachel carolyn janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly christina joan evelyn judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara janice ann kathryn
abigail sophia frances jean alice judy isabella julia grace amber denise danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla alexis lori marie tony tom tim jim bill bob mike dave steve ian gordon nick chris ben sam dan matt alex
clare claire cherie harriet tessa margaret hilary hillary nigel malcolm hugh neil colin alistair alastair iain gerry ken charlie philippe jacques francois nicolas jean-claude jean-marie angela gerhard helmut joschka silvio romano jose luis carlos juan manuel
vladimir dmitry dmitri mikhail boris sergei sergey viktor victor yulia leonid mikhail ivan yuri igor alexei alexey andrei andrey oleg gennady nikolai mahmoud mohammed muhammad mohamed ahmed ahmad ali hassan hussein omar abdullah abdul khalid saad saeed
recep tayyip bashar hosni yasser ariel ehud benjamin shimon kofi ban xi hu wen jiang li junichiro shinzo kim rupert bernie carly steve sergey larry eric bill warren alan ben gordon tony john howard michael charles
lakshmi mittal ratan mukesh anil sonia rahul manmohan atal pervez nawaz benazir hamid ashraf jalal nouri ayad iyad muqtada mahmoud ismail ismail ehud hosni zine muammar kofi nelson thabo jacob robert morgan olusegun`);

// issue 11 (names): more given names frequent in world news, kept as data in lexicon/first-names.ts
for (const w of EN_FIRST_NAMES_EXTRA.split(/\s+/)) if (w) EN_FIRST_NAMES.add(foldText(w));

// ---------------- Arabic (folded)
export interface ArVerb {
  kind: string;
  fem: boolean;
  participle?: boolean;
  /** preposition/particle that may follow before the complementiser (الى / على / من / عن / ب) */
  prep?: string;
  /** the complement is the object + charge (accuse/deny-type) */
  objectText?: boolean;
}
export const AR_VERBS = new Map<string, ArVerb>();
function addAr(kind: string, forms: string, extra: Partial<ArVerb> = {}) {
  for (const f0 of forms.split(/\s+/).filter(Boolean)) {
    const f = foldText(f0);
    const fem =
      /^(ت)/.test(f) && !/^(تابع|ترى)$/.test(f) ? true : /ت$/.test(f) && !/^(لفت|كشفت)$/.test(f) ? true : /[ه]$/.test(f) && /^م/.test(f);
    AR_VERBS.set(f, { kind, fem, participle: /^(م|قائل|قايل)/.test(f) && !/^(مضي)$/.test(f), ...extra });
  }
}
addAr('statement', 'قال قالت يقول تقول قالوا يقولون قائلا قائله قائلين قائلتا قالا قالتا');
addAr('statement', 'ذكر ذكرت يذكر تذكر ذكروا');
addAr('statement', 'اضاف اضافت يضيف تضيف مضيفا مضيفه اضافوا');
addAr('announcement', 'اعلن اعلنت يعلن تعلن معلنا معلنه اعلنوا اعلنا اعلنتا');
addAr('statement', 'صرح صرحت يصرح تصرح مصرحا');
addAr('statement', 'اكد اكدت يوكد توكد موكدا موكده اكدوا اكدا اكدتا', { objectText: true });
addAr('accusation', 'اتهم اتهمت يتهم تتهم متهما متهمه اتهموا يتهمون اتهما اتهمتا متهمين', { objectText: true });
addAr('denial', 'نفي نفت ينفي تنفي نافيا نافيه نفوا نفيا نفتا');
addAr('warning', 'حذر حذرت يحذر تحذر محذرا محذره', { prep: 'من' });
addAr('statement', 'اشار اشارت يشير تشير مشيرا مشيره', { prep: 'الي' });
addAr('statement', 'اوضح اوضحت يوضح توضح موضحا موضحه');
addAr('statement', 'تابع تابعت يتابع متابعا متابعه', {});
addAr('statement', 'اعتبر اعتبرت يعتبر تعتبر معتبرا معتبره');
addAr('statement', 'راي رات يري تري');
addAr('statement', 'شدد شددت يشدد تشدد مشددا مشدده', { prep: 'علي' });
addAr('statement', 'لفت لفتت لافتا لافته', { prep: 'الي' });
addAr('announcement', 'كشف كشفت يكشف تكشف كاشفا', { prep: 'عن' });
addAr('statement', 'افاد افادت يفيد تفيد');
addAr('claim', 'زعم زعمت يزعم تزعم زاعما');
addAr('claim', 'ادعي ادعت يدعي تدعي مدعيا');
addAr('demand', 'طالب طالبت يطالب تطالب مطالبا مطالبه', { prep: 'ب' });
addAr('demand', 'دعا دعت يدعو تدعو داعيا داعيه', { prep: 'الي' });
addAr('statement', 'اردف اردفت استطرد استطردت');
// "..., ليضيف بأنه ...": a purpose-form continuation, like a participle (the sentence's subject speaks)
addAr('statement', 'ليضيف لتضيف ليوكد لتوكد ليشير لتشير', { participle: true });
addAr('admission', 'اقر اقرت يقر تقر اعترف اعترفت يعترف تعترف', { prep: 'ب' });
addAr('statement', 'اصر اصرت يصر تصر', { prep: 'علي' });
addAr('statement', 'نوه نوهت', { prep: 'الي' });
addAr('statement', 'غرد غردت كتب كتبت');
addAr('statement', 'ابلغ ابلغت رجح رجحت توقع توقعت اعرب اعربت تدارك استدرك'); // (يُرجّح أن = "it is likely": impersonal)
addAr('threat', 'هدد هددت يهدد تهدد مهددا', { objectText: true });
// "called X Y" / "described X as Y": the object plus the description is the text
addAr('description', 'وصف وصفت يصف تصف واصفا واصفه وصفوا', { objectText: true });
addAr('denial', 'رفض رفضت يرفض ترفض رافضا رافضه رفضوا', { objectText: true });

/** Complementisers (folded): إن/أن/بأن + attached pronouns; "that". */
export const AR_COMP = set('ان انه انها انهم انهما انهن انني انى اننا انك بان بانه بانها بانهم بانهما باننا لان');

/** Tokens that may sit between a verb and its complement without being the speaker (adverbials). */
export const AR_ADVERBIAL = set(`في بيان بيانه بيانها تصريح تصريحات تصريحه تصريحها مقابله مقابلته مؤتمر موتمر صحفي صحافي الصحفي الصحافي
للصحفيين للصحافيين لوكاله لصحيفه لقناه لشبكه لتلفزيون لموقع لراديو عبر تويتر حسابه حسابها على الخميس الجمعه السبت الاحد الاثنين الثلاثاء الاربعاء
اليوم امس الثلاثاء مساء صباح يوم ايضا كذلك اثناء خلال كلمه كلمته لها له لهم امام ختام ذلك حينئذ حينها لاحقا سابقا مؤخرا موخرا من جهته جهتها
مشترك المشترك بدوره بدورها بدورهم آنذاك انذاك حينذاك وقت سابق من هذا الاسبوع الشهر العام الماضي مرارا رسميا الرسمي رسمي مكتوب المكتوب`);

/** Arabic titles/roles before a person's name. Multi-token titles are matched as sequences. */
export const AR_PERSON_TITLES =
  set(`الرئيس رئيس الرييس رييس وزير وزيره الوزير الوزيره المتحدث المتحدثه متحدث الناطق ناطق السفير السفيره سفير قائد القائد مدير المدير مديره
الامين امين زعيم الزعيم النائب نائب السيناتور الملك الملكه الامير الاميره الشيخ ولي المستشار المستشاره المدعي القاضي الجنرال اللواء العقيد العميد المشير الفريق
الصحفي الصحفيه الصحافي ممثل ممثله الممثل الممثله الكولونيل الكابتن الميجور الادميرال الجنرال العقيد المقدم الرائد متحدثه ناطقه الناطقه النائبه نائبه المديره الرئيسه رئيسه الخبيره خبيره الباحثه المحاميه محاميه الكاتبه المبعوثه المندوبه مسووله المسووله نظيره نظيرها نظيريه نظيرتها نظيرته القس القسيس الحاخام الكاتب المحلل الخبير الباحث المحامي خبير محلل باحث محامي المرشح مرشح المبعوث مبعوث المندوب مندوب عمده عمدة حاكم الحاكم محافظ المحافظ البابا الاب الاسقف الامام
رجل سيده السيده السيد الدكتور الدكتوره البروفيسور الاستاذ المهندس الناشط الناشطه مؤسس موسس المؤسس الموسس المفوض مفوض رئيسه الرئيسه ضابط الضابط مستشار مستشاره مساعد مساعده المساعد وكيل الوكيل
عضو العضو عضوه العضوه مرشح المرشح مرشحه المرشحه محافظ المحافظ حاكم الحاكم عمده العمده مبعوث المبعوث مبعوثه المبعوثه مندوب المندوب مندوبه المندوبه`);

/** Head nouns that introduce an organisation name (indefinite: شركة X; definite: الحزب الديمقراطي). */
export const AR_ORG_HEADS =
  set(`شركه مجموعه وزاره اداره منظمه حزب وكاله صحيفه قناه شبكه مجلس هيئه جامعه محكمه بنك مصرف لجنه اتحاد جمعيه مؤسسه موسسه صندوق مكتب
مركز معهد حركه جماعه جبهه ائتلاف مجلة مجله موقع اذاعه تلفزيون بعثه مرصد نقابه
جهاز اجهزه رابطه مفوضيه ديوان تحالف ايتلاف`); // second line: issue 11 (org cues)
export const AR_ORG_HEADS_DEF =
  set(`الحكومه الوزاره الحزب اللجنه المجلس الجيش البرلمان المحكمه الشرطه المخابرات الاستخبارات الكونغرس الكونجرس البنك المصرف الاتحاد المنظمه الهيئه الوكاله
الخارجيه الداخليه الدفاع البعثه القوات الادعاء النيابه الرئاسه مجلس وزاره`);
export const AR_GROUP_HEADS = set(`حركه جماعه جبهه ميليشيا ميليشيات مليشيا كتائب`);

/** Function words and common words that never start or end a person's name. */
export const AR_STOP =
  set(`في من الى إلى علي على عن مع ان أن إن انه انها ما لا لم لن قد كان كانت يكون تكون هو هي هم هذا هذه ذلك تلك التي الذي الذين اللذين كل بعض غير بين بعد قبل
خلال حول ضد منذ حتى عند عندما لدى لدي او أو ثم بل لكن كما ايضا أيضا حيث اذا إذا لو اي أي وقد فقد وفي ومن والى وعلى وعن ومع وان ولا ولم بان بأن لان اليوم امس يوم عام سنه
الف مليون مليار دولار نحو حوالي اكثر اقل اول ثاني قال قالت يقول تقول اضاف اضافت ذكر ذكرت اكد اكدت اعلن اعلنت وقال وقالت واضاف واضافت وذكر وذكرت واكد واكدت واعلن واعلنت
له لها لهم به بها بهم منه منها عنه عنها فيه فيها عليه عليها اليه اليها الي إليه ذلك هناك هنا امام وراء تحت فوق دون رغم بسبب وفق وفقا حسب بحسب اثناء لدى
شركه الشركه مجموعه وزاره اداره منظمه حزب وكاله مسؤول مسؤولون مسؤولين مصدر مصادر الرئيس رئيس وزير`);

/** Definite descriptions that refer back to an actor of a type. */
export const AR_DESCRIPTIONS: Record<string, 'person' | 'organization' | 'country' | 'group'> = foldKeys({
  الشركه: 'organization',
  المجموعه: 'organization',
  الوزاره: 'organization',
  الحكومه: 'organization',
  الوكاله: 'organization',
  المنظمه: 'organization',
  الهيئه: 'organization',
  اللجنه: 'organization',
  الحزب: 'organization',
  المحكمه: 'organization',
  البعثه: 'organization',
  الصحيفه: 'organization',
  القناه: 'organization',
  الشبكه: 'organization',
  المجلس: 'organization',
  البنك: 'organization',
  الجيش: 'organization',
  الحركه: 'group',
  الجماعه: 'group',
  التنظيم: 'group',
  الجبهه: 'group',
  الرئيس: 'person',
  الوزير: 'person',
  الوزيره: 'person',
  المتحدث: 'person',
  المتحدثه: 'person',
  المستشار: 'person',
  السفير: 'person',
  السفيره: 'person',
  الزعيم: 'person',
  الملك: 'person',
  الامير: 'person',
  النائب: 'person',
  المدير: 'person',
  القائد: 'person',
  الامين: 'person',
  البيان: 'person',
  المسؤول: 'person',
  العمده: 'person',
  المبعوث: 'person',
  الرجل: 'person',
  الصحفي: 'person',
  الموقع: 'organization',
  التقرير: 'organization',
  المركز: 'organization',
  المعهد: 'organization',
  الصندوق: 'organization',
  السلطات: 'country',
  الدوله: 'country',
  البلاد: 'country',
});

function foldKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(o)) out[foldText(k)] = v;
  return out;
}

export const AR_ACCORDING = set('بحسب حسب وبحسب وحسب وفقا ووفقا وفق طبقا');

/** Capital cities (folded, en/ar/fr/ru): a KB country metonym after a locative preposition is a place. */
export const CAPITALS =
  set(`moscow washington london paris beijing tehran riyadh cairo ankara berlin damascus baghdad beirut doha kiev kyiv tokyo seoul pyongyang
brussels amman sanaa tripoli khartoum kabul islamabad delhi rome madrid vienna ottawa canberra brasilia caracas havana minsk warsaw budapest prague athens
lisbon stockholm oslo helsinki copenhagen dublin bern rabat algiers tunis muscat manama kuwait jerusalem tel nicosia baku tbilisi yerevan tashkent
موسكو واشنطن لندن باريس بكين طهران الرياض القاهره انقره برلين دمشق بغداد بيروت الدوحه كييف كيف طوكيو سيول سول بيونغ بروكسل صنعاء طرابلس الخرطوم كابول
روما مدريد فيينا اوتاوا كانبرا مينسك وارسو بودابست براغ اثينا لشبونه ستوكهولم اوسلو هلسنكي كوبنهاغن دبلن برن الرباط الجزائر تونس مسقط المنامه
باكو تبليسي يريفان طشقند ابوظبي نيودلهي اسلام
москва вашингтон лондон париж пекин тегеран киев токио сеул берлин`);
export const LOCATIVE_PREPS = set(
  'in at from to into near inside outside across via visiting visit في من الي الى علي إلى داخل خارج قرب عبر نحو',
);
