// Actor extraction, linking phase (both languages): administrations ("the Trump administration") and surnames
// linked to the full names introduced earlier.

import type { Doc } from '../doc';
import { EAST_ASIAN_FAMILY, EN_HONORIFIC } from '../lexicon/en';
import { foldText, tokenVariants } from '../text';
import { arVerbOf, MAY_ADMIN } from './ar/names';
import { type ActorAcc, ActorSet, type ExtractCtx, offsetAfter, ruleActorId } from './shared'; // ------------------------------------------------------------------ administrations

/** "Biden administration" / "إدارة بايدن" / "إدارة الرئيس الأميركي، جو بايدن" / "Mr Yushchenko's administration" → an organisation. */
export function administrations(ctx: ExtractCtx): void {
  const { doc, set } = ctx;
  const toks = doc.toks;
  const personAt = (k: number): ActorAcc | undefined => {
    const id = ctx.cover[k];
    const a = id ? set.byId.get(id) : undefined;
    return a && a.type === 'person' ? a : undefined;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.script === 'arabic') {
      const v = MAY_ADMIN(t.norm) ? tokenVariants(t).find((x) => x.form === 'اداره') : undefined;
      if (!v || i + 1 >= toks.length || toks[i + 1].gap > 1) continue;
      const k = i + 1;
      let end = k;
      let p = personAt(k);
      if (!p && (toks[k].norm === 'الرئيس' || toks[k].norm === 'الرييس')) {
        // إدارة الرئيس [nisba] [، NAME]
        end = k;
        let q = k + 1;
        while (q < toks.length && toks[q].gap <= 1 && toks[q].norm.startsWith('ال') && q - k <= 2) {
          end = q;
          q++;
        }
        // find the president's name right after (apposition) or the last president mentioned
        for (let r = q; r < Math.min(toks.length, q + 3); r++) {
          p = personAt(r);
          if (p) break;
        }
      } else if (p) {
        end = p.mentions.find((m) => m.first === k)?.last ?? k;
      }
      if (!p) continue;
      const surname = p.name.split(/\s+/).pop()!;
      const name = /[a-z]/i.test(surname) ? `${surname} administration` : `إدارة ${surname}`;
      const s = v.strip > 0 ? offsetAfter(doc.src, t, v.strip) : t.start;
      const a = findAdmin(set, p, doc) ?? set.add(ruleActorId('organization', name), name, 'organization', 'rule');
      set.mention(a, { start: s, end: toks[end].end, first: i, last: end, field: doc.field });
    } else if (t.norm === 'administration' && i > 0) {
      let k = i - 1;
      if (toks[k].norm === 's' && toks[i - 1].sep === "'" && k > 0) k--;
      const p = personAt(k);
      if (!p) continue;
      const m = p.mentions.find((x) => x.last === k && x.field === doc.field);
      const surname = p.name.split(/\s+/).pop()!;
      const name = `${surname} administration`;
      const a = findAdmin(set, p, doc) ?? set.add(ruleActorId('organization', name), name, 'organization', 'rule');
      const start = m ? m.start : toks[k].start;
      set.mention(a, { start, end: t.end, first: m ? m.first : k, last: i, field: doc.field });
    }
  }
}

/** An organisation already found for "<person> administration" (KB entry or an earlier rule). */
function findAdmin(set: ActorSet, p: ActorAcc, doc: Doc): ActorAcc | undefined {
  const surnames = new Set<string>([foldText(p.name.split(/\s+/).pop()!)]);
  for (const m of p.mentions) {
    const txt = m.field === doc.field ? doc.src.slice(m.start, m.end) : '';
    if (txt) surnames.add(foldText(txt.split(/\s+/).pop()!));
  }
  for (const a of set.byId.values()) {
    if (a.type !== 'organization') continue;
    const n = foldText(a.name);
    for (const sn of surnames) {
      if (n === `${sn} administration` || n === `اداره ${sn}`) return a;
      for (const m of a.mentions)
        if (m.field === doc.field && foldText(doc.src.slice(m.start, m.end)).replace(/\s+/g, ' ') === `اداره ${sn}`) return a;
    }
  }
  return undefined;
}

// ------------------------------------------------------------------ surname linking

/**
 * Link later surname-only mentions ("Blair", "Mr Blair", "بوتين") to the full name in the article. In five phases,
 * each its own function: a rarely-taken path's first use deoptimises only its phase (as one function it was
 * recompiled ~5 times per process).
 */
export function linkSurnames(ctx: ExtractCtx): void {
  const bySurname = surnameIndex(ctx);
  relinkBareSurnames(ctx, bySurname);
  mergePartialNames(ctx);
  mergeSingleNames(ctx, bySurname);
  if (!bySurname.size) return;
  linkSurnameTokens(ctx, bySurname);
}

/** Surname (folded) → the person it names. */
function surnameIndex(ctx: ExtractCtx): Map<string, ActorAcc> {
  const { doc, set } = ctx;
  const toks = doc.toks;
  const bySurname = new Map<string, ActorAcc>();
  for (const a of set.byId.values()) {
    if (a.type !== 'person') continue;
    const nt = a.nameToks ?? (a.source === 'kb' ? undefined : undefined);
    const toksOfName = nt ?? [];
    if (a.source === 'kb') {
      // KB persons: surnames of the matched multi-token mentions
      // (a 1–2 letter last token is a particle, not a surname: «مون جاي إن» must not claim every «إن»)
      for (const m of a.mentions)
        // (session 6: "Mr Mueller" is no evidence for the KB's full name over a person the text names in full)
        if (m.field === doc.field && m.last > m.first && !(m.last === m.first + 1 && EN_HONORIFIC.has(toks[m.first].norm))) {
          const w = toks[m.last].norm;
          if (w.length >= 3 && !bySurname.has(w)) bySurname.set(w, a);
        }
    } else if (toksOfName.length >= 2) {
      const w = toksOfName[toksOfName.length - 1];
      if (w.length >= 3 && !bySurname.has(w)) bySurname.set(w, a);
    }
    // family name first (Kim Yo Jong → Kim, Park Sun-won → Park)
    const first = (a.source === 'kb' ? foldText(a.name).split(/\s+/)[0] : toksOfName[0]) ?? '';
    if (EAST_ASIAN_FAMILY.has(first) && !bySurname.has(first)) bySurname.set(first, a);
    if (a.source === 'kb') {
      const last = foldText(a.name).split(/\s+/).pop() ?? '';
      if (
        last.length >= 3 &&
        /^[a-z]/.test(last) &&
        !bySurname.has(last) &&
        // (session 6: a bare "Reyes" or "Mr Reyes" is no evidence for the KB's full name over a person named in full)
        a.mentions.some(
          (m) => m.field === doc.field && m.last > m.first && !(m.last === m.first + 1 && EN_HONORIFIC.has(toks[m.first].norm)),
        )
      )
        bySurname.set(last, a);
    }
  }
  // issue 11 (round 5): G is written غ or ج (زوكربرغ / زوكربرج): a surname also answers in the other spelling
  for (const [w, a] of [...bySurname]) {
    if (!/[غج]/.test(w)) continue;
    for (const v of [w.replace(/[غج]/g, 'ج'), w.replace(/[غج]/g, 'غ')]) if (!bySurname.has(v)) bySurname.set(v, a);
  }
  return bySurname;
}

/** A KB person matched only by a bare surname, while the article names someone else with it → re-link. */
function relinkBareSurnames(ctx: ExtractCtx, bySurname: Map<string, ActorAcc>): void {
  const { doc, set, cover } = ctx;
  const toks = doc.toks;
  for (const a of [...set.byId.values()]) {
    if (a.source !== 'kb' || a.type !== 'person') continue;
    const ms = a.mentions.filter((m) => m.field === doc.field);
    if (!ms.length || ms.some((m) => m.last > m.first && !EN_HONORIFIC.has(toks[m.first].norm))) continue;
    const other = bySurname.get(toks[ms[0].last].norm);
    if (!other || other === a) continue;
    for (const m of ms) {
      set.mention(other, m);
      for (let k = m.first; k <= m.last; k++) cover[k] = other.id;
    }
    a.mentions = a.mentions.filter((m) => m.field !== doc.field);
    if (!a.mentions.length) set.byId.delete(a.id);
  }
}

/** Partial rule names merged into the full names they end. */
function mergePartialNames(ctx: ExtractCtx): void {
  const { set, cover } = ctx;
  const persons = [...set.byId.values()].filter((a) => a.type === 'person' && (a.nameToks?.length ?? 0) >= 1);
  for (const a of persons) {
    if (a.source !== 'rule' || !set.byId.has(a.id)) continue;
    const nt = a.nameToks!;
    const full = persons.find(
      (b) =>
        b !== a &&
        set.byId.has(b.id) &&
        (b.nameToks?.length ?? 0) > nt.length &&
        (b.nameToks!.slice(-nt.length).join(' ') === nt.join(' ') ||
          // issue 11 (names): given name + family name of a fuller name (علي دوابشة → علي سعد دوابشة)
          (nt.length === 2 && b.nameToks![0] === nt[0] && b.nameToks![b.nameToks!.length - 1] === nt[1] && nt[0].length >= 3)),
    );
    if (full && nt.length >= 2) {
      for (const m of a.mentions) {
        set.mention(full, m);
        for (let k = m.first; k <= m.last; k++) cover[k] = full.id;
      }
      set.byId.delete(a.id);
    }
  }
}

/** Single-token rule persons (and capitalised one-word "organisations") merged into a full-name person. */
function mergeSingleNames(ctx: ExtractCtx, bySurname: Map<string, ActorAcc>): void {
  const { set, cover } = ctx;
  // merge single-token rule persons (and single words typed as organisations only because a verb followed: "Szijjarto said") into a full-name person
  for (const a of [...set.byId.values()]) {
    if (a.source !== 'rule') continue;
    let key: string | undefined;
    if (a.type === 'person' && (a.nameToks?.length ?? 0) === 1) key = a.nameToks![0];
    else if (a.type === 'organization' && !/\s/.test(a.name.trim()) && /^\p{Lu}\p{Ll}/u.test(a.name)) key = foldText(a.name.trim());
    // issue 11 (round 5): an Arabic one-word "organisation" typed so only by a feminine verb (وصرحت نولاند) that is the
    // surname of a person of the article is that person
    else if (
      a.type === 'organization' &&
      /^[\u0600-\u06FF]+$/.test(a.name.trim()) &&
      a.mentions.every((m) => m.field !== ctx.doc.field || (m.first > 0 && !!arVerbOf(ctx.doc.toks[m.first - 1])))
    )
      key = foldText(a.name.trim());
    if (!key) continue;
    const full = bySurname.get(key);
    if (full && full !== a) {
      for (const m of a.mentions) {
        set.mention(full, m);
        for (let k = m.first; k <= m.last; k++) cover[k] = full.id;
      }
      set.byId.delete(a.id);
    }
  }
}

/** Uncovered tokens that are a known surname (or a clitic form of one) become mentions of its person. */
function linkSurnameTokens(ctx: ExtractCtx, bySurname: Map<string, ActorAcc>): void {
  const { doc, set, cover } = ctx;
  const toks = doc.toks;
  // endings of the surnames (see variantEndFilter): tokens ending otherwise need no clitic variants
  const ends = new Set<number>();
  for (const k of bySurname.keys()) if (k.length >= 2) ends.add(k.charCodeAt(k.length - 2) * 65536 + k.charCodeAt(k.length - 1));
  for (let i = 0; i < toks.length; i++) {
    if (cover[i]) continue;
    const t = toks[i];
    let w = t.norm;
    let strip = 0;
    if (t.script === 'arabic') {
      if (w.length >= 3 && !ends.has(w.charCodeAt(w.length - 2) * 65536 + w.charCodeAt(w.length - 1))) continue;
      const v = tokenVariants(t).find((x) => bySurname.has(x.form) && !x.def);
      if (!v) continue;
      w = v.form;
      strip = v.strip;
    } else if (t.script === 'latin') {
      if (t.caps === 0) continue;
    } else continue;
    const a = bySurname.get(w);
    if (!a) continue;
    let first = i;
    let start = strip ? offsetAfter(doc.src, t, strip) : t.start;
    if (i > 0 && EN_HONORIFIC.has(toks[i - 1].norm) && toks[i].gap === 0) {
      first = i - 1;
      start = toks[i - 1].start;
    }
    set.mention(a, { start, end: t.end, first, last: i, field: doc.field });
    cover[i] = a.id;
  }
}

// ------------------------------------------------------------------ short forms of qualified bodies

const normName = (s: string) => foldText(s).replace(/\s+/g, ' ').trim();

/** Folded aliases of a KB actor, computed once per KB record (the KB is static; folding every alias per article is not free). */
const FOLDED_ALIASES = new WeakMap<object, string[]>();
function kbFoldedAliases(kb: { aliases?: string[] } | undefined): string[] {
  if (!kb) return [];
  let f = FOLDED_ALIASES.get(kb);
  if (!f) FOLDED_ALIASES.set(kb, (f = (kb.aliases ?? []).map(normName)));
  return f;
}

/**
 * issue 11 (round 5): a bare body name made by a head rule (وزارة الخارجية، وزارة الدفاع، حركة الجهاد) is the short form of the
 * one organisation (or group) of the article whose name, mention or KB alias it opens (وزارة الخارجية الأمريكية; البنتاغون, KB alias
 * وزارة الدفاع الأمريكية): a mention of that body, not a body of its own. With two candidates (two countries'
 * ministries) it is left alone.
 */
export function arShortBodyNames(ctx: ExtractCtx): void {
  const { doc, set, cover, gaz } = ctx;
  let orgs: { a: ActorAcc; forms: string[] }[] | undefined;
  for (const a of [...set.byId.values()]) {
    if (a.source !== 'rule' || (a.type !== 'organization' && a.type !== 'group')) continue;
    const key = normName(a.name);
    const words = key.split(' ').length;
    if (words < 2 || words > 3) continue;
    orgs ??= [...set.byId.values()]
      .filter((b) => b.type === 'organization' || b.type === 'group')
      .map((b) => ({
        a: b,
        forms: [b.name, ...b.mentions.filter((m) => m.field === doc.field).map((m) => doc.src.slice(m.start, m.end))]
          .map(normName)
          .concat(b.source === 'kb' ? kbFoldedAliases(gaz.actors.get(b.id)) : []),
      }));
    const prefix = key + ' ';
    const owners = orgs.filter(
      (o) => o.a !== a && o.a.type === a.type && set.byId.has(o.a.id) && o.forms.some((f) => f.startsWith(prefix)),
    );
    if (owners.length !== 1) continue;
    const owner = owners[0].a;
    // another country named before the short form in its sentence ("…إذاعة الجيش الإسرائيلي عن مسؤولين في وزارة
    // الدفاع"): the ministry may be that country's, so the US one is not assumed
    const home = owner.type === 'organization' ? countryOf(ctx, owner) : undefined; // (a movement has no ministries abroad)
    if (home && a.mentions.some((m) => m.field === doc.field && otherCountryInSentence(ctx, m.first, home, a.id))) continue;
    for (const m of a.mentions) {
      set.mention(owner, m);
      if (m.field === doc.field) for (let k = m.first; k <= m.last; k++) if (cover[k] === a.id) cover[k] = owner.id;
    }
    set.byId.delete(a.id);
  }
}

/** ISO code of a country actor, or the KB `country` of a body. */
function countryOf(ctx: ExtractCtx, a: ActorAcc): string | undefined {
  if (a.type === 'country') return a.id.startsWith('country:') ? a.id.slice(8).toUpperCase() : undefined;
  const c = a.source === 'kb' ? ctx.gaz.actors.get(a.id)?.country : undefined;
  return c ? c.toUpperCase() : undefined;
}

/** A country other than `home` named between the start of token k's sentence and k. */
function otherCountryInSentence(ctx: ExtractCtx, k: number, home: string, self: string): boolean {
  const { doc, set, cover } = ctx;
  const s = doc.sentOf[k];
  let a = k;
  while (a > 0 && doc.sentOf[a - 1] === s) a--;
  for (let j = a; j < k; j++) {
    const id = cover[j];
    if (!id || id === self || id.startsWith('skip:')) continue;
    const b = set.byId.get(id);
    const c = b ? countryOf(ctx, b) : undefined;
    if (c && c !== home) return true;
  }
  return false;
}

/** Corporate heads that are interchangeable before one firm's name (شركة موانئ أبوظبي … مجموعة موانئ أبوظبي). */
const AR_CORPORATE_HEAD = /^(?:[وفبل]|لل)?(?:شركه|مجموعه|الشركه|المجموعه)\s+/;

/**
 * session 7: two rule organisations whose names differ only in a corporate head (شركة X and مجموعة X, or X alone) are
 * one firm: the later one's mentions join the first. A name must keep two words after the head, or one indefinite word
 * (a foreign name), so that "شركة النفط" and "مجموعة النفط" (descriptions a head rule may have let through) are not
 * merged on one common noun.
 */
export function arCorporateHeadVariants(ctx: ExtractCtx): void {
  const { doc, set, cover } = ctx;
  let seen: Map<string, ActorAcc> | undefined;
  for (const a of [...set.byId.values()]) {
    if (a.source !== 'rule' || a.type !== 'organization') continue;
    const key = normName(a.name);
    const core = key.replace(AR_CORPORATE_HEAD, '');
    // (session 7b: one indefinite word is a foreign name, kept with مجموعة — مجموعة X and X alone are one firm)
    if (core.split(' ').length < 2 && (core.startsWith('ال') || core.length < 3)) continue;
    seen ??= new Map();
    const first = seen.get(core);
    if (!first) {
      seen.set(core, a);
      continue;
    }
    if (core === key && normName(first.name) === core) continue; // (two bare names: the same name twice is one actor anyway)
    for (const m of a.mentions) {
      set.mention(first, m);
      if (m.field === doc.field) for (let k = m.first; k <= m.last; k++) if (cover[k] === a.id) cover[k] = first.id;
    }
    set.byId.delete(a.id);
  }
}
