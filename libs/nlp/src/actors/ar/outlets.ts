// issue 11 (session 6; ADR 0017): two Arabic name cues of Gulf and Egyptian papers.
// - The outlet spoken to: «X» quoted whole after a lone ل or after مع, with a reporting verb or a statement noun up to
//   six words before in the same sentence ("وقال المحلل المالي عبدالله الكثيري لـ«الشرقية الاقتصادية»"، "كشفت مصادر
//   مطلعة لـ«الخليج»"، "في اتصال هاتفي مع «الخليج اللندنية»"). Before, only a quoted KB country or city was re-typed
//   (shared.ts quotedAfterLam); a quoted name the KB does not know gave nothing.
// - A short name in brackets right after a body's full name is the same body ("شركة الزيت العربية السعودية (أرامكو
//   السعودية)"، "السوق المالية السعودية «تداول»"): the two mentions were two actors, one of them spurious.

import { AR_DAYS, AR_ORG_HEADS, AR_STOP, AR_VERBS } from '../../lexicon/ar';
import { AR_CORPUS_COMMON } from '../../lexicon/ar-common';
import { type ActorAcc, addRule, type ExtractCtx, uncover } from '../shared';

const AR_STATEMENT_NOUNS = new Set(
  'تصريح تصريحات تصريحه تصريحها حديث حديثه حديثها مقابله بيان مصدر مصادر مسوول مسوولون مسوولين اتصال هاتفي'.split(' '),
);
const OPEN = /["«\u201C]\s*$/;
const CLOSE = /^\s*["»\u201D]/;

/** The quotation opening at token k (its sep holds the opening mark): its last token when it closes within four words. */
function quotedEnd(ctx: ExtractCtx, k: number): number {
  const toks = ctx.doc.toks;
  for (let e = k; e < toks.length && e - k < 4; e++) {
    if (e > k && toks[e].gap > 1) return -1;
    if (e + 1 >= toks.length) return -1;
    if (CLOSE.test(toks[e + 1].sep)) return e;
  }
  return -1;
}

function statementBefore(ctx: ExtractCtx, k: number): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  // (session 7: ten words, across the commas of a title apposition: "وقالت المحامية X، وكيلة المودع، لـ«الصباح»")
  for (let j = k - 1; j >= 0 && j >= k - 10; j--) {
    if (doc.sentStart[j + 1] || (toks[j + 1].gap > 2 && j + 1 < k - 1)) break;
    const w = toks[j].norm;
    const s = w.length > 3 && (w[0] === 'و' || w[0] === 'ف') ? w.slice(1) : w;
    if (AR_VERBS.has(w) || AR_VERBS.has(s) || AR_STATEMENT_NOUNS.has(s)) return true;
  }
  return false;
}

export function arOutletSpokenTo(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.gap !== 4 || t.script !== 'arabic' || !OPEN.test(t.sep)) continue; // (gap 4: a quotation mark before it)
    const pv = toks[k - 1].norm;
    if (pv !== 'ل' && pv !== 'مع') continue;
    const e = quotedEnd(ctx, k);
    if (e < 0) continue;
    let free = true;
    for (let q = k; q <= e && free; q++) {
      const c = cover[q];
      // (a function word may not open the name; «الأسواق اليوم» may end in one)
      if ((q === k && AR_STOP.has(toks[q].norm)) || (c && (c.startsWith('skip:') || ctx.set.byId.get(c)?.type !== 'location')))
        free = false;
    }
    if (!free || !statementBefore(ctx, k - 1)) continue;
    for (let q = k; q <= e; q++) if (cover[q]) uncover(ctx, q);
    addRule(ctx, 'organization', doc.src.slice(t.start, toks[e].end), k, e);
    k = e;
  }
  arFusedOutlet(ctx);
}

/**
 * session 7: "في تصريح لهسبريس، إن …"، "في حديث لـسكاي …": one unquoted word fused to ل right after a statement noun
 * (تصريح، حديث، مقابلة) is the outlet spoken to, when it is no common word (not "في تصريح لوسائل الإعلام"، "لها"،
 * "للصحفيين") and a boundary closes it (a comma, إن/أن, the end of the sentence).
 */
function arFusedOutlet(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  for (let k = 1; k + 1 < toks.length; k++) {
    const t = toks[k];
    if (t.gap > 1 || cover[k] || t.script !== 'arabic' || t.norm.charCodeAt(0) !== 0x0644 || t.norm.length < 5) continue;
    const pv = toks[k - 1].norm;
    if (!/^(تصريح|حديث|مقابله|تصريحات|حوار)$/.test(pv)) continue;
    const w = t.norm.slice(1);
    if (
      w.startsWith('ل') ||
      w.startsWith('ا') ||
      AR_STOP.has(t.norm) ||
      AR_CORPUS_COMMON.has(w) ||
      AR_ORG_HEADS.has(w) ||
      /(ه|ها|هم)$/.test(w)
    )
      continue;
    const nx = toks[k + 1];
    if (nx.gap <= 1 && !/^(ان|انه|انها|بان)$/.test(nx.norm)) continue;
    const raw = doc.src.slice(t.start, t.end);
    addRule(ctx, 'organization', raw.slice(1), k, k, t.start + 1, t.end);
  }
}

/**
 * FULL NAME (SHORT) / FULL NAME «SHORT»: when both are organisation mentions (KB or rule), the short one joins the
 * actor of the full one (a KB actor wins: its id is the one the rest of the pipeline knows).
 */
export function arBracketShortNames(ctx: ExtractCtx): void {
  const { doc, cover, set } = ctx;
  const toks = doc.toks;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.gap < 2 || t.gap > 4 || t.script !== 'arabic' || !/[(«"]\s*$/.test(t.sep)) continue;
    const inner = cover[k];
    if (!inner || bracketedRulePerson(ctx, k)) {
      shortNameInBrackets(ctx, k);
      continue;
    }
    if (inner.startsWith('skip:')) continue;
    const b = set.byId.get(inner);
    if (!b || b.type !== 'organization') continue;
    const mb = b.mentions.find((m) => m.field === doc.field && m.first === k);
    if (!mb || mb.last + 1 >= toks.length || !/^\s*[)»"]/.test(toks[mb.last + 1].sep)) continue;
    // the full name ends right before the bracket (its last word may be covered by a country it holds: …السعودية)
    let a: ActorAcc | undefined;
    for (const x of set.byId.values())
      if (x !== b && x.type === 'organization' && x.mentions.some((m) => m.field === doc.field && m.last === k - 1 && m.first < k - 1))
        a = x;
    if (!a) continue;
    // keep the KB actor (or the one with more mentions), move every mention of the other to it
    const [keep, drop] = b.source === 'kb' && a.source !== 'kb' ? [b, a] : [a, b];
    for (const m of drop.mentions) {
      set.mention(keep, { start: m.start, end: m.end, first: m.first, last: m.last, field: m.field });
      if (m.field === doc.field) for (let q = m.first; q <= m.last; q++) if (cover[q] === drop.id) cover[q] = keep.id;
    }
    drop.mentions = [];
    set.byId.delete(drop.id);
  }
}

/**
 * session 7: a one-word rule person that is the whole content of brackets right after a body's mention is that body's
 * short name, not a person (وكالة الأنباء الأردنية (بترا) إن …: the name rules read بترا as the name before إن). Uncovered
 * here so that shortNameInBrackets can attach it to the body.
 */
function bracketedRulePerson(ctx: ExtractCtx, k: number): boolean {
  const { doc, cover, set } = ctx;
  const toks = doc.toks;
  const a = set.byId.get(cover[k]!);
  if (!a || a.source !== 'rule' || a.type !== 'person' || k + 1 >= toks.length || !/^\s*\)/.test(toks[k + 1].sep)) return false;
  if (!/\(\s*$/.test(toks[k].sep) || !cover[k - 1] || cover[k - 1]!.startsWith('skip:')) return false;
  const b = set.byId.get(cover[k - 1]!);
  if (!b || b.type !== 'organization') return false;
  if (a.mentions.some((m) => m.field !== doc.field || m.first !== k || m.last !== k)) return false;
  uncover(ctx, k);
  return true;
}

/**
 * FULL NAME (SHORT) with SHORT known to nothing: one to three plain words closed by the bracket right after a body's
 * mention are its short name ("هيئة مكافحة الفساد (نزاهة)"), a mention of the same actor. Not a day, a number or a
 * function word ("اليوم (الثلاثاء)").
 */
function shortNameInBrackets(ctx: ExtractCtx, k: number): void {
  const { doc, cover, set } = ctx;
  const toks = doc.toks;
  const oc = cover[k - 1];
  if (!oc || oc.startsWith('skip:') || !/\(\s*$/.test(toks[k].sep)) return;
  const a = set.byId.get(oc);
  if (!a || a.type !== 'organization' || !a.mentions.some((m) => m.field === doc.field && m.last === k - 1 && m.first < k - 1)) return;
  let e = k;
  while (e + 1 < toks.length && e - k < 2 && toks[e + 1].gap <= 1 && !cover[e + 1]) e++;
  if (e + 1 >= toks.length || !/^\s*\)/.test(toks[e + 1].sep)) return;
  for (let q = k; q <= e; q++) {
    const w = toks[q].norm;
    if (toks[q].script !== 'arabic' || cover[q] || AR_STOP.has(w) || AR_DAYS.has(w) || w.length < 3) return;
  }
  set.mention(a, { start: toks[k].start, end: toks[e].end, first: k, last: e, field: doc.field });
  for (let q = k; q <= e; q++) cover[q] = a.id;
}
