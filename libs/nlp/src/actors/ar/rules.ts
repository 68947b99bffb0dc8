// Arabic actors, rule phase: titled persons ("الرئيس التركي رجب طيب أردوغان"), subjects of reporting verbs,
// organisations by their heads ("وزارة ...", "حركة ...").

import type { ActorType } from '@marsad/contracts';
import {
  AR_ADJ_STOP,
  AR_ADVERBIAL,
  AR_COMMON_NOT_NAME,
  AR_COMP,
  AR_DAYS,
  AR_GROUP_HEADS,
  AR_GROUP_NOUNS,
  AR_NAME_CONNECT,
  AR_NAME_STOP,
  AR_NOT_FIRST_NAME,
  AR_NOT_NAME_AFTER_HEAD,
  AR_ORG_HEADS,
  AR_ORG_HEADS_DEF,
  AR_PERSON_TITLES,
  AR_STOP,
  AR_TITLE_LIKE,
  AR_VERBS,
} from '../../lexicon/ar';
import { type CliticVariant, tokenVariants } from '../../text';
import {
  arCoordinatedNext,
  arDefHeadAfterTitle,
  arDescriptiveHead,
  arEndsName,
  arHeadAfterTitleNamesBody,
  arHeadComplementNotName,
  arHeadKeptInName,
  arIsNisba,
  arAdjectiveShape,
} from '../cues';
import { addRule, type ExtractCtx, offsetAfter, ruleActorId, uncover } from '../shared';
import { CAPITALS } from '../../lexicon/shared';
import { AR_CORPUS_COMMON } from '../../lexicon/ar-common';
import { AR_FIRST_NAME_GENDER } from './given-names';
import { arDefiniteSeatName, arSeatTail } from './seat';
import { arNameRun, arVerbOf, MAY_ORG_HEAD, MAY_ORG_HEAD_DEF, MAY_TITLE, skipTitleModifiers } from './names'; /**
 * TITLE [modifiers] [،] NAME after a title word at token i: the last token of the person's name when one was added,
 * -1 to skip token i, -2 when the other rules should look at it. Its own function so that the first use of one of its
 * rare paths deoptimises only this rule, not all of arabicRuleActors (which was recompiled ~3 times per process).
 */
function arTitledPerson(ctx: ExtractCtx, i: number): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  // TITLE [modifiers] [،] NAME
  let q = skipTitleModifiers(ctx, i + 1);
  if (q < 0) return -1;
  // apposition after a longer title phrase: "مديرة وحدة استخبارات التهديدات في الشركة، كلارا فيشر، إن"
  let appos = false;
  if (q < n && toks[q].gap !== 2) {
    for (let r = q + 1; r < Math.min(n, i + 12); r++) {
      // (session 7: a comma, not a bracket: "الدكتور X لوكالة الأنباء الأردنية (بترا) إن" has no apposition)
      const commaSep = (toks[r].gap === 2 || toks[r].gap === 4) && /[،,]/.test(toks[r].sep);
      if (toks[r].gap >= 3 && !commaSep && !(toks[r].gap === 4)) break;
      if (cover[r] && ctx.set.byId.get(cover[r]!)?.type === 'person') break;
      if (!commaSep) continue;
      const e2 = arNameRun(ctx, r, 4);
      if (e2 > r || (e2 === r && toks[r].norm.length >= 4)) {
        const after = e2 + 1 < n ? toks[e2 + 1] : undefined;
        if (!after || after.gap === 2 || AR_COMP.has(after.norm) || !!arVerbOf(after)) {
          q = r;
          appos = true;
        }
      }
      break;
    }
  }
  // (an apposition may follow a quoted name: شركة "بيمكو"، يواكيم فيلس،)
  if (q < n && (toks[q].gap <= 2 || appos)) {
    let e = arNameRun(ctx, q);
    // TITLE + first name + ال-surname (وزير الطاقة خالد الفالح،): the surname closes the name before a boundary
    if (
      e === q &&
      e + 1 < n &&
      toks[e + 1].gap <= 1 &&
      !cover[e + 1] &&
      /^ال/.test(ctx.doc.src.slice(toks[e + 1].start, toks[e + 1].end)) &&
      toks[e + 1].norm.length >= 5 &&
      !AR_DAYS.has(toks[e + 1].norm) &&
      !AR_ADJ_STOP.has(toks[e + 1].norm) &&
      !AR_STOP.has(toks[e + 1].norm) &&
      !AR_PERSON_TITLES.has(toks[e + 1].norm) &&
      !arVerbOf(toks[e + 1])
    ) {
      const nx = e + 2 < n ? toks[e + 2] : undefined;
      // (issue 11, round 6: or a title in apposition without a comma: "الدكتورة هالة السعيد وزيرة التخطيط"; إلى أن after أشار)
      if (
        !nx ||
        nx.gap >= 2 ||
        AR_COMP.has(nx.norm) ||
        !!arVerbOf(nx) ||
        (nx.gap <= 1 && AR_PERSON_TITLES.has(nx.norm)) ||
        (nx.norm === 'الي' && e + 3 < n && AR_COMP.has(toks[e + 3].norm))
      )
        e++;
    }
    if (e >= q) {
      const single = e === q;
      const after = e + 1 < n ? toks[e + 1] : undefined;
      const okEnd =
        !single ||
        !after ||
        after.gap >= 2 ||
        AR_COMP.has(after.norm) ||
        AR_NAME_STOP.has(after.norm) ||
        !!arVerbOf(after) ||
        AR_ADVERBIAL.has(after.norm) ||
        after.norm.startsWith('ل');
      const adjAfterTitle = single && toks[q].gap <= 1 && /(ي|ا)$/.test(toks[q].norm);
      // (session 7: across a comma, one word in -ا is an adverbial accusative, "للمدرب المقال، استعدادا لـ…", not a name)
      const advAfterComma = single && !appos && toks[q].gap === 2 && toks[q].norm.endsWith('ا') && !AR_FIRST_NAME_GENDER.has(toks[q].norm);
      // (session 7: الفريق is a rank and "the team": "إن الفريق جاهز" — one word after it is a name only if a known given name)
      const teamNotRank =
        single && !AR_FIRST_NAME_GENDER.has(toks[q].norm) && tokenVariants(toks[i]).some((v) => v.form === 'الفريق' || v.form === 'فريق');
      if (okEnd && (!single || toks[q].norm.length >= 3) && !adjAfterTitle && !advAfterComma && !teamNotRank) {
        for (let k = q; k <= e; k++) if (cover[k]) uncover(ctx, k);
        const name = doc.src.slice(toks[q].start, toks[e].end);
        const a = addRule(ctx, 'person', name, q, e);
        a.nameToks = toks.slice(q, e + 1).map((x) => x.norm);
        return e;
      }
    }
  }
  return -2;
}

/**
 * VERB NAME (verb-subject order) after the reporting verb at token i: the last token of the name when an actor was
 * added, else -1. Its own function for the same reason as arTitledPerson.
 */
function arVerbSubject(ctx: ExtractCtx, i: number, verb: { verb: string; strip: number }): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  // VERB NAME (verb-subject order), the name followed by a comma, complementiser, adverbial or colon
  const q = i + 1;
  // issue 11 (names): "قال أكبر الباكر، الرئيس التنفيذي لـ…": a title apposition after the comma marks the run as a
  // person's name even when a token is also a common word
  const ap = arNameBeforeTitle(ctx, q);
  if (ap > q) {
    const name = doc.src.slice(toks[q].start, toks[ap].end);
    for (let k = q; k <= ap; k++) if (cover[k]) uncover(ctx, k);
    const a = addRule(ctx, 'person', name, q, ap);
    a.nameToks = toks.slice(q, ap + 1).map((x) => x.norm);
    return ap;
  }
  let e = arNameRun(ctx, q, 3);
  // "قال جمال الفضل، ..." / "قال محمد الحلبوسي إن": first name + ال-surname, closed by a comma or a complementiser
  if (
    e === q &&
    q + 2 < n &&
    !cover[q + 1] &&
    toks[q + 1].gap <= 1 &&
    !AR_NOT_FIRST_NAME.test(toks[q].norm) &&
    !AR_GROUP_NOUNS.has(toks[q].norm)
  ) {
    const s1 = toks[q + 1];
    const raw1 = doc.src.slice(s1.start, s1.end);
    const nx = toks[q + 2];
    if (
      /^ال/.test(raw1) &&
      s1.norm.length >= 5 &&
      !/ة$/.test(raw1) &&
      !AR_DAYS.has(s1.norm) &&
      !AR_ADJ_STOP.has(s1.norm) &&
      !AR_STOP.has(s1.norm) &&
      !AR_PERSON_TITLES.has(s1.norm) &&
      !arVerbOf(s1) &&
      !AR_ORG_HEADS_DEF.has(s1.norm) &&
      (nx.gap === 2 || AR_COMP.has(nx.norm))
    )
      e = q + 1;
  }
  if (e >= q) {
    const after = e + 1 < n ? toks[e + 1] : undefined;
    const okEnd =
      !after ||
      after.gap >= 2 ||
      AR_COMP.has(after.norm) ||
      AR_ADVERBIAL.has(after.norm) ||
      after.norm === 'في' ||
      (after.norm.startsWith('ل') && after.norm.length > 3) ||
      AR_PERSON_TITLES.has(after.norm) ||
      (e > q && (AR_COMMON_NOT_NAME.has(after.norm) || AR_TITLE_LIKE.test(after.norm)));
    const w1 = toks[q].norm;
    const singleBad =
      e === q &&
      ((/^[لب]/.test(w1) && w1.length <= 5) ||
        (/(ه|ها|هم|هما)$/.test(w1) && w1.length > 4) ||
        (/^م/.test(w1) && w1.length <= 5) ||
        /^س[تين]/.test(w1) ||
        /ا$/.test(w1) ||
        w1.length < 4);
    if (okEnd && w1.length >= 3 && !singleBad) {
      const fem = AR_VERBS.get(verb.verb)!.fem;
      const type: ActorType = e > q ? 'person' : fem ? 'organization' : 'person';
      const name = doc.src.slice(toks[q].start, toks[e].end);
      const a = addRule(ctx, type, name, q, e);
      if (type === 'person') a.nameToks = toks.slice(q, e + 1).map((x) => x.norm);
      return e;
    }
  }
  return -1;
}

/** Adjectives of company names (global, international, holding, limited), never a country. */
const AR_CORPORATE_ADJ = new Set('العالميه العالمي الدوليه الدولي القابضه القابض المحدوده المحدود'.split(' '));

/**
 * session 7b: a firm's field after its construct name (شركة X الشمال للصناعات): a closed list, for a ل-phrase after a
 * firm is as often the verb's beneficiary (قدمت شركة مياه الشمال للمشتركين عروضا).
 */
const AR_FIRM_FIELDS = new Set(
  `للصناعات للصناعه للاستثمار للتطوير للتامين للخدمات للاتصالات للتجاره للطاقه للنقل للمقاولات للتقنيه للاغذيه للانشاءات
للتعدين للبتروكيماويات للاسمنت للتمويل للاستشارات للسياحه للعقارات للطيران للشحن للملاحه للادويه للكهرباء للتكنولوجيا للالبان
للحديد للصلب`.split(/\s+/),
);

/** ل + a remit noun, inside an organisation's name (لحقوق الإنسان، لشؤون اللاجئين، لتحرير فلسطين). */
/** Heads (folded) of media outlets: a quoted name after them is the outlet. */
const AR_MEDIA_HEADS = new Set('صحيفه جريده قناه موقع وكاله مجله اذاعه تلفزيون شبكه'.split(' '));
/** Honorifics and ranks (folded) that stand before a person's name, never inside a body's name after its first word. */
const AR_HONORIFIC_BEFORE_NAME = new Set(
  'الدكتور الدكتوره المهندس المهندسه الاستاذ الاستاذه اللواء العميد العقيد الفريق المشير المقدم الرائد النقيب الشيخ الشيخه الامير الاميره المستشار المستشاره'.split(
    ' ',
  ),
);
const AR_REMIT_NOUNS = new Set('لحقوق لشوون لتحرير لغوث لاغاثه لتنميه لمكافحه لرعايه لحمايه'.split(' '));

/**
 * صحيفة "واشنطن بوست"، شركة «أرامكو»: the quoted name after the organisation head at i0, opening at qStart. Adds it and
 * returns its last token, or -1 when it is no name. A function of its own so that a branch first taken after the
 * warm-up deoptimises it, not the whole of arabicRuleActors (ADR 0022).
 */
function arQuotedOrgName(ctx: ExtractCtx, i0: number, qStart: number, head: CliticVariant): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  const i = qStart - 1;
  let e = i + 1;
  while (e + 1 < n && e - i < 5 && toks[e + 1].gap <= 1) e++;
  const closeOk = e + 1 >= n || /^["»\u201D]/.test(toks[e + 1].sep.trimStart()) || /["»\u201D]/.test(toks[e + 1].sep);
  const inner = toks.slice(i + 1, e + 1);
  const nameLike = inner.every(
    (x) =>
      (x.script === 'arabic' || x.script === 'latin') &&
      // (a nisba adjective in يه is no name; a quoted one-word name may end in يا: "نفيديا"، "نوكيا")
      !(/يه$/.test(x.norm) || (/يا$/.test(x.norm) && (e > i + 1 || x.norm.length < 5))) &&
      !AR_COMMON_NOT_NAME.has(x.norm) &&
      !/^(جدا|كثيرا|للغايه)$/.test(x.norm) &&
      !/[\u064B-\u064D]/.test(doc.src.slice(x.start, x.end)),
  );
  if (closeOk && nameLike && !(i0 > 0 && cover[i0 - 1])) {
    const covered = cover[i + 1] && ctx.set.byId.get(cover[i + 1]!);
    // issue 11 (aractors2): a quoted name after صحيفة/قناة/موقع/وكالة… is the outlet even when the KB takes its first word
    // for a state or a city (صحيفة «المصري اليوم»، جريدة «الرياض»); a KB organisation stays itself
    const outletOverPlace = !!covered && AR_MEDIA_HEADS.has(head.form) && (covered.type === 'country' || covered.type === 'location');
    if ((outletOverPlace || !(covered && covered.source === 'kb')) && !cover[i + 1]?.startsWith('skip:')) {
      for (let k = i + 1; k <= e; k++) if (cover[k]) uncover(ctx, k);
      const name = doc.src.slice(toks[i + 1].start, toks[e].end);
      addRule(ctx, AR_GROUP_HEADS.has(head.form) ? 'group' : 'organization', name, i + 1, e);
    }
    return e;
  }
  return -1;
}

/**
 * The definite construct after the organisation head at i (حزب العدالة والتنمية / وزارة الخارجية السعودية / مجلس الأمن):
 * its last token, or i when none. A function of its own so that a branch first taken after the warm-up deoptimises
 * this walk, not the whole of arabicRuleActors (ADR 0022).
 */
function arDefiniteEnd(ctx: ExtractCtx, i: number, head: CliticVariant): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  let q = i + 1;
  let defEnd = i;
  while (q < n && toks[q].gap <= 1 && q - i <= 4) {
    const w2 = toks[q].norm;
    if (cover[q]?.startsWith('skip:')) break; // (a title before a person, a common word)
    if (q === i + 1 && /^لل/.test(w2)) break; // "منظمة للدفاع عن ...": a description
    // issue 11 (session 6): an honorific or rank before a person ends the body's name ("مدير جامعة القصيم الدكتور X")
    if (q > i + 1 && AR_HONORIFIC_BEFORE_NAME.has(w2)) break;
    // issue 11 (cues): traffic (حركة المسافرين), outside modifiers (المكلف، الذي), a second body after و
    if (q === i + 1 && arHeadComplementNotName(head.form, w2)) break;
    if (arEndsName(w2) || (q > i + 1 && arCoordinatedNext(toks[q - 1].norm, w2))) break;
    // after a nisba adjective (الإثيوبية، السعودية) a plain definite noun starts the next phrase: "وزارة الخارجية
    // الإثيوبية البيان" (rejected the statement)
    if (/^(التابعه|التابع|التابعين|التابعتين)$/.test(w2)) break; // "بعثة المراقبة التابعة لـ X": an affiliation follows
    if (q > i + 2 && /^ال.*ي(ه)?$/.test(toks[q - 1].norm) && toks[q - 1].norm.length >= 6 && /^ال/.test(w2) && !/ي(ه)?$/.test(w2)) break;
    // (AR_STOP: إلى folds to الي, an ال-word in shape only — "تقييم اللجنة إلى")
    // session 7: after two definite words only an adjective continues the name (the construct closed at the first)
    if (q > i + 2 && w2.startsWith('ال') && toks[q - 1].norm.startsWith('ال') && !arAdjectiveShape(w2)) break;
    if ((w2.startsWith('ال') || /^وال/.test(w2) || /^لل/.test(w2)) && !AR_DAYS.has(w2) && !AR_ADJ_STOP.has(w2) && !AR_STOP.has(w2)) {
      defEnd = q;
      q++;
      continue;
    }
    // issue 11: a ل-complement that names the body's remit (مفوضية الأمم المتحدة لحقوق الإنسان، الجبهة الشعبية لتحرير
    // فلسطين) belongs to the name: the remit noun and its definite complement
    if (
      q === defEnd + 1 &&
      q > i + 1 &&
      AR_REMIT_NOUNS.has(w2) &&
      q + 1 < n &&
      toks[q + 1].gap <= 1 &&
      (toks[q + 1].norm.startsWith('ال') || (cover[q + 1] && ctx.set.byId.get(cover[q + 1]!)?.type === 'country'))
    ) {
      defEnd = q + 1;
      q += 2;
      continue;
    }
    if (
      cover[q] &&
      q === defEnd + 1 &&
      q > i + 1 &&
      ctx.set.byId.get(cover[q]!)?.source === 'rule' &&
      ctx.set.byId.get(cover[q]!)?.type !== 'person'
    ) {
      defEnd = q;
      q++;
      continue;
    }
    break;
  }
  return defEnd;
}

/**
 * HEAD + common noun + country adjective + NAME (issue 11, cues round 5): the last token taken when the name after the
 * description is the actor ("وكالة الأنباء الروسية نوفوستي"), else -1. Its own function: a first-time branch here
 * deoptimised arabicRuleActors (ADR 0022).
 */
function arDescribedName(ctx: ExtractCtx, i: number, defEnd: number, head: CliticVariant, isGroup: boolean, afterTitle: boolean): number {
  if (defEnd >= i + 2 && !isGroup && arDescriptiveHead(head.form) && describedBeforeName(ctx, i, defEnd)) {
    const app = arAppositionName(ctx, defEnd + 1, afterTitle);
    if (app !== -2) return app >= 0 ? app : defEnd;
  }
  return -1;
}

export function arabicRuleActors(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  // issue 11 (round 5): a title phrase skipped by an apposition ("خبير في شركة "X"، NAME،") is revisited for
  // organisation heads only, up to the person (orgOnlyUntil), then the loop resumes after the person (resumeAt)
  let orgOnlyUntil = -1;
  let resumeAt = -1;
  for (let i = 0; i < n; i++) {
    if (resumeAt >= 0 && i >= orgOnlyUntil) {
      if (i <= resumeAt) i = resumeAt + 1;
      orgOnlyUntil = resumeAt = -1;
      if (i >= n) break;
    }
    const orgOnly = i < orgOnlyUntil;
    const t = toks[i];
    if (t.script !== 'arabic') continue;
    const w = !orgOnly && MAY_TITLE(t.norm) ? tokenVariants(t).find((v) => AR_PERSON_TITLES.has(v.form))?.form : undefined;
    const verb = orgOnly ? undefined : arVerbOf(t);
    if (w && (!cover[i] || ctx.set.byId.get(cover[i]!)?.type === 'organization')) {
      const r = arTitledPerson(ctx, i);
      if (r !== -2) {
        if (r >= 0) {
          const pid = cover[r];
          const ps = pid ? ctx.set.byId.get(pid)?.mentions.find((m) => m.field === doc.field && m.last === r)?.first : undefined;
          if (ps !== undefined && ps > i + 3) {
            // (a title right before the person is no part of a body's name: "لحركة الجهاد الشيخ X")
            let p0 = ps;
            while (p0 > i + 1 && !cover[p0 - 1] && tokenVariants(toks[p0 - 1]).some((v) => AR_PERSON_TITLES.has(v.form))) {
              p0--;
              cover[p0] = 'skip:title';
            }
            orgOnlyUntil = p0;
            resumeAt = r;
            continue;
          }
          i = r;
        }
        continue;
      }
    }
    if (verb && i + 1 < n && !cover[i + 1] && toks[i + 1].gap <= 1) {
      const e = arVerbSubject(ctx, i, verb);
      if (e >= 0) {
        i = e;
        continue;
      }
    }
    // organisations: HEAD + name
    let head = MAY_ORG_HEAD(t.norm) ? tokenVariants(t).find((v) => AR_ORG_HEADS.has(v.form)) : undefined;
    // (session 7: نادي "club" folds like the verb نادى "called for": only the written ي is the head)
    if (head?.form === 'نادي' && doc.src.charCodeAt(t.end - 1) !== 0x064a) head = undefined;
    // شركة تحليلات البلوك تشين "تشيناليسس": up to three descriptor words between the head and a quoted name
    let qStart = i + 1;
    if (head && !head.def) {
      for (let r = i + 1; r < Math.min(n, i + 5); r++) {
        if (toks[r].gap === 4 && /["«\u201C]\s*$/.test(toks[r].sep)) {
          qStart = r;
          break;
        }
        if (
          toks[r].gap > 1 ||
          (cover[r] && ctx.set.byId.get(cover[r]!)?.type !== 'country') ||
          toks[r].script !== 'arabic' ||
          arVerbOf(toks[r]) ||
          AR_COMP.has(toks[r].norm) ||
          AR_STOP.has(toks[r].norm)
        )
          break;
      }
    }
    // (issue 11, round 5: أجهزة "X" are devices of a make, a product, unless a security service is named)
    if (
      head &&
      !head.def &&
      qStart < n &&
      toks[qStart].gap === 4 &&
      /["«\u201C]\s*$/.test(toks[qStart].sep) &&
      !(qStart === i + 1 && arHeadComplementNotName(head.form, toks[qStart].norm))
    ) {
      // صحيفة "واشنطن بوست"، شركة «أرامكو»: a quoted name after an organisation head
      const e = arQuotedOrgName(ctx, i, qStart, head);
      if (e >= 0) {
        i = e;
        continue;
      }
    }
    const afterTitle =
      i > 0 &&
      (AR_PERSON_TITLES.has(toks[i - 1].norm) ||
        (MAY_TITLE(toks[i - 1].norm) && tokenVariants(toks[i - 1]).some((x) => AR_PERSON_TITLES.has(x.form))));
    // issue 11 (cues): after a title, an explicit head names a body of its own (رئيس منظمة X)
    const headOk = !afterTitle || (!!head && arHeadAfterTitleNamesBody(head.form, i + 1 < n ? toks[i + 1].norm : undefined));
    if (head && !head.def && headOk && !cover[i] && i + 1 < n && toks[i + 1].gap <= 1) {
      let defEnd = arDefiniteEnd(ctx, i, head);
      // (session 7: a club is named by one word, نادي الريان; a definite word after it is the verb's object: "يستضيف نادي
      // الريان المعسكر")
      if (head.form === 'نادي' && defEnd > i + 1) defEnd = i + 1;
      const isGroup = AR_GROUP_HEADS.has(head.form);
      const described = arDescribedName(ctx, i, defEnd, head, isGroup, afterTitle);
      if (described >= 0) {
        i = described;
        continue;
      }
      // session 7b: a local body's seat closes its name (جمعية المصارف في لبنان: a name, not a description)
      if (defEnd > i) defEnd = arSeatTail(ctx, head.form, defEnd);
      if (
        defEnd > i &&
        defEnd === i + 1 &&
        /^(شركه|مجموعه|موقع|قناه|صحيفه|جريده|منتدي|مركز|موسسه|مكتب|شبكه|اذاعه|تلفزيون|بنك|مصرف|صندوق|جمعيه|مرصد|معهد)$/.test(head.form) &&
        !familyNamedBank(ctx, head.form, defEnd)
      ) {
        i = defEnd;
        continue; // "شركة الاستثمار": a description, not a name
      }
      if (defEnd > i) {
        // head + article words
        let s = t.start;
        const keep = head.def ? 2 : 0;
        if (head.strip - keep > 0) s = offsetAfter(doc.src, t, head.strip - keep);
        if (head.form === 'اداره') continue;
        const name = doc.src.slice(s, toks[defEnd].end);
        addRule(ctx, isGroup ? 'group' : 'organization', name, i, defEnd, s, toks[defEnd].end);
        i = defEnd;
        continue;
      }
      // issue 11 (cues): "مجلس إدارة X" is a board of directors of the company X, not an administration of a person
      if (head.form === 'اداره' && i > 0 && /^[وفلب]?(مجلس|لمجلس)$/.test(toks[i - 1].norm)) continue;
      if (head.form === 'اداره') {
        // إدارة بايدن: the person (the organisation "X administration" is added later)
        const e = arNameRun(ctx, i + 1, 2);
        if (e > i && toks[i + 1].norm.length >= 3) {
          const name = doc.src.slice(toks[i + 1].start, toks[e].end);
          const a = addRule(ctx, 'person', name, i + 1, e);
          a.nameToks = toks.slice(i + 1, e + 1).map((x) => x.norm);
          i = e;
        }
        continue;
      }
      // indefinite name (foreign name): شركة كاسبرسكي، وكالة رويترز، شركة طيران بيغاسوس
      let q2 = i + 1;
      if (
        q2 < n &&
        !cover[q2] &&
        ['طيران', 'النفط', 'نفط', 'انباء', 'الانباء', 'التكنولوجيا', 'الاتصالات'].includes(toks[q2].norm) &&
        q2 + 1 < n
      )
        q2++;
      if (cover[q2]) continue;
      if (AR_NOT_NAME_AFTER_HEAD.has(toks[q2].norm)) continue;
      if (head.form === 'مركز' && egyptianDistrict(ctx, i, q2)) continue;
      // issue 11 (round 5): after a preposition, موقع + a noun in construct with a definite noun is a place (إلى موقع
      // تحطم الطائرة، قرب موقع سقوط الصاروخ); a site's name takes an adjective, not a construct (على موقع X الإلكتروني),
      // and after a verb the definite noun may be the object (نشر موقع X الوثائق)
      if (
        head.form === 'موقع' &&
        i > 0 &&
        /^(الي|في|من|عند|قرب|حول|داخل|خارج|علي|نحو)$/.test(toks[i - 1].norm) &&
        q2 + 1 < n &&
        toks[q2 + 1].gap <= 1 &&
        toks[q2 + 1].norm.startsWith('ال') &&
        !arIsNisba(toks[q2 + 1].norm)
      )
        continue;
      if (arHeadComplementNotName(head.form, toks[q2].norm)) continue;
      // issue 11 (cues): head + indefinite noun + definite noun(s) is one construct name, head kept (هيئة كبار
      // العلماء، لجنة حقوق الإنسان العربية); a nisba right after the noun is an adjective of a foreign name instead
      let idafa = arIdafaEnd(ctx, i, q2);
      if (idafa > q2) {
        for (let k = q2 + 1; k <= idafa; k++) if (capitalAt(ctx, k)) uncover(ctx, k);
        // session 7b: a firm's field after لل closes its construct name as it does a kept-head name (شركة X الشمال
        // للصناعات الغذائية)
        if (
          head.form === 'شركه' &&
          idafa + 1 < n &&
          toks[idafa + 1].gap <= 1 &&
          !cover[idafa + 1] &&
          AR_FIRM_FIELDS.has(toks[idafa + 1].norm)
        ) {
          const f = ++idafa;
          while (idafa + 1 < n && idafa - f < 2 && toks[idafa + 1].gap <= 1 && !cover[idafa + 1] && arIsNisba(toks[idafa + 1].norm))
            idafa++;
        }
        idafa = arSeatTail(ctx, head.form, idafa);
        const s0 = head.strip ? offsetAfter(doc.src, t, head.strip) : t.start;
        addRule(ctx, isGroup ? 'group' : 'organization', doc.src.slice(s0, toks[idafa].end), i, idafa, s0, toks[idafa].end);
        i = idafa;
        continue;
      }
      if (afterTitle) continue; // after a title only a full construct names the body
      let e = arNameRun(ctx, q2, 3);
      // issue 11 (round 6): a given name followed by another name word opens a person after the body (مؤسسة كابيتال
      // إيكونوميكس جيمس سوانستون): the body ends before it
      for (let k = q2 + 1; k <= e; k++)
        if (
          AR_FIRST_NAME_GENDER.has(toks[k].norm) &&
          k + 1 < n &&
          toks[k + 1].gap <= 1 &&
          toks[k + 1].script === 'arabic' &&
          !cover[k + 1]
        ) {
          e = k - 1;
          break;
        }
      const w0 = toks[q2].norm;
      const adjLike =
        /يه$/.test(w0) ||
        (w0.length >= 5 && /ات$/.test(w0)) ||
        (e === q2 && /\u0629$/.test(doc.src.slice(toks[q2].start, toks[q2].end))) ||
        (w0.length <= 4 && /^[تي]/.test(w0) && e + 1 < n && /^(علي|الي|في|من|عن|ب|مع)$/.test(toks[e + 1].norm));
      if (e >= q2 && w0.length >= 3 && !adjLike) {
        if (arHeadKeptInName(head.form) && q2 === i + 1) {
          // issue 11 (cues, round 5): مركز كارنيغي، جامعة هارفارد: the head is part of the name, and so is a field after
          // لل with its adjectives (مركز X للأبحاث، معهد X للدراسات الاستراتيجية)
          let e2 = e;
          if (e2 + 1 < n && toks[e2 + 1].gap <= 1 && !cover[e2 + 1] && /^لل../.test(toks[e2 + 1].norm) && !arVerbOf(toks[e2 + 1])) {
            e2++;
            while (e2 + 1 < n && e2 - e < 3 && toks[e2 + 1].gap <= 1 && !cover[e2 + 1] && arIsNisba(toks[e2 + 1].norm)) e2++;
          }
          // session 7b: a corporate adjective closes a group's name as it does a foreign firm's (مجموعة X العالمية)
          if (e2 === e && e2 + 1 < n && toks[e2 + 1].gap <= 1 && !cover[e2 + 1] && AR_CORPORATE_ADJ.has(toks[e2 + 1].norm)) e2++;
          // session 7: the city closing the name is the body's seat (غرفة تجارة وصناعة أبوظبي), as in arIdafaEnd
          if (e2 === e && e2 + 1 < n && toks[e2 + 1].gap <= 1 && capitalAt(ctx, e2 + 1)) {
            e2++;
            uncover(ctx, e2);
          }
          e2 = arSeatTail(ctx, head.form, e2);
          const s0 = head.strip ? offsetAfter(doc.src, t, head.strip) : t.start;
          addRule(ctx, 'organization', doc.src.slice(s0, toks[e2].end), i, e2, s0, toks[e2].end);
          i = e2;
          continue;
        }
        // issue 11 (round 5): a corporate adjective after a foreign name is part of it (موانئ دبي العالمية، X القابضة);
        // a country adjective is not (شركة X الروسية)
        let e3 = e;
        if (e3 + 1 < n && toks[e3 + 1].gap <= 1 && !cover[e3 + 1] && AR_CORPORATE_ADJ.has(toks[e3 + 1].norm)) e3++;
        const name = doc.src.slice(toks[q2].start, toks[e3].end);
        addRule(ctx, isGroup ? 'group' : 'organization', name, q2, e3);
        i = e3;
      }
    }
    // definite organisation heads + nisba adjectives (الحكومة الروسية, الحزب الديمقراطي, المخابرات العسكرية الروسية)
    // session 7b: الغرفة التجارية بجدة — a definite local head named by its seat
    const ds = cover[i] ? -1 : arDefiniteSeatName(ctx, i);
    if (ds > i) {
      i = ds;
      continue;
    }
    const dh = MAY_ORG_HEAD_DEF(t.norm) ? tokenVariants(t).find((v) => AR_ORG_HEADS_DEF.has(v.form) && v.form.startsWith('ال')) : undefined;
    if (dh && (!afterTitle || arDefHeadAfterTitle(dh.form)) && !cover[i] && i + 1 < n && toks[i + 1].gap <= 1) {
      let q = i + 1;
      let e = i;
      let country = false;
      let nisba = false;
      while (q < n && toks[q].gap <= 1 && q - i <= 3) {
        const w2 = toks[q].norm;
        const isAdj = w2.startsWith('ال') && /(ي|يه)$/.test(w2) && !AR_ADJ_STOP.has(w2) && !AR_STOP.has(w2) && !arEndsName(w2); // (الذي ends in ي; إلى folds to الي)
        if (cover[q] && ctx.set.byId.get(cover[q]!)?.type === 'country') {
          country = true;
          e = q;
          q++;
          continue;
        }
        if (isAdj) {
          nisba = true;
          e = q;
          q++;
          continue;
        }
        break;
      }
      const strongHead = [
        'الحزب',
        'اللجنه',
        'المخابرات',
        'الاستخبارات',
        'الجيش',
        'البنك',
        'المجلس',
        'الاتحاد',
        'الكونغرس',
        'البرلمان',
      ].includes(dh.form);
      // issue 11 (names): "القوات السورية"، "الوكالة الكورية الشمالية"، "المنظمة الدولية" — a generic head with only
      // adjectives describes a body ("the Syrian forces", "the North Korean agency") without naming it; the nisba stays
      // the country and a claim resolves the description (ar/speaker.ts qualifiedDescription)
      const describes = /^(القوات|الوكاله|المنظمه)$/.test(dh.form) && !nisba; // (القوات الجوية الأمريكية names a branch)
      // issue 11 (session 6): the public prosecution is named by its status adjective (النيابة العامة، النيابة العسكرية،
      // الادعاء العام), a state body of every Arab country's court news
      if (
        e === i &&
        (dh.form === 'النيابه' || dh.form === 'الادعاء') &&
        i + 1 < n &&
        toks[i + 1].gap <= 1 &&
        !cover[i + 1] &&
        /^(العامه|العام|العسكريه|الاداريه)$/.test(toks[i + 1].norm)
      ) {
        e = i + 1;
        country = true;
      }
      // session 7: civil defence (الدفاع المدني), a state body in every Gulf and Levant incident report
      if (e === i && dh.form === 'الدفاع' && i + 1 < n && toks[i + 1].gap <= 1 && !cover[i + 1] && toks[i + 1].norm === 'المدني') {
        e = i + 1;
        country = true;
      }
      if (e > i && (country || (nisba && strongHead)) && !describes) {
        let s = t.start;
        if (dh.strip > 0) s = offsetAfter(doc.src, t, dh.strip);
        if (i + 1 < n && toks[i + 1].norm === 'الرئيس') continue;
        // issue 11: a fused لل (للحكومة السنغافورية) names the same body as its ال form — one actor, not two
        const raw = doc.src.slice(s, toks[e].end);
        const name = raw.startsWith('لل') ? 'ا' + raw.slice(1) : raw;
        const a = ctx.set.add(ruleActorId('organization', name), name, 'organization', 'rule');
        ctx.set.mention(a, { start: s, end: toks[e].end, first: i, last: e, field: doc.field });
        for (let k = i; k <= e; k++) if (!cover[k]) cover[k] = a.id;
        i = e;
      }
    }
  }
}

/** HEAD + one or two uncovered definite nouns + a country adjective at `last` (the shape of a description). */
function describedBeforeName(ctx: ExtractCtx, i: number, last: number): boolean {
  if (last - i > 3) return false;
  const c = ctx.cover[last];
  if (!c || ctx.set.byId.get(c)?.type !== 'country') return false;
  for (let k = i + 1; k < last; k++) if (ctx.cover[k] || !ctx.doc.toks[k].norm.startsWith('ال')) return false;
  return true;
}

/**
 * issue 11 (cues, round 5): a name in apposition at token k after a description: -2 when none; -1 when a KB body or a
 * Latin name follows (that actor stands, the description is dropped); else the last token of the organisation added
 * (a quoted name, or two or three plain name tokens ending at a boundary; not after a title, where a person's name
 * follows: "مدير شركة النفط الزاندرية سليم دراج").
 */
function arAppositionName(ctx: ExtractCtx, k: number, afterTitle: boolean): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  if (k >= n) return -2;
  const t = toks[k];
  const quoted = /["«\u201C]\s*$|''\s*$/.test(t.sep);
  if (t.gap > 1 && !quoted) return -2;
  if (cover[k]) {
    const a = ctx.set.byId.get(cover[k]!);
    return a && a.source === 'kb' && (a.type === 'organization' || a.type === 'group') ? -1 : -2;
  }
  if (t.script === 'latin') return t.caps > 0 ? -1 : -2;
  if (t.script !== 'arabic') return -2;
  if (quoted) {
    let e = k;
    while (e + 1 < n && e - k < 3 && toks[e + 1].gap <= 1 && !/'/.test(toks[e + 1].sep) && !cover[e + 1]) e++;
    const close = e + 1 >= n || /["»\u201D]|''/.test(toks[e + 1].sep);
    if (!close || toks.slice(k, e + 1).some((x) => AR_COMMON_NOT_NAME.has(x.norm) || AR_STOP.has(x.norm))) return -2;
    addRule(ctx, 'organization', doc.src.slice(t.start, toks[e].end), k, e);
    return e;
  }
  if (afterTitle || AR_FIRST_NAME_GENDER.has(t.norm)) return -2;
  const e = arNameRun(ctx, k, 3);
  if (e < k + 1) return -2;
  const after = e + 1 < n ? toks[e + 1] : undefined;
  if (after && after.gap <= 1 && !AR_COMP.has(after.norm) && !arVerbOf(after) && !AR_STOP.has(after.norm)) return -2;
  addRule(ctx, 'organization', doc.src.slice(t.start, toks[e].end), k, e);
  return e;
}

/**
 * issue 11 (session 6): a bank named by one definite word that is no common word is a name (مصرف الراجحي، بنك البلاد),
 * not a description like "بنك الاستثمار" (the corpus-frequency list holds such words; companies are left out: شركة الاستثمار).
 */
function familyNamedBank(ctx: ExtractCtx, head: string, k: number): boolean {
  if (!/^(بنك|مصرف)$/.test(head) || ctx.cover[k]) return false;
  const w = ctx.doc.toks[k].norm;
  return w.length >= 6 && !AR_CORPUS_COMMON.has(w) && !AR_ADJ_STOP.has(w) && !AR_DAYS.has(w) && !arVerbOf(ctx.doc.toks[k]);
}

/**
 * issue 11 (session 6): Egyptian local news names a district by مركز + one plain word ("في مركز أوسيم"، "التابعة لمركز
 * إمبابة"، "بدائرة مركز ملوي"): after a locative or a clitic ب/ل, a one-word name closed by punctuation or a governorate
 * phrase is a place, not a centre (research centres take a field: مركز كارنيغي للشرق الأوسط).
 */
function egyptianDistrict(ctx: ExtractCtx, i: number, q2: number): boolean {
  const toks = ctx.doc.toks;
  if (q2 !== i + 1 || toks[q2].norm.startsWith('ال')) return false;
  const raw = ctx.doc.src.slice(toks[i].start, toks[i].end);
  const locative = /^[وف]?[بل]/.test(raw) || (i > 0 && /^(في|وفي|دائره|بدائره|التابعه|التابع|قريه|بقريه|من)$/.test(toks[i - 1].norm));
  if (!locative) return false;
  // (a researcher "في مركز X" works at a centre)
  for (let k = Math.max(0, i - 3); k < i; k++) if (AR_PERSON_TITLES.has(toks[k].norm)) return false;
  const nx = q2 + 1 < toks.length ? toks[q2 + 1] : undefined;
  return !nx || nx.gap >= 2 || /^(محافظه|بمحافظه|التابع|التابعه|شمال|جنوب|شرق|غرب)$/.test(nx.norm);
}

/** Token k is a one-word KB country match written as its capital (القاهرة، الرياض، طهران). */
function capitalAt(ctx: ExtractCtx, k: number): boolean {
  const c = ctx.cover[k];
  if (!c) return false;
  const a = ctx.set.byId.get(c);
  // (or a city the KB knows as a place: محكمة جنايات الإسكندرية)
  if (a?.type === 'location') return a.mentions.some((m) => m.field === ctx.doc.field && m.first === k && m.last === k);
  return a?.type === 'country' && CAPITALS.has(ctx.doc.toks[k].norm);
}

/** issue 11 (cues): end of "HEAD N ال-X [ال-Y…]" (construct state) at q2, or q2 itself when it is not one. */
function arIdafaEnd(ctx: ExtractCtx, i: number, q2: number): number {
  const toks = ctx.doc.toks;
  const n = toks.length;
  if (q2 + 1 >= n || toks[q2 + 1].gap > 1 || (ctx.cover[q2 + 1] && !capitalAt(ctx, q2 + 1))) return q2;
  for (let k = i + 1; k <= q2; k++) if (toks[k].gap > 1) return q2;
  if (toks[i].norm.endsWith('موقع')) return q2; // موقع: a site (موقع تحطم الطائرة), not a construct name
  const w0 = toks[q2].norm;
  if (toks[q2].script !== 'arabic' || w0.length < 2 || AR_STOP.has(w0) || AR_NAME_STOP.has(w0) || arVerbOf(toks[q2]) || w0.startsWith('ال'))
    return q2;
  if (w0.length <= 4 && /^[يت]/.test(w0)) return q2; // a verb (تطور، يعمل), not a noun of the name
  const w1 = toks[q2 + 1].norm;
  const notNameWord = (w: string) =>
    AR_DAYS.has(w) || AR_ADJ_STOP.has(w) || arEndsName(w) || AR_PERSON_TITLES.has(w) || /^الم.*ه$/.test(w) || AR_STOP.has(w);
  // issue 11 (session 6): a capital closing the construct is the city in the body's name (محكمة جنايات القاهرة، محكمة
  // استئناف الرياض), not the state
  if (capitalAt(ctx, q2 + 1)) return q2 + 1;
  if (!w1.startsWith('ال') || arIsNisba(w1) || notNameWord(w1)) return q2;
  let e = q2 + 1;
  // (a country nisba closing the name is part of it: لجنة حقوق الإنسان الزاندرية; the country keeps its own mention)
  while (e + 1 < n && e - i < 6 && toks[e + 1].gap <= 1 && (!ctx.cover[e + 1] || ctx.set.byId.get(ctx.cover[e + 1]!)?.type === 'country')) {
    const w = toks[e + 1].norm;
    if (!(w.startsWith('ال') || w.startsWith('وال')) || notNameWord(w)) break;
    if (w.startsWith('ال') && toks[e].norm.startsWith('ال') && !arAdjectiveShape(w) && !ctx.cover[e + 1]) break; // (session 7)
    if (arCoordinatedNext(toks[e].norm, w)) break;
    e++;
  }
  return e;
}

/** Words of a title apposition after a name (الرئيس التنفيذي، المتحدث باسم، مدير، رئيس قسم), ال and و/ف stripped. */
function arAppositionTitle(norm: string): boolean {
  const w = norm.startsWith('ال') ? norm.slice(2) : norm;
  return AR_PERSON_TITLES.has(norm) || AR_PERSON_TITLES.has(w) || AR_PERSON_TITLES.has('ال' + w) || AR_TITLE_LIKE.test(w);
}

/**
 * issue 11 (names): end of a 2–3 token name at q closed by a comma and a title apposition ("أكبر الباكر، الرئيس
 * التنفيذي", or "… وهو متحدث …"), or -1. Every token must be a plain Arabic word: not covered, not a verb, function word, title or head,
 * without tanween or an attached pronoun; only the last may carry ال (a surname) unless a connector precedes it.
 */
export function arNameBeforeTitle(ctx: ExtractCtx, q: number): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  if (q >= n || toks[q].gap > 1) return -1;
  for (let r = q + 1; r <= q + 2 && r + 1 < n; r++) {
    const t = toks[r];
    if (t.gap > 1) return -1;
    const nx = toks[r + 1];
    // "، TITLE" or "وهو/وهي TITLE" (قال ياروسلاف شيبورني وهو متحدث عسكري)
    const huwa = nx.gap <= 1 && (nx.norm === 'وهو' || nx.norm === 'وهي') && r + 2 < n && toks[r + 2].gap <= 1;
    if (!(nx.gap === 2 && arAppositionTitle(nx.norm)) && !(huwa && arAppositionTitle(toks[r + 2].norm))) continue;
    for (let k = q; k <= r; k++) {
      const x = toks[k];
      const w = x.norm;
      const raw = doc.src.slice(x.start, x.end);
      if (x.script !== 'arabic' || w.length < 2 || cover[k]) return -1;
      if (AR_STOP.has(w) || AR_NAME_STOP.has(w) || AR_COMP.has(w) || AR_ADVERBIAL.has(w) || arVerbOf(x)) return -1;
      if (AR_PERSON_TITLES.has(w) || AR_ORG_HEADS.has(w) || AR_ORG_HEADS_DEF.has(w) || AR_GROUP_NOUNS.has(w)) return -1;
      if (/[\u064B-\u064D]/.test(raw) || /^(لل|بال|وال|فال|كال)/.test(raw)) return -1;
      if (raw.length >= 5 && /(\u0647|\u0647\u0627|\u0647\u0645)$/.test(raw) && !/الله$/.test(raw)) return -1;
      if (raw.startsWith('ال') && k < r && !AR_NAME_CONNECT.has(toks[k + 1].norm)) return -1;
      if (raw.startsWith('ال') && k === q) return -1;
      if (k === q && (AR_NOT_FIRST_NAME.test(w) || /ة$/.test(raw))) return -1;
    }
    return r;
  }
  return -1;
}
