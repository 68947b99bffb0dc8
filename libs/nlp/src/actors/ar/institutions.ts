// issue 11 (actors, ADR 0017 fifth session): Arabic institution names of the state-body shape, which no head rule took.

import { AR_ADJ_STOP, AR_COMP, AR_DAYS, AR_ORG_HEADS_DEF, AR_PERSON_TITLES, AR_STOP } from '../../lexicon/ar';
import { tokenVariants } from '../../text';
import { addRule, type ExtractCtx, offsetAfter } from '../shared';
import { arAdjectiveShape } from '../cues';
import { arVerbOf } from './names';

/** Definite heads of a public institution (الهيئة، المركز، الجهاز…), read with و/ف/ب/ل and a fused لل. */
const AR_INST_DEF_HEADS = new Set(
  `الهييه الهيئه المؤسسه الموسسه المركز الجهاز الصندوق البرنامج المجلس الاتحاد الجمعيه المعهد اللجنه الوكاله المصلحه الديوان المكتب الشركه النقابه التحالف الرابطه المنظمه الاكاديميه`.split(
    ' ',
  ),
);
/** The status adjective that makes "HEAD ADJ لـX" a proper name (الهيئة العامة للإحصاء، المركز الوطني للأرصاد). */
const AR_INST_ADJ = new Set(
  `العامه العام الوطني الوطنيه المركزي المركزيه العليا الاعلي الدايمه الدائمه الاتحادي الاتحاديه الملكي الملكيه المستقله`.split(' '),
);
/**
 * session 7: adjectives of scope, which name a body with a ل-complement just as a status adjective does (الاتحاد الآسيوي
 * لكرة اليد، التحالف الدولي لهزيمة داعش، المنظمة العربية للتنمية الصناعية). A country adjective (الاتحاد القطري لكرة
 * اليد، الجمعية الأردنية لطب الأطفال) is the KB's: its token is covered by the country, which keeps its mention.
 */
const AR_INST_SCOPE_ADJ = new Set(
  `الدولي الدوليه العربي العربيه الافريقي الافريقيه الاوروبي الاوروبيه الاسيوي الاسيويه الخليجي الخليجيه الاسلامي الاسلاميه الاقليمي الاقليميه العالمي العالميه`.split(
    ' ',
  ),
);
/** Words that end the name after its complement: time words and the like (الأسبوع الماضي، اليوم). */
const AR_INST_END = new Set(`الاسبوع الشهر العام السنه الماضي الماضيه المقبل المقبله الحالي الحاليه الجاري امس اليوم الان`.split(' '));

function instHead(t: { norm: string; script: string }): { strip: number } | undefined {
  if (t.script !== 'arabic') return undefined;
  for (const v of tokenVariants(t as never)) if (AR_INST_DEF_HEADS.has(v.form)) return { strip: v.strip };
  return undefined;
}

/**
 * Run before the head rules (they read "الهيئة العامة" as a head and a generic adjective and stop):
 * - **HEAD + status adjective + ل-complement** is a proper institution name: الهيئة العامة للإحصاء، الجهاز المركزي
 *   للتعبئة العامة والإحصاء، المركز الوطني للأرصاد، الهيئة الوطنية لمكافحة الفساد. The complement runs over definite
 *   words and و + definite words (at most five), and stops at a boundary, a time word, a verb, a complementiser or a
 *   covered token. Without the ل-complement ("الهيئة العامة" alone) it is a description and nothing is made.
 * - **وزارة + definite noun + و + definite noun…** is one ministry (وزارة البيئة والمياه والزراعة), unless a coordinated
 *   word is a head of its own (والدفاع، والخارجية: two ministries) or a country adjective closes the first noun.
 */
export function arInstitutionNames(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  for (let i = 0; i + 2 < n; i++) {
    const t = toks[i];
    if (cover[i] || t.script !== 'arabic') continue;
    const h = instHead(t);
    if (h) {
      const a = toks[i + 1];
      const c = toks[i + 2];
      const countryAdj = !!cover[i + 1] && ctx.set.byId.get(cover[i + 1]!)?.type === 'country' && /^ال..+(ي|يه)$/.test(a.norm);
      const adjOk = cover[i + 1] ? countryAdj : AR_INST_ADJ.has(a.norm) || AR_INST_SCOPE_ADJ.has(a.norm);
      if (a.gap > 1 || c.gap > 1 || cover[i + 2] || !adjOk) continue;
      // the ل-complement: لل + word (للإحصاء) or ل + noun + definite word (لمكافحة الفساد), or + a KB name (لهزيمة داعش)
      let e: number;
      const kbAfter = (k: number) => !!cover[k] && !cover[k]!.startsWith('skip:') && ctx.set.byId.get(cover[k]!)?.source === 'kb';
      if (/^لل../.test(c.norm)) e = i + 2;
      else if (
        /^ل[^ل].+/.test(c.norm) &&
        !AR_STOP.has(c.norm) &&
        !arVerbOf(c) &&
        i + 3 < n &&
        toks[i + 3].gap <= 1 &&
        ((/^ال../.test(toks[i + 3].norm) && !cover[i + 3]) || kbAfter(i + 3))
      )
        e = i + 3;
      else continue;
      for (let r = e + 1; r < Math.min(n, e + 6); r++) {
        const x = toks[r];
        if (x.gap > 1 || x.script !== 'arabic' || cover[r]) break;
        const w = /^و/.test(x.norm) && /^وال../.test(x.norm) ? x.norm.slice(1) : x.norm;
        if (!/^ال../.test(w) || AR_INST_END.has(w) || AR_DAYS.has(w) || AR_STOP.has(w) || AR_COMP.has(w) || arVerbOf(x)) break;
        if (AR_PERSON_TITLES.has(w)) break; // (session 7: a rank before the spokesman's name, "… لهزيمة داعش الكولونيل X")
        // (session 7: after a definite word only an adjective: "لحماية المستهلك" + الأسعار, the verb's object)
        if (x.norm.startsWith('ال') && toks[r - 1].norm.startsWith('ال') && !arAdjectiveShape(w)) break;
        e = r;
      }
      const s = h.strip ? offsetAfter(doc.src, t, h.strip) : t.start;
      addRule(ctx, 'organization', doc.src.slice(s, toks[e].end), i, e, s, toks[e].end);
      i = e;
      continue;
    }
    // session 7: a bank, university or broadcaster named by its country (مصرف لبنان، بنك المغرب، جامعة قطر، تلفزيون
    // لبنان, + المركزي/الوطني: مصرف سوريا المركزي): the body, its country keeping its own mention
    const cb = arCountryNamedBody(ctx, i);
    if (cb > i) {
      i = cb;
      continue;
    }
    // وزارة البيئة والمياه والزراعة
    const v = tokenVariants(t).find((x) => x.form === 'وزاره' && !x.def);
    if (!v) continue;
    const d = toks[i + 1];
    if (d.gap > 1 || cover[i + 1] || !/^ال../.test(d.norm) || AR_ORG_HEADS_DEF.has(d.norm) || AR_ADJ_STOP.has(d.norm)) continue;
    let e = i + 1;
    let coord = false;
    for (let r = i + 2; r < Math.min(n, i + 8); r++) {
      const x = toks[r];
      if (x.gap > 1 || cover[r]) break;
      // session 7: an adjective of the noun before it (وزارة التعليم العالي والبحث العلمي والابتكار)
      if (/^ال..+(ي|يه)$/.test(x.norm) && /^و?ال/.test(toks[r - 1].norm) && !AR_ADJ_STOP.has(x.norm) && !AR_INST_END.has(x.norm)) {
        if (r + 1 < n && toks[r + 1].gap <= 1 && !cover[r + 1] && /^وال../.test(toks[r + 1].norm)) {
          e = r;
          continue;
        }
        if (coord) e = r;
        break;
      }
      if (!/^وال../.test(x.norm)) break;
      const w = x.norm.slice(1);
      if (AR_ORG_HEADS_DEF.has(w) || AR_ADJ_STOP.has(w) || AR_INST_END.has(w)) break;
      e = r;
      coord = true;
    }
    if (e < i + 2 || !coord) continue; // one noun (with its adjective): the head rules handle it
    const s = v.strip ? offsetAfter(doc.src, t, v.strip) : t.start;
    addRule(ctx, 'organization', doc.src.slice(s, toks[e].end), i, e, s, toks[e].end);
    i = e;
  }
}

const AR_COUNTRY_NAMED_HEADS = new Set(['مصرف', 'بنك', 'جامعه', 'تلفزيون', 'اذاعه']);

/** HEAD + a one-token KB country in its noun form at i+1 (not a nisba): the last token of the body, or -1. */
function arCountryNamedBody(ctx: ExtractCtx, i: number): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  if (i + 1 >= toks.length || toks[i + 1].gap > 1 || !cover[i + 1]) return -1;
  const h = tokenVariants(toks[i]).find((x) => AR_COUNTRY_NAMED_HEADS.has(x.form) && !x.def);
  if (!h) return -1;
  const c = ctx.set.byId.get(cover[i + 1]!);
  const w = toks[i + 1].norm;
  if (!c || c.type !== 'country' || /^ال.+ي(ه)?$/.test(w)) return -1;
  if (!c.mentions.some((m) => m.field === doc.field && m.first === i + 1 && m.last === i + 1)) return -1;
  let e = i + 1;
  if (e + 1 < toks.length && toks[e + 1].gap <= 1 && !cover[e + 1] && /^(المركزي|الوطني|الدولي|الاهلي)$/.test(toks[e + 1].norm)) e++;
  const s = h.strip ? offsetAfter(doc.src, toks[i], h.strip) : toks[i].start;
  addRule(ctx, 'organization', doc.src.slice(s, toks[e].end), i, e, s, toks[e].end);
  return e;
}
