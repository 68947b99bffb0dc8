// Arabic claims, attribution phase: "بحسب X" / "وفقا لـX" (according to), "نقلت X عن Y قوله" (quoting), and
// claims carried by an object masdar ("أعلن X رفضه ...", "نفى X ...").

import { arVerbOf } from '../../actors/ar/names';
import type { ActorAcc } from '../../actors/shared';
import {
  AR_ADVERBIAL,
  AR_COMP,
  AR_DECLINE_ACTS,
  AR_DESCRIPTIONS,
  AR_DOC_NOUNS,
  AR_FACT_MASDAR,
  AR_OFFICER,
  AR_PERSON_TITLES,
  AR_TITLE_WORDS,
  AR_VERBS,
  type ArVerb,
} from '../../lexicon/ar';
import { actorOf, type Ctx, lastClaimBefore, mentionText, personByTitle, pushClaim } from '../shared';
import { jointPartners, resolveArPronoun, resolveDescription, skipSpaces, titledSubject } from './speaker';
import { discourseOf, viewOf } from '../discourse';
/** A preposition before an actor: the actor is its object, never the subject of the verb after it. */
const AR_PREP_BEFORE_SUBJ = /^[وف]?(في|من|الي|علي|عن|مع|ضد|بين|باسم|لدي|عبر|بحق|تجاه)$/;

/**
 * Whether the mention starting at token f is the object of a preposition, directly (على X) or as the last member of a
 * construct chain (على حكومة X، لدى شركات X): up to two indefinite heads, with no punctuation, between them.
 */
export function prepObject(ctx: Ctx, f: number): boolean {
  const toks = ctx.doc.toks;
  for (let b = f - 1, heads = 0; b >= 0 && heads <= 2; b--, heads++) {
    if (toks[b + 1].gap > 1) return false;
    if (AR_PREP_BEFORE_SUBJ.test(toks[b].norm)) return true;
    if (ctx.mAt[b] || /^ال/.test(toks[b].norm) || arVerbOf(toks[b])) return false;
  }
  return false;
}

/** round 7: the verb at i opens a clause (فيما/بينما/كما or a و on the verb) of a sentence that already holds a claim
 * whose verb agrees in gender, and the word after it is a plain object (no actor, description, title or plural noun). */
function sameSentenceContinuation(ctx: Ctx, i: number, info: ArVerb): boolean {
  const toks = ctx.doc.toks;
  if (i < 1 || i + 1 >= toks.length || ctx.doc.sentOf[i + 1] !== ctx.doc.sentOf[i]) return false;
  const opener = /^(فيما|بينما|كما)$/.test(toks[i - 1].norm) || /^و/.test(toks[i].norm);
  if (!opener) return false;
  const lc = lastClaimBefore(ctx, i);
  if (!lc || ctx.doc.sentOf[lc.at] !== ctx.doc.sentOf[i] || (lc.fem !== undefined && lc.fem !== info.fem)) return false;
  const w = toks[i + 1].norm;
  if (ctx.mAt[i + 1] || AR_DESCRIPTIONS[w] || AR_TITLE_WORDS.has(w) || AR_PERSON_TITLES.has(w) || AR_OFFICER.has(w.replace(/^ال/, '')))
    return false;
  return !/(ون|ين)$/.test(w) && toks[i + 1].gap <= 1;
}

/** round 7: "حذرت X داعش من التوسع": the warned party (an actor, or at most three words) then من — the content is the
 * object with what it is warned of. */
function warnedObject(ctx: Ctx, k: number, sent: number): boolean {
  const toks = ctx.doc.toks;
  const m = ctx.mAt[k];
  const last = m && m.first === k ? m.last : k;
  for (let r = last + 1; r < Math.min(toks.length, last + 4) && ctx.doc.sentOf[r] === sent; r++) {
    if (toks[r].gap > 1) return false;
    if (toks[r].norm === 'من') return r + 1 < toks.length && ctx.doc.sentOf[r + 1] === sent && (!!m || r === last + 1);
    if (!m) return false;
  }
  return false;
}

/** round 6: a describe verb with بأن right after it has no object, so it is the passive (حروق وُصفت بأنها خطيرة): the
 * active always names what it describes (وصفت X الوضع بأنه، وصفته بأنه). */
export function passiveDescribe(ctx: Ctx, i: number): boolean {
  const toks = ctx.doc.toks;
  const vv = arVerbOf(toks[i]);
  if (!vv || AR_VERBS.get(vv.verb)?.kind !== 'description' || i + 1 >= toks.length) return false;
  const c = toks[i + 1];
  return ctx.doc.sentOf[i + 1] === ctx.doc.sentOf[i] && c.gap <= 1 && /^ب/.test(c.norm) && AR_COMP.has(c.norm);
}

/** "وبحسب X، فإن ..." / "وفقا لـX، ..." at the start of a sentence; "..., بحسب X." at its end. */
export function arabicAccording(ctx: Ctx, i: number): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const t = toks[i];
  // (round 7: وفقا itself starts with و — strip a conjunction only when the bare word is no trigger)
  const w = t.norm.length > 3 && t.norm[0] === 'و' && !/^(وفقا)$/.test(t.norm) ? t.norm.slice(1) : t.norm;
  if (!/^(بحسب|حسب|وفقا|طبقا)$/.test(w)) return;
  let k = i + 1;
  if (k < toks.length && (toks[k].norm === 'ل' || toks[k].norm === 'لـ')) k++;
  let a = actorOf(ctx, k);
  let m = a ? ctx.mAt[k] : undefined;
  // round 7: "وفقا لتقديرات الأمم المتحدة"، "حسب وكالة «رويترز»": a figures/document noun or a head noun whose
  // complement is the source
  let viaNoun = false;
  if (
    !a &&
    k + 1 < toks.length &&
    (toks[k + 1].gap <= 1 || /^\s*["\u201C\u00AB]$/.test(toks[k + 1].sep)) &&
    AR_SOURCE_NOUNS.has(toks[k].norm.replace(/^ل/, ''))
  ) {
    // session 6: "بحسب بيان صادر عن X" / "وفقا لتقرير صادر من X": the issuer after صادر عن/من
    const at =
      k + 3 < toks.length && /^(صادر|الصادر|صادره|الصادره)$/.test(toks[k + 1].norm) && /^(عن|من)$/.test(toks[k + 2].norm) ? k + 3 : k + 1;
    const a1 = actorOf(ctx, at);
    if (a1 && ctx.mAt[at]!.first === at && a1.type !== 'location') {
      a = a1;
      m = ctx.mAt[at];
      viaNoun = true;
    }
  }
  if (!a && k < toks.length) {
    // وبحسب التقرير / البيان / بيانات الوزارة → the body that issued it
    const w2 = toks[k].norm.replace(/^ل/, '');
    let hintTok = w2;
    if ((w2 === 'بيانات' || w2 === 'تقرير' || w2 === 'بيان') && k + 1 < toks.length) hintTok = toks[k + 1].norm;
    if (/^(التقرير|البيان|الدراسه)$/.test(hintTok)) {
      const lc = lastClaimBefore(ctx, i);
      a = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
    } else if (AR_DESCRIPTIONS[hintTok] && AR_DESCRIPTIONS[hintTok] !== 'person')
      a = resolveDescription(ctx, i, AR_DESCRIPTIONS[hintTok], hintTok);
    // issue 11 round 5: "وحسب المصادر فإن" — the unnamed officers introduced earlier ("مصادر فلسطينية")
    else a = discourseOf(viewOf(ctx)).definiteOfficer(hintTok, t.start) ?? undefined;
    if (a) {
      const last = hintTok === w2 ? k : k + 1;
      m = { actorId: a.id, start: toks[k].start, end: toks[last].end, first: k, last, field: doc.field };
    }
  }
  if (!a || a.type === 'location' || !m) return;
  const sent = doc.sentOf[i];
  const st = doc.sents[sent];
  // a reporting verb earlier in the sentence: the source of a report, not a claim of its own
  for (let b = i - 1; b >= 0 && doc.sentOf[b] === sent; b--) if (arVerbOf(toks[b]) && !passiveDescribe(ctx, b)) return;
  const afterM = m.last + 1 < toks.length ? toks[m.last + 1] : undefined;
  if (
    !doc.sentStart[i] &&
    afterM &&
    doc.sentOf[m.last + 1] === sent &&
    /^(فان|فانه|فانها)$/.test(afterM.norm) &&
    m.last + 2 < toks.length
  ) {
    pushClaim(
      ((ctx.rule = 'ar-according-mid'), ctx),
      a,
      doc.src.slice(m.start, m.end),
      doc.src.slice(t.start, t.end),
      'statement',
      toks[m.last + 2].start,
      st.end,
      i,
    );
    return;
  }
  if (doc.sentStart[i]) {
    let c = m.last + 1;
    // "وبحسب وزارة الصحة في غزة، فإن ...": a short locative phrase before the comma
    if (c < toks.length && toks[c].gap !== 2 && /^(في|ب|من|لدي)$/.test(toks[c].norm)) {
      for (let r = c + 1; r < Math.min(toks.length, c + 4) && doc.sentOf[r] === sent; r++)
        if (toks[r].gap === 2 || (toks[r].gap <= 1 && /^(فان|فانه|فانها)$/.test(toks[r].norm))) {
          c = r;
          break;
        }
    }
    // round 6: "وبحسب X فإن …" without a comma — فإنّ itself closes the source phrase
    const fa = c < toks.length && toks[c].gap <= 1 && /^(فان|فانه|فانها)$/.test(toks[c].norm);
    if (c >= toks.length || doc.sentOf[c] !== sent || (toks[c].gap !== 2 && !fa)) return;
    if (/^(فان|فانه|فانها|ان)$/.test(toks[c].norm)) c++;
    if (c >= toks.length || doc.sentOf[c] !== sent) return;
    // "وحسب رويترز، ذكرت شركة فيسبوك أن ...": the source relays another speaker's statement (session 6: also after
    // قد — "وبحسب وكالة X، فقد أكد Y أن …")
    if (arVerbOf(toks[c])) return;
    if (/^(فقد|وقد|قد|لقد)$/.test(toks[c].norm) && c + 1 < toks.length && arVerbOf(toks[c + 1])) return;
    pushClaim(
      ((ctx.rule = 'ar-according'), ctx),
      a,
      doc.src.slice(m.start, m.end),
      t.norm !== w ? doc.src.slice(t.start + 1, t.end) : doc.src.slice(t.start, t.end),
      'statement',
      toks[c].start,
      st.end,
      i,
    );
  } else if (
    ((t.gap === 2 || (t.gap <= 1 && (viaNoun || AR_ACCORDING_STRICT.has(w)) && closesSentence(ctx, m.last))) &&
      m.last + 1 >= toks.length) ||
    (toks[m.last + 1] &&
      (doc.sentOf[m.last + 1] !== sent || toks[m.last + 1].gap >= 2) &&
      (t.gap === 2 || (t.gap <= 1 && (viaNoun || AR_ACCORDING_STRICT.has(w)) && closesSentence(ctx, m.last))))
  ) {
    pushClaim(
      ((ctx.rule = 'ar-according-end'), ctx),
      a,
      doc.src.slice(m.start, m.end),
      doc.src.slice(t.start, t.end),
      'statement',
      st.start,
      t.start - t.sep.length,
      i,
    );
  }
}

/** Session 6: indefinite officer nouns (folded) whose affiliation speaks for them. */
const AR_OFFICER_INDEF = new Set('مصدر مصادر مسوول مسوولون مسيول متحدث ناطق'.split(' '));

/** Figures and document nouns, and media head nouns, whose complement names the source of a "بحسب/وفقا" phrase. */
const AR_SOURCE_NOUNS = new Set(
  'تقديرات تقدير ارقام احصاءات احصائيات بيانات معطيات تقرير تقارير بيان وكاله صحيفه جريده موقع قناه شبكه'.split(' '),
);
/** "بحسب"/"حسب" read as "according to" also without a comma before them when the source closes the sentence (وفقا/طبقا
 * also mean "in accordance with" a law or plan, so they need a comma or a figures noun). */
const AR_ACCORDING_STRICT = new Set(['بحسب', 'حسب']);

/** The mention ending at token `last` closes its sentence (only a full stop or the paragraph end after it). */
function closesSentence(ctx: Ctx, last: number): boolean {
  const { doc } = ctx;
  if (last + 1 >= doc.toks.length) return true;
  return doc.sentOf[last + 1] !== doc.sentOf[last];
}

/** "ونقلت رويترز عن مسؤول إسرائيلي قوله إن ..." — the quoted source (after عن) is the speaker. */
export function arabicQuoting(ctx: Ctx, i: number): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[i];
  let an = -1;
  for (let b = i - 1; b >= Math.max(0, i - 10) && doc.sentOf[b] === sent; b--)
    if (toks[b].norm === 'عن') {
      an = b;
      break;
    }
  if (an < 0) return;
  let sp: ActorAcc | undefined;
  let spText = '';
  // issue 11 round 5: the source is the noun phrase right after عن. An officer or a titled person carries its body or
  // country in a prepositional phrase ("عن مسؤول في وزارة X"); any other head ("عن سكان محليين في مناطق X") does not: an
  // actor after a preposition there is a place or a topic, not who is quoted
  const head = an + 1 < i ? toks[an + 1].norm : '';
  const headCarries =
    !!actorOf(ctx, an + 1) || AR_OFFICER.has(head) || AR_TITLE_WORDS.has(head) || AR_PERSON_TITLES.has(head) || AR_DOC_NOUNS.has(head);
  for (let k = an + 1; k < i; k++) {
    if (!headCarries && k > an + 1 && AR_PREP_BEFORE_SUBJ.test(toks[k].norm)) break;
    const a = actorOf(ctx, k);
    // (session 7: a person named in the phrase holds the role and is quoted — "عن عضو لجنة X، NAME، قوله"، "عن المتحدث
    // باسم X NAME قوله": the body is only the affiliation)
    if (
      a &&
      a.type !== 'location' &&
      (!sp || (sp.type === 'country' && a.type !== 'country') || (a.type === 'person' && sp.type !== 'person'))
    ) {
      sp = a;
      spText = mentionText(ctx, k);
    }
  }
  if (!sp) return;
  let k = i + 1;
  let s0 = k < toks.length ? toks[k].start - toks[k].sep.length : doc.src.length;
  if (k < toks.length && AR_COMP.has(toks[k].norm) && doc.sentOf[k] === sent) {
    s0 = toks[k].end;
    k++;
  }
  s0 = skipSpaces(doc.src, s0);
  let end = doc.sents[doc.sentOf[Math.min(k, toks.length - 1)]]?.end ?? doc.src.length;
  const qs = doc.quoteAt.get(s0);
  if (qs !== undefined) end = Math.max(end, doc.quotes[qs].close + 1);
  // "قوله "إن ...": the complementiser inside the quote
  pushClaim(((ctx.rule = 'ar-quoting'), ctx), sp, spText, doc.src.slice(toks[i].start, toks[i].end), 'statement', s0, end, i);
}

/**
 * The object reading of a reporting verb with no complementiser (اتهمت قطر السعودية بمنع…، نفت إسرائيل التوصل…):
 * sets the speaker and where the content starts in `st`; false when the verb makes no claim. A function of its own,
 * not inline in arabicClaims: this rarely-taken path's first uses deoptimised the whole of arabicClaims (a ~0.15
 * CPU-second recompile each time); here they only recompile this function.
 */
// round 6 (verb + عن): time words between the subject and عن; verbal nouns of derived forms II, IV, VIII, X (folded:
// تفعيل، افعال، افتعال، استفعال) and plan/intent nouns, which name the announcer's own act
const AR_ANN_TIME = /^(الليله|الماضيه|الماضي|اليوم|امس|مساء|صباح|فجر|ايضا|رسميا)$/;
const AR_ACTION_MASDAR = /^(ت[^ا]{2}ي[^ا]|ا[^ال]{2}ا[^ا]|ا[^ل]ت[^ا]ا[^ا]|است[^ا]{2}ا[^ا])$/;
const AR_PLAN_NOUNS = /^(خطه|خطط|برنامج|مشروع|مبادره|حمله|قرار|نيه|عزم|موعد|بدء|اطلاق|قائمه|اسماء)$/;

export function arabicObjectClaim(
  ctx: Ctx,
  i: number,
  vv: { verb: string; strip: number },
  info: ArVerb,
  sent: number,
  subjTok: number,
  titledSubjOf: () => ReturnType<typeof titledSubject>,
  st: { speaker: ActorAcc | undefined; speakerText: string; explicit: boolean; spTok: number; contentStart: number },
): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  // accuse/deny/threat with an object: اتهمت قطر السعودية بمنع... / نفت إسرائيل التوصل...
  // (حذر X من "كارثة": warn-of with a noun object is a claim too)
  // (أعلن + a masdar that asserts a fact — مقتل، الفوز، تبنيهما — is a claim; announcing one's own action is not)
  const factAnn = info.kind === 'announcement' && /^(اعلن|اعلنت|اعلنوا|اعلنا|اعلنتا|يعلن|تعلن)$/.test(vv.verb);
  // round 6: "أعلن/كشف X عن <noun>" (أعلن الوزير عن تقارب في المواقف، كشفت الشركة عن مفاوضات) reports what follows عن;
  // not a participle (its subject would come from the pronoun chain)
  const aboutAnn = info.kind === 'announcement' && !info.participle;
  if (!(info.objectText || info.kind === 'denial' || info.kind === 'accusation' || info.kind === 'warning' || factAnn || aboutAnn))
    return false;
  let a = actorOf(ctx, i + 1);
  let k = i + 1;
  // "وكانت X قد اتهمت Y بـ...": after قد the subject precedes the verb and the actor after it is the object
  // issue 11 (attribution): "أما وزير الخارجية X فاتهم Y بـ…": a verb with ف right after a named subject (a topic) has
  // that subject; the actor after the verb is the object
  const mT = subjTok === i - 1 && vv.strip === 1 && toks[i].norm[0] === 'ف' && toks[i].gap <= 1 ? ctx.mAt[i - 1] : undefined;
  const fTopic =
    !!mT &&
    mT.last === i - 1 &&
    doc.sentOf[i - 1] === sent &&
    actorOf(ctx, i - 1)?.type !== 'location' &&
    !(mT.first > 0 && /^[وف]?(في|من|الي|علي|عن|مع|ضد|بين|باسم|لدي)$/.test(toks[mT.first - 1].norm));
  const sv = ((subjTok === i - 2 && actorOf(ctx, subjTok)) || fTopic) && actorOf(ctx, subjTok)!.type !== 'location';
  const ts1 = sv ? titledSubjOf() : undefined;
  if (sv && ts1) {
    if (!ts1.person) return false;
    st.speaker = ts1.person;
    st.speakerText = ts1.text;
    a = undefined;
  } else if (sv) {
    st.speaker = actorOf(ctx, subjTok);
    st.speakerText = mentionText(ctx, subjTok);
    st.explicit = true;
    st.spTok = subjTok;
    a = undefined;
  }
  // a participle (متهما واشنطن بـ...، نافيا) has the sentence's subject: the actor after it is the object
  if (info.participle && !st.speaker) {
    st.speaker = resolveArPronoun(ctx, i, info.fem, true);
    a = undefined;
    if (!st.speaker) return false;
  }
  // issue 11 (attribution): "واتهم X بـ…" / "تتهم X بـ…" — one actor right after an accuse verb and then the ب-charge is
  // the accused (the object), not the subject (which would be followed by its own object: "اتهمت قطر السعودية بـ"); the
  // subject is the actor right before the verb, else the verb's pronoun
  if (a && !st.speaker && info.kind === 'accusation' && !info.participle && ctx.mAt[k]) {
    let e = ctx.mAt[k]!.last;
    for (const jp of jointPartners(ctx, k, a)) if (jp.last > e) e = jp.last;
    const nx = e + 1 < n && doc.sentOf[e + 1] === sent ? toks[e + 1] : undefined;
    // (session 7: a name that itself starts with ب — بغداد، بيروت، بريطانيا — is a second actor, not the ب-charge:
    // "اتهمت حكومة X بغداد بالتأخر")
    const nxName = !!nx && ctx.mAt[e + 1]?.first === e + 1 && ctx.mAt[e + 1]!.start === nx.start;
    if (
      nx &&
      !nxName &&
      nx.gap <= 1 &&
      nx.norm.length >= 3 &&
      nx.norm[0] === 'ب' &&
      !/^(بها|بهم|بين)$/.test(nx.norm) &&
      !AR_COMP.has(nx.norm)
    ) {
      a = undefined;
      const sa = i > 0 && doc.sentOf[subjTok] === sent && toks[i].gap <= 1 ? actorOf(ctx, subjTok) : undefined;
      if (!(sa && sa.type !== 'location' && !prepObject(ctx, ctx.mAt[subjTok]!.first))) {
        st.speaker = resolveArPronoun(ctx, i, info.fem, false);
        if (!st.speaker) return false;
      }
    }
  }
  if (st.speaker) {
    /* subject before the verb: content right after it */
  } else if (!a && i + 2 < n && /^(السلطات|المسوولون|المسوولين|الحكومه|مسوولون|سلطات)$/.test(toks[i + 1].norm) && actorOf(ctx, i + 2)) {
    a = actorOf(ctx, i + 2);
    k = i + 2;
  }
  if (!st.speaker && !a && !info.participle && i + 2 < n && AR_OFFICER_INDEF.has(toks[i + 1].norm) && toks[i + 2].gap <= 1) {
    // session 6: "نفى مصدر بوزارة X، …، وجود …" / "نفى مسؤول سعودي …": an unnamed officer of a named body or state
    // (test/gold/README: → that body or state); the officer's affiliation stands as the subject
    const at = /^(في|من|باسم)$/.test(toks[i + 2].norm) && i + 3 < n ? i + 3 : i + 2;
    const m = ctx.mAt[at];
    const body = m && m.first === at ? actorOf(ctx, at) : undefined;
    if (body && body.type !== 'location' && body.type !== 'person') {
      a = body;
      k = at;
    }
  }
  if (a && a.type !== 'location') {
    st.speaker = a;
    st.speakerText = mentionText(ctx, k);
    st.explicit = true;
    st.spTok = k;
    k = ctx.mAt[k]!.last + 1;
    // joint subjects (اتهمت السعودية والإمارات قطر): the object starts after the last coordinated actor
    for (const jp of jointPartners(ctx, st.spTok, a)) if (jp.last + 1 > k) k = jp.last + 1;
    // session 6: a comma-set aside after the subject ("نفى X، في تصريحات خاصة، وجود …") ends at its closing comma
    // (session 7: brackets inside the aside — "، في بيان تلقت (بترا) نسخة منه، من" — neither close it nor make the
    // bracketed agency a stop: only a comma closes it)
    if (k < n && toks[k].gap === 2 && doc.sentOf[k] === sent)
      for (let r = k + 1; r < Math.min(n, k + 9) && doc.sentOf[r] === sent; r++) {
        const bracket = /[()]/.test(toks[r].sep) && !/[,،]/.test(toks[r].sep);
        if (arVerbOf(toks[r]) || AR_COMP.has(toks[r].norm) || (ctx.mAt[r] && !/\(/.test(toks[r].sep)) || toks[r].gap > 2) break;
        if (toks[r].gap === 2 && !bracket) {
          k = r;
          break;
        }
      }
    while (k < n && doc.sentOf[k] === sent && (AR_ADVERBIAL.has(toks[k].norm) || toks[k].gap === 2)) {
      if (toks[k].gap === 2 && !AR_ADVERBIAL.has(toks[k].norm)) break;
      k++;
    }
  } else if (
    i > 0 &&
    // issue 11: a participle (واصفا، متهما) is never preceded by its own subject — "في وفاة X واصفا إياه" describes X;
    // it speaks for the sentence's subject (the pronoun branch below), as in arabicClaims
    !info.participle &&
    doc.sentOf[subjTok] === sent &&
    toks[i].gap <= 1 &&
    actorOf(ctx, subjTok) &&
    actorOf(ctx, subjTok)!.type !== 'location' &&
    // issue 11: the object of a preposition is no subject ("على حكومة X رفض المطالب" — it is up to X to reject)
    !prepObject(ctx, ctx.mAt[subjTok]!.first)
  ) {
    // subject-verb: "لكن حزب الشعوب نفى هذه الاتهامات"
    const ts2 = titledSubjOf();
    if (ts2) {
      st.speaker = ts2.person;
      st.speakerText = ts2.text;
    } else {
      st.speaker = actorOf(ctx, subjTok);
      st.speakerText = mentionText(ctx, subjTok);
      st.explicit = true;
      st.spTok = subjTok;
    }
    k = i + 1;
  } else if (i + 1 < n && AR_TITLE_WORDS.has(toks[i + 1].norm)) {
    // نفى المتحدث باسم الكرملين، دميتري بيسكوف، أي تورط
    for (let r = i + 2; r < Math.min(n, i + 12) && doc.sentOf[r] === sent; r++) {
      const mr = ctx.mAt[r];
      const ar = actorOf(ctx, r);
      // round 7: the name follows the title phrase (titles, definite modifiers, bodies, a comma); another noun first
      // ("اعتبر وزير الخارجية الألماني وفاة X …") means the title named nobody and X is the object
      if (
        !mr &&
        !/^(ال|لل|وال)/.test(toks[r].norm) &&
        !AR_TITLE_WORDS.has(toks[r].norm) &&
        !AR_PERSON_TITLES.has(toks[r].norm) &&
        toks[r].gap !== 2 &&
        toks[r].norm !== 'باسم'
      )
        break;
      if (mr && ar && ar.type === 'person' && mr.first === r) {
        if (mr.last + 1 < n && toks[mr.last + 1].gap <= 2) {
          st.speaker = ar;
          st.speakerText = mentionText(ctx, r);
          st.explicit = true;
          k = mr.last + 1;
          while (k < n && AR_ADVERBIAL.has(toks[k].norm) && doc.sentOf[k] === sent) k++;
        }
        break;
      }
    }
    if (!st.speaker && /^ال/.test(toks[i + 1].norm)) {
      // "أعلن الرئيس التركي، الأحد، الفوز": a definite role already introduced with a name
      const p = resolveDescription(ctx, i, 'person', toks[i + 1].norm);
      if (p && p.type === 'person' && personByTitle(ctx, toks[i + 1].norm, toks[i].start) === p) {
        st.speaker = p;
        st.speakerText = toks[i + 1].norm;
        k = i + 2;
        while (
          k < n &&
          doc.sentOf[k] === sent &&
          toks[k].gap <= 1 &&
          /^ال/.test(toks[k].norm) &&
          (ctx.mAt[k] ? actorOf(ctx, k)?.type === 'country' : /ي(ه)?$/.test(toks[k].norm))
        )
          k++;
        while (k < n && doc.sentOf[k] === sent && (AR_ADVERBIAL.has(toks[k].norm) || (toks[k].gap === 2 && AR_ADVERBIAL.has(toks[k].norm))))
          k++;
      }
    }
    if (!st.speaker) return false;
  } else if (info.participle) {
    st.speaker = resolveArPronoun(ctx, i, info.fem, true);
  } else if (!st.speaker && (info.kind === 'denial' || info.kind === 'accusation') && sameSentenceContinuation(ctx, i, info)) {
    // round 7: "وأوضحت X أن …، فيما نفت الادعاءات بأن …": a denial or accusation with no subject of its own, after a
    // claim of this sentence, continues that claim's speaker; its object follows
    st.speaker = resolveArPronoun(ctx, i, info.fem, false);
    if (!st.speaker) return false;
  } else if (!st.speaker) return false; // (set above: the pronoun subject of "واتهم X بـ…")
  if (!st.speaker || k >= n || doc.sentOf[k] !== sent) return false;
  while (k < n && doc.sentOf[k] === sent && AR_ADVERBIAL.has(toks[k].norm) && toks[k].norm !== 'من') k++;
  if (k >= n || doc.sentOf[k] !== sent) return false;
  let viaAbout = false;
  if (aboutAnn) {
    // عن right after the subject, or after a time phrase (أعلنت X الليلة الماضية عن)
    let r = k;
    while (r < Math.min(n, k + 3) && doc.sentOf[r] === sent && AR_ANN_TIME.test(toks[r].norm) && toks[r].gap <= 1) r++;
    if (r + 1 < n && toks[r].norm === 'عن' && doc.sentOf[r + 1] === sent && toks[r + 1].gap <= 1) {
      // announcing one's own act is not a claim (GOLD-GUIDELINES: plain actions): a derived-form verbal noun (تنظيم،
      // إطلاق، افتتاح، استئناف), a plan or intent noun, or a noun with a possessive pronoun (عن استقالته، عن قلقها)
      const w = toks[r + 1].norm;
      const raw = doc.src.slice(toks[r + 1].start, toks[r + 1].end);
      if (AR_ACTION_MASDAR.test(w) || AR_PLAN_NOUNS.test(w) || /(ه|ها|هم|هما)$/.test(raw) || AR_COMP.has(w)) return false;
      k = r + 1;
      viaAbout = true;
    }
  }
  if (!viaAbout && !factAnn && !(info.objectText || info.kind === 'denial' || info.kind === 'accusation' || info.kind === 'warning'))
    return false;
  if (factAnn && !viaAbout && !AR_FACT_MASDAR.test(toks[k].norm)) return false;
  if (info.kind === 'warning') {
    // warn-of: "حذر X من ..." (من may already have been skipped as an adverbial)
    if (toks[k].norm === 'من') {
      if (k + 1 >= n || doc.sentOf[k + 1] !== sent) return false;
      k++;
    } else if (!(k > i + 1 && toks[k - 1].norm === 'من') && !warnedObject(ctx, k, sent)) return false;
  }
  // "رفضت X الإدلاء بتعليق / التعليق": declining to speak is not a rejection of a statement
  if (/^(رفض|رفضت|يرفض|ترفض|رافضا|رافضه|رفضوا)$/.test(vv.verb) && AR_DECLINE_ACTS.has(toks[k].norm)) return false;
  // a fronted adverbial phrase before the object ("نفى خلال خطاب في 20 نوفمبر، إرسال أسلحة")
  if (/^(خلال|في|اثناء|امام|عبر)$/.test(toks[k].norm)) {
    for (let r = k + 1; r < Math.min(n, k + 9) && doc.sentOf[r] === sent; r++)
      if (toks[r].gap === 2) {
        if (r + 1 < n && doc.sentOf[r] === sent) k = r;
        break;
      }
  }
  st.contentStart = toks[k].start;
  {
    const qi = toks[k].sep.search(/["\u201C\u00AB]/);
    if (qi >= 0) st.contentStart = toks[k].start - toks[k].sep.length + qi;
  } // keep an opening quote
  // "تنفيه" (pronoun object) is a nominal relative, skip
  return true;
}
