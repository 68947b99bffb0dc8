// Person recognition with no title cue (issue 11 item 3; ADR 0017): a given name from the first-name lexicons
// (lexicon/first-names.ts) followed by one to three more name tokens is a person ("محمود باقري"، "وعلي رضا هاشمي").
// The lexicon also gives the person's gender, which the claim rules use for pronoun agreement.

import { AR_COMP, AR_NAME_CONNECT, AR_PERSON_TITLES } from '../../lexicon/ar';
import { AR_FIRST_NAMES_F, AR_FIRST_NAMES_M } from '../../lexicon/first-names';
import { foldText } from '../../text';
import { addRule, offsetAfter, type ExtractCtx } from '../shared';
import { arIsRelative } from '../cues';
import { arNameTok, arVerbOf } from './names';

const AR_PRONOUNS = new Set(['هو', 'هي', 'هم', 'هما', 'هن', 'انا', 'نحن', 'انت', 'انتم']);

const words = (s: string) => s.split(/\s+/).filter(Boolean).map(foldText);

/** Folded Arabic-script given name → gender ('u' when the name is given to both). */
export const AR_FIRST_NAME_GENDER: ReadonlyMap<string, 'm' | 'f' | 'u'> = (() => {
  const m = new Map<string, 'm' | 'f' | 'u'>();
  for (const w of words(AR_FIRST_NAMES_M)) m.set(w, 'm');
  for (const w of words(AR_FIRST_NAMES_F)) m.set(w, m.has(w) && m.get(w) !== 'f' ? 'u' : 'f');
  return m;
})();

/** The given name at token k (its folded form and how many letters of و/ف precede it), if any. */
function arGivenName(ctx: ExtractCtx, k: number): { form: string; strip: number } | undefined {
  const t = ctx.doc.toks[k];
  if (t.script !== 'arabic') return undefined;
  let form = t.norm;
  let strip = 0;
  if (!AR_FIRST_NAME_GENDER.has(form) && form.length >= 4 && (form[0] === 'و' || form[0] === 'ف')) {
    form = form.slice(1);
    strip = 1;
  }
  if (!AR_FIRST_NAME_GENDER.has(form)) return undefined;
  // علي folds like the preposition على: only the name when written with a final ي
  if (form === 'علي' && !ctx.doc.src.slice(t.start, t.end).endsWith('ي')) return undefined;
  return { form, strip };
}

/**
 * Arabic persons introduced by a given name alone: GIVEN + 1–3 name tokens, not covered by another actor. A single
 * given name is never enough (too many are also common words); the run must end at a boundary (punctuation, و, a
 * complementiser, a function word or the end) so that "محمد" + an ordinary noun phrase is not taken.
 */
export function arabicLexiconPersons(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (cover[i] || toks[i].script !== 'arabic') continue;
    const g = arGivenName(ctx, i);
    if (!g) continue;
    if (i + 1 >= n || toks[i + 1].gap > 1 || cover[i + 1]) continue;
    // a given name right after a title or another name is a surname or a second name (الملا منصور), not a start;
    // with و it opens the next item of a list (محمود ترابي وحسين جافري)
    if (i > 0 && toks[i].gap <= 1 && !g.strip) {
      const pv = toks[i - 1];
      if (AR_PERSON_TITLES.has(pv.norm) || (cover[i - 1] && ctx.set.byId.get(cover[i - 1]!)?.type === 'person')) continue;
    }
    // the given name is known; the rest are name tokens (an ال-surname ends the name, as in arNameRun)
    let e = i;
    for (let q = i + 1; q < n && q - i <= 3; q++) {
      if (toks[q].gap > 1 || !arNameTok(ctx, q, q - i)) break;
      const w = toks[q].norm;
      // و opens the next name of a list (إسماعيل عبدي ورسول بداقي) unless the word is itself a given name (وليد)
      if (w[0] === 'و' && !AR_FIRST_NAME_GENDER.has(w)) break;
      // pronouns and accusative/adverbial forms (حرقا، جدا) are not name tokens
      if (AR_PRONOUNS.has(w) || (w.endsWith('ا') && w.length <= 5 && !AR_FIRST_NAME_GENDER.has(w))) break;
      e = q;
      if (toks[q].norm.startsWith('ال') && !AR_NAME_CONNECT.has(toks[q - 1].norm)) break;
    }
    while (e > i && AR_NAME_CONNECT.has(toks[e].norm)) e--;
    if (e <= i) continue;
    const after = e + 1 < n ? toks[e + 1] : undefined;
    // the name must be closed: punctuation, the next list item (و…), a complementiser or a reporting verb
    const boundary =
      !after || after.gap >= 2 || after.norm[0] === 'و' || AR_COMP.has(after.norm) || !!arVerbOf(after) || arIsRelative(after.norm);
    if (!boundary) continue;
    const start = g.strip ? offsetAfter(doc.src, toks[i], g.strip) : toks[i].start;
    const name = doc.src.slice(start, toks[e].end);
    const a = addRule(ctx, 'person', name, i, e, start, toks[e].end);
    a.nameToks = [g.form, ...toks.slice(i + 1, e + 1).map((x) => x.norm)];
    const gender = AR_FIRST_NAME_GENDER.get(g.form);
    if (gender === 'm' || gender === 'f') a.gender = gender;
    i = e;
  }
}
