// English word lists (folded, lower case): the data the English actor and claim rules look words up in.

import { EN_FIRST_NAMES_EXTRA } from './first-names';
import { kinds, mapView, set, sets } from './shared';
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
director executive spokesman spokeswoman spokesperson ambassador envoy commissioner deputy leader officer inspector detective agent administrator
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
english french german spanish italian russian chinese arabic persian turkish latin
spaniard catalan basque frenchman frenchwoman englishman englishwoman irishman irishwoman welshman welshwoman scotsman scotswoman
dutchman dutchwoman`);

/** Reporting verbs (lower-case) → kind. */
export const EN_VERBS: Record<string, string> = kinds([
  [
    'statement',
    `said says say saying told tells tell telling added adds adding stated states explained explains noted notes insisted insists
argued argues claimed claims maintained maintains believes believe stressed stresses replied replies responded responds wrote
writes suggested suggests suggesting remarked observed commented indicated reiterated asserted asserts declared declares
acknowledged acknowledges admitted admits conceded concedes predicted predicts estimated estimates agreed agrees countered
counters continued`,
  ],
  ['announcement', 'announced announces announcing revealed reveals confirmed confirms disclosed unveiled'],
  ['statement', 'welcomed welcomes ruled rules concluded concludes described describes estimate estimates estimated'],
  ['accusation', 'accused accuses accusing alleged alleges blamed blames criticised criticized condemned'],
  ['denial', 'denied denies denying rejected rejects dismissed dismisses refuted disputed'],
  ['warning', 'warned warns warning cautioned'],
  ['demand', 'urged urges urging called demanded demands'],
  ['promise', 'promised promises pledged vowed vows'],
]);
// "branded the scheme a waste", "likened the plan to ...", "hinted that ...", "the Times reports ...", "BT advises that ..."

/** Reporting verbs used by the claim rules only (not as name cues by the actor rules): plural present forms ("officials
 * claim"), "branded the scheme a waste", "likened the plan to ...", "hinted that ...", "the Times reports ...". */
export const EN_CLAIM_VERBS: Record<string, string> = kinds([
  [
    'statement',
    `claim insist argue predict suggest admit acknowledge confirm think branded brands dubbed dubs likened likens labelled labeled
hinted hints thinks reports reported tweeted tweets`,
  ],
  // round 5 (en): a recipient object before a that-clause ("informed Putin that ...", en-object-that in families.ts);
  // "tweeting" for "by tweeting that ..." (the participle rule)
  ['statement', 'informed informs assured assures reminded reminds notified notifies tweeting'],
  ['accusation', 'accuse'],
  // issue 11 (en): the participle forms of EN_PARTICIPLES that had no entry, so ", arguing the accord ..." and
  // ", noting that ..." were skipped before the participle rule saw them
  ['statement', 'arguing noting insisting claiming stressing explaining maintaining predicting'],
  ['denial', 'deny'],
  ['warning', 'warn'],
  ['accusation', 'allege'],
  ['demand', 'advises advised'],
]);
export const EN_VERB = mapView(EN_VERBS);
export const EN_VERB_OR_CLAIM = mapView(EN_VERBS, EN_CLAIM_VERBS);

/** Verbs after which an object NP precedes the content. */
export const EN_OBJ_VERBS = set(
  'told tells tell telling warned warns urged urges assured informed reminded assures informs reminds notified notifies',
);

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
  forum: 'organization',
  league: 'organization',
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
  // fifth session: business-news epithets for a company named before ("The drugmaker said", "the lender added")
  drugmaker: 'organization',
  automaker: 'organization',
  carmaker: 'organization',
  chipmaker: 'organization',
  planemaker: 'organization',
  lender: 'organization',
  miner: 'organization',
  manufacturer: 'organization',
  producer: 'organization',
  conglomerate: 'organization',
  startup: 'organization',
  supermarket: 'organization',
  grocer: 'organization',
  brewer: 'organization',
  utility: 'organization',
  exporter: 'organization',
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

// ---------------- English claim rules

// issue 11 (names): more given names frequent in world news, kept as data in first-names.ts
for (const w of EN_FIRST_NAMES_EXTRA.split(/\s+/)) if (w) EN_FIRST_NAMES.add(w);

// The lists below as one table (name → words), loaded by `sets` into the same exported Sets.
export const {
  EN_ASIDE,
  EN_PASSIVE,
  EN_RECIP,
  EN_INVERTIBLE,
  EN_PARTICIPLES,
  EN_SKIP_BACK,
  EN_NOT_SUBJ,
  EN_DET,
  EN_TIME,
  EN_INV_SKIP,
  EN_INV_ROLE,
  EN_AFF_ROLE,
  EN_COMPANY_NOUN,
  EN_GENERIC_ORG,
  EN_NP_OBJ_VERBS,
  EN_PP_HEAD,
  EN_FINITE,
  EN_HONORIFIC,
  EN_CONNECT,
  EN_HEAD_TITLES,
  EN_ACRONYM_STOP,
  EN_NAME_SUFFIX,
  EN_PLACE_HEADS,
  EN_ROLE_NOUNS,
  EN_LOC_PREP,
  EAST_ASIAN_FAMILY,
  EN_OFFICER,
  EN_FEM_ROLE,
  EN_PHRASE_FINITE,
  EN_FAMILY_TRIGGERS,
  EN_REPORT_ING,
  EN_THAT_VERBS,
  EN_DO_VERBS,
  EN_OFFICER_HEAD,
  EN_PAREN_START,
} = sets({
  EN_ASIDE: 'according while whereas although though',
  EN_PASSIVE: 'was were is are be been being to',
  EN_RECIP: `reporters journalists mps jurors lawmakers parliament delegates investors supporters listeners viewers readers congress senators
members students officials the a an his her its their bbc radio news television tv`,
  EN_INVERTIBLE: `said says say added adds told tells argued argues wrote writes asked explained explains insisted insists predicted predicts warned
warns continued observed noted notes claimed claims stated suggested suggests remarked concluded replied responded`,
  EN_PARTICIPLES: 'saying adding warning insisting arguing claiming noting accusing denying suggesting stressing explaining tweeting',
  EN_SKIP_BACK: `both jointly all meanwhile also has have had repeatedly previously later earlier then again recently now publicly reportedly once
already further however would will still yesterday today separately subsequently since even long`,
  EN_NOT_SUBJ: 'i you we',
  EN_DET: 'the a an his her its their our this that these those',
  EN_TIME: `on in at during last this yesterday today earlier later afterwards tuesday monday wednesday thursday friday saturday sunday week
month year statement interview conference`,
  EN_INV_SKIP: `the mr mrs ms miss dr prof professor general gen mp mep sir lord lady president senator judge justice chief executive director
secretary minister analyst economist spokesman spokeswoman spokesperson acting detective superintendent supt colonel captain
commander foreign home prime deputy vice shadow defence defense finance interior former`,
  EN_INV_ROLE: `analyst analysts economist economists expert experts official officials spokesman spokeswoman spokesperson chief boss head
director chairman president secretary minister lawyer researcher researchers professor leader founder executive manager partner`,
  EN_AFF_ROLE: `spokesman spokeswoman spokesperson spokespeople official officials representative representatives lawyer lawyers head chief
director chairman chairwoman president secretary minister executive boss manager analyst analysts researcher researchers expert
experts source sources member members`,

  /** Organisation nouns that may refer to any organisation ("the firm" = the last company); institution nouns (court,
   * ministry, government, party ...) refer only to a body whose name has that word. */
  EN_COMPANY_NOUN: 'company firm group giant maker retailer carrier airline insurer operator bank exchange',
  EN_GENERIC_ORG: `company firm group giant maker retailer carrier airline insurer operator newspaper paper website broadcaster channel network daily
watchdog regulator body organisation organization bank exchange`,
  EN_NP_OBJ_VERBS: `announced announces unveiled unveils revealed reveals disclosed agreed agrees wrote writes reiterated reiterates criticised
criticized criticises criticizes condemned condemns tweeted tweets`,
  EN_PP_HEAD: 'during at in on after before while following ahead outside inside amid since',
  EN_FINITE: 'is are was were be been has have had will would could can may might must should shall did does do am',

  // ---------------- English actor rules
  EN_HONORIFIC: 'mr mrs ms miss dr',
  EN_CONNECT: 'of for the de du da del la le van von der den al el bin bint ibn y and',
  EN_HEAD_TITLES: `mr mrs ms miss dr prof professor president chancellor minister secretary senator sen governor mayor general gen colonel col
captain capt judge justice chairman chairwoman ceo director spokesman spokeswoman spokesperson ambassador envoy commissioner
leader inspector detective pope archbishop bishop cardinal rev reverend imam ayatollah rabbi mp mep coach manager analyst
economist journalist editor correspondent lawyer attorney prosecutor founder boss chief candidate premier executive officer
rep representative gov chair chairperson administrator`,
  EN_ACRONYM_STOP: `tv gdp ceo cfo coo cto am pm mp mps mep meps id it pc ok hiv aids dna uk us usa eu un bbc vat ipo sms dvd cd pr hr ad bc ps ii iii
iv vi faq www html pdf mr ms dr st uae ussr`,
  EN_NAME_SUFFIX: 'qc mp mep jr sr cbe obe mbe kbe phd md',
  EN_PLACE_HEADS: `street square road avenue dam island islands river sea ocean bay valley mountains mountain hills city county province state desert
lake park bridge airport station gate`,
  EN_ROLE_NOUNS: `spokesman spokeswoman spokesperson analyst economist journalist editor correspondent lawyer attorney prosecutor director chairman
chairwoman chief executive head founder president minister secretary official adviser advisor professor researcher expert author
member leader manager boss owner judge officer commissioner ambassador envoy mp mep senator governor mayor campaigner activist
consultant partner deputy`,
  EN_LOC_PREP: 'in at near from to into across outside inside around throughout toward towards via',

  // surname linking (actors/link.ts): family names written first
  EAST_ASIAN_FAMILY: 'kim lee park choi jung kang cho yoon jang lim moon xi li wang zhang liu chen yang zhao huang zhou wu hu abe kishida',

  // ADR 0016 (claims/discourse.ts)
  EN_OFFICER: `official officials spokesman spokeswoman spokesperson spokespeople source sources aide aides diplomat diplomats
representative representatives officer officers minister ministry`,

  // ADR 0016 (claims/discourse.ts)
  EN_FEM_ROLE: 'spokeswoman chairwoman businesswoman congresswoman she her',

  // ADR 0016 (claims/discourse.ts)
  EN_PHRASE_FINITE: 'said says say told tells has have had is are was were will would could can may might added warned stressed',

  // ADR 0016 (claims/en/families.ts)
  EN_FAMILY_TRIGGERS: `urging warning insisting arguing claiming saying suggesting stressing adding noting maintaining predicting
telling explaining accepting acknowledging admitting conceding charged tweeted said says emphasised emphasized emphasises emphasizes underscored underlined contended
contends complained complains lamented laments doubted doubts affirmed reaffirmed speculated lashed lashes hit hits took takes
objected objects railed rails criticised criticized criticises criticizes made makes calling called calls describing
described describes referred referring informed informs assured assures reminded reminds notified notifies condemned
condemns denounced denounces dismissed dismisses found finds concluded concludes showed shows
slammed blasted attacked faulted rebuked lambasted blamed accused castigated chided assessment assurance verdict view
message conclusion prediction diagnosis`,

  // ADR 0016 (claims/en/families.ts)
  EN_REPORT_ING: `urging warning insisting arguing claiming saying suggesting stressing adding noting maintaining predicting explaining
accepting acknowledging admitting conceding`,

  // issue 11 (en, claims/en/families.ts en-that-verb): verbs that report only with a that-clause right after them
  EN_THAT_VERBS: `charged tweeted emphasised emphasized emphasises emphasizes underscored underlined contended contends complained
complains lamented laments doubted doubts affirmed reaffirmed speculated`,

  // ADR 0016 (claims/en/families.ts)
  EN_DO_VERBS: 'say warn insist admit argue claim acknowledge concede predict suggest stress deny',

  // ADR 0016 (claims/en/families.ts)
  EN_OFFICER_HEAD: `spokesman spokeswoman spokesperson official officials source sources minister secretary director chief head executive aide
diplomat`,

  // ADR 0016 (claims/en/content.ts): a short parenthetical between a reporting verb and its content
  // ("said, by 2008, he wanted ...", "said, however, that ...") opens with one of these
  EN_PAREN_START: 'by in on at after before during for from under within however though meanwhile moreover also still yet',
});

/** issue 11 (en): federated units that speak as bodies ("Wisconsin said", "Texas and 10 other states said"; typed as
 * organisations by GOLD-GUIDELINES): US states, Canadian provinces and territories, Australian states. Folded words,
 * multi-word names joined by one space. Only a unit in subject position becomes an actor; elsewhere it stays a place. */
export const EN_FEDERATED_UNITS = new Set(
  `alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|
iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|
new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|
south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|
alberta|british columbia|manitoba|new brunswick|newfoundland and labrador|nova scotia|ontario|prince edward island|quebec|
saskatchewan|yukon|nunavut|new south wales|victoria|queensland|south australia|western australia|tasmania`
    .split('|')
    .map((w) => w.trim()),
);
/** First words of EN_FEDERATED_UNITS: the gate that skips the subject search in articles naming no unit. */
export const EN_UNIT_FIRST = new Set([...EN_FEDERATED_UNITS].map((u) => u.split(' ')[0]));
/** Plural nouns that close "X, Y and N other states said" (the unnamed rest of a list of units). */
export const EN_UNIT_PLURALS = set('states provinces territories others');
/** Plural roles whose "of X and Y" names the units that speak ("the attorneys general of X and Y said"). */
export const EN_UNIT_ROLES = set('general generals governors officials secretaries legislatures premiers');
/** Units whose bare name more often means something else (a capital, a country, a given name): a unit only in a list
 * of units or with "state" after it. */
export const EN_UNIT_AMBIGUOUS = set('washington georgia victoria');

/** ADR 0016, pass 4 (claims/en/families.ts, en-object-criticism): criticism idioms whose object (with its charge) is the
 * content, as head → the particle sequences after it ("lashed out at", "took issue with"); [] = the object follows the
 * head directly ("criticised the plan to ..."). */
export const EN_CRITICISM_IDIOMS = new Map<string, string[][]>(
  `lashed:out at|out against lashes:out at|out against hit:back at|out at hits:back at|out at took:issue with takes:issue with
objected:to objects:to railed:against rails:against criticised: criticized: criticises: criticizes:`
    .split(/\s+(?=[a-z]+:)/)
    .map((row) => {
      const [head, alts] = row.trim().split(':');
      return [head, alts ? alts.split('|').map((a) => a.trim().split(/\s+/)) : [[]]] as [string, string[][]];
    }),
);
/** seventh session (claims/en/families.ts en-passive-criticism): criticism verbs in the passive with their agent ("was
 * criticised by X for ..."); "accused" takes "of" before the charge, the others "for". */
export const EN_PASSIVE_CRIT = set(
  'criticised criticized condemned denounced slammed blasted attacked faulted rebuked lambasted blamed accused castigated chided',
);
/** seventh session (en-named-next): nouns that name the previous sentence as someone's statement ("That was the assessment
 * of X", "Such was the warning from X"). */
export const EN_VERDICT_NOUN = set('assessment assurance verdict view message conclusion prediction diagnosis warning');
/** "made it clear that ...", "makes clear ...": the clause after "clear" is the content. */
export const EN_MADE_CLEAR = set('made makes');
/** Naming verbs with an object complement ("calling the plan a 'disaster'", "described the row as ...", "referred to
 * it as ..."): the complement marker "as" they need (for call: none, a following "as" ends the content). */
export const EN_NAMING = new Map<string, string>([
  ['calling', ''],
  ['called', ''],
  ['calls', ''],
  ['describing', 'as'],
  ['described', 'as'],
  ['describes', 'as'],
  ['referred', 'as'],
  ['referring', 'as'],
  // round 5 (en): a characterisation with "as" ("condemned the decision as an 'anti-peace' move", "dismissed the report
  // as fabricated"); without "as" these stay out ("condemned the attack", "dismissed the minister")
  ['condemned', 'as'],
  ['condemns', 'as'],
  ['denounced', 'as'],
  ['denounces', 'as'],
  ['dismissed', 'as'],
  ['dismisses', 'as'],
]);
/** Round 5 (en, en-object-that): verbs whose recipient object comes before a that-clause ("informed Putin that ..."). */
export const EN_OBJECT_THAT = set('informed informs assured assures reminded reminds notified notifies');
