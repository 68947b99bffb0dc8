// Arabic attribution families added by ADR 0016, as construction families rather than sentence rules. Each family
// fires on one trigger token and pushes through the engine's own claim builder (EngineView.push), so trimming,
// de-duplication and offsets are shared with the older rules, whose pass calls `arabicAttribution` once per
// token from ar/reporting.ts (the hook is marked "ADR 0016 hook").
//
// Families:
// - ar-aside-after   the speaker after the content, in an aside closing the sentence:
//                    "CONTENT، كما أوضح X" / "CONTENT، حسبما أفاد X" / "CONTENT، وفقا لما صرح به X" / "CONTENT، على حد تعبير X"
// - ar-bil-qawl      a verb + بقوله/بالقول: "ورد X بقوله: ..." / "واستطرد بقوله" / "وعلّقت X بالقول إن ..."
// - ar-document      a statement given as the content of a document: "ورد في تقرير X أن ..." / "ونص بيان X على أن ..."

import { AR_FAMILY_TRIGGERS, AR_RESPONSE, AR_DOC_NOUNS, AR_RELAY } from '../../lexicon/ar';
import { arVerbOf } from '../../actors/ar/names';
import { tokenAt } from '../../doc';
import { AR_COMP, AR_VERBS } from '../../lexicon/ar';
import { discourseOf, speakerPhrase, type EngineView, type Gender } from '../discourse';

/** Role words before a nationality adjective ("نظيره الإيراني"، "الوزير الروسي"). */
const TITLE_BEFORE = /^(نظير|نظيره|نظيرها|نظيرتها|نظيرته|الرئيس|الوزير|الوزيره|وزير|وزيره|المبعوث|السفير|المتحدث|المستشار|رئيس)$/;
/** A reporting verb form (folded), with an object pronoun stripped ("قاله"، "أعلنته" → قال، أعلنت). */
function verbForm(norm: string): { verb: string; fem: boolean } | undefined {
  const w = norm.replace(/^(و|ف)/, '');
  for (const f of [w, w.replace(/(ته|ها|ه)$/, ''), w.replace(/(ه|ها)$/, '')]) {
    const info = AR_VERBS.get(f);
    if (info) return { verb: f, fem: info.fem };
    if (AR_RESPONSE.has(f)) return { verb: f, fem: /^ت|ت$/.test(f) };
  }
  return undefined;
}

/** Called by the engine for every Arabic token; returns true when a family produced a claim at token i. */
export function arabicAttribution(v: EngineView, i: number): boolean {
  const t = v.doc.toks[i];
  if (!AR_FAMILY_TRIGGERS.has(t.norm)) return false;
  return asideAfter(v, i) || bilQawl(v, i) || documentContent(v, i);
}

/** "CONTENT، كما أوضح X" and kin: the aside names the speaker of the clause before it. */
function asideAfter(v: EngineView, i: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const w = toks[i].norm;
  const sent = doc.sentOf[i];
  let verbTok = -1;
  let trig = i; // first token of the aside
  if (w === 'حد') {
    // على حد تعبير/قول/وصف X
    if (i < 1 || toks[i - 1].norm !== 'علي' || i + 2 >= n || !/^(تعبير|قول|وصف)$/.test(toks[i + 1].norm)) return false;
    trig = i - 1;
    verbTok = i + 1;
  } else if (/^(كما|وكما|حسبما|وحسبما|بحسبما|فيما)$/.test(w)) {
    if (w === 'فيما') return false; // "فيما قال X إن ..." opens a new statement, not an aside
    verbTok = i + 1;
  } else if (/^(وفقا|ووفقا|طبقا|وطبقا|بحسب|وبحسب|حسب|وحسب)$/.test(w)) {
    if (i + 2 >= n || !/^(لما|ما)$/.test(toks[i + 1].norm)) return false;
    verbTok = i + 2;
  } else return false;
  if (verbTok >= n || doc.sentOf[verbTok] !== sent) return false;
  // the aside follows the content after a comma, never opens the sentence; round 7: "حسبما"/"بحسب ما"/"وفقا لما" +
  // verb may also close the sentence without a comma ("… قرب المدينة بحسب ما أعلنت مصادر زاندرية."): they only ever
  // name a source (كما may open a clause of its own, so it keeps the comma)
  const noComma = toks[trig].gap <= 1 && w !== 'حد' && !/^(كما|وكما)$/.test(w);
  if (doc.sentStart[trig] || (toks[trig].gap !== 2 && !noComma)) return false;
  const vt = toks[verbTok];
  const vf = w === 'حد' ? { verb: vt.norm, fem: false } : verbForm(vt.norm);
  if (!vf) return false;
  if (AR_RELAY.has(vt.norm.replace(/^(و|ف)/, ''))) return false;
  let np = verbTok + 1;
  // "كما صرح به X" / "حسبما أفادت به X": the object pronoun of the verb
  while (np < n && /^(به|بها|له|لها|ذلك)$/.test(toks[np].norm)) np++;
  if (np >= n || doc.sentOf[np] !== sent) return false;
  if (toks[np].norm === 'عن' || toks[np].norm === 'عنه') return false; // a relayed quote
  // an earlier reporting verb in the sentence: the aside restates its speaker (a reporter aside the engine cuts)
  const st = doc.sents[sent];
  for (let b = tokenAt(doc, st.start); b < trig; b++)
    if (arVerbOf(toks[b]) || AR_RESPONSE.has(toks[b].norm.replace(/^(و|ف)/, ''))) return false;
  for (const c of v.claims) if (doc.sentOf[c.at] === sent) return false;
  const sp = speakerPhrase(v, np);
  if (!sp) return false;
  // the aside closes the sentence (a short adverbial may follow: "في مؤتمر صحفي"، "للصحفيين"، "أمس")
  let rest = 0;
  for (let r = sp.last + 1; r < n && doc.sentOf[r] === sent; r++) rest++;
  if (rest > 5) return false;
  let s = st.start;
  const s0 = tokenAt(doc, st.start);
  if (s0 < trig && AR_COMP.has(toks[s0].norm) && s0 + 1 < trig) s = toks[s0 + 1].start;
  const e = toks[trig].start - toks[trig].sep.length;
  if (e - s < 12) return false;
  const tn = toks[trig].norm;
  const verb = doc.src.slice(toks[trig].start + (tn[0] === 'و' && AR_FAMILY_TRIGGERS.has(tn.slice(1)) ? 1 : 0), vt.end);
  return !!v.push('ar-aside-after', sp.actor, doc.src.slice(sp.start, sp.end), verb, 'statement', s, e, verbTok);
}

/** "ورد X بقوله: ..." — a (response or reporting) verb whose content is introduced by بقوله/بالقول. */
function bilQawl(v: EngineView, i: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const w = toks[i].norm;
  if (!/^(بقوله|بقولها|بقولهم|بقولهما|بالقول)$/.test(w)) return false;
  const sent = doc.sentOf[i];
  let vb = -1;
  let vf: { verb: string; fem: boolean } | undefined;
  for (let b = i - 1; b >= Math.max(0, i - 8) && doc.sentOf[b] === sent; b--) {
    vf = verbForm(toks[b].norm);
    if (vf) {
      vb = b;
      break;
    }
  }
  if (vb < 0 || !vf) return false;
  let fem: Gender | undefined = vf.fem ? 'f' : 'm';
  if (w === 'بقولها') fem = 'f';
  if (w === 'بقولهم' || w === 'بقولهما') fem = undefined;
  let speaker = vb + 1 < i ? speakerPhrase(v, vb + 1, i - vb - 1) : undefined;
  let speakerText = speaker ? doc.src.slice(speaker.start, speaker.end) : '';
  if (!speaker && vb + 1 < i) {
    // words between the verb and بقوله that name nobody ("ورد على الاتهامات بقوله"): a subject-less verb
    for (let r = vb + 1; r < i; r++) if (v.mAt[r]) return false;
  }
  let actor = speaker?.actor;
  if (!actor) {
    actor = discourseOf(v).salientSpeaker(vb, { gender: fem, number: w === 'بقولهم' ? 'pl' : undefined });
    speakerText = '';
  }
  if (!actor) return false;
  // the content: a quotation opening right after, else the rest of the sentence
  let s = toks[i].end;
  let e = doc.sents[sent].end;
  if (i + 1 < n) {
    const nx = toks[i + 1];
    const qi = doc.quoteOf[i + 1];
    if (qi >= 0 && doc.quotes[qi].open >= toks[i].end && doc.quotes[qi].open < nx.start) {
      s = doc.quotes[qi].open;
      e = doc.quotes[qi].close + 1;
    } else if (doc.sentOf[i + 1] !== sent && /:\s*$/.test(doc.src.slice(toks[i].end, nx.start))) {
      e = doc.sents[doc.sentOf[i + 1]].end; // "بقوله:" then a new line
    }
  }
  if (i + 1 < n && AR_COMP.has(toks[i + 1].norm)) s = toks[i + 1].end;
  const verb = doc.src.slice(toks[vb].start, toks[vb].end).replace(/^[وف]/, '');
  speaker = undefined;
  return !!v.push('ar-bil-qawl', actor, speakerText, verb, 'statement', s, e, vb);
}

/** "ورد في تقرير X أن ..." / "ونص بيان X على أن ...": the body whose document it is states the content. */
function documentContent(v: EngineView, i: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const w = toks[i].norm;
  const sent = doc.sentOf[i];
  let noun = -1;
  let verbEnd = i;
  if (/^(ورد|وورد)$/.test(w)) {
    if (i + 2 >= n || toks[i + 1].norm !== 'في' || !AR_DOC_NOUNS.has(toks[i + 2].norm)) return false;
    noun = i + 2;
    verbEnd = i + 1;
  } else if (/^(نص|ونص|ينص|وينص|تنص|وتنص)$/.test(w)) {
    if (i + 1 >= n || !AR_DOC_NOUNS.has(toks[i + 1].norm)) return false;
    noun = i + 1;
  } else return false;
  // the complementiser that opens the content: "أن" (ورد في), "على أن" (نص)
  let comp = -1;
  for (let r = noun + 1; r < Math.min(n, noun + 12) && doc.sentOf[r] === sent; r++) {
    if (AR_COMP.has(toks[r].norm) && (w.includes('ورد') || toks[r - 1].norm === 'علي')) {
      comp = r;
      break;
    }
  }
  if (comp < 0 || comp + 1 >= n || doc.sentOf[comp + 1] !== sent) return false;
  const end = w.includes('ورد') ? comp : comp - 1; // the phrase stops before (علي) أن
  const sp = speakerPhrase(v, noun + 1, end - noun - 1);
  if (!sp) return false;
  const verb = doc.src.slice(toks[i].start, toks[verbEnd].end).replace(/^و(?=ورد|نص|ينص|تنص)/, '');
  return !!v.push(
    'ar-document',
    sp.actor,
    doc.src.slice(toks[noun].start, sp.end),
    verb,
    'statement',
    toks[comp].end,
    doc.sents[sent].end,
    i,
  );
}

/**
 * Nested statements (claim segmentation): a named actor's statement reported inside another actor's claim gets its
 * own claim — "قال X إن Y أبلغه أن ..." → Y: "...". The inner verb may carry an object pronoun (أبلغه، أخبرها) and
 * its subject may precede it (Y أبلغه أن) or follow it (أبلغ Y الوفد أن). Run once after the Arabic rules.
 */
export function arabicNested(v: EngineView): void {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const outer = v.claims.slice();
  for (const c of outer) {
    if (!c.speaker.actorId || c.end - c.start < 20) continue;
    const first = tokenAt(doc, c.start);
    // complementisers are rare: find one inside the claim, then the reporting verb at most three tokens before it
    // (an object or a recipient may sit between) — a Set lookup per token, the verb check only near a complementiser
    for (let comp = first + 1; comp < n && toks[comp].end <= c.end; comp++) {
      if (!AR_COMP.has(toks[comp].norm) || comp + 1 >= n || toks[comp + 1].start >= c.end) continue;
      const sent = doc.sentOf[comp];
      let r = -1;
      for (let b = comp - 1; b >= Math.max(first, comp - 3) && doc.sentOf[b] === sent; b--)
        if (toks[b].script === 'arabic' && !v.mAt[b] && verbForm(toks[b].norm)) {
          r = b;
          break;
        }
      if (r < 0 || AR_RELAY.has(toks[r].norm)) continue;
      // the subject: a mention right before the verb (SV), else right after it (VS)
      const before = r > 0 ? v.mAt[r - 1] : undefined;
      const after = r + 1 < comp ? v.mAt[r + 1] : undefined;
      const m = before && before.last === r - 1 && before.start >= c.start ? before : after && after.first === r + 1 ? after : undefined;
      if (!m) continue;
      let a = v.set.byId.get(m.actorId);
      // a nationality adjective inside a title phrase ("نظيره الإيراني أبلغه") stands for the person introduced with it
      if (a && a.type === 'country' && m.first > 0 && TITLE_BEFORE.test(toks[m.first - 1].norm))
        a = discourseOf(v).personOfNationality(a, toks[m.first].start);
      if (!a || a.type === 'location' || a.id === c.speaker.actorId) continue;
      // not inside a prepositional phrase ("في رسالة إلى Y أبلغ ...")
      const pv = m.first > 0 ? toks[m.first - 1].norm : '';
      if (/^(في|من|علي|عن|مع|الي|لدي|عبر|امام|بين|باسم)$/.test(pv)) continue;
      const verb = doc.src.slice(toks[r].start + (/^[وف]/.test(toks[r].norm) && verbForm(toks[r].norm.slice(1)) ? 1 : 0), toks[r].end);
      v.push('ar-nested', a, doc.src.slice(m.start, m.end), verb, 'statement', toks[comp].end, c.end, r);
    }
  }
}
