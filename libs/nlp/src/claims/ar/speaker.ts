// Arabic claims, speaker-resolution phase: titled subjects, coordinated speakers, pronouns (هو/هي, attached
// pronouns) and descriptions ("الوزير", "الوكالة الرسمية") resolved to actors.

import type { ActorAcc, MentionX } from '../../actors/shared';
import { type Doc, tokenAt } from '../../doc';
import { arVerbOf } from '../../actors/ar/names';
import {
  AR_ADVERBIAL,
  AR_COMP,
  AR_DESCRIPTIONS,
  AR_PERSON_TITLES,
  AR_PREPS,
  AR_RELAY,
  AR_RESPONSE,
  AR_TITLE_WORDS,
  AR_VERBS,
} from '../../lexicon/ar';
import { foldText } from '../../text';
import {
  actorOf,
  type ClaimX,
  type Ctx,
  firstInRecentSentence,
  fitsTitle,
  isOrgish,
  lastActor,
  lastClaimBefore,
  orderAt,
  paraGap,
  personByTitle,
  recentCompatibleSpeaker,
} from '../shared';
import { discourseOf, viewOf } from '../discourse';
const closeSets = new WeakMap<Doc, Set<number>>();
/** Positions of closing quotation marks (paired quotes). */
export function closesOf(doc: Doc): Set<number> {
  let c = closeSets.get(doc);
  if (!c) {
    c = new Set(doc.quotes.map((q) => q.close));
    closeSets.set(doc, c);
  }
  return c;
}

/** A body named only as the complement of a role before the verb ("الأمين العام لحزب الله قد نفى", "وزير خارجية
 * إيران قال") is not the subject: the titled person is (when the story named one), else nobody. */
export function titledSubject(ctx: Ctx, k: number, v: number): { inTitle: boolean; person?: ActorAcc; text: string } | undefined {
  const m = ctx.mAt[k];
  if (!m || m.last !== k) return undefined;
  const a = ctx.set.byId.get(m.actorId);
  if (!a || a.type === 'person') return undefined;
  const toks = ctx.doc.toks;
  const t0 = toks[m.first];
  const lPrefixed = m.start > t0.start && /^ل/.test(t0.norm);
  let b = m.first - 1;
  while (b >= 0 && b >= m.first - 3 && /^(عام|العام|التنفيذي|الاعلي|الخاص)$/.test(toks[b].norm)) b--;
  const titleW =
    b >= 0 && b < m.first && toks[b + 1].gap <= 1 && (AR_TITLE_WORDS.has(toks[b].norm) || AR_PERSON_TITLES.has(toks[b].norm))
      ? toks[b].norm
      : '';
  if (!titleW && !(lPrefixed && b >= 0 && (AR_TITLE_WORDS.has(toks[b].norm) || AR_PERSON_TITLES.has(toks[b].norm)))) return undefined;
  const w = titleW || toks[b].norm;
  const p = resolveDescription(ctx, v, 'person', w.startsWith('ال') ? w : 'ال' + w);
  return { inTitle: true, person: p && p.type === 'person' ? p : undefined, text: w };
}

/** Actors coordinated with the speaker mention at token k ("X وY", "X، Y وZ", "X والرئيس الروسي Y"), same kind of actor. */
export function jointPartners(ctx: Ctx, k: number, sp: ActorAcc): { actor: ActorAcc; text: string; last: number }[] {
  const { doc } = ctx;
  const toks = doc.toks;
  const m0 = ctx.mAt[k];
  if (!m0) return [];
  if (m0.first > 0 && /^(في|من|الي|علي|عن|مع|ضد|بين|باسم|لدي|حول)$/.test(toks[m0.first - 1].norm)) return [];
  const same = (a: ActorAcc) =>
    a.id !== sp.id &&
    a.type !== 'location' &&
    (a.type === sp.type || (a.type !== 'person' && sp.type !== 'person' && a.type !== 'country' && sp.type !== 'country'));
  const out: { actor: ActorAcc; text: string; last: number }[] = [];
  const seen = new Set<string>([sp.id]);
  // forward: و + (titles/modifiers)? + mention
  let e = m0.last;
  for (let guard = 0; guard < 4; guard++) {
    const r = e + 1;
    // (a quoted name may close right before the و: "شركة «X» وشركة «Y»")
    if (r >= toks.length || doc.sentOf[r] !== doc.sentOf[k] || (toks[r].gap > 2 && !/^["\u201D\u00BB]\s+$/.test(toks[r].sep))) break;
    const listComma = toks[r].gap === 2;
    if (!/^و/.test(toks[r].norm) && !listComma) break;
    if (listComma && guard === 0 && !/^و/.test(toks[r].norm)) {
      // "X، Y وZ": only when a و-coordinated actor closes the list
      const mA = ctx.mAt[r];
      if (!mA || mA.first !== r) break;
      const z = mA.last + 1;
      const mZ = z < toks.length && /^و/.test(toks[z].norm) && toks[z].gap <= 1 ? ctx.mAt[z] : undefined;
      if (!mZ) break;
    }
    // skip a title phrase: والرئيس الكوري الجنوبي مون جاي إن
    let q = r;
    let steps = 0;
    // round 7: or the head noun of a body ("وشركة «Y»"، "وحركة Y"): then the partner is a body, possibly quoted
    const orgHead = r < toks.length && AR_JOINT_ORG_HEADS.has(toks[r].norm.replace(/^و/, '')) && !ctx.mAt[r];
    if (orgHead) {
      q = r + 1;
      steps = 1;
    }
    while (
      !orgHead &&
      q < toks.length &&
      !ctx.mAt[q] &&
      steps < 4 &&
      toks[q].gap <= 1 &&
      (AR_TITLE_WORDS.has(toks[q].norm.replace(/^و/, '')) ||
        AR_PERSON_TITLES.has(toks[q].norm.replace(/^و/, '')) ||
        (steps > 0 && /^ال/.test(toks[q].norm)))
    ) {
      q++;
      steps++;
    }
    const mq = q < toks.length ? ctx.mAt[q] : undefined;
    const quotedName = orgHead && q < toks.length && /^\s*["\u201C\u00AB]$/.test(toks[q].sep);
    if (!mq || mq.first !== q || (q > r && toks[q].gap > 1 && !quotedName)) break;
    const a = ctx.set.byId.get(mq.actorId);
    if (!a || !same(a) || seen.has(a.id)) break;
    if (q === r && !/^و/.test(toks[r].norm) && !listComma) break;
    if (steps > 0 && a.type !== 'person' && !(orgHead && a.type === 'organization')) break;
    seen.add(a.id);
    out.push({ actor: a, text: doc.src.slice(mq.start, mq.end), last: mq.last });
    e = mq.last;
  }
  // backward: the speaker mention itself is the و-coordinated one ("حماس والجهاد الإسلامي أعلنتا")
  let f = m0.first;
  for (let guard = 0; guard < 3; guard++) {
    if (!/^و/.test(toks[f].norm) || f === 0 || toks[f].gap > 2) break;
    const mp = ctx.mAt[f - 1];
    if (!mp || mp.last !== f - 1) break;
    const a = ctx.set.byId.get(mp.actorId);
    if (!a || !same(a) || seen.has(a.id)) break;
    seen.add(a.id);
    out.push({ actor: a, text: doc.src.slice(mp.start, mp.end), last: mp.last });
    f = mp.first;
  }
  return out;
}

/** Head nouns of a body in a coordinated subject ("X وشركة Y"، "X وحركة Y"), folded, without و. */
const AR_JOINT_ORG_HEADS = new Set('شركه منظمه حركه وكاله مجموعه صحيفه جمعيه هيئه مؤسسه'.split(' '));

export function skipSpaces(src: string, p: number): number {
  while (p < src.length && /\s/.test(src[p])) p++;
  return p;
}

/**
 * issue 11 (discourse): grammatical number of a folded Arabic reporting-verb form — plural (قالوا، يقولون، قائلين) or
 * dual (قالا، أكدتا: the verb minus its final ا is a finite form) — 'sg' otherwise (قال، قائلا، دعا، لافتا).
 */
export function arVerbNumber(norm: string): 'sg' | 'du' | 'pl' {
  const w = norm.length > 3 && /^[وف]/.test(norm) && AR_VERBS.has(norm.slice(1)) ? norm.slice(1) : norm;
  const participle = /^(م|قائل|قايل)/.test(w);
  if (/(وا|ون)$/.test(w) || (participle && /ين$/.test(w))) return 'pl';
  if (!participle && w.length >= 4 && w.endsWith('ا')) {
    const base = AR_VERBS.get(w.slice(0, -1));
    if (base && !base.participle) return 'du';
  }
  return 'sg';
}

/** A plural or dual subject: a joint claim, a group, a plural noun phrase (مسؤولون، الحوثيون، المحققون). */
function pluralSubject(c: ClaimX, a: ActorAcc | undefined): boolean {
  if (c.rule === 'ar-joint' || arVerbNumber(foldText(c.verb)) !== 'sg') return true;
  if (a?.type === 'group') return true;
  return /(ون|ين|يون|يين)$/.test(foldText(c.speaker.text).split(/\s+/)[0] ?? '');
}

/**
 * The referent of a subject-less reporting verb or participle at token k (pronoun resolution), or undefined (refused).
 * issue 11 (discourse): a person the article calls late (الراحل، الفقيد، المرحوم X) or whose death it reports (وفاة X،
 * رحيل X) is the topic of what others say, not a speaker to continue, unless the last claim before k is that person's
 * own (a quoted past statement continued: "وكان X قد قال … وأضاف").
 */
export function resolveArPronoun(ctx: Ctx, k: number, fem: boolean, participle = false): ActorAcc | undefined {
  const a = resolveArPronoun0(ctx, k, fem, participle);
  // session 7: "… في وفاة X واصفا إياه بـ…"، "هاجمت … قوى سياسية متهمة إياها بـ…": the object pronoun after a
  // participle points back to the nearest actor before it, which is therefore not the participle's subject — refuse
  // rather than give X its own description
  if (a && participle && k + 1 < ctx.doc.toks.length && AR_IYYA.has(ctx.doc.toks[k + 1].norm) && nearestActorBefore(ctx, k) === a)
    return undefined;
  if (!a || a.type !== 'person' || !deceased(ctx, a)) return a;
  const lc = lastClaimBefore(ctx, k);
  return lc && lc.speaker.actorId === a.id ? a : undefined;
}

/** The detached object pronoun (folded): إياه، إياها، إياهم، إياهما، إياهن. */
const AR_IYYA = new Set(['اياه', 'اياها', 'اياهم', 'اياهما', 'اياهن']);

/** The actor (not a place) whose mention ends nearest before token k in k's sentence. */
function nearestActorBefore(ctx: Ctx, k: number): ActorAcc | undefined {
  const sent = ctx.doc.sentOf[k];
  for (let b = k - 1; b >= 0 && ctx.doc.sentOf[b] === sent; b--) {
    const m = ctx.mAt[b];
    const a = m ? ctx.set.byId.get(m.actorId) : undefined;
    if (a && a.type !== 'location') return a;
  }
  return undefined;
}

const AR_DECEASED_CUE = /^[وفلب]?(الراحل|الراحله|الفقيد|الفقيده|المرحوم|المرحومه|وفاه|رحيل|نعي|لوفاه|بوفاه|برحيل)$/;

function deceased(ctx: Ctx, a: ActorAcc): boolean {
  const toks = ctx.doc.toks;
  for (const m of a.mentions) {
    if (m.field !== ctx.doc.field || m.first === 0) continue;
    if (AR_DECEASED_CUE.test(toks[m.first - 1].norm) && toks[m.first].gap <= 1) return true;
  }
  return false;
}

function resolveArPronoun0(ctx: Ctx, k: number, fem: boolean, participle: boolean): ActorAcc | undefined {
  // issue 11 (discourse): a plural or dual verb with no subject of its own ("وأضافوا"، "قالا") continues a plural or
  // joint subject of the same or the previous sentence; no single named actor fits it, so anything else is refused
  if (arVerbNumber(ctx.doc.toks[k].norm) !== 'sg') {
    const pc = lastClaimBefore(ctx, k);
    const pa = pc?.speaker.actorId ? ctx.set.byId.get(pc.speaker.actorId) : undefined;
    if (pc && pa && ctx.doc.sentOf[k] - ctx.doc.sentOf[pc.at] <= 1 && pluralSubject(pc, pa)) return pa;
    return undefined;
  }
  const compatible = (a: ActorAcc) => {
    if (a.gender) return a.gender === (fem ? 'f' : 'm');
    if (a.type === 'person') return !fem;
    return true;
  };
  const lc = lastClaimBefore(ctx, k);
  const lcA = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
  const sent = ctx.doc.sentOf[k];
  const lastSent = lc ? ctx.doc.sentOf[lc.at] : -99;
  const ok = (x: ActorAcc) =>
    compatible(x) && (fem ? isOrgish(x) || x.gender === 'f' : x.type === 'person' || (x.type === 'organization' && x.gender === 'm'));
  const notCountry = (x: ActorAcc) => ok(x) && x.type !== 'country';
  // "وعندما أعلن أردوغان ...، قال إن": after a fronted temporal clause the subject of that clause speaks
  const toks0 = ctx.doc.toks;
  const st0 = ctx.doc.sents[sent];
  const lead = st0 ? tokenAt(ctx.doc, st0.start) : -1;
  const fronted =
    !participle && lead >= 0 && lead < k && toks0[k].gap === 2 && /^(و|ف)?(عندما|حين|حينما|لما|بعدما|لدي|اثر|عقب)$/.test(toks0[lead].norm);
  // issue 11 (attribution): "تجنب X الإشارة إلى …، وقال: «…»": a coordinated reporting verb with no subject, in a
  // sentence with no earlier claim, has the person who is the subject of the sentence's first verb
  const coordSubj = !participle && !fronted && lastSent !== sent && lead >= 0 && lead < k - 1 && /^[وف]/.test(toks0[k].norm);
  if (participle || fronted || coordSubj) {
    // "..., مشيرا إلى أن": the subject of this sentence
    if (participle && lcA && lastSent === sent && compatible(lcA)) return lcA;
    // ADR 0016: a participle disagreeing with the speaker of its own sentence ("قال X ...، مضيفة") — refuse, not guess
    if (participle && lcA && lastSent === sent && lcA.type === 'person' && lcA.gender) return undefined;
    // issue 11 round 5: a description right after the sentence's opening verb is its subject ("وكانت الحركة نعت X في
    // بيان، مؤكدة"، "ونفت الوزارة …، مشيرة"): the participle speaks for the body it describes, or for nobody
    if (participle && lastSent !== sent && lead >= 0 && lead + 1 < k && ctx.doc.sentOf[lead + 1] === sent) {
      const dw = toks0[lead + 1].norm;
      const typ = !ctx.mAt[lead + 1] && toks0[lead + 1].gap <= 1 && !AR_PREPS.test(toks0[lead].norm) ? AR_DESCRIPTIONS[dw] : undefined;
      if (typ && typ !== 'person') {
        const d = resolveDescription(ctx, lead + 1, typ, dw);
        return d && compatible(d) ? d : undefined;
      }
    }
    // round 7: the sentence opens with a reporting or relaying verb whose subject is a noun no rule resolved ("وقال
    // المسؤول الأول إنه …، مؤكدا"، "ونقل فلان عن …، مشيرا"): the participle speaks for that subject, and the actors the
    // scan below would find sit in the content or the object — refuse
    // (also a coordinated verb with no subject of its own: "وكانت منظمات حقوقية قد حثت …، وقالت إن")
    if ((participle || coordSubj) && lastSent !== sent && openingSubjectUnresolved(ctx, frontedTopicEnd(ctx, lead, k), k)) return undefined;
    const st = ctx.doc.sents[sent];
    if (st) {
      // the subject: a person named in the sentence (not inside a prepositional phrase), else the first body
      let firstPerson: ActorAcc | undefined;
      let firstBody: ActorAcc | undefined;
      let vsoCountry: ActorAcc | undefined;
      const toks = ctx.doc.toks;
      // round 7: the subject stands before the sentence's first complementiser (what follows it is content), and after
      // the first finite reporting verb only outside a prepositional phrase ("أوضحت في التقرير الذي قدمته للحكومة X،
      // …، مبينة" — X is no subject)
      let stopAt = toks[k].start;
      let vTok = -1;
      for (let r = lead >= 0 ? lead : k; r < k; r++) {
        if (AR_COMP.has(toks[r].norm)) {
          stopAt = toks[r].start;
          break;
        }
        if (vTok < 0 && toks[r].script === 'arabic') {
          const vv = arVerbOf(toks[r]);
          if (vv && !AR_VERBS.get(vv.verb)!.participle) vTok = r;
        }
      }
      // (and a subject right before that verb which names no actor — "فإن الخطوط القطرية أوضحت …، مبينة" — leaves the
      // participle with no resolvable subject: refuse)
      if (participle && vTok > 0 && svSubjectUnresolved(ctx, vTok)) return undefined;
      for (let oi = orderAt(ctx, st.start); oi < ctx.order.length && ctx.order[oi].start < stopAt; oi++) {
        const m = ctx.order[oi];
        if (vTok >= 0 && m.first > vTok + 1 && prepBetween(ctx, vTok + 1, m.first)) continue;
        const a = ctx.set.byId.get(m.actorId);
        // ADR 0016: "وانسحبت الولايات المتحدة من المجلس، قائلة إن ...": a country right after the sentence's opening
        // verb is its subject, and a feminine participle agrees with it
        if (a && participle && a.type === 'country' && m.first === lead + 1 && ok(a) && ctx.doc.quoteOf[m.first] < 0) vsoCountry ??= a;
        if (!a || a.type === 'location' || !notCountry(a) || ctx.doc.quoteOf[m.first] >= 0) continue;
        const t0 = toks[m.first];
        if (m.start > t0.start && /^[بل]/.test(t0.norm)) continue; // بجونسون، لروسيا
        const pv = m.first > 0 ? toks[m.first - 1].norm : '';
        if (/^(في|من|علي|عن|مع|الي|لدي|عبر|امام|بين|باسم)$/.test(pv)) continue;
        if (a.type === 'person') {
          firstPerson ??= a;
        } else firstBody ??= a;
      }
      if (coordSubj) {
        if (firstPerson && compatible(firstPerson)) return firstPerson;
      } else if (firstPerson || firstBody || vsoCountry) return firstPerson ?? firstBody ?? vsoCountry;
      // session 7: no subject before the first complementiser, and the participle sits in a reported clause ("ونقلت
      // وكالة … بيانا … أن X أعرب عن …، واصفا إياه"): the subject of that reported speech act, right after its
      // complementiser, speaks — not the previous paragraph's speaker
      if (participle && stopAt < toks[k].start) {
        let c = -1;
        for (let r = k - 1; r >= 0 && ctx.doc.sentOf[r] === sent && toks[r].start >= stopAt; r--)
          if (AR_COMP.has(toks[r].norm)) {
            c = r;
            break;
          }
        const mc = c >= 0 && c + 1 < k ? ctx.mAt[c + 1] : undefined;
        const ac = mc && mc.first === c + 1 && ctx.doc.quoteOf[c + 1] < 0 ? ctx.set.byId.get(mc.actorId) : undefined;
        // (only when that subject itself speaks — "أن X أعرب/قال" — not "على أن X تريد …": there X is content)
        const nv = mc && mc.last + 1 < k ? toks[mc.last + 1] : undefined;
        if (ac && ac.type !== 'location' && ok(ac) && nv && nv.gap <= 1 && nv.script === 'arabic' && arVerbOf(nv)) return ac;
      }
    }
  }
  // the verb of the last claim agrees in gender (قالت ... وأضافت; قال ... وأضاف)
  const agrees = (c: ClaimX | undefined, a: ActorAcc) =>
    compatible(a) && (c?.fem === undefined || c.fem === fem || (a.type === 'person' && !!a.gender));
  if (lcA && agrees(lc, lcA) && (sent - lastSent <= 3 || paraGap(ctx, lc!.start, ctx.doc.toks[k].start) <= 1)) return lcA;
  // speaker continuity: a subject-less reporting verb continues the most recent claim of the same or the previous
  // paragraph whose verb and speaker agree with this verb's gender (وقال X ... وقالت Y ... وأضاف → X)
  const cont = recentCompatibleSpeaker(ctx, k, (x, c) => agrees(c, x) && (fem || x.type !== 'country'));
  if (cont) return cont;
  // countries are rarely the unnamed subject of a reporting verb: prefer people and organisations;
  // actors named inside an earlier claim's content are what was said, not who is speaking
  const notCont = (x: ActorAcc) => notCountry(x);
  const a =
    firstInRecentSentence(ctx, k, notCont, true) ?? lastActor(ctx, k, notCont, true, true) ?? firstInRecentSentence(ctx, k, ok, true);
  return a ?? (lcA && compatible(lcA) ? lcA : undefined);
}

/** The definite noun phrase right before the verb at v names no actor (a nationality adjective after an unknown head
 * noun, as in "الخطوط القطرية", does not make it one). */
function svSubjectUnresolved(ctx: Ctx, v: number): boolean {
  const toks = ctx.doc.toks;
  const j = v - 1;
  if (toks[v].gap > 1 || ctx.doc.sentOf[j] !== ctx.doc.sentOf[v]) return false;
  const def = (r: number) => r >= 0 && /^ال/.test(toks[r].norm) && !AR_ADVERBIAL.has(toks[r].norm) && !AR_TITLE_WORDS.has(toks[r].norm);
  const m = ctx.mAt[j];
  if (!m) return def(j) && !AR_DESCRIPTIONS[toks[j].norm];
  const a = ctx.set.byId.get(m.actorId);
  if (!a || a.type !== 'country' || m.first < 1 || toks[m.first].gap > 1) return false;
  const h = m.first - 1;
  return def(h) && !ctx.mAt[h] && !AR_DESCRIPTIONS[toks[h].norm] && !AR_PERSON_TITLES.has(toks[h].norm);
}

/** A preposition (a separate word or ل/ب fused to a definite noun) among tokens from..to-1. */
function prepBetween(ctx: Ctx, from: number, to: number): boolean {
  const toks = ctx.doc.toks;
  for (let r = from; r < to; r++)
    if (/^(في|من|الي|علي|عن|مع|لدي|عبر|امام|بين|خلال)$/.test(toks[r].norm) || /^[لب]ل|^[لب]ال/.test(toks[r].norm)) return true;
  return false;
}

/**
 * round 7: the sentence's opening token `lead` is a reporting or relaying verb (وقال، وأوضح، ونقل) and the word after it
 * is its subject, a noun that names no actor (not a preposition, complementiser, adverb, quotation or colon).
 */
function openingSubjectUnresolved(ctx: Ctx, lead: number, k: number): boolean {
  const toks = ctx.doc.toks;
  if (lead < 0 || lead + 1 >= k || ctx.doc.sentOf[lead + 1] !== ctx.doc.sentOf[k]) return false;
  const v = toks[lead];
  // (session 7: also a response verb — "وعلّق نقيب المستشفيات NAME على البيان …، قائلا" — whose subject no rule named)
  const bare = v.norm.replace(/^[وف]/, '');
  if (!(arVerbOf(v) || AR_RELAY.has(bare) || AR_RESPONSE.has(bare) || /^[وف]?(كان|كانت)$/.test(v.norm))) return false;
  const s = toks[lead + 1];
  if (s.gap > 1 || s.script !== 'arabic' || ctx.mAt[lead + 1] || /[:"\u201C\u00AB]/.test(s.sep)) return false;
  if (
    AR_COMP.has(s.norm) ||
    AR_ADVERBIAL.has(s.norm) ||
    AR_PREPS.test(s.norm) ||
    /^(في|من|الي|علي|عن|مع|خلال|امام|لدي|عبر|ل|لـ)$/.test(s.norm)
  )
    return false;
  // an indefinite role heading a construct ("وكشف رئيس مجلس إدارة الشركة أن"): the holder of that role, left to the
  // older rules
  if (!s.norm.startsWith('ال') && (AR_TITLE_WORDS.has(s.norm) || AR_PERSON_TITLES.has(s.norm))) return false;
  // a title or role word with a name right after it ("وقال وزير الخارجية X") is resolved by the name
  for (let r = lead + 2; r < Math.min(k, lead + 6); r++) {
    if (toks[r].gap > 2 || /^(في|من|الي|علي|عن|مع|خلال|امام|لدي|عبر|بين)$/.test(toks[r].norm)) break;
    // (session 7: a nationality adjective right after a definite title — "وأضاف الوزير الأردني" — names nobody; the
    // description resolver decides who holds that title, and refused it when no one fits)
    if (ctx.mAt[r] && r === lead + 2 && s.norm.startsWith('ال') && (AR_TITLE_WORDS.has(s.norm) || AR_PERSON_TITLES.has(s.norm))) {
      const ca = ctx.set.byId.get(ctx.mAt[r]!.actorId);
      if (ca && ca.type === 'country' && ctx.mAt[r]!.last === r) return !nationalityHolder(ctx, lead + 1, ca);
    }
    if (ctx.mAt[r]) return false;
  }
  return true;
}

/** Session 7: the fronted topic phrases of agency copy ("من جانبه،"، "بدورها،"، "من جهتهم،"، "في المقابل،"). */
const AR_FRONTED_TOPIC = new Set(['جانبه', 'جانبها', 'جانبهم', 'جهته', 'جهتها', 'جهتهم', 'بدوره', 'بدورها', 'بدورهم', 'المقابل']);

/** Session 7: the token after a fronted topic phrase and its comma at the sentence's start `lead`, else `lead`. */
function frontedTopicEnd(ctx: Ctx, lead: number, k: number): number {
  const toks = ctx.doc.toks;
  if (lead < 0) return lead;
  let r = lead;
  if (/^[وف]?(من|في)$/.test(toks[r].norm) && r + 1 < k) r++;
  if (!AR_FRONTED_TOPIC.has(toks[r].norm.replace(/^[وف](?=بدور)/, ''))) return lead;
  return r + 1 < k && toks[r + 1].gap === 2 ? r + 1 : lead;
}

/** "الوكالة الكورية الشمالية" / "الوكالة الرسمية في كوريا الشمالية": a description qualified by a country refers to the
 * body of that type whose name carries that country, not simply the last such body. */
export function qualifiedDescription(ctx: Ctx, k: number, first: number, regionEnd: number, type: string): ActorAcc | undefined {
  let country: ActorAcc | undefined;
  for (let r = first + 1; r <= Math.min(regionEnd, first + 3); r++) {
    const a = actorOf(ctx, r);
    if (a) {
      if (a.type === 'country') country = a;
      break;
    }
  }
  if (!country) return undefined;
  const forms = new Set<string>();
  for (const m of country.mentions)
    if (m.field === ctx.doc.field) forms.add(foldText(ctx.doc.src.slice(m.start, m.end)).replace(/^(ال|ب|ل|و)/, ''));
  for (const al of [country.name]) forms.add(foldName(al));
  const typeOk = (a: ActorAcc) => (type === 'organization' ? a.type === 'organization' : a.type === type);
  return lastActor(
    ctx,
    k,
    (a) =>
      typeOk(a) &&
      a.mentions.some((m) => {
        if (m.field !== ctx.doc.field || m.end - m.start > 80) return false;
        const t = foldText(ctx.doc.src.slice(m.start, m.end));
        for (const f of forms) if (f.length >= 4 && t.includes(f)) return true;
        return false;
      }),
  );
}

export function resolveDescription(ctx: Ctx, k: number, type: string, word: string): ActorAcc | undefined {
  // ADR 0016 hook: "المسؤول" after an unnamed officer was introduced ("مسؤول أميركي"، "مسؤول في وزارة ...") is that
  // officer, who stands for its body — unless a named person was introduced with the role more recently
  if (/^(المسؤول|المسوول|المسئول|المصدر)$/.test(word)) {
    const role = word.replace(/^ال/, '');
    const pos = ctx.doc.toks[k]?.start ?? Infinity;
    let namedPos = -1;
    for (const x of ctx.titles.get(role) ?? []) if (x.pos < pos) namedPos = Math.max(namedPos, x.pos);
    const d = discourseOf(viewOf(ctx)).officerDescription(pos, role, namedPos);
    if (d) return d;
    if (d === null) return undefined; // an unnamed officer of an unknown body: refuse
  }
  if (/^(المتحدث|المتحدثه|الناطق|الناطقه)$/.test(word)) {
    // "وقال المتحدث ..." after "متحدث باسم وزارة الخارجية": the body the spokesman speaks for, unless a named spokesman exists
    const toks = ctx.doc.toks;
    for (let b = k - 1; b >= Math.max(0, k - 1500); b--) {
      if (toks[b].norm !== 'باسم') continue;
      const m = ctx.mAt[b + 1];
      const a = m ? ctx.set.byId.get(m.actorId) : undefined;
      if (!a) break;
      // a named spokesman right after "باسم X،" wins
      for (let r = m!.last + 1; r < Math.min(toks.length, m!.last + 4); r++) {
        const p = actorOf(ctx, r);
        if (p && p.type === 'person') return p;
      }
      return a;
    }
  }
  if (type === 'person') {
    const byTitle = personByTitle(ctx, word, ctx.doc.toks[k]?.start ?? Infinity);
    if (byTitle) return byTitle;
  }
  const lc = lastClaimBefore(ctx, k);
  const lcA = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
  const typeOk = (a: ActorAcc) =>
    type === 'organization' ? a.type === 'organization' || (word === 'التقرير' && a.type === 'group') : a.type === type;
  if (word === 'التقرير') {
    // issue 11 (discourse): "التقرير" is the report the story introduced with its author ("تقرير حديث أصدرته منظمة X"،
    // "تقرير لمنظمة X"، "في تقريرها")
    const au = reportAuthor(ctx, k);
    if (au) return au;
    if (au === null) return undefined; // a report with no named author (تقريرا عن X): refuse rather than guess
  }
  if (word === 'التقرير' || word === 'البيان') {
    if (lcA && lcA.type !== 'person') return lcA;
  }
  const hint = word.replace(/^ال/, '');
  // the body whose name carries the head noun ("وزارة الخزانة" for الوزارة), or that was introduced with it ("لموقع
  // غيزمودو"، "حركة حماس" for الموقع، الحركة)
  const toks = ctx.doc.toks;
  const headOf = (m: MentionX) => (m.first > 0 && m.first - 1 < toks.length ? toks[m.first - 1].norm.replace(/^[وف]?[لب]?(ال)?/, '') : '');
  const named = lastActor(
    ctx,
    k,
    (a) =>
      typeOk(a) &&
      (foldName(a.name).includes(hint) ||
        a.mentions.some(
          (m) =>
            m.field === ctx.doc.field &&
            m.end - m.start < 60 &&
            (foldText(ctx.doc.src.slice(m.start, m.end)).includes(hint) || (hint.length >= 3 && headOf(m) === hint)),
        )),
  );
  if (named) return named;
  // ADR 0016: a ministry's short name only ever refers to a ministry named so — no fallback to another body
  if (word === 'الخارجيه' || word === 'الداخليه') return undefined;
  // issue 11 (discourse): nor does an institution's head noun (المحكمة، الهيئة، المركز …): "وأكدت المحكمة" after a named
  // research centre is some court the rules did not recognise — refuse rather than give the centre its statement
  if (AR_STRICT_HEADS.has(word)) return undefined;
  // a role word never refers to a person the story introduced with another role (the head of state is not "الوزير")
  if (lcA && typeOk(lcA) && fitsTitle(ctx, lcA, word)) return lcA;
  return lastActor(ctx, k, (a) => typeOk(a) && fitsTitle(ctx, a, word));
}

/**
 * Session 7: "الوزير الأردني" at token `title`: the person named last before it whose own title phrase carries that country
 * — before the name ("وزير الطاقة الفالوري X") or in a title right after it ("X، وزير المياه في المملكة الأردنية") — the
 * only people a nationality-qualified title may refer to. (Not a country merely near the name: "استقبل الوزير X نظيره من
 * Y" introduces X's guest, not X.)
 */
export function nationalityHolder(ctx: Ctx, title: number, country: ActorAcc): ActorAcc | undefined {
  const toks = ctx.doc.toks;
  const isC = (r: number) => ctx.mAt[r]?.actorId === country.id;
  for (let oi = orderAt(ctx, toks[title].start) - 1; oi >= 0; oi--) {
    const m = ctx.order[oi];
    const a = ctx.set.byId.get(m.actorId);
    if (!a || a.type !== 'person' || m.field !== ctx.doc.field) continue;
    const sent = ctx.doc.sentOf[m.first];
    for (let r = m.first - 1; r >= Math.max(0, m.first - 4) && ctx.doc.sentOf[r] === sent; r--) {
      if (isC(r)) return a;
      if (ctx.mAt[r] || toks[r + 1].gap > 1) break;
    }
    const t = m.last + 1 < toks.length ? toks[m.last + 1] : undefined;
    if (
      t &&
      ctx.doc.sentOf[m.last + 1] === sent &&
      !t.norm.startsWith('نظير') && // "X نظيره من Y": the counterpart is another person
      (AR_TITLE_WORDS.has(t.norm) || AR_PERSON_TITLES.has(t.norm))
    )
      for (let r = m.last + 2; r < Math.min(toks.length, m.last + 10) && ctx.doc.sentOf[r] === sent; r++) {
        if (isC(r)) return a;
        if (toks[r].gap > 2 || (ctx.mAt[r] && ctx.set.byId.get(ctx.mAt[r]!.actorId)?.type === 'person')) break;
      }
  }
  return undefined;
}

/** Definite institution nouns that refer only to a body named with the same head (no fallback to the last body). */
const AR_STRICT_HEADS = new Set(
  'المحكمه الهيئه الهييه المركز الجامعه البنك المصرف الوكاله اللجنه المجلس البرلمان الشرطه المعهد المرصد الصندوق النقابه البعثه الجمعيه المفوضيه الجبهه'.split(
    ' ',
  ),
);

function foldName(s: string): string {
  return s.toLowerCase().replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
}

const AR_REPORT_NOUN = /^[وف]?[بل]?(تقرير|تقريرا)$/;

/**
 * issue 11 (discourse): the author of the nearest report introduced before token k: a body (organisation or group)
 * named within five tokens after "تقرير" (تقرير حديث أصدرته منظمة X، تقرير لمنظمة X، تقرير X), not as its topic (عن،
 * حول، بشأن X). null when the nearest report was introduced by its topic only. Bounded backward scan (2,000 tokens),
 * only for the description التقرير.
 */
function reportAuthor(ctx: Ctx, k: number): ActorAcc | null | undefined {
  const toks = ctx.doc.toks;
  for (let b = k - 1; b >= Math.max(0, k - 2000); b--) {
    if (!AR_REPORT_NOUN.test(toks[b].norm)) continue;
    for (let r = b + 1; r < Math.min(toks.length, b + 6, k); r++) {
      if (toks[r].gap >= 2) break;
      if (/^(عن|حول|بشان|ضد|في|علي)$/.test(toks[r].norm)) return null;
      // session 6: "التقرير الذي قدمته للحكومة X": a relative clause of its own — X received it; the author is that
      // clause's subject, not named here (refuse)
      if (/^(الذي|التي)$/.test(toks[r].norm)) return null;
      const a = actorOf(ctx, r);
      if (a && (a.type === 'organization' || a.type === 'group')) return a;
    }
    return undefined;
  }
  return undefined;
}
