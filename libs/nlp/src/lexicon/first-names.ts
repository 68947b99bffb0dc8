// First-name lexicons (hand-curated data, issue 11 item 3; ADR 0017). A first name is evidence that the words after it
// are a person's name even with no title before them ("محمود باقري", "Raman Jit Singh Chima"), and it carries a gender
// for speaker agreement. Curated for the names news text uses most: Arabic (Gulf, Levant, Egypt, Maghreb), Persian,
// Turkish, Pakistani/Afghan and common Western names in Arabic script. Names that are also frequent common words
// (أكبر "bigger", أحد "one", أمل "hope", سلام "peace", عادل "just", كريم "generous", فرح, نور, حياة…) are left out on
// purpose: a lexicon hit on them would make persons of ordinary phrases. Written as in text; folded at load. Session 7
// added Gulf, Levant, Iraqi and Maghreb names news uses often (سعيد، فراس، تحسين…) and common European and Indian given
// names in Arabic script (فالنتين، راجيش): a given name here is also accepted as a name's first word after a title where
// its shape alone would refuse it (فالنتين opens like ف + ال; تحسين is a frequent masdar).

/** Arabic-script given names, masculine. */
export const AR_FIRST_NAMES_M = `
محمد أحمد محمود مصطفى علي عمر عثمان حسن حسين عبدالله عبد خالد سعد سلمان سليمان إبراهيم إسماعيل يوسف يعقوب موسى
عيسى داود يحيى زكريا إدريس يونس إلياس أيوب هارون نبيل وليد طارق ماجد فيصل فهد نايف منصور ناصر فؤاد هشام هاني
سامي رامي فادي شادي زياد عماد إياد أيمن أسامة حمزة معاذ بلال أنس مازن وائل غسان حاتم حازم عصام عمرو مروان مهدي
هادي جعفر عباس قاسم كاظم جواد باقر حيدر مقتدى فالح ياسر ياسين زهير مؤنس ممدوح مدحت عزت شوقي فتحي لطفي
صبحي حمدي رشدي سامح شريف عاطف رؤوف نجيب حسني حسام عبدالرحمن عبدالعزيز عبدالملك عبدالمجيد عبداللطيف عبدالكريم
عبدالرحيم عبدالفتاح عبدالحميد عبدالقادر عبدالهادي عبدالسلام عبدالناصر عبدالإله عبدالمحسن عبدالوهاب عبدالرزاق
عبدالباسط بشار ميشال ميشيل جورج جبران أنطوان بيار شربل سمير جوزيف ريمون نصرالله حسان راشد حمد زايد هزاع طحنون
مكتوم تميم جاسم ثامر مشعل مقرن نواف سعود أنور إسحاق بكر زيد معتز مهند مصعب أنيس نزار هيثم يزن قصي لؤي غازي
فواز عدنان شفيق رشيد قيس عبدالحكيم عبدالغني عبدالجليل أبوبكر عبدربه مسعود محسن مرتضى مجتبى بهرام داريوش كوروش
فرهاد فريدون شهرام مراد هاكان بولنت نعمان عصمت ميرال نواز شهباز برويز آصف بينظير حامد فلاديمير ديمتري ميخائيل
سيرغي سيرجي فيكتور يوري إيغور أليكسي ألكسي أندريه أوليغ نيكولاي بوريس إيفان دونالد جون جيمس روبرت مايكل ويليام
وليام ديفيد ريتشارد توماس تشارلز كريستوفر دانيال ماثيو أنتوني مارك بول أندرو ستيفن ستيفان كيفن براين إريك
جوناثان صامويل بنيامين ألكسندر باتريك بيتر هنري آدم نيكولا نيكولاس إيمانويل فرانسوا جاك جان بيير لوران أولاف
هيلموت غيرهارد فرانك ماريو سيلفيو جوزيبي خوسيه لويس كارلوس باراك مايك ريكس جيروم لويد ماركو كولن ستيف بيل توني
غوردون
سعيد فراس تحسين رائد ثائر خليل سامر رامز باسل ضاري ناجي فهمي مجدي رفعت عزمي حمدان مشاري نديم إيلي طوني عبدالمنعم
عبدالحليم عبدالعظيم عبدالغفار عبدالرؤوف عبدالستار عبدالجبار عبدالواحد عبدالأمير عبدالعال فالنتين فاليري أنطونيو لوكا
ماتيو جيوفاني دييغو رافائيل فرناندو أليخاندرو خوان بابلو هانز كلاوس فولفغانغ فريدريك راجيش راهول ناريندرا أميت سونيل
أنيل سانجاي فيجاي أرفيند
`;

/** Arabic-script given names, feminine. */
export const AR_FIRST_NAMES_F = `
فاطمة عائشة خديجة زينب مريم سارة هند ليلى رانيا رنا ريم لينا دينا منى هدى سعاد سميرة نادية نجلاء سوزان
كوثر فدوى نسرين شيرين ياسمين رشا غادة ميساء عبير سهى نوال سناء مها لمياء أسيل بثينة لبنى تماضر أنجيلا تيريزا
هيلاري كامالا نانسي ماري مارين أورسولا كريستين إليزابيث فيكتوريا كوندوليزا جوليا ماريا صوفيا إيما أوليفيا
كاترين كاثرين جيسيكا جنيفر ميشيل ميلانيا إيفانكا نيكي سامانثا ليندا باربرا
سلمى نورة ريما منال دانة شيماء مروة نهى سوسن ديما جومانا كارين كارولين إيلينا أولغا ناتاليا صوفي كلير لورا فالنتينا
`;

/** Latin-script given names added to the engine's list (lexicon.ts EN_FIRST_NAMES): frequent in world news. */
export const EN_FIRST_NAMES_EXTRA = `
raman rahul narendra arvind amit sushma imran shehbaz asif bilawal maryam ashraf hamid abdul abdel abdelaziz
akbar alireza javad hassan mohammad mahmoud ebrahim hossein esmail ismail kamala nancy mitch chuck lindsey
marco ted rex mike jerome lloyd antony jens ursula olaf emmanuel jean-yves annalena rishi keir liz theresa
jeremy priti sajid volodymyr petro dmytro oleksandr yevgeny sergei vasily valery valentina maria anna elena
olga irina tatiana natalia xi tanya carrie jimmy joshua nathan agnes martin lee moon yoon kishida fumio
yoshihide recep mevlut hulusi hakan ekrem binali ahmet mehmet mustafa tayyip benjamin naftali yair yoav isaac
reuven gilad juan pedro jair luiz inacio andres manuel gustavo nicolas hugo evo cristina alberto mauricio
javier sebastian
tobias matthias markus stefan volker jens erik lars anders sven pieter hans klaus jurgen wolfgang dieter uwe
rolf bernd heinrich franz johannes lukas felix florian christoph andreas thorsten torsten niklas jonas henrik
magnus nils bjorn knut gareth owen rhys dafydd huw kwame uhuru raila jomo cyril thabo kagiso tendai emeka chinedu
oluwaseun ngozi chimamanda aurelie sandrine nathalie isabelle camille amelie helene ingrid katrin sian
siobhan aoife niamh ines lucia carmen pilar beatriz giulia chiara francesca elisa katarzyna agnieszka
marta zofia piotr tomasz krzysztof pawel jakub matteo giovanni luca alessandro francesco lorenzo andrea
derrick desmond darren damian meenakshi anitha priya lakshmi venkat suresh ramesh rajesh
`;
