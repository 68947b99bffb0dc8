// Arabic word lists (folded: أ/إ/آ → ا, ة → ه, ى → ي ...): the data the Arabic actor and claim rules look words up in.

import { foldText } from '../text';
import { set } from './shared';
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
const AR_FAEL_PARTICIPLES = new Set(
  'واصفا واصفه نافيا نافيه رافضا رافضه لافتا لافته كاشفا زاعما داعيا داعيه'.split(' ').map((w) => foldText(w)),
);
function addAr(kind: string, forms: string, extra: Partial<ArVerb> = {}) {
  for (const f0 of forms.split(/\s+/).filter(Boolean)) {
    const f = foldText(f0);
    const fem =
      /^(ت)/.test(f) && !/^(تابع|ترى)$/.test(f)
        ? true
        : /ت$/.test(f) && !/^(لفت|كشفت)$/.test(f)
          ? true
          : // feminine participles: مضيفة، قائلة (ADR 0016: قائلة was read as masculine)
            /[ه]$/.test(f) && (/^(م|قائل|قايل)/.test(f) || AR_FAEL_PARTICIPLES.has(f));
    // (session 7: also the فاعل participles — واصفا، نافيا، رافضا، لافتا، كاشفا، زاعما، داعيا — which speak for the
    // sentence's subject exactly like مؤكدا; they were read as finite verbs, so "… X واصفا إياه" gave X the claim)
    const participle = (/^(م|قائل|قايل)/.test(f) && !/^(مضي)$/.test(f)) || AR_FAEL_PARTICIPLES.has(f);
    AR_VERBS.set(f, { kind, fem, participle, ...extra });
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
// (round 7: no object reading — "تُعتبر X Y" is the passive "X is considered Y", and "اعتبرت X Y منظمة إرهابية" a
// designation, not a statement)
addAr('statement', 'اعتبر اعتبرت يعتبر تعتبر معتبرا معتبره');
// round 7: the participle "مبينا أن" (not بين "between", nor بينت/تبين/يبين, often "showed"/"it emerged" of a
// document or a fact)
addAr('statement', 'مبينا مبينه');
// round 7: criticism with a noun object is a claim ("انتقدت X ترشح Y"، "منتقدا «…»")
addAr('criticism', 'انتقد انتقدت ينتقد تنتقد منتقدا منتقده انتقدوا', { objectText: true });
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
// session 7: the participle of توقع ("…، متوقعا أن يبلغ النمو …": a forecast of the sentence's subject, its own claim)
addAr('statement', 'متوقعا متوقعه');
addAr('threat', 'هدد هددت يهدد تهدد مهددا', { objectText: true });
// "called X Y" / "described X as Y": the object plus the description is the text
addAr('description', 'وصف وصفت يصف تصف واصفا واصفه وصفوا', { objectText: true });
addAr('denial', 'رفض رفضت يرفض ترفض رافضا رافضه رفضوا', { objectText: true });

// issue 11 round 5 (claims/ar): the plural of every reporting verb above, by construction rather than one list per
// verb — the perfect + وا (أفادوا، أوضحوا), the imperfect + ون (يؤكدون), the participle + ين (مضيفين، معتبرين) — and the
// feminine participle (مبينة). Duals are not generated: "Xا" is often an accusative noun (ذكرا، وصفا، كتبا).
for (const [f, info] of [...AR_VERBS]) {
  const put = (form: string, fem: boolean) => {
    if (!AR_VERBS.has(form)) AR_VERBS.set(form, { ...info, fem });
  };
  if (info.participle) {
    if (f.startsWith('م') && f.endsWith('ا')) {
      put(f.slice(0, -1) + 'ين', false);
      put(f.slice(0, -1) + 'ه', true);
    }
  } else if (/^ي/.test(f) && /[^اويىن]$/.test(f)) put(f + 'ون', false);
  // session 6: the feminine dual of the perfect (حذرتا، نفتا، اتهمتا: two states or bodies) — unlike the masculine "Xا"
  // it is never an accusative noun
  else if (/^[^يتلم].+ت$/.test(f) && !info.participle) put(f + 'ا', true);
  else if (!/^[يتل]/.test(f) && /[^اويىته]$/.test(f)) put(f + 'وا', false);
}

/** Complementisers (folded): إن/أن/بأن + attached pronouns; "that". */
export const AR_COMP = set('ان انه انها انهم انهما انهن انني انى اننا انك بان بانه بانها بانهم بانهما باننا لان');

/** Tokens that may sit between a verb and its complement without being the speaker (adverbials). */
export const AR_ADVERBIAL = set(`في بيان بيانه بيانها تصريح تصريحات تصريحه تصريحها مقابله مقابلته مؤتمر موتمر صحفي صحافي الصحفي الصحافي
للصحفيين للصحافيين لوكاله لصحيفه لجريده لقناه لشبكه لتلفزيون لموقع لراديو عبر تويتر حسابه حسابها على الخميس الجمعه السبت الاحد الاثنين الثلاثاء الاربعاء
اليوم امس الثلاثاء مساء صباح يوم ايضا كذلك اثناء خلال كلمه كلمته لها له لهم امام ختام ذلك حينئذ حينها لاحقا سابقا مؤخرا موخرا من جهته جهتها
مشترك المشترك بدوره بدورها بدورهم آنذاك انذاك حينذاك وقت سابق من هذا الاسبوع الشهر العام الماضي مرارا رسميا الرسمي رسمي مكتوب المكتوب`);

/** Arabic titles/roles before a person's name. Multi-token titles are matched as sequences. */
export const AR_PERSON_TITLES =
  set(`الرئيس رئيس الرييس رييس وزير وزيره الوزير الوزيره المتحدث المتحدثه متحدث الناطق ناطق السفير السفيره سفير قائد القائد مدير المدير مديره
الامين امين زعيم الزعيم النائب نائب السيناتور الملك الملكه الامير الاميره الشيخ ولي المستشار المستشاره المدعي القاضي الجنرال اللواء العقيد العميد المشير الفريق
الصحفي الصحفيه الصحافي ممثل ممثله الممثل الممثله الكولونيل الكابتن الميجور الادميرال الجنرال العقيد المقدم الرائد متحدثه ناطقه الناطقه النائبه نائبه المديره الرئيسه رئيسه الخبيره خبيره الباحثه المحاميه محاميه الكاتبه المبعوثه المندوبه مسووله المسووله نظيره نظيرها نظيريه نظيرتها نظيرته القس القسيس الحاخام الكاتب المحلل الخبير الباحث المحامي خبير محلل باحث محامي المرشح مرشح المبعوث مبعوث المندوب مندوب عمده عمدة حاكم الحاكم محافظ المحافظ البابا الاب الاسقف الامام
رجل سيده السيده السيد الدكتور الدكتوره البروفيسور الاستاذ المهندس الناشط الناشطه مؤسس موسس المؤسس الموسس المفوض مفوض رئيسه الرئيسه ضابط الضابط مستشار مستشاره مساعد مساعده المساعد وكيل الوكيل
عضو العضو عضوه العضوه مرشح المرشح مرشحه المرشحه محافظ المحافظ حاكم الحاكم عمده العمده مبعوث المبعوث مبعوثه المبعوثه مندوب المندوب مندوبه المندوبه
وزيرا رئيسا الرئيسان الوزيران
الشيخه المدرب مدرب المدربه مدربه نقيب معالي فخامه اللاعب لاعب اللاعبه لاعبه امير اميره`); // line 6: session 6 (dual titles before two names: "وزيرا الخارجية X وY"); line 7: session 7 (sport coaches and players, a syndicate head, Gulf honorifics, أمير المنطقة)

/** Head nouns that introduce an organisation name (indefinite: شركة X; definite: الحزب الديمقراطي). */
export const AR_ORG_HEADS =
  set(`شركه مجموعه وزاره اداره منظمه حزب وكاله صحيفه قناه شبكه مجلس هيئه جامعه محكمه بنك مصرف لجنه اتحاد جمعيه مؤسسه موسسه صندوق مكتب
مركز معهد حركه جماعه جبهه ائتلاف مجلة مجله موقع اذاعه تلفزيون بعثه مرصد نقابه
جهاز اجهزه رابطه مفوضيه ديوان تحالف ايتلاف
جريده منتدي
كتله غرفه
خليه مديريه اكاديميه نادي امانه`); // third and fourth lines: issue 11 (org cues); sixth: session 7 (security cells, directorates, academies, clubs, Saudi municipalities: أمانة المنطقة الشرقية); fifth: session 6 (parliamentary blocs: كتلة X; غرفة, chamber of commerce, guarded in actors/cues.ts)
export const AR_ORG_HEADS_DEF =
  set(`الايتلاف الحكومه الوزاره الحزب اللجنه المجلس الجيش البرلمان المحكمه الشرطه المخابرات الاستخبارات الكونغرس الكونجرس البنك المصرف الاتحاد المنظمه الهيئه الوكاله
الخارجيه الداخليه الدفاع البعثه القوات الادعاء النيابه الرئاسه مجلس وزاره البورصه`);
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
  الجريده: 'organization',
  القناه: 'organization',
  الشبكه: 'organization',
  المجلس: 'organization',
  البنك: 'organization',
  الجيش: 'organization',
  // ADR 0016: a ministry by its short name (الخارجية، الداخلية) → the named ministry it abbreviates
  الخارجيه: 'organization',
  الداخليه: 'organization',
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

// ---------------- Arabic claim rules

export const AR_FEM_TITLE = set('وزيره متحدثه سفيره مستشاره مديره رئيسه ناطقه نائبه');

/** Cut content before ", مضيفا/مشيرا ..." or ", وأضاف" clauses which are claims of their own. */
export const AR_ASIDE = set('من بينها بينهم ومن وذلك بينما حين بحسب حسب وفقا وفق طبقا لكن لكنه لكنها ولكن ولكنه الامر مما');

export const AR_PREP_BEFORE_QUOTE =
  /^(علي|الي|في|من|عن|مع|ضد|حول|بين|باسم|لشركه|شركه|لصحيفه|صحيفه|لجريده|جريده|لموقع|موقع|لوكاله|وكاله|منظمه|لمنظمه|لقناه|قناه)$/;

export const AR_FACT_MASDAR =
  /^(مقتل|مصرع|وفاه|الفوز|فوز|فوزه|فوزها|تبني|تبنيه|تبنيها|تبنيهما|تبنيهم|مسووليته|مسووليتها|مسووليتهم|نجاح|فشل|سقوط|اصابه)$/;

export const AR_DECLINE_ACTS = set(
  'الادلاء التعليق الكشف الافصاح الرد الحديث التحدث اعطاء تقديم الاجابه الاجابة المشاركه الحضور الخوض تحديد ذكر تاكيد',
);

export const AR_RECIPIENT_PREFIX = /^(ل|لل)/;

export const AR_PREPS = /^(في|خلال|عبر|امام|علي|عن|مع|حسب|بحسب|وفقا|الي|من|لدي|اثناء|بعد|قبل|ردا|تعليقا)$/;

export const AR_TITLE_WORDS = set(
  'المسوول المسووله الرئيس رئيس الوزير وزير الوزيره وزيره المستشار المستشاره السفير السفيره المتحدث المتحدثه الزعيم الملك الامير المبعوث المندوب رئيسه مدير المدير مديره الامين امين قائد القائد مستشار مستشاره سفير سفيره متحدث متحدثه نائب النائب',
);

export const AR_ACCORDING_WORDS = new Set(['بحسب', 'حسب', 'وفقا', 'طبقا', 'وبحسب', 'وحسب', 'ووفقا', 'وطبقا']);

export const AR_QAWL_WORDS = new Set(['قوله', 'قولها', 'قولهم', 'قوله:']);

// ---------------- Arabic actor rules

export const AR_MULTI_TITLE_NEXT = set(
  'ركن طيار بحري الوزراء الحكومه العام التنفيذي الخارجيه الدفاع الداخليه الماليه الخزانه التجاره الاقتصاد الاعلام العدل الصحه التعليم الطاقه النفط الخارجية',
);

export const AR_NAME_STOP =
  set(`الذي التي الذين انه انها انهم ان بان خلال اثناء امس اليوم وهو وهي الذي عن على علي الي في من مع لدى بعد قبل منذ حتى ضد حول عبر امام بين و او ثم
يوم عام سنه شهر مساء صباح الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت ايضا كذلك قد لم لن لا ما`);

export const AR_DAYS = set('الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس');

export const AR_ADJ_STOP = set(
  'الحالي الحاليه الماضي الماضيه الجديد الجديده الثاني الثانيه الاول الاولي الرسمي الرسميه الرئيسي الرئيسيه المحلي المحليه السابق السابقه الكبري الكبير العام العامه الخاص الخاصه الاخير الاخيره المقبل المقبله',
);

export const AR_NOT_NAME_AFTER_HEAD = set(
  'تعرف يعرف تدعي يدعي تسمي يسمي تابعه تابع مرتبطه مرتبط كبري كبيره صغيره جديده اخري اخرى عملاقه ناشئه محليه اجنبيه دوليه عربيه امريكيه اميركيه غربيه خاصه حكوميه تقنيه متخصصه مختلفه عديده عده كل بعض ' +
    // issue 11 (cues): masculine adjectives after a masculine head (بنك مركزي مستقل، مكتب محلي، حزب سياسي)
    'مركزي مستقل بارز جيد محلي دولي عسكري امني سياسي اخباري بحثي حكومي خاص عام كبير صغير جديد رئيسي اقليمي عالمي عربي اجنبي امريكي اميركي ذات ذو',
);

export const AR_NAME_CONNECT = set('بن ابن بنت ابو ابي عبد ال دي دو فان فون دا در دير');

/** A first token that is a common noun (feminine/plural endings), not a first name, before an ال-word. */
export const AR_NOT_FIRST_NAME = /(ه|ات|ون|ين|اء)$/;

export const AR_GROUP_NOUNS = set('اهالي ممثلو ممثلي عناصر افراد ابناء اجهزه قوات سلطات اعضاء رجال نساء طلاب عمال قاده زعماء شباب جنود');

export const AR_TITLE_LIKE = /^(كبير|رئيس|مدير|عضو|نائب|مسوول|مستشار|شريك|مؤسس|موسس)/;

export const AR_COMMON_NOT_NAME = set(
  'شهود عيان سكان ناشطون نشطاء مسعفون مراقبون مواطنون لاجئون متظاهرون محتجون لشوون شوون الشوون بشكل بصوره وسط ابحاث دراسات تقرير تقارير بيان دراسه استطلاع وثيقه رساله تاييد مصدران مسوولان مسوولو شريك عضو موظف مهندس اخطر اكبر اهم ابرز اكثر اقل افضل اسوا اعلي ادني اذ لدينا لدي عده لعده كيفيه حلفاء سوال سوالا عقد اكبر اهم ابرز رفيع عسكري مراسل خبير خبيره محلل محلله باحث باحثه مراقب مراقبون ناشط ناشطه معتقل معارض معارضون عنصري جديد جديده ارهابي ارهابيه متطرف متطرفه تنفيذي اخري اخر كبير كبيره صغير مصادر مسؤول مسؤولون مسؤولين خبراء محللون مصدر شخص اشخاص احد احدي عدد بعض كل جميع مختلف عده تفاصيل قضيه امر الامر دوله',
);

// ADR 0016 (claims/discourse.ts)
// Officer nouns of unnamed sources (folded): they stand for their affiliation when no name follows.
export const AR_OFFICER =
  set(`مسؤول مسوول مسؤوله مسئول متحدث متحدثه ناطق ناطقه مصدر مصادر دبلوماسي دبلوماسيه مسؤولون مسؤولين مسوولون مسوولين
مسئولون مسئولين متحدثون ناطقون دبلوماسيون دبلوماسيين مستشار مستشاره`);

// ADR 0016 (claims/ar/families.ts)
/** Trigger tokens (folded); a Set lookup per token keeps the hook off the engine's hot path. */
export const AR_FAMILY_TRIGGERS = set(`كما وكما حسبما وحسبما بحسبما فيما حد وفقا ووفقا طبقا وطبقا بحسب وبحسب حسب وحسب
بقوله بقولها بقولهم بقولهما بالقول ورد وورد نص ونص ينص وينص تنص وتنص
الامر وهو قائلا قائله مضيفا مضيفه اللوم باللوم اللائمه باللائمه
تلك هذه البلدان الدولتان الجانبان الطرفان الشركتان الحركتان المنظمتان الحكومتان الدول`); // last line: session 6 (relative denial, response participle)

// session 6 (claims/ar/families.ts ar-blame): verbs that lay blame with اللوم/باللائمة + على (folded)
export const AR_BLAME_VERBS = set('القي القت يلقي تلقي القوا يلقون ملقيا ملقيه منحيا منحيه منحين');
export const AR_BLAME_NOUNS = set('اللوم باللوم اللائمه باللائمه');

// ADR 0016 (claims/ar/families.ts)
/** Response verbs that report speech only with بقوله/بالقول or a following statement. */
export const AR_RESPONSE = set('رد ردت ردوا علق علقت عقب عقبت استطرد استطردت تساءل تساءلت اختتم اختتمت ختم ختمت اجاب اجابت');

// ADR 0016 (claims/ar/families.ts)
export const AR_DOC_NOUNS = set('تقرير بيان رساله وثيقه دراسه مذكره تقريرها تقريره بيانها بيانه');

// ADR 0016 (claims/ar/families.ts)
/** Verbs of relaying (a channel, not a speaker): "حسبما نقلت رويترز". */
export const AR_RELAY = set('نقل نقلت نقلته نقلها نقلتها اوردت اورد اوردته');
