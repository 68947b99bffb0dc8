// Arabic actors, name phase: what may be a name token (not a verb, day, adjective or common noun), name runs,
// title modifiers, reporting verbs with their clitics (arVerbOf, also used by claims) and the title/head filters.

import {
  AR_ADJ_STOP,
  AR_ADVERBIAL,
  AR_COMMON_NOT_NAME,
  AR_COMP,
  AR_DAYS,
  AR_MULTI_TITLE_NEXT,
  AR_NAME_CONNECT,
  AR_NAME_STOP,
  AR_ORG_HEADS,
  AR_ORG_HEADS_DEF,
  AR_PERSON_TITLES,
  AR_STOP,
  AR_VERBS,
} from '../../lexicon/ar';
import { AR_CORPUS_COMMON } from '../../lexicon/ar-common';
import { set } from '../../lexicon/shared';
import { tokenVariants, type Token } from '../../text';
import { arIsRelative } from '../cues';
import type { ExtractCtx } from '../shared';
import { AR_COMPOUND_FIRST, AR_FIRST_NAME_GENDER } from './given-names';
const AR_NOT_NAME_EXTRA = set(
  'سموه سموها اياه اياها اياهم جلالته فخامته معاليه كثير كثيرا عديد عديدا بعض كافه جميع باحثون باحثين قاده ميدانيون ميدانيين مسوولون مسوولين اعضاء',
);

/** Office nouns (folded) that head a local unit after a title: security directorate, investigations, sector, prosecution
 * office, district, directorate, branch, traffic, police. */
const AR_OFFICE_NOUNS = set('امن مباحث قطاع نيابه حي مديريه فرع مرور شرطه دائره قسم مصلحه');
/** Acts (past verbs, masdars; folded) that follow a titled person's name in court and police reports, and a delegation. */
const AR_ACT_AFTER_NAME = set(
  'حبس بحبس ضبط احال احاله اخلاء اخلي تاجيل تجديد ايداع تغريم معاقبه سجن براءه قرر امر رفض الزم وفد وفدا استقبل تفقد افتتح',
);

function isArabicWord(t: Token): boolean {
  return t.script === 'arabic' && t.norm.length >= 2;
}

function stripWF(norm: string): string {
  return norm.length > 3 && (norm[0] === 'و' || norm[0] === 'ف') ? norm.slice(1) : norm;
}

/** Reporting verb of an Arabic token, memoised on the token (null: none): the rule and claim passes ask for the
 * same tokens many times. */
export function arVerbOf(t: Token): { verb: string; strip: number } | undefined {
  if (t.script !== 'arabic') return undefined;
  let r = t.arVerb;
  if (r === undefined) r = t.arVerb = arVerbOf0(t) ?? null;
  return r ?? undefined;
}

function arVerbOf0(t: Token): { verb: string; strip: number } | undefined {
  if (AR_VERBS.has(t.norm)) return { verb: t.norm, strip: 0 };
  const s = stripWF(t.norm);
  if (s !== t.norm && AR_VERBS.has(s)) return { verb: s, strip: 1 };
  return undefined;
}

/** Could token k be part of an Arabic personal name? */
export function arNameTok(ctx: ExtractCtx, k: number, pos: number): boolean {
  const t = ctx.doc.toks[k];
  if (!isArabicWord(t)) return false;
  if (ctx.cover[k]) {
    // issue 11 (cues): a country nisba closing a name chain is a family name (عبدالله بن عبدالمحسن التركي), not the
    // country: the KB match inside a person's name is dropped when the person is added (addRule)
    const ca = ctx.set.byId.get(ctx.cover[k]!);
    if (ca && ca.type === 'country' && pos >= 2 && t.norm.startsWith('ال') && t.norm.endsWith('ي') && ctx.cover[k - 1] === undefined) {
      const pv = ctx.doc.toks[k - 1].norm;
      if (!pv.startsWith('ال') || AR_NAME_CONNECT.has(ctx.doc.toks[k - 2].norm)) return true;
    }
    // "يوجين كاسبرسكي": a surname that is also a one-word organisation alias
    const a = ctx.set.byId.get(ctx.cover[k]!);
    const m = a?.mentions.find((x) => x.field === ctx.doc.field && x.first === k);
    if (!(pos > 0 && a && a.type === 'organization' && ctx.cover[k + 1] !== ctx.cover[k] && m && m.start === t.start)) return false;
    return !ctx.cover[k - 1];
  }
  const w = t.norm;
  if (
    (AR_STOP.has(w) || AR_NAME_STOP.has(w) || AR_COMP.has(w) || AR_ADVERBIAL.has(w)) &&
    !(w === 'علي' && ctx.doc.src.slice(t.start, t.end).endsWith('ي') && pos === 0)
  )
    return false;
  if (arVerbOf(t)) return false;
  // (session 7: after عبد a title word is the second half of a compound name: عبد الأمير، عبد الملك)
  if ((AR_PERSON_TITLES.has(w) || AR_ORG_HEADS.has(w)) && !(pos > 0 && ctx.doc.toks[k - 1].norm === 'عبد')) return false;
  const rawT = ctx.doc.src.slice(t.start, t.end).replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  // session 7: a known given name is a name token whatever its shape (فالنتين is no ف + ال; تحسين is also a masdar)
  if (AR_FIRST_NAME_GENDER.has(w) && !rawT.startsWith('ال')) return true;
  // the article is written with a bare alef (ال); أل/إل/آل open names (أليكسي، إليزابيث)
  const isArticle = rawT.startsWith('ال');
  if (w === 'علي' && rawT === 'علي' && pos === 0) return true; // the name Ali (not the preposition على)
  if (/^[بلكف][أإآ]/.test(rawT)) return false; // بإجراءات، لأسباب: a clitic on a common noun
  // issue 11 (session 6): the second part of a compound given name (حسام الدين، نصر الله) after its first part
  if (pos > 0 && (w === 'الدين' || w === 'الله') && AR_COMPOUND_FIRST.has(stripWF(ctx.doc.toks[k - 1].norm))) return true;
  if (isArticle && !(pos > 0 && !AR_DAYS.has(w) && !AR_ADJ_STOP.has(w) && /ي$/.test(w))) {
    // "عبد الله", "أبو الغيط": article-words allowed after a connector
    const prev = ctx.doc.toks[k - 1];
    if (!(prev && AR_NAME_CONNECT.has(prev.norm))) return false;
  }
  if (/^(لل|بال|وال|فال|كال)/.test(rawT)) return false;
  if (/^\d/.test(w)) return false;
  // case endings (tanween) mark common nouns/adverbs (تحديداً، جديدٌ), never transliterated names
  const raw = ctx.doc.src.slice(t.start, t.end);
  if (/[\u064B-\u064D]/.test(raw)) return false;
  // (issue 11, round 5: a tanween after a final alef is tokenised as the next token's separator: أميراً، زعيماً)
  const nx = k + 1 < ctx.doc.toks.length ? ctx.doc.toks[k + 1] : undefined;
  if (nx && nx.sep.length > 0 && nx.sep.charCodeAt(0) >= 0x064b && nx.sep.charCodeAt(0) <= 0x064d) return false;
  // attached pronouns (ووزرائه، حملتها) mark common nouns; ة is kept distinct from ه in the original
  if (raw.length >= 5 && /(\u0647|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627)$/.test(raw) && !/الله$/.test(raw)) return false;
  // a 3-letter word opening with a present-tense prefix (يشن، تشن، نرى) is a verb
  if (pos === 0 && w.length === 3 && /^[يتن]/.test(w)) return false;
  if (AR_COMMON_NOT_NAME.has(w)) return false;
  // issue 11 (aractors2): an office noun in construct after a title is the office, not a name (مدير أمن الجيزة، رئيس
  // نيابة الدقي، رئيس حي شرق): never a name's first token
  if (pos === 0 && AR_OFFICE_NOUNS.has(w)) return false;
  // issue 11 (aractors2): after two name tokens, the act the titled person performs ends the name (المستشار محمد شوقي
  // حبس المتهمين، القاضي عمرو سليم تأجيل القضية): court/police acts and a تفعيل masdar (5 letters, ت + 3 consonants + ي)
  if (pos >= 2 && (AR_ACT_AFTER_NAME.has(w) || /^ت[^اوي][^اوي]ي[^اوي]$/.test(w))) return false;
  // issue 11 (names): a corpus-frequent common word (verb, masdar, adjective) is never a name token
  if (AR_CORPUS_COMMON.has(w)) return false;
  // issue 11 (names): honorific pronouns (سموه، إياه), quantity words (كثير، عديد), plural role nouns (وباحثون), an
  // adverbial -يا after the first name token (اقتصاديا), a clitic on a ة-noun (بشدة) are never name tokens
  if (AR_NOT_NAME_EXTRA.has(w) || AR_NOT_NAME_EXTRA.has(stripWF(w)) || AR_COMMON_NOT_NAME.has(stripWF(w))) return false;
  if (pos >= 1 && w.length >= 5 && w.endsWith('يا')) return false;
  if (/^[بلك]/.test(rawT) && rawT.length >= 4 && rawT.endsWith('ة')) return false;
  // issue 11 (cues): a clitic on an organisation head or a title (بشركة، لوزارة، للرئيس) is never part of a name
  if (
    /^[وفبلك]/.test(w) &&
    w.length >= 4 &&
    tokenVariants(t).some((v) => v.strip > 0 && (AR_ORG_HEADS.has(v.form) || AR_PERSON_TITLES.has(v.form)))
  )
    return false;
  if (/^(به|بهذه|بهذا|بكافه|بكل|لكل|لهذه|لهذا|لاخري|لاخر|لشركه|بمجال)$/.test(w)) return false;
  if (arMorphNotName(stripWF(w), pos)) return false;
  return true;
}

/**
 * issue 11 (names): word shapes that transliterated and Arabic names do not take (checked against every KB alias, dev
 * gold alias and given name: no collision): an imperfect verb of the افتعل/استفعل stems as the first token (يجتمع،
 * يستخدم), a plural noun with the pronoun نا (رحلاتنا، وجهاتنا), and ب + a participle/plural in م or a تفعيل masdar
 * (بمواقف، بتنفيذ) — the preposition opening a complement after the name. Shape tests, so they reach words that occur
 * in no development article (the corpus-frequency list only knows those).
 */
export function arMorphNotName(w: string, pos: number): boolean {
  if (w.length >= 5 && w.endsWith('اتنا')) return true;
  // (a first-letter switch: most name-run candidates start with none of ي ت ب, and skip the regexes)
  const c = w.charCodeAt(0);
  // (session 6: and the plain يفعل imperfect, four consonants from ي: "وزير الصحة يدشن"، "الأمير يفتتح" — no KB alias, dev
  // gold alias or given name has that shape; the تفعل form has: ترمب، تمبل)
  if (c === 0x064a || c === 0x062a) return pos === 0 && (/^ي.ت..$/.test(w) || /^[يت]ست...?$/.test(w) || /^ي[^اوىي]{3}$/.test(w));
  return c === 0x0628 && w.length >= 4 && /^ب(م..|ت[^اوي][^اوي]ي[^اوي]$)/.test(w);
}

/** Longest run of name tokens starting at k (max 4), contiguous (no punctuation between). */
const PATRONYMIC = new Set(['بن', 'ابن', 'بنت']);

export function arNameRun(ctx: ExtractCtx, k: number, max = 4): number {
  const toks = ctx.doc.toks;
  let e = k - 1;
  // issue 11 (round 6): a patronymic chain counts its بن/بنت links apart (سعود بن نايف بن عبدالعزيز: 5 tokens, 3 names)
  let links = 0;
  for (let q = k; q < toks.length && q - k - links < max; q++) {
    if (q > k && toks[q].gap > 1) break;
    if (q > k && q - k - links === max - 1 && links < 3 && PATRONYMIC.has(toks[q].norm)) links++;
    if (!arNameTok(ctx, q, q - k)) break;
    // an article-word ends the name (surname like الحريري)
    e = q;
    if (
      q > k &&
      toks[q].norm.startsWith('ال') &&
      !AR_NAME_CONNECT.has(toks[q - 1].norm) &&
      !((toks[q].norm === 'الدين' || toks[q].norm === 'الله') && AR_COMPOUND_FIRST.has(stripWF(toks[q - 1].norm)))
    )
      break;
  }
  // do not end on a connector
  while (e >= k && AR_NAME_CONNECT.has(toks[e].norm)) e--;
  return e;
}

/** Skip title modifiers after a title token: article-words, "باسم X", construct nouns; returns index after them. */
export function skipTitleModifiers(ctx: ExtractCtx, k: number): number {
  const toks = ctx.doc.toks;
  let q = k;
  let steps = 0;
  while (q < toks.length && steps < 6) {
    const t = toks[q];
    if (t.gap > 1) break;
    const w = t.norm;
    // session 7: "acting" after a title (حاكم مصرف لبنان بالإنابة X)
    if (w === 'بالانابه' || w === 'بالوكاله') {
      q++;
      steps++;
      continue;
    }
    if (w === 'باسم' || w === 'ب' || (w === 'في' && false)) {
      q++;
      steps++;
      // issue 11 (session 6): an indefinite noun in construct with the body (باسم قوات التحالف، باسم وزارة الخارجية)
      if (
        w === 'باسم' &&
        q + 1 < toks.length &&
        toks[q].gap <= 1 &&
        toks[q + 1].gap <= 1 &&
        !ctx.cover[q] &&
        toks[q].script === 'arabic' &&
        !toks[q].norm.startsWith('ال') &&
        (toks[q + 1].norm.startsWith('ال') || ctx.cover[q + 1])
      ) {
        q++;
        steps++;
      }
      // the body named: one article-word or a covered actor mention
      while (q < toks.length && toks[q].gap <= 1 && (toks[q].norm.startsWith('ال') || ctx.cover[q]) && steps < 8) {
        q++;
        steps++;
      }
      continue;
    }
    if ((w.startsWith('ال') || /^(لل|وال)/.test(w)) && !AR_DAYS.has(w) && !arIsRelative(w)) {
      q++;
      steps++;
      continue;
    }
    if (
      /^(لدي|في|من)$/.test(w) &&
      q + 1 < toks.length &&
      toks[q + 1].gap <= 1 &&
      (toks[q + 1].norm.startsWith('ال') || ctx.cover[q + 1]) &&
      ctx.set.byId.get(ctx.cover[q + 1] ?? '')?.type !== 'person'
    ) {
      q += 2;
      steps += 2;
      continue;
    }
    const rawM = ctx.doc.src.slice(t.start, t.end);
    if (rawM.length >= 5 && /(\u0647|\u0647\u0627|\u0647\u0645)$/.test(rawM) && !/الله$/.test(rawM)) {
      q++;
      steps++;
      continue;
    } // وزير خارجيتها
    // prepositional modifier "بحقوق الملكية", "لحلف الناتو"
    if (
      /^[بل]/.test(w) &&
      w.length > 3 &&
      q + 1 < toks.length &&
      toks[q + 1].gap <= 1 &&
      (toks[q + 1].norm.startsWith('ال') || ctx.cover[q + 1])
    ) {
      q += 2;
      steps += 2;
      continue;
    }
    if (AR_MULTI_TITLE_NEXT.has(w) || w === 'وزراء' || w === 'عام' || w === 'مجلس' || w === 'الوزراء') {
      q++;
      steps++;
      continue;
    }
    if (ctx.cover[q]) {
      if (ctx.set.byId.get(ctx.cover[q]!)?.type === 'person') return -1; // the title's name is already known
      q++;
      steps++;
      continue;
    }
    break;
  }
  return q;
}

/**
 * Cheap "could a clitic variant of this token be in `words`?" test, so that most tokens need no variant objects.
 * A token of 3+ code units has variants that only strip prefixes (و ف ب ك ل ال) or turn لل into ال, each at least 2
 * long (text.ts computeVariants). So a variant in `words` is either 2 long (= the token's last two units), or ends
 * with the token's last three units, or is ال + the token's last two (only after a لل prefix). False means none is.
 */
export function variantEndFilter(words: Iterable<string>): (norm: string) => boolean {
  const two = new Uint8Array(65536),
    three = new Uint8Array(65536);
  const k2 = (w: string) => (w.charCodeAt(w.length - 2) * 31 + w.charCodeAt(w.length - 1)) & 0xffff;
  const k3 = (w: string) => (w.charCodeAt(w.length - 3) * 961 + w.charCodeAt(w.length - 2) * 31 + w.charCodeAt(w.length - 1)) & 0xffff;
  for (const w of words) {
    if (w.length === 2) two[k2(w)] = 1;
    else if (w.length >= 3) three[k3(w)] = 1;
  }
  const LAM = 0x0644;
  return (norm) => {
    const n = norm.length;
    if (n < 3) return true; // one variant, the token itself: the caller tests it
    if (two[k2(norm)] === 1 || three[k3(norm)] === 1) return true;
    const c0 = norm.charCodeAt(0);
    const s = c0 === 0x0648 || c0 === 0x0641 ? 1 : 0; // و ف
    return norm.charCodeAt(s) === LAM && norm.charCodeAt(s + 1) === LAM; // لل → ال + rest
  };
}
export const MAY_TITLE = variantEndFilter(AR_PERSON_TITLES);
export const MAY_ORG_HEAD = variantEndFilter(AR_ORG_HEADS);
export const MAY_ORG_HEAD_DEF = variantEndFilter(AR_ORG_HEADS_DEF);
export const MAY_ADMIN = variantEndFilter(['اداره']);
