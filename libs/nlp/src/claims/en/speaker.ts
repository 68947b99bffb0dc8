// English claims, speaker-resolution phase: the subject before a reporting verb, the speaker after an inverted
// verb ("said Mr X"), noun phrases (names, affiliations, descriptions) resolved to actors.

import type { ActorAcc } from '../../actors/shared';
import { tokenAt } from '../../doc';
import {
  EN_AFF_ROLE,
  EN_COMPANY_NOUN,
  EN_DESCRIPTIONS,
  EN_DET,
  EN_OFFICER_HEAD,
  EN_FINITE,
  EN_GENERIC_ORG,
  EN_INV_ROLE,
  EN_INV_SKIP,
  EN_NOT_SUBJ,
  EN_PERSON_TITLES,
  EN_PRONOUNS,
  EN_SKIP_BACK,
  EN_TIME,
  EN_UNIT_PLURALS,
  EN_UNIT_ROLES,
  EN_VERB,
} from '../../lexicon/en';
import { actorOf, type ClaimX, type Ctx, fitsTitle, isOrgish, lastActor, lastClaimBefore, orderAt, personByTitle } from '../shared';
import { quoteIdxAt } from './content';
import {
  enLeadForward,
  enIntroducedAs,
  enLeadOfficerOf,
  enOrgInFocus,
  enRecentOrgSpeaker,
  enSoleCompanyNear,
  lastClaimSpeakerOfType,
  mostSalient,
  nameHas,
  resolveEnPronoun,
} from './coref';
/** The speaker named right after an inverted verb ("said Mr X", "say the Tories", "said Professor X, head of ...",
 * "said Daiwa Securities analyst Mark Pervan", "say Cranfield University experts"): actor, its text and last token. */
export function invertedSpeaker(ctx: Ctx, k: number): { actor: ActorAcc; text: string; last: number } | undefined {
  const toks = ctx.doc.toks;
  const n = toks.length;
  const sent = ctx.doc.sentOf[k - 1];
  let j = k;
  // session 6 (enclaims): "said an airline spokeswoman", "said a company spokesman in London": an unnamed officer whose
  // body is named only by a noun → the body the text introduced with that noun ("the airline Condora"), else the one
  // company-like body of the last sentences (company nouns only); several or none → no speaker
  if (j + 2 < n && /^(a|an)$/.test(toks[j].norm) && toks[j + 1].gap === 0 && toks[j + 2].gap === 0) {
    const w = toks[j + 1].norm;
    if (
      EN_DESCRIPTIONS[w] === 'organization' &&
      /^(spokesman|spokeswoman|spokesperson|official|representative|source)$/.test(toks[j + 2].norm) &&
      // "a bank spokesman for X": the body after the preposition (the older rules)
      !(j + 3 < n && ctx.doc.sentOf[j + 3] === sent && toks[j + 3].gap === 0 && /^(for|of|at|from)$/.test(toks[j + 3].norm))
    ) {
      const a =
        enIntroducedAs(ctx, k, w) ??
        lastActor(ctx, k, (x) => x.type === 'organization' && x.name.toLowerCase().includes(w)) ??
        (EN_COMPANY_NOUN.has(w) || EN_BUSINESS_EPITHET.has(w) ? enSoleCompanyNear(ctx, k) : undefined);
      return a ? { actor: a, text: ctx.doc.src.slice(toks[j].start, toks[j + 2].end), last: j + 2 } : undefined;
    }
  }
  // session 6b (enpassive): '"…," said a spokesman for X.' / 'said a senior bank official at X': an unnamed officer whose
  // body is named after for/of/at/from → that body (GOLD: an officer of a named body speaks for it); the officer head
  // must come within three lower-case words after the article; a person after the preposition or in apposition ("said
  // a spokeswoman for X, NAME") is the engine's own case (the named person), a spokesman for a person is no speaker here
  if (j + 3 < n && /^(a|an)$/.test(toks[j].norm)) {
    let h = j + 1;
    while (h < j + 4 && h < n && toks[h].gap === 0 && toks[h].caps === 0 && !EN_OFFICER_HEAD.has(toks[h].norm)) h++;
    if (
      h + 2 < n &&
      EN_OFFICER_HEAD.has(toks[h].norm) &&
      toks[h].gap === 0 &&
      toks[h + 1].gap === 0 &&
      /^(for|of|at|from)$/.test(toks[h + 1].norm) &&
      ctx.doc.sentOf[h + 2] === sent
    ) {
      let p = h + 2;
      if (toks[p].norm === 'the' && p + 1 < n && toks[p + 1].gap === 0) p++;
      let m = ctx.mAt[p];
      // "a spokesman for Xandria's Finance Ministry": the body after the possessive
      if (m && m.first === p && m.last + 2 < n && toks[m.last + 1].norm === 's' && toks[m.last + 1].gap === 1) {
        const m2 = ctx.mAt[m.last + 2];
        m = m2 && m2.first === m.last + 2 ? m2 : undefined;
        // (seventh session: the body's mention starts after p; the check below compared it with the possessor's start)
        if (m) p = m.first;
      }
      const a = m && m.first <= p && ctx.doc.sentOf[m.last] === sent ? ctx.set.byId.get(m.actorId) : undefined;
      if (!a || a.type === 'person' || a.type === 'location') return undefined;
      // a name in apposition ("said a spokesman for X, NAME") is the speaker if it is a person, else refused
      const ap = m!.last + 1;
      if (ap < n && ctx.doc.sentOf[ap] === sent && toks[ap].gap === 2 && toks[ap].caps > 0) {
        const pm = ctx.mAt[ap];
        const pa = pm && pm.first === ap ? ctx.set.byId.get(pm.actorId) : undefined;
        return pa && pa.type === 'person' ? { actor: pa, text: ctx.doc.src.slice(pm!.start, pm!.end), last: pm!.last } : undefined;
      }
      return { actor: a, text: ctx.doc.src.slice(toks[j].start, m!.end), last: m!.last };
    }
  }
  // issue 11 (en): a lower-case descriptor the title list lacks ("said protester X", "said longtime resident X") is
  // skipped too, but then only a person may follow
  let free = false;
  for (
    let hops = 0;
    j < n &&
    hops < 4 &&
    !ctx.mAt[j] &&
    ctx.doc.sentOf[j] === sent &&
    toks[j].gap < 2 &&
    (EN_INV_SKIP.has(toks[j].norm) || (toks[j].caps === 0 && toks[j].script === 'latin' && !EN_INV_NOT_DESC.has(toks[j].norm)));
    hops++
  ) {
    if (!EN_INV_SKIP.has(toks[j].norm)) free = true;
    j++;
  }
  // "said Pieter de Vries" when only "Vries" is known: a first name and name particles before the mention
  if (j < n && !ctx.mAt[j]) {
    let r = j;
    for (
      let hops = 0;
      r < n &&
      hops < 3 &&
      !ctx.mAt[r] &&
      ctx.doc.sentOf[r] === sent &&
      (r === j || toks[r].gap === 0) &&
      (toks[r].caps === 1 || /^(de|van|von|der|den|al|el|bin|da|di|du|la|le)$/.test(toks[r].norm));
      hops++
    )
      r++;
    const mr = r < n && r > j && toks[r].gap === 0 ? ctx.mAt[r] : undefined;
    if (mr && mr.first === r && ctx.set.byId.get(mr.actorId)?.type === 'person') j = r;
  }
  if (j >= n || ctx.doc.sentOf[j] !== sent || (j > k && toks[j].gap >= 2)) return undefined;
  const m = ctx.mAt[j];
  if (!m) return undefined;
  const a = ctx.set.byId.get(m.actorId);
  if (!a || a.type === 'location' || (free && (a.type !== 'person' || m.first !== j))) return undefined;
  let last = m.last;
  if (a.type !== 'person') {
    // "Daiwa Securities analyst Mark Pervan": the person after the affiliation and role (fifth session: also a
    // capitalised multi-word title, "said Russian Foreign Minister X", "said U.S. Secretary of State X")
    let r = m.last + 1;
    let roles = 0;
    let titled = 0;
    while (r < n && roles < 4 && toks[r].gap < 2 && !ctx.mAt[r]) {
      const w = toks[r].norm;
      if (EN_INV_ROLE.has(w)) roles++;
      else if (toks[r].caps > 0 && EN_PERSON_TITLES.has(w)) titled++;
      else if (!(w === 'of' && titled + roles > 0 && r + 1 < n && toks[r + 1].caps > 0 && EN_PERSON_TITLES.has(toks[r + 1].norm))) break;
      r++;
    }
    const pm = r < n && toks[r].gap < 2 ? ctx.mAt[r] : undefined;
    const p = pm && pm.first === r ? ctx.set.byId.get(pm.actorId) : undefined;
    if (roles + titled > 0 && p && p.type === 'person')
      return { actor: p, text: ctx.doc.src.slice(toks[k].start, pm!.end), last: pm!.last };
    // a capitalised title without a person after it is not taken as the body's role
    if (roles === 0) r = m.last + 1;
    if (roles > 0) last = r - 1;
  }
  return { actor: a, text: ctx.doc.src.slice(m.start, m.end), last };
}

/** Lower-case words that never belong to a descriptor before a name after an inverted verb ("said in a statement X"). */
const EN_INV_NOT_DESC = new Set([
  'in',
  'on',
  'at',
  'of',
  'for',
  'to',
  'from',
  'by',
  'with',
  'and',
  'or',
  'but',
  'that',
  'a',
  'an',
  'this',
  'last',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'its',
  'their',
  'who',
  'which',
  'when',
  'after',
  'before',
  'as',
  'than',
  'not',
]);

/** A quote closing right before verb v, with at most a speaker NP between (or the speaker right after v). */
export function quoteBefore(ctx: Ctx, v: number): { q: number; speaker?: ActorAcc; text: string; others?: ActorAcc[] } | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const vStart = toks[v].start;
  // nearest quote closing before v
  let qi = quoteIdxAt(doc, vStart) - 1;
  while (qi >= 0 && doc.quotes[qi].close >= vStart) qi--;
  if (qi < 0) return undefined;
  const q = doc.quotes[qi];
  const between = doc.src.slice(q.close + 1, vStart);
  if (between.length > 80 || /[.!?\n]/.test(between.replace(/^[\s,]*/, '')) || /\n/.test(between)) return undefined;
  // '"...begging Pyongyang for talks", while the ruling party said ...': a new clause, not an attribution of the quote
  if (/\b(while|whereas|but|and|as|after|before|because|although|though|when)\b/i.test(between)) return undefined;
  // '"… ended."  Next sentence said' — a quote closed by a full stop is not attributed by what follows
  const lastIn = doc.src
    .slice(Math.max(q.open, q.close - 3), q.close)
    .trim()
    .slice(-1);
  if ((lastIn === '.' || lastIn === '\u2026') && !/^\s*,/.test(between)) return undefined;
  // 'The question is: "Should ...?" The Electoral Commission said' — a quotation introduced by a colon belongs to its own sentence
  if ((lastIn === '?' || lastIn === '!') && !/^\s*,/.test(between) && /:\s*$/.test(doc.src.slice(Math.max(0, q.open - 3), q.open)))
    return undefined;
  // tokens between the quote and the verb
  const first = tokenAt(doc, q.close + 1);
  if (first >= toks.length) return undefined;
  if (first === v) {
    // said X / said Mr X
    const inv = invertedSpeaker(ctx, v + 1);
    if (inv) return { q: qi, speaker: inv.actor, text: inv.text };
    // issue 11: '"...," said the statement.' / '"...," said the group.': a description closing the sentence, resolved like a
    // subject description (a document → the body that spoke last; "the group" → the group in focus)
    const nd = v + 2;
    if (
      nd < toks.length &&
      /^(the|its|their)$/.test(toks[v + 1].norm) &&
      toks[v + 1].gap === 0 &&
      toks[nd].gap === 0 &&
      doc.sentOf[nd] === doc.sentOf[v] &&
      (nd + 1 >= toks.length || doc.sentOf[nd + 1] !== doc.sentOf[v] || toks[nd + 1].gap >= 2)
    ) {
      const r = resolveNP(ctx, nd, v);
      if (r && r.desc && !r.pronoun) return { q: qi, speaker: r.actor, text: doc.src.slice(toks[v + 1].start, toks[nd].end) };
    }
    // "said a spokesman for X" / "said the company"
    return undefined;
  }
  if (v - first > 12) return undefined;
  const sb = subjectBefore(ctx, v);
  // issue 11 (en): 'While accepting that people "have to be prepared" for an attack, Mr X said he had ...': words and a
  // comma between the quotation and the subject make the quotation part of a fronted clause, not this verb's content
  if (sb && sb.first >= first && /[A-Za-z][^,]*,/.test(doc.src.slice(q.close + 1, toks[sb.first].start))) return undefined;
  // round 6 (en): a plural description of a named pair ('"...," the companies said') speaks for each of them
  if (sb && sb.first >= first) return { q: qi, speaker: sb.actor, text: sb.text, others: sb.desc ? sb.others : undefined };
  return undefined;
}

export interface Subj {
  actor: ActorAcc;
  text: string;
  first: number;
  pronoun?: boolean;
  /** co-speakers of a coordinated subject */ others?: ActorAcc[];
  /** resolved from a description ("the company", "a spokesman"), not a name */ desc?: boolean;
}

/** The co-speakers of a joint claim (its first speaker's claim → the others), for a later "they said". */
export const enJoint = new WeakMap<ClaimX, ActorAcc[]>();

/** subjectBefore, plus the other speakers of a coordinated subject ("Lord Justice Rix and Mr Justice Forbes ruled",
 * "The Conservatives and Liberal Democrats say", "X, Y and Z said") and of a joint claim continued by "they". */
export function subjectBefore(ctx: Ctx, v: number): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  let k = v - 1;
  while (k > 0 && EN_SKIP_BACK.has(toks[k].norm) && toks[k + 1].gap === 0 && v - k < 4) k--;
  if (k >= 0 && toks[k].norm === 'they' && doc.sentOf[k] === doc.sentOf[v]) {
    // "they said" right after a joint claim continues all its speakers
    const lc = lastClaimBefore(ctx, v);
    const others = lc ? enJoint.get(lc) : undefined;
    const lcA = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
    if (lc && lcA && others && doc.sentOf[v] - doc.sentOf[lc.at] <= 2)
      return { actor: lcA, text: toks[k].norm, first: k, pronoun: true, others };
  }
  // session 6 (enclaims): "A and B have both opposed X. (In a joint letter,) they warned that ..." → A and B
  if (k >= 0 && toks[k].norm === 'they') {
    const co = enCoordinatedPrevSubject(ctx, k);
    if (co) return { actor: co[0], text: toks[k].norm, first: k, pronoun: true, others: co.slice(1) };
  }
  // issue 11 (en): "X, Y and 10 other states said": the named units before the unnamed rest are the subject
  const tail = enListTail(ctx, v);
  // (a party tag in brackets before the rest, "Sen. X (D-Ore.) and 11 other Democrats": the name right before the bracket)
  const sb = tail !== undefined && toks[tail].sep.includes('(') ? resolveNP(ctx, tail - 1, v) : subjectBefore0(ctx, tail ?? v);
  if (!sb || sb.pronoun) return sb;
  if (sb.desc || !ctx.mAt[sb.first]) return sb;
  const others: ActorAcc[] = [];
  let j = sb.first - 1;
  for (let guard = 0; guard < 12 && j >= 0; guard++) {
    while (j > 0 && EN_INV_SKIP.has(toks[j].norm) && !ctx.mAt[j] && toks[j + 1].gap < 2) j--; // "Mr Justice"
    let conj = false;
    if (toks[j].norm === 'and' && toks[j + 1].gap < 2) {
      conj = true;
      j--;
    } else if ((others.length || tail !== undefined) && toks[j + 1].gap === 2 && toks[j + 1].sep.includes(',')) conj = true; // "X, Y and Z", "X, Y and 10 others"
    if (!conj || j < 0 || doc.sentOf[j] !== doc.sentOf[v]) break;
    const m = ctx.mAt[j];
    if (!m || m.last !== j) break;
    const a = ctx.set.byId.get(m.actorId);
    if (!a || a.type === 'location' || (a.type === 'person') !== (sb.actor.type === 'person') || a === sb.actor) break;
    // not inside a prepositional phrase ("talks between X and Y")
    const pb = m.first - 1;
    if (pb >= 0 && /^(between|with|of|for|to|by|from|against|and|on|in|at)$/.test(toks[pb].norm) && toks[m.first].gap < 2) {
      // "the attorneys general of X and Y said": both units speak
      if (toks[pb].norm !== 'and' && !(toks[pb].norm === 'of' && pb > 0 && EN_UNIT_ROLES.has(toks[pb - 1].norm))) break;
    }
    others.push(a);
    j = m.first - 1;
    if (j >= 0 && toks[m.first].gap === 2) j = m.first; // comma before: next round looks at the token before it
    if (toks[m.first].gap === 2) j = m.first - 1;
  }
  return others.length ? { ...sb, others } : sb;
}

/** session 6 (enclaims): for a "they" opening its sentence (or its main clause after a fronted adjunct), the named
 * actors coordinated by "and" in the subject of the previous sentence (before its first verb, outside prepositional
 * phrases), persons over the bodies in their titles ("Local Senedd member A and the area's MP, B, have both ..."); at
 * least two, all of one kind; else undefined. */
function enCoordinatedPrevSubject(ctx: Ctx, k: number): ActorAcc[] | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[k];
  if (sent === 0) return undefined;
  if (!doc.sentStart[k]) {
    const f = enFrontedAdjunctStart(ctx, k);
    if (f === undefined) return undefined;
  }
  const ps = doc.sents[sent - 1];
  let i = tokenAt(doc, ps.start);
  if (i < 0) return undefined;
  const persons: ActorAcc[] = [];
  const bodies: ActorAcc[] = [];
  let and = false;
  for (let lim = 0; i < k && doc.sentOf[i] === sent - 1 && lim < 25; i++, lim++) {
    const t = toks[i];
    if (doc.quoteOf[i] >= 0) return undefined;
    const m = ctx.mAt[i];
    if (m && m.first === i) {
      const pb = i > 0 ? toks[i - 1].norm : '';
      const a = ctx.set.byId.get(m.actorId);
      if (a && a.type !== 'location' && !/^(of|for|at|from|to|with|in|on|by|between|against)$/.test(pb)) {
        if (a.type === 'person') {
          if (!persons.includes(a)) persons.push(a);
        } else if (!bodies.includes(a)) bodies.push(a);
      }
      i = m.last;
      continue;
    }
    if (t.norm === 'and' && t.caps === 0) and = true;
    else if (t.caps === 0 && (EN_FINITE.has(t.norm) || EN_VERB.get(t.norm) || /^(both|all)$/.test(t.norm) || /[a-z]ed$/.test(t.norm)))
      break;
  }
  if (!and) return undefined;
  const co = persons.length ? persons : bodies;
  return co.length >= 2 && co.every((a) => a.type === co[0].type) ? co : undefined;
}

/** session 6 (enclaims): does the sentence before token k open on "The <Capitalised words> <body noun>" with no actor
 * named in it ("The Welsh government", "The Kolvar Housing Authority" when unrecognised)? */
function enUnnamedBodyOpensPrev(ctx: Ctx, k: number): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[k];
  if (sent === 0) return false;
  const i = tokenAt(doc, doc.sents[sent - 1].start);
  if (i < 0 || toks[i].norm !== 'the') return false;
  let caps = 0;
  for (let r = i + 1; r < Math.min(toks.length, i + 6) && doc.sentOf[r] === sent - 1; r++) {
    if (ctx.mAt[r] || (r > i + 1 && toks[r].gap !== 0)) return false;
    if (toks[r].caps > 0 && !EN_DESCRIPTIONS[toks[r].norm]) caps++;
    else return caps > 0 && EN_DESCRIPTIONS[toks[r].norm] === 'organization';
  }
  return false;
}

/** The "and" opening the unnamed rest of a subject list right before verb v ("..., California and 10 other states
 * said", "X and others said"), or undefined. */
function enListTail(ctx: Ctx, v: number): number | undefined {
  const toks = ctx.doc.toks;
  let k = v - 1;
  while (k > 0 && EN_SKIP_BACK.has(toks[k].norm) && toks[k + 1].gap === 0) k--;
  // session 6 (enclaims): "X and 13 other Democrats said": a named plural body after "other" is the unnamed rest too
  const km = ctx.mAt[k];
  if (km && (km.last !== k || km.first < 4 || (toks[km.first - 1].norm !== 'other' && toks[km.first - 2].norm !== 'other')))
    return undefined;
  if (k < 2 || k + 1 >= toks.length || !(EN_UNIT_PLURALS.has(toks[k].norm) || km) || toks[k + 1].gap !== 0) return undefined;
  if (km) k = km.first;
  let j = k - 1;
  if (toks[k].norm !== 'others') {
    if (toks[j].norm !== 'other') return undefined;
    j--;
    if (j > 0 && toks[j].norm !== 'and' && toks[j].caps === 0 && toks[j + 1].gap === 0) j--; // a count
  }
  if (j < 1 || toks[j].norm !== 'and' || toks[j + 1].gap !== 0 || ctx.doc.sentOf[j] !== ctx.doc.sentOf[v]) return undefined;
  if (ctx.mAt[j - 1]) return j;
  // "Sen. X (D-Ariz.) and ...": a party tag in brackets after the name
  if (/\)/.test(toks[j].sep)) {
    for (let r = j - 1; r > 0 && j - r <= 4; r--)
      if (toks[r].sep.includes('(')) return ctx.mAt[r - 1] && ctx.doc.sentOf[r - 1] === ctx.doc.sentOf[v] ? r : undefined;
  }
  return undefined;
}

function subjectBefore0(ctx: Ctx, v: number): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[v];
  let k = v - 1;
  let hops = 0;
  // "Guy Mansfield QC warned", "Tom Smith MP said": a post-nominal after a name
  if (k >= 1 && /^(qc|kc|mp|mep|msp|jr|sr)$/.test(toks[k].norm) && ctx.mAt[k - 1] && !ctx.mAt[k] && toks[k].gap === 0) k--;
  // session 6 (enclaims): a legal form after a company name ("Halvorsen Foods ASA said", "Kolvar AG said")
  else if (
    k >= 1 &&
    toks[k].caps === 2 &&
    /^(asa|ag|se|sa|nv|plc|ab|oyj|spa|gmbh|bv|inc|ltd|llc|corp)$/.test(toks[k].norm) &&
    ctx.mAt[k - 1] &&
    !ctx.mAt[k] &&
    toks[k].gap === 0
  )
    k--;
  for (;;) {
    if (k >= 0 && doc.sentOf[k] === sent && EN_SKIP_BACK.has(toks[k].norm) && toks[k + 1].gap === 0 && hops < 4) {
      k--;
      hops++;
      continue;
    }
    // "The Electoral Commission on Thursday said", "X last week said"
    if (k >= 1 && EN_TIME.has(toks[k].norm) && /^(on|last|this|earlier|in)$/.test(toks[k - 1].norm) && toks[k + 1].gap === 0 && hops < 4) {
      k -= 2;
      hops++;
      continue;
    }
    break;
  }
  if (k < 0 || doc.sentOf[k] !== sent) return undefined;
  // session 6 (enclaims): "The X Institute in Munich estimated", "the US embassy in Kyiv said": a place after "in" right
  // before the verb is a locative modifier of the subject, not the subject
  {
    const lm = ctx.mAt[k];
    if (
      lm &&
      lm.last === k &&
      lm.first >= 2 &&
      toks[lm.first - 1].norm === 'in' &&
      toks[lm.first].gap === 0 &&
      toks[lm.first - 1].gap === 0
    ) {
      const la = ctx.set.byId.get(lm.actorId);
      if (la && la.type === 'location' && doc.sentOf[lm.first - 2] === sent) k = lm.first - 2;
    }
  }
  // parenthetical between subject and verb: "Mr Mates, who is ..., told" (also closing with a quotation: 'X - who called it
  // "a row" - told')
  const paren =
    toks[k + 1].gap === 2 || (toks[k + 1].gap === 4 && /[,\u2013\u2014]|\s-\s/.test(toks[k + 1].sep) && !/[.!?:;]/.test(toks[k + 1].sep));
  if (paren) {
    let direct = resolveNP(ctx, k, v);
    let included: ActorAcc | undefined;
    // "BT Openzone, which operates ... in the UK, told": a name inside a relative clause is not the subject
    for (let r = k, lim = 0; r > 0 && lim < 30 && doc.sentOf[r] === sent; r--, lim++) {
      if (toks[r].gap === 2) {
        if (/^(which|who|whose|where|when)$/.test(toks[r].norm)) direct = undefined;
        // fifth session: an "including" aside after a subject that names its own speaker, "Top X officials, including
        // adviser Y, have said" → X, with Y as a joint speaker (gold: both); "Several companies, including Y, said" → Y
        else if (toks[r].norm === 'including' && r >= 2) {
          const head = resolveNP(ctx, r - 1, v);
          if (head && !head.pronoun && direct && !direct.pronoun && direct.actor !== head.actor) {
            included = direct.actor;
            direct = undefined;
          }
        }
        break;
      }
    }
    if (direct && direct.actor.type === 'person' && paren) {
      // "X, the foreign minister, said" → direct might be the appositive; look further back first
    }
    // walk back over comma-separated appositions ("Mr Mubanga, 32, from Wembley, London, said")
    let c = k;
    let lim = 0;
    let best: Subj | undefined;
    while (c > 0 && doc.sentOf[c] === sent && lim < 45) {
      if (toks[c].gap === 2) {
        const r = resolveNP(ctx, c - 1, v);
        if (r && !r.pronoun && r.actor.type !== 'country' && (!best || best.pronoun || best.actor.type === 'country')) best = r;
        else if (r && !best) best = r;
      }
      if (doc.sentStart[c]) break;
      c--;
      lim++;
    }
    // the sentence opens with an actor: that is the subject
    let s0 = c;
    // "SEOUL - Kim Yo Jong, ..., warned": a dateline is not the subject
    {
      const md = ctx.mAt[s0];
      if (md && md.last + 1 < k && /\s[-\u2013\u2014]+\s/.test(toks[md.last + 1].sep) && toks[s0].caps === 2) s0 = md.last + 1;
    }
    const m0 =
      ctx.mAt[s0] ??
      (EN_DET.has(toks[s0].norm) || ['but', 'and', 'however', 'meanwhile', 'earlier'].includes(toks[s0].norm)
        ? ctx.mAt[s0 + 1]
        : undefined);
    if (m0 && m0.last < k && !(toks[m0.first].caps === 2 && /[-\u2013\u2014]/.test(toks[m0.last + 1]?.sep ?? ''))) {
      const a0 = ctx.set.byId.get(m0.actorId);
      // (seventh session: not a bracketed acronym after it, "X Limited (XL) managing director NAME, who ..., said")
      if (a0 && a0.type !== 'location' && toks[m0.last + 1] && toks[m0.last + 1].gap === 2 && !toks[m0.last + 1].sep.includes('('))
        return { actor: a0, text: doc.src.slice(m0.start, m0.end), first: m0.first };
    }
    // "A spokesman for X, Name, said" / "Its spokesman, Name, told" / "Ukraine's foreign minister, Name, said": a person
    // named in the apposition right before the verb speaks, not the description or the affiliation body
    if (direct && !direct.pronoun && !direct.desc && direct.actor.type === 'person' && (!best || best.desc || best.actor.type !== 'person'))
      return direct;
    const res = best ?? direct;
    return res && included && res.actor !== included && !res.others ? { ...res, others: [included] } : res;
  }
  return resolveNP(ctx, k, v);
}

/** seventh session: the author of the document "the NOUN" (token k) refers to — the previous "a/an/its/their NOUN" of the
 * same word in this sentence or the two before: "X's NOUN", "a NOUN from/by X", else the named subject of that sentence
 * ("X issued a statement", "In a letter to Y, X ..."). A place, or nothing named → undefined. */
function enDocAuthor(ctx: Ctx, k: number): ActorAcc | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const w = toks[k].norm;
  const s0 = doc.sentOf[k] - 2;
  for (let r = k - 2; r > 0 && doc.sentOf[r] >= s0; r--) {
    if (toks[r].norm !== w) continue;
    let d = r - 1;
    while (d > 0 && r - d < 3 && toks[d].caps === 0 && !/^(a|an|its|their|his|her|s)$/.test(toks[d].norm) && !ctx.mAt[d]) d--;
    if (!/^(a|an|its|their|his|her|s)$/.test(toks[d].norm)) continue;
    if (toks[d].norm === 's') {
      const pm = ctx.mAt[d - 1];
      const pa = pm && pm.last === d - 1 ? ctx.set.byId.get(pm.actorId) : undefined;
      return pa && pa.type !== 'location' ? pa : undefined;
    }
    if (r + 2 < toks.length && /^(from|by)$/.test(toks[r + 1].norm)) {
      let p = r + 2;
      if (toks[p].norm === 'the') p++;
      const am = ctx.mAt[p];
      const aa = am && am.first === p ? ctx.set.byId.get(am.actorId) : undefined;
      if (aa && aa.type !== 'location') return aa;
    }
    const sa = subjectOfSentence(ctx, r);
    return sa && sa.type !== 'location' ? sa : undefined;
  }
  return undefined;
}

/** "Name, spokeswoman for X said" → Name; "A spokesman for X said" / "the head of X said" → X. p is the preposition
 * token before the mention of X (org). */
function enAffiliation(ctx: Ctx, p: number, org: ActorAcc): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  let b = p - 1;
  let roles = 0;
  // role words (and their modifiers: "world-wide Linux strategy manager", "senior", "chief")
  while (b >= 0 && roles < 5 && !ctx.mAt[b] && !EN_DET.has(toks[b].norm) && toks[b + 1].gap < 2 && doc.sentOf[b] === doc.sentOf[p]) {
    if (!EN_AFF_ROLE.has(toks[b].norm) && !(toks[b].caps === 0 && roles > 0) && !EN_INV_SKIP.has(toks[b].norm)) return undefined;
    b--;
    roles++;
  }
  if (roles === 0 || !EN_AFF_ROLE.has(toks[p - 1].norm)) return undefined;
  const first = b + 1;
  // "Name, role for X"
  if (toks[first].gap === 2 && b >= 0) {
    const pm = ctx.mAt[b];
    const pa = pm && pm.last === b ? ctx.set.byId.get(pm.actorId) : undefined;
    if (pa && pa.type === 'person') return { actor: pa, text: doc.src.slice(pm!.start, pm!.end), first: pm!.first };
    return undefined;
  }
  // "A/The/Its spokesman for X", sentence-initial "Spokesman for X"
  if ((b >= 0 && EN_DET.has(toks[b].norm)) || b < 0 || doc.sentStart[first]) {
    if (org.type === 'person') return undefined;
    const f = b >= 0 && EN_DET.has(toks[b].norm) ? b : first;
    // issue 11: in the lead, "the deputy head of X has warned" is the officer of X named next, if the story names one
    if (!/^spokes/.test(toks[p - 1].norm) && EN_PERSON_ROLE.has(toks[p - 1].norm)) {
      const holder = enLeadOfficerOf(ctx, p, org);
      if (holder) return { actor: holder, text: doc.src.slice(toks[f].start, toks[p + 1].end), first: f, desc: true };
    }
    return { actor: org, text: doc.src.slice(toks[f].start, toks[p + 1].end), first: f, desc: true };
  }
  return undefined;
}

/** The person last introduced before pos with this role word and this country in front of it ("French President X",
 * "Xandria's foreign minister X"). */
function enPersonByTitleOf(ctx: Ctx, word: string, pos: number, country: ActorAcc): ActorAcc | undefined {
  const list = ctx.titles.get(word);
  if (!list) return undefined;
  const toks = ctx.doc.toks;
  let best: { pos: number; actor: ActorAcc } | undefined;
  for (const e of list) {
    if (e.pos >= pos || (best && e.pos <= best.pos)) continue;
    // back from the name over the title and its capitalised modifiers to the country
    let j = tokenAt(ctx.doc, e.pos) - 1;
    for (let hops = 0; j >= 0 && hops < 3 && !ctx.mAt[j] && toks[j + 1].gap === 0; hops++) j--;
    if (j >= 1 && toks[j].norm === 's' && /['\u2019]/.test(toks[j].sep)) j--;
    const m = j >= 0 ? ctx.mAt[j] : undefined;
    if (m && m.last === j && m.actorId === country.id) best = e;
  }
  return best?.actor;
}

/** enclaims2: x unless it is a KB person of another country than c. */
function enOfCountry(x: ActorAcc | undefined, c: ActorAcc): ActorAcc | undefined {
  return x && (!x.country || 'country:' + x.country === c.id) ? x : undefined;
}

/** enclaims2: the one KB person of this country named before token k (KB `country`), whose known roles fit the word;
 * undefined when none or several (refuse rather than guess). */
function enSoleCompatriot(ctx: Ctx, k: number, country: ActorAcc, word: string): ActorAcc | undefined {
  const pos = ctx.doc.toks[k].start;
  let one: ActorAcc | undefined;
  for (let i = Math.max(0, orderAt(ctx, pos) - 300); i < ctx.order.length && ctx.order[i].end <= pos; i++) {
    const x = ctx.set.byId.get(ctx.order[i].actorId);
    if (!x || x.type !== 'person' || !x.country || 'country:' + x.country !== country.id) continue;
    if (one && one !== x) return undefined;
    one = x;
  }
  return one && fitsTitle(ctx, one, word) ? one : undefined;
}

/** issue 11 (en): the speaker named only after the description ("Xandria's finance minister, lashed out at ... ¶ Omar
 * Fayed, Xandria's finance minister, argued ..."): a person given the same role of the same country in an apposition
 * within the next three sentences ("Name, Country's [adj] role" or "Country's [adj] role(,) Name"). */
function enHolderNamedNext(ctx: Ctx, k: number, word: string, country: ActorAcc): ActorAcc | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const lastSent = Math.min(doc.sents.length - 1, doc.sentOf[k] + 3);
  for (let j = k + 1; j < toks.length && doc.sentOf[j] <= lastSent; j++) {
    const m = ctx.mAt[j];
    if (!m || m.first !== j || m.actorId !== country.id) continue;
    // "Country's [one or two modifiers] role"
    const r = m.last + 1;
    if (r >= toks.length || toks[r].norm !== 's' || !/['\u2019]/.test(toks[r].sep)) continue;
    let w = r + 1;
    while (w < toks.length && w <= r + 3 && toks[w].norm !== word && toks[w].gap === 0 && !ctx.mAt[w]) w++;
    if (w >= toks.length || toks[w].norm !== word || toks[w].gap !== 0) continue;
    // the person before it ("Name, Country's role") or after it ("Country's role, Name" / "Country's role Name")
    const before = m.first > 0 && toks[m.first].gap === 2 ? ctx.mAt[m.first - 1] : undefined;
    const pb = before && before.last === m.first - 1 ? ctx.set.byId.get(before.actorId) : undefined;
    if (pb && pb.type === 'person') return pb;
    const after = w + 1 < toks.length && toks[w + 1].gap <= 2 ? ctx.mAt[w + 1] : undefined;
    const pa = after && after.first === w + 1 ? ctx.set.byId.get(after.actorId) : undefined;
    if (pa && pa.type === 'person') return pa;
  }
  return undefined;
}

/** Role words of one person (not a spokesman, who speaks for the body). */
const EN_PERSON_ROLE = new Set([
  'head',
  'chief',
  'director',
  'chairman',
  'chairwoman',
  'chair',
  'president',
  'leader',
  'governor',
  'secretary',
  'minister',
  'commissioner',
  'boss',
  'founder',
]);

/** Heads of a state organ's name ("air force", "coast guard", "defence ministry", "army"); "government" stays out (a bare or
 * adjectival government is its own decision in test/gold/README.md). */
const EN_STATE_ORGAN = new Set(['military', 'army', 'navy', 'force', 'forces', 'guard', 'guards', 'police', 'ministry', 'embassy']);
/** Modifiers inside such a name. */
const EN_ORGAN_MOD =
  /^(air|armed|coast|border|national|naval|military|state|federal|foreign|defence|defense|interior|health|finance|justice|economy|trade|energy|home|security|emergency|emergencies|transport|education|agriculture|environment|information|intelligence)$/;

/** "the Ukrainian air force", "Xandria's coast guard": the country before the organ's name (an adjective or a possessive
 * right before the modifiers), or undefined. Only a country, and only when the name starts the noun phrase (after the,
 * a sentence start or a comma): "the US firm's army of lawyers" is not the US. */
function enStateOfOrgan(ctx: Ctx, k: number): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  let j = k - 1;
  for (let mods = 0; j >= 0 && mods < 2 && toks[j + 1].gap === 0 && !ctx.mAt[j] && EN_ORGAN_MOD.test(toks[j].norm); mods++) j--;
  if (j < 0 || toks[j + 1].gap !== 0) return undefined;
  let poss = false;
  if (j >= 1 && toks[j].norm === 's' && /['\u2019]/.test(toks[j].sep) && toks[j].gap <= 1) {
    j--;
    poss = true;
  }
  const m = ctx.mAt[j];
  if (!m || m.last !== j) return undefined;
  const a = ctx.set.byId.get(m.actorId);
  if (!a || a.type !== 'country') return undefined;
  const b = m.first - 1;
  const the = !poss && b >= 0 && toks[b].norm === 'the';
  if (!(b < 0 || doc.sentStart[m.first] || toks[m.first].gap >= 2 || the)) return undefined;
  // "a rival of the Xandrian army said": inside a prepositional phrase, not the subject
  if (
    the &&
    !doc.sentStart[b] &&
    toks[b].gap < 2 &&
    b >= 1 &&
    /^(of|for|from|at|in|with|by|to|on|against|over|into)$/.test(toks[b - 1].norm)
  )
    return undefined;
  return { actor: a, text: doc.src.slice(m.start, toks[k].end), first: the ? b : m.first, desc: true };
}

/** Resolve the noun phrase ending at token k to an actor. */
export function resolveNP(ctx: Ctx, k: number, v: number): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  if (k < 0) return undefined;
  const m = ctx.mAt[k];
  if (m && m.last === k) {
    const a = ctx.set.byId.get(m.actorId);
    if (a && a.type !== 'location') {
      // "Stuart Hensel of the Economist Intelligence Unit said" → the person before "of"
      // (a word that ends the previous sentence is no preposition of this one: "He moved on. Lina Hart said")
      const before = doc.sentStart[m.first] ? -1 : m.first - 1;
      const prep = before > 0 && EN_DET.has(toks[before].norm) && toks[m.first].gap < 2 ? before - 1 : before;
      if (prep > 0 && ['of', 'at', 'for', 'from'].includes(toks[prep].norm) && prep !== before) {
        const aff = enAffiliation(ctx, prep, a);
        if (aff) return aff;
      }
      if (before > 0 && ['of', 'at', 'for', 'from'].includes(toks[before].norm)) {
        // "a spokesman for the Kremlin said", "officials of the ministry said": the body speaks (fifth session: also a
        // person's lawyers or spokesman, "Lawyers for X said" as "X's lawyers said")
        const agentW = toks[before - 1].norm;
        if (
          a.type !== 'country' &&
          // (not when the officer is named in an apposition after the person: "An attorney for X, Y Z, said")
          (a.type !== 'person' ||
            (/^(spokesman|spokeswoman|spokesperson|lawyer|lawyers|attorney|attorneys)$/.test(agentW) &&
              !(m.last + 1 < toks.length && toks[m.last + 1].gap === 2))) &&
          /^(spokesman|spokeswoman|spokesperson|spokespeople|official|officials|representative|representatives|source|sources|lawyer|lawyers|attorney|attorneys)$/.test(
            agentW,
          ) &&
          (before - 2 < 0 || !ctx.mAt[before - 2])
        )
          return {
            actor: a,
            text: doc.src.slice(toks[before - 1].start, m.end),
            first: before - 2 >= 0 && EN_DET.has(toks[before - 2].norm) ? before - 2 : before - 1,
          };
        const m2 = ctx.mAt[before - 1];
        let b2 = before - 1;
        if (!m2 && EN_DET.has(toks[before - 1].norm)) b2 = before - 2;
        const m3 = ctx.mAt[b2];
        if (m3) {
          const a2 = ctx.set.byId.get(m3.actorId);
          if (a2 && a2.type === 'person') return { actor: a2, text: doc.src.slice(m3.start, m3.end), first: m3.first };
        }
        const aff = enAffiliation(ctx, before, a);
        if (aff) return aff;
      }
      // "Pakistan's High Commissioner to Britain said": a mention inside a prepositional phrase is not the subject
      if (before >= 0 && /^(to|in|of|for|from|at|with|by|on|into|against|over)$/.test(toks[before].norm)) return undefined;
      // issue 11 (en): also after a determiner ("A legal expert in the US said", "Pakistan's envoy to the UK said"); a
      // place is no affiliation, except for the state's own officers ("officials in the US said" → the US, as "US officials")
      if (
        prep !== before &&
        prep > 0 &&
        /^(to|in|with|by|on|into|against|over)$/.test(toks[prep].norm) &&
        !/^(officials|authorities|sources|official|source)$/.test(toks[prep - 1].norm)
      )
        return undefined;
      // possessive: "the BBC's correspondent said" → not the BBC
      return { actor: a, text: doc.src.slice(m.start, m.end), first: m.first };
    }
    if (a && a.type === 'location') return undefined;
  }
  const w = toks[k].norm;
  const pr = EN_PRONOUNS[w];
  if (pr) {
    if (pr === 'w') return undefined;
    const a = resolveEnPronoun(ctx, enFrontedAdjunctStart(ctx, k) ?? v, pr);
    if (a && a.type === 'person' && !a.gender && (pr === 'm' || pr === 'f')) a.gender = pr; // "he said" tells the speaker's gender
    return a ? { actor: a, text: doc.src.slice(toks[k].start, toks[k].end), first: k, pronoun: true } : undefined;
  }
  // round 6 (en): "the companies said", "the two men said": a plural description of the pair the story just coordinated
  if (EN_PAIR_NOUN.test(w)) {
    const pr2 = enPairDescription(ctx, k);
    if (pr2) return pr2;
  }
  // round 6 (en): "..., a senior EU politician says." in the lead: the body is the unnamed person's affiliation, not
  // the speaker; the person the next sentence introduces with a role tied to that body is
  if (doc.sentOf[k] === 0 && EN_LEAD_PERSON.test(w)) {
    const lp = enLeadAffiliated(ctx, k);
    if (lp) return lp;
  }
  // fifth session: a state organ of a named country, "the Ukrainian air force said", "Xandria's coast guard said", "the
  // Bordurian foreign ministry said" → the country (GOLD-GUIDELINES: an unnamed body of a named state); a KB body
  // ("Russian Defence Ministry") is a mention of its own and never reaches this
  // fifth session: "His attorney said", "Her lawyers said" → the person the pronoun refers to (as "X's lawyers said");
  // the pronoun's gender must fit, as for "he said"
  if (
    /^(lawyer|lawyers|attorney|attorneys|spokesman|spokeswoman|spokesperson)$/.test(w) &&
    k >= 1 &&
    /^(his|her)$/.test(toks[k - 1].norm) &&
    toks[k].gap === 0 &&
    !doc.sentStart[k]
  ) {
    const a = resolveEnPronoun(ctx, enFrontedAdjunctStart(ctx, k - 1) ?? v, toks[k - 1].norm === 'his' ? 'm' : 'f');
    if (a && a.type === 'person') return { actor: a, text: doc.src.slice(toks[k - 1].start, toks[k].end), first: k - 1, desc: true };
  }
  // enclaims2: "Starmer's office said", "Trump's campaign said", "Her team said" → the named person (the office speaks
  // for its holder, as "X's spokesman"); only a named person as possessor: "the prime minister's office" stays with the
  // state rule, and a body's "office" is its own
  if (/^(office|campaign|team)$/.test(w) && k >= 2) {
    const poss =
      toks[k - 1].norm === 's' && /['\u2019]/.test(toks[k - 1].sep) && toks[k].gap === 0
        ? k - 2
        : /^['\u2019]\s+$/.test(toks[k].sep)
          ? k - 1
          : -1;
    const pm = poss >= 0 ? ctx.mAt[poss] : undefined;
    const pa = pm && pm.last === poss ? ctx.set.byId.get(pm.actorId) : undefined;
    if (pa && pa.type === 'person') return { actor: pa, text: doc.src.slice(pm!.start, toks[k].end), first: pm!.first };
  }
  if (EN_STATE_ORGAN.has(w)) {
    const sc = enStateOfOrgan(ctx, k);
    if (sc) return sc;
  }
  if (EN_NOT_SUBJ.has(w)) return undefined;
  // "X's (official) spokesman/lawyer", "X lawyers/officials" → X
  // "The statement said ...", "Its report said ...": the body that spoke last, if it did so recently
  if (
    /^(statement|report|ruling|judgment|judgement|communique|declaration)$/.test(w) &&
    k >= 1 &&
    /^(the|its|their)$/.test(toks[k - 1].norm)
  ) {
    const lc = lastClaimBefore(ctx, v);
    const lcA = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
    if (lc && lcA && lcA.type !== 'person' && doc.sentOf[v] - doc.sentOf[lc.at] <= 3)
      return { actor: lcA, text: doc.src.slice(toks[k - 1].start, toks[k].end), first: k - 1, desc: true };
    // seventh session: else the author of the same document introduced just before ("X issued a statement on Monday.
    // '…,' the statement said" → X)
    const au = toks[k - 1].norm === 'the' ? enDocAuthor(ctx, k) : undefined;
    if (au) return { actor: au, text: doc.src.slice(toks[k - 1].start, toks[k].end), first: k - 1, desc: true };
  }
  // "Mr Sands' book suggests", "the agency's report said": the author of a document speaks through it
  if (/^(book|report|study|statement|letter|survey|memo|blog|documentary|filing|ruling|judgment|judgement)$/.test(w) && k >= 1) {
    let j = k - 1;
    if (toks[j].norm === 's' && /['\u2019]/.test(toks[j].sep) && toks[j].gap <= 1) j--;
    else if (!/['\u2019]\s*$/.test(toks[k].sep)) {
      // issue 11 (en): attributive, "An X statement said", "a Y report found": the name right before the noun, itself
      // opening the noun phrase (after a/an/the or at the start of the sentence)
      const ma = ctx.mAt[j];
      const p0 = ma && ma.last === j && toks[k].gap === 0 ? ma.first - 1 : -2;
      if (!(p0 === -1 || (p0 >= 0 && (doc.sentOf[p0] !== doc.sentOf[k] || /^(a|an|the)$/.test(toks[p0].norm))))) j = -1;
    }
    const mm = j >= 0 ? ctx.mAt[j] : undefined;
    const a = mm && mm.last === j ? ctx.set.byId.get(mm.actorId) : undefined;
    if (a && a.type !== 'location') return { actor: a, text: doc.src.slice(mm!.start, toks[k].end), first: mm!.first, desc: true };
  }
  if (
    /^(spokesman|spokeswoman|spokesperson|spokespeople|lawyer|lawyers|officials|official|authorities|sources|source|representatives|solicitor|aides|aide|agent|agents|officer|officers|investigators|executives|diplomats|negotiators)$/.test(
      w,
    )
  ) {
    let j = k - 1;
    let mods = 0;
    while (
      j >= 0 &&
      toks[j].caps === 0 &&
      !ctx.mAt[j] &&
      !EN_DET.has(toks[j].norm) &&
      toks[j].norm !== 's' &&
      mods < 2 &&
      toks[j + 1].gap === 0
    ) {
      j--;
      mods++;
    }
    if (j >= 1 && toks[j].norm === 's' && /['\u2019]/.test(toks[j].sep)) j--;
    const mm = j >= 0 ? ctx.mAt[j] : undefined;
    if (mm && mm.last === j) {
      const a = ctx.set.byId.get(mm.actorId);
      // ("X authorities/officials" → country X: GOLD-GUIDELINES; "authorities" added by issue 11)
      if (
        a &&
        a.type !== 'location' &&
        (a.type !== 'country' || /^(officials|official|authorities|sources|source|representatives)$/.test(w))
      )
        return { actor: a, text: doc.src.slice(mm.start, toks[k].end), first: mm.first };
    }
  }
  let d = EN_DESCRIPTIONS[w];
  // round 6 (en): "the attorney general" is a person description; the person must be named next to "attorney" somewhere
  // ("Name, Texas attorney general"): 'general' is no title key, so the usual role check would pass a director
  let titleOnly = false;
  if (!d && w === 'general' && k > 0 && /^(secretary|attorney)$/.test(toks[k - 1].norm)) {
    d = 'person';
    titleOnly = toks[k - 1].norm === 'attorney';
    k--;
  }
  if (d) {
    // "the company", "a spokesman", "the prime minister", "Exxon spokesman" (mention before)
    let j = k - 1;
    if (
      j >= 0 &&
      [
        'prime',
        'foreign',
        'home',
        'vice',
        'deputy',
        'finance',
        'defence',
        'defense',
        'trade',
        'chief',
        'company',
        'government',
        'ministry',
        'party',
        'white',
        'press',
        'justice',
      ].includes(toks[j].norm)
    )
      j--;
    // "Australia's competition watchdog", "Amnesty International's chief": possessor + up to two modifiers
    {
      let jj = j;
      let mods = 0;
      while (
        jj >= 1 &&
        mods < 2 &&
        toks[jj].caps === 0 &&
        !ctx.mAt[jj] &&
        !EN_DET.has(toks[jj].norm) &&
        toks[jj].norm !== 's' &&
        toks[jj + 1].gap === 0 &&
        !EN_VERB.get(toks[jj].norm) &&
        !EN_SKIP_BACK.has(toks[jj].norm)
      ) {
        jj--;
        mods++;
      }
      // issue 11 (en): a named body with a descriptive apposition before the verb ("The X Observatory monitoring group
      // said", "the Y Institute think tank said"): the body itself
      if (d === 'organization' && mods > 0 && jj >= 0 && toks[jj + 1].gap === 0) {
        const om = ctx.mAt[jj];
        const oa = om && om.last === jj ? ctx.set.byId.get(om.actorId) : undefined;
        if (oa && (oa.type === 'organization' || oa.type === 'group'))
          return { actor: oa, text: doc.src.slice(om!.start, toks[k].end), first: om!.first };
      }
      if (jj >= 1 && toks[jj].norm === 's' && /['\u2019]/.test(toks[jj].sep) && toks[jj + 1].gap === 0) {
        const pm = ctx.mAt[jj - 1];
        const pa = pm && pm.last === jj - 1 ? ctx.set.byId.get(pm.actorId) : undefined;
        if (pa && pa.type !== 'location' && pa.type !== 'person') {
          const text = doc.src.slice(pm!.start, toks[k].end);
          if (d === 'person' && !/^spokes/.test(w)) {
            // issue 11 (en): "Gridco's director said" is the body's own officer: a person who spoke last is taken only if
            // the text ties them to the body ("Gridco chief X", "X of Gridco"), else the officer of a named body → the body
            const tied = (x: ActorAcc | undefined) => (x && affiliatedWith(ctx, x, pa) ? x : undefined);
            const p =
              pa.type === 'country'
                ? (enOfCountry(personByTitle(ctx, w, toks[k].start), pa) ??
                  enHolderNamedNext(ctx, k, w, pa) ??
                  (jj === k - 1 || (jj === k - 2 && toks[k - 1].norm === 'prime') ? enSoleCompatriot(ctx, k, pa, w) : undefined))
                : (personByTitle(ctx, w, toks[k].start) ??
                  tied(lastClaimSpeakerOfType(ctx, v, 'person')) ??
                  tied(mostSalient(ctx, v, 'person')));
            return {
              actor: p ?? enLeadForward(ctx, v, (x) => x.type === 'person' && (pa.type !== 'country' || !!enOfCountry(x, pa)), w) ?? pa,
              text,
              first: pm!.first,
              desc: true,
            };
          }
          return { actor: pa, text, first: pm!.first, desc: true };
        }
      }
    }
    const mm0 = j >= 0 ? ctx.mAt[j] : undefined;
    // "the US firm": a country modifying an organisation noun is not the organisation
    const mm =
      mm0 &&
      d === 'organization' &&
      ctx.set.byId.get(mm0.actorId)?.type === 'country' &&
      mm0.first > 0 &&
      EN_DET.has(toks[mm0.first - 1].norm)
        ? undefined
        : mm0;
    if (!mm && mm0) j = mm0.first - 1;
    if (mm && mm.last === j) {
      const a = ctx.set.byId.get(mm.actorId);
      if (a && a.type !== 'location' && a.type !== 'person') {
        // "Armando Falcon, OFHEO director said": the person named before the apposition
        const pb =
          mm.first >= 1 && toks[mm.first].gap === 2 && doc.sentOf[mm.first - 1] === doc.sentOf[k] ? ctx.mAt[mm.first - 1] : undefined;
        const pa = pb && pb.last === mm.first - 1 ? ctx.set.byId.get(pb.actorId) : undefined;
        if (pa && pa.type === 'person') return { actor: pa, text: doc.src.slice(pb!.start, pb!.end), first: pb!.first };
        // "Tory leader", "Exxon chief" → the person holding the role; "Foreign Office spokesman" → the body
        if (d === 'person' && !/^spokes/.test(w)) {
          // issue 11: "the French president" → the person introduced as "French President X", not the last president named
          // enclaims2: a KB person of another country never holds it ("Merkel met Macron. The French president said" →
          // Macron); else the one compatriot the story named before, when the role is unmodified ("the French president")
          const ofA = (x: ActorAcc | undefined) => (a.type === 'country' ? enOfCountry(x, a) : x);
          const p =
            (a.type === 'country' ? (enPersonByTitleOf(ctx, w, toks[k].start, a) ?? enHolderNamedNext(ctx, k, w, a)) : undefined) ??
            ofA(personByTitle(ctx, w, toks[k].start)) ??
            (a.type === 'country' && (mm.last === k - 1 || (mm.last === k - 2 && /^(prime|s)$/.test(toks[k - 1].norm)))
              ? enSoleCompatriot(ctx, k, a, w)
              : undefined) ??
            [lastClaimSpeakerOfType(ctx, v, 'person'), mostSalient(ctx, v, 'person')].find(
              // among several compatriots, the last speaker or the most present one ("Putin ... Shoigu ... the Russian
              // leader noted" → Putin), as before; never one of another country
              (x) => ofA(x) && (!titleOnly || enRoleNear(ctx, x!, 'attorney')),
            );
          if (p) return { actor: p, text: doc.src.slice(mm.start, toks[k].end), first: mm.first, desc: true };
        }
        return { actor: a, text: doc.src.slice(mm.start, toks[k].end), first: mm.first };
      }
    }
    if (j >= 1 && !EN_DET.has(toks[j].norm) && toks[j].caps === 0 && EN_DET.has(toks[j - 1].norm) && !ctx.mAt[j]) j--; // "the tech giant"
    if (j >= 0 && (EN_DET.has(toks[j].norm) || toks[j].norm === 's')) {
      const isSpokes = /^spokes/.test(w);
      if (isSpokes) {
        // session 6 (enclaims): "The Welsh government has stayed neutral. A spokesperson said": the previous sentence is
        // about a body no rule named; the officer is its spokesperson, so no named body speaks (refuse)
        if (/^(a|an)$/.test(toks[j].norm) && doc.sentStart[j] && enUnnamedBodyOpensPrev(ctx, j)) return undefined;
        // "a spokesman for X said" handled when X follows; else the organisation in focus
        const a = enOrgInFocus(ctx, k, isOrgish);
        return a ? { actor: a, text: doc.src.slice(toks[j].start, toks[k].end), first: j, desc: true } : undefined;
      }
      // issue 11 (en): an indefinite person description ("a director said", "an official said") introduces someone new,
      // never a person named before
      // (round 5: except in the lead sentence of a story whose next sentence opens on a newly named person who speaks
      // or is given a role: "..., a senior Xandrian politician says. Omar Fayed, the foreign policy chief, says ...")
      if (d === 'person' && /^(a|an)$/.test(toks[j].norm)) {
        const nx = enLeadNamedNext(ctx, k);
        return nx ? { actor: nx, text: doc.src.slice(toks[j].start, toks[k].end), first: j, desc: true } : undefined;
      }
      // "the group" may be a militant or political group as well as a company group
      const orgOk = (x: ActorAcc) =>
        (x.type === 'organization' || (w === 'group' && x.type === 'group')) && (!EN_COMPANY_NOUN.has(w) || nameHas(x, 'company'));
      // issue 11 (en): "the minister" is not a person the story introduced with another role only (a spokesman)
      const fit = (x: ActorAcc | undefined) => (x && (titleOnly ? enRoleNear(ctx, x, 'attorney') : fitsTitle(ctx, x, w)) ? x : undefined);
      const a =
        d === 'person'
          ? (personByTitle(ctx, w, toks[k].start) ?? fit(lastClaimSpeakerOfType(ctx, v, 'person')) ?? fit(mostSalient(ctx, v, 'person')))
          : /^(company|firm|group|giant)$/.test(w)
            ? enOrgInFocus(ctx, k, orgOk)
            : (lastActor(ctx, k, (x) => x.type === 'organization' && nameHas(x, w, doc.src)) ??
              // session 6 (enclaims): "the pilots' union VPF ... The union says" → the body introduced with the noun
              (w !== 'government' ? enIntroducedAs(ctx, k, w) : undefined) ??
              (EN_GENERIC_ORG.has(w)
                ? enOrgInFocus(ctx, k, orgOk)
                : w !== 'government'
                  ? (enRecentOrgSpeaker(ctx, v) ?? (EN_BUSINESS_EPITHET.has(w) ? enSoleCompanyNear(ctx, k) : undefined))
                  : undefined));
      return a ? { actor: a, text: doc.src.slice(toks[j].start, toks[k].end), first: j, desc: true } : undefined;
    }
  }
  return undefined;
}

export function subjectOfSentence(ctx: Ctx, v: number): ActorAcc | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[v];
  for (let k = v - 1; k >= 0 && doc.sentOf[k] === sent; k--) {
    if (doc.sentStart[k] || doc.sentOf[k - 1] !== sent) {
      // "Despite her concerns, Ms Khan dubbed ...": skip a fronted adverbial without names
      for (let j = k + 1; j < Math.min(v, k + 7); j++) {
        if (ctx.mAt[j - 1] || doc.quoteOf[j] >= 0) break;
        if (toks[j].gap === 2) {
          if (
            /^(despite|after|before|in|on|at|during|speaking|asked|later|earlier|however|meanwhile|but|yet|still|last|this|following|with)$/.test(
              toks[k].norm,
            )
          )
            k = j;
          break;
        }
      }
      // round 5 (en): a pronoun opening the sentence is its subject ("He restated ... while also saying ...")
      if (EN_PRONOUNS[toks[k].norm] && toks[k + 1]?.gap === 0) {
        const rp = resolveNP(ctx, k, v);
        return rp && !rp.pronoun ? rp.actor : rp?.actor;
      }
      // first mention of the sentence ("Former Cabinet minister Clare Short": the person after an affiliation + role)
      for (let j = k; j < v; j++) {
        // round 5 (en): a name after the main verb is its object, not the subject ("X simultaneously restated U.S. plans")
        if (j > k && toks[j - 1].caps === 0 && !ctx.mAt[j - 1] && (EN_VERB.get(toks[j - 1].norm) || /ed$/.test(toks[j - 1].norm))) break;
        const a = actorOf(ctx, j);
        if (a && a.type !== 'location') {
          const m = ctx.mAt[j]!;
          // round 5 (en): "the U.S. president ratcheted up ...": a country or body before a role word is attributive; the
          // description names the holder (resolved as a subject would be)
          if (
            a.type !== 'person' &&
            m.last + 2 < v &&
            (toks[m.last + 1].gap === 0 || toks[m.last + 1].gap === 3) && // 3: after "U.S."
            EN_HOLDER_ROLE.test(toks[m.last + 1].norm) &&
            !ctx.mAt[m.last + 2] &&
            toks[m.last + 2].caps === 0
          ) {
            const rh = resolveNP(ctx, m.last + 1, v);
            // an unknown holder, or the body itself: refuse rather than make the country speak
            return rh && rh.actor.type === 'person' ? rh.actor : undefined;
          }
          if (
            a.type !== 'person' &&
            m.last + 2 < v &&
            toks[m.last + 1].gap === 0 &&
            (EN_AFF_ROLE.has(toks[m.last + 1].norm) || EN_INV_SKIP.has(toks[m.last + 1].norm))
          ) {
            for (let r = m.last + 2; r < Math.min(v, m.last + 4); r++) {
              const p = actorOf(ctx, r);
              if (p && p.type === 'person') return p;
              if (toks[r].gap >= 2) break;
            }
          }
          // session 6 (enclaims): "Treasury Cabinet Secretary X defended ...": a body before a capitalised title of up to three
          // words (one of them a role word) names the person after it, the subject
          if (a.type !== 'person' && toks[m.last + 1] && toks[m.last + 1].gap === 0 && toks[m.last + 1].caps > 0) {
            let role = false;
            for (let r = m.last + 1; r < Math.min(v, m.last + 5); r++) {
              if (toks[r].gap !== 0) break;
              const p = actorOf(ctx, r);
              if (p) {
                if (p.type === 'person' && role) return p;
                break;
              }
              if (toks[r].caps === 0) break;
              if (EN_AFF_ROLE.has(toks[r].norm) || EN_HOLDER_ROLE.test(toks[r].norm)) role = true;
            }
          }
          return a;
        }
        if (j > k + 3) break;
      }
      const r = resolveNP(ctx, k, v);
      if (r) return r.actor;
      // "The foreign secretary hit back by saying ...": a description opening the sentence
      for (let j = k + 1; j < Math.min(v, k + 4); j++) {
        if (toks[j].gap >= 2) break;
        if (EN_DESCRIPTIONS[toks[j].norm] && !(j + 1 < v && EN_DESCRIPTIONS[toks[j + 1].norm])) {
          const r2 = resolveNP(ctx, j, v);
          if (r2 && !r2.pronoun) return r2.actor;
        }
      }
      // "During his second day of questioning Mr Ebbers played down ... and denied ...": the first name followed by a verb
      for (let j = k; j < v; j++) {
        const m = ctx.mAt[j];
        if (!m || m.first !== j || doc.quoteOf[j] >= 0) continue;
        const a = ctx.set.byId.get(m.actorId);
        const nx = toks[m.last + 1];
        const pb = j > 0 ? toks[j - 1].norm : '';
        if (
          a &&
          a.type !== 'location' &&
          nx &&
          m.last + 1 < v &&
          nx.gap === 0 &&
          nx.caps === 0 &&
          /^[a-z]+(ed|s)$/.test(nx.norm) &&
          !EN_FINITE.has(nx.norm) &&
          !/^(of|in|at|to|for|from|with|by|on|and|between|against)$/.test(pb)
        )
          return a;
        j = m.last;
      }
      return undefined;
    }
  }
  return undefined;
}

/** Round 5 (en): for a description in the lead sentence, the person opening the second sentence, named there for the
 * first time with an apposition that gives a role; else undefined. */
function enLeadNamedNext(ctx: Ctx, k: number): ActorAcc | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  if (doc.sentOf[k] !== 0 || doc.sents.length < 2) return undefined;
  const f = tokenAt(doc, doc.sents[1].start);
  const m = f < toks.length ? ctx.mAt[f] : undefined;
  if (!m || m.first !== f || m.last + 1 >= toks.length || doc.sentOf[m.last + 1] !== 1) return undefined;
  const a = ctx.set.byId.get(m.actorId);
  if (!a || a.type !== 'person' || a.mentions.some((x) => x.field === doc.field && x.first < f)) return undefined;
  // an apposition that gives the role ("Name, EU foreign policy chief, says"): the introduction of the lead's person;
  // a bare "Name said" may be someone else answering
  const nx = toks[m.last + 1];
  if (nx.gap !== 2 || /[.;:]/.test(nx.sep)) return undefined;
  for (let r = m.last + 1; r < toks.length && r <= m.last + 7 && doc.sentOf[r] === 1; r++) {
    if (r > m.last + 1 && toks[r].gap >= 2) break;
    if (EN_INV_ROLE.has(toks[r].norm)) return a;
  }
  return undefined;
}

/** enclaims2: business-news epithets of a company ("the lender", "the drugmaker"), resolved to the one company the
 * last sentences name even when it has not spoken ("Shares in X fell ... . The lender said"). */
const EN_BUSINESS_EPITHET = new Set(
  'drugmaker automaker carmaker chipmaker planemaker lender miner manufacturer producer conglomerate startup supermarket grocer brewer utility exporter'.split(
    ' ',
  ),
);

/** Singular roles one person holds ("the U.S. president"): never the country or body itself. */
const EN_HOLDER_ROLE =
  /^(president|minister|secretary|chairman|director|leader|chief|head|boss|founder|executive|manager|spokesman|spokeswoman|spokesperson)$/;

/** issue 11 (en): is person p named next to body o somewhere in the body text ("Gridco chief Lina Hart", "Lina Hart of
 * Gridco", "Lina Hart, head of Gridco")? A mention of o ending at most four tokens before p's or starting at most four
 * tokens after it, in the same sentence. */
function affiliatedWith(ctx: Ctx, p: ActorAcc, o: ActorAcc): boolean {
  const { doc } = ctx;
  for (const pm of p.mentions) {
    if (pm.field !== doc.field) continue;
    for (const om of o.mentions) {
      if (om.field !== doc.field || doc.sentOf[om.first] !== doc.sentOf[pm.first]) continue;
      if ((om.last < pm.first && pm.first - om.last <= 4) || (om.first > pm.last && om.first - pm.last <= 4)) return true;
    }
  }
  return false;
}

/** Person nouns of an unnamed lead speaker ("a senior EU politician", "an EU diplomat"). */
const EN_LEAD_PERSON =
  /^(politician|official|diplomat|lawmaker|legislator|minister|source|adviser|advisor|executive|economist|analyst|commander|officer|member|figure)$/;

/** round 6 (en): "a senior EU politician" in the lead sentence, when the next sentence opens on a newly named person
 * with a role apposition and that person is named next to the same body ("Name, EU foreign policy chief, says"): that
 * person. Else undefined (the caller goes on as before). */
function enLeadAffiliated(ctx: Ctx, k: number): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  let j = k - 1;
  let aff: ActorAcc | undefined;
  for (let n = 0; j >= 0 && n < 5 && toks[j + 1].gap === 0; n++) {
    const mj = ctx.mAt[j];
    if (mj) {
      if (aff || mj.last !== j) return undefined;
      aff = ctx.set.byId.get(mj.actorId);
      j = mj.first - 1;
      continue;
    }
    if (/^(a|an)$/.test(toks[j].norm) || toks[j].caps !== 0) break;
    j--;
  }
  if (!aff || aff.type === 'person' || aff.type === 'location' || j < 0 || !/^(a|an)$/.test(toks[j].norm)) return undefined;
  if (toks[j + 1].gap !== 0 || doc.sentOf[j] !== doc.sentOf[k]) return undefined;
  const nx = enLeadNamedNext(ctx, k);
  if (!nx || !affiliatedWith(ctx, nx, aff)) return undefined;
  return { actor: nx, text: doc.src.slice(toks[j].start, toks[k].end), first: j, desc: true };
}

/** Plural heads that describe two actors named together ("the companies", "the two men", "the pair"). */
const EN_PAIR_NOUN = /^(companies|firms|groups|banks|airlines|carriers|men|women|pair|duo)$/;

/** round 6 (en): "the companies / the two men / both firms / the pair" (head at k) → the last coordinated pair of named
 * actors of that kind ("X and Y"), in this sentence before k or the two before it; one speaker per conjunct. A pair in
 * a prepositional phrase ("talks between X and Y") or a longer list is not taken. */
function enPairDescription(ctx: Ctx, k: number): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const w = toks[k].norm;
  let j = k - 1;
  if (j >= 0 && toks[j].norm === 'two' && toks[k].gap === 0) j--;
  if (j < 0 || !/^(the|both)$/.test(toks[j].norm) || toks[j + 1].gap !== 0 || doc.sentOf[j] !== doc.sentOf[k]) return undefined;
  const person = /^(men|women)$/.test(w);
  const either = /^(pair|duo)$/.test(w);
  const fits = (a: ActorAcc | undefined) =>
    !!a &&
    (person
      ? a.type === 'person'
      : either
        ? a.type === 'person' || a.type === 'organization'
        : a.type === 'organization' || (w === 'groups' && a.type === 'group'));
  const s = doc.sentOf[k];
  for (let i = orderAt(ctx, toks[j].start) - 1; i >= 0; i--) {
    const m2 = ctx.order[i];
    if (m2.field !== doc.field) continue;
    if (s - doc.sentOf[m2.first] > 2) break;
    const an = m2.first - 1;
    if (an < 1 || toks[an].norm !== 'and' || toks[m2.first].gap >= 2 || toks[an].gap >= 2) continue;
    const m1 = ctx.mAt[an - 1];
    if (!m1 || m1.last !== an - 1 || doc.sentOf[m1.first] !== doc.sentOf[m2.first]) continue;
    const a1 = ctx.set.byId.get(m1.actorId);
    const a2 = ctx.set.byId.get(m2.actorId);
    if (!a1 || !a2 || a1 === a2) continue;
    // the nearest pair decides: of the wrong kind, in a prepositional phrase or a longer list → no speaker
    if (!fits(a1) || !fits(a2) || (either && a1.type !== a2.type)) return undefined;
    const pb = m1.first - 1;
    if (pb >= 0 && !doc.sentStart[m1.first]) {
      if (EN_PAIR_PREP.test(toks[pb].norm) && toks[m1.first].gap < 2) return undefined;
      if (toks[m1.first].gap === 2 && ctx.mAt[pb]) return undefined;
    }
    return { actor: a1, text: doc.src.slice(toks[j].start, toks[k].end), first: j, desc: true, others: [a2] };
  }
  return undefined;
}
const EN_PAIR_PREP = /^(between|with|of|for|to|by|from|against|on|in|at|and|or|over|about)$/;

/** round 6 (en): "Against a backdrop of X's dispute with Y, he said ...": a pronoun subject right after a fronted
 * prepositional adjunct (the sentence opens on a preposition, one comma, then the pronoun) does not point into that
 * adjunct (cataphora runs the other way); resolve it as at the sentence start. Else undefined. */
function enFrontedAdjunctStart(ctx: Ctx, k: number): number | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  if (toks[k].gap !== 2 || !toks[k].sep.includes(',')) return undefined;
  const s0 = tokenAt(doc, doc.sents[doc.sentOf[k]].start);
  if (s0 >= k - 1 || k - s0 > 25 || !EN_FRONT_PREP.test(toks[s0].norm) || doc.quoteOf[s0] >= 0) return undefined;
  for (let r = s0 + 1; r < k; r++) if (toks[r].gap >= 2 || doc.quoteOf[r] >= 0) return undefined;
  return s0;
}
const EN_FRONT_PREP = /^(against|amid|amidst|despite|after|before|following|during|with|in|on|under|given|beyond|unlike|like)$/;

/** round 6 (en): is person a named within a few tokens of the role word (before: "attorney general Name"; after: "Name,
 * Texas attorney general") in the same sentence? */
function enRoleNear(ctx: Ctx, a: ActorAcc, role: string): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  for (const m of a.mentions) {
    if (m.field !== doc.field) continue;
    const s = doc.sentOf[m.first];
    for (let r = Math.max(0, m.first - 4); r <= Math.min(toks.length - 1, m.last + 5); r++)
      if (doc.sentOf[r] === s && toks[r].norm === role && (r < m.first || r > m.last)) return true;
  }
  return false;
}
