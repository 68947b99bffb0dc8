// Word-list helpers and the lists both languages use (entries folded like text tokens: lower case, Arabic
// letters unified by the shared table, ADR 0015). Loaded into Sets/Maps once, at module load.

import { foldText } from '../text';
/** A word set; entries are folded like text tokens (Arabic letter variants unified, lower case). */
export const set = (s: string) =>
  new Set(
    s
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => foldText(w)),
  );

/** Word sets by name from a table of word lists: `sets({ A: 'x y' }).A` is `set('x y')`. */
export function sets<K extends string>(lists: Record<K, string>): Record<K, Set<string>> {
  const out = {} as Record<K, Set<string>>;
  for (const k of Object.keys(lists) as K[]) out[k] = set(lists[k]);
  return out;
}

/** word → kind from [kind, words] rows, in order: a word in two rows keeps its first position and the
 * later kind (as one assignment per word, row after row, would). */
export function kinds(rows: readonly (readonly [kind: string, words: string])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [kind, words] of rows) for (const w of words.split(/\s+/).filter(Boolean)) out[w] = kind;
  return out;
}

/** Map views of EN_VERBS and of `EN_VERBS[w] ?? EN_CLAIM_VERBS[w]` for the per-token lookups: indexing a plain
 * object with a token's (sliced, never internalised) string costs V8 a string-table probe per lookup (~0.2 µs,
 * ~3 % of the engine in englishClaims alone); Map.get hashes the string once. Object.prototype's names
 * ("constructor", "toString", …) map to what the object lookups returned, so every result is unchanged. */
export function mapView(...objs: Record<string, string>[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of Object.keys(objs[0])) m.set(k, objs[0][k]);
  for (const k of Object.getOwnPropertyNames(Object.prototype)) if (!m.has(k)) m.set(k, objs[0][k]);
  for (const o of objs.slice(1)) for (const k of Object.keys(o)) if (!m.has(k)) m.set(k, o[k]);
  return m;
}

/** Capital cities (folded, en/ar/fr/ru; the Asian, African and Latin American line added in session 6): a KB country metonym after a locative preposition is a place. */
export const CAPITALS =
  set(`moscow washington london paris beijing tehran riyadh cairo ankara berlin damascus baghdad beirut doha kiev kyiv tokyo seoul pyongyang
brussels amman sanaa tripoli khartoum kabul islamabad delhi rome madrid vienna ottawa canberra brasilia caracas havana minsk warsaw budapest prague athens
lisbon stockholm oslo helsinki copenhagen dublin bern rabat algiers tunis muscat manama kuwait jerusalem tel nicosia baku tbilisi yerevan tashkent
موسكو واشنطن لندن باريس بكين طهران الرياض القاهره انقره برلين دمشق بغداد بيروت الدوحه كييف كيف طوكيو سيول سول بيونغ بروكسل صنعاء طرابلس الخرطوم كابول
روما مدريد فيينا اوتاوا كانبرا مينسك وارسو بودابست براغ اثينا لشبونه ستوكهولم اوسلو هلسنكي كوبنهاغن دبلن برن الرباط الجزائر تونس مسقط المنامه
باكو تبليسي يريفان طشقند ابوظبي نيودلهي اسلام
jakarta manila bangkok hanoi nairobi abuja pretoria dhaka colombo kathmandu wellington bogota lima kampala dakar accra harare kinshasa mogadishu nouakchott
جاكرتا مانيلا بانكوك هانوي نيروبي ابوجا بريتوريا دكا كولومبو كاتماندو بوغوتا ليما كمبالا داكار اكرا هراري كينشاسا مقديشو نواكشوط
москва вашингтон лондон париж пекин тегеран киев токио сеул берлин`);
export const LOCATIVE_PREPS = set(
  'in at from to into near inside outside across via visiting visit في من الي الى علي إلى داخل خارج قرب عبر نحو' +
    // issue 11 (Arabic): a place noun in construct with the capital names the city, not the state (بورصة لندن، مطار
    // بغداد، شرق دمشق، العاصمة طهران، محكمة لندن للتحكيم)
    ' بورصه مطار جامعه بلديه شوارع ضواحي وسط شمال جنوب شرق غرب سكان اهالي مدينه العاصمه ميناء محكمه' +
    // issue 11 (places): more of the same (عمدة لندن، سوق لندن، منطقة موسكو، مصفاة الرياض), a locative with its
    // conjunction (وفي برلين، قال ...); not عمدة لندن: the Arabic claim rules resolve that title through the state and the English "capital" in apposition ("the Russian capital Moscow")
    ' سوق منطقه مصفاه فندق حي احياء ريف محافظه وفي ففي والي ومن capital',
);

// ---------------- Role words of both languages (claims: who a title refers back to)

export const TITLE_KEYS =
  set(`رئيس رئيسه وزير وزيره متحدث متحدثه ناطق ناطقه نائبه سفير سفيره مستشار مستشاره امين زعيم ملك امير نائب مدير مديره قائد مبعوث مندوب عمده محافظ حاكم
president minister secretary spokesman spokeswoman chancellor ambassador leader chairman chief director governor mayor envoy king prince premier`);

// ADR 0016 (claims/discourse.ts)
export const ROLE_START_WORDS =
  set(`رئيس رئيسه وزير وزيره متحدث متحدثه ناطق ناطقه سفير سفيره مستشار مستشاره امين زعيم ملك امير نائب مدير مديره قائد مبعوث
مندوب عمده محافظ حاكم مسؤول مسوول مسئول مصدر مصادر دبلوماسي الرئيس الوزير الوزيره المتحدث المتحدثه الناطق الناطقه السفير الامين المدير المديره
المسؤول المصدر بيان تقرير رساله وثيقه دراسه مذكره البيان التقرير الخارجيه الداخليه وزاره الوزاره الحكومه مكتب
spokesman spokeswoman spokesperson official officials minister secretary director chief president chairman head`);

// ADR 0016 (claims/discourse.ts)
export const SPEAKER_PHRASE_STOP = set(`في خلال عقب بعد قبل امام لدي الي علي عن مع اثناء حين عندما الذي التي ان انه انها كما الا لكن
on at in after before during while when as because that which who to about last this yesterday today`);

// ADR 0016 (claims/discourse.ts)
// ---------------------------------------------------------------- gender of named persons
// First-name lexicons (folded; English/international and transliterated names, and Arabic script). A person's gender
// is what the text or the name says: honorifics and gendered titles (set by the engine), else the first name here.
// Unknown stays unknown — agreement then only excludes what is known to clash.
export const FEMALE_FIRST_NAMES =
  set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley
kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy kathleen angela shirley brenda
emma anna pamela nicole samantha katherine christine helen debra rachel carolyn janet maria catherine heather diane olivia julie joyce
victoria ruth virginia lauren kelly christina joan evelyn judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara
janice ann kathryn abigail sophia frances alice judy isabella julia grace amber denise danielle marilyn beverly charlotte natalie theresa
diana brittany doris kayla lori marie clare claire cherie harriet tessa hilary hillary yulia kamala ursula annalena jacinda nicola liz
priti suella federica kaja ngozi kristalina gina nikki condoleezza madeleine nadia leila layla fatima fatma aisha ayesha maryam mariam
zainab huda hana rania noura nora reem amal salma dina lina mona nour yasmin yasmine samira sana najla tzipi golda benazir indira sonia
segolene marine giorgia mette sanna magdalena beata zuzana maia salome melania ivanka michele christiane francoise marine anne agnes
irina olga natalia natalya svetlana elena yelena tatiana tatyana anastasia ekaterina valentina lyudmila marina galina larisa oksana
ingrid astrid greta karin birgit petra sabine ulrike heike katrin annegret hanna mette helle erna jenny hilde
sian siobhan aoife niamh ines lucia carmen pilar beatriz giulia chiara francesca elisa katarzyna agnieszka marta zofia
aurelie sandrine nathalie isabelle camille amelie helene ngozi chimamanda
إليزابيث اليزابيث ماري ماريا مريم فاطمه عائشه عايشه زينب هدي هناء رانيا نوره نورا ريم امل سلمي دينا لينا مني نور ساره سارا ياسمين سميره سناء نجلاء
ليلي ليلى هيفاء رشا ريما سهي سوسن لمياء اسماء خديجه انجيلا انغيلا اورسولا تيريزا هيلاري كامالا نانسي كريستين جاسيندا ميلانيا ايفانكا انالينا ليز
نيكي كوندوليزا مادلين ناديه جيهان سوزان كاترين كاثرين ايرينا اولغا ناتاليا سفيتلانا ايلينا ماريا تاتيانا انستاسيا فالنتينا ماغدالينا ماريان
مارين جورجيا فيديريكا كايا نغوزي كريستالينا تسيبي غولدا بنظير انديرا سونيا`);

// ADR 0016 (claims/discourse.ts)
export const MALE_FIRST_NAMES =
  set(`john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
peter kyle noah ethan jeremy walter keith roger terry sean gerald carl harold arthur lawrence jordan jesse bryan billy bruce gabriel joe
wayne vincent roy ralph bobby russell philip eugene tony tom tim jim bill bob mike dave steve ian gordon nick ben sam dan matt nigel malcolm
hugh neil colin alistair alastair iain ken charlie philippe jacques francois nicolas emmanuel olaf gerhard helmut joschka silvio vladimir
dmitry dmitri mikhail boris sergei sergey viktor victor leonid ivan yuri igor alexei alexey andrei andrey oleg gennady nikolai mahmoud
mohammed muhammad mohamed mohammad ahmed ahmad ali hassan hussein omar abdullah abdul khalid saad saeed recep tayyip bashar hosni yasser
ariel ehud shimon kofi xi junichiro shinzo rupert bernie warren benny naftali yair volodymyr petro antony rishi keir jeremy jens mark
pedro joe abdel abdulaziz faisal fahd salman mansour sultan tamim hamad khalifa zayed mohamed mahathir najib recep mevlut hakan
tobias matthias markus stefan volker lars anders sven pieter hans klaus jurgen wolfgang dieter uwe rolf bernd heinrich
franz johannes lukas felix florian christoph andreas thorsten torsten niklas jonas henrik magnus nils bjorn knut erik gareth owen
rhys dafydd huw kwame uhuru raila jomo cyril thabo kagiso emeka chinedu piotr tomasz krzysztof pawel jakub matteo giovanni luca
alessandro francesco lorenzo
محمد احمد علي حسن حسين عمر خالد عبد عبدالله سعد سعيد يوسف ابراهيم مصطفي محمود طارق فيصل سلمان فهد منصور سلطان تميم حمد خليفه زايد
عادل سامح ايمن جون جورج دونالد جو باراك فلاديمير سيرغي سيرجي ديمتري ايمانويل اولاف رجب بشار حسني ياسر بنيامين نفتالي يائير انتوني ريشي
كير بوريس جاستن مايك مايكل ديفيد ريتشارد روبرت وليام توماس تشارلز مارك بيتر بول فولوديمير بيترو شي نجيب مهاتير مولود هاكان`);
