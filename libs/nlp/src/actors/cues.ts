// Organisation recognition from cues (issue 11 item 3; ADR 0017): which head-noun phrases name a body, where their span
// ends, and acronyms defined in the text. The head-noun rules themselves run in ar/rules.ts and en/rules.ts; these are the decisions
// they ask for, kept here as data and small predicates.

import { AR_CORPUS_COMMON } from '../lexicon/ar-common';
import { EN_ORG_HEADS } from '../lexicon/en';
import { set } from '../lexicon/shared';
import type { Doc } from '../doc';
import { tokenVariants } from '../text';
import { addRule, type ActorAcc, type ExtractCtx, offsetAfter } from './shared';

/** Complements that make حركة "traffic/movement of" rather than a named movement (حركة المسافرين، حركة الطيران). */
const AR_TRAFFIC = set(
  `المسافرين الركاب النقل الطيران الملاحه السير المرور السياحه التجاره الشحن السفن القطارات الحافلات السيارات البضائع الاموال
الاستثمار الاستثمارات الاعمال التداول الاسواق السوق الاسعار البيع الشراء النزوح اللاجئين الهجره التنقل الدخول الخروج العبور
الاسهم الصادرات الواردات المبيعات الحجوزات الزوار السكان الرحلات الانتاج التصدير التوظيف`,
);

/** A head + this complement is a description, not a name. */
/** جهاز/أجهزة name a body only for the security and state services (جهاز الأمن، أجهزة الاستخبارات), else devices. */
const AR_SERVICE = set('الامن الاستخبارات المخابرات الشرطه الرقابه التحقيقات المباحث الاستخبارات الامنيه الدوله');

/** issue 11 (session 6): هيئة + these is a panel or a team, not a body's name (هيئة المحكمة the bench, هيئة الدفاع the
 * defence lawyers, هيئة التدريس the teaching staff). */
const AR_PANEL = set('المحكمه الدفاع التدريس المحلفين الادعاء');

const AR_CHAMBER = set('التجاره تجاره التجاريه الصناعه صناعه');
const AR_ROOM = set('العمليات عمليات الاخبار النوم الطوارئ التحكم القياده المراقبه الانتظار الاجتماعات الصف الملابس الغاز الاعدام');

export function arHeadComplementNotName(head: string, complement: string): boolean {
  if (head === 'جهاز' || head === 'اجهزه') return !AR_SERVICE.has(complement);
  if (head === 'هييه' || head === 'هيئه') return AR_PANEL.has(complement);
  // a room (غرفة العمليات، غرفة الأخبار) unless trade or industry or a proper name follows (غرفة التجارة، غرفة الشرقية)
  // session 7: a Yemeni or Iraqi district (مديرية الدريهمي، مديرية التحيتا) is a place; a directorate has a common noun
  // (مديرية الأمن، مديرية الأمراض السارية)
  // (and a cell named after a district is a case, not a body: خلية المعادي; خلية الإعلام الأمني is a body)
  if (head === 'مديريه' || head === 'خليه') return /^ال.+ي$/.test(complement);
  if (head === 'غرفه') return !AR_CHAMBER.has(complement) && (AR_ROOM.has(complement) || AR_CORPUS_COMMON.has(complement));
  return head === 'حركه' && AR_TRAFFIC.has(complement);
}

/**
 * Definite participles and relatives that modify a name from outside it: the name ends before them
 * ("مكتب التحقيقات والتحليل المكلف التحقيق" → the office is "مكتب التحقيقات والتحليل"; "مجموعة القرصنة المعروفة باسم X":
 * the name is X, and the head phrase before المعروفة only describes it).
 */
const AR_NAME_MODIFIER = set(
  `المكلف المكلفه المكلفين المسوول المسووله المسوولين المعني المعنيه المعنيين المختص المختصه المتخصص المتخصصه المشرف المشرفه
المنوط المنوطه المعنيه المتهم المتهمه المدعوم المدعومه المقرب المقربه المقربين الموالي المواليه الموالين المناهض المناهضه
المنبثق المنبثقه المنضوي المنضويه المشارك المشاركه المشاركين الذي التي الذين اللذين اللتين
المعروف المعروفه المعروفين المسمي المسماه المسمات الملقب الملقبه الواقع الواقعه`,
);
const AR_RELATIVES = set('الذي التي الذين اللذين اللتين اللواتي');

export function arEndsName(w: string): boolean {
  return AR_NAME_MODIFIER.has(w);
}

/** A relative pronoun: ends a title phrase (الرئيس الذي …), the name is not after it. */
export function arIsRelative(w: string): boolean {
  return AR_RELATIVES.has(w);
}

/** A definite nisba adjective (الماليزية، الإيرانية، المركزي): closes a construct name. */
export function arIsNisba(w: string): boolean {
  return w.length >= 6 && w.startsWith('ال') && /ي(ه)?$/.test(w);
}

/** Status adjectives of a body's name that are neither nisba nor participle in shape. */
const AR_STATUS_ADJ = set('العامه العام العليا الكبري الصغري الحره');

/**
 * session 7: a definite word that can be an adjective by its shape: a nisba (الشرقية، العالمي), a participle in م
 * (المتحدة، المشتركة، المسلمين), an elative or colour أفعل (الأعلى، الأحمر، الأوسط), or a status word (العامة، العليا).
 * After a definite noun the construct is closed — Arabic idafa never runs on past a noun with ال — so only such a word
 * can still belong to the name; a plain definite noun there is the next phrase, typically the object of a verb-first
 * sentence ("وأعلنت أمانة العاصمة المقدسة الخطة"، "لحماية المستهلك الأسعار").
 */
export function arAdjectiveShape(w: string): boolean {
  if (!w.startsWith('ال')) return false;
  return (
    arIsNisba(w) || (w.length >= 6 && w.charCodeAt(2) === 0x0645) || (w.length === 6 && w.charCodeAt(2) === 0x0627) || AR_STATUS_ADJ.has(w)
  );
}

/**
 * Two bodies coordinated with و are two names: after a nisba adjective has closed the first name, a وال-word opens the
 * next body ("وكالة النقل الماليزية والخطوط الجوية الماليزية"), never the same one.
 */
export function arCoordinatedNext(prev: string, w: string): boolean {
  return w.startsWith('وال') && arIsNisba(prev);
}

/**
 * After a person's title an organisation named with an explicit head noun is an actor of its own (رئيس منظمة X، مدير
 * شركة X، رئيس لجنة X), except heads whose complement makes the whole a post title (رئيس مجلس الوزراء، مجلس الإدارة).
 */
export function arHeadAfterTitleNamesBody(head: string, next: string | undefined): boolean {
  if (head === 'اداره' || head === 'مكتب') return false;
  if (head === 'مجلس' && next !== undefined && /^(الوزراء|الاداره|اداره|امناء|الامناء)$/.test(next)) return false;
  return true;
}

/** Definite heads that name a body even after a title when a nisba or country follows (حاكم المصرف المركزي الإيراني); not roles that are posts (ضابط المخابرات الروسي). */
const AR_DEF_AFTER_TITLE = set('المصرف البنك الحزب البرلمان الكونغرس الكونجرس الايتلاف'); // (الائتلاف: session 6)
export function arDefHeadAfterTitle(head: string): boolean {
  return AR_DEF_AFTER_TITLE.has(head);
}

/** Social platforms: reached "on"/"via" (على تويتر، عبر فيسبوك) or as "موقع فيسبوك" they are places, not actors. */
export function isPlatformUse(prevNorm: string, mentionDefinite: boolean): boolean {
  // a definite noun phrase after على is an institution acted upon (الضغط على الكونغرس، اللوم على الجيش), not a platform
  if (mentionDefinite) return false;
  return /^(علي|عبر|on|via)$/.test(prevNorm);
}

/** Social platforms and sites: after "the site/platform/app/account" (موقع فيسبوك، منصة إكس) they are places. */
const PLATFORMS = new Set(['org:meta', 'org:x-corp', 'org:tiktok', 'org:telegram', 'org:youtube', 'org:instagram', 'org:whatsapp']);
const PLATFORM_NOUNS = set('موقع منصه تطبيق حساب صفحه شبكه التواصل الاجتماعي site platform app account page');
/** Model and type nouns before a maker's name: the product is meant (طائرة بوينغ، طراز إيرباص). */
const PRODUCT_NOUNS = set('طراز طائره طائرات نوع هاتف هواتف سياره سيارات model');

/**
 * A mention of an organisation that names a product or a platform, not the body: a maker followed by a model number
 * ("بوينغ 777", "Boeing 737") or after a model noun (طراز بوينج), a platform after a site/platform noun.
 */
export function productOrPlatformUse(doc: Doc, actorId: string, m: { first: number; last: number }): boolean {
  const toks = doc.toks;
  const next = m.last + 1 < toks.length ? toks[m.last + 1] : undefined;
  // a model number right after a one-word maker ("بوينغ 777»", "Boeing 737 Max"), not a count ("وزارة الخزانة 3 أشخاص")
  if (m.first === m.last && next && next.gap <= 1 && /^[a-z]?\d{3}[a-z0-9]*$/.test(next.norm)) {
    const after = m.last + 2 < toks.length ? toks[m.last + 2] : undefined;
    if (!after || after.gap > 0 || after.script !== 'arabic') return true;
  }
  for (let k = m.first - 1; k >= Math.max(0, m.first - 3); k--) {
    const vs = tokenVariants(toks[k]);
    if (vs.some((v) => PRODUCT_NOUNS.has(v.form)) && k === m.first - 1) return true;
    if (PLATFORMS.has(actorId) && vs.some((v) => PLATFORM_NOUNS.has(v.form))) return true;
    if (toks[k + 1].gap > 1 && toks[k + 1].gap !== 4) break;
  }
  return false;
}

// ------------------------------------------------------------------ acronyms defined in the text

const EN_ACR_SKIP = set('of for the and de du la le des al el on in to');

/** Initials of a Latin name span ("Atomic Energy Organization of Iran" → "aeoi", connectors skipped). */
function initials(ctx: ExtractCtx, first: number, last: number): string {
  let s = '';
  for (let k = first; k <= last; k++) {
    const t = ctx.doc.toks[k];
    if (EN_ACR_SKIP.has(t.norm) && t.caps === 0) continue;
    s += t.norm[0];
  }
  return s;
}

/**
 * "Full Name (ABC)" and "الاسم الكامل (ABC)": the acronym in brackets right after a name is that body's short name.
 * When the full name is already an actor (KB or rule), the acronym and its later bare uses become its mentions; when
 * it is a capitalised Latin run whose initials spell the acronym (or open it: tickers, "Best Buy (BBY)"), the run is
 * an organisation. Acronyms of persons are ignored.
 */
export function acronymDefinitions(ctx: ExtractCtx): void {
  const { doc, cover, set: actors } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  const defined = new Map<string, ActorAcc>();
  for (let i = 1; i < n; i++) {
    const t = toks[i];
    // (gap 2: a bracket before it — checked first, most capitalised words have none)
    if (t.gap !== 2 || t.script !== 'latin' || t.caps === 0 || t.norm.length < 2 || t.norm.length > 6 || !/^[a-z]+$/.test(t.norm)) continue;
    if (!/\(\s*$/.test(t.sep)) continue;
    const closeOk = i + 1 >= n || /^\s*\)/.test(toks[i + 1].sep);
    if (!closeOk) continue;
    const prevId = cover[i - 1];
    let owner = prevId ? actors.byId.get(prevId) : undefined;
    if (owner && owner.type !== 'organization' && owner.type !== 'group') continue;
    // issue 11 (session 6): a short name written in title case ("Department for Environment, Food and Rural Affairs
    // (Defra)") only right after a body's name, never from a bare capitalised run
    if (t.caps === 1 && (!owner || (cover[i] && actors.byId.get(cover[i]!)?.source === 'kb'))) continue;
    if (!owner && toks[i - 1].script === 'latin' && toks[i - 1].caps > 0) {
      // an uncovered capitalised run before the bracket whose initials spell (or open) the acronym
      let a = i - 1;
      while (a > 0 && i - a < 8 && toks[a].gap <= 1 && !cover[a - 1] && (toks[a - 1].caps > 0 || EN_ACR_SKIP.has(toks[a - 1].norm))) a--;
      while (a < i - 1 && EN_ACR_SKIP.has(toks[a].norm)) a++;
      // the shortest run ending before the bracket whose initials match
      let found = -1;
      for (let s = i - 1; s >= a; s--) {
        if (toks[s].caps === 0) continue;
        const ini = initials(ctx, s, i - 1);
        if (ini === t.norm || (ini.length >= 2 && t.norm.startsWith(ini))) {
          found = s;
          break;
        }
      }
      if (found < 0) continue;
      const hasHead = toks.slice(found, i).some((x) => EN_ORG_HEADS.has(x.norm));
      if (i - found < 2 && !hasHead) continue;
      const name = doc.src.slice(toks[found].start, toks[i - 1].end).replace(/\s+/g, ' ');
      owner = addRule(ctx, 'organization', name, found, i - 1);
    }
    if (!owner) continue;
    if (cover[i] && cover[i] !== owner.id) {
      // a rule actor made of the acronym alone ("HSB said") is the same body; another KB actor's alias is kept
      const other = actors.byId.get(cover[i]!);
      if (!other || other.source !== 'rule' || other.name.toLowerCase() !== t.norm) continue;
      for (const m of other.mentions) {
        actors.mention(owner, m);
        for (let k = m.first; k <= m.last; k++) if (m.field === doc.field) cover[k] = owner.id;
      }
      actors.byId.delete(other.id);
    }
    if (!cover[i]) {
      actors.mention(owner, { start: t.start, end: t.end, first: i, last: i, field: doc.field });
      cover[i] = owner.id;
    }
    defined.set(t.norm, owner);
  }
  // session 6 (enclaims): an acronym never defined in brackets that spells the initials of exactly one organisation the
  // text names in full ("the Competition and Markets Authority ... A CMA spokesperson said") is its short name
  let byInitials: Map<string, { a: ActorAcc | undefined; start: number }> | undefined;
  for (let k = 0; k < n; k++) {
    const t = toks[k];
    if (t.caps !== 2 || cover[k] || t.script !== 'latin' || t.norm.length < 3 || t.norm.length > 6 || defined.has(t.norm)) continue;
    if (!/^[a-z]+$/.test(t.norm)) continue;
    if (!byInitials) {
      // built once, on the first candidate: initials of every multi-word organisation mention (undefined: several bodies)
      byInitials = new Map();
      for (const a of actors.byId.values()) {
        if (a.type !== 'organization') continue;
        for (const m of a.mentions) {
          if (m.field !== doc.field || m.last - m.first < 2) continue;
          const ini = initials(ctx, m.first, m.last);
          const prev = byInitials.get(ini);
          if (!prev) byInitials.set(ini, { a, start: m.start });
          else if (prev.a !== a) prev.a = undefined;
          else prev.start = Math.min(prev.start, m.start);
        }
      }
    }
    const hit = byInitials.get(t.norm);
    if (hit && hit.a && hit.start < t.start) defined.set(t.norm, hit.a);
  }
  if (!defined.size) return;
  for (let k = 0; k < n; k++) {
    const t = toks[k];
    if (t.caps !== 2 || cover[k]) continue;
    const owner = defined.get(t.norm);
    if (!owner || !actors.byId.has(owner.id)) continue;
    actors.mention(owner, { start: t.start, end: t.end, first: k, last: k, field: doc.field });
    cover[k] = owner.id;
  }
}

/**
 * issue 11 (cues): "رئيس الحكومة الإيطالية" is a post title (the Italian prime minister): by GOLD-GUIDELINES a body
 * implied only by a title is no actor, and the nisba is the country. A KB government matched right after رئيس/رئيسة
 * (with its clitics) becomes a mention of its country on the nisba token. Affiliations ("المتحدث باسم الحكومة X") and
 * the government as a subject keep the body.
 */
export function arTitleGovernments(ctx: ExtractCtx): void {
  const { doc, set: actors, cover, gaz } = ctx;
  for (const a of [...actors.byId.values()]) {
    if (a.source !== 'kb' || !a.id.startsWith('org:government-of-')) continue;
    const iso = gaz.actors.get(a.id)?.country;
    const country = iso && /^[A-Za-z]{2}$/.test(iso) ? gaz.actors.get(`country:${iso.toUpperCase()}`) : undefined;
    if (!country) continue;
    a.mentions = a.mentions.filter((m) => {
      if (m.field !== doc.field || m.first === 0 || m.last === m.first) return true;
      if (!/^(ال)?حكومه$/.test(doc.toks[m.first].norm) || doc.toks[m.first].gap > 1) return true;
      if (!AR_HEAD_OF_GOVERNMENT.has(doc.toks[m.first - 1].norm)) return true;
      const c = actors.add(country.id, country.name, country.type, 'kb');
      const nis = doc.toks[m.last];
      actors.mention(c, { start: nis.start, end: nis.end, first: m.last, last: m.last, field: doc.field });
      for (let k = m.first; k < m.last; k++) cover[k] = undefined;
      cover[m.last] = c.id;
      return false;
    });
    if (!a.mentions.length) actors.byId.delete(a.id);
  }
}
const AR_HEAD_OF_GOVERNMENT = set('رئيس رئيسه لرئيس لرئيسه ورئيس ورئيسه برئيس برئيسه');

/**
 * issue 11 (cues, round 5): institutions named after a person or place keep their head in the name (مركز كارنيغي،
 * معهد بروكينغز، جامعة هارفارد = Carnegie Center, Brookings Institution, Harvard University), unlike companies and
 * outlets where the head only describes (شركة كاسبرسكي = Kaspersky). Their field after a fused لل belongs to the name
 * (مركز X للأبحاث، معهد X للدراسات الاستراتيجية).
 */
// (session 7: and the heads of state and civic bodies, whose head is always part of the name: محكمة جنح مستأنف الدقي،
// حزب مستقبل وطن، نقابة X، اتحاد X — not firms and outlets, where it describes)
const AR_INSTITUTION_HEADS = set(
  'مركز معهد جامعه غرفه اكاديميه محكمه حزب نقابه رابطه جمعيه اتحاد هييه هيئه لجنه مجلس كتله ايتلاف ائتلاف تحالف مجموعه',
); // (غرفة حائل, the chamber: session 6)
export function arHeadKeptInName(head: string): boolean {
  return AR_INSTITUTION_HEADS.has(head);
}

/**
 * issue 11 (cues, round 5): heads that only describe when a common noun and a country adjective follow them and a name
 * comes after ("وكالة الأنباء الروسية نوفوستي"، "شركة النفط السعودية أرامكو"، "مجموعة الاستثمار الأميركية X"): the
 * name is the actor and the phrase before it a description (GOLD-GUIDELINES: descriptions are not actors or aliases).
 */
const AR_DESCRIPTIVE_HEADS = set('شركه مجموعه وكاله صحيفه قناه شبكه جريده مجله موقع بنك مصرف صندوق');
export function arDescriptiveHead(head: string): boolean {
  return AR_DESCRIPTIVE_HEADS.has(head);
}

/**
 * issue 11 (span, round 5): a family name آل X after a person's name belongs to it (عبدالله بن زايد آل نهيان، سعود بن
 * فيصل آل سعود): the mention of a KB or rule person is extended over it, so the full name is the alias. Only a written
 * آل (or a bare ال token) followed by one plain Arabic word; a country or body there (آل + a KB match) is left alone.
 */
export function arFamilyNames(ctx: ExtractCtx): void {
  const { doc, set: actors, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  for (const a of actors.byId.values()) {
    if (a.type !== 'person') continue;
    for (const m of a.mentions) {
      if (m.field !== doc.field || m.last + 2 >= n) continue;
      const al = toks[m.last + 1];
      const fam = toks[m.last + 2];
      if (al.gap > 1 || fam.gap > 1 || cover[m.last + 1] || cover[m.last + 2] || fam.script !== 'arabic' || fam.norm.length < 3) continue;
      const rawAl = doc.src.slice(al.start, al.end);
      if (rawAl !== 'آل' && rawAl !== 'ال') continue;
      if (fam.norm.startsWith('ال') || /[\u064B-\u064D]/.test(doc.src.slice(fam.start, fam.end))) continue;
      const oldText = doc.src.slice(m.start, m.end);
      m.last += 2;
      m.end = fam.end;
      cover[m.last - 1] = a.id;
      cover[m.last] = a.id;
      // session 7: a KB alias that opens with the courtesy الشيخ ("الشيخ عبدالله بن زايد") swallowed it; with the
      // family name the full name stands alone ("سمو الشيخ X بن Y آل Z" → "X بن Y آل Z"), and الشيخ stays a title
      if (m.last - m.first >= 4 && doc.src.slice(toks[m.first].start, toks[m.first].end) === 'الشيخ' && m.start === toks[m.first].start) {
        cover[m.first] = undefined;
        m.first++;
        m.start = toks[m.first].start;
      }
      if (a.source === 'rule' && a.name === oldText) a.name = doc.src.slice(m.start, m.end);
    }
  }
}

/**
 * issue 11 (span, round 5): honorifics that are part of how a person is named (الملا عمر، الملا منصور: "Mullah Omar"),
 * unlike a post title (الرئيس، الوزير) or a courtesy (السيد): the mention of a person right after one is extended over
 * it (a fused ل of للملا stays, as for other fused لل forms; و/ف/ب are left out).
 */
const AR_NAME_HONORIFICS = set('الملا ملا');

/** The honorific at token k (و/ف/ب and the fused ل of للملا allowed): how many letters to strip, or -1. */
export function arHonorificAt(ctx: ExtractCtx, k: number): number {
  let w = ctx.doc.toks[k].norm;
  const strip = /^[وفب]/.test(w) && w.length > 4 ? 1 : 0;
  if (strip) w = w.slice(1);
  if (w.startsWith('لل')) w = 'ا' + w.slice(1);
  return AR_NAME_HONORIFICS.has(w) ? strip : -1;
}

/** Extends person mentions over an honorific right before them (see above; runs after surname linking). */
export function arHonorificNames(ctx: ExtractCtx): void {
  const { doc, set: actors, cover } = ctx;
  const toks = doc.toks;
  for (const a of actors.byId.values()) {
    if (a.type !== 'person') continue;
    for (const m of a.mentions) {
      if (m.field !== doc.field || m.first === 0 || toks[m.first].gap > 1 || m.start !== toks[m.first].start) continue;
      if (cover[m.first - 1] && cover[m.first - 1] !== a.id) continue;
      const strip = arHonorificAt(ctx, m.first - 1);
      if (strip < 0) continue;
      const h = toks[m.first - 1];
      m.start = strip ? offsetAfter(doc.src, h, 1) : h.start;
      m.first -= 1;
      cover[m.first] = a.id;
    }
  }
}
