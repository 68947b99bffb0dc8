// issue 11 (actors, ADR 0017 fifth session): Arabic institution names of the state-body shape, which no head rule took.

import { AR_ADJ_STOP, AR_COMP, AR_DAYS, AR_ORG_HEADS_DEF, AR_STOP } from '../../lexicon/ar';
import { tokenVariants } from '../../text';
import { addRule, type ExtractCtx, offsetAfter } from '../shared';
import { arVerbOf } from './names';

/** Definite heads of a public institution (الهيئة، المركز، الجهاز…), read with و/ف/ب/ل and a fused لل. */
const AR_INST_DEF_HEADS = new Set(
  `الهييه الهيئه المؤسسه الموسسه المركز الجهاز الصندوق البرنامج المجلس الاتحاد الجمعيه المعهد اللجنه الوكاله المصلحه الديوان المكتب الشركه`.split(
    ' ',
  ),
);
/** The status adjective that makes "HEAD ADJ لـX" a proper name (الهيئة العامة للإحصاء، المركز الوطني للأرصاد). */
const AR_INST_ADJ = new Set(
  `العامه العام الوطني الوطنيه المركزي المركزيه العليا الاعلي الدايمه الدائمه الاتحادي الاتحاديه الملكي الملكيه المستقله`.split(' '),
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
      if (a.gap > 1 || c.gap > 1 || cover[i + 1] || cover[i + 2] || !AR_INST_ADJ.has(a.norm)) continue;
      // the ل-complement: لل + word (للإحصاء) or ل + noun + definite word (لمكافحة الفساد)
      let e: number;
      if (/^لل../.test(c.norm)) e = i + 2;
      else if (
        /^ل[^ل]../.test(c.norm) &&
        !arVerbOf(c) &&
        i + 3 < n &&
        toks[i + 3].gap <= 1 &&
        /^ال../.test(toks[i + 3].norm) &&
        !cover[i + 3]
      )
        e = i + 3;
      else continue;
      for (let r = e + 1; r < Math.min(n, e + 6); r++) {
        const x = toks[r];
        if (x.gap > 1 || x.script !== 'arabic' || cover[r]) break;
        const w = /^و/.test(x.norm) && /^وال../.test(x.norm) ? x.norm.slice(1) : x.norm;
        if (!/^ال../.test(w) || AR_INST_END.has(w) || AR_DAYS.has(w) || AR_STOP.has(w) || AR_COMP.has(w) || arVerbOf(x)) break;
        e = r;
      }
      const s = h.strip ? offsetAfter(doc.src, t, h.strip) : t.start;
      addRule(ctx, 'organization', doc.src.slice(s, toks[e].end), i, e, s, toks[e].end);
      i = e;
      continue;
    }
    // وزارة البيئة والمياه والزراعة
    const v = tokenVariants(t).find((x) => x.form === 'وزاره' && !x.def);
    if (!v) continue;
    const d = toks[i + 1];
    if (d.gap > 1 || cover[i + 1] || !/^ال../.test(d.norm) || AR_ORG_HEADS_DEF.has(d.norm) || AR_ADJ_STOP.has(d.norm)) continue;
    let e = i + 1;
    for (let r = i + 2; r < Math.min(n, i + 6); r++) {
      const x = toks[r];
      if (x.gap > 1 || cover[r] || !/^وال../.test(x.norm)) break;
      const w = x.norm.slice(1);
      if (AR_ORG_HEADS_DEF.has(w) || AR_ADJ_STOP.has(w) || AR_INST_END.has(w)) break;
      e = r;
    }
    if (e < i + 2) continue; // one noun: the head rules handle it
    const s = v.strip ? offsetAfter(doc.src, t, v.strip) : t.start;
    addRule(ctx, 'organization', doc.src.slice(s, toks[e].end), i, e, s, toks[e].end);
    i = e;
  }
}
