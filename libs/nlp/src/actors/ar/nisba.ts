// issue 11 (session 6; ADR 0017): a country adjective closing a KB body's name still names the country. The Arabic gold
// counts demonyms inside names (test/gold/corpus2/README-ar.md: "وكالة الصحافة الفرنسية → France"), and the rule
// bodies already keep the country mention of their closing nisba (ar/rules.ts arIdafaEnd); a KB match (الحكومة
// المصرية، وزارة الخارجية الأمريكية، الجيش الإسرائيلي) swallowed it, so the country was missed when the article named
// it nowhere else.

import type { KbActor } from '@marsad/contracts';
import type { ExtractCtx } from '../shared';

export function arKbBodyNisba(ctx: ExtractCtx): void {
  const { doc, gaz, set } = ctx;
  const toks = doc.toks;
  for (const a of [...set.byId.values()]) {
    if (a.source !== 'kb' || (a.type !== 'organization' && a.type !== 'group')) continue;
    for (const m of a.mentions) {
      if (m.field !== doc.field || m.last === m.first) continue;
      const t = toks[m.last];
      // a nisba: ال + …ي / …ية (folded ي / يه), the match ending at the token's end
      if (t.script !== 'arabic' || t.end !== m.end || !/^ال..+(ي|يه)$/.test(t.norm)) continue;
      const hit = gaz.match(doc.src, [t]).find((x) => (gaz.actors.get(x.actorId) as KbActor | undefined)?.type === 'country');
      if (!hit) continue;
      const kb = gaz.actors.get(hit.actorId) as KbActor;
      const c = set.add(kb.id, kb.name, 'country', 'kb');
      set.mention(c, { start: hit.start, end: hit.end, first: m.last, last: m.last, field: doc.field });
    }
  }
}
