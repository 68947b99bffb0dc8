// English claims, back-reference phase: pronouns (he/she/they/it) and descriptions ("the company", "the bureau")
// resolved to the actor in focus.

import type { ActorAcc } from '../../actors/shared';
import { tokenAt } from '../../doc';
import { EN_DET, EN_VERB } from '../../lexicon/en';
import {
  type ClaimX,
  type Ctx,
  firstInRecentSentence,
  inClaimContent,
  isOrgish,
  lastActor,
  lastClaimBefore,
  orderAt,
  recentCompatibleSpeaker,
} from '../shared';
/** The organisation a description ("the company", "a spokesperson") refers to: the organisation speaking in the last
 * three sentences, else the last one named outside claim contents, unless another is far more present in the story. */
export function enOrgInFocus(ctx: Ctx, k: number, pred: (a: ActorAcc) => boolean): ActorAcc | undefined {
  const lc = lastClaimBefore(ctx, k);
  const lcA = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
  // round 5 (en): a description opening its sentence continues the subject of the previous sentence ("X was fighting
  // lawsuits, most notably against Y, which ... . The company said ..." → X, not the more recent Y)
  const ps = enPrevSentenceSubject(ctx, k);
  // seventh session: that subject also wins over a speaker of an earlier sentence ("X says A. The Y government has stayed
  // neutral. A spokesperson said" → Y)
  if (lc && lcA && pred(lcA) && ctx.doc.sentOf[k] - ctx.doc.sentOf[lc.at] <= 3) {
    if (ps && ps !== lcA && pred(ps) && ctx.doc.sentOf[lc.at] < ctx.doc.sentOf[k] - 1) return ps;
    return lcA;
  }
  if (ps && pred(ps)) return ps;
  const recent = lastActor(ctx, k, pred, false, true) ?? lastActor(ctx, k, pred);
  if (!recent) return undefined;
  const pos = ctx.doc.toks[k].start;
  const counts = new Map<string, number>();
  for (let i = Math.max(0, orderAt(ctx, pos) - 300); i < ctx.order.length && ctx.order[i].end <= pos; i++) {
    const id = ctx.order[i].actorId;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let best = recent;
  let bc = counts.get(recent.id) ?? 0;
  const rc = bc;
  for (const [id, c] of counts) {
    if (c > bc) {
      const a = ctx.set.byId.get(id);
      if (a && a.type !== 'location' && pred(a)) {
        best = a;
        bc = c;
      }
    }
  }
  return bc >= 2 * rc + 2 ? best : recent;
}

/** The named subject of the sentence before the one of token k (a mention opening it, after at most a determiner),
 * when k's description itself opens its sentence (a determiner and up to two words before it); else undefined. */
function enPrevSentenceSubject(ctx: Ctx, k: number): ActorAcc | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[k];
  if (sent === 0) return undefined;
  let b = k;
  while (b > 0 && k - b < 3 && doc.sentOf[b - 1] === sent) b--;
  if (doc.sentOf[b - 1] === sent || !doc.sentStart[b]) return undefined;
  let f = tokenAt(doc, doc.sents[sent - 1].start);
  if (f < toks.length && /^(the)$/.test(toks[f].norm) && !ctx.mAt[f]) f++;
  const m = f < toks.length ? ctx.mAt[f] : undefined;
  if (!m || m.first !== f || doc.quoteOf[f] >= 0) return undefined;
  const a = ctx.set.byId.get(m.actorId);
  // the subject is followed by its verb phrase, not by a possessive or a role ("X's chief", "X officials")
  const nx = m.last + 1 < toks.length ? toks[m.last + 1] : undefined;
  if (!a || a.type === 'location' || !nx || nx.gap !== 0 || nx.caps !== 0 || /^(s|officials|spokesman|chief|head)$/.test(nx.norm))
    return undefined;
  return a;
}

/** In the lead sentence, a description ("a security firm has warned", "Amnesty's chief has said") refers to the
 * first matching actor named in the next two sentences. */
export function enLeadForward(ctx: Ctx, v: number, pred: (a: ActorAcc) => boolean, role?: string): ActorAcc | undefined {
  const { doc } = ctx;
  if (doc.sentOf[v] !== 0) return undefined;
  const pos = doc.toks[v].end;
  const lim = doc.sents[Math.min(doc.sents.length - 1, 2)].end;
  // issue 11: "Russia's defence minister reported to President X that ... . Defence Minister Y informed X ...": the person
  // introduced with the same role word is the referent, not the addressee named first
  if (role)
    for (let i = orderAt(ctx, pos); i < ctx.order.length && ctx.order[i].start < lim; i++) {
      const a = ctx.set.byId.get(ctx.order[i].actorId);
      if (a && a.type === 'person' && pred(a) && ctx.titleOf.get(a.id)?.has(role)) return a;
    }
  for (let i = orderAt(ctx, pos); i < ctx.order.length && ctx.order[i].start < lim; i++) {
    const a = ctx.set.byId.get(ctx.order[i].actorId);
    if (!a || a.type === 'location' || !pred(a)) continue;
    // the addressee of the lead's own verb ("reported to President X", "met X") is not who speaks
    if (doc.sentOf[ctx.order[i].first] === 0 && enIsObject(ctx, ctx.order[i].first)) continue;
    return a;
  }
  return undefined;
}

/** Is the mention starting at token f the object of a preposition or verb (up to two title words before it)? */
function enIsObject(ctx: Ctx, f: number): boolean {
  const toks = ctx.doc.toks;
  let j = f - 1;
  for (let hops = 0; j >= 0 && hops < 2 && toks[j].caps === 1 && !ctx.mAt[j] && toks[j + 1].gap === 0; hops++) j--;
  return j >= 0 && toks[j + 1].gap === 0 && (/^(to|with|by|for|from|on|against|at|of)$/.test(toks[j].norm) || !!EN_VERB.get(toks[j].norm));
}

/** In the lead sentence, "the deputy head of X has warned": the person the next two sentences introduce as an officer of
 * X ("Y, the first deputy managing director of X, said"), if any. */
export function enLeadOfficerOf(ctx: Ctx, v: number, org: ActorAcc): ActorAcc | undefined {
  const { doc } = ctx;
  if (doc.sentOf[v] !== 0 || doc.sents.length < 2) return undefined;
  const toks = doc.toks;
  const lim = doc.sents[Math.min(doc.sents.length - 1, 2)].end;
  for (let i = orderAt(ctx, doc.sents[0].end); i < ctx.order.length && ctx.order[i].start < lim; i++) {
    const m = ctx.order[i];
    const a = ctx.set.byId.get(m.actorId);
    if (!a || a.type !== 'person' || m.last + 1 >= toks.length || toks[m.last + 1].gap !== 2) continue;
    // the apposition right after the name, up to its closing comma
    for (let r = m.last + 1; r < toks.length && r <= m.last + 12 && doc.sentOf[r] === doc.sentOf[m.first]; r++) {
      if (r > m.last + 1 && toks[r].gap >= 2) break;
      const mr = ctx.mAt[r];
      if (mr && mr.actorId === org.id) return a;
    }
  }
  return undefined;
}

/** "The FBI said ... . "...," the bureau said": an institution noun whose name does not contain it refers to the
 * organisation that spoke in this or the previous two sentences. */
export function enRecentOrgSpeaker(ctx: Ctx, v: number): ActorAcc | undefined {
  const lc = lastClaimBefore(ctx, v);
  const a = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
  return lc && a && a.type === 'organization' && ctx.doc.sentOf[v] - ctx.doc.sentOf[lc.at] <= 2 ? a : undefined;
}

/** enclaims2: the one company-like organisation (no ministry, party, court ...: see nameHas) named in the sentence of
 * token k before it or in the two sentences before; undefined when none or several (refuse rather than guess which). */
export function enSoleCompanyNear(ctx: Ctx, k: number): ActorAcc | undefined {
  const { doc } = ctx;
  const from = doc.sents[Math.max(0, doc.sentOf[k] - 2)].start;
  const pos = doc.toks[k].start;
  let one: ActorAcc | undefined;
  for (let i = orderAt(ctx, from); i < ctx.order.length && ctx.order[i].end <= pos; i++) {
    const a = ctx.set.byId.get(ctx.order[i].actorId);
    if (!a || a.type !== 'organization' || !nameHas(a, 'company')) continue;
    if (one && one !== a) return undefined;
    one = a;
  }
  return one;
}

/** session 6 (enclaims): the organisation the text introduced with the noun w in apposition before its name ("the
 * airline Condora", "the pilots' union VPF", "rights group X"), the last such before token k; undefined when none. A
 * later "the union said" / "an airline spokeswoman said" refers to it. */
export function enIntroducedAs(ctx: Ctx, k: number, w: string): ActorAcc | undefined {
  const toks = ctx.doc.toks;
  const pos = toks[k].start;
  for (let i = Math.min(ctx.order.length - 1, orderAt(ctx, pos)), lim = 0; i >= 0 && lim < 200; i--, lim++) {
    const m = ctx.order[i];
    if (m.end > pos || m.field !== 'body' || m.first < 1) continue;
    if (toks[m.first - 1].norm !== w || toks[m.first].gap !== 0) continue;
    const a = ctx.set.byId.get(m.actorId);
    if (a && (a.type === 'organization' || a.type === 'group')) return a;
  }
  return undefined;
}

export function nameHas(a: ActorAcc, w: string, src?: string): boolean {
  const n = a.name.toLowerCase();
  if (/^(company|firm|group|giant|airline|carrier|retailer|maker|insurer|operator|bank)$/.test(w) && !n.includes(w))
    return !/(ministry|department|party|court|government|council|commission|administration|agency|parliament|union|army|police|office|bureau|nations|committee|kremlin|white house|pentagon|downing street|senate|congress)/.test(
      n,
    );
  if (n.includes(w) || !src) return n.includes(w);
  // seventh session: a KB short name written out in full in the body ("FEMA" as "Federal Emergency Management Agency"
  // → "the agency"): the body's own surface forms count
  for (let i = 0; i < a.mentions.length && i < 8; i++) {
    const m = a.mentions[i];
    if (m.field === 'body' && m.end - m.start > w.length && src.slice(m.start, m.end).toLowerCase().includes(w)) return true;
  }
  return false;
}

export function lastClaimSpeakerOfType(ctx: Ctx, v: number, type: string): ActorAcc | undefined {
  for (let i = ctx.claims.length - 1; i >= 0; i--) {
    const c = ctx.claims[i];
    if (c.at >= v) continue;
    const a = ctx.set.byId.get(c.speaker.actorId!);
    if (a && a.type === type) return a;
  }
  return undefined;
}

export function mostSalient(ctx: Ctx, v: number, type: string): ActorAcc | undefined {
  const counts = new Map<string, number>();
  const pos = ctx.doc.toks[v].start;
  for (let i = Math.max(0, orderAt(ctx, pos) - 300); i < ctx.order.length && ctx.order[i].end <= pos; i++) {
    const m = ctx.order[i];
    counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
  }
  let best: ActorAcc | undefined;
  let bc = 0;
  for (const [id, c] of counts) {
    const a = ctx.set.byId.get(id);
    if (a && a.type === type && c > bc) {
      best = a;
      bc = c;
    }
  }
  return best;
}

export function resolveEnPronoun(ctx: Ctx, v: number, p: 'm' | 'f' | 'p' | 'n'): ActorAcc | undefined {
  const lc = lastClaimBefore(ctx, v);
  const lcA = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
  const near = lc ? ctx.doc.sentOf[v] - ctx.doc.sentOf[lc.at] <= 2 : false;
  if (p === 'm' || p === 'f') {
    // a person opening the previous sentence (or this one) as its subject, after the last claim or as the subject of the
    // sentence holding it ("But Mr Howard denied Mr Yeo ... said ... . He also said"), is the referent
    // "Commissioner Teresa Ribera said ... . "...," she said": an unknown name speaking in the previous sentence (no
    // actor, no claim) is the referent — do not hand her words to an earlier speaker
    if (enUnknownSpeakerBefore(ctx, v, lc)) return undefined;
    const subjS = sentenceSubjectPersonAt(ctx, v, p);
    if (subjS && subjS.sent < ctx.doc.sentOf[v] && subjS.actor !== lcA && (!lc || ctx.doc.sentOf[lc.at] <= subjS.sent)) return subjS.actor;
    // issue 11: '... said A. But that was not enough for Mr X. "...," he said': the one person named in the previous
    // sentence, after the last claim, in a sentence without a pronoun subject of its own, is the referent
    const only = enOnlyPersonInPrevSentence(ctx, v, p, lc);
    if (only && only !== lcA) return only;
    if (lcA && lcA.type === 'person' && near && (!lcA.gender || lcA.gender === p)) return lcA;
    // a person opening this or the previous sentence as its subject ("Mr Blair told ... . "...," he said) is the referent
    const subj = sentenceSubjectPerson(ctx, v, p);
    if (subj) return subj;
    // speaker continuity: the last speaker of this gender in the same or the previous paragraph
    const cont = recentCompatibleSpeaker(ctx, v, (a) => a.type === 'person' && (!a.gender || a.gender === p));
    if (cont) return cont;
    // people named inside an earlier claim are what was said, not who speaks
    return (
      lastActor(ctx, v, (a) => a.type === 'person' && (!a.gender || a.gender === p), true, true) ??
      lastActor(ctx, v, (a) => a.type === 'person' && (!a.gender || a.gender === p), true)
    );
  }
  // "Delta has been hit by ... . It has said ...": an organisation opening the previous sentence as its subject
  {
    const { doc } = ctx;
    const ps = doc.sentOf[v] - 1;
    const st = ps >= 0 ? doc.sents[ps] : undefined;
    if (st) {
      let k = tokenAt(doc, st.start);
      if (k < v && ['but', 'and', 'however', 'meanwhile', 'the'].includes(doc.toks[k].norm) && !ctx.mAt[k]) k++;
      const m = k < v ? ctx.mAt[k] : undefined;
      const a = m && m.first === k ? ctx.set.byId.get(m.actorId) : undefined;
      const nx = m ? doc.toks[m.last + 1] : undefined;
      if (
        a &&
        (a.type === 'organization' || a.type === 'group' || (p === 'n' && a.type === 'country')) &&
        nx &&
        nx.gap === 0 &&
        nx.norm !== 's' &&
        nx.norm !== 'and' &&
        doc.quoteOf[k] < 0 &&
        !inClaimContent(ctx, m!) &&
        (!lc || doc.sentOf[lc.at] < ps)
      )
        return a;
    }
  }
  if (lcA && isOrgish(lcA) && near && (p === 'n' || lcA.type !== 'country')) return lcA;
  // "Delta has been hit by rising costs. It has said ...": the body opening a recent sentence, before any country
  const subjOrg = firstInRecentSentence(ctx, v, (a) => a.type === 'organization' || a.type === 'group', true);
  if (subjOrg) return subjOrg;
  // "they" is rarely a country in running text; "it" may be
  return lastActor(ctx, v, (a) => a.type === 'organization' || a.type === 'group' || (p === 'n' && a.type === 'country'), true);
}

function enOnlyPersonInPrevSentence(ctx: Ctx, v: number, p: 'm' | 'f', lc: ClaimX | undefined): ActorAcc | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const ps = doc.sentOf[v] - 1;
  if (ps < 0 || (lc && doc.sentOf[lc.at] >= ps)) return undefined;
  const st = doc.sents[ps];
  const from = tokenAt(doc, st.start);
  // the current sentence up to v names nobody
  for (let r = tokenAt(doc, doc.sents[ps + 1].start); r < v; r++) if (ctx.mAt[r] && doc.quoteOf[r] < 0) return undefined;
  let only: ActorAcc | undefined;
  for (let r = from; r < toks.length && toks[r].start < st.end; r++) {
    if (doc.quoteOf[r] >= 0) return undefined;
    if (EN_PRONOUNS_SUBJ.has(toks[r].norm)) return undefined;
    const m = ctx.mAt[r];
    if (!m || m.first !== r) continue;
    const a = ctx.set.byId.get(m.actorId);
    if (!a || a.type !== 'person') continue;
    if (only && only !== a) return undefined;
    only = a;
  }
  return only && (!only.gender || only.gender === p) ? only : undefined;
}

const EN_PRONOUNS_SUBJ = new Set(['he', 'she', 'they', 'his', 'her', 'him']);

function sentenceSubjectPerson(ctx: Ctx, v: number, p: 'm' | 'f'): ActorAcc | undefined {
  return sentenceSubjectPersonAt(ctx, v, p)?.actor;
}

/** A reporting verb in the previous sentence (or earlier in this one) whose subject is a capitalised name that is no
 * known actor ("Commissioner Teresa Ribera said"), after the last claim. */
function enUnknownSpeakerBefore(ctx: Ctx, v: number, lc: ClaimX | undefined): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  const ps = doc.sentOf[v] - 1;
  if (ps < 0) return false;
  const from = tokenAt(doc, doc.sents[ps].start);
  if (lc && lc.at >= from) return false;
  for (let r = from + 1; r < v; r++) {
    if (!EN_VERB.get(toks[r].norm) || toks[r].gap !== 0 || doc.quoteOf[r] >= 0) continue;
    const b = toks[r - 1];
    if (
      b.caps === 1 &&
      !ctx.mAt[r - 1] &&
      r - 1 > from &&
      toks[r - 2].caps === 1 &&
      toks[r - 1].gap === 0 &&
      !ctx.mAt[r - 2] &&
      !EN_DET.has(toks[r - 2].norm)
    )
      return true;
  }
  return false;
}

/** A gender-compatible person opening (as subject) the sentence of token v or the one before, not inside a claim. */
function sentenceSubjectPersonAt(ctx: Ctx, v: number, p: 'm' | 'f'): { actor: ActorAcc; sent: number } | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[v];
  for (let s = sent; s >= Math.max(0, sent - 1); s--) {
    const st = doc.sents[s];
    if (!st) continue;
    let k = tokenAt(doc, st.start);
    if (k >= v) continue;
    if (k < toks.length && ['but', 'and', 'however', 'meanwhile', 'earlier', 'later', 'then'].includes(toks[k].norm)) k++;
    if (k < toks.length && /^(mr|mrs|ms|dr|miss|sir|lord|lady)$/.test(toks[k].norm) && !ctx.mAt[k]) k++;
    const m = k < v ? ctx.mAt[k] : undefined;
    if (!m || (m.first !== k && m.first < tokenAt(doc, st.start))) continue;
    if (doc.quoteOf[k] >= 0 || inClaimContent(ctx, m)) continue;
    const a = ctx.set.byId.get(m.actorId);
    if (a && a.type === 'person' && (!a.gender || a.gender === p)) return { actor: a, sent: s };
    if (a && a.type !== 'location') return undefined; // another subject: leave it to the other rules
  }
  return undefined;
}
