// Claim extraction, shared by both languages: the claim record, the extraction context, role words (titles),
// pushing a claim (content trimming) and the back-reference helpers both languages' resolvers use.

import { arVerbOf } from '../actors/ar/names';
import { type ActorAcc, ActorSet, type MentionX } from '../actors/shared';
import { type Doc, tokenAt } from '../doc';
import { AR_ASIDE, AR_BLAME_NOUNS, AR_BLAME_VERBS, AR_COMP, AR_FEM_TITLE, AR_RESPONSE, AR_VERBS } from '../lexicon/ar';
import { EN_ASIDE, EN_VERB } from '../lexicon/en';
import { TITLE_KEYS } from '../lexicon/shared';
import { inSpans } from '../text';
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

export interface Ctx {
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
  /** ADR 0016: the discourse view of this context and its English extension, built on first use (claims/discourse.ts,
   * claims/en/families.ts); fields, not WeakMaps, so they die with the context at no GC cost */
  view: object | undefined;
  enView: object | undefined;
}

/** Remember which person each role word introduced ("الرئيس التركي رجب طيب أردوغان", "Prime Minister Tony Blair"). */
export function collectTitles(ctx: Ctx): void {
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
      // English: only a capitalised modifier may sit between ("Minister Designate X"); a verb, a lower-case word or another
      // name means the title is another person's ("Defence Minister Y informed X")
      if (b < m.first - 1 && toks[b + 1].script === 'latin' && (toks[b + 1].caps === 0 || ctx.mAt[b + 1])) break;
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
export function fitsTitle(ctx: Ctx, a: ActorAcc, word: string): boolean {
  if (a.type !== 'person') return true;
  const key = word.replace(/^(ال)/, '');
  if (!TITLE_KEYS.has(key)) return true;
  const t = ctx.titleOf.get(a.id);
  return !t || t.has(key);
}

/** The person last introduced with this role word before position pos. */
export function personByTitle(ctx: Ctx, word: string, pos: number): ActorAcc | undefined {
  const key = word.replace(/^(ال)/, '');
  const list = ctx.titles.get(key) ?? ctx.titles.get(word);
  if (!list) return undefined;
  let best: { pos: number; actor: ActorAcc } | undefined;
  for (const e of list) if (e.pos < pos && (!best || e.pos > best.pos)) best = e;
  return best?.actor;
}

const TRAIL = /[\s.,،;؛:!?؟…\-–—]+$/;
const LEAD = /^[\s,،:;؛\-–—]+/;
export const OPENQ = /^["\u201C\u00AB\u201E]/;
const CLOSEQ = /["\u201D\u00BB\u201C]$/;

export function actorOf(ctx: Ctx, k: number): ActorAcc | undefined {
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

export function pushClaim(
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
export function orderAt(ctx: Ctx, pos: number): number {
  let lo = 0,
    hi = ctx.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.order[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function mentionText(ctx: Ctx, k: number): string {
  const m = ctx.mAt[k];
  return m ? ctx.doc.src.slice(m.start, m.end) : ctx.doc.toks[k].norm;
}

/** The last actor before token k satisfying pred (mention order), looking back at most `maxBack` chars. */
export function lastActor(
  ctx: Ctx,
  k: number,
  pred: (a: ActorAcc) => boolean,
  excludeQuoted = false,
  notInClaims = false,
): ActorAcc | undefined {
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

export function lastClaimBefore(ctx: Ctx, k: number): ClaimX | undefined {
  let best: ClaimX | undefined;
  for (let i = ctx.claims.length - 1, lim = 0; i >= 0 && lim < 30; i--, lim++) {
    const c = ctx.claims[i];
    // session 6: a denial in a relative comment clause ("…، الأمر الذي تنفيه X") is subordinate: its speaker is not the
    // one a later participle or pronoun continues (the main clause's subject is)
    if (c.rule === 'ar-relative-denial') continue;
    if (c.at < k && (!best || c.at > best.at)) best = c;
  }
  return best;
}

export const isOrgish = (a: ActorAcc) => a.type === 'organization' || a.type === 'country' || a.type === 'group';

/** Words after وذلك that open the reporter's account of the occasion (folded). */
export const AR_OCCASION_WORDS = new Set(
  'بعد خلال في عقب قبل اثناء علي عند لدي ردا تعليقا بمناسبه اثر اتر اثناء امام اسبوع يوم'.split(' '),
);

export function cutAtNextReport(ctx: Ctx, s: number, e: number): number {
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
    // fifth session (en): "..., and he warned that ...", "but she also said ...": a pronoun subject resuming the speaker
    // with a second reporting verb opens its own claim
    if (
      t.script === 'latin' &&
      (t.norm === 'and' || t.norm === 'but') &&
      ti + 2 < toks.length &&
      /^(he|she|they|it)$/.test(toks[ti + 1].norm) &&
      ctx.doc.quoteOf[ti] < 0
    ) {
      const vi = toks[ti + 2].norm === 'also' && ti + 3 < toks.length ? ti + 3 : ti + 2;
      if (EN_VERB.get(toks[vi].norm) && toks[vi].gap === 0 && !/^(agreed|agrees|continued|called|states)$/.test(toks[vi].norm))
        return t.start - t.sep.length;
    }
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
    // session 6: "نفت X أي تورط وهي تلقي اللوم على …": وهي/وهو + a reporting or blame verb resumes the speaker with a
    // statement of its own
    if (
      t.script === 'arabic' &&
      (t.norm === 'وهي' || t.norm === 'وهو') &&
      ti + 1 < toks.length &&
      toks[ti + 1].gap <= 1 &&
      (AR_BLAME_VERBS.has(toks[ti + 1].norm) || AR_VERBS.has(toks[ti + 1].norm)) &&
      ctx.doc.quoteOf[ti] < 0
    )
      return t.start - t.sep.length;
    // round 7: "… وستحمي استثماراتها وذلك بعد اجتماع مع …": وذلك + a time or occasion word opens the reporter's
    // account of when and where, also without a comma (inside a quotation it is the speaker's own)
    if (
      t.script === 'arabic' &&
      t.norm === 'وذلك' &&
      t.gap <= 1 &&
      ti + 1 < toks.length &&
      AR_OCCASION_WORDS.has(toks[ti + 1].norm) &&
      ctx.doc.quoteOf[ti] < 0
    )
      return t.start - t.sep.length;
    // round 7: "اتهمت X Y بـ… وقالت إن …": a coordinated reporting verb right before its complementiser opens the
    // same speaker's next statement, also without a comma
    if (
      t.script === 'arabic' &&
      t.gap <= 1 &&
      ti + 1 < toks.length &&
      toks[ti + 1].gap <= 1 &&
      AR_COMP.has(toks[ti + 1].norm) &&
      ctx.doc.quoteOf[ti] < 0
    ) {
      const cv = arVerbOf(t);
      if (cv && cv.strip && !AR_VERBS.get(cv.verb)!.participle) return t.start - t.sep.length;
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
      // round 7: "…، إلا أن ذلك لم يمنع …": "however" with a new subject is the reporter's (with a pronoun — إلا أنها —
      // the speaker goes on)
      if (t.script === 'arabic' && /^(الا|غير)$/.test(t.norm) && nx && /^(ان|أن)$/.test(nx.norm)) return t.start - t.sep.length;
      // session 6: "…، منحية باللائمة على …": blame laid by a participle is a claim of its own (ar-blame)
      if (t.script === 'arabic' && AR_BLAME_VERBS.has(t.norm) && nx && AR_BLAME_NOUNS.has(nx.norm)) return t.start - t.sep.length;
      // session 6: "…، الأمر الذي تنفيه X" / "…، وهو ما نفته X": a relative comment clause with a reporting verb is another
      // speaker's answer (ar/families.ts ar-relative-denial), not part of this content
      if (t.script === 'arabic' && (t.norm === 'الامر' || t.norm === 'وهو') && nx) {
        let vi = t.index + 1;
        if (t.norm === 'وهو' && nx.norm === 'الامر') vi++;
        const rel = vi < toks.length ? toks[vi].norm : '';
        if ((rel === 'الذي' || rel === 'ما') && vi + 1 < toks.length) {
          const w = toks[vi + 1].norm.replace(/^[وف]/, '');
          if (AR_VERBS.has(w) || AR_VERBS.has(w.replace(/(ته|ها|ه)$/, '')) || AR_VERBS.has(w.replace(/(ه|ها)$/, '')))
            return t.start - t.sep.length;
        }
      }
      // (issue 11: also "، ثم استطرد/تابع قائلا": a second reporting verb of the same speaker, its own claim)
      if (t.script === 'arabic' && /^(اذ|حيث|فيما|بينما|ثم|وثم)$/.test(t.norm) && nx && (arVerbOf(nx) || AR_RESPONSE.has(nx.norm)))
        return t.start - t.sep.length;
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

/** Number of paragraph breaks (runs of newlines) between two positions. */
export function paraGap(ctx: Ctx, from: number, to: number): number {
  if (to <= from) return 0;
  const m = ctx.doc.src.slice(from, to).match(/\n+/g);
  return m ? m.length : 0;
}

/** Is this mention inside the content of a claim already extracted? */
export function inClaimContent(ctx: Ctx, m: MentionX): boolean {
  for (let i = ctx.claims.length - 1, lim = 0; i >= 0 && lim < 40; i--, lim++) {
    const c = ctx.claims[i];
    if (c.start <= m.start && m.end <= c.end && c.speaker.actorId !== m.actorId) return true;
  }
  return false;
}

/** The speaker of the most recent claim before token k, in the same or the previous paragraph, satisfying pred. */
export function recentCompatibleSpeaker(ctx: Ctx, k: number, pred: (a: ActorAcc, c: ClaimX) => boolean): ActorAcc | undefined {
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
export function firstInRecentSentence(ctx: Ctx, k: number, pred: (a: ActorAcc) => boolean, notInClaims = false): ActorAcc | undefined {
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
