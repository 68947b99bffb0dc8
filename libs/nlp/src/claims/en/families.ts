// English attribution families added by ADR 0016 (construction families, not sentence rules). The engine calls
// `englishAttribution` once per Latin token before its own rules (the hook is marked "ADR 0016 hook"); a family
// that pushes a claim makes the engine skip that token.
//
// Families:
// - en-progressive      a progressive report with a that-clause: "X is urging that ...", "X were insisting that ..."
// - en-while-participle a participle after while/before/also: "..., while adding that ...", "before warning that ..."
// - en-do-support       emphatic do: "X did warn that ...", "X does insist that ..."
// - en-that-verb        verbs that report only with a that-clause: "X has charged that ...", "X tweeted that ...",
//                       "X emphasised / doubted / complained that ..." (EN_THAT_VERBS)
// - en-postposed-officer the speaker after the content as an unnamed officer of a named body:
//                       "CONTENT, said an airline spokeswoman for X." / "CONTENT, the interior minister of X has said."
// - en-object-criticism criticism idioms whose object and charge are the content: "X lashed out at the new tax",
//                       "X took issue with the ruling", "X, who criticised nations which ...", "X criticised Y for Z";
//                       a bare name or pronoun as object is criticism without a charge (no claim)
// - en-made-clear       "X made it clear that ...", "X has made clear (that) ..."
// - en-object-that     a recipient object before a that-clause: "X informed Y that ...", "X assured Y that ..." (round 5)
// - en-naming          an object complement: ", calling the tariffs an 'incentive' to ...", "X has called it a priority",
//                       "X - who referred to the matter as '...' -", "X described the row as '...'"
// - en-passive-criticism criticism in the passive with its agent: "The plan was criticised by X for CHARGE" → X, the
//                       charge is the content (seventh session)
// - en-named-next       the speaker named only in the next sentence: "CONTENT. That was the assessment of X." → X
//                       (seventh session)
// (To-infinitive commitments and requests, "vowed to", "urged X to", stay out: test/gold/README.md decisions.)

import {
  EN_CRITICISM_IDIOMS,
  EN_FAMILY_TRIGGERS,
  EN_MADE_CLEAR,
  EN_NAMING,
  EN_OBJECT_THAT,
  EN_PRONOUNS,
  EN_REPORT_ING,
  EN_DO_VERBS,
  EN_OFFICER_HEAD,
  EN_PASSIVE_CRIT,
  EN_THAT_VERBS,
  EN_VERDICT_NOUN,
  EN_TIME,
  EN_VERB,
} from '../../lexicon/en';
import type { ActorAcc } from '../../actors/shared';
import { speakerPhrase, viewOf, type EngineView } from '../discourse';
import type { Doc } from '../../doc';
import type { Ctx } from '../shared';
import { contentAfter } from './content';
import { subjectBefore, subjectOfSentence } from './speaker';

/** What the English families need from the engine beyond EngineView. */
export interface EnglishEngineView extends EngineView {
  /** the subject noun phrase ending right before token k (names, descriptions, pronouns resolved) */
  subjectBefore(k: number): { actor: ActorAcc; text: string; others?: ActorAcc[] } | undefined;
  /** the subject of the sentence of token k (for participles) */
  subjectOfSentence(k: number): ActorAcc | undefined;
  /** the content after the verb at token v (that-clause, quotation, colon), or undefined */
  contentAfter(v: number, verb: string): { s: number; e: number } | undefined;
}

/** The English view of a claim context (the shared view plus the English subject and content finders). */
export function englishView(ctx: Ctx): EnglishEngineView {
  let v = ctx.enView as EnglishEngineView | undefined;
  if (!v) {
    const b = viewOf(ctx);
    // an object literal with every field (no spread): one hidden class, built once per article
    v = {
      doc: b.doc,
      set: b.set,
      mAt: b.mAt,
      claims: b.claims,
      discourse: undefined,
      push: b.push,
      subjectBefore: (k) => {
        const sb = subjectBefore(ctx, k);
        return sb ? { actor: sb.actor, text: sb.text, others: sb.others } : undefined;
      },
      subjectOfSentence: (k) => subjectOfSentence(ctx, k),
      contentAfter: (k, verb) => contentAfter(ctx, k, verb),
    };
    ctx.enView = v;
  }
  return v;
}

const KIND_OF: Record<string, string> = {
  urging: 'demand',
  warning: 'warning',
  warn: 'warning',
  charged: 'accusation',
  complained: 'accusation',
  complains: 'accusation',
};
/** Tokens on which a family may fire (the engine's per-token gate: one Set lookup for every other token). */
export function isEnglishTrigger(w: string): boolean {
  return EN_FAMILY_TRIGGERS.has(w) || EN_DO_VERBS.has(w);
}

export function englishAttribution(v: EnglishEngineView, k: number): boolean {
  const toks = v.doc.toks;
  const t = toks[k];
  const w = t.norm;
  if (EN_DO_VERBS.has(w) && k > 1 && /^(did|does|do)$/.test(toks[k - 1].norm)) return doSupport(v, k);
  if (!EN_FAMILY_TRIGGERS.has(w)) return false;
  if (EN_VERDICT_NOUN.has(w) && namedNext(v, k)) return true;
  if (EN_REPORT_ING.has(w)) return progressive(v, k) || whileParticiple(v, k);
  if (EN_PASSIVE_CRIT.has(w) && passiveCriticism(v, k)) return true;
  if (EN_THAT_VERBS.has(w)) return thatVerb(v, k);
  if (EN_CRITICISM_IDIOMS.has(w)) return objectCriticism(v, k);
  if (EN_MADE_CLEAR.has(w)) return madeClear(v, k);
  if (EN_NAMING.has(w)) return naming(v, k);
  if (EN_OBJECT_THAT.has(w)) return objectThat(v, k);
  if (w === 'said' || w === 'says') return postposedOfficer(v, k);
  if (EN_DOC_VERB.has(w)) return documentFinding(v, k);
  return false;
}

/** session 6 (enclaims): what a document of a named author found: "A report by the X Institute found that ...", "X's
 * annual survey concluded that ...", "a study published by X showed that ..." → X (GOLD: a statement inside a named
 * body's report is kept). The author must be named inside the subject noun phrase; "a report commissioned by X" (X is
 * the client) and a document with no named author give nothing. */
const EN_DOC_VERB = new Set(['found', 'finds', 'concluded', 'concludes', 'showed', 'shows']);
const EN_DOC_NOUN =
  /^(report|study|survey|analysis|review|investigation|audit|assessment|paper|poll|inquiry|research|probe|evaluation|assessments|reports|studies)$/;

function documentFinding(v: EnglishEngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  if (!thatNext(v, k)) return false;
  let b = k - 1;
  if (b > 0 && /^(has|have|had)$/.test(toks[b].norm) && toks[b + 1].gap === 0) b--;
  if (b < 2 || toks[b + 1].gap !== 0) return false;
  const sent = doc.sentOf[k];
  let author: ActorAcc | undefined;
  let np = -1;
  const m = v.mAt[b];
  if (m && m.last === b) {
    // "... by/from/of (the) X found"
    let p = m.first - 1;
    if (p >= 0 && EN_DET_RE.test(toks[p].norm) && toks[m.first].gap === 0) p--;
    if (p < 1 || !/^(by|from|of)$/.test(toks[p].norm) || toks[p + 1].gap !== 0) return false;
    let d = p - 1;
    if (/^(published|released|issued|produced|compiled|conducted|carried)$/.test(toks[d].norm) && toks[d + 1].gap === 0) d--;
    if (d < 0 || !EN_DOC_NOUN.test(toks[d].norm) || toks[d + 1].gap !== 0 || doc.sentOf[d] !== sent) return false;
    author = v.set.byId.get(m.actorId);
    np = d;
    // "A (new) report": a determiner and up to two modifiers
    let q = np;
    while (
      q > 0 &&
      toks[q].gap === 0 &&
      toks[q - 1].caps === 0 &&
      !v.mAt[q - 1] &&
      doc.sentOf[q - 1] === sent &&
      d - q < 3 &&
      !EN_DET_RE.test(toks[q - 1].norm) &&
      !EN_VERB.get(toks[q - 1].norm)
    )
      q--;
    if (q > 0 && EN_DET_RE.test(toks[q - 1].norm) && toks[q].gap === 0 && doc.sentOf[q - 1] === sent) np = q - 1;
  } else if (EN_DOC_NOUN.test(toks[b].norm)) {
    // "X's (annual) report found"
    let j = b - 1;
    while (j > 0 && toks[j].caps === 0 && toks[j].norm !== 's' && !v.mAt[j] && toks[j + 1].gap === 0 && b - j < 4) j--;
    if (toks[j].norm !== 's' || !/['\u2019]/.test(toks[j].sep) || toks[j + 1].gap !== 0) return false;
    const pm = v.mAt[j - 1]?.last === j - 1 ? v.mAt[j - 1] : v.mAt[j]?.last === j ? v.mAt[j] : undefined; // "X's" may be one mention
    if (!pm) return false;
    author = v.set.byId.get(pm.actorId);
    np = pm.first;
  }
  if (!author || author.type === 'location' || np < 0) return false;
  // inside another speaker's reported content ("X said research by Y showed that ..."): that speaker's claim holds it
  const at = toks[np].start;
  for (let i = v.claims.length - 1, lim = 0; i >= 0 && lim < 20; i--, lim++)
    if (v.claims[i].start <= at && at < v.claims[i].end) return false;
  const c = v.contentAfter(k, toks[k].norm);
  if (!c) return false;
  return !!v.push('en-document', author, doc.src.slice(toks[np].start, toks[b].end), toks[k].norm, 'statement', c.s, c.e, k);
}

const EN_DET_RE = /^(the|a|an)$/;

/** seventh session: the agent of a passive or of a "the NOUN of/from/by" phrase, in tokens [a, b): a person named there
 * wins ("by Norbank chief executive Lina Hart" → Lina Hart), else the first named body or country; places are skipped.
 * Nothing named → undefined (refuse: "by opposition parties"). */
function agentIn(v: EngineView, a: number, b: number): { actor: ActorAcc; text: string } | undefined {
  let person: { actor: ActorAcc; text: string } | undefined;
  let other: { actor: ActorAcc; text: string } | undefined;
  for (let j = a; j < b; j++) {
    const m = v.mAt[j];
    if (!m || m.first !== j) continue;
    const x = v.set.byId.get(m.actorId);
    if (!x || x.type === 'location') continue;
    const it = { actor: x, text: v.doc.src.slice(m.start, m.end) };
    if (x.type === 'person') person = it;
    else other ??= it;
    j = m.last;
  }
  return person ?? other;
}

/** seventh session (en-passive-criticism): "The plan was criticised by X for CHARGE", "Y has been accused by X of CHARGE",
 * "was also slammed by X for CHARGE" → X says CHARGE. The gold annotates the charge: object and charge are not one span.
 * The agent must be named within ten tokens before for/of (no named agent, or no charge → nothing). */
function passiveCriticism(v: EnglishEngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const sent = doc.sentOf[k];
  let aux = k - 1;
  if (aux > 0 && /^(also|repeatedly|widely|sharply|strongly|heavily|publicly|roundly|previously)$/.test(toks[aux].norm)) aux--;
  if (aux < 1 || !/^(was|were|is|are|been|be|being|get|got)$/.test(toks[aux].norm) || toks[k].gap !== 0) return false;
  if (k + 2 >= n || toks[k + 1].norm !== 'by' || toks[k + 1].gap !== 0 || doc.sentOf[k + 1] !== sent) return false;
  const prepWord = toks[k].norm === 'accused' ? 'of' : 'for';
  let prep = -1;
  for (let j = k + 2; j < n && j < k + 13 && doc.sentOf[j] === sent; j++) {
    // (a party tag in brackets may close the agent: "by Rep. X (R-Ariz.) for")
    if (toks[j].norm === prepWord && (toks[j].gap === 0 || /^\.?\)\s+$/.test(toks[j].sep))) {
      prep = j;
      break;
    }
    if (/^(that|who|which|and|but|after|when|to)$/.test(toks[j].norm) && toks[j].gap >= 2) return false;
  }
  if (prep < 0 || prep + 1 >= n || doc.sentOf[prep + 1] !== sent) return false;
  const ag = agentIn(v, k + 2, prep);
  if (!ag) return false;
  const o = prep + 1;
  let e = o;
  for (;;) {
    if (e + 1 >= n || doc.sentOf[e + 1] !== sent) break;
    const nx = toks[e + 1];
    if (nx.gap < 2 && !EN_OBJ_STOP.test(nx.norm)) e++;
    // a quotation the charge opens ("for what he called "a farce"") belongs to it, to its closing mark
    else if (nx.gap === 4 && /^\s*["\u201C]$/.test(nx.sep) && doc.quoteOf[e + 1] >= 0) {
      const qi = doc.quoteOf[e + 1];
      e++;
      while (e + 1 < n && doc.quoteOf[e + 1] === qi) e++;
      break;
    } else break;
  }
  if (e === o && EN_PRONOUNS[toks[o].norm] === undefined && toks[o].caps > 0) return false;
  const verb = doc.src.slice(toks[k].start, toks[k].end);
  return !!v.push('en-passive-criticism', ag.actor, ag.text, verb, 'accusation', toks[o].start, toks[e].end, k);
}

/** seventh session (en-named-next): a sentence that names the previous one as someone's statement — "That was the
 * assessment of X", "This was the assurance given by X at a briefing", "Such was the warning from X" → X with the whole
 * previous sentence as content. Only at the start of its sentence, with a named agent right after of/from/by, and when
 * no claim already covers the previous sentence. */
function namedNext(v: EnglishEngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const sent = doc.sentOf[k];
  if (k < 3 || toks[k - 1].norm !== 'the' || !/^(was|is)$/.test(toks[k - 2].norm)) return false;
  const st = k - 3;
  if (!/^(that|this|such)$/.test(toks[st].norm) || !doc.sentStart[st] || doc.sentOf[st] !== sent || sent === 0) return false;
  let p = k + 1;
  if (p < n && /^(given|offered|made|delivered|issued|voiced|expressed|shared)$/.test(toks[p].norm)) p++;
  if (p + 1 >= n || !/^(of|from|by)$/.test(toks[p].norm) || doc.sentOf[p + 1] !== sent) return false;
  // the agent: up to eight tokens, ending at punctuation or a clause/adverbial after it
  let b = p + 1;
  while (b < n && b - p <= 8 && doc.sentOf[b] === sent && !(b > p + 1 && toks[b].gap >= 2)) {
    if (toks[b].caps === 0 && !v.mAt[b] && /^(who|which|on|at|in|during|last|this|after|before|when|to)$/.test(toks[b].norm)) break;
    b++;
  }
  const ag = agentIn(v, p + 1, b);
  if (!ag) return false;
  const prev = doc.sents[sent - 1];
  for (let i = v.claims.length - 1, lim = 0; i >= 0 && lim < 10; i--, lim++)
    if (v.claims[i].start < prev.end && prev.start < v.claims[i].end) return false;
  return !!v.push('en-named-next', ag.actor, ag.text, toks[k].norm, 'statement', prev.start, prev.end, k);
}

/** A that-clause (or a colon quotation) must follow directly: "urging that", "warning that". */
/** One claim per speaker of a coordinated subject ("Germany and France are warning that ..."). */
function pushAll(
  v: EnglishEngineView,
  rule: string,
  sb: { actor: ActorAcc; text: string; others?: ActorAcc[] },
  verb: string,
  kind: string,
  c: { s: number; e: number },
  at: number,
): boolean {
  const first = v.push(rule, sb.actor, sb.text, verb, kind, c.s, c.e, at);
  if (first) for (const o of sb.others ?? []) v.push(rule, o, o.name, verb, kind, c.s, c.e, at);
  return !!first;
}

function thatNext(v: EngineView, k: number): boolean {
  const n = v.doc.toks.length;
  return k + 1 < n && v.doc.sentOf[k + 1] === v.doc.sentOf[k] && v.doc.toks[k + 1].norm === 'that';
}

/** seventh session: "has been saying since the spring that", "is arguing for months that": a short time adverbial
 * (since/for/throughout/all + up to three lower-case words or numbers, no punctuation) before "that"; its index. */
function thatAfterAdverbial(v: EngineView, k: number): number {
  const { doc } = v;
  const toks = doc.toks;
  if (k + 2 >= toks.length || !/^(since|for|throughout|all|repeatedly|publicly|privately)$/.test(toks[k + 1].norm)) return -1;
  for (let j = k + 1; j < toks.length && j <= k + 5 && doc.sentOf[j] === doc.sentOf[k]; j++) {
    if (toks[j].gap !== 0 || v.mAt[j]) return -1;
    if (j > k + 1 && toks[j].norm === 'that') return j;
  }
  return -1;
}

function progressive(v: EnglishEngineView, k: number): boolean {
  const toks = v.doc.toks;
  if (k < 2 || !/^(is|are|was|were|been)$/.test(toks[k - 1].norm) || toks[k].gap !== 0) return false;
  // the token the content follows: the verb, or the end of a short adverbial before "that"
  const cv = thatNext(v, k) ? k : thatAfterAdverbial(v, k) - 1;
  if (cv < k) return false;
  let aux = k - 1;
  if (toks[aux].norm === 'been' && aux > 0 && /^(has|have|had)$/.test(toks[aux - 1].norm)) aux--;
  const sb = v.subjectBefore(aux);
  if (!sb) return false;
  const c = v.contentAfter(cv, toks[k].norm);
  if (!c) return false;
  return pushAll(v, 'en-progressive', sb, v.doc.src.slice(toks[aux].start, toks[k].end), KIND_OF[toks[k].norm] ?? 'statement', c, k);
}

function whileParticiple(v: EnglishEngineView, k: number): boolean {
  const toks = v.doc.toks;
  let p = k - 1;
  if (p >= 0 && toks[p].norm === 'also') p--;
  if (
    p < 0 ||
    (p === 0 && toks[p].norm !== 'while') ||
    !/^(while|before|after|and|albeit)$/.test(toks[p].norm) ||
    toks[k].gap !== 0 ||
    !(thatNext(v, k) || (toks[k].norm === 'saying' && toks[p].norm === 'while' && bareClauseNext(v, k)))
  )
    return false;
  // "and warning that" only right after a comma-less clause of the same subject; while/before may follow a comma
  if (toks[p].norm === 'and' && toks[p].gap === 2) return false;
  const sent = v.doc.sentOf[k];
  // the speaker: the previous claim's speaker in this sentence, else the subject of the sentence
  let sp: ActorAcc | undefined;
  for (let i = v.claims.length - 1, lim = 0; i >= 0 && lim < 20; i--, lim++) {
    const c = v.claims[i];
    if (c.at < k && v.doc.sentOf[c.at] === sent && c.speaker.actorId) {
      sp = v.set.byId.get(c.speaker.actorId);
      break;
    }
  }
  // issue 11 (en): a fronted "While accepting that A, X said B": the subject named right after the fronted clause
  const fr = !sp && v.doc.sentStart[p] ? subjectAfterFronted(v, k) : undefined;
  if (fr) sp = fr.actor;
  sp ??= v.subjectOfSentence(k);
  if (!sp) return false;
  const c = v.contentAfter(k, toks[k].norm);
  if (!c) return false;
  if (fr) c.e = Math.min(c.e, toks[fr.comma].start - toks[fr.comma].sep.length + toks[fr.comma].sep.indexOf(','));
  if (c.e - c.s < 8) return false;
  return !!v.push('en-while-participle', sp, '', toks[k].norm, KIND_OF[toks[k].norm] ?? 'statement', c.s, c.e, k);
}

/** Round 5 (en): "X informed/assured/reminded Y that ...": a short recipient (no comma, no verb) and then "that"; without
 * the that-clause no report ("informed the police", "well-informed sources"). */
function objectThat(v: EnglishEngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const sent = doc.sentOf[k];
  let j = k + 1;
  // (a thousands comma, "1,200", joins its number)
  const joined = (r: number) => toks[r].gap === 0 || (toks[r].sep === ',' && /^\d/.test(toks[r].norm) && /\d$/.test(toks[r - 1].norm));
  for (; j < n && j <= k + 7 && doc.sentOf[j] === sent && joined(j) && toks[j].norm !== 'that'; j++)
    if (EN_VERB.get(toks[j].norm) || EN_FINITE_RE.test(toks[j].norm)) return false;
  if (j === k + 1 || j >= n || j > k + 7 || toks[j].norm !== 'that' || toks[j].gap !== 0 || doc.sentOf[j] !== sent) return false;
  const sb = speakerOf(v, k);
  if (!sb || j + 1 >= n || doc.sentOf[j + 1] !== sent) return false;
  const c = v.contentAfter(j, 'that');
  if (!c || c.s < toks[j + 1].start) return false;
  return pushAll(v, 'en-object-that', sb, toks[k].norm, 'statement', c, k);
}
const EN_FINITE_RE = /^(is|are|was|were|has|have|had|will|would|could|can|may|might|must|should)$/;

/** Round 5 (en): "while also saying Washington would never allow ...": a say-participle without "that" reports only
 * a clause — a named actor or a pronoun right after it and a finite verb within the next few words. */
function bareClauseNext(v: EnglishEngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const sent = doc.sentOf[k];
  const j = k + 1;
  if (j >= toks.length || doc.sentOf[j] !== sent || toks[j].gap !== 0) return false;
  let r = j;
  const m = v.mAt[j];
  if (m && m.first === j) r = m.last + 1;
  else if (EN_PRONOUNS[toks[j].norm] || /^(i|you)$/.test(toks[j].norm)) r = j + 1;
  else return false;
  return r < toks.length && doc.sentOf[r] === sent && toks[r].gap === 0 && EN_FINITE_RE.test(toks[r].norm);
}

function doSupport(v: EnglishEngineView, k: number): boolean {
  const toks = v.doc.toks;
  let aux = k - 1;
  if (!thatNext(v, k) || toks[k].gap !== 0 || toks[aux].gap !== 0) return false;
  const sb = v.subjectBefore(aux);
  if (!sb) return false;
  const c = v.contentAfter(k, toks[k].norm);
  if (!c) return false;
  const w = toks[k].norm;
  aux = Math.max(0, aux);
  return pushAll(
    v,
    'en-do-support',
    sb,
    v.doc.src.slice(toks[aux].start, toks[k].end),
    KIND_OF[w] ?? (w === 'deny' ? 'denial' : 'statement'),
    c,
    k,
  );
}

function thatVerb(v: EnglishEngineView, k: number): boolean {
  const toks = v.doc.toks;
  if (!thatNext(v, k)) return false;
  let b = k;
  if (b > 0 && /^(has|have|had)$/.test(toks[b - 1].norm) && toks[b].gap === 0) b--;
  if (b > 0 && /^(is|are|was|were|be|been)$/.test(toks[b - 1].norm)) return false; // "was charged that" is not a report
  // issue 11 (en): "X - who has at times doubted that ...": the named antecedent of the relative pronoun
  const wi = relativeWho(v.doc, v.mAt, k);
  if (wi > 0) {
    const am = v.mAt[wi - 1];
    const aa = am && am.last === wi - 1 ? v.set.byId.get(am.actorId) : undefined;
    const c0 = aa && aa.type !== 'location' ? v.contentAfter(k, toks[k].norm) : undefined;
    if (!aa || !c0) return false;
    return pushAll(
      v,
      'en-that-verb',
      { actor: aa, text: v.doc.src.slice(am!.start, am!.end) },
      toks[k].norm,
      KIND_OF[toks[k].norm] ?? 'statement',
      c0,
      k,
    );
  }
  const sb = v.subjectBefore(b);
  if (!sb) return false;
  const c = v.contentAfter(k, toks[k].norm);
  if (!c) return false;
  return pushAll(v, 'en-that-verb', sb, toks[k].norm, KIND_OF[toks[k].norm] ?? 'statement', c, k);
}

/** The speaker of the verb at k: the named antecedent of a relative "who" ("X, who this week criticised"), else the
 * subject before the verb (auxiliaries skipped); none for a passive ("was criticised by"). */
function speakerOf(v: EnglishEngineView, k: number): { actor: ActorAcc; text: string; others?: ActorAcc[] } | undefined {
  const toks = v.doc.toks;
  let b = k;
  if (b > 0 && /^(has|have|had)$/.test(toks[b - 1].norm) && toks[b].gap === 0) b--;
  if (b > 0 && /^(is|are|was|were|be|been|being)$/.test(toks[b - 1].norm)) return undefined;
  const wi = relativeWho(v.doc, v.mAt, k);
  if (wi > 0) {
    const am = v.mAt[wi - 1];
    const aa = am && am.last === wi - 1 ? v.set.byId.get(am.actorId) : undefined;
    return aa && aa.type !== 'location' ? { actor: aa, text: v.doc.src.slice(am!.start, am!.end) } : undefined;
  }
  return v.subjectBefore(b);
}

/** Words that end a criticised object (a new clause or a following report). */
const EN_OBJ_STOP = /^(saying|adding|calling|arguing|insisting|noting|and|but|while|whereas|although|because)$/;

/** "X lashed out at OBJ", "X took issue with OBJ", "X criticised OBJ for CHARGE": OBJ (with its charge) is the content,
 * up to the end of the clause (a comma, dash, colon or a coordinated report). A bare name or pronoun with no charge is
 * criticism without content ("lashed out at Xandria", "criticised him"), as the gold decisions read it. */
function objectCriticism(v: EnglishEngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const sent = doc.sentOf[k];
  let o = -1;
  for (const alt of EN_CRITICISM_IDIOMS.get(toks[k].norm)!) {
    let j = k + 1;
    for (const p of alt) {
      if (j >= n || toks[j].norm !== p || toks[j].gap !== 0 || doc.sentOf[j] !== sent) {
        j = -1;
        break;
      }
      j++;
    }
    if (j > 0) {
      o = j;
      break;
    }
  }
  if (o < 0 || o >= n || doc.sentOf[o] !== sent || toks[o].gap >= 2 || toks[o].norm === 'that') return false;
  let e = o;
  while (e + 1 < n && doc.sentOf[e + 1] === sent && toks[e + 1].gap < 2 && !EN_OBJ_STOP.test(toks[e + 1].norm)) e++;
  // "criticised X, saying Y": the participle report carries the charge (its own claim); the bare criticism is none
  if (
    e + 2 < n &&
    doc.sentOf[e + 2] === sent &&
    toks[e + 1].gap === 2 &&
    /^(saying|arguing|adding|insisting|claiming|noting|calling)$/.test(toks[e + 1].norm)
  )
    return false;
  // a trailing time adverbial is the reporter's ("... on Monday", "... last week")
  for (let r = o + 1; r < e; r++)
    if (/^(on|last|this|earlier|yesterday|today)$/.test(toks[r].norm) && (r + 1 > e || EN_TIME.has(toks[r + 1].norm)) && e - r <= 2) {
      e = r - 1;
      break;
    }
  // criticism without a charge: the object is only a name (a mention or a capitalised run) or a pronoun
  const m = v.mAt[o];
  let caps = true;
  for (let r = o; r <= e && caps; r++) caps = toks[r].caps > 0;
  const bare =
    caps ||
    (m && m.first === o && m.last >= e) ||
    (o === e && (EN_PRONOUNS[toks[o].norm] !== undefined || /^(him|her|them|us|me)$/.test(toks[o].norm)));
  if (bare) return false;
  const sb = speakerOf(v, k);
  if (!sb) return false;
  const verb = doc.src.slice(toks[k].start, toks[o - 1].end);
  return pushAll(v, 'en-object-criticism', sb, verb, 'accusation', { s: toks[o].start, e: toks[e].end }, k);
}

/** Words that end a naming complement: a subordinate clause or a coordinated verb. */
const EN_NAMING_STOP = /^(because|while|when|since|although|though|after|before|but|whereas|which|saying|adding)$/;

/** ", calling X Y", "X called X Y", "X described X as Y", "X - who referred to X as Y -": "X (as) Y" is the content, up
 * to the end of the clause (punctuation other than quotation marks, a subordinate clause, a second "as" or a coordinated
 * verb). "called for/on", "called X to ..." and a call without a complement are no report. */
function naming(v: EnglishEngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const w = toks[k].norm;
  const sent = doc.sentOf[k];
  let o = k + 1;
  if (w.startsWith('referr')) {
    if (o >= n || toks[o].norm !== 'to' || toks[o].gap !== 0) return false;
    o++;
  }
  if (o >= n || doc.sentOf[o] !== sent || toks[o].gap !== 0) return false;
  // (round 5: "US President X's decision" is no pronoun object: "us" only in lower case)
  if (
    /^(for|on|upon|off|in|out|up|back|to|into|that|a|an|him|her|them|me|us|it's)$/.test(toks[o].norm) &&
    !(toks[o].norm === 'us' && toks[o].caps > 0)
  ) {
    if (!/^(a|an)$/.test(toks[o].norm) || w !== 'described') return false;
  }
  const needAs = EN_NAMING.get(w) === 'as';
  let e = o;
  let sawAs = false;
  let steps = 0;
  while (e + 1 < n && doc.sentOf[e + 1] === sent && steps < 40) {
    const nx = toks[e + 1];
    if (/[,;:.!?()\u2013\u2014]|\s-\s/.test(nx.sep) && doc.quoteOf[e + 1] < 0) break; // not inside the quoted complement
    if (EN_NAMING_STOP.test(nx.norm) && doc.quoteOf[e + 1] < 0) break;
    if (nx.norm === 'as' && doc.quoteOf[e + 1] < 0 && toks[e].norm !== 'such') {
      if (!needAs || sawAs) break;
      sawAs = true;
    }
    if (nx.norm === 'and' && e + 2 < n && (EN_VERB.get(toks[e + 2].norm) || /ed$/.test(toks[e + 2].norm)) && doc.quoteOf[e + 1] < 0) break;
    e++;
    steps++;
  }
  // the complement: "X as Y"; for call, a pronoun object with anything after it ("called it a priority"), or an
  // article or a quotation opening a second noun phrase ("calling the tariffs an 'incentive'"; not "called the meeting")
  if (needAs && !sawAs) return false;
  if (!needAs) {
    let compl = e > o && /^(it|this|that|them|him|her)$/.test(toks[o].norm);
    for (let r = o + 1; r <= e && !compl; r++) compl = /^(a|an)$/.test(toks[r].norm) || /["\u201C]/.test(toks[r].sep);
    if (!compl) return false;
  }
  const sb = w === 'calling' || w === 'describing' || w === 'referring' ? participleSpeaker(v, k) : speakerOf(v, k);
  if (!sb) return false;
  // a closing quotation mark right after the content belongs to it
  const c = { s: toks[o].start, e: toks[e].end };
  return pushAll(v, 'en-naming', sb, w, 'statement', c, k);
}

/** The speaker of a participle after a comma: the last claim's speaker in its sentence, else the sentence's subject. */
function participleSpeaker(v: EnglishEngineView, k: number): { actor: ActorAcc; text: string } | undefined {
  const toks = v.doc.toks;
  if (toks[k].gap !== 2) return undefined;
  const sent = v.doc.sentOf[k];
  for (let i = v.claims.length - 1, lim = 0; i >= 0 && lim < 20; i--, lim++) {
    const c = v.claims[i];
    if (c.at < k && v.doc.sentOf[c.at] === sent && c.speaker.actorId) {
      const a = v.set.byId.get(c.speaker.actorId);
      return a ? { actor: a, text: '' } : undefined;
    }
  }
  const a = v.subjectOfSentence(k);
  return a ? { actor: a, text: '' } : undefined;
}

/** "X made it clear that ...", "X has made clear ...": the clause after "clear". */
function madeClear(v: EnglishEngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  let c = k + 1;
  if (c < toks.length && toks[c].norm === 'it' && toks[c].gap === 0) c++;
  if (c >= toks.length || toks[c].norm !== 'clear' || toks[c].gap !== 0 || doc.sentOf[c] !== doc.sentOf[k]) return false;
  const sb = speakerOf(v, k);
  if (!sb) return false;
  const ct = v.contentAfter(c, 'stated');
  if (!ct) return false;
  return pushAll(v, 'en-made-clear', sb, doc.src.slice(toks[k].start, toks[c].end), 'statement', ct, k);
}

/**
 * "CONTENT, said an airline spokeswoman for X." / "CONTENT, a spokesman for X said." /
 * "CONTENT, the interior minister of X has said." — an officer phrase with its body after the content.
 */
function postposedOfficer(v: EngineView, k: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const sent = doc.sentOf[k];
  let np = -1;
  let npEnd = -1; // last token of the phrase
  let comma = -1; // token after the comma that ends the content
  if (toks[k].gap === 2 && k + 1 < n && /^(a|an)$/.test(toks[k + 1].norm)) {
    // "…, said an airline spokeswoman for X"
    np = k + 1;
    comma = k;
    npEnd = n - 1;
    for (let r = np; r < n; r++)
      if (doc.sentOf[r] !== sent || (r > np && toks[r].gap >= 2)) {
        npEnd = r - 1;
        break;
      }
  } else {
    // "…, the interior minister of X has said" / "…, a spokesman for X said": the phrase between the comma and the verb
    let e = k - 1;
    if (e > 0 && /^(has|have)$/.test(toks[e].norm)) e--;
    if (e < 1 || (k + 1 < n && doc.sentOf[k + 1] === sent && toks[k + 1].gap < 2)) return false;
    for (let r = e; r > Math.max(0, e - 9) && doc.sentOf[r] === sent; r--) {
      if (toks[r].gap === 2) {
        comma = r;
        break;
      }
      if (toks[r].gap >= 3) return false;
    }
    if (comma < 0 || !/^(a|an|the)$/.test(toks[comma].norm)) return false;
    np = comma;
    npEnd = e;
  }
  if (np < 0 || npEnd < np) return false;
  // the phrase must be an officer phrase: a role head followed by for/of/at + a named body (an unnamed officer)
  let head = -1;
  for (let r = np; r <= npEnd; r++)
    if (EN_OFFICER_HEAD.has(toks[r].norm)) {
      head = r;
      break;
    }
  if (head < 0) return false;
  for (let r = np; r <= npEnd; r++) {
    const m = v.mAt[r];
    if (m && v.set.byId.get(m.actorId)?.type === 'person') return false; // a named person: the engine's own rules
  }
  const sp = speakerPhrase(v, np, npEnd - np + 1);
  if (!sp || sp.actor.type === 'person') return false;
  const s = doc.sents[sent].start;
  const e = toks[comma].start - toks[comma].sep.length + Math.max(0, toks[comma].sep.indexOf(','));
  if (e - s < 10) return false;
  return !!v.push('en-postposed-officer', sp.actor, doc.src.slice(toks[np].start, toks[npEnd].end), toks[k].norm, 'statement', s, e, k);
}

/** Words that may sit between a relative "who" and its reporting verb ("who this week criticised", "who has at times
 * doubted"): auxiliaries and short time/frequency adverbials, never a noun phrase of its own. */
const EN_REL_SKIP = new Set([
  'has',
  'have',
  'had',
  'also',
  'this',
  'last',
  'week',
  'month',
  'year',
  'at',
  'times',
  'repeatedly',
  'previously',
  'earlier',
  'already',
  'long',
  'recently',
  'publicly',
  'often',
  'once',
  'later',
  'then',
  'again',
  'since',
  'herself',
  'himself',
]);

/** The index of the relative "who"/"which" that governs the verb at v (directly before it, or before up to four
 * auxiliary/adverbial words in the same clause), or -1. */
export function relativeWho(doc: Doc, mAt: EngineView['mAt'], v: number): number {
  const toks = doc.toks;
  if (v < 2) return -1;
  const p = toks[v - 1].norm;
  if (p === 'who' || p === 'which') return v - 1;
  if (toks[v].gap !== 0) return -1;
  for (let r = v - 1; r > 0 && r >= v - 4; r--) {
    const w = toks[r].norm;
    if (w === 'who') return r;
    if (!EN_REL_SKIP.has(w) || toks[r].gap !== 0 || mAt[r]) return -1;
  }
  return -1;
}

/** The named subject opening the main clause after a fronted clause that starts at the sentence start ("While
 * accepting that A, Mr X said B" → X): the first comma outside quotations, then a name (titles before it allowed)
 * directly followed by a verb. */
function subjectAfterFronted(v: EngineView, k: number): { actor: ActorAcc; comma: number } | undefined {
  const { doc } = v;
  const toks = doc.toks;
  const sent = doc.sentOf[k];
  for (let r = k + 1; r < toks.length && doc.sentOf[r] === sent && r < k + 40; r++) {
    if (toks[r].gap !== 2 || doc.quoteOf[r] >= 0 || !/,/.test(toks[r].sep)) continue;
    let j = r;
    while (j < toks.length && j < r + 3 && !v.mAt[j] && toks[j].caps > 0) j++; // "Mr", "Foreign Minister"
    const m = v.mAt[j];
    const a = m && m.first === j ? v.set.byId.get(m.actorId) : undefined;
    const nx = m ? toks[m.last + 1] : undefined;
    if (a && a.type !== 'location' && nx && nx.gap === 0 && doc.sentOf[m!.last + 1] === sent && EN_VERB.get(nx.norm))
      return { actor: a, comma: r };
    return undefined;
  }
  return undefined;
}
