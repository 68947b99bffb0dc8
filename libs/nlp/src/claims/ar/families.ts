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
// - ar-relative-denial (session 6) a denial in a relative clause after an accusation: "اتهمت X Y بـCHARGE، الأمر الذي
//                    تنفيه Y" / "…، وهو ما نفته الأخيرة" — the denier's claim is the charge
// - ar-response-participle (session 6) a participle after a response verb and its subject: "وختم المتحدث قائلا: …"،
//                    "وعلق X مضيفا أن …" — the response verb's subject speaks; an unresolved subject refuses
// - ar-plural-anaphor (session 6) a plural or dual description as subject — "وأكدت تلك الدول أن"، "وقال البلدان إن"،
//                    "وأعلنت الشركتان أن" — names the members of the last coordinated list of that kind: one claim each
// - ar-blame         (session 6) blame as a verb + noun: "وتلقي روسيا اللوم على X"، "…، منحية باللائمة في ذلك على X":
//                    what follows على (to the end of the clause) is the text

import { AR_BLAME_NOUNS, AR_BLAME_VERBS, AR_FAMILY_TRIGGERS, AR_RESPONSE, AR_DOC_NOUNS, AR_RELAY } from '../../lexicon/ar';
import type { ActorAcc } from '../../actors/shared';
import { set } from '../../lexicon/shared';
import { arVerbOf } from '../../actors/ar/names';
import { tokenAt } from '../../doc';
import { AR_COMP, AR_PERSON_TITLES, AR_VERBS } from '../../lexicon/ar';
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
  return (
    asideAfter(v, i) ||
    bilQawl(v, i) ||
    documentContent(v, i) ||
    relativeDenial(v, i) ||
    responseParticiple(v, i) ||
    blame(v, i) ||
    pluralAnaphor(v, i)
  );
}

/** Org head nouns a bare definite description may stand for (folded, without ال). */
const BODY_HEADS = set('وزاره شركه هيئه منظمه حكومه وكاله رابطه نقابه لجنه حركه جماعه مجموعه');

/**
 * Session 7: token np is a bare definite head noun ("الوزارة") that ends its clause: the organisation mentioned last before
 * token `before` whose name opens with that head ("وزارة النفط العراقية"); undefined when there is none or np is more
 * than the one noun.
 */
function bodyByHeadBefore(v: EngineView, np: number, before: number): ActorAcc | undefined {
  const toks = v.doc.toks;
  const w = toks[np].norm;
  if (!w.startsWith('ال') || !BODY_HEADS.has(w.slice(2)) || v.mAt[np]) return undefined;
  if (np + 1 < toks.length && v.doc.sentOf[np + 1] === v.doc.sentOf[np] && toks[np + 1].gap < 2) return undefined;
  for (let b = before - 1; b >= 0; b--) {
    const m = v.mAt[b];
    if (!m || m.first !== b) continue;
    const a = v.set.byId.get(m.actorId);
    if (a && a.type === 'organization' && toks[b].norm === w.slice(2)) return a;
  }
  return undefined;
}

/** Session 6: "الأمر الذي" / "وهو ما" (+ "الأمر الذي" after وهو) — the relative openers of a comment clause. */
export function relativeOpenerEnd(toks: readonly { norm: string }[], i: number): number {
  const w = toks[i].norm;
  if (w === 'الامر' && i + 1 < toks.length && toks[i + 1].norm === 'الذي') return i + 2;
  if (w === 'وهو' && i + 1 < toks.length && toks[i + 1].norm === 'ما') return i + 2;
  if (w === 'وهو' && i + 2 < toks.length && toks[i + 1].norm === 'الامر' && toks[i + 2].norm === 'الذي') return i + 3;
  return -1;
}

/**
 * Session 6: "اتهمت قطر السعودية بمنع …، الأمر الذي تنفيه الرياض" / "ويتهمونها بتقديم …، وهو ما نفته موسكو" / "متهمة
 * الدوحة بتمويل الإرهاب، الأمر الذي تنفيه الأخيرة": the denial answers the charge of the accusation before it in the
 * same sentence, and its text is that charge (test/gold/README: "A relative «الأمر الذي تنفيه الرياض» becomes a deny
 * claim whose text is the accusation it refers to"). The denier is the actor named after the verb; "الأخير/الأخيرة" (the
 * latter) is the accused. Without an accuse verb and its ب-charge in the clause before, nothing is emitted.
 */
function relativeDenial(v: EngineView, i: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  const vt = relativeOpenerEnd(toks, i);
  if (vt < 0 || vt >= n || toks[i].gap !== 2 || doc.sentOf[vt] !== doc.sentOf[i]) return false;
  const vf = verbForm(toks[vt].norm);
  if (!vf || AR_VERBS.get(vf.verb)?.kind !== 'denial') return false;
  const sent = doc.sentOf[i];
  // the accusation: an accuse verb earlier in the sentence, its object, then a ب-prefixed charge
  let charge = -1;
  let accused: ActorAcc | undefined;
  const s0 = tokenAt(doc, doc.sents[sent].start);
  for (let b = i - 1; b >= s0; b--) {
    // (the verb may carry its object as a pronoun: "ويتهمونها بتقديم …")
    const byVerb = arVerbOf(toks[b]);
    const av = byVerb ?? (toks[b].script === 'arabic' && !v.mAt[b] ? verbForm(toks[b].norm) : undefined);
    if (!av) continue;
    if (AR_VERBS.get(av.verb)?.kind !== 'accusation') return false;
    // where the object starts: the engine's own claim at that verb (its text is object + charge), or right after a verb
    // that carries its object as a pronoun; otherwise the charge cannot be told from a ب inside the subject ("اتهمت
    // شعبة المخابز بالغرفة التجارية …") — refuse
    const own = v.claims.find((c) => c.at === b);
    let from = -1;
    if (own) from = tokenAt(doc, own.start);
    else if (!byVerb) from = b + 1;
    if (from < 0) return false;
    for (let r = from; r < Math.min(i, from + 8); r++) {
      if (r > from && toks[r].gap >= 2) break;
      const m = v.mAt[r];
      if (m && m.first === r) {
        accused ??= v.set.byId.get(m.actorId);
        r = m.last;
        continue;
      }
      if (/^ب/.test(toks[r].norm) && toks[r].norm.length > 3 && !AR_COMP.has(toks[r].norm)) {
        charge = r;
        break;
      }
      if (toks[r].norm === 'ب' || toks[r].norm === 'بـ') {
        charge = r + 1 < i ? r + 1 : -1;
        break;
      }
    }
    break;
  }
  if (charge < 0) return false;
  // the denier
  let actor: ActorAcc | undefined;
  let spText = '';
  const np = vt + 1;
  if (np < n && doc.sentOf[np] === sent && /^(الاخيره|الاخير|الاخيرين|الاخيرتين)$/.test(toks[np].norm)) {
    actor = accused;
    spText = doc.src.slice(toks[np].start, toks[np].end);
  } else if (np < n && doc.sentOf[np] === sent) {
    const sp = speakerPhrase(v, np, 4);
    if (sp) {
      actor = sp.actor;
      spText = doc.src.slice(sp.start, sp.end);
    } else {
      // session 7: "…، وهو ما نفته الوزارة": a bare definite head noun closing the clause is the body last named with
      // that head (وزارة النفط العراقية); none → refuse
      const b = bodyByHeadBefore(v, np, i);
      if (b) {
        actor = b;
        spText = doc.src.slice(toks[np].start, toks[np].end);
      }
    }
  }
  if (!actor || actor.type === 'location') return false;
  const ct = toks[charge];
  // the charge without its ب ("بمنع" → "منع"; a detached "بـ" was skipped above)
  const s =
    /^ب/.test(ct.norm) && toks[charge - 1].norm !== 'ب' && toks[charge - 1].norm !== 'بـ'
      ? ct.start + (doc.src[ct.start + 1] === 'ـ' ? 2 : 1)
      : ct.start;
  const e = toks[i].start - toks[i].sep.length;
  if (e - s < 4) return false;
  const verb = doc.src.slice(toks[vt].start, toks[vt].end);
  return !!v.push('ar-relative-denial', actor, spText, verb, 'denial', s, e, vt);
}

/** Session 6: participles that continue a response verb's subject. */
const RESPONSE_PARTICIPLES = set('قائلا قائله مضيفا مضيفه');

/**
 * Session 6: "وختم المتحدث باسم الوزارة قائلا: «…»" / "وعلّقت X قائلة إن …": a response verb (ختم، علّق، ردّ، عقّب،
 * أجاب، استطرد) that reports nothing by itself, its subject, then a participle. The participle speaks for that subject —
 * never for the last-named actor — and when the subject is a noun phrase that names nobody resolvable, the claim is
 * refused (true is returned so the older participle rule does not guess).
 */
function responseParticiple(v: EngineView, i: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  if (!RESPONSE_PARTICIPLES.has(toks[i].norm)) return false;
  const sent = doc.sentOf[i];
  let vb = -1;
  for (let b = i - 1; b >= Math.max(0, i - 9) && doc.sentOf[b] === sent; b--) {
    if (toks[b + 1].gap >= 2) break;
    if (AR_RESPONSE.has(toks[b].norm.replace(/^(و|ف)/, ''))) {
      vb = b;
      break;
    }
    if (arVerbOf(toks[b])) return false;
  }
  if (vb < 0 || vb + 1 >= i) return false; // no subject between: the pronoun rules decide
  const sp = speakerPhrase(v, vb + 1, i - vb - 1);
  let actor = sp?.actor;
  let spText = sp ? doc.src.slice(sp.start, sp.end) : '';
  if (!actor && vb + 2 === i) {
    // a definite officer ("المصدر"، "المسؤول"، "المتحدث"): the unnamed officer introduced earlier with that role
    const w1 = toks[vb + 1].norm;
    const sp1 = /^ال(متحدث|متحدثه|ناطق|ناطقه)$/.exec(w1);
    const d = discourseOf(v);
    const off = sp1 ? d.officerDescription(toks[vb + 1].start, sp1[1].replace(/ه$/, ''), -1) : d.definiteOfficer(w1, toks[vb + 1].start);
    if (off) {
      actor = off;
      spText = doc.src.slice(toks[vb + 1].start, toks[vb + 1].end);
    }
  }
  // a bare definite title ("وردت الوزيرة مضيفة"): the older rules resolve titles against the people named before
  if (!actor && vb + 2 === i && /^ال/.test(toks[vb + 1].norm) && AR_PERSON_TITLES.has(toks[vb + 1].norm)) return false;
  if (!actor || actor.type === 'location') return true; // an unresolved subject: refuse
  const fem = /ه$/.test(toks[i].norm);
  if (actor.type === 'person' && actor.gender && (actor.gender === 'f') !== fem) return true;
  // the content: a quotation after the participle (across a colon), else the rest of the sentence after إن/أن
  let s = toks[i].end;
  let e = doc.sents[sent].end;
  const n = toks.length;
  if (i + 1 < n) {
    const qi = doc.quoteOf[i + 1];
    if (qi >= 0 && doc.quotes[qi].open >= toks[i].end && doc.quotes[qi].open < toks[i + 1].start) {
      s = doc.quotes[qi].open;
      e = Math.max(e, doc.quotes[qi].close + 1);
    } else if (AR_COMP.has(toks[i + 1].norm)) s = toks[i + 1].end;
    else if (!/:/.test(toks[i + 1].sep)) return true;
  }
  const verb = doc.src.slice(toks[i].start, toks[i].end);
  v.push('ar-response-participle', actor, spText, verb, 'statement', s, e, i);
  return true;
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
  // (session 7: up to 16 tokens back — agency copy puts the occasion between the subject and بالقول: "ورد المتحدث باسم
  // الوزارة X على سؤال حول تمويل المشروع بالقول إن")
  for (let b = i - 1; b >= Math.max(0, i - 16) && doc.sentOf[b] === sent; b--) {
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

/** The speaker of the last claim made in this sentence before token k (a clause continuing its subject). */
function sentenceSpeaker(v: EngineView, k: number): ActorAcc | undefined {
  const sent = v.doc.sentOf[k];
  let best: (typeof v.claims)[number] | undefined;
  for (const c of v.claims) if (c.at < k && v.doc.sentOf[c.at] === sent && (!best || c.at > best.at)) best = c;
  return best?.speaker.actorId ? v.set.byId.get(best.speaker.actorId) : undefined;
}

/**
 * Session 6: blame laid with a verb + noun — "وتلقي روسيا اللوم على الجيش الأوكراني"، "وهي تلقي اللوم على …" (هي = the
 * subject of the sentence's claim), "…، منحية باللائمة في ذلك على الحصار …" (a participle: the subject of the sentence's
 * claim). The text is what follows على up to the end of the clause (test/gold/README: منحية باللائمة على … is a claim,
 * its object the text). A finite verb takes the speaker named right after it; with no subject of its own (وهي/وهو, or
 * nothing) it continues the speaker of a claim made earlier in the same sentence, else nothing is emitted.
 */
function blame(v: EngineView, i: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  if (!AR_BLAME_NOUNS.has(toks[i].norm)) return false;
  const sent = doc.sentOf[i];
  // the verb: right before the noun, or before the subject that sits between ("تلقي روسيا اللوم")
  let vb = -1;
  for (let b = i - 1; b >= Math.max(0, i - 5) && doc.sentOf[b] === sent; b--) {
    if (toks[b + 1].gap >= 2) break;
    if (AR_BLAME_VERBS.has(toks[b].norm.replace(/^[وف]/, ''))) {
      vb = b;
      break;
    }
  }
  if (vb < 0) return false;
  // على: right after the noun, or after a short adverbial ("في ذلك")
  let ala = -1;
  for (let r = i + 1; r < Math.min(n, i + 4) && doc.sentOf[r] === sent; r++) {
    if (toks[r].gap >= 2) break;
    if (toks[r].norm === 'علي') {
      ala = r;
      break;
    }
  }
  if (ala < 0 || ala + 1 >= n || doc.sentOf[ala + 1] !== sent) return false;
  let actor: ActorAcc | undefined;
  let spText = '';
  const vw = toks[vb].norm.replace(/^[وف]/, '');
  const participle = /^م/.test(vw);
  if (!participle && vb + 1 < i) {
    const sp = speakerPhrase(v, vb + 1, i - vb - 1);
    if (sp) {
      actor = sp.actor;
      spText = doc.src.slice(sp.start, sp.end);
    } else return false;
  } else if (participle || vb === 0 || /^(وهي|وهو|وهم|فهي|فهو)$/.test(toks[vb - 1].norm) || /^[وف]/.test(toks[vb].norm)) {
    actor = sentenceSpeaker(v, vb);
  }
  if (!actor || actor.type === 'location') return false;
  let e = doc.sents[sent].end;
  for (let r = ala + 2; r < n && doc.sentOf[r] === sent; r++)
    if (toks[r].gap === 2 && doc.quoteOf[r] < 0) {
      e = toks[r].start - toks[r].sep.length;
      break;
    }
  const verb = doc.src.slice(
    toks[vb].start + (/^[وف]/.test(toks[vb].norm) && AR_BLAME_VERBS.has(vw) ? 1 : 0),
    toks[vb + 1 === i ? i : vb].end,
  );
  v.push('ar-blame', actor, spText, verb, 'accusation', toks[ala + 1].start, e, vb);
  return true;
}

/** Session 6: plural and dual descriptions of a list (folded) → the kind of actor they stand for and the count (0: any ≥ 2). */
const AR_PLURAL_ANAPHORS: Record<string, { kind: 'country' | 'body' | 'any'; count: number }> = {
  البلدان: { kind: 'country', count: 2 },
  الدولتان: { kind: 'country', count: 2 },
  الحكومتان: { kind: 'country', count: 2 },
  الجانبان: { kind: 'any', count: 2 },
  الطرفان: { kind: 'any', count: 2 },
  الشركتان: { kind: 'body', count: 2 },
  الحركتان: { kind: 'body', count: 2 },
  المنظمتان: { kind: 'body', count: 2 },
};
const AR_LIST_COUNTS: Record<string, number> = { الثلاث: 3, الاربع: 4, الخمس: 5, الست: 6 };

/**
 * Session 6: "وانتقدت دول غربية، فضلا عن فالوريا ومورفيا، الموقف. وأكدت تلك الدول أن …": a plural or dual description
 * right after a reporting verb refers to the last list of two or more coordinated actors of its kind named in this or
 * the two sentences before (countries for الدول/البلدان/الدولتان, bodies for الشركتان/الحركتان/المنظمتان); one claim per
 * member. A dual or a count (الدول الثلاث) must match the list's length; no such list → nothing (refuse).
 */
function pluralAnaphor(v: EngineView, i: number): boolean {
  const { doc } = v;
  const toks = doc.toks;
  const n = toks.length;
  if (i < 1 || v.mAt[i] || toks[i].gap > 1) return false;
  const w = toks[i].norm;
  let spec = AR_PLURAL_ANAPHORS[w];
  let last = i;
  if (!spec && (w === 'تلك' || w === 'هذه') && i + 1 < n && toks[i + 1].norm === 'الدول') {
    spec = { kind: 'country', count: 0 };
    last = i + 1;
  } else if (!spec && w === 'الدول' && i + 1 < n && AR_LIST_COUNTS[toks[i + 1].norm]) {
    spec = { kind: 'country', count: AR_LIST_COUNTS[toks[i + 1].norm] };
    last = i + 1;
  }
  if (!spec) return false;
  const vb = i - 1;
  const vv = arVerbOf(toks[vb]);
  if (!vv || doc.sentOf[vb] !== doc.sentOf[i] || v.claims.some((c) => c.at === vb)) return false;
  const sent = doc.sentOf[i];
  // the complementiser
  let comp = -1;
  for (let r = last + 1; r < Math.min(n, last + 8) && doc.sentOf[r] === sent; r++) {
    if (AR_COMP.has(toks[r].norm)) {
      comp = r;
      break;
    }
    if (toks[r].gap >= 3 || arVerbOf(toks[r])) break;
  }
  if (comp < 0 || comp + 1 >= n || doc.sentOf[comp + 1] !== sent) return false;
  // the last coordinated list of that kind in this or the two sentences before
  const fits = (a: ActorAcc) =>
    spec.kind === 'country'
      ? a.type === 'country'
      : spec.kind === 'body'
        ? a.type === 'organization' || a.type === 'group'
        : a.type !== 'person' && a.type !== 'location';
  const from = tokenAt(doc, doc.sents[Math.max(0, sent - 2)].start);
  let best: { actor: ActorAcc; text: string }[] = [];
  let run: { actor: ActorAcc; text: string; last: number }[] = [];
  for (let t = Math.max(0, from); t < vb; t++) {
    const m = v.mAt[t];
    if (!m || m.first !== t) continue;
    const a = v.set.byId.get(m.actorId);
    if (!a || !fits(a)) {
      t = m.last;
      continue;
    }
    const prev = run[run.length - 1];
    const coord = prev && prev.last + 1 === t && (/^و/.test(toks[t].norm) || toks[t].gap === 2) && toks[t].gap <= 2;
    if (!coord) {
      if (run.length >= 2) best = run;
      run = [];
    }
    if (!run.some((x) => x.actor === a)) run.push({ actor: a, text: doc.src.slice(m.start, m.end), last: m.last });
    t = m.last;
  }
  if (run.length >= 2) best = run;
  if (best.length < 2 || (spec.count && best.length !== spec.count)) return false;
  const verb = doc.src.slice(toks[vb].start + vv.strip, toks[vb].end);
  const spText = doc.src.slice(toks[i].start, toks[last].end);
  for (const b of best) v.push('ar-plural-anaphor', b.actor, spText, verb, 'statement', toks[comp].end, doc.sents[sent].end, vb);
  return true;
}
