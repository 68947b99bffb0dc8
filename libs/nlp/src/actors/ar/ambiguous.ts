// issue 11 (actors, ADR 0017): one-word Arabic KB aliases that are also common words keep their actor only in a name context.

import { AR_ORG_HEADS, AR_PERSON_TITLES, AR_TITLE_WORDS } from '../../lexicon/ar';
import { foldText } from '../../text';
import type { ExtractCtx } from '../shared';
import { arVerbOf } from './names';

/**
 * issue 11 (actors; ADR 0003: aliases that are also common words are listed in the KB's `ambiguousAliases` "so the
 * extractor can demand more evidence"): a one-word Arabic alias listed there (حماس "enthusiasm", الصدر "the chest",
 * المحافظين "conservatives") keeps its actor only when one of its mentions in the field stands in a name context:
 * - a head noun or title right before it, or two words before (حركة حماس، وحركتي حماس، شركة طيران X، الزعيم الصدر);
 * - a reporting verb right before it, or a reporting or imperfect verb right after it (قالت حماس، الصدر أكد، X يستدعي);
 * - أمام/لدى before it (an addressee body or person: "سيدلي بشهادته أمام الكونغرس");
 * - quotation marks or brackets around it, or coordination with another actor (حماس والجهاد);
 * - a plural adjective form (المحافظين، الجمهوريين) anywhere except as an adjective: after a definite noun or before an
 *   adjective of the same ending ("النواب المحافظين"، "المحافظين المتشددين").
 * One mention in a name context keeps the others (the alias seen safely elsewhere in the article). Else ("عدم حماس
 * البنتاغون"، "أصيب في الصدر") the mentions go and their tokens are left to no other rule.
 */
export function arAmbiguousAliases(ctx: ExtractCtx): void {
  const { doc, set: actors, cover, gaz } = ctx;
  const toks = doc.toks;
  for (const a of [...actors.byId.values()]) {
    if (a.source !== 'kb' || a.type === 'country' || a.type === 'location') continue;
    const amb = (gaz.actors.get(a.id) as Record<string, unknown> | undefined)?.ambiguousAliases as string[] | undefined;
    if (!amb?.length) continue;
    const ambKeys = new Set(amb.filter((s) => !/\s/.test(s.trim())).map((s) => foldText(s)));
    const ambMs = a.mentions.filter(
      (m) =>
        m.field === doc.field &&
        m.first === m.last &&
        toks[m.first].script === 'arabic' &&
        ambKeys.has(foldText(doc.src.slice(m.start, m.end))),
    );
    if (!ambMs.length || ambMs.length !== a.mentions.filter((m) => m.field === doc.field).length) continue;
    if (ambMs.some((m) => nameContext(ctx, a.id, m))) continue;
    for (const m of ambMs) cover[m.first] = 'skip:common';
    a.mentions = a.mentions.filter((m) => !ambMs.includes(m));
    if (!a.mentions.length) actors.byId.delete(a.id);
  }
}

function nameContext(ctx: ExtractCtx, id: string, m: { start: number; end: number; first: number }): boolean {
  const { doc, set: actors, cover } = ctx;
  const toks = doc.toks;
  const k = m.first;
  const t = toks[k];
  const prev = k > 0 && t.gap <= 1 ? toks[k - 1] : undefined;
  const prev2 = prev && k > 1 && prev.gap <= 1 ? toks[k - 2] : undefined;
  const next = k + 1 < toks.length && toks[k + 1].gap <= 1 ? toks[k + 1] : undefined;
  const folded = foldText(doc.src.slice(m.start, m.end));
  const coord = (j: number) =>
    !!cover[j] && cover[j] !== id && !cover[j]!.startsWith('skip:') && actors.byId.get(cover[j]!)?.type !== 'location';
  if (next && next.norm.startsWith('و') && coord(k + 1)) return true;
  if (prev && m.start > t.start && /^و/.test(t.norm) && coord(k - 1)) return true;
  // a plural adjective form is a common word only in adjective position
  if (/^ال..+(ين|ون)$/.test(folded) && folded.length >= 7) {
    const adjAfterNoun = !!prev && prev.norm.startsWith('ال') && !cover[k - 1] && m.start === t.start;
    const adjBefore = !!next && /^ال..+(ين|ون)$/.test(next.norm) && !cover[k + 1];
    return !adjAfterNoun && !adjBefore;
  }
  if (prev && (arNameHead(prev.norm) || arVerbOf(prev) || /^(امام|لدي)$/.test(prev.norm))) return true;
  if (prev2 && arNameHead(prev2.norm) && !cover[k - 1]) return true;
  if (next && (arVerbOf(next) || (/^ي/.test(next.norm) && next.norm.length >= 4))) return true;
  // quoted or in brackets (a label: "وكالة الأنباء (X)")
  if (/["\u201C\u00AB(]\s*$/.test(doc.src.slice(Math.max(0, m.start - 2), m.start))) return true;
  return false;
}

/** A head noun or title (also the dual of a head, and with و/ف/ل/ب): حركة، وحركتي، لشركة، الزعيم. */
function arNameHead(norm: string): boolean {
  const w = norm.length > 3 && /^[وف]/.test(norm) ? norm.slice(1) : norm;
  if (w.length > 4 && /^[لب]/.test(w) && !w.startsWith('لل') && (AR_ORG_HEADS.has(w.slice(1)) || AR_PERSON_TITLES.has(w.slice(1))))
    return true;
  if (AR_ORG_HEADS.has(w) || AR_PERSON_TITLES.has(w) || AR_TITLE_WORDS.has(w)) return true;
  const sg = w.replace(/(تي|تا)$/, 'ه');
  return sg !== w && AR_ORG_HEADS.has(sg);
}
