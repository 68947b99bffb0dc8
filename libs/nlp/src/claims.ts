// Claim extraction — who said what — for Arabic and English, over prepared documents.

import type { ActorAcc, ActorSet, MentionX } from './actors';
import { arVerbOf } from './actors';
import { tokenAt, type Doc } from './doc';
import {
  AR_ADVERBIAL,
  AR_COMP,
  AR_PERSON_TITLES,
  AR_DESCRIPTIONS,
  AR_VERBS,
  type ArVerb,
  EN_DESCRIPTIONS,
  EN_OBJ_VERBS,
  EN_PRONOUNS,
  EN_VERB,
  EN_VERB_OR_CLAIM,
  set,
} from './lexicon';
import { arabicVariants, foldText, inSpans, type CliticVariant } from './text';
import { discourseOf, inferGenders, type EngineView } from './discourse';
import { arabicAttribution, arabicNested } from './attribution-ar';
import { englishAttribution, type EnglishEngineView } from './attribution-en';

export interface ClaimX {
  speaker: { actorId?: string; name: string; text: string };
  verb: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  quoted: boolean;
  actorIds: string[];
  /** token index of the verb (ordering) */
  at: number;
  /** which extraction rule produced it (for diagnostics) */
  rule: string;
  /** grammatical gender of the reporting verb, when the language marks it (Arabic قال/قالت; English he/she) */
  fem?: boolean;
}

interface Ctx {
  doc: Doc;
  set: ActorSet;
  /** token → mention covering it */
  mAt: (MentionX | undefined)[];
  claims: ClaimX[];
  usedQuotes: Set<number>;
  /** actors in mention order (token index), for back-reference resolution */
  order: MentionX[];
  /** the rule that is producing claims (diagnostics: each claim carries it) */
  rule: string;
  /** role words seen right before person mentions: folded title (article stripped) → [{ pos, actor }] */
  titles: Map<string, { pos: number; actor: ActorAcc }[]>;
  /** actor id → role words it was introduced with */
  titleOf: Map<string, Set<string>>;
}

const TITLE_KEYS =
  set(`رئيس رئيسه وزير وزيره متحدث متحدثه ناطق ناطقه نائبه سفير سفيره مستشار مستشاره امين زعيم ملك امير نائب مدير مديره قائد مبعوث مندوب عمده محافظ حاكم
president minister secretary spokesman spokeswoman chancellor ambassador leader chairman chief director governor mayor envoy king prince premier`);

/** Remember which person each role word introduced ("الرئيس التركي رجب طيب أردوغان", "Prime Minister Tony Blair"). */
function collectTitles(ctx: Ctx): void {
  const toks = ctx.doc.toks;
  for (const m of ctx.order) {
    const a = ctx.set.byId.get(m.actorId);
    if (!a || a.type !== 'person') continue;
    if (!a.gender && m.first > 0 && toks[m.first].gap <= 1) {
      const h = toks[m.first - 1].norm;
      if (/^(mr|sir|lord|mister|king|prince)$/.test(h)) a.gender = 'm';
      else if (/^(mrs|ms|miss|lady|dame|baroness|queen|princess)$/.test(h)) a.gender = 'f';
    }
    if (!a.gender && m.last > m.first) {
      const h = toks[m.first].norm;
      if (/^(mr|sir|lord|mister|king|prince)$/.test(h)) a.gender = 'm';
      else if (/^(mrs|ms|miss|lady|dame|baroness|queen|princess)$/.test(h)) a.gender = 'f';
    }
    // a title written inside the mention itself ("الرئيس الأمريكي دونالد ترامب" as one alias)
    if (m.last > m.first) {
      const w0 = toks[m.first].norm.replace(/^(ال|و|ف|ل)/, '').replace(/^ال/, '');
      if (TITLE_KEYS.has(w0)) {
        const list = ctx.titles.get(w0) ?? [];
        list.push({ pos: toks[m.first].start, actor: a });
        ctx.titles.set(w0, list);
        addTitleOf(ctx, a.id, w0);
        continue;
      }
    }
    for (let b = m.first - 1; b >= Math.max(0, m.first - 5); b--) {
      if (toks[b + 1].gap >= 3) break;
      // only modifiers may sit between a title and its name (وزير الخارجية الروسي X); a verb or a plain word
      // means the title belongs to another phrase ("أمين عام الحلف يحب ترامب")
      if (
        b < m.first - 1 &&
        toks[b + 1].script === 'arabic' &&
        !/^(ال|لل|وال)/.test(toks[b + 1].norm) &&
        !ctx.mAt[b + 1] &&
        !/^(عام|وزراء|الوزراء|للشوون|لشوون|دوله)$/.test(toks[b + 1].norm)
      )
        break;
      const w = toks[b].norm.replace(/^(ال|و|ف)/, '').replace(/^ال/, '');
      if (TITLE_KEYS.has(w) || TITLE_KEYS.has(toks[b].norm)) {
        const key = TITLE_KEYS.has(w) ? w : toks[b].norm;
        const list = ctx.titles.get(key) ?? [];
        list.push({ pos: toks[m.first].start, actor: a });
        ctx.titles.set(key, list);
        addTitleOf(ctx, a.id, key);
        // a feminine title (وزيرة، المتحدثة، رئيسة; spokeswoman) gives the person's gender
        if (!a.gender) {
          if (AR_FEM_TITLE.has(key) || key === 'spokeswoman') a.gender = 'f';
        }
        // a compound title ("نائب وزير الخارجية", "deputy foreign minister") registers its head word too
        if (b - 1 >= 0 && toks[b].gap <= 1) {
          const w2 = toks[b - 1].norm.replace(/^(ال|و|ف|ل)/, '').replace(/^ال/, '');
          if (TITLE_KEYS.has(w2) && w2 !== key) {
            const l2 = ctx.titles.get(w2) ?? [];
            l2.push({ pos: toks[m.first].start, actor: a });
            ctx.titles.set(w2, l2);
            addTitleOf(ctx, a.id, w2);
          }
        }
        break;
      }
    }
  }
}

function addTitleOf(ctx: Ctx, id: string, key: string): void {
  const s = ctx.titleOf.get(id) ?? new Set<string>();
  s.add(key);
  ctx.titleOf.set(id, s);
}

/** Could a person be referred to by this role word? Not when the story introduced them with a different role only
 * ("الرئيس الأمريكي ترامب" is not "الأمين العام"). */
function fitsTitle(ctx: Ctx, a: ActorAcc, word: string): boolean {
  if (a.type !== 'person') return true;
  const key = word.replace(/^(ال)/, '');
  if (!TITLE_KEYS.has(key)) return true;
  const t = ctx.titleOf.get(a.id);
  return !t || t.has(key);
}

/** The person last introduced with this role word before position pos. */
function personByTitle(ctx: Ctx, word: string, pos: number): ActorAcc | undefined {
  const key = word.replace(/^(ال)/, '');
  const list = ctx.titles.get(key) ?? ctx.titles.get(word);
  if (!list) return undefined;
  let best: { pos: number; actor: ActorAcc } | undefined;
  for (const e of list) if (e.pos < pos && (!best || e.pos > best.pos)) best = e;
  return best?.actor;
}

const AR_FEM_TITLE = set('وزيره متحدثه سفيره مستشاره مديره رئيسه ناطقه نائبه');

const TRAIL = /[\s.,،;؛:!?؟…\-–—]+$/;
const LEAD = /^[\s,،:;؛\-–—]+/;
const OPENQ = /^["\u201C\u00AB\u201E]/;
const CLOSEQ = /["\u201D\u00BB\u201C]$/;

function actorOf(ctx: Ctx, k: number): ActorAcc | undefined {
  const m = ctx.mAt[k];
  return m ? ctx.set.byId.get(m.actorId) : undefined;
}

/** Trim the content span: leading separators, trailing punctuation, enclosing quotes. */
function trimContent(src: string, s: number, e: number): { s: number; e: number; quoted: boolean } | undefined {
  while (s < e && LEAD.test(src[s])) s++;
  let changed = true;
  let quoted = false;
  while (changed && s < e) {
    changed = false;
    while (e > s && TRAIL.test(src[e - 1])) {
      e--;
      changed = true;
    }
    const inner = src.slice(s, e);
    if (OPENQ.test(inner) && CLOSEQ.test(inner) && e - s > 2) {
      // whole text quoted only if the opening quote's pair is the final one
      const body = inner.slice(1, -1);
      if (!/["\u201C\u201D\u00AB\u00BB]/.test(body)) {
        s++;
        e--;
        quoted = true;
        changed = true;
      }
    } else if (OPENQ.test(inner) && !/["\u201D\u00BB]/.test(inner.slice(1))) {
      s++;
      changed = true; // unbalanced opening quote
    } else if (CLOSEQ.test(inner) && !/["\u201C\u00AB]/.test(inner.slice(0, -1)) && (inner.match(/"/g)?.length ?? 0) % 2 === 1) {
      e--;
      changed = true; // unbalanced closing quote
    }
    while (s < e && /\s/.test(src[s])) s++;
  }
  if (e - s < 3) return undefined;
  return { s, e, quoted };
}

function pushClaim(
  ctx: Ctx,
  speaker: ActorAcc | undefined,
  speakerText: string,
  verb: string,
  kind: string,
  s: number,
  e: number,
  at: number,
  forceQuoted?: boolean,
): ClaimX | undefined {
  if (!speaker) return undefined;
  const src = ctx.doc.src;
  // content opening with a quotation that closes before a ", مشيرا إلى ..." / ", adding ..." tail: the quotation is the content
  {
    let p = s;
    while (p < e && /\s/.test(src[p])) p++;
    const qi = ctx.doc.quoteAt.get(p);
    if (qi !== undefined) {
      const q = ctx.doc.quotes[qi];
      if (q.close < e - 1) {
        const tail = src.slice(q.close + 1, e);
        if (/^\s*[,،]/.test(tail) || (/^\s*[.!?؟]/.test(tail) && tail.replace(/^\s*[.!?؟]\s*/, '').length > 0 && false)) e = q.close + 1;
      }
    }
  }
  const tr = trimContent(src, s, e);
  if (!tr) return undefined;
  const text = src.slice(tr.s, tr.e);
  // at least two words of content
  if (!/[\p{L}\p{N}]+[^\p{L}\p{N}]+[\p{L}\p{N}]+/u.test(text) && !((kind === 'denial' || tr.quoted) && text.length >= 4)) return undefined;
  if (inSpans(ctx.doc.skip, tr.s, tr.e)) return undefined;
  // same speaker, overlapping text: keep one
  for (let i = ctx.claims.length - 1, lim = 0; i >= 0 && lim < 40; i--, lim++) {
    const c = ctx.claims[i];
    if (c.speaker.actorId === speaker.id && c.start < tr.e && tr.s < c.end) return undefined;
  }
  const actorIds = new Set<string>();
  for (let i = orderAt(ctx, tr.s); i < ctx.order.length && ctx.order[i].start < tr.e; i++) {
    const m = ctx.order[i];
    if (m.end <= tr.e && m.actorId !== speaker.id) actorIds.add(m.actorId);
  }
  const c: ClaimX = {
    speaker: { actorId: speaker.id, name: speaker.name, text: speakerText || speaker.name },
    verb,
    kind,
    text,
    start: tr.s,
    end: tr.e,
    quoted: forceQuoted ?? tr.quoted,
    actorIds: [...actorIds],
    at,
    rule: ctx.rule,
  };
  ctx.claims.push(c);
  return c;
}

/** Index of the first mention (in `order`) starting at or after pos. */
function orderAt(ctx: Ctx, pos: number): number {
  let lo = 0,
    hi = ctx.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.order[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mentionText(ctx: Ctx, k: number): string {
  const m = ctx.mAt[k];
  return m ? ctx.doc.src.slice(m.start, m.end) : ctx.doc.toks[k].norm;
}

/** The last actor before token k satisfying pred (mention order), looking back at most `maxBack` chars. */
function lastActor(ctx: Ctx, k: number, pred: (a: ActorAcc) => boolean, excludeQuoted = false, notInClaims = false): ActorAcc | undefined {
  const pos = ctx.doc.toks[k]?.start ?? Infinity;
  for (let i = Math.min(ctx.order.length - 1, orderAt(ctx, pos)), lim = 0; i >= 0 && lim < 400; i--, lim++) {
    const m = ctx.order[i];
    if (m.end > pos) continue;
    if (excludeQuoted && ctx.doc.quoteOf[m.first] >= 0) continue;
    if (notInClaims && inClaimContent(ctx, m)) continue;
    const a = ctx.set.byId.get(m.actorId);
    if (a && a.type !== 'location' && pred(a)) return a;
  }
  return undefined;
}

function lastClaimBefore(ctx: Ctx, k: number): ClaimX | undefined {
  let best: ClaimX | undefined;
  for (let i = ctx.claims.length - 1, lim = 0; i >= 0 && lim < 30; i--, lim++) {
    const c = ctx.claims[i];
    if (c.at < k && (!best || c.at > best.at)) best = c;
  }
  return best;
}

const isOrgish = (a: ActorAcc) => a.type === 'organization' || a.type === 'country' || a.type === 'group';

// ===================================================================== Arabic

const AR_PREP_BEFORE_QUOTE =
  /^(علي|الي|في|من|عن|مع|ضد|حول|بين|باسم|لشركه|شركه|لصحيفه|صحيفه|لموقع|موقع|لوكاله|وكاله|منظمه|لمنظمه|لقناه|قناه)$/;
const AR_FACT_MASDAR =
  /^(مقتل|مصرع|وفاه|الفوز|فوز|فوزه|فوزها|تبني|تبنيه|تبنيها|تبنيهما|تبنيهم|مسووليته|مسووليتها|مسووليتهم|نجاح|فشل|سقوط|اصابه)$/;
const AR_DECLINE_ACTS = set(
  'الادلاء التعليق الكشف الافصاح الرد الحديث التحدث اعطاء تقديم الاجابه الاجابة المشاركه الحضور الخوض تحديد ذكر تاكيد',
);
const AR_RECIPIENT_PREFIX = /^(ل|لل)/;
const AR_PREPS = /^(في|خلال|عبر|امام|علي|عن|مع|حسب|بحسب|وفقا|الي|من|لدي|اثناء|بعد|قبل|ردا|تعليقا)$/;
const AR_TITLE_WORDS = set(
  'المسوول المسووله الرئيس رئيس الوزير وزير الوزيره وزيره المستشار المستشاره السفير السفيره المتحدث المتحدثه الزعيم الملك الامير المبعوث المندوب رئيسه مدير المدير مديره الامين امين قائد القائد مستشار مستشاره سفير سفيره متحدث متحدثه نائب النائب',
);

/** "وبحسب X، فإن ..." / "وفقا لـX، ..." at the start of a sentence; "..., بحسب X." at its end. */
function arabicAccording(ctx: Ctx, i: number): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const t = toks[i];
  const w = t.norm.length > 3 && t.norm[0] === 'و' ? t.norm.slice(1) : t.norm;
  if (!/^(بحسب|حسب|وفقا|طبقا)$/.test(w)) return;
  let k = i + 1;
  if (k < toks.length && (toks[k].norm === 'ل' || toks[k].norm === 'لـ')) k++;
  let a = actorOf(ctx, k);
  let m = a ? ctx.mAt[k] : undefined;
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
    if (a) {
      const last = hintTok === w2 ? k : k + 1;
      m = { actorId: a.id, start: toks[k].start, end: toks[last].end, first: k, last, field: doc.field };
    }
  }
  if (!a || a.type === 'location' || !m) return;
  const sent = doc.sentOf[i];
  const st = doc.sents[sent];
  // a reporting verb earlier in the sentence: the source of a report, not a claim of its own
  for (let b = i - 1; b >= 0 && doc.sentOf[b] === sent; b--) if (arVerbOf(toks[b])) return;
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
        if (toks[r].gap === 2) {
          c = r;
          break;
        }
    }
    if (c >= toks.length || doc.sentOf[c] !== sent || toks[c].gap !== 2) return;
    if (/^(فان|فانه|فانها|ان)$/.test(toks[c].norm)) c++;
    if (c >= toks.length || doc.sentOf[c] !== sent) return;
    // "وحسب رويترز، ذكرت شركة فيسبوك أن ...": the source relays another speaker's statement
    if (arVerbOf(toks[c])) return;
    pushClaim(
      ((ctx.rule = 'ar-according'), ctx),
      a,
      doc.src.slice(m.start, m.end),
      t.norm[0] === 'و' ? doc.src.slice(t.start + 1, t.end) : doc.src.slice(t.start, t.end),
      'statement',
      toks[c].start,
      st.end,
      i,
    );
  } else if (
    (t.gap === 2 && m.last + 1 >= toks.length) ||
    (toks[m.last + 1] && (doc.sentOf[m.last + 1] !== sent || toks[m.last + 1].gap >= 2) && t.gap === 2)
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

/** "ونقلت رويترز عن مسؤول إسرائيلي قوله إن ..." — the quoted source (after عن) is the speaker. */
function arabicQuoting(ctx: Ctx, i: number): void {
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
  for (let k = an + 1; k < i; k++) {
    const a = actorOf(ctx, k);
    if (a && a.type !== 'location' && (!sp || (sp.type === 'country' && a.type !== 'country'))) {
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
function arabicObjectClaim(
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
  if (!(info.objectText || info.kind === 'denial' || info.kind === 'accusation' || info.kind === 'warning' || factAnn)) return false;
  let a = actorOf(ctx, i + 1);
  let k = i + 1;
  // "وكانت X قد اتهمت Y بـ...": after قد the subject precedes the verb and the actor after it is the object
  const sv = subjTok === i - 2 && actorOf(ctx, subjTok) && actorOf(ctx, subjTok)!.type !== 'location';
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
  if (st.speaker) {
    /* subject before the verb: content right after it */
  } else if (!a && i + 2 < n && /^(السلطات|المسوولون|المسوولين|الحكومه|مسوولون|سلطات)$/.test(toks[i + 1].norm) && actorOf(ctx, i + 2)) {
    a = actorOf(ctx, i + 2);
    k = i + 2;
  }
  if (a && a.type !== 'location') {
    st.speaker = a;
    st.speakerText = mentionText(ctx, k);
    st.explicit = true;
    st.spTok = k;
    k = ctx.mAt[k]!.last + 1;
    // joint subjects (اتهمت السعودية والإمارات قطر): the object starts after the last coordinated actor
    for (const jp of jointPartners(ctx, st.spTok, a)) if (jp.last + 1 > k) k = jp.last + 1;
    while (k < n && doc.sentOf[k] === sent && (AR_ADVERBIAL.has(toks[k].norm) || toks[k].gap === 2)) {
      if (toks[k].gap === 2 && !AR_ADVERBIAL.has(toks[k].norm)) break;
      k++;
    }
  } else if (
    i > 0 &&
    doc.sentOf[subjTok] === sent &&
    toks[i].gap <= 1 &&
    actorOf(ctx, subjTok) &&
    actorOf(ctx, subjTok)!.type !== 'location'
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
  } else return false;
  if (!st.speaker || k >= n || doc.sentOf[k] !== sent) return false;
  while (k < n && doc.sentOf[k] === sent && AR_ADVERBIAL.has(toks[k].norm) && toks[k].norm !== 'من') k++;
  if (k >= n || doc.sentOf[k] !== sent) return false;
  if (factAnn && !AR_FACT_MASDAR.test(toks[k].norm)) return false;
  if (info.kind === 'warning') {
    // warn-of: "حذر X من ..." (من may already have been skipped as an adverbial)
    if (toks[k].norm === 'من') {
      if (k + 1 >= n || doc.sentOf[k + 1] !== sent) return false;
      k++;
    } else if (!(k > i + 1 && toks[k - 1].norm === 'من')) return false;
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

const AR_ACCORDING_WORDS = new Set(['بحسب', 'حسب', 'وفقا', 'طبقا', 'وبحسب', 'وحسب', 'ووفقا', 'وطبقا']);
const AR_QAWL_WORDS = new Set(['قوله', 'قولها', 'قولهم', 'قوله:']);

/** The first clitic variant form that passes `ok` (a loop, not .map().find(): the arrays .map makes vary in
 * elements kind, and each new kind deoptimised arabicClaims, a ~0.2 CPU-second recompile). */
function firstForm(vs: CliticVariant[], ok: (form: string) => boolean): string | undefined {
  for (const v of vs) if (ok(v.form)) return v.form;
  return undefined;
}

// ADR 0016 hook: the narrow view of this context that the discourse model and the attribution families use
const views = new WeakMap<Ctx, EnglishEngineView>();
function viewOf(ctx: Ctx): EnglishEngineView {
  let v = views.get(ctx);
  if (!v) {
    v = {
      doc: ctx.doc,
      set: ctx.set,
      mAt: ctx.mAt,
      claims: ctx.claims,
      push: (rule, sp, spText, verb, kind, s, e, at) => pushClaim(((ctx.rule = rule), ctx), sp, spText, verb, kind, s, e, at),
      subjectBefore: (k) => {
        const sb = subjectBefore(ctx, k);
        return sb ? { actor: sb.actor, text: sb.text, others: sb.others } : undefined;
      },
      subjectOfSentence: (k) => subjectOfSentence(ctx, k),
      contentAfter: (k, verb) => contentAfter(ctx, k, verb),
    };
    views.set(ctx, v);
  }
  return v;
}

export function arabicClaims(ctx: Ctx): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const src = doc.src;
  const n = toks.length;
  const view: EngineView = viewOf(ctx);
  for (let i = 0; i < n; i++) {
    // ADR 0016 hook: the attribution families of attribution-ar.ts (speaker after the content, بقوله, documents)
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
    if (i > 0 && /^(اذا|واذا|لو|ولو|عندما|حين)$/.test(toks[i - 1].norm)) continue; // "وإذا رأى الرئيس أن ..." is a condition, not a statement
    // "ويذكر أن ..." (it is worth noting) is the reporter's own aside
    if (/^(يذكر|ويذكر)$/.test(toks[i].norm) && i + 1 < n && AR_COMP.has(toks[i + 1].norm) && (doc.sentStart[i] || toks[i].gap >= 2))
      continue;
    // an imperfect verb right after أن/لن is subjunctive ("تريد أن ترى"، "لن يقول"), not a report
    if (
      vv.strip === 0 &&
      /^[يت]/.test(vv.verb) &&
      i > 0 &&
      doc.sentOf[i - 1] === doc.sentOf[i] &&
      /^(أن|ان|لن|كي|لكي)$/.test(src.slice(toks[i - 1].start, toks[i - 1].end))
    )
      continue;
    // رفض/وصف/نفي are also nouns: "إن رفض قطر لقائمة ..." / "بعد نفي الحريري"
    if (
      vv.strip === 0 &&
      /^(رفض|وصف|نفي)$/.test(vv.verb) &&
      i > 0 &&
      doc.sentOf[i - 1] === doc.sentOf[i] &&
      (AR_COMP.has(toks[i - 1].norm) || /^(في|من|علي|عن|بعد|قبل|رغم|بسبب|عقب|اثر|الي|مع)$/.test(toks[i - 1].norm))
    )
      continue;
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
      if (AR_COMP.has(w)) {
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
    // the speaker region is (i, comp]
    const regionEnd = comp >= 0 ? (contentStart >= 0 && toks[comp] && AR_COMP.has(toks[comp].norm) ? comp - 1 : comp) : -1;
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
    if (
      subjTok === i - 2 &&
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
      const w0 = toks[from].norm;
      const ppStart = /^(في|خلال|عبر|امام|علي|عن|مع|لدي|بعد|قبل|اثناء)$/.test(w0);
      let f1 = from;
      while (f1 < to && AR_ADVERBIAL.has(toks[f1].norm)) f1++;
      const titledRegion = AR_TITLE_WORDS.has(toks[f1].norm) || AR_PERSON_TITLES.has(toks[f1].norm);
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
        // "لصحيفة X" is a recipient, but "تقرير لموقع X" names the author
        if (
          prevTok &&
          f0 - 1 >= from &&
          /^(لوكاله|لصحيفه|لقناه|لشبكه|لتلفزيون|لموقع|لراديو|لمحطه)$/.test(prevTok.norm) &&
          !(f0 - 2 >= from && /^(تقرير|بيان|دراسه|تحقيق|مقال|تقريرا)$/.test(toks[f0 - 2].norm))
        )
          continue;
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
      // definite descriptions / pronoun subjects
      let first = i + 1;
      while (first <= regionEnd && AR_ADVERBIAL.has(toks[first].norm)) first++;
      const firstW = first <= regionEnd ? toks[first].norm : '';
      const prevW = i > 0 ? toks[i - 1].norm : '';
      const rawFirst = i + 1 <= regionEnd ? toks[i + 1].norm : '';
      const ppFirst = AR_PREPS.test(firstW) || AR_PREPS.test(rawFirst) || (/^ل/.test(firstW) && !AR_DESCRIPTIONS[firstW]);
      // (a participle — قائلا، مضيفا — is never preceded by its own subject: "انتقد دول الناتو قائلا")
      let before =
        i > 0 && !info.participle && doc.sentOf[subjTok] === sent && (toks[i].gap <= 1 || (toks[i].gap === 2 && toks[i].norm[0] === 'ف'))
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
        const sn = i + 1 < n && doc.sentOf[i + 1] === sent ? discourseOf(viewOf(ctx)).shortName(i + 1) : undefined;
        if (sn) {
          speaker = sn;
          speakerText = doc.src.slice(toks[i + 1].start, toks[i + 1].end);
          explicit = true;
        } else speaker = resolveArPronoun(ctx, i, info.fem, !!info.participle);
      } else if (titleCountry || AR_TITLE_WORDS.has(firstW)) {
        // an indefinite role ("مدير إحدى الوكالات", "متحدث عسكري") is an anonymous source unless that role named someone before
        speaker =
          firstW.startsWith('ال') || titleCountry
            ? resolveDescription(ctx, i, 'person', firstW)
            : personByTitle(ctx, firstW, toks[i].start);
        speakerText = toks[first].norm;
      } else {
        const w = firstForm(arabicVariants(toks[first].norm), (f) => !!AR_DESCRIPTIONS[f]);
        if (w) {
          const typ = AR_DESCRIPTIONS[w];
          if (w === 'البيان') speaker = lastClaimBefore(ctx, i) ? ctx.set.byId.get(lastClaimBefore(ctx, i)!.speaker.actorId!) : undefined;
          else
            speaker =
              (typ !== 'person' ? qualifiedDescription(ctx, i, first, regionEnd, typ) : undefined) ?? resolveDescription(ctx, i, typ, w);
          speakerText = toks[first].norm;
        } else {
          // ADR 0016 hook: a short form of a person named earlier ("وأضاف لي" after "لي كه شيانغ")
          const sn = discourseOf(viewOf(ctx)).shortName(first);
          if (sn) {
            speaker = sn;
            speakerText = doc.src.slice(toks[first].start, toks[first].end);
            explicit = true;
          } else unresolvedNoun = true;
        }
      }
      if (speaker && !speakerText) speakerText = '';
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
      while (o < comp && AR_ADVERBIAL.has(toks[o].norm)) o++;
      if (o < comp && !(toks[o].gap === 2 && comp - o <= 1)) contentStart = toks[o].start;
    }
    if (explicit && speaker.type === 'person' && !speaker.gender) speaker.gender = info.fem ? 'f' : 'm';
    // content end: sentence end, extended to the closing quote when the content opens one
    let end = doc.sents[sent]?.end ?? src.length;
    const cs = skipSpaces(src, contentStart);
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
      for (const jp of jointPartners(ctx, spTok, speaker)) {
        const c2 = pushClaim(((ctx.rule = 'ar-joint'), ctx), jp.actor, jp.text, verbText, info.kind, cs, end, i);
        if (c2) c2.fem = info.fem;
      }
    }
  }
}

const closeSets = new WeakMap<Doc, Set<number>>();
/** Positions of closing quotation marks (paired quotes). */
function closesOf(doc: Doc): Set<number> {
  let c = closeSets.get(doc);
  if (!c) {
    c = new Set(doc.quotes.map((q) => q.close));
    closeSets.set(doc, c);
  }
  return c;
}

/** A body named only as the complement of a role before the verb ("الأمين العام لحزب الله قد نفى", "وزير خارجية
 * إيران قال") is not the subject: the titled person is (when the story named one), else nobody. */
function titledSubject(ctx: Ctx, k: number, v: number): { inTitle: boolean; person?: ActorAcc; text: string } | undefined {
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
function jointPartners(ctx: Ctx, k: number, sp: ActorAcc): { actor: ActorAcc; text: string; last: number }[] {
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
    if (r >= toks.length || doc.sentOf[r] !== doc.sentOf[k] || toks[r].gap > 2) break;
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
    while (
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
    if (!mq || mq.first !== q || (q > r && toks[q].gap > 1)) break;
    const a = ctx.set.byId.get(mq.actorId);
    if (!a || !same(a) || seen.has(a.id)) break;
    if (q === r && !/^و/.test(toks[r].norm) && !listComma) break;
    if (steps > 0 && a.type !== 'person') break;
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

function skipSpaces(src: string, p: number): number {
  while (p < src.length && /\s/.test(src[p])) p++;
  return p;
}

/** Cut content before ", مضيفا/مشيرا ..." or ", وأضاف" clauses which are claims of their own. */
const AR_ASIDE = set('من بينها بينهم ومن وذلك بينما حين بحسب حسب وفقا وفق طبقا لكن لكنه لكنها ولكن ولكنه الامر مما');
const EN_ASIDE = set('according while whereas although though');

function cutAtNextReport(ctx: Ctx, s: number, e: number): number {
  const toks = ctx.doc.toks;
  for (let ti = tokenAt(ctx.doc, s); ti < toks.length && toks[ti].start < e; ti++) {
    const t = toks[ti];
    if (t.start <= s) continue;
    if (
      t.script === 'latin' &&
      (t.norm === 'and' || t.norm === 'but') &&
      ti + 1 < toks.length &&
      EN_VERB.get(toks[ti + 1].norm) &&
      ctx.doc.quoteOf[ti] < 0 &&
      !/^(agreed|agrees|continued|called|states)$/.test(toks[ti + 1].norm)
    )
      return t.start - t.sep.length;
    // "... لكنه رفض دعوة ..." — the reporter resumes with the speaker as a pronoun subject
    if (t.script === 'arabic' && /^(لكنه|لكنها|ولكنه|ولكنها|لكنهم|ولكنهم)$/.test(t.norm) && ctx.doc.quoteOf[t.index] < 0)
      return t.start - t.sep.length;
    // "...، وألمح ترامب إلى ...": a new clause with a named subject (و + verb + person)
    if (
      t.script === 'arabic' &&
      t.gap === 2 &&
      /^و/.test(t.norm) &&
      t.norm.length >= 4 &&
      !ctx.mAt[t.index] &&
      ctx.doc.quoteOf[t.index] < 0
    ) {
      const mp = ctx.mAt[t.index + 1];
      if (mp && mp.first === t.index + 1 && ctx.set.byId.get(mp.actorId)?.type === 'person' && !AR_COMP.has(t.norm.slice(1)))
        return t.start - t.sep.length;
    }
    // a comma right after a closing quote ("...، مشيرا إلى") separates clauses like a plain comma
    if (t.gap !== 2 && !(t.gap === 4 && /[,،]/.test(t.sep) && !/[.!?؟:\n]/.test(t.sep))) continue;
    if (ctx.doc.quoteOf[t.index] < 0 || ctx.doc.quotes[ctx.doc.quoteOf[t.index]].open < s) {
      const nx = toks[t.index + 1];
      if (
        t.script === 'arabic' &&
        AR_ASIDE.has(t.norm) &&
        (t.norm !== 'من' || (nx && /^بين/.test(nx.norm))) &&
        (t.norm !== 'ومن' || (nx && /^بين/.test(nx.norm)))
      )
        return t.start - t.sep.length;
      if (t.script === 'arabic' && t.norm === 'في' && nx && /^(اشاره|حين|اطار)$/.test(nx.norm)) return t.start - t.sep.length;
      if (t.script === 'arabic' && /^(اذ|حيث|فيما|بينما)$/.test(t.norm) && nx && arVerbOf(nx)) return t.start - t.sep.length;
      if (t.script === 'latin' && EN_ASIDE.has(t.norm)) return t.start - t.sep.length;
    }
    const v = arVerbOf(t);
    if (v && (AR_VERBS.get(v.verb)!.participle || v.strip)) {
      // do not cut inside a quote
      let insideQuote = false;
      for (const q of ctx.doc.quotes) if (q.open < t.start && t.start < q.close && q.open >= s) insideQuote = true;
      if (!insideQuote) return t.start - t.sep.length;
    }
    if (t.script === 'latin' && /^(saying|adding|warning|insisting|arguing|claiming|noting)$/.test(t.norm)) {
      let insideQuote = false;
      for (const q of ctx.doc.quotes) if (q.open < t.start && t.start < q.close && q.open >= s) insideQuote = true;
      if (!insideQuote) return t.start - t.sep.length;
    }
  }
  return e;
}

function resolveArPronoun(ctx: Ctx, k: number, fem: boolean, participle = false): ActorAcc | undefined {
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
  if (participle || fronted) {
    // "..., مشيرا إلى أن": the subject of this sentence
    if (participle && lcA && lastSent === sent && compatible(lcA)) return lcA;
    // ADR 0016: a participle disagreeing with the speaker of its own sentence ("قال X ...، مضيفة") — refuse, not guess
    if (participle && lcA && lastSent === sent && lcA.type === 'person' && lcA.gender) return undefined;
    const st = ctx.doc.sents[sent];
    if (st) {
      // the subject: a person named in the sentence (not inside a prepositional phrase), else the first body
      let firstPerson: ActorAcc | undefined;
      let firstBody: ActorAcc | undefined;
      let vsoCountry: ActorAcc | undefined;
      const toks = ctx.doc.toks;
      for (let oi = orderAt(ctx, st.start); oi < ctx.order.length && ctx.order[oi].start < toks[k].start; oi++) {
        const m = ctx.order[oi];
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
      if (firstPerson || firstBody || vsoCountry) return firstPerson ?? firstBody ?? vsoCountry;
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

/** Number of paragraph breaks (runs of newlines) between two positions. */
function paraGap(ctx: Ctx, from: number, to: number): number {
  if (to <= from) return 0;
  const m = ctx.doc.src.slice(from, to).match(/\n+/g);
  return m ? m.length : 0;
}

/** Is this mention inside the content of a claim already extracted? */
function inClaimContent(ctx: Ctx, m: MentionX): boolean {
  for (let i = ctx.claims.length - 1, lim = 0; i >= 0 && lim < 40; i--, lim++) {
    const c = ctx.claims[i];
    if (c.start <= m.start && m.end <= c.end && c.speaker.actorId !== m.actorId) return true;
  }
  return false;
}

/** The speaker of the most recent claim before token k, in the same or the previous paragraph, satisfying pred. */
function recentCompatibleSpeaker(ctx: Ctx, k: number, pred: (a: ActorAcc, c: ClaimX) => boolean): ActorAcc | undefined {
  const pos = ctx.doc.toks[k].start;
  const sent = ctx.doc.sentOf[k];
  // the most recent claims before k (claims are pushed roughly in verb order: a short backward window suffices)
  const cands: ClaimX[] = [];
  for (let i = ctx.claims.length - 1, lim = 0; i >= 0 && lim < 40; i--, lim++) if (ctx.claims[i].at < k) cands.push(ctx.claims[i]);
  cands.sort((a, b) => b.at - a.at);
  for (let i = 0; i < cands.length && i < 6; i++) {
    const c = cands[i];
    if (paraGap(ctx, c.start, pos) > 1 || sent - ctx.doc.sentOf[c.at] > 6) break;
    const a = c.speaker.actorId ? ctx.set.byId.get(c.speaker.actorId) : undefined;
    if (a && a.type !== 'location' && pred(a, c)) return a;
  }
  return undefined;
}

/** The first matching actor of the closest preceding sentence that has one (the likely subject). */
function firstInRecentSentence(ctx: Ctx, k: number, pred: (a: ActorAcc) => boolean, notInClaims = false): ActorAcc | undefined {
  const sent = ctx.doc.sentOf[k];
  const pos = ctx.doc.toks[k].start;
  for (let s = sent; s >= Math.max(0, sent - 3); s--) {
    const st = ctx.doc.sents[s];
    if (!st) continue;
    for (let oi = orderAt(ctx, st.start); oi < ctx.order.length && ctx.order[oi].start < st.end; oi++) {
      const m = ctx.order[oi];
      if (m.end > st.end || m.end > pos) continue;
      if (ctx.doc.quoteOf[m.first] >= 0) continue;
      if (notInClaims && inClaimContent(ctx, m)) continue;
      const a = ctx.set.byId.get(m.actorId);
      if (a && a.type !== 'location' && pred(a)) return a;
    }
  }
  return undefined;
}

/** "الوكالة الكورية الشمالية" / "الوكالة الرسمية في كوريا الشمالية": a description qualified by a country refers to the
 * body of that type whose name carries that country, not simply the last such body. */
function qualifiedDescription(ctx: Ctx, k: number, first: number, regionEnd: number, type: string): ActorAcc | undefined {
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

function resolveDescription(ctx: Ctx, k: number, type: string, word: string): ActorAcc | undefined {
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
  // a role word never refers to a person the story introduced with another role (the head of state is not "الوزير")
  if (lcA && typeOk(lcA) && fitsTitle(ctx, lcA, word)) return lcA;
  return lastActor(ctx, k, (a) => typeOk(a) && fitsTitle(ctx, a, word));
}

function foldName(s: string): string {
  return s.toLowerCase().replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
}

// ===================================================================== English

const EN_SKIP_BACK = set(
  'both jointly all meanwhile also has have had repeatedly previously later earlier then again recently now publicly reportedly once already further however would will still yesterday today separately subsequently since even',
);
const EN_PASSIVE = set('was were is are be been being to');
const EN_NOT_SUBJ = set('i you we');
const EN_DET = set('the a an his her its their our this that these those');
const EN_RECIP = set(
  'reporters journalists mps jurors lawmakers parliament delegates investors supporters listeners viewers readers congress senators members students officials the a an his her its their bbc radio news television tv',
);
const EN_TIME = set(
  'on in at during last this yesterday today earlier later afterwards tuesday monday wednesday thursday friday saturday sunday week month year statement interview conference',
);
const EN_INVERTIBLE = set(
  'said says say added adds told tells argued argues wrote writes asked explained explains insisted insists predicted predicts warned warns continued observed noted notes claimed claims stated suggested suggests remarked concluded replied responded',
);
const EN_PARTICIPLES = set('saying adding warning insisting arguing claiming noting accusing denying suggesting stressing explaining');

export function englishClaims(ctx: Ctx): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const src = doc.src;
  const n = toks.length;
  const view = viewOf(ctx);
  for (let v = 0; v < n; v++) {
    const t = toks[v];
    if (t.script !== 'latin') continue;
    // ADR 0016 hook: the attribution families of attribution-en.ts (progressive, while + participle, did warn, ...)
    if (englishAttribution(view, v)) continue;
    const w = t.norm;
    let kind = EN_VERB_OR_CLAIM.get(w);
    let verbTokEnd = v;
    if (w === 'according' && v + 1 < n && toks[v + 1].norm === 'to') {
      kind = 'statement';
      verbTokEnd = v + 1;
    }
    if (!kind && (w === 'asked' || w === 'asks')) kind = 'question';
    if (!kind) continue;
    if (t.caps === 2) continue;
    // "he asked why/whether ...", '"...?" he asked' — not "asked X to ...", "Asked about X, he said"
    if (
      kind === 'question' &&
      (doc.sentStart[v] ||
        !(
          quoteBefore(ctx, v) ||
          (v + 1 < n && /^(why|whether|if|how|what|when|who|where)$/.test(toks[v + 1].norm)) ||
          (v + 1 < n && /[:"\u201C]/.test(toks[v + 1].sep))
        ))
    )
      continue;
    if (inSpans(doc.skip, t.start, t.end)) continue;
    const prev = v > 0 ? toks[v - 1] : undefined;
    const wentOnTo = prev && prev.norm === 'to' && v >= 3 && /^(on)$/.test(toks[v - 2].norm) && /^(went|goes|go)$/.test(toks[v - 3].norm);
    if (prev && EN_PASSIVE.has(prev.norm) && prev.gap === 0 && t.gap === 0 && w !== 'according' && !wentOnTo) {
      // "His claims were denied by Foreign Secretary Jack Straw": a deny/reject-type passive with its agent; the subject
      // is the content
      if (
        /^(denied|disputed|refuted|contested)$/.test(w) &&
        /^(was|were|been|is|are)$/.test(prev.norm) &&
        v + 2 < n &&
        toks[v + 1].norm === 'by' &&
        toks[v + 1].gap === 0 &&
        doc.sentOf[v + 1] === doc.sentOf[v]
      ) {
        const ag = invertedSpeaker(ctx, v + 2);
        let aux = v - 1;
        if (aux > 0 && /^(has|have|had)$/.test(toks[aux - 1].norm)) aux--;
        const s0 = clauseStartBefore(ctx, v);
        const e0 = toks[aux].start - toks[aux].sep.length;
        if (
          ag &&
          e0 > s0 &&
          pushClaim(((ctx.rule = 'en-passive-agent'), ctx), ag.actor, ag.text, src.slice(t.start, t.end), kind, s0, e0, v)
        )
          continue;
      }
      continue;
    }
    if (wentOnTo) {
      // "Chief Supt Deats went on to warn: ..."
      const sb0 = subjectBefore(ctx, v - 3);
      const c0 = sb0 ? contentAfter(ctx, v, w) : undefined;
      if (sb0 && c0 && pushClaim(((ctx.rule = 'en-sv'), ctx), sb0.actor, sb0.text, src.slice(t.start, t.end), kind, c0.s, c0.e, v))
        continue;
    }
    if (v + 1 < n && toks[v + 1].norm === 'to' && w !== 'told' && w !== 'according' && (w === 'said' || w === 'says')) continue; // "said to be"
    const sent = doc.sentOf[v];
    if (w === 'according') {
      englishAccording(ctx, v, verbTokEnd);
      continue;
    }
    // "X, who insists ...": the antecedent of the relative pronoun
    if (prev && (prev.norm === 'who' || prev.norm === 'which') && v >= 2 && (prev.gap === 2 || ctx.mAt[v - 2])) {
      // the antecedent may sit in a prepositional phrase ("rejected by Mr Blair, who said: ...")
      const am = ctx.mAt[v - 2];
      const aa = am && am.last === v - 2 ? ctx.set.byId.get(am.actorId) : undefined;
      const ant =
        aa && aa.type !== 'location' ? { actor: aa, text: src.slice(am!.start, am!.end), pronoun: false } : resolveNP(ctx, v - 2, v);
      const c = ant && !ant.pronoun ? contentAfter(ctx, v, w) : undefined;
      // "Mr Mubanga, who insists he does not feel bitter, said: ..." — the relative clause ends before the main verb
      if (c)
        for (let r = v + 2; r < n && toks[r].start < c.e; r++)
          if (toks[r].gap === 2 && EN_VERB.get(toks[r].norm) && doc.quoteOf[r] < 0) {
            c.e = toks[r].start - toks[r].sep.length;
            break;
          }
      if (c && (kind === 'promise' || kind === 'demand') && /^(to|for)\s/i.test(src.slice(c.s, c.s + 4))) continue;
      if (ant && c && pushClaim(((ctx.rule = 'en-relative'), ctx), ant.actor, ant.text, t.norm, kind, c.s, c.e, v)) continue;
    }
    // "was quoted as saying", "quoted by KCNA as saying"
    if (w === 'saying' && prev && prev.norm === 'as') {
      // "CONTENT, minister Yuri Trutnev was quoted as saying (by Interfax)." — the content comes first
      if (
        v >= 3 &&
        toks[v - 2].norm === 'quoted' &&
        /^(was|were)$/.test(toks[v - 3].norm) &&
        (v + 1 >= n || doc.sentOf[v + 1] !== sent || toks[v + 1].norm === 'by' || toks[v + 1].gap >= 2)
      ) {
        const sq = subjectBefore(ctx, v - 3);
        if (sq && !sq.pronoun) {
          let ct = sq.first;
          for (let r = ct, hops = 0; hops < 4 && r > 0 && toks[r].gap < 2 && doc.sentOf[r - 1] === sent; hops++) {
            const wv = toks[r - 1];
            if (ctx.mAt[r - 1] || !(wv.caps === 0 || EN_INV_SKIP.has(wv.norm))) break;
            r--;
            if (toks[r].gap === 2) {
              ct = r;
              break;
            }
          }
          const s0 = doc.sents[sent].start;
          const e0 = toks[ct].start - toks[ct].sep.length + Math.max(0, toks[ct].sep.indexOf(','));
          if (
            toks[ct].gap === 2 &&
            e0 - s0 > 10 &&
            pushClaim(((ctx.rule = 'en-quoted-as'), ctx), sq.actor, sq.text, 'quoted as saying', kind, s0, e0, v)
          )
            continue;
        }
      }
      const sp0 = subjectOfSentence(ctx, v);
      const c = sp0 ? contentAfter(ctx, v, w) : undefined;
      if (sp0 && c && pushClaim(((ctx.rule = 'en-quoted-as'), ctx), sp0, '', 'quoted as saying', kind, c.s, c.e, v)) continue;
    }
    // participle clause: ", saying ..." → the subject of the sentence
    const withSubj =
      t.gap === 0 && v >= 2 && ctx.mAt[v - 1] && ctx.mAt[v - 1]!.last === v - 1 && toks[ctx.mAt[v - 1]!.first - 1]?.norm === 'with';
    if (
      EN_PARTICIPLES.has(w) &&
      (t.gap === 2 ||
        (t.gap === 4 && /,/.test(t.sep) && !/[.!?:;]/.test(t.sep)) ||
        (prev && prev.norm === 'by' && prev.gap === 0 && t.gap === 0) ||
        withSubj)
    ) {
      const lc = lastClaimBefore(ctx, v);
      let sp: ActorAcc | undefined;
      if (lc && doc.sentOf[lc.at] === sent) sp = ctx.set.byId.get(lc.speaker.actorId!);
      // "..., with Mr Trutnev suggesting that ...": the participle's own subject
      if (!sp && t.gap === 0 && prev && ctx.mAt[v - 1] && ctx.mAt[v - 1]!.last === v - 1) {
        const a = actorOf(ctx, v - 1);
        if (a && a.type !== 'location') sp = a;
      }
      if (!sp) sp = subjectOfSentence(ctx, v);
      if (!sp) continue;
      const c = contentAfter(ctx, v, w);
      if (c && !((kind === 'warning' || kind === 'demand') && isRequest(src.slice(c.s, Math.min(c.e, c.s + 60)))))
        pushClaim(((ctx.rule = 'en-participle'), ctx), sp, '', t.norm, kind, c.s, c.e, v);
      continue;
    }
    if (EN_PARTICIPLES.has(w) && w !== 'warning') continue;
    // (A) quote before the verb: "...," X said / "...," said X / "...," he said
    const qa = quoteBefore(ctx, v);
    if (qa) {
      const sp = qa.speaker;
      if (sp) {
        const q = doc.quotes[qa.q];
        // '"A.¶¶"B," he said': one claim per paragraph segment of the quotation
        const segs: [number, number][] = [];
        for (let a0 = q.open + 1, nl = src.indexOf('\n', a0); ; nl = src.indexOf('\n', a0)) {
          if (nl < 0 || nl >= q.close) {
            segs.push([a0, q.close]);
            break;
          }
          segs.push([a0, nl]);
          let p = nl;
          while (p < q.close && /\s/.test(src[p])) p++;
          if (/["\u201C]/.test(src[p])) p++;
          a0 = p;
        }
        let c: ClaimX | undefined;
        for (let si = segs.length - 1; si >= 0; si--) {
          const cc = pushClaim(
            ((ctx.rule = 'en-quote-before'), ctx),
            sp,
            qa.text,
            src.slice(t.start, t.end),
            kind,
            segs[si][0],
            segs[si][1],
            v,
            true,
          );
          if (si === segs.length - 1) c = cc;
        }
        if (c) {
          ctx.usedQuotes.add(qa.q);
          continue;
        }
      }
    }
    if (ctx.doc.quoteOf[v] >= 0) continue; // reporting verbs inside a quotation belong to the quoted speech
    // (C') "CONTENT, said X [of Y / , a role]." — verb-subject inversion after a comma (say-type verbs only: "..., accused
    // Mr Clarke of ..." has its subject before); also without the comma ("... turn to Windows said Dominic Hirsch, ...")
    const inv = v + 1 < n && EN_INVERTIBLE.has(w) ? invertedSpeaker(ctx, v + 1) : undefined;
    const noComma =
      inv &&
      t.gap === 0 &&
      (!ctx.mAt[v - 1] || actorOf(ctx, v - 1)!.type === 'location') &&
      !EN_PRONOUNS[toks[v - 1].norm] &&
      !EN_DET.has(toks[v - 1].norm) &&
      v - tokenAt(doc, doc.sents[sent].start) >= 6 &&
      /^(said|says|added|argued)$/.test(w);
    if (inv && (t.gap === 2 || noComma)) {
      const e2 = inv.last + 1;
      let rest = 0;
      for (let r = e2; r < n && doc.sentOf[r] === sent; r++) rest++;
      if (
        !noComma &&
        e2 < n &&
        doc.sentOf[e2] === sent &&
        toks[e2].gap === 2 &&
        rest >= 4 &&
        !EN_INV_ROLE.has(toks[e2].norm) &&
        !EN_DET.has(toks[e2].norm)
      ) {
        // "Incidents like this happen, said Mr Thiemann, because when banks ..." — the content follows
        const e1 = cutAtNextReport(ctx, toks[e2].start, doc.sents[sent].end);
        if (
          pushClaim(((ctx.rule = 'en-inversion-after'), ctx), inv.actor, inv.text, src.slice(t.start, t.end), kind, toks[e2].start, e1, v)
        )
          continue;
      }
      if (
        e2 >= n ||
        doc.sentOf[e2] !== sent ||
        (toks[e2].gap >= 2 && toks[e2].gap !== 4) ||
        ['of', 'at', 'from', 'for'].includes(toks[e2].norm)
      ) {
        const s0 = clauseStartBefore(ctx, v);
        const e0 = noComma
          ? toks[v].start - toks[v].sep.length
          : toks[v].start - toks[v].sep.length + Math.max(0, toks[v].sep.indexOf(','));
        if (e0 - s0 > 10 && pushClaim(((ctx.rule = 'en-inversion'), ctx), inv.actor, inv.text, src.slice(t.start, t.end), kind, s0, e0, v))
          continue;
      }
    }
    // (B) subject before, content after
    let sb = subjectBefore(ctx, v);
    if (v > 0 && (toks[v - 1].norm === 'and' || toks[v - 1].norm === 'but') && (!sb || sb.pronoun)) {
      // coordinated verb: the subject of the sentence (the speaker of its first claim, if any)
      let a0: ActorAcc | undefined;
      for (const c of ctx.claims)
        if (doc.sentOf[c.at] === sent && c.at < v) {
          a0 = ctx.set.byId.get(c.speaker.actorId!);
          // "KCNA reported that Kim Jong Un had inspected ... and said ...": inside that claim's content, the subject of
          // the reported clause is the one that speaks
          if (c.start <= t.start && (t.start < c.end || doc.src.slice(c.end, t.start).trim() === 'and')) {
            for (let i = orderAt(ctx, c.start); i < ctx.order.length && ctx.order[i].end <= t.start; i++) {
              const a = ctx.set.byId.get(ctx.order[i].actorId);
              if (a && a.type !== 'location' && a.id !== c.speaker.actorId) {
                if (ctx.order[i].first <= tokenAt(doc, c.start) + 1) a0 = a;
                break;
              }
            }
          }
          break;
        }
      a0 ??= subjectOfSentence(ctx, v);
      if (a0) sb = { actor: a0, text: '', first: v - 1 };
    }
    const after = contentAfter(ctx, verbTokEnd, w);
    if (after) after.e = enCutTrailingAside(ctx, after.s, after.e);
    if (sb && after) {
      // "pledged to oppose", "urged X to ...", "called for": commitments and requests without a proposition
      const head = src.slice(after.s, Math.min(after.e, after.s + 4)).toLowerCase();
      if ((kind === 'promise' || kind === 'demand') && (/^to\s/.test(head) || /^for\s/.test(head))) continue;
      enPushJoint(ctx, sb, (a, tx) => pushClaim(((ctx.rule = 'en-sv'), ctx), a, tx, src.slice(t.start, t.end), kind, after.s, after.e, v));
      continue;
    }
    // (C) content before: "CONTENT, X said." / "CONTENT, said X."
    // "..., the company said on Tuesday." / "..., he said last week." — a trailing time adverbial still ends the clause
    const endsHere = (k: number) => {
      // "..., President Musharraf has said during a visit to Britain."
      if (k < n && doc.sentOf[k] === sent && toks[k].gap < 2 && EN_PP_HEAD.has(toks[k].norm) && !enLooksClausal(ctx, k)) return true;
      if (k < n && doc.sentOf[k] === sent && toks[k].gap < 2 && /^(on|last|yesterday|today|earlier|later|this|in)$/.test(toks[k].norm)) {
        let r = toks[k].norm === 'yesterday' || toks[k].norm === 'today' ? k + 1 : k + 2;
        if (
          toks[k].norm === 'in' &&
          !(k + 2 < n && /^(a|an|the)$/.test(toks[k + 1].norm) && /^(statement|interview|letter|speech)$/.test(toks[k + 2].norm))
        )
          return false;
        if (toks[k].norm === 'in') r = k + 3;
        else if (r === k + 2 && !(k + 1 < n && EN_TIME.has(toks[k + 1].norm))) return false;
        k = r;
      }
      return k >= n || doc.sentOf[k] !== sent || toks[k].gap >= 2;
    };
    let sp: ActorAcc | undefined;
    let spText = '';
    let endTok = v + 1;
    if (sb && endsHere(v + 1)) {
      sp = sb.actor;
      spText = sb.text;
    } else if (!sb && v + 1 < n && doc.sentOf[v + 1] === sent && toks[v + 1].gap < 2 && actorOf(ctx, v + 1)) {
      const m = ctx.mAt[v + 1]!;
      endTok = m.last + 1;
      if (endsHere(endTok)) {
        sp = actorOf(ctx, v + 1);
        spText = mentionText(ctx, v + 1);
      }
    }
    // "Already, he said, there have been ..." / "Incidents like this happen, said Mr Thiemann, because ..." — attribution in the middle
    const attrStart = sb ? sb.first : v;
    if (sp && v + 1 < n && endTok < n && doc.sentOf[endTok] === sent && toks[endTok].gap === 2 && toks[attrStart].gap === 2) {
      let rest = 0;
      for (let r = endTok; r < n && doc.sentOf[r] === sent; r++) rest++;
      if (rest >= 4) {
        const s1 = toks[endTok].start;
        const e1 = cutAtNextReport(ctx, s1, doc.sents[sent].end);
        if (pushClaim(((ctx.rule = 'en-mid'), ctx), sp, spText, src.slice(t.start, t.end), kind, s1, e1, v)) continue;
      }
    }
    if (sp) {
      // the content runs from the sentence start to the comma before the speaker/verb
      const subjStart = sb ? sb.first : v;
      let commaTok = subjStart;
      // "..., watchdog Ofcom has said", "..., President Musharraf of Pakistan has said": role words before the name
      for (let r = commaTok, hops = 0; sb && hops < 3 && r > 0 && toks[r].gap < 2 && doc.sentOf[r - 1] === sent; hops++) {
        const wv = toks[r - 1];
        if (ctx.mAt[r - 1] || EN_VERB.get(wv.norm) || !(wv.caps === 0 || EN_INV_SKIP.has(wv.norm))) break;
        r--;
        if (toks[r].gap === 2) {
          commaTok = r;
          break;
        }
      }
      if (toks[commaTok].gap !== 2) continue;
      const s0 = doc.sents[sent].start;
      const e0 = toks[commaTok].start - toks[commaTok].sep.length;
      if (e0 - s0 < 10) continue;
      const e1 = e0 + toks[commaTok].sep.indexOf(',') + 0;
      if (sb && sp === sb.actor)
        enPushJoint(ctx, sb, (a, tx) =>
          pushClaim(((ctx.rule = 'en-content-before'), ctx), a, tx, src.slice(t.start, t.end), kind, s0, e1, v),
        );
      else pushClaim(((ctx.rule = 'en-content-before'), ctx), sp, spText, src.slice(t.start, t.end), kind, s0, e1, v);
    }
  }
  enParagraphQuotes(ctx);
  continuationQuotes(ctx);
}

/** "exchanges to lock down ...", "them to leave": warn/urge + object + to-infinitive is a request, not a statement. */
function isRequest(head: string): boolean {
  return /^(?:[\w'’-]+\s+){0,3}to\s+[a-z]/i.test(head) && !/\bthat\b/i.test(head.split(/\s+to\s+/)[0]);
}

const EN_QCHARS = /["\u201C\u201D]/g;

/** BBC-style quotation over several paragraphs: 'X said: "A.¶¶"B.¶¶"C."' — the quotation is left open at a paragraph
 * end and the next paragraph reopens it; each paragraph is its own segment of the same speaker's claim. */
function enParagraphQuotes(ctx: Ctx, only?: ClaimX[]): void {
  const src = ctx.doc.src;
  const made = only ?? ctx.claims.filter((c) => c.rule.startsWith('en-'));
  for (const c0 of made) {
    let c: ClaimX | undefined = c0;
    for (let guard = 0; c && guard < 8; guard++) {
      // the content's quotation must still be open at the end of its paragraph
      let pe = src.indexOf('\n', c.end);
      if (pe < 0) break;
      if (!/["\u201C]/.test(src[c.start - 1] ?? '')) break;
      if ((src.slice(c.start, pe).match(EN_QCHARS) ?? []).length !== 0) break;
      let p = pe;
      while (p < src.length && /\s/.test(src[p])) p++;
      if (!/["\u201C]/.test(src[p] ?? '')) break;
      pe = src.indexOf('\n', p);
      if (pe < 0) pe = src.length;
      const close = src.slice(p + 1, pe).search(/["\u201D]/);
      const e = close >= 0 ? p + 1 + close : pe;
      const a = ctx.set.byId.get(c.speaker.actorId!);
      if (!a) break;
      const nc = pushClaim(
        ((ctx.rule = 'en-paragraph-quote'), ctx),
        a,
        c.speaker.text,
        c.verb,
        c.kind,
        p + 1,
        e,
        tokenAt(ctx.doc, p),
        true,
      );
      if (!nc || close >= 0) break;
      c = nc;
    }
  }
}

/** Push one claim for the subject and one per co-speaker of a joint statement; remember the group for "they". */
function enPushJoint(ctx: Ctx, sb: Subj, push: (a: ActorAcc, text: string) => ClaimX | undefined): ClaimX | undefined {
  const c = push(sb.actor, sb.text);
  if (!sb.others?.length) return c;
  const group = [sb.actor, ...sb.others];
  const made: ClaimX[] = c ? [c] : [];
  for (const o of sb.others) {
    const co = push(o, o.name);
    if (co) made.push(co);
  }
  for (const m of made)
    enJoint.set(
      m,
      group.filter((a) => a.id !== m.speaker.actorId),
    );
  return c;
}

/** "..., state media reported." / "..., officials said." closing a content span is a reporter aside. */
function enCutTrailingAside(ctx: Ctx, s: number, e: number): number {
  const { doc } = ctx;
  const toks = doc.toks;
  let last = tokenAt(doc, e) - 1;
  while (last >= 0 && toks[last].end > e) last--;
  if (last < 0 || !(EN_VERB.get(toks[last].norm) || /^(reported|reports|reporting)$/.test(toks[last].norm)) || doc.quoteOf[last] >= 0)
    return e;
  for (let r = last; r > last - 5 && r >= 0 && toks[r].start > s; r--) {
    if (toks[r].gap >= 2) {
      if (!/,/.test(toks[r].sep) || (ctx.mAt[r] && r === last - 1)) return e; // ", Mr X said" is handled as content-before elsewhere
      return toks[r].start - toks[r].sep.length + toks[r].sep.indexOf(',');
    }
  }
  return e;
}

/** Start of the clause ending at token v: its sentence's start. */
function clauseStartBefore(ctx: Ctx, v: number): number {
  const { doc } = ctx;
  return doc.sents[doc.sentOf[v]].start;
}

function englishAccording(ctx: Ctx, v: number, toIdx: number): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const k = toIdx + 1;
  if (k >= toks.length) return;
  let a = actorOf(ctx, k);
  let kk = k;
  if (!a) {
    for (let r = k + 1; r < Math.min(toks.length, k + 6); r++) {
      if (toks[r].gap >= 2) break;
      a = actorOf(ctx, r);
      if (a) {
        kk = r;
        break;
      }
    }
  }
  let m = a ? ctx.mAt[kk]! : undefined;
  if (!a && EN_DET.has(toks[k].norm)) {
    // "According to the bureau," → the last organisation so named
    for (let r = k + 1; r < Math.min(toks.length, k + 4); r++) {
      if (toks[r].gap >= 2) break;
      const d =
        EN_DESCRIPTIONS[toks[r].norm] ??
        (/^(bureau|office|agency|ministry|department|statement|report)$/.test(toks[r].norm) ? 'organization' : undefined);
      if (d === 'organization') {
        const w = toks[r].norm;
        a =
          lastActor(ctx, k, (x) => x.type === 'organization' && x.name.toLowerCase().includes(w)) ??
          lastClaimSpeakerOfType(ctx, v, 'organization');
        if (a) {
          kk = r;
          m = { actorId: a.id, start: toks[k].start, end: toks[r].end, first: k, last: r, field: doc.field };
        }
        break;
      }
    }
  }
  if (!a || a.type === 'location' || !m) return;
  const sent = doc.sentOf[v];
  const s0 = doc.sents[sent].start;
  const e0 = doc.sents[sent].end;
  if (doc.sentStart[v]) {
    // According to X, CONTENT.
    let c = m.last + 1;
    while (c < toks.length && doc.sentOf[c] === sent && toks[c].gap !== 2) c++;
    if (c >= toks.length || doc.sentOf[c] !== sent) return;
    pushClaim(((ctx.rule = 'en-according'), ctx), a, doc.src.slice(m.start, m.end), 'according to', 'statement', toks[c].start, e0, v);
  } else if (toks[v].gap === 2) {
    // "The ministry said ..., according to the Associated Press": the agency relays the ministry's statement
    for (let b = v - 1; b >= 0 && doc.sentOf[b] === sent; b--)
      if (EN_VERB.get(toks[b].norm) && toks[b].script === 'latin' && doc.quoteOf[b] < 0 && !(b > 0 && EN_PASSIVE.has(toks[b - 1].norm)))
        return;
    pushClaim(
      ((ctx.rule = 'en-according-end'), ctx),
      a,
      doc.src.slice(m.start, m.end),
      'according to',
      'statement',
      s0,
      toks[v].start - toks[v].sep.length,
      v,
    );
  }
}

const EN_INV_SKIP = set(
  'the mr mrs ms miss dr prof professor general gen mp mep sir lord lady president senator judge justice chief executive director secretary minister analyst economist spokesman spokeswoman spokesperson acting detective superintendent supt colonel captain commander foreign home prime deputy vice shadow defence defense finance interior former',
);
const EN_INV_ROLE = set(
  'analyst analysts economist economists expert experts official officials spokesman spokeswoman spokesperson chief boss head director chairman president secretary minister lawyer researcher researchers professor leader founder executive manager partner',
);

/** The speaker named right after an inverted verb ("said Mr X", "say the Tories", "said Professor X, head of ...",
 * "said Daiwa Securities analyst Mark Pervan", "say Cranfield University experts"): actor, its text and last token. */
function invertedSpeaker(ctx: Ctx, k: number): { actor: ActorAcc; text: string; last: number } | undefined {
  const toks = ctx.doc.toks;
  const n = toks.length;
  const sent = ctx.doc.sentOf[k - 1];
  let j = k;
  for (
    let hops = 0;
    j < n && hops < 4 && !ctx.mAt[j] && EN_INV_SKIP.has(toks[j].norm) && ctx.doc.sentOf[j] === sent && toks[j].gap < 2;
    hops++
  )
    j++;
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
  if (!a || a.type === 'location') return undefined;
  let last = m.last;
  if (a.type !== 'person') {
    // "Daiwa Securities analyst Mark Pervan": the person after the affiliation and role
    let r = m.last + 1;
    let roles = 0;
    while (r < n && roles < 3 && toks[r].gap < 2 && !ctx.mAt[r] && EN_INV_ROLE.has(toks[r].norm)) {
      r++;
      roles++;
    }
    const pm = r < n && toks[r].gap < 2 ? ctx.mAt[r] : undefined;
    const p = pm && pm.first === r ? ctx.set.byId.get(pm.actorId) : undefined;
    if (roles > 0 && p && p.type === 'person') return { actor: p, text: ctx.doc.src.slice(toks[k].start, pm!.end), last: pm!.last };
    if (roles > 0) last = r - 1;
  }
  return { actor: a, text: ctx.doc.src.slice(m.start, m.end), last };
}

/** A quote closing right before verb v, with at most a speaker NP between (or the speaker right after v). */
function quoteBefore(ctx: Ctx, v: number): { q: number; speaker?: ActorAcc; text: string } | undefined {
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
    // "said a spokesman for X" / "said the company"
    return undefined;
  }
  if (v - first > 12) return undefined;
  const sb = subjectBefore(ctx, v);
  if (sb && sb.first >= first) return { q: qi, speaker: sb.actor, text: sb.text };
  return undefined;
}

interface Subj {
  actor: ActorAcc;
  text: string;
  first: number;
  pronoun?: boolean;
  /** co-speakers of a coordinated subject */ others?: ActorAcc[];
  /** resolved from a description ("the company", "a spokesman"), not a name */ desc?: boolean;
}

/** The co-speakers of a joint claim (its first speaker's claim → the others), for a later "they said". */
const enJoint = new WeakMap<ClaimX, ActorAcc[]>();

/** subjectBefore, plus the other speakers of a coordinated subject ("Lord Justice Rix and Mr Justice Forbes ruled",
 * "The Conservatives and Liberal Democrats say", "X, Y and Z said") and of a joint claim continued by "they". */
function subjectBefore(ctx: Ctx, v: number): Subj | undefined {
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
  const sb = subjectBefore0(ctx, v);
  if (!sb || sb.pronoun) return sb;
  if (sb.desc || !ctx.mAt[sb.first]) return sb;
  const others: ActorAcc[] = [];
  let j = sb.first - 1;
  for (let guard = 0; guard < 6 && j > 0; guard++) {
    while (j > 0 && EN_INV_SKIP.has(toks[j].norm) && !ctx.mAt[j] && toks[j + 1].gap < 2) j--; // "Mr Justice"
    let conj = false;
    if (toks[j].norm === 'and' && toks[j + 1].gap < 2) {
      conj = true;
      j--;
    } else if (others.length && toks[j + 1].gap === 2) conj = true; // "X, Y and Z"
    if (!conj || j < 0 || doc.sentOf[j] !== doc.sentOf[v]) break;
    const m = ctx.mAt[j];
    if (!m || m.last !== j) break;
    const a = ctx.set.byId.get(m.actorId);
    if (!a || a.type === 'location' || (a.type === 'person') !== (sb.actor.type === 'person') || a === sb.actor) break;
    // not inside a prepositional phrase ("talks between X and Y")
    const pb = m.first - 1;
    if (pb >= 0 && /^(between|with|of|for|to|by|from|against|and|on|in|at)$/.test(toks[pb].norm) && toks[m.first].gap < 2) {
      if (toks[pb].norm !== 'and') break;
    }
    others.push(a);
    j = m.first - 1;
    if (j >= 0 && toks[m.first].gap === 2) j = m.first; // comma before: next round looks at the token before it
    if (toks[m.first].gap === 2) j = m.first - 1;
  }
  return others.length ? { ...sb, others } : sb;
}

function subjectBefore0(ctx: Ctx, v: number): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[v];
  let k = v - 1;
  let hops = 0;
  // "Guy Mansfield QC warned", "Tom Smith MP said": a post-nominal after a name
  if (k >= 1 && /^(qc|kc|mp|mep|msp|jr|sr)$/.test(toks[k].norm) && ctx.mAt[k - 1] && !ctx.mAt[k] && toks[k].gap === 0) k--;
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
  // parenthetical between subject and verb: "Mr Mates, who is ..., told"
  if (toks[k + 1].gap === 2) {
    let direct = resolveNP(ctx, k, v);
    // "BT Openzone, which operates ... in the UK, told": a name inside a relative clause is not the subject
    for (let r = k, lim = 0; r > 0 && lim < 30 && doc.sentOf[r] === sent; r--, lim++) {
      if (toks[r].gap === 2) {
        if (/^(which|who|whose|where|when)$/.test(toks[r].norm)) direct = undefined;
        break;
      }
    }
    if (direct && direct.actor.type === 'person' && toks[k + 1].gap === 2) {
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
      if (a0 && a0.type !== 'location' && toks[m0.last + 1] && toks[m0.last + 1].gap === 2)
        return { actor: a0, text: doc.src.slice(m0.start, m0.end), first: m0.first };
    }
    // "A spokesman for X, Name, said" / "Its spokesman, Name, told" / "Ukraine's foreign minister, Name, said": a person
    // named in the apposition right before the verb speaks, not the description or the affiliation body
    if (direct && !direct.pronoun && !direct.desc && direct.actor.type === 'person' && (!best || best.desc || best.actor.type !== 'person'))
      return direct;
    return best ?? direct;
  }
  return resolveNP(ctx, k, v);
}

const EN_AFF_ROLE = set(
  'spokesman spokeswoman spokesperson spokespeople official officials representative representatives lawyer lawyers head chief director chairman chairwoman president secretary minister executive boss manager analyst analysts researcher researchers expert experts source sources member members',
);

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
    return { actor: org, text: doc.src.slice(toks[f].start, toks[p + 1].end), first: f, desc: true };
  }
  return undefined;
}

/** Resolve the noun phrase ending at token k to an actor. */
function resolveNP(ctx: Ctx, k: number, v: number): Subj | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  if (k < 0) return undefined;
  const m = ctx.mAt[k];
  if (m && m.last === k) {
    const a = ctx.set.byId.get(m.actorId);
    if (a && a.type !== 'location') {
      // "Stuart Hensel of the Economist Intelligence Unit said" → the person before "of"
      const before = m.first - 1;
      const prep = before > 0 && EN_DET.has(toks[before].norm) && toks[m.first].gap < 2 ? before - 1 : before;
      if (prep > 0 && ['of', 'at', 'for', 'from'].includes(toks[prep].norm) && prep !== before) {
        const aff = enAffiliation(ctx, prep, a);
        if (aff) return aff;
      }
      if (before > 0 && ['of', 'at', 'for', 'from'].includes(toks[before].norm)) {
        // "a spokesman for the Kremlin said", "officials of the ministry said": the body speaks
        if (
          a.type !== 'person' &&
          a.type !== 'country' &&
          /^(spokesman|spokeswoman|spokesperson|spokespeople|official|officials|representative|representatives|source|sources|lawyer|lawyers)$/.test(
            toks[before - 1].norm,
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
      // possessive: "the BBC's correspondent said" → not the BBC
      return { actor: a, text: doc.src.slice(m.start, m.end), first: m.first };
    }
    if (a && a.type === 'location') return undefined;
  }
  const w = toks[k].norm;
  const pr = EN_PRONOUNS[w];
  if (pr) {
    if (pr === 'w') return undefined;
    const a = resolveEnPronoun(ctx, v, pr);
    if (a && a.type === 'person' && !a.gender && (pr === 'm' || pr === 'f')) a.gender = pr; // "he said" tells the speaker's gender
    return a ? { actor: a, text: doc.src.slice(toks[k].start, toks[k].end), first: k, pronoun: true } : undefined;
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
  }
  // "Mr Sands' book suggests", "the agency's report said": the author of a document speaks through it
  if (/^(book|report|study|statement|letter|survey|memo|blog|documentary|filing|ruling|judgment|judgement)$/.test(w) && k >= 1) {
    let j = k - 1;
    if (toks[j].norm === 's' && /['\u2019]/.test(toks[j].sep) && toks[j].gap <= 1) j--;
    else if (!/['\u2019]\s*$/.test(toks[k].sep)) j = -1;
    const mm = j >= 0 ? ctx.mAt[j] : undefined;
    const a = mm && mm.last === j ? ctx.set.byId.get(mm.actorId) : undefined;
    if (a && a.type !== 'location') return { actor: a, text: doc.src.slice(mm!.start, toks[k].end), first: mm!.first, desc: true };
  }
  if (
    /^(spokesman|spokeswoman|spokesperson|spokespeople|lawyer|lawyers|officials|official|sources|source|representatives|solicitor|aides|aide|agent|agents|officer|officers|investigators|executives|diplomats|negotiators)$/.test(
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
      if (a && a.type !== 'location' && (a.type !== 'country' || /^(officials|official|sources|source|representatives)$/.test(w)))
        return { actor: a, text: doc.src.slice(mm.start, toks[k].end), first: mm.first };
    }
  }
  let d = EN_DESCRIPTIONS[w];
  if (!d && w === 'general' && k > 0 && toks[k - 1].norm === 'secretary') {
    d = 'person';
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
      if (jj >= 1 && toks[jj].norm === 's' && /['\u2019]/.test(toks[jj].sep) && toks[jj + 1].gap === 0) {
        const pm = ctx.mAt[jj - 1];
        const pa = pm && pm.last === jj - 1 ? ctx.set.byId.get(pm.actorId) : undefined;
        if (pa && pa.type !== 'location' && pa.type !== 'person') {
          const text = doc.src.slice(pm!.start, toks[k].end);
          if (d === 'person' && !/^spokes/.test(w)) {
            const p =
              pa.type === 'country'
                ? personByTitle(ctx, w, toks[k].start)
                : (personByTitle(ctx, w, toks[k].start) ?? lastClaimSpeakerOfType(ctx, v, 'person') ?? mostSalient(ctx, v, 'person'));
            return { actor: p ?? enLeadForward(ctx, v, (x) => x.type === 'person') ?? pa, text, first: pm!.first, desc: true };
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
          const p = personByTitle(ctx, w, toks[k].start) ?? lastClaimSpeakerOfType(ctx, v, 'person') ?? mostSalient(ctx, v, 'person');
          if (p) return { actor: p, text: doc.src.slice(mm.start, toks[k].end), first: mm.first, desc: true };
        }
        return { actor: a, text: doc.src.slice(mm.start, toks[k].end), first: mm.first };
      }
    }
    if (j >= 1 && !EN_DET.has(toks[j].norm) && toks[j].caps === 0 && EN_DET.has(toks[j - 1].norm) && !ctx.mAt[j]) j--; // "the tech giant"
    if (j >= 0 && (EN_DET.has(toks[j].norm) || toks[j].norm === 's')) {
      const isSpokes = /^spokes/.test(w);
      if (isSpokes) {
        // "a spokesman for X said" handled when X follows; else the organisation in focus
        const a = enOrgInFocus(ctx, k, isOrgish);
        return a ? { actor: a, text: doc.src.slice(toks[j].start, toks[k].end), first: j, desc: true } : undefined;
      }
      const orgOk = (x: ActorAcc) => x.type === 'organization' && (!EN_COMPANY_NOUN.has(w) || nameHas(x, 'company'));
      const a =
        d === 'person'
          ? (personByTitle(ctx, w, toks[k].start) ?? lastClaimSpeakerOfType(ctx, v, 'person') ?? mostSalient(ctx, v, 'person'))
          : /^(company|firm|group|giant)$/.test(w)
            ? enOrgInFocus(ctx, k, orgOk)
            : (lastActor(ctx, k, (x) => x.type === 'organization' && nameHas(x, w)) ??
              (EN_GENERIC_ORG.has(w) ? enOrgInFocus(ctx, k, orgOk) : w !== 'government' ? enRecentOrgSpeaker(ctx, v) : undefined));
      return a ? { actor: a, text: doc.src.slice(toks[j].start, toks[k].end), first: j, desc: true } : undefined;
    }
  }
  return undefined;
}

/** Organisation nouns that may refer to any organisation ("the firm" = the last company); institution nouns (court,
 * ministry, government, party ...) refer only to a body whose name has that word. */
const EN_COMPANY_NOUN = set('company firm group giant maker retailer carrier airline insurer operator bank exchange');
const EN_GENERIC_ORG = set(
  'company firm group giant maker retailer carrier airline insurer operator newspaper paper website broadcaster channel network daily watchdog regulator body organisation organization bank exchange',
);

/** The organisation a description ("the company", "a spokesperson") refers to: the organisation speaking in the last
 * three sentences, else the last one named outside claim contents, unless another is far more present in the story. */
function enOrgInFocus(ctx: Ctx, k: number, pred: (a: ActorAcc) => boolean): ActorAcc | undefined {
  const lc = lastClaimBefore(ctx, k);
  const lcA = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
  if (lc && lcA && pred(lcA) && ctx.doc.sentOf[k] - ctx.doc.sentOf[lc.at] <= 3) return lcA;
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

/** In the lead sentence, a description ("a security firm has warned", "Amnesty's chief has said") refers to the
 * first matching actor named in the next two sentences. */
function enLeadForward(ctx: Ctx, v: number, pred: (a: ActorAcc) => boolean): ActorAcc | undefined {
  const { doc } = ctx;
  if (doc.sentOf[v] !== 0) return undefined;
  const pos = doc.toks[v].end;
  const lim = doc.sents[Math.min(doc.sents.length - 1, 2)].end;
  for (let i = orderAt(ctx, pos); i < ctx.order.length && ctx.order[i].start < lim; i++) {
    const a = ctx.set.byId.get(ctx.order[i].actorId);
    if (a && a.type !== 'location' && pred(a)) return a;
  }
  return undefined;
}

/** "The FBI said ... . "...," the bureau said": an institution noun whose name does not contain it refers to the
 * organisation that spoke in this or the previous two sentences. */
function enRecentOrgSpeaker(ctx: Ctx, v: number): ActorAcc | undefined {
  const lc = lastClaimBefore(ctx, v);
  const a = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
  return lc && a && a.type === 'organization' && ctx.doc.sentOf[v] - ctx.doc.sentOf[lc.at] <= 2 ? a : undefined;
}

function nameHas(a: ActorAcc, w: string): boolean {
  const n = a.name.toLowerCase();
  if (/^(company|firm|group|giant|airline|carrier|retailer|maker|insurer|operator|bank)$/.test(w) && !n.includes(w))
    return !/(ministry|department|party|court|government|council|commission|administration|agency|parliament|union|army|police|office|bureau|nations|committee|kremlin|white house|pentagon|downing street|senate|congress)/.test(
      n,
    );
  return n.includes(w);
}

function lastClaimSpeakerOfType(ctx: Ctx, v: number, type: string): ActorAcc | undefined {
  for (let i = ctx.claims.length - 1; i >= 0; i--) {
    const c = ctx.claims[i];
    if (c.at >= v) continue;
    const a = ctx.set.byId.get(c.speaker.actorId!);
    if (a && a.type === type) return a;
  }
  return undefined;
}

function mostSalient(ctx: Ctx, v: number, type: string): ActorAcc | undefined {
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

function resolveEnPronoun(ctx: Ctx, v: number, p: 'm' | 'f' | 'p' | 'n'): ActorAcc | undefined {
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

function subjectOfSentence(ctx: Ctx, v: number): ActorAcc | undefined {
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
      // first mention of the sentence ("Former Cabinet minister Clare Short": the person after an affiliation + role)
      for (let j = k; j < v; j++) {
        const a = actorOf(ctx, j);
        if (a && a.type !== 'location') {
          const m = ctx.mAt[j]!;
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

/** Content after the verb (index of the last verb token): skip "that", objects of told/warned, adverbials. */
function contentAfter(ctx: Ctx, v: number, verb: string): { s: number; e: number } | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[v];
  const n = toks.length;
  let k = v + 1;
  if (k >= n) return undefined;
  // colon or quote right after the verb
  const sepAfter = toks[k].sep;
  // ('... Ms Short said. "I don't know ..."': a quote after a full stop is not this verb's content)
  if ((/:/.test(sepAfter) || /["\u201C]/.test(sepAfter)) && !/^[^"\u201C:]*[.!?]/.test(sepAfter)) {
    const qi = sepAfter.search(/["\u201C]/);
    const s = qi >= 0 ? toks[k].start - sepAfter.length + qi : toks[k].start;
    const qsi = doc.quoteAt.get(s);
    let e = qsi !== undefined ? doc.quotes[qsi].close + 1 : doc.sents[doc.sentOf[k]].end;
    // a quotation left open at the end of its paragraph (BBC style) ends there; the next paragraph is its own segment
    const nl = doc.src.indexOf('\n', s);
    if (nl >= 0 && nl < e) e = nl;
    return { s, e };
  }
  if (doc.sentOf[k] !== sent) return undefined;
  if (toks[k].gap >= 2 && toks[k].gap !== 4) {
    // ", in a statement, ..." parenthetical after the verb
    if (toks[k].gap === 2) {
      let c = k;
      while (c < n && doc.sentOf[c] === sent && c - k < 10 && !(c > k && toks[c].gap === 2)) c++;
      if (c < n && doc.sentOf[c] === sent && toks[c].gap === 2 && EN_TIME.has(toks[k].norm)) k = c;
      else return undefined;
    } else return undefined;
  }
  // objects of told / warned / urged
  if (EN_OBJ_VERBS.has(verb) && !(toks[k].norm === 'that')) {
    let thatAt = -1;
    for (let j = k; j < Math.min(n, k + 9); j++) {
      if (doc.sentOf[j] !== sent || toks[j].gap >= 2) break;
      if (toks[j].norm === 'that') {
        thatAt = j;
        break;
      }
    }
    if (thatAt >= 0) k = thatAt + 1;
    else {
      const m = ctx.mAt[k];
      if (m) {
        k = m.last + 1;
        if (k < n && toks[k].norm === 's' && toks[k].sep === "'") {
          k++;
          while (k < n && toks[k].caps && toks[k].gap === 0) k++;
        }
      } else if (EN_RECIP.has(toks[k].norm)) {
        const det = EN_DET.has(toks[k].norm);
        k++;
        if (det) {
          // skip the rest of the NP: adjectives/nouns until a word that starts a clause
          let steps = 0;
          while (
            k < n &&
            doc.sentOf[k] === sent &&
            toks[k].gap < 2 &&
            steps < 4 &&
            !/^(the|a|an|he|she|it|they|we|i|there|this|his|her|its|their|our|mr|mrs|ms)$/.test(toks[k].norm) &&
            !ctx.mAt[k]
          ) {
            k++;
            steps++;
          }
          // "told the Observer his ...": the recipient is a named outlet
          if (
            steps === 0 &&
            k < n &&
            ctx.mAt[k] &&
            ctx.mAt[k]!.first === k &&
            ctx.set.byId.get(ctx.mAt[k]!.actorId)?.type === 'organization'
          )
            k = ctx.mAt[k]!.last + 1;
        }
      } else if (['accused', 'accuses', 'accusing', 'blamed', 'blames'].includes(verb)) {
        // the object is part of the content
      } else if (ctx.mAt[k] === undefined && toks[k].caps === 0 && verb !== 'warned' && verb !== 'warns') {
        k++;
      }
    }
  }
  // "told BBC Radio 4's Today programme: "..."": the colon after the recipient opens the content
  if (EN_OBJ_VERBS.has(verb) && k < n && !/:/.test(toks[k].sep)) {
    for (let r = k + 1; r < n && r <= k + 6 && !EN_FINITE.has(toks[r].norm) && toks[r - 1].norm !== 'that'; r++) {
      if (/:/.test(toks[r].sep) && !/[.!?]/.test(toks[r].sep)) {
        const qi0 = toks[r].sep.search(/["\u201C]/);
        const s0 = qi0 >= 0 ? toks[r].start - toks[r].sep.length + qi0 : toks[r].start;
        const qs0 = doc.quoteAt.get(s0);
        let e0 = qs0 !== undefined ? doc.quotes[qs0].close + 1 : doc.sents[doc.sentOf[r]].end;
        const nl = doc.src.indexOf('\n', s0);
        if (nl >= 0 && nl < e0) e0 = nl;
        return { s: s0, e: e0 };
      }
      if (doc.sentOf[r] !== sent || toks[r].gap >= 2) break;
    }
  }
  // adverbials: on Friday, last week, in a statement
  while (
    k < n &&
    doc.sentOf[k] === sent &&
    (toks[k].norm === 'on' ||
      toks[k].norm === 'last' ||
      toks[k].norm === 'yesterday' ||
      toks[k].norm === 'today' ||
      toks[k].norm === 'earlier' ||
      toks[k].norm === 'later') &&
    k + 1 < n &&
    EN_TIME.has(toks[k + 1].norm)
  ) {
    k += toks[k].norm === 'yesterday' || toks[k].norm === 'today' ? 1 : 2;
  }
  // "said on Twitter that ...", "told a news conference in Geneva that ...", "said in an interview that ...": a
  // prepositional phrase before the complementiser is not content
  if (k < n && (EN_PP_HEAD.has(toks[k].norm) || toks[k].norm === 'to') && toks[k].gap < 2) {
    for (
      let r = k + 1;
      (r < n && r <= k + 7 && doc.sentOf[r] === sent && toks[r].gap < 2 && !EN_FINITE.has(toks[r].norm) && !ctx.mAt[r]) ||
      (r < n && r <= k + 7 && ctx.mAt[r] && toks[r].gap < 2);
      r++
    ) {
      if (toks[r].norm === 'that') {
        k = r;
        break;
      }
    }
  }
  // "has said repeatedly that ...", "said publicly that ..."
  for (
    let r = k, hops = 0;
    r < n && hops < 2 && toks[r].gap === 0 && /^[a-z]+ly$/.test(toks[r].norm) && doc.sentOf[r] === sent && toks[r].caps === 0;
    r++, hops++
  ) {
    if (r + 1 < n && toks[r + 1].norm === 'that' && toks[r + 1].gap < 2) {
      k = r + 1;
      break;
    }
  }
  let hadThat = false;
  if (k < n && toks[k].norm === 'that' && toks[k].gap < 2) {
    k++;
    hadThat = true;
  }
  if (k >= n || doc.sentOf[k] !== sent) return undefined;
  // "X has said during a visit to Britain": a prepositional phrase is no content
  if (!hadThat && EN_PP_HEAD.has(toks[k].norm) && !enLooksClausal(ctx, k)) {
    // "said in an official statement: "..."" — the colon or quotation after the phrase opens the content
    let r = k + 1;
    while (r < n && r < k + 7 && doc.sentOf[r] === sent && toks[r].gap < 2 && !/[:"\u201C]/.test(toks[r].sep)) r++;
    if (!(r < n && r < k + 7 && /[:"\u201C]/.test(toks[r].sep) && (doc.sentOf[r] === sent || /:/.test(toks[r].sep)))) return undefined;
    const qi0 = toks[r].sep.search(/["\u201C]/);
    const s0 = qi0 >= 0 ? toks[r].start - toks[r].sep.length + qi0 : toks[r].start;
    const qs0 = doc.quoteAt.get(s0);
    return { s: s0, e: qs0 !== undefined ? doc.quotes[qs0].close + 1 : doc.sents[doc.sentOf[r]].end };
  }
  // "announced the settlements", "agreed a deal", "wrote an account": a noun object, not a reported proposition
  if (!hadThat && EN_NP_OBJ_VERBS.has(verb) && !/["\u201C]/.test(toks[k].sep) && !enLooksClausal(ctx, k)) return undefined;
  // quote opening right here?
  const sep = toks[k].sep;
  let s = toks[k].start;
  const qi = sep.search(/["\u201C]/);
  if (qi >= 0) s = toks[k].start - sep.length + qi;
  let e = doc.sents[sent].end;
  for (let qi = quoteIdxAt(doc, s); qi < doc.quotes.length && doc.quotes[qi].open < e; qi++) {
    const q = doc.quotes[qi];
    if (q.open >= s && q.close >= e) e = q.close + 1;
  }
  e = cutAtNextReport(ctx, s, e);
  if (e - s < 8) return undefined;
  return { s, e };
}

const EN_NP_OBJ_VERBS = set(
  'announced announces unveiled unveils revealed reveals disclosed agreed agrees wrote writes reiterated reiterates criticised criticized criticises criticizes condemned condemns',
);
const EN_PP_HEAD = set('during at in on after before while following ahead outside inside amid since');
const EN_FINITE = set('is are was were be been has have had will would could can may might must should shall did does do am');

/** Does the text from token k look like a clause (a finite verb or a pronoun subject before the first comma)? */
function enLooksClausal(ctx: Ctx, k: number): boolean {
  const toks = ctx.doc.toks;
  const sent = ctx.doc.sentOf[k];
  if (EN_PRONOUNS[toks[k].norm] || /^(there|i|we|you)$/.test(toks[k].norm)) return true;
  for (let r = k; r < toks.length && r < k + 14 && ctx.doc.sentOf[r] === sent; r++) {
    if (r > k && toks[r].gap >= 2) return false;
    if (EN_FINITE.has(toks[r].norm)) return true;
  }
  return false;
}

function quoteIdxAt(doc: Doc, pos: number): number {
  let lo = 0,
    hi = doc.quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.quotes[mid].open < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A quoted sentence/paragraph right after a claim, without attribution of its own, continues it. */
function continuationQuotes(ctx: Ctx): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const byStart = [...ctx.claims].sort((a, b) => a.start - b.start);
  let ptr = 0;
  let prev: ClaimX | undefined;
  for (let qi = 0; qi < doc.quotes.length; qi++) {
    while (ptr < byStart.length && byStart[ptr].end <= doc.quotes[qi].open) {
      if (!prev || byStart[ptr].end >= prev.end) prev = byStart[ptr];
      ptr++;
    }
    if (ctx.usedQuotes.has(qi)) continue;
    const q = doc.quotes[qi];
    // the quote must start a sentence or paragraph
    let p = q.open - 1;
    while (p >= 0 && (doc.src[p] === ' ' || doc.src[p] === '\t')) p--;
    if (p >= 0 && !/[.!?\n]/.test(doc.src[p]) && !/["\u201D]/.test(doc.src[p])) continue;
    // already covered by a claim?
    let overl = false;
    for (let j = Math.max(0, ptr - 3); j < Math.min(byStart.length, ptr + 3); j++) {
      const c = byStart[j];
      if (c.start < q.close && q.open < c.end) overl = true;
    }
    if (overl) continue;
    // the previous claim ends within ~2 sentences before
    if (!prev) continue;
    const between = doc.src.slice(prev.end, q.open);
    const sentsBetween = (between.match(/[.!?\n]/g) ?? []).length;
    if (between.length > 220 || sentsBetween > 3) continue;
    // something other than the attribution between? (another named actor → skip)
    let other = false;
    const prevSent = doc.sentOf[Math.min(toks.length - 1, Math.max(0, prev.at))];
    for (let ti = tokenAt(doc, prev.end); ti < toks.length && toks[ti].end <= q.open; ti++)
      if (doc.sentOf[ti] > prevSent && ctx.mAt[ti] && ctx.mAt[ti]!.actorId !== prev.speaker.actorId) other = true;
    if (other) continue;
    // after the quote, an attribution of its own ('"...," she said') that found no speaker: not a continuation
    {
      let ti = tokenAt(doc, q.close + 1);
      let own = false;
      // only a quotation ended by a comma ('"...," she said') announces its own attribution
      if (!(doc.src[q.close - 1] === ',' || /^\s*,/.test(doc.src.slice(q.close + 1, q.close + 4)))) ti = toks.length;
      for (
        let h = 0;
        ti < toks.length &&
        h < 4 &&
        !/[.!?\n]/.test(
          doc.src
            .slice(q.close + 1, toks[ti].start)
            .replace(/^["\u201D]/, '')
            .replace(/^\s*,/, ''),
        );
        ti++, h++
      )
        if (EN_VERB.get(toks[ti].norm)) {
          own = true;
          break;
        }
      if (own) continue;
    }
    // after the quote, an attribution to someone else? (handled by quoteBefore already)
    const a = ctx.set.byId.get(prev.speaker.actorId!);
    if (!a) continue;
    // a quotation "closed" only by the next paragraph's opening mark ends at its own paragraph
    const nl = doc.src.indexOf('\n', q.open);
    const qe = nl >= 0 && nl < q.close ? nl : q.close;
    const c = pushClaim(
      ((ctx.rule = 'en-continuation'), ctx),
      a,
      prev.speaker.text,
      prev.verb,
      prev.kind,
      q.open + 1,
      qe,
      tokenAt(doc, q.open),
      true,
    );
    if (c) {
      ctx.usedQuotes.add(qi);
      prev = c;
      if (qe !== q.close) {
        const before = ctx.claims.length;
        enParagraphQuotes(ctx, [c]);
        if (ctx.claims.length > before) prev = ctx.claims[ctx.claims.length - 1];
      }
    }
  }
}

// ===================================================================== entry

export function extractClaims(doc: Doc, set: ActorSet, lang: string, scriptMix: { arabic: number; latin: number }): ClaimX[] {
  const mAt: (MentionX | undefined)[] = new Array(doc.toks.length);
  const order: MentionX[] = [];
  for (const a of set.byId.values())
    for (const m of a.mentions)
      if (m.field === doc.field) {
        order.push(m);
        for (let k = m.first; k <= m.last; k++) if (!mAt[k] || mAt[k]!.last - mAt[k]!.first < m.last - m.first) mAt[k] = m;
      }
  order.sort((a, b) => a.start - b.start);
  const ctx: Ctx = { doc, set, mAt, claims: [], usedQuotes: new Set(), order, rule: '', titles: new Map(), titleOf: new Map() };
  collectTitles(ctx);
  inferGenders(viewOf(ctx)); // ADR 0016 hook: first-name gender for pronoun/participle agreement
  if (scriptMix.arabic > 0) {
    arabicClaims(ctx);
    arabicNested(viewOf(ctx)); // ADR 0016 hook: nested statements of other named actors
  }
  if (scriptMix.latin > 0 && (lang === 'en' || scriptMix.latin > scriptMix.arabic)) englishClaims(ctx);
  ctx.claims.sort((a, b) => a.start - b.start || a.end - b.end);
  return ctx.claims;
}
