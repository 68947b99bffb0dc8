// issue 11 (actors, ADR 0017 seventh session, 7b): the seat that closes a local body's Arabic name.

import { tokenVariants } from '../../text';
import { addRule, type ExtractCtx, offsetAfter, uncover } from '../shared';

/**
 * session 7b: heads of a local body (a society, a syndicate, a chamber, a hospital, a university, a directorate) whose
 * official name carries its seat: "جمعية X ببريدة"، "نقابة X في لبنان" (GOLD-GUIDELINES aliases keep it).
 */
const AR_LOCAL_BODY_HEADS = new Set(['جمعيه', 'نقابه', 'غرفه', 'مستشفي', 'جامعه', 'مديريه', 'رابطه', 'وكاله', 'منظمه', 'وزاره']);
/** Arab cities and regions that are no capital (a small gazetteer): the KB knows states and capitals only. */
const AR_CITIES = new Set(
  `جده بريده الدمام مكه الطايف تبوك ابها حايل الاحساء القصيم البصره الموصل اربيل كركوك النجف كربلاء حلب حمص اللاذقيه اربد
الزرقاء العقبه صيدا طنجه فاس مراكش اكادير وهران قسنطينه صفاقس سوسه بنغازي مصراته عدن تعز الحديده المكلا دبي الشارقه عجمان
الاسكندريه الجيزه المنصوره اسوان الاقصر بورسعيد السويس نابلس الخليل الجهراء كردستان اوروبا`.split(/\s+/),
);

/** Token k names a place: a KB state in its noun form (not a nisba), a KB place, or a city of AR_CITIES after ب. */
function placeAt(ctx: ExtractCtx, k: number, fusedBa: boolean): boolean {
  const t = ctx.doc.toks[k];
  const c = ctx.cover[k];
  if (c) {
    const a = ctx.set.byId.get(c);
    if (!a || (a.type !== 'country' && a.type !== 'location') || /^[وفب]?ال.+ي(ه)?$/.test(t.norm)) return false;
    return a.mentions.some((m) => m.field === ctx.doc.field && m.first === k && m.last === k);
  }
  return tokenVariants(t).some((v) => AR_CITIES.has(v.form) && v.strip === (fusedBa ? 1 : 0) && (!fusedBa || t.norm.startsWith('ب')));
}

/**
 * The last token of a local body's name with its seat after e ("… ببريدة"، "… في لبنان", one private/public adjective
 * allowed before it: "نقابة المستشفيات الخاصة في لبنان"), or e when none follows. The place token is uncovered: it is
 * part of the name, as a capital closing a construct is.
 */
export function arSeatTail(ctx: ExtractCtx, head: string, e: number): number {
  if (!AR_LOCAL_BODY_HEADS.has(head)) return e;
  const toks = ctx.doc.toks;
  const n = toks.length;
  let k = e + 1;
  if (k < n && toks[k].gap <= 1 && !ctx.cover[k] && /^(الخاصه|الخاص|الحكوميه|الحكومي|الاهليه|الاهلي)$/.test(toks[k].norm)) k++;
  if (k >= n || toks[k].gap > 1) return e;
  let p = -1;
  if (toks[k].norm === 'في' && k + 1 < n && toks[k + 1].gap <= 1 && placeAt(ctx, k + 1, false)) p = k + 1;
  else if (/^ب../.test(toks[k].norm) && placeAt(ctx, k, true)) p = k;
  if (p < 0) return e;
  if (ctx.cover[p]) uncover(ctx, p);
  return p;
}

const AR_LOCAL_DEF_HEADS = new Set(['الغرفه', 'الجمعيه', 'النقابه', 'التجمع', 'الرابطه']);

/**
 * A definite local head + its nisba adjectives + its seat (الغرفة التجارية بجدة، التجمع الصحي بالقصيم): named by the seat
 * alone, for "الغرفة التجارية" without it is a description. Adds the organisation and returns its last token, or -1.
 */
export function arDefiniteSeatName(ctx: ExtractCtx, i: number): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const t = toks[i];
  if (!/(غرفه|جمعيه|نقابه|تجمع|رابطه)$/.test(t.norm)) return -1;
  const h = tokenVariants(t).find((v) => AR_LOCAL_DEF_HEADS.has(v.form));
  if (!h) return -1;
  let e = i;
  while (e + 1 < toks.length && e - i < 2 && toks[e + 1].gap <= 1 && !cover[e + 1] && /^ال..+(ي|يه)$/.test(toks[e + 1].norm)) e++;
  if (e === i) return -1;
  const p = arSeatTail(ctx, h.form.slice(2) === 'تجمع' ? 'جمعيه' : h.form.slice(2), e);
  if (p === e) return -1;
  const s = h.strip ? offsetAfter(doc.src, t, h.strip) : t.start;
  addRule(ctx, 'organization', doc.src.slice(s, toks[p].end), i, p, s, toks[p].end);
  return p;
}
