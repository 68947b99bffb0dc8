// Person recognition with no title cue (issue 11 item 3; ADR 0017): a given name from the first-name lexicons
// (lexicon/first-names.ts) followed by one to three more name tokens is a person ("محمود باقري"، "وعلي رضا هاشمي").
// The lexicon also gives the person's gender, which the claim rules use for pronoun agreement.

import { AR_COMP, AR_NAME_CONNECT, AR_PERSON_TITLES, AR_TITLE_LIKE } from '../../lexicon/ar';
import { AR_FIRST_NAMES_F, AR_FIRST_NAMES_M } from '../../lexicon/first-names';
import { foldText } from '../../text';
import { addRule, offsetAfter, type ActorAcc, type ExtractCtx } from '../shared';
import { arHonorificAt, arIsRelative } from '../cues';
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
function arGivenName(ctx: ExtractCtx, k: number): { form: string; strip: number; last?: number } | undefined {
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

/** Kinship nouns in apposition after a name (سراج الدين حقاني نجل …). */
const AR_KINSHIP = new Set(words('نجل نجله ابنه شقيق شقيقه زوج زوجه ارمله والد والده حفيد حفيده'));

/**
 * First parts of compound given names with الدين or الله (سراج الدين، جلال الدين، هيبة الله، نصر الله): a closed list of
 * the nouns such names are made of, not any noun (رجال الدين "clerics", بفضل الله are not names).
 */
export const AR_COMPOUND_FIRST = new Set(
  words(`سراج جلال صلاح نور علاء عز شمس بدر خير محيي محي سيف تاج زين نصر فخر كمال جمال ناصر بهاء عماد شهاب حسام ضياء
قطب نجم شرف معين غياث برهان نظام رضي عصام محب هيبه عطا سعد حبيب ولي امان روح ذبيح جار رحمه عزت نعمت حشمت`),
);

function arCompoundGivenName(ctx: ExtractCtx, k: number): { form: string; strip: number; last: number } | undefined {
  const toks = ctx.doc.toks;
  if (k + 1 >= toks.length || toks[k + 1].gap > 1 || ctx.cover[k + 1]) return undefined;
  const second = toks[k + 1].norm;
  if (second !== 'الدين' && second !== 'الله') return undefined;
  let form = toks[k].norm;
  let strip = 0;
  if (!AR_COMPOUND_FIRST.has(form) && form.length >= 4 && (form[0] === 'و' || form[0] === 'ف')) {
    form = form.slice(1);
    strip = 1;
  }
  if (!AR_COMPOUND_FIRST.has(form)) return undefined;
  return { form: form + ' ' + second, strip, last: k + 1 };
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
    // issue 11 (round 5): a compound given name, NOUN + الدين / الله (سراج الدين، هيبة الله), is one given name
    const g = arGivenName(ctx, i) ?? arCompoundGivenName(ctx, i);
    if (!g) continue;
    const g1 = g.last ?? i;
    if (g1 + 1 >= n || toks[g1 + 1].gap > 1 || cover[g1 + 1]) continue;
    // a given name right after a title or another name is a surname or a second name (الملا منصور), not a start;
    // with و it opens the next item of a list (محمود ترابي وحسين جافري)
    if (i > 0 && toks[i].gap <= 1 && !g.strip) {
      const pv = toks[i - 1];
      if (AR_PERSON_TITLES.has(pv.norm) || (cover[i - 1] && ctx.set.byId.get(cover[i - 1]!)?.type === 'person')) continue;
    }
    // the given name is known; the rest are name tokens (an ال-surname ends the name, as in arNameRun)
    let e = g1;
    for (let q = g1 + 1; q < n && q - i <= 3; q++) {
      if (toks[q].gap > 1 || !arNameTok(ctx, q, q - i)) break;
      const w = toks[q].norm;
      // و opens the next name of a list (إسماعيل عبدي ورسول بداقي) unless the word is itself a given name (وليد)
      if (w[0] === 'و' && !AR_FIRST_NAME_GENDER.has(w)) break;
      // pronouns and accusative/adverbial forms (حرقا، جدا) are not name tokens
      if (AR_PRONOUNS.has(w) || (w.endsWith('ا') && w.length <= 5 && !AR_FIRST_NAME_GENDER.has(w))) break;
      e = q;
      if (toks[q].norm.startsWith('ال') && !AR_NAME_CONNECT.has(toks[q - 1].norm)) break;
    }
    while (e > g1 && AR_NAME_CONNECT.has(toks[e].norm)) e--;
    if (e <= g1) continue;
    const after = e + 1 < n ? toks[e + 1] : undefined;
    // the name must be closed: punctuation, the next list item (و…), a complementiser or a reporting verb, or (round 5)
    // a title or kinship apposition (X Y زعيم …، X Y نجل Z)
    const boundary =
      !after ||
      after.gap >= 2 ||
      after.norm[0] === 'و' ||
      AR_COMP.has(after.norm) ||
      !!arVerbOf(after) ||
      arIsRelative(after.norm) ||
      AR_PERSON_TITLES.has(after.norm) ||
      AR_KINSHIP.has(after.norm);
    if (!boundary) continue;
    const start = g.strip ? offsetAfter(doc.src, toks[i], g.strip) : toks[i].start;
    const name = doc.src.slice(start, toks[e].end);
    const a = addRule(ctx, 'person', name, i, e, start, toks[e].end);
    a.nameToks = [g.form, ...toks.slice(g1 + 1, e + 1).map((x) => x.norm)];
    const gender = g.last !== undefined ? 'm' : AR_FIRST_NAME_GENDER.get(g.form);
    if (gender === 'm' || gender === 'f') a.gender = gender;
    i = e;
  }
}

/**
 * issue 11 (round 5): HONORIFIC + one to three name tokens closed by a boundary (punctuation, و, a complementiser, a verb, a relative, a
 * title, an accusative with tanween: "تعيين الملا X Y، زعيماً"، "للملا X،") is a person, the honorific in the mention.
 * Not a title for the other rules: they would run the name on over a predicate (الملا X أميراً، الملا X ستؤخر).
 */
export function arHonorificPersons(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  const made = new Map<string, ActorAcc>();
  for (let k = 0; k + 1 < n; k++) {
    if (cover[k] || toks[k].script !== 'arabic' || toks[k + 1].gap > 1) continue;
    const strip = arHonorificAt(ctx, k);
    if (strip < 0) continue;
    let best = -1;
    for (let e = k + 1; e < n && e - k <= 4; e++) {
      const compound = e > k + 1 && /^ال(له|دين)$/.test(toks[e].norm); // هيبة الله، سراج الدين
      if (cover[e] || (e > k + 1 && toks[e].gap > 1) || AR_PRONOUNS.has(toks[e].norm)) break;
      if (!compound && !arNameTok(ctx, e, e - k - 1)) break;
      const after = e + 1 < n ? toks[e + 1] : undefined;
      // (a tanween after a final alef is tokenised as the separator of the token after it)
      const raw = after ? doc.src.slice(after.start, after.end) + (e + 2 < n ? toks[e + 2].sep.slice(0, 1) : '') : '';
      if (
        !after ||
        after.gap >= 2 ||
        after.norm.startsWith('و') ||
        AR_COMP.has(after.norm) ||
        !!arVerbOf(after) ||
        arIsRelative(after.norm) ||
        AR_PERSON_TITLES.has(after.norm) ||
        (after.norm.startsWith('ال') && AR_TITLE_LIKE.test(after.norm.slice(2))) ||
        /[\u064B-\u064D]/.test(raw)
      )
        best = e;
    }
    if (best < 0) continue;
    const start = strip ? offsetAfter(doc.src, toks[k], strip) : toks[k].start;
    const a = addRule(ctx, 'person', doc.src.slice(toks[k + 1].start, toks[best].end), k + 1, best);
    a.nameToks = toks.slice(k + 1, best + 1).map((x) => x.norm);
    a.gender = 'm';
    const m = a.mentions.find((x) => x.field === doc.field && x.first === k + 1 && x.last === best);
    if (m) {
      m.first = k;
      m.start = start;
      cover[k] = a.id;
    }
    k = best;
    made.set(a.nameToks.join(' '), a);
  }
  if (!made.size) return;
  // later uses of the same honorific name (وفاة الملا عمر ستؤخر …), whatever follows them
  for (let k = 0; k + 1 < n; k++) {
    if (cover[k] || toks[k].script !== 'arabic' || toks[k + 1].gap > 1 || cover[k + 1]) continue;
    const strip = arHonorificAt(ctx, k);
    if (strip < 0) continue;
    for (const [key, a] of made) {
      const len = a.nameToks!.length;
      if (k + len >= n) continue;
      let ok = true;
      for (let j = 0; j < len && ok; j++)
        ok = !cover[k + 1 + j] && toks[k + 1 + j].norm === a.nameToks![j] && (j === 0 || toks[k + 1 + j].gap <= 1);
      if (!ok || key === '') continue;
      const start = strip ? offsetAfter(doc.src, toks[k], strip) : toks[k].start;
      ctx.set.mention(a, { start, end: toks[k + len].end, first: k, last: k + len, field: doc.field });
      for (let j = k; j <= k + len; j++) cover[j] = a.id;
      k += len;
      break;
    }
  }
}
