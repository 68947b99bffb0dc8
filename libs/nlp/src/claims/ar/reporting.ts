// Arabic claims, reporting-verb phase: the main pass over the document (قال/أكد/نفى ... + content), which also
// dispatches to the attribution phase (ar/attribution.ts).

import { arVerbOf } from '../../actors/ar/names';
import type { ActorAcc } from '../../actors/shared';
import {
  AR_ACCORDING_WORDS,
  AR_ADVERBIAL,
  AR_COMP,
  AR_DESCRIPTIONS,
  AR_OFFICER,
  AR_PERSON_TITLES,
  AR_PREP_BEFORE_QUOTE,
  AR_PREPS,
  AR_QAWL_WORDS,
  AR_RECIPIENT_PREFIX,
  AR_TITLE_WORDS,
  AR_VERBS,
  type ArVerb,
} from '../../lexicon/ar';
import { tokenAt } from '../../doc';
import { arabicVariants, type CliticVariant, inSpans } from '../../text';
import {
  actorOf,
  AR_OCCASION_WORDS,
  type Ctx,
  cutAtNextReport,
  lastClaimBefore,
  mentionText,
  OPENQ,
  personByTitle,
  pushClaim,
} from '../shared';
import { arabicAccording, arabicObjectClaim, arabicQuoting, passiveDescribe, prepObject } from './attribution';
import { discourseOf, type EngineView, viewOf } from '../discourse';
import { arabicAttribution } from './families';
import {
  arVerbNumber,
  closesOf,
  jointPartners,
  qualifiedDescription,
  resolveArPronoun,
  resolveDescription,
  nationalityHolder,
  skipSpaces,
  titledSubject,
} from './speaker';
/** The first clitic variant form that passes `ok` (a loop, not .map().find(): the arrays .map makes vary in
 * elements kind, and each new kind deoptimised arabicClaims, a ~0.2 CPU-second recompile). */
function firstForm(vs: CliticVariant[], ok: (form: string) => boolean): string | undefined {
  for (const v of vs) if (ok(v.form)) return v.form;
  return undefined;
}

/** Particles that govern a following أن themselves (folded): "however", "after", "before", "without", "despite", "since". */
const AR_GOVERNED_COMP = new Set(['الا', 'والا', 'غير', 'بيد', 'بعد', 'وبعد', 'قبل', 'دون', 'بدون', 'رغم', 'برغم', 'منذ', 'لولا']);

/**
 * A folded word that can only be a verb opening a clause, so an إن right before it is the conditional "if" and not
 * the complementiser (which takes a noun or pronoun subject): negation لم، the verbs كان/تم/ظل/بقي/عاد, and perfect verbs
 * of the استفعل stem (استمر، استخدمت، استمروا — the masdar استمرار/استخدام has an alef before its last letter, and
 * a name from this stem would carry ال or a long vowel).
 */
export function arConditionalVerb(norm: string): boolean {
  if (/^(لم|كان|كانت|كانوا|تم|تمت|ظل|ظلت|بقي|بقيت|عاد|عادت|وقع|وقعت)$/.test(norm)) return true;
  return /^است[^اوي]{2,3}(ت|وا)?$/.test(norm);
}

/** Role nouns (folded) that open a speaker phrase naming a person's post, beside AR_TITLE_WORDS / AR_PERSON_TITLES. */
const AR_ROLE_OPENERS = new Set(['مسوول', 'مسووله', 'رئيس', 'رئيسه', 'نائب', 'نايب', 'نائبه', 'نايبه', 'عضو', 'عضوه']);

/** Words that open a clause, so a definite noun phrase after them is the subject of the next verb. */
const AR_CLAUSE_OPENERS = new Set(['لكن', 'ولكن', 'بينما', 'فيما', 'كما', 'حيث', 'اذ', 'لذا', 'ثم', 'بل', 'الا']);

/**
 * issue 11 round 5: the verb at i has its own subject, a definite noun phrase that is no actor, right before it at the
 * start of a clause ("…، ولكن التقديرات الأولية تشير إلى أن"، "والأرقام الرسمية تؤكد أن"): then the verb has no pronoun
 * subject to resolve. Not for a fronted prepositional phrase (the words carry a preposition, or one precedes them), a
 * time word, or a description/role noun the other rules resolve (الوزارة، المسؤول).
 */
function unrecognisedSubject(ctx: Ctx, i: number): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  if (i < 1 || toks[i].gap > 1 || doc.sentOf[i - 1] !== doc.sentOf[i]) return false;
  // session 6: an indefinite document noun right before the verb is its subject ("في رد على تقرير أفاد أن …": a report
  // that stated) — its author is not named here, so the verb has no pronoun subject to resolve
  if (!ctx.mAt[i - 1] && AR_DOC_SUBJECT.has(toks[i - 1].norm)) return true;
  let j = i - 1;
  const definite = (k: number) => !ctx.mAt[k] && /^[وف]?ال/.test(toks[k].norm) && !AR_ADVERBIAL.has(toks[k].norm);
  if (!definite(j)) return false;
  while (j > 0 && toks[j].gap <= 1 && doc.sentOf[j - 1] === doc.sentOf[j] && definite(j - 1) && i - j < 4) j--;
  const head = toks[j].norm.replace(/^[وف](?=ال)/, '');
  if (AR_DESCRIPTIONS[head] || AR_TITLE_WORDS.has(head) || AR_PERSON_TITLES.has(head) || /^ال(مسوول|مصدر|مصادر|متحدث|ناطق)/.test(head))
    return false;
  // the phrase opens a clause: sentence start, after a comma, or after a clause opener
  if (doc.sentStart[j] || toks[j].gap >= 2) return true;
  return j > 0 && AR_CLAUSE_OPENERS.has(toks[j - 1].norm);
}

/** Session 6: participles of support or opposition whose ل-complement is their object (folded). */
const AR_STANCE_PARTICIPLES = new Set(
  'الداعم الداعمه المويد المويده الموالي المواليه المناهض المناهضه المعارض المعارضه المقرب المقربه المنحاز المنحازه'.split(' '),
);
/** Session 6: indefinite heads of non-state groups whose nationality adjective names no speaker (folded). */
const AR_NON_STATE_HEADS = new Set(
  'شركات شركه منظمات جمعيات صحف وسائل مواقع بنوك مصارف خبراء خبير محللون محللين محلل باحثون باحثين ناشطون ناشطين مواطنون مواطنين شبان'.split(
    ' ',
  ),
);
/** Session 6: dual heads that make the subject a pair ("وزيرا الخارجية X وY"، "كتلتا X وY"; folded). */
const AR_DUAL_HEADS = new Set(
  'وزيرا رئيسا زعيما ممثلا مبعوثا سفيرا الرئيسان الوزيران الزعيمان كتلتا حركتا شركتا منظمتا حزبا جماعتا'.split(' '),
);
const AR_DUAL_PERSON_HEADS = new Set('وزيرا رئيسا زعيما ممثلا مبعوثا سفيرا الرئيسان الوزيران الزعيمان'.split(' '));
/** Session 6: prepositions that make a mention an object, not a coordinated subject (folded). */
const AR_PARTNER_PREP = /^[وف]?(في|من|الي|علي|عن|مع|ضد|بين|باسم|لدي|عبر|امام|ل|ب)$/;

/**
 * Session 6: the coordinated partners of the speaker at spTok inside the speaker region (…, regionEnd], for a dual or
 * plural verb or a dual head: after a و-prefixed word (the start of the partner's title phrase, up to seven tokens,
 * commas allowed) the first mention of the same kind (a person for a person, a body for a body) that is not the object
 * of a preposition. At most `max` partners.
 */
function regionPartners(
  ctx: Ctx,
  spTok: number,
  regionEnd: number,
  sp: ActorAcc,
  max: number,
): { actor: ActorAcc; text: string; last: number }[] {
  const { doc } = ctx;
  const toks = doc.toks;
  const out: { actor: ActorAcc; text: string; last: number }[] = [];
  const kind = (a: ActorAcc) => (a.type === 'person' ? 'p' : a.type === 'location' ? 'l' : 'b');
  let r = ctx.mAt[spTok]!.last + 1;
  while (r <= regionEnd && out.length < max) {
    if (!/^و/.test(toks[r].norm) || toks[r].gap > 2 || AR_COMP.has(toks[r].norm.slice(1))) {
      r++;
      continue;
    }
    let found = -1;
    for (let q = r; q <= Math.min(regionEnd, r + 7); q++) {
      if (q > r && (toks[q].gap > 2 || arVerbOf(toks[q]))) break;
      const m = ctx.mAt[q];
      if (!m || m.first !== q) continue;
      const a = ctx.set.byId.get(m.actorId);
      if (q > 0 && AR_PARTNER_PREP.test(toks[q - 1].norm)) {
        q = m.last;
        continue;
      }
      if (a && a.id !== sp.id && kind(a) === kind(sp) && kind(a) !== 'l' && !out.some((o) => o.actor === a)) {
        out.push({ actor: a, text: doc.src.slice(m.start, m.end), last: m.last });
        found = m.last;
        break;
      }
      q = m.last;
    }
    r = found >= 0 ? found + 1 : r + 1;
  }
  return out;
}

/** Session 6: indefinite document nouns that are the subject of a verb right after them (folded). */
const AR_DOC_SUBJECT = new Set('تقرير تقارير تقييم دراسه دراسات بيان بيانات رساله وثيقه مذكره تحقيق استطلاع'.split(' '));

/** Words that open an aside on the source inside a speaker region (folded). */
const AR_REGION_ASIDE = new Set(['حسبما', 'بحسبما', 'وحسبما', 'كما', 'وفقا', 'ووفقا', 'بحسب', 'حسب', 'نقلا']);

/** Tell verbs (folded): the actor right after the verb is the addressee when a subject precedes it. */
const AR_TELL = new Set(['ابلغ', 'ابلغت', 'ابلغوا', 'اخبر', 'اخبرت', 'اخبروا']);

/** Plural heads standing for a country's authorities ("السلطات الأفغانية" counts as the country: GOLD-GUIDELINES). */
const AR_AUTHORITIES = new Set(['السلطات', 'سلطات', 'المسوولون', 'مسوولون', 'المسوولين', 'مسوولين']);

/** Honorifics with a possessive pronoun that stand for a person as the subject (folded). */
const AR_HONORIFIC = new Set(
  'سموه سموها معاليه معاليها فخامته فخامتها سعادته سعادتها سيادته سيادتها جلالته جلالتها دولته سماحته نيافته'.split(' '),
);

const AR_RELATIVE = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان']);

/**
 * issue 11 round 5: the verb at i closes a subject that carries a relative clause ("المسؤول العراقي الذي رفض ذكر اسمه
 * قال إن"، "وزير الخارجية الفيلموري الذي زار العاصمة أمس قال إن"): the antecedent right before الذي/التي is the subject.
 * Returns the speaker it names (an actor; an officer's country; a titled person the story named), `{}` when the
 * antecedent is no actor or a title the story did not name (refuse: the pronoun reading would give the last speaker),
 * or undefined when there is no such relative clause (at most eight tokens, no punctuation, before the verb).
 */
function relativeSubject(ctx: Ctx, i: number): { actor?: ActorAcc; text?: string } | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[i];
  if (toks[i].gap > 1) return undefined;
  let b = i - 2; // at least one word of the relative clause between الذي and the verb
  for (; b > 0 && b >= i - 9; b--) {
    if (doc.sentOf[b] !== sent || toks[b + 1].gap > 1) return undefined;
    if (AR_RELATIVE.has(toks[b].norm)) break;
  }
  if (b <= 0 || !AR_RELATIVE.has(toks[b].norm) || toks[b].gap > 1 || doc.sentOf[b - 1] !== sent) return undefined;
  const a = b - 1;
  const m = ctx.mAt[a];
  const act = m && m.last === a ? ctx.set.byId.get(m.actorId) : undefined;
  if (!act || act.type === 'location') {
    // "والرجل الذي التقى الوفد قال": a noun phrase the rules do not know; a description resolves as usual
    const w = toks[a].norm.replace(/^[وف](?=ال)/, '');
    if (AR_DESCRIPTIONS[w] && AR_DESCRIPTIONS[w] !== 'person') {
      const d = resolveDescription(ctx, i, AR_DESCRIPTIONS[w], w);
      return d ? { actor: d, text: tokText(ctx, a) } : {};
    }
    return /^[وف]?ال/.test(toks[a].norm) ? {} : undefined;
  }
  if (prepObject(ctx, m!.first)) return {};
  // "المسؤول العراقي" stands for its country, like "مسؤول عراقي" (ADR 0016 unnamed officers)
  if (act.type === 'country' && m!.first > 0 && AR_OFFICER.has(toks[m!.first - 1].norm.replace(/^[وف]?ال/, '')))
    return { actor: act, text: tokText(ctx, a) };
  const ts = titledSubject(ctx, a, i);
  if (ts?.person) return { actor: ts.person, text: ts.text };
  if (act.type === 'country' && m!.first > 0) {
    // a title the story named nobody with ("وزير الخارجية التركي الذي"): refuse
    if (ts?.inTitle) return {};
    for (let t = m!.first - 1; t >= Math.max(0, m!.first - 3) && toks[t + 1].gap <= 1; t--)
      if (AR_TITLE_WORDS.has(toks[t].norm) || AR_PERSON_TITLES.has(toks[t].norm)) return {};
  }
  return { actor: act, text: tokText(ctx, a) };
}

/**
 * round 7: a bare definite head noun as the whole speaker region ("وأوضحت الخطوط أن" after "الخطوط الجوية القطرية") is
 * the body most recently named with that first word; undefined when none was (refuse).
 */
function bodyByHead(ctx: Ctx, first: number, regionEnd: number, i: number): ActorAcc | undefined {
  const toks = ctx.doc.toks;
  if (first !== regionEnd) return undefined;
  const w = toks[first].norm.replace(/^[وف](?=ال)/, '');
  if (!w.startsWith('ال') || w.length < 5) return undefined;
  const pos = toks[i].start;
  for (let oi = ctx.order.length - 1; oi >= 0; oi--) {
    const m = ctx.order[oi];
    if (m.start >= pos || m.field !== ctx.doc.field || m.last === m.first) continue;
    if (toks[m.first].norm.replace(/^[وفبل]/, '') !== w && toks[m.first].norm !== w) continue;
    const a = ctx.set.byId.get(m.actorId);
    if (a && (a.type === 'organization' || a.type === 'group')) return a;
  }
  return undefined;
}

/** Tokens first..last name no actor and hold no punctuation (an object noun phrase). */
function objectOnly(ctx: Ctx, first: number, last: number): boolean {
  if (last - first > 10) return false;
  for (let r = first; r <= last; r++) if (ctx.mAt[r] || (r > first && ctx.doc.toks[r].gap > 1)) return false;
  return true;
}

const tokText = (ctx: Ctx, k: number) => ctx.doc.src.slice(ctx.doc.toks[k].start, ctx.doc.toks[k].end);

/**
 * The filters that make a candidate verb no report: a condition, a negation, the reporter's aside, a subjunctive, a
 * noun reading, a clause whose pronoun subject is the outer speaker. A function of its own so that a branch first
 * taken after the warm-up deoptimises these few lines, not the whole of arabicClaims (ADR 0022).
 */
function arNotAReport(ctx: Ctx, i: number, vv: { verb: string; strip: number }): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  const src = doc.src;
  const n = toks.length;
  if (i > 0 && /^(اذا|واذا|لو|ولو|عندما|حين)$/.test(toks[i - 1].norm)) return true; // "وإذا رأى الرئيس أن ..." is a condition, not a statement
  // issue 11 round 5: a negated report says nothing ("ولم يوضح X تحديدا التقارير"، "لم يذكر X أن"). (A negated denial —
  // "لم ينفِ" — is a jussive form the verb lists do not hold, so it never reaches here.)
  if (i > 0 && /^[وف]?لم$/.test(toks[i - 1].norm) && doc.sentOf[i - 1] === doc.sentOf[i]) return true;
  // "ويذكر أن ..." (it is worth noting) is the reporter's own aside
  if (/^(يذكر|ويذكر)$/.test(toks[i].norm) && i + 1 < n && AR_COMP.has(toks[i + 1].norm) && (doc.sentStart[i] || toks[i].gap >= 2))
    return true;
  // an imperfect verb right after أن/لن is subjunctive ("تريد أن ترى"، "لن يقول"), not a report
  if (
    vv.strip === 0 &&
    /^[يت]/.test(vv.verb) &&
    i > 0 &&
    doc.sentOf[i - 1] === doc.sentOf[i] &&
    /^(أن|ان|لن|كي|لكي)$/.test(src.slice(toks[i - 1].start, toks[i - 1].end))
  )
    return true;
  // رفض/وصف/نفي are also nouns: "إن رفض قطر لقائمة ..." / "بعد نفي الحريري"
  if (
    vv.strip === 0 &&
    /^(رفض|وصف|نفي)$/.test(vv.verb) &&
    i > 0 &&
    doc.sentOf[i - 1] === doc.sentOf[i] &&
    (AR_COMP.has(toks[i - 1].norm) || /^(في|من|علي|عن|بعد|قبل|رغم|بسبب|عقب|اثر|الي|مع)$/.test(toks[i - 1].norm))
  )
    return true;
  // issue 11: a verb right after a complementiser with a pronoun ("وأضاف أنه أبلغ المسؤولين الأمريكيين أن …") has that
  // pronoun as subject — the outer speaker, whose claim already holds this clause; a body after the verb is its addressee
  // (after a connective — إلا أنها أضافت، بيد أنه تدارك، غير أنه قال — the verb is the main one and speaks)
  if (
    i > 1 &&
    toks[i].gap <= 1 &&
    vv.strip === 0 &&
    doc.sentOf[i - 1] === doc.sentOf[i] &&
    /^ان(ه|ها|هم|هما)$/.test(toks[i - 1].norm) &&
    !/^[وف]?(الا|بيد|غير|لكن|رغم|برغم|مع|كما|حيث|بما|اذ|بل|علما)$/.test(toks[i - 2].norm)
  )
    return true;
  return false;
}

/**
 * The speaker of a verb whose region names no actor (ADR 0016 hooks): a relative's antecedent, the subject before
 * the verb, a short form of a person named earlier, a title word, a description, unnamed officers, or a pronoun.
 * `st` holds the speaker state so far and takes the result. A function of its own so that a branch first taken
 * after the warm-up deoptimises this cascade, not the whole of arabicClaims (ADR 0022).
 */
/**
 * Session 7: a nationality-qualified title ("وأضاف الوزير الأردني أن") refers only to a person introduced with that country
 * (nearby in the text, or a KB person of that country); another titled person — the host minister of the visit — is
 * refused. True when the title carries no nationality.
 */
function nationalityFits(ctx: Ctx, first: number, regionEnd: number, speaker: ActorAcc | undefined): boolean {
  if (!speaker || speaker.type !== 'person' || first + 1 > regionEnd) return true;
  const mc = ctx.mAt[first + 1];
  const nat = mc && mc.first === first + 1 ? ctx.set.byId.get(mc.actorId) : undefined;
  if (!nat || nat.type !== 'country') return true;
  if (speaker.country && nat.id === `country:${speaker.country}`) return true;
  if (nationalityHolder(ctx, first, nat) === speaker) return true;
  // a person the story introduced without any title may still hold it ("وقالت حداد … وأوضحت الوزيرة الفالورية");
  // one introduced with a title of their own that did not carry this country holds another office
  return !introducedWithTitle(ctx, speaker);
}

/** Session 7: the person's first mention in the body stands next to a title word (before it, or after it past a comma). */
function introducedWithTitle(ctx: Ctx, a: ActorAcc): boolean {
  const toks = ctx.doc.toks;
  const m = a.mentions.find((x) => x.field === ctx.doc.field);
  if (!m) return false;
  const isTitle = (r: number) => r >= 0 && r < toks.length && (AR_TITLE_WORDS.has(toks[r].norm) || AR_PERSON_TITLES.has(toks[r].norm));
  for (let r = m.first - 1; r >= Math.max(0, m.first - 4); r--) {
    if (isTitle(r)) return true;
    if (toks[r + 1].gap > 1) break;
  }
  return m.last + 1 < toks.length && toks[m.last + 1].gap <= 2 && isTitle(m.last + 1);
}

/** Session 7: "وأكد سموه خلال اللقاء أن": after the honorific subject only an adverbial phrase naming no actor. */
function honorificThenOccasion(ctx: Ctx, first: number, regionEnd: number): boolean {
  const toks = ctx.doc.toks;
  if (first + 1 > regionEnd || !/^(في|خلال|اثناء|امام|عبر|لدي)$/.test(toks[first + 1].norm)) return false;
  for (let r = first + 1; r <= regionEnd; r++) if (ctx.mAt[r] || toks[r].gap > 2) return false;
  return true;
}

function arUnnamedSpeaker(
  ctx: Ctx,
  view: EngineView,
  i: number,
  regionEnd: number,
  info: ArVerb,
  sent: number,
  subjTok: number,
  titleCountry: boolean,
  titledSubjOf: () => ReturnType<typeof titledSubject>,
  st: {
    speaker: ActorAcc | undefined;
    speakerText: string;
    explicit: boolean;
    spTok: number;
    unresolvedNoun: boolean;
    objFirst: number;
  },
): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const src = doc.src;
  const n = toks.length;
  let { speaker, speakerText, explicit, spTok, unresolvedNoun } = st;
  // definite descriptions / pronoun subjects
  let first = i + 1;
  while (first <= regionEnd && AR_ADVERBIAL.has(toks[first].norm)) first++;
  const firstW = first <= regionEnd ? toks[first].norm : '';
  const prevW = i > 0 ? toks[i - 1].norm : '';
  const rawFirst = i + 1 <= regionEnd ? toks[i + 1].norm : '';
  const ppFirst = AR_PREPS.test(firstW) || AR_PREPS.test(rawFirst) || (/^ل/.test(firstW) && !AR_DESCRIPTIONS[firstW]);
  // (a participle — قائلا، مضيفا — is never preceded by its own subject: "انتقد دول الناتو قائلا")
  // (an actor after a preposition, also at the end of a construct chain — "في سوق لندن قالت" — is no subject)
  // — and then the subject is an unrecognised noun phrase: refuse a pronoun reading too
  const ppSubj = i > 0 && !info.participle && doc.sentOf[subjTok] === sent && toks[i].gap <= 1 && !!ctx.mAt[subjTok];
  const ppObj = ppSubj && prepObject(ctx, ctx.mAt[subjTok]!.first);
  let before =
    i > 0 &&
    !info.participle &&
    doc.sentOf[subjTok] === sent &&
    (toks[i].gap <= 1 || (toks[i].gap === 2 && toks[i].norm[0] === 'ف')) &&
    !ppObj
      ? actorOf(ctx, subjTok)
      : undefined;
  let beforeTok = subjTok;
  if (!before && !info.participle && toks[i].gap === 2 && !/^[وف]/.test(toks[i].norm)) {
    // "وكالة الأنباء اليمنية "سبأ"، المتحدثة باسم الحكومة، قالت إن": subject, apposition, verb
    for (let c = i - 1; c > 0 && c >= i - 15 && doc.sentOf[c] === sent; c--) {
      const commaLike = toks[c].gap === 2 || (toks[c].gap === 4 && /[,،]/.test(toks[c].sep));
      if (!commaLike) {
        if (arVerbOf(toks[c]) || (toks[c].gap >= 3 && toks[c].gap !== 4)) break;
        continue;
      }
      const mS = ctx.mAt[c - 1];
      const aS = mS && mS.last === c - 1 ? ctx.set.byId.get(mS.actorId) : undefined;
      if (aS && aS.type !== 'location' && (/^ال/.test(toks[c].norm) || /^(وهو|وهي|التي|الذي|الذين|وهم)$/.test(toks[c].norm))) {
        before = aS;
        beforeTok = c - 1;
      }
      break;
    }
  }
  if ((prevW === 'الذي' || prevW === 'التي') && i > 1 && actorOf(ctx, i - 2) && (first > regionEnd || ppFirst)) {
    speaker = actorOf(ctx, i - 2);
    speakerText = mentionText(ctx, i - 2);
    explicit = true;
  } else if (before && (first > regionEnd || ppFirst) && titledSubjOf()) {
    speaker = titledSubjOf()!.person;
    speakerText = titledSubjOf()!.text;
  } else if (before && before.type !== 'location' && (first > regionEnd || ppFirst)) {
    // subject-verb order: "وكان وزير الخارجية التركي مولود جاويش أوغلو قال، الخميس، إن"
    speaker = before;
    speakerText = mentionText(ctx, beforeTok);
    explicit = true;
    spTok = beforeTok;
    const mb = ctx.mAt[beforeTok]!;
    if (
      before.type === 'country' &&
      mb.first > 0 &&
      (AR_TITLE_WORDS.has(toks[mb.first - 1].norm) || AR_PERSON_TITLES.has(toks[mb.first - 1].norm))
    ) {
      // "المستشار النمساوي أوضح" — the titled person
      const p = resolveDescription(ctx, i, 'person', toks[mb.first - 1].norm);
      if (p) {
        speaker = p;
        speakerText = toks[mb.first - 1].norm;
        explicit = false;
      }
    }
  } else if (first > regionEnd || ppFirst) {
    // ADR 0016 hook: "وقال لي خلال مؤتمر ..." — a short form of a person named earlier right after the verb
    const sn = i + 1 < n && doc.sentOf[i + 1] === sent ? discourseOf(view).shortName(i + 1) : undefined;
    if (sn) {
      speaker = sn;
      speakerText = doc.src.slice(toks[i + 1].start, toks[i + 1].end);
      explicit = true;
    } else if (!ppObj) {
      // issue 11 round 5: "المسؤول العراقي الذي رفض ذكر اسمه قال إن" — the antecedent of a relative clause before the verb
      const rel = info.participle ? undefined : relativeSubject(ctx, i);
      if (rel) {
        if (rel.actor) {
          speaker = rel.actor;
          speakerText = rel.text ?? '';
        }
      } else if (info.participle || !unrecognisedSubject(ctx, i)) speaker = resolveArPronoun(ctx, i, info.fem, !!info.participle);
    }
  } else if (titleCountry || AR_TITLE_WORDS.has(firstW)) {
    // an indefinite role ("مدير إحدى الوكالات", "متحدث عسكري") is an anonymous source unless that role named someone before
    speaker =
      firstW.startsWith('ال') || titleCountry ? resolveDescription(ctx, i, 'person', firstW) : personByTitle(ctx, firstW, toks[i].start);
    if (!nationalityFits(ctx, first, regionEnd, speaker)) speaker = undefined;
    speakerText = toks[first].norm;
  } else if (
    // round 7: "ووصف قصف الانفصاليين بأنه الأعنف"، "واتهم الهجمات الأخيرة بأنها …": a describe or accuse verb whose
    // region before بأن is its object (no actor, no description, no officer) has a pronoun subject — the speaker of a
    // claim in this or the previous sentence; the object is part of the text
    !info.participle &&
    (info.objectText || info.kind === 'denial') &&
    info.kind !== 'statement' &&
    regionEnd >= first &&
    regionEnd + 1 < n &&
    /^ب/.test(toks[regionEnd + 1].norm) &&
    AR_COMP.has(toks[regionEnd + 1].norm) &&
    !AR_DESCRIPTIONS[firstW.replace(/^[وف](?=ال)/, '')] &&
    !AR_TITLE_WORDS.has(firstW) &&
    !AR_PERSON_TITLES.has(firstW) &&
    !AR_OFFICER.has(firstW.replace(/^ال/, '')) &&
    !/(ون|ين)$/.test(firstW) &&
    objectOnly(ctx, first, regionEnd)
  ) {
    const lc = lastClaimBefore(ctx, i);
    const p = lc && sent - doc.sentOf[lc.at] <= 1 ? resolveArPronoun(ctx, i, info.fem, false) : undefined;
    if (p && p.id === lc!.speaker.actorId) {
      speaker = p;
      st.objFirst = first;
    } else unresolvedNoun = true;
  } else if (AR_HONORIFIC.has(firstW) && (first === regionEnd || honorificThenOccasion(ctx, first, regionEnd))) {
    // round 7: an honorific standing for "he/she" ("وأكد سموه أن"، "وأضاف معاليه"، "وقالت سعادتها") is a pronoun subject,
    // and only ever refers to a person
    const p = resolveArPronoun(ctx, i, info.fem || /ها$/.test(firstW), false);
    if (p && p.type === 'person') {
      speaker = p;
      speakerText = src.slice(toks[first].start, toks[first].end);
    } else unresolvedNoun = true;
  } else {
    const w = firstForm(arabicVariants(toks[first].norm), (f) => !!AR_DESCRIPTIONS[f]);
    // issue 11 round 5: "وذكرت المصادر أن" / "وأضاف المسؤولون" — the unnamed officers introduced earlier, or refuse
    const off = w ? undefined : discourseOf(view).definiteOfficer(firstW, toks[i].start);
    if (off !== undefined) {
      if (off) {
        speaker = off;
        speakerText = src.slice(toks[first].start, toks[first].end);
      } else unresolvedNoun = true;
    } else if (w) {
      const typ = AR_DESCRIPTIONS[w];
      if (w === 'البيان') speaker = lastClaimBefore(ctx, i) ? ctx.set.byId.get(lastClaimBefore(ctx, i)!.speaker.actorId!) : undefined;
      else
        speaker =
          (typ !== 'person' ? qualifiedDescription(ctx, i, first, regionEnd, typ) : undefined) ?? resolveDescription(ctx, i, typ, w);
      if (typ === 'person' && !nationalityFits(ctx, first, regionEnd, speaker)) speaker = undefined;
      speakerText = toks[first].norm;
    } else {
      // ADR 0016 hook: a short form of a person named earlier ("وأضاف لي" after "لي كه شيانغ")
      const sn = discourseOf(view).shortName(first);
      const hb = sn ? undefined : bodyByHead(ctx, first, regionEnd, i);
      if (sn) {
        speaker = sn;
        speakerText = doc.src.slice(toks[first].start, toks[first].end);
        explicit = true;
      } else if (hb) {
        speaker = hb;
        speakerText = doc.src.slice(toks[first].start, toks[first].end);
      } else unresolvedNoun = true;
    }
  }
  if (speaker && !speakerText) speakerText = '';
  st.speaker = speaker;
  st.speakerText = speakerText;
  st.explicit = explicit;
  st.spTok = spTok;
  st.unresolvedNoun = unresolvedNoun;
}

export function arabicClaims(ctx: Ctx): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const src = doc.src;
  const n = toks.length;
  const view = viewOf(ctx);
  for (let i = 0; i < n; i++) {
    // ADR 0016 hook: the attribution families of ar/families.ts (speaker after the content, بقوله, documents)
    if (toks[i].script === 'arabic' && arabicAttribution(view, i)) continue;
    // set lookups, not regex tests, on every token (the sets spell out /^و?(بحسب|حسب|وفقا|طبقا)$/ and /^(قوله|قولها|قولهم|قوله:)$/)
    if (toks[i].script === 'arabic' && AR_ACCORDING_WORDS.has(toks[i].norm)) {
      arabicAccording(ctx, i);
      continue;
    }
    if (toks[i].script === 'arabic' && AR_QAWL_WORDS.has(toks[i].norm)) {
      arabicQuoting(ctx, i);
      continue;
    }
    const vv = arVerbOf(toks[i]);
    if (!vv) continue;
    const info = AR_VERBS.get(vv.verb)!;
    if (inSpans(doc.skip, toks[i].start, toks[i].end)) continue;
    if (arNotAReport(ctx, i, vv)) continue;
    // "ما قالت إنه" — a reported claim inside a relative clause is still a claim of its subject; keep.
    const sent = doc.sentOf[i];
    let comp = -1; // token index of the complementiser
    let contentStart = -1;
    let q = i + 1;
    const limit = Math.min(n, i + 24);
    for (; q < limit; q++) {
      const t = toks[q];
      if (doc.sentOf[q] !== sent && !(q === i + 1 && doc.sentOf[q] === sent + 1 && /:\s*$/.test(src.slice(toks[i].end, t.start)))) break;
      // colon / quote opens the content
      if (/[:"\u201C\u00AB]/.test(t.sep) && q > i) {
        const sepStart = t.start - t.sep.length;
        const qi = t.sep.search(/["\u201C\u00AB]/);
        const ci = t.sep.indexOf(':');
        // a short quoted name inside the speaker phrase (الرئيس التنفيذي لشركة "أوبر"، دارا خسروشاهي، إن), or a quoted
        // object of a preposition (متحدث باسم "وايمو"، ردا على "العدوان") does not open the content
        let nameQuote = false;
        if (qi >= 0 && ci < 0) {
          if (closesOf(doc).has(sepStart + qi))
            nameQuote = true; // a closing mark
          else {
            const qx = doc.quoteAt.get(sepStart + qi);
            if (qx !== undefined) {
              const qq = doc.quotes[qx];
              let words = 0;
              let r = q;
              while (r < n && toks[r].start < qq.close) {
                words++;
                r++;
              }
              let compSoon = false;
              for (let r2 = r; r2 < Math.min(n, r + 4) && doc.sentOf[r2] === sent; r2++)
                if (AR_COMP.has(toks[r2].norm)) {
                  compSoon = true;
                  break;
                }
              const prepBefore = q > i + 1 && AR_PREP_BEFORE_QUOTE.test(toks[q - 1].norm);
              // a short quote that is exactly an actor's name (شركة ... "تشيناليسس" في تقرير ... أن) is a name
              const mq = ctx.mAt[q];
              const isName = !!mq && mq.first === q && mq.last === r - 1 && ctx.set.byId.get(mq.actorId)?.type !== 'location';
              if (isName && words <= 3 && r < n && doc.sentOf[r] === sent) {
                q = r - 1;
                continue;
              }
              // round 7: "وأشارت «X» إلى أن"، "وقالت "X" إن": a one- or two-word quote right after the verb with a
              // complementiser soon after is the subject's name (an unrecognised one leaves the speaker unresolved)
              const nameAfterVerb = q === i + 1 && words <= 2 && compSoon && r < n && doc.sentOf[r] === sent && toks[r].gap === 4;
              if (nameAfterVerb) {
                q = r - 1;
                continue;
              }
              if (
                q > i + 1 &&
                r < n &&
                doc.sentOf[r] === sent &&
                ((prepBefore && words <= 6) ||
                  (words <= 3 && (/^["\u201D\u00BB]?\s*[,،]/.test(src.slice(qq.close, toks[r].start)) || compSoon)))
              ) {
                q = r - 1;
                continue;
              }
            }
          }
        }
        if (!nameQuote) {
          if (qi >= 0) contentStart = sepStart + qi;
          else contentStart = sepStart + ci + 1;
          comp = q - 1;
          break;
        }
      }
      const w = t.norm;
      // session 6: "نفى X الجمعة مقتل … وذلك بعد إعلان Y أنه …": وذلك + an occasion word opens the reporter's account of
      // when it was said; a complementiser after it belongs to that account (here to the masdar إعلان), not to this verb
      if (w === 'وذلك' && q + 1 < n && AR_OCCASION_WORDS.has(toks[q + 1].norm) && doc.quoteOf[q] < 0) break;
      // issue 11: a multi-word name whose first word folds like a complementiser ("وقال بان كي مون إن": بان = بأن) is
      // the speaker, not the start of the content; the complementiser after it is the real one
      const mw = AR_COMP.has(w) ? ctx.mAt[q] : undefined;
      if (mw && mw.first === q && mw.last > q && doc.sentOf[mw.last] === sent) {
        q = mw.last;
        continue;
      }
      if (AR_COMP.has(w)) {
        // issue 11 (attribution): أن governed by a particle of its own (إلا أن، غير أن: "however"; بعد أن، قبل أن، دون
        // أن، رغم أن، منذ أن: a clause of time or concession) opens no complement of this verb: "حذرت X من …، إلا أن ذلك
        // لم يمنع"، "أعرب عن أسفه بعد أن استخدمت …"
        if (q > i + 1 && AR_GOVERNED_COMP.has(toks[q - 1].norm) && w !== 'لان') break;
        // issue 11: إنّ the complementiser is followed by its subject, never by a verb: a bare إن before a verb is the
        // conditional "if" ("هدد X باستهداف … إن استمر التصعيد")
        if (w === 'ان' && q > i + 1 && q + 1 < n && doc.sentOf[q + 1] === sent && arConditionalVerb(toks[q + 1].norm)) break;
        comp = q;
        contentStart = t.end;
        break;
      }
      if (
        t.gap >= 3 &&
        !(t.gap === 4 && !/[.!?؟:\n]/.test(t.sep) && closesOf(doc).has(t.start - t.sep.length + t.sep.search(/["\u201D\u00BB]/)))
      )
        break;
      if (arVerbOf(t)) break; // another reporting verb: its own claim
    }
    // "أشار إلى ضرورة ... "الجرح المتقيح""، "مشيرا إلى اختراق "ياهو"": pointing to a noun phrase is not a statement, even
    // when a quotation follows inside it
    if (
      info.prep === 'الي' &&
      comp >= 0 &&
      !(toks[comp] && AR_COMP.has(toks[comp].norm)) &&
      !/:/.test(src.slice(toks[i].end, contentStart))
    ) {
      let pi = -1;
      for (let r = i + 1; r <= comp; r++)
        if (toks[r].norm === 'الي') {
          pi = r;
          break;
        }
      if (pi >= 0 && pi < comp) continue;
    }
    // session 6: a demand with a noun object ("دعا X إلى «محاكمة …»"، "تطالب X Y بالتخلي عن … «…»") is a request, not a
    // statement (test/gold/README: دعا/طالب إلى + noun are not claims), even when a quotation follows inside it
    if (
      info.kind === 'demand' &&
      comp >= 0 &&
      !(toks[comp] && AR_COMP.has(toks[comp].norm)) &&
      !/:/.test(src.slice(toks[i].end, contentStart))
    )
      continue;
    // round 6: a describe verb with بأن right after it has no object, so it is the passive (حروق وُصفت بأنها خطيرة):
    // the active always names what it describes (وصفت X الوضع بأنه، وصفته بأنه)
    if (comp === i + 1 && passiveDescribe(ctx, i)) continue;
    // the speaker region is (i, comp]
    let regionEnd = comp >= 0 ? (contentStart >= 0 && toks[comp] && AR_COMP.has(toks[comp].norm) ? comp - 1 : comp) : -1;
    // round 7: "وأوضح X حسبما نقل عنه التلفزيون الرسمي أن": an aside naming the source of the report closes the speaker
    // region — the actors in it relayed the statement, they did not make it
    for (let r = i + 2; r <= regionEnd; r++)
      if (AR_REGION_ASIDE.has(toks[r].norm) && toks[r].gap <= 2) {
        regionEnd = r - 1;
        break;
      }
    let speaker: ActorAcc | undefined;
    let speakerText = '';
    let explicit = false;
    let unresolvedNoun = false;
    let titleCountry = false;
    let spTok = -1; // token of the explicit speaker's mention (for joint statements)
    // the subject right before the verb, also across "قد" (وكان الحوثيون قد أعلنوا أنهم)
    let subjTok =
      i > 1 && /^(قد|وقد|فقد|لقد)$/.test(toks[i - 1].norm) && toks[i].gap <= 1 && toks[i - 1].gap <= 1 && doc.sentOf[i - 2] === sent
        ? i - 2
        : i - 1;
    // round 7: a relative clause's verb has the antecedent as subject ("لندن وواشنطن وباريس التي تتهم X بـ…"): an
    // actor after the verb is its object, never the speaker (a country adjective in a title phrase is left to the
    // relative-clause rules, which find the titled person)
    if (
      subjTok === i - 1 &&
      i > 1 &&
      toks[i].gap <= 1 &&
      toks[i - 1].gap <= 1 &&
      AR_RELATIVE.has(toks[i - 1].norm) &&
      doc.sentOf[i - 2] === sent &&
      ctx.mAt[i - 2]?.last === i - 2
    ) {
      const ma = ctx.mAt[i - 2]!;
      const aa = actorOf(ctx, i - 2);
      const titled = ma.first > 0 && (AR_TITLE_WORDS.has(toks[ma.first - 1].norm) || AR_PERSON_TITLES.has(toks[ma.first - 1].norm));
      if (aa && aa.type !== 'location' && !(aa.type === 'country' && titled)) subjTok = i - 2;
    }
    if (
      subjTok === i - 2 &&
      !AR_RELATIVE.has(toks[i - 1].norm) &&
      !(
        ctx.mAt[i - 2] &&
        actorOf(ctx, i - 2)?.type !== 'location' &&
        !(ctx.mAt[i - 2]!.first > 0 && /^(في|من|الي|علي|عن|مع|ضد|بين|بقياده)$/.test(toks[ctx.mAt[i - 2]!.first - 1].norm))
      )
    ) {
      // "وكان التحالف العسكري بقيادة السعودية في اليمن قد أعلن": the subject follows كان
      for (let b = i - 3; b >= Math.max(0, i - 14) && doc.sentOf[b] === sent; b--) {
        if (!/^(كان|وكان|كانت|وكانت|فكان|فكانت)$/.test(toks[b].norm)) continue;
        const mS = ctx.mAt[b + 1];
        if (mS && mS.first === b + 1 && mS.last < i - 1 && actorOf(ctx, b + 1)?.type !== 'location') subjTok = mS.last;
        break;
      }
    }
    // (computed only when a subject-before-verb reading is tried: it may resolve a role description)
    let tsMemo: ReturnType<typeof titledSubject> | null = null;
    const titledSubjOf = () => (tsMemo === null ? (tsMemo = subjTok >= 0 ? titledSubject(ctx, subjTok, i) : undefined) : tsMemo);
    const pickRegion = (from: number, to: number) => {
      let best: ActorAcc | undefined;
      let bestRank = 9;
      let bestK = -1;
      // a region opening with a preposition (في لقاء مع X، خلال مؤتمر مع X) holds no subject
      let f1 = from;
      while (f1 < to && AR_ADVERBIAL.has(toks[f1].norm)) f1++;
      // (also after an adverb: "قال أيضا في مقابلة مع قناة X إن")
      const ppStart =
        /^(في|خلال|عبر|امام|علي|عن|مع|لدي|بعد|قبل|اثناء)$/.test(toks[from].norm) ||
        /^(في|خلال|عبر|امام|علي|عن|مع|لدي|بعد|قبل|اثناء)$/.test(toks[f1].norm);
      // (issue 11: also the role nouns the title lists leave out — مسؤول، رئيس، نائب، عضو: "قال مسؤول مكافحة الإرهاب
      // والاستخبارات المالية في الوزارة، X، إن" is X, not the body of the role)
      const titledRegion = AR_TITLE_WORDS.has(toks[f1].norm) || AR_PERSON_TITLES.has(toks[f1].norm) || AR_ROLE_OPENERS.has(toks[f1].norm);
      // round 7: "وتتهم السلطات الأفغانية أجهزة X بـ…": the authorities of a country are its subject; a body after them
      // is the object
      if (AR_AUTHORITIES.has(toks[f1].norm) && f1 + 1 <= to && toks[f1 + 1].gap <= 1) {
        const mc = ctx.mAt[f1 + 1];
        const ac = mc && mc.first === f1 + 1 ? ctx.set.byId.get(mc.actorId) : undefined;
        if (ac && ac.type === 'country') {
          speaker = ac;
          speakerText = mentionText(ctx, f1 + 1);
          explicit = true;
          spTok = f1 + 1;
          if (info.objectText && info.kind !== 'statement' && mc!.last + 1 < n) contentStart = toks[mc!.last + 1].start;
          return;
        }
      }
      // session 6: "وقال مصدران، على دراية بالمحادثات مع X، لموقع Y، إن": an unnamed officer set off by a comma has no
      // affiliation; the actors in the aside after it are topics or recipients — no speaker
      if (/^(مصدر|مصدران|مصادر|مسوول|مسوولان|مسوولون|مسيول)$/.test(toks[f1].norm) && f1 + 1 <= to && toks[f1 + 1].gap === 2) return;
      for (let k = from; k <= to; k++) {
        const mk = ctx.mAt[k];
        if (!mk || (mk.first !== k && k !== from)) continue;
        const a = actorOf(ctx, k);
        if (!a || a.type === 'location') continue;
        const f0 = mk.first;
        const prevTok = f0 > 0 ? toks[f0 - 1] : undefined;
        // recipients: للصحفيين، لوكالة رويترز، لبي بي سي
        const authorOf = prevTok && /^(التابعه|التابع|تابعه|تابع|تقرير|بيان|دراسه|تحقيق|مقال|تقريرا)$/.test(prevTok.norm); // "تقرير لموقع X": X wrote it
        if (AR_RECIPIENT_PREFIX.test(toks[f0].norm) && mk.start > toks[f0].start && !authorOf) continue;
        // issue 11: a body or country in a ل-complement of an unrecognised name ("الجبهة الشعبية لتحرير X"، "المجلس
        // الأعلى للتنمية في X") is what the name is about, not the speaker
        if (
          prevTok &&
          f0 - 1 >= from &&
          toks[f0].gap <= 1 &&
          !ctx.mAt[f0 - 1] &&
          !authorOf &&
          prevTok.norm.length >= 5 &&
          /^(لت|لل)/.test(prevTok.norm) &&
          !/^(لوكاله|لصحيفه|لجريده|لقناه|لشبكه|لتلفزيون|لموقع)$/.test(prevTok.norm)
        )
          continue;
        // "لصحيفة X" is a recipient, but "تقرير لموقع X" names the author
        if (
          prevTok &&
          f0 - 1 >= from &&
          /^(لوكاله|لصحيفه|لجريده|لقناه|لشبكه|لتلفزيون|لموقع|لراديو|لمحطه)$/.test(prevTok.norm) &&
          !(f0 - 2 >= from && /^(تقرير|بيان|دراسه|تحقيق|مقال|تقريرا)$/.test(toks[f0 - 2].norm))
        )
          continue;
        // session 6: "لموقع شبكة «X»"، "لصحيفة جريدة X": a recipient behind two media nouns; "الداعم للحكومة X"،
        // "الموالي لـX": the object of a participle of support or opposition, not the speaker
        if (
          prevTok &&
          f0 - 2 >= from &&
          /^(لوكاله|لصحيفه|لجريده|لقناه|لشبكه|لتلفزيون|لموقع|لراديو|لمحطه)$/.test(toks[f0 - 2].norm) &&
          /^(وكاله|صحيفه|جريده|قناه|شبكه|تلفزيون|موقع|اذاعه)$/.test(prevTok.norm)
        )
          continue;
        if (prevTok && f0 - 1 >= from && /^لل/.test(toks[f0].norm) && AR_STANCE_PARTICIPLES.has(prevTok.norm)) continue;
        // session 6: a nationality adjective of an indefinite non-state group ("شركات طيران أمريكية"، "خبراء روس"،
        // "ناشطون مصريون") is no speaker: those companies or people are unnamed (GOLD-GUIDELINES: anonymous sources)
        if (a.type === 'country' && f0 - 1 >= from && toks[f0].gap <= 1) {
          let nonState = false;
          for (let b = f0 - 1; b >= Math.max(from, f0 - 2); b--) {
            if (AR_NON_STATE_HEADS.has(toks[b].norm)) nonState = true;
            if (toks[b].gap > 1 || ctx.mAt[b]) break;
          }
          if (nonState) continue;
        }
        // "بحسب تقرير وكالة رويترز" inside the region: a source of the report, not the speaker
        let src2 = false;
        for (let b = Math.max(from, f0 - 3); b < f0; b++)
          if (
            /^(بحسب|حسب|وبحسب|وفقا|نقلا)$/.test(toks[b].norm) ||
            (toks[b].norm === 'تقرير' && b > from && /^(بحسب|حسب|وبحسب|وفقا|نقلا|في)$/.test(toks[b - 1].norm))
          )
            src2 = true;
        if (src2) continue;
        // a country adjective inside a title phrase (الرئيس الروسي) is not the speaker
        if (a.type === 'country' && f0 > from && AR_TITLE_WORDS.has(toks[f0 - 1].norm)) {
          titleCountry = true;
          continue;
        }
        let rank: number;
        if ((prevTok && prevTok.norm === 'باسم') || /^باسم/.test(toks[f0].norm))
          rank = 5; // المتحدث باسم X: X only if no name follows
        else if (a.type !== 'person' && prevTok && f0 > from && /^(في|من|الي|علي|عن|مع|خلال|لدي|امام|بين)$/.test(prevTok.norm))
          rank = 6; // inside a prepositional phrase
        else if (a.type === 'person' && prevTok && f0 > from + 1 && /^(مع|الي|امام|عن|لدي|بين|ضد|بحضور)$/.test(prevTok.norm))
          rank = 6; // ADR 0016: a companion or addressee ("في مؤتمر مشترك مع X"، "في رسالة إلى X") is not the speaker
        else if (a.type !== 'person' && mk.start > toks[f0].start && /^[بل]/.test(toks[f0].norm) && !authorOf)
          rank = 6; // بالبيت الأبيض
        else {
          const inTitle =
            a.type !== 'person' && f0 > from && (AR_TITLE_WORDS.has(toks[f0 - 1].norm) || AR_PERSON_TITLES.has(toks[f0 - 1].norm));
          rank = a.type === 'country' ? 3 : inTitle ? 2 : 1;
        }
        if (ppStart && a.type !== 'person') rank = Math.max(rank, 6);
        // "قال المدير العام للوكالة الدولية، رافائيل غروسي، إن": in a region opened by a role word, the named person is
        // the speaker and the body is only the affiliation of the role
        if (a.type === 'person' && titledRegion && rank <= 3) rank = 0;
        if (
          rank === 6 &&
          /^(مسوول|مسووله|مسوولون|مسوولين|مسوولان|مسوولو|متحدث|متحدثه|مصدر|مصدران|مصادر|ناطق|ممثل|ممثلو|ممثلي)$/.test(toks[from].norm)
        )
          rank = 2;
        if (rank < bestRank) {
          best = a;
          bestRank = rank;
          bestK = k;
        }
      }
      if (best && bestRank === 6) {
        best = undefined;
      }
      // issue 11 (discourse): a person right after an indefinite role noun is that role's possessor ("مستشار X الدكتور
      // Y"، "نائب X، Y،"): when another person follows in the region, that one holds the role and speaks
      if (best && best.type === 'person' && bestK > from) {
        const mb = ctx.mAt[bestK]!;
        const role = toks[mb.first - 1].norm;
        if (
          mb.first - 1 >= from &&
          !role.startsWith('ال') &&
          (AR_TITLE_WORDS.has(role) || AR_PERSON_TITLES.has(role) || AR_ROLE_OPENERS.has(role))
        ) {
          for (let k = mb.last + 1; k <= Math.min(to, mb.last + 4); k++) {
            const mk = ctx.mAt[k];
            if (!mk || mk.first !== k) continue;
            const a = actorOf(ctx, k);
            if (a && a.type === 'person' && a !== best) {
              best = a;
              bestK = k;
            }
            break;
          }
        }
      }
      // "بعثة المراقبة التابعة لمنظمة X": an unnamed unit (a rule-made name) affiliated to a named body speaks for it
      if (best && best.source === 'rule' && best.type === 'organization' && bestK >= 0) {
        const mb = ctx.mAt[bestK]!;
        const aff = mb.last + 2 <= to ? toks[mb.last + 1] : undefined;
        if (aff && /^(التابعه|التابع|التابعين)$/.test(aff.norm)) {
          const ma = ctx.mAt[mb.last + 2];
          const body = ma && ma.first === mb.last + 2 ? ctx.set.byId.get(ma.actorId) : undefined;
          if (body && body.type !== 'location' && body.type !== 'person') {
            best = body;
            bestK = mb.last + 2;
          }
        }
      }
      if (best) {
        speaker = best;
        speakerText = mentionText(ctx, bestK);
        explicit = true;
        spTok = bestK;
      }
    };
    // accuse/describe-type verbs right after their subject (وكانت واشنطن قد اتهمت موسكو بأنها ...): an actor after the
    // verb is the object, not the speaker
    const svoObj =
      comp >= 0 &&
      info.objectText &&
      info.kind !== 'statement' &&
      subjTok >= 0 &&
      toks[i].gap <= 1 &&
      doc.sentOf[subjTok] === sent &&
      ctx.mAt[subjTok]?.last === subjTok &&
      actorOf(ctx, subjTok)?.type !== 'location' &&
      !(ctx.mAt[subjTok]!.first > 0 && /^(في|من|الي|علي|عن|مع|ضد|بين|باسم)$/.test(toks[ctx.mAt[subjTok]!.first - 1].norm));
    const ts0 = svoObj ? titledSubjOf() : undefined;
    if (svoObj && ts0) {
      if (ts0.person) {
        speaker = ts0.person;
        speakerText = ts0.text;
        contentStart = toks[i + 1].start;
      }
    } else if (svoObj) {
      speaker = actorOf(ctx, subjTok);
      speakerText = mentionText(ctx, subjTok);
      explicit = true;
      spTok = subjTok;
      contentStart = toks[i + 1].start;
    } else if (
      // round 7: "أن الجنرال X أبلغ Y أن …": a tell verb right after its subject; the actor after it is the addressee
      comp >= 0 &&
      AR_TELL.has(vv.verb) &&
      subjTok === i - 1 &&
      toks[i].gap <= 1 &&
      doc.sentOf[subjTok] === sent &&
      ctx.mAt[subjTok]?.last === subjTok &&
      actorOf(ctx, subjTok)?.type !== 'location' &&
      !prepObject(ctx, ctx.mAt[subjTok]!.first) &&
      !titledSubjOf()
    ) {
      speaker = actorOf(ctx, subjTok);
      speakerText = mentionText(ctx, subjTok);
      explicit = true;
      spTok = subjTok;
    } else if (
      comp >= 0 &&
      regionEnd >= i + 1 &&
      info.participle &&
      info.objectText &&
      info.kind !== 'statement' &&
      !AR_PREPS.test(toks[i + 1].norm)
    ) {
      // "متهما واشنطن بـ"..."": a participle speaks for the sentence's subject; what follows it is the object and charge
      speaker = resolveArPronoun(ctx, i, info.fem, true);
      contentStart = toks[i + 1].start;
    } else if (comp >= 0 && regionEnd >= i + 1) pickRegion(i + 1, regionEnd);
    if (speaker && speaker.type === 'country' && regionEnd >= i + 1) {
      // "وقال المركز، وهو منظمة أمريكية ..." — the head description, not the appositive's adjective
      let f = i + 1;
      while (f <= regionEnd && AR_ADVERBIAL.has(toks[f].norm)) f++;
      const dw =
        f <= regionEnd
          ? firstForm(arabicVariants(toks[f].norm), (x) => !!AR_DESCRIPTIONS[x] && AR_DESCRIPTIONS[x] !== 'person')
          : undefined;
      if (dw && !ctx.mAt[f]) {
        const d = resolveDescription(ctx, i, AR_DESCRIPTIONS[dw], dw);
        if (d) {
          speaker = d;
          speakerText = toks[f].norm;
        }
      }
    }
    if (speaker && speaker.type === 'country' && regionEnd >= i + 1) {
      // "أعرب عمدة العاصمة البريطانية لندن عن اعتقاده" — a titled person, not the country of the adjective
      let f = i + 1;
      while (f <= regionEnd && AR_ADVERBIAL.has(toks[f].norm)) f++;
      if (f <= regionEnd && (AR_PERSON_TITLES.has(toks[f].norm) || AR_TITLE_WORDS.has(toks[f].norm))) {
        const p = resolveDescription(ctx, i, 'person', toks[f].norm);
        if (p) {
          speaker = p;
          speakerText = toks[f].norm;
        }
      }
    }
    if (!speaker && comp >= 0) {
      const st = { speaker, speakerText, explicit, spTok, unresolvedNoun, objFirst: -1 };
      arUnnamedSpeaker(ctx, view, i, regionEnd, info, sent, subjTok, titleCountry, titledSubjOf, st);
      ({ speaker, speakerText, explicit, spTok, unresolvedNoun } = st);
      if (st.objFirst >= 0) contentStart = toks[st.objFirst].start;
    }
    if (comp < 0) {
      const st = { speaker, speakerText, explicit, spTok, contentStart };
      if (!arabicObjectClaim(ctx, i, vv, info, sent, subjTok, titledSubjOf, st)) continue;
      ({ speaker, speakerText, explicit, spTok, contentStart } = st);
    }
    if (!speaker) continue;
    if (unresolvedNoun && !explicit) continue;
    // accuse/describe-type verbs with "بأن": the object before it is part of the text (اتهم X الدول الأوروبية بأنها "...",
    // وصف X القناة بأنها "...")
    if (
      comp >= 0 &&
      info.objectText &&
      info.kind !== 'statement' &&
      spTok > i &&
      toks[comp] &&
      /^ب/.test(toks[comp].norm) &&
      AR_COMP.has(toks[comp].norm)
    ) {
      let o = ctx.mAt[spTok]!.last + 1;
      for (const jp of jointPartners(ctx, spTok, speaker)) if (jp.last + 1 > o) o = jp.last + 1;
      // round 7: "ووصف X، مدير …، في تعليق له، التصويت بأنه": asides set off by commas after the name end at the last
      // comma before the object
      let aside = false;
      if (o < comp && toks[o].gap === 2)
        for (let r = o + 1; r < comp; r++)
          if (toks[r].gap === 2 || (toks[r].gap === 4 && /[,،]\s*$/.test(toks[r].sep))) {
            o = r;
            aside = true;
          }
      while (o < comp && AR_ADVERBIAL.has(toks[o].norm)) o++;
      if (o < comp && (aside || !(toks[o].gap === 2 && comp - o <= 1))) contentStart = toks[o].start;
    }
    if (explicit && speaker.type === 'person' && !speaker.gender) speaker.gender = info.fem ? 'f' : 'm';
    // content end: sentence end, extended to the closing quote when the content opens one
    let end = doc.sents[sent]?.end ?? src.length;
    let cs = skipSpaces(src, contentStart);
    // round 7: "وقالت X: إن "…"": a complementiser after the colon, then the quotation — the quotation is the content
    // (and it may run past an ellipsis the sentence splitter took for a full stop)
    if (cs < src.length && !OPENQ.test(src[cs])) {
      const ct = tokenAt(doc, cs);
      if (ct >= 0 && ct + 1 < n && toks[ct].start === cs && AR_COMP.has(toks[ct].norm) && /^\s*["\u201C\u00AB]$/.test(toks[ct + 1].sep)) {
        const qp = toks[ct + 1].start - 1;
        if (doc.quoteAt.get(qp) !== undefined) cs = qp;
      }
    }
    if (cs < src.length && OPENQ.test(src[cs])) {
      // bounds tested first: an out-of-bounds read deoptimised arabicClaims
      const qs = doc.quoteAt.get(cs);
      if (qs !== undefined) end = Math.max(end, doc.quotes[qs].close + 1);
    }
    end = cutAtNextReport(ctx, cs, end);
    const verbText = src.slice(toks[i].start + (vv.strip ? 1 : 0), toks[i].end);
    const made = pushClaim(
      ((ctx.rule = comp < 0 ? 'ar-object' : explicit ? 'ar-explicit' : speakerText ? 'ar-description' : 'ar-pronoun'), ctx),
      speaker,
      speakerText,
      verbText,
      info.kind,
      cs,
      end,
      i,
    );
    if (made) made.fem = info.fem;
    // a joint statement: one claim per coordinated speaker (حركتا حماس والجهاد أعلنتا، أكد كيم والرئيس مون)
    if (made && explicit && spTok >= 0 && speaker === actorOf(ctx, spTok)) {
      let jps = jointPartners(ctx, spTok, speaker);
      // session 6: a dual or plural verb ("وقالا X، title، وY، إن") or a dual head noun ("وقال وزيرا الخارجية X وY") with
      // the partner behind a title phrase the adjacent-coordination walk does not cross
      if (!jps.length && comp >= 0 && regionEnd > spTok) {
        const num = arVerbNumber(toks[i].norm);
        const dualHead = AR_DUAL_HEADS.has(toks[i + 1].norm);
        // (a pair of officials — وزيرا، الرئيسان — is a pair of persons: never a body or a nationality adjective)
        const personPair = dualHead && AR_DUAL_PERSON_HEADS.has(toks[i + 1].norm);
        if ((num !== 'sg' || dualHead) && (!personPair || speaker.type === 'person'))
          jps = regionPartners(ctx, spTok, regionEnd, speaker, num === 'pl' ? 3 : 1);
      }
      for (const jp of jps) {
        const c2 = pushClaim(((ctx.rule = 'ar-joint'), ctx), jp.actor, jp.text, verbText, info.kind, cs, end, i);
        if (c2) c2.fem = info.fem;
      }
    }
  }
}
