// Claim extraction — who said what — for Arabic and English, over prepared documents. Layout: ADR 0015.

import type { ActorSet, MentionX } from '../actors/shared';
import type { Doc } from '../doc';
import { type ClaimX, collectTitles, type Ctx } from './shared';
import { arabicClaims } from './ar/reporting';
import { englishClaims } from './en/reporting';

export type { ClaimX } from './shared';

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
  if (scriptMix.arabic > 0) arabicClaims(ctx);
  if (scriptMix.latin > 0 && (lang === 'en' || scriptMix.latin > scriptMix.arabic)) englishClaims(ctx);
  ctx.claims.sort((a, b) => a.start - b.start || a.end - b.end);
  return ctx.claims;
}
