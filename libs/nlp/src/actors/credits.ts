// Photo credits and contributor lines (issue 11; ADR 0017): names there ("[Jane Doe/Pool/EPA]", "toggle caption Jane
// Doe/AP", "-- Jane Doe and John Roe contributed to this report") are not actors of the story (GOLD-GUIDELINES).

import type { Doc } from '../doc';

export interface CreditSpan {
  start: number;
  end: number;
}

// "[Name/Agency/Agency]" on one line
const BRACKET_CREDIT = /\[[^\]\n]{0,160}\/[^\]\n]{0,160}\]/g;
// a short line, or the rest of a line after a caption cue, made of "Name Name/Agency" credits
const SLASH_CREDIT = /(?:toggle caption|caption|photo(?:graph)?:?|image:?|credit:?)[^\n]{0,200}/gi;
const CONTRIBUTED =
  /(?:^|\n)[^\n]{0,200}\b(?:contributed (?:to )?(?:this )?(?:report|reporting|writing)|contributed reporting|reporting by|editing by|writing by)\b[^\n]*/gi;

const CONTRIBUTED_CUE = /contributed|reporting by|editing by|writing by/i;
// issue 11 (round 6): an Arabic byline opening the text, "كتب محمد علي:" / "كتبت X وY:" / "بقلم X:" (Egyptian and Gulf papers):
// the writer is no actor of the story; one to five words up to the colon, no sentence punctuation on the way
// (not "كتب الرئيس … على منصة X:", a post: the name may not open with ال nor hold a preposition)
const AR_BYLINE = /^\s*(?:كتب|كتبت|بقلم)\s*[-–:]?\s+(?!ال)((?:[\p{L}\u064B-\u065F\u0640]+[ \t]*){1,5})(?:[:–-]|\r?\n)/u;
// issue 11 (session 6): a dateline or byline standing alone as the body's first line in Saudi, Egyptian and pan-Arab
// papers: "لندن: «الشرق الأوسط»", "الرياض - واس", "جدة - فهد العتيبي", "عبدالله الداني (جدة)", "الدمام - اليوم":
// at most six words with a separator (dash, colon, Arabic comma) or brackets, no sentence stop, then a line break.
// The place is no actor, the writer is none (bylines are not annotated) and the outlet of an Arabic dateline is
// not annotated either (test/gold/README); an outlet named again in the text is found there.
const AR_DATELINE_LINE = /^\s*([^\n.!?؟]{2,60}?)[ \t]*\r?\n/u;
// session 7: an agency wire's dateline opening the first paragraph, "أبوظبي في 6 ديسمبر / وام /"، "الدوحة في 5 ديسمبر /قنا/"،
// "عمان 4 كانون الأول (بترا)-"، "الكويت - 3 - 12 (كونا) --": place, date (a digit), then the agency in brackets or slashes.
// The agency of an Arabic dateline is not annotated (as for AR_DATELINE_LINE); the name rules read it as a person.
const AR_WIRE_DATELINE = /^\s*[\u0600-\u06FF][^\n.()/«»"]{0,40}?\d[^\n.()/«»"]{0,30}?[(/]\s*[\u0600-\u06FF]{2,12}\s*[)/]/u;
const AR_BYLINE_NOT = /(?:^|\s)(?:على|علي|في|عبر|من|عن|إلى|الى|حساب|منصة|تغريدة)(?:\s|$)/;

/** Spans of the text that hold credits only. */
export function creditSpans(src: string): CreditSpan[] {
  const out: CreditSpan[] = [];
  if (src.indexOf('/') >= 0) {
    for (const m of src.matchAll(BRACKET_CREDIT)) out.push({ start: m.index!, end: m.index! + m[0].length });
    for (const m of src.matchAll(SLASH_CREDIT)) {
      // only when the cue is followed by a "Name/Agency" credit
      if (/\p{Lu}[\p{L}.'’-]*\s?\/\s?\p{Lu}/u.test(m[0])) out.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  // every CONTRIBUTED match holds one of these words: one linear scan rules most bodies out before the
  // per-line pattern (up to 200 characters scanned and backtracked from every line start)
  if (CONTRIBUTED_CUE.test(src)) for (const m of src.matchAll(CONTRIBUTED)) out.push({ start: m.index!, end: m.index! + m[0].length });
  const by = AR_BYLINE.exec(src.slice(0, 120));
  if (by && !AR_BYLINE_NOT.test(by[1])) out.push({ start: 0, end: by[0].length });
  else {
    const dl = AR_DATELINE_LINE.exec(src.slice(0, 80));
    if (dl && arDatelineLine(dl[1])) out.push({ start: 0, end: dl[0].length });
    else {
      const wd = AR_WIRE_DATELINE.exec(src.slice(0, 90));
      if (wd) out.push({ start: 0, end: wd[0].length });
    }
  }
  return out;
}

/** An Arabic first line that is a dateline or a byline: 2–6 words, Arabic letters, a separator or brackets, no
 * reporting verb or complementiser (a one-line lead "قال X: …" is a sentence, not a dateline). */
function arDatelineLine(line: string): boolean {
  if (!/[\u0600-\u06FF]/.test(line) || !/[-–—:،(«]/.test(line)) return false;
  const words = line.split(/[\s\-–—:،()«»"]+/).filter(Boolean);
  if (words.length < 2 || words.length > 6) return false;
  return !words.some((w) => /^[وف]?(قال|قالت|أكد|أكدت|أعلن|أعلنت|إن|أن|أنه|إنه)$/.test(w));
}

/** Token indexes of `doc` inside credit spans (empty for most articles: one scan for '/' and the cue words). */
export function creditTokens(doc: Doc): Set<number> {
  const spans = creditSpans(doc.src);
  const ks = new Set<number>();
  if (!spans.length) return ks;
  const toks = doc.toks;
  for (const sp of spans) for (let k = 0; k < toks.length && toks[k].start < sp.end; k++) if (toks[k].start >= sp.start) ks.add(k);
  return ks;
}
