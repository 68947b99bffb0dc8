// issue 11 (actors, ADR 0017 fifth session): KB matches that sit inside another name in Arabic text.

import { foldText, tokenVariants } from '../../text';
import { addRule, type ExtractCtx, offsetAfter, ruleActorId } from '../shared';
import { AR_FIRST_NAME_GENDER } from './given-names';
import { arSeatTail } from './seat';
import { arNameRun, arNameTok, arVerbOf } from './names';

/** Heads of an institution named after a person: the name is the institution (مستشفى رفيق الحريري الجامعي). */
const AR_INSTITUTION_HEADS = new Set(
  `مستشفي جامعه مجموعه شركه موسسه صندوق مركز كليه معهد اكاديميه مكتبه جمعيه مدرسه مدارس جائزه`.split(/\s+/),
);
/** Heads of a place or facility named after a person: a place, no actor (مطار الملك خالد، مجمع محمد بن راشد). */
const AR_PLACE_HEADS = new Set(
  `مطار مجمع مدينه شارع ميناء ملعب قاعده مسجد جسر طريق حي ميدان قصر ضاحيه استاد محطه منتزه حديقه جادة جاده`.split(/\s+/),
);

/** Titles that open a namesake after an institution or place head (مطار الملك خالد). */
const AR_NAMESAKE_TITLES = new Set(`الملك الامير الاميره الامام الشيخ الشيخه السلطان الرئيس الشهيد الملكه`.split(' '));

/** The head noun (bare, or with و/ف/ب/ل, never with the article) right before token k, in construct with it. */
function headBefore(ctx: ExtractCtx, k: number): { set: 'institution' | 'place'; at: number } | undefined {
  const toks = ctx.doc.toks;
  if (k === 0 || toks[k].gap > 1) return undefined;
  const p = toks[k - 1];
  if (p.script !== 'arabic' || ctx.cover[k - 1]) return undefined;
  for (const v of tokenVariants(p)) {
    if (v.def) continue;
    if (AR_INSTITUTION_HEADS.has(v.form)) return { set: 'institution', at: k - 1 };
    if (AR_PLACE_HEADS.has(v.form)) return { set: 'place', at: k - 1 };
  }
  return undefined;
}

/**
 * Run after the KB match, before the rules:
 * - a KB match whose token starts with a hamza-written أل/إل is inside a foreign name, not after the article
 *   (ألباريس is Albares, not باريس; the Arabic article is written ال): the mention goes and the token is left to the
 *   person rules;
 * - a KB person right after an institution or place head in construct (مجموعة بن لادن، مستشفى رفيق الحريري، مطار
 *   الملك خالد، مجمع محمد بن راشد آل مكتوم) is the name of that institution or place, not the person: the institution
 *   becomes an organisation (head + name + up to two closing definite adjectives: الجامعي، السعودية); a place is none.
 * - a one-word KB person (a surname: الجبير) right after a given name that is not the KB person's (فهد الجبير) is another
 *   person of the same family name: the mention goes and the name is left to the person rules;
 * - عمان is both Oman and Amman: in an article that names Jordan and never Oman unambiguously (سلطنة عمان، العماني،
 *   مسقط), a bare عمان is Amman: a place after a locative (في عمان، بعمان) or in the dateline, else Jordan (metonym).
 */
export function arKbInsideNames(ctx: ExtractCtx): void {
  const { doc, set, cover } = ctx;
  const toks = doc.toks;
  let jordan = false;
  let omanSure = false;
  for (const a of [...set.byId.values()]) {
    if (a.source !== 'kb') continue;
    if (a.id === 'country:JO') jordan = a.mentions.some((m) => m.field === doc.field);
    for (const m of [...a.mentions]) {
      if (m.field !== doc.field) continue;
      const t = toks[m.first];
      if (a.id === 'country:OM' && foldText(doc.src.slice(m.start, m.end)) !== 'عمان') omanSure = true;
      if (m.start > t.start && /[أإ]ل$/.test(doc.src.slice(t.start, m.start))) {
        uncoverMention(ctx, a.id, m);
        continue;
      }
      if (a.type !== 'person') continue;
      if (m.first === m.last && (otherGivenName(ctx, a.id, m.first) || cliticInsideName(ctx, m))) {
        uncoverMention(ctx, a.id, m);
        continue;
      }
      const h = headBefore(ctx, m.first);
      if (!h) continue;
      uncoverMention(ctx, a.id, m);
      if (h.set === 'place') {
        for (let k = h.at; k <= m.last; k++) cover[k] = 'skip:place';
        continue;
      }
      let e = m.last;
      // closing definite adjectives of the institution (الجامعي، الخيرية) or its country (السعودية)
      for (let r = e + 1; r < Math.min(toks.length, m.last + 3); r++) {
        const x = toks[r];
        if (x.gap > 1 || x.script !== 'arabic' || !/^ال...*(ي|يه)$/.test(x.norm)) break;
        if (cover[r] && set.byId.get(cover[r]!)?.type !== 'country') break;
        e = r;
      }
      const p = toks[h.at];
      const hv = tokenVariants(p).find((v) => AR_INSTITUTION_HEADS.has(v.form))!;
      e = arSeatTail(ctx, hv.form, e);
      // (شركة only describes, as for every company: شركة X names X)
      const f = hv.form === 'شركه' ? m.first : h.at;
      const s = f === m.first ? m.start : hv.strip ? offsetAfter(doc.src, p, hv.strip) : p.start;
      if (f === m.first) cover[h.at] = 'skip:head';
      addRule(ctx, 'organization', doc.src.slice(s, toks[e].end), f, e, s, toks[e].end);
    }
  }
  // a title after the head: مطار الملك خالد الدولي، جامعة الإمام عبدالرحمن بن فيصل
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i];
    if (t.script !== 'arabic' || t.gap > 1 || cover[i] || !AR_NAMESAKE_TITLES.has(t.norm)) continue;
    const h = headBefore(ctx, i);
    if (!h) continue;
    const e0 = arNameRun(ctx, i + 1, 4);
    if (e0 <= i || toks[i + 1].gap > 1) continue;
    let e = e0;
    for (let r = e + 1; r < Math.min(toks.length, e0 + 3); r++) {
      const x = toks[r];
      if (x.gap > 1 || x.script !== 'arabic' || !/^ال...*(ي|يه)$/.test(x.norm)) break;
      if (cover[r] && set.byId.get(cover[r]!)?.type !== 'country') break;
      e = r;
    }
    for (let k = i; k <= e0; k++) if (cover[k]) uncoverMention(ctx, cover[k]!, mentionAt(ctx, cover[k]!, k));
    if (h.set === 'place') {
      for (let k = h.at; k <= e; k++) if (!cover[k]) cover[k] = 'skip:place';
    } else {
      const p = toks[h.at];
      const hv = tokenVariants(p).find((v) => AR_INSTITUTION_HEADS.has(v.form))!;
      e = arSeatTail(ctx, hv.form, e);
      const st = hv.strip ? offsetAfter(doc.src, p, hv.strip) : p.start;
      addRule(ctx, 'organization', doc.src.slice(st, toks[e].end), h.at, e, st, toks[e].end);
    }
    i = e;
  }
  const om = set.byId.get('country:OM');
  if (!jordan || omanSure || !om) return;
  for (const m of [...om.mentions]) {
    if (m.field !== doc.field) continue;
    const t = toks[m.first];
    const pre = doc.src.slice(t.start, m.start);
    const prev = m.first > 0 ? toks[m.first - 1].norm : '';
    const locative =
      /^[وف]?ب$/.test(pre) ||
      /^(في|وفي|الي|من|الى)$/.test(prev) ||
      (m.first === 0 && /^\s*[-\u2013\u2014]/.test(doc.src.slice(m.end, m.end + 4)));
    uncoverMention(ctx, om.id, m);
    const target = locative
      ? set.add(ruleActorId('location', 'Amman'), 'Amman', 'location', 'rule')
      : set.add('country:JO', set.byId.get('country:JO')!.name, 'country', 'kb');
    set.mention(target, { start: m.start, end: m.end, first: m.first, last: m.last, field: m.field });
    for (let k = m.first; k <= m.last; k++) cover[k] = target.id;
  }
}

function uncoverMention(ctx: ExtractCtx, id: string, m: { first: number; last: number; start: number; field: string }): void {
  const a = ctx.set.byId.get(id);
  if (!a) return;
  a.mentions = a.mentions.filter((x) => !(x.field === m.field && x.start === m.start));
  if (!a.mentions.length) ctx.set.byId.delete(id);
  for (let k = m.first; k <= m.last; k++) if (ctx.cover[k] === id) ctx.cover[k] = undefined;
}

/** Token k-1 is a given name (bare or after و/ف) that no alias of the KB person opens: "فهد الجبير" is not "عادل الجبير". */
function otherGivenName(ctx: ExtractCtx, id: string, k: number): boolean {
  const toks = ctx.doc.toks;
  if (k === 0 || toks[k].gap > 1 || toks[k].script !== 'arabic' || ctx.cover[k - 1]) return false;
  const p = toks[k - 1];
  const form = AR_FIRST_NAME_GENDER.has(p.norm) ? p.norm : /^[وف]/.test(p.norm) && p.norm.length >= 4 ? p.norm.slice(1) : '';
  if (!form || !AR_FIRST_NAME_GENDER.has(form)) return false;
  const kb = ctx.gaz.actors.get(id);
  return !kb?.aliases.some((x) => foldText(x).split(' ').includes(form));
}

/**
 * issue 11 (session 6): a one-word KB person read through a ب/ل/ك proclitic right after a bare name word is the end of
 * another foreign name ("نيد برايس" is not ب + رايس, Condoleezza Rice): the previous word is uncovered, Arabic, not
 * definite, and no function word, verb or title (اتصل الرئيس بترامب، قال لبوتين keep the KB person).
 */
function cliticInsideName(ctx: ExtractCtx, m: { first: number; start: number }): boolean {
  const toks = ctx.doc.toks;
  const t = toks[m.first];
  if (m.first === 0 || m.start <= t.start || t.gap > 1 || ctx.cover[m.first - 1]) return false;
  if (!/^[بلك]$/.test(ctx.doc.src.slice(t.start, m.start))) return false;
  const p = toks[m.first - 1];
  if (p.script !== 'arabic' || p.norm.length < 2 || p.norm.startsWith('ال')) return false;
  return arNameTok(ctx, m.first - 1, 1) && !arVerbOf(p);
}

function mentionAt(ctx: ExtractCtx, id: string, k: number): { first: number; last: number; start: number; field: string } {
  const m = ctx.set.byId.get(id)?.mentions.find((x) => x.field === ctx.doc.field && x.first <= k && k <= x.last);
  return m ?? { first: k, last: k, start: -1, field: ctx.doc.field };
}
