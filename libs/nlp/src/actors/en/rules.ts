// English actors, rule phase: runs of capitalised Latin words the KB does not know, typed as person,
// organisation, place or group by their heads, titles and context.

import type { ActorType } from '@marsad/contracts';
import {
  EN_ACRONYM_STOP,
  EN_CONNECT,
  EN_FIRST_NAMES,
  EN_HEAD_TITLES,
  EN_HONORIFIC,
  EN_LOC_PREP,
  EN_MONTHS_DAYS,
  EN_NAME_SUFFIX,
  EN_NAME_TITLES,
  EN_NOT_NAME,
  EN_ORG_HEADS,
  EN_PERSON_TITLES,
  EN_PLACE_HEADS,
  EN_ROLE_NOUNS,
  EN_STOP_CAPS,
  EN_SKIP_BACK,
  EN_FEDERATED_UNITS,
  EN_UNIT_AMBIGUOUS,
  EN_UNIT_FIRST,
  EN_UNIT_PLURALS,
  EN_UNIT_ROLES,
  EN_VERB,
} from '../../lexicon/en';
import { set } from '../../lexicon/shared';
import { foldText, type Token } from '../../text';
import { type ActorAcc, addRule, type ExtractCtx, ruleActorId, uncover } from '../shared';
const isLatinCap = (t: Token) => (t.script === 'latin' || t.script === 'cyrillic') && t.caps > 0;

/** Evidence that a capitalised 2–3 word run is a person: first name, role noun around it, Mr/Ms + surname elsewhere, reporting verb. */
function personEvidence(ctx: ExtractCtx, a: number, b: number, words: string[]): boolean {
  const toks = ctx.doc.toks;
  if (EN_FIRST_NAMES.has(words[0])) return true;
  const prev = a > 0 ? toks[a - 1].norm : '';
  if (EN_ROLE_NOUNS.has(prev) && toks[a].gap === 0) return true;
  // session 6 (enclaims): a name set off by commas right after a role noun ("A police spokeswoman, Resila Onyango,
  // said", "The institute's trade director, Tobias Brandt, said")
  if (EN_ROLE_NOUNS.has(prev) && toks[a].gap === 2 && b + 1 < toks.length && toks[b + 1].gap === 2) return true;
  if ((prev === 'said' || prev === 'says' || prev === 'added' || prev === 'according') && toks[a].gap === 0) return true; // "…," said Clint Watts
  if (b + 2 < toks.length && toks[b + 1].norm === 'who' && toks[b + 1].gap === 2) return true; // "Clint Watts, who heads …"
  const next = b + 1 < toks.length ? toks[b + 1] : undefined;
  if (next && EN_VERB.get(next.norm) && next.gap === 0) return true;
  if (next && next.gap === 2) {
    for (let k = b + 1; k < Math.min(toks.length, b + 6); k++) if (EN_ROLE_NOUNS.has(toks[k].norm)) return true;
  }
  const last = words[words.length - 1];
  for (let k = 1; k < toks.length; k++) {
    if (toks[k].norm !== last) continue;
    if (EN_HONORIFIC.has(toks[k - 1].norm)) return true;
    // issue 11 (fifth session): the surname alone elsewhere as the subject of a reporting verb ("Kylian Mbappe scored
    // twice … Mbappe told reporters"); not inside another capitalised run
    const nx = k + 1 < toks.length ? toks[k + 1] : undefined;
    if (
      (k < a || k > b) &&
      toks[k].caps === 1 &&
      nx &&
      nx.gap === 0 &&
      EN_VERB.get(nx.norm) &&
      !(toks[k - 1].caps > 0 && toks[k].gap === 0 && !ctx.doc.sentStart[k])
    )
      return true;
  }
  return false;
}

// ------------------------------------------------------------------ English / Latin rules

export function latinRuleActors(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  const lowerSeen = new Set<string>();
  for (const t of toks) if (t.script === 'latin' && t.caps === 0 && !doc.sentStart[t.index]) lowerSeen.add(t.norm);
  const capMid = new Map<string, number>();
  for (const t of toks) if (isLatinCap(t) && !doc.sentStart[t.index]) capMid.set(t.norm, (capMid.get(t.norm) ?? 0) + 1);
  const units = federatedSubjects(ctx);
  regionalGovernments(ctx, units);
  countryCompanies(ctx);
  placesInsidePersonNames(ctx, lowerSeen);
  memberOfBody(ctx);
  let i = 0;
  while (i < n) {
    const t = toks[i];
    const ue = units.get(i);
    if (ue !== undefined) {
      const i0 = /^(the|a)$/.test(t.norm) ? i + 1 : i; // "The Tamil Nadu government" (regionalGovernments)
      for (let k = i0; k <= ue; k++) uncover(ctx, k);
      addRule(ctx, 'organization', doc.src.slice(toks[i0].start, toks[ue].end).replace(/\s+/g, ' '), i0, ue);
      i = ue + 1;
      continue;
    }
    if (cover[i] || !isLatinCap(t) || /^\d/.test(t.norm)) {
      i++;
      continue;
    }
    const tag = partyTagEnd(toks, i);
    if (tag >= 0) {
      i = tag + 1;
      continue;
    }
    // collect a run of capitalised tokens (connectors allowed inside)
    let j = i;
    while (j + 1 < n) {
      const nx = toks[j + 1];
      // middle initials: "John E. Kelly", "Charles A. Blixt"
      // session 7: and an initial opening the name, "R. Selvaraj", "K. Anitha Rao" (South Indian style): not before a
      // sentence-opening stop word ("Plan B. The …")
      const initial =
        toks[j].norm.length === 1 &&
        toks[j].caps > 0 &&
        /^\.\s?$/.test(nx.sep) &&
        isLatinCap(nx) &&
        (j > i || (!EN_STOP_CAPS.has(nx.norm) && !EN_MONTHS_DAYS.has(nx.norm) && toks[j].norm !== 'a' && toks[j].norm !== 'i'));
      // issue 11 (names): "Robert O’Brien", "D’Souza": an apostrophe after a capital initial joins the name
      if (
        nx.gap === 1 &&
        /^['\u2019]$/.test(nx.sep) &&
        (toks[j].norm === 'o' || toks[j].norm === 'd') &&
        toks[j].caps > 0 &&
        isLatinCap(nx) &&
        !cover[j + 1]
      ) {
        j++;
        continue;
      }
      // issue 11 (names): a first name before a KB person's bare surname names someone else ("Scott McConnell")
      if (j === i && cover[j + 1] && nx.gap === 0 && EN_FIRST_NAMES.has(toks[i].norm) && kbSurnameOfOther(ctx, j + 1, toks[i].norm)) {
        uncover(ctx, j + 1);
        j++;
        continue;
      }
      // issue 11 (round 6): "Department for Environment, Food and Rural Affairs": a list of portfolios after for/of
      if (nx.gap === 2 && /^\s*,\s*$/.test(nx.sep) && isLatinCap(nx) && !cover[j + 1]) {
        const e = portfolioListEnd(ctx, i, j);
        if (e > j) {
          j = e;
          continue;
        }
      }
      // seventh session: a plural possessive inside a body's name, "Workers' Party", "Chennai Commuters' Forum": a word
      // ending in -s, an apostrophe, and an organisation head; a person title right after the head ends the name
      // ("Workers' Party MP NAME")
      if (
        nx.gap === 1 &&
        /^['\u2019]\s$/.test(nx.sep) &&
        /s$/.test(toks[j].norm) &&
        isLatinCap(nx) &&
        (EN_ORG_HEADS.has(nx.norm) || nx.norm === 'forum') &&
        !cover[j + 1]
      ) {
        j++;
        if (j + 1 < n && EN_PERSON_TITLES.has(toks[j + 1].norm)) break;
        continue;
      }
      if ((nx.gap > 1 && !initial) || cover[j + 1]) break;
      if (nx.gap === 1 && !/^[-\u2010\u2011]$/.test(nx.sep) && !/^'$/.test(nx.sep)) break;
      if (nx.sep === "'" || nx.sep === '\u2019') break; // possessive 's
      if (isLatinCap(nx)) {
        j++;
        continue;
      }
      const hasOf = toks.slice(i, j + 1).some((x) => x.norm === 'of');
      // issue 11 (round 6): "Committee for a Responsible Federal Budget", "Campaign for the Protection of Rural England":
      // for/of + an article inside a name that already has an organisation head
      if (
        (nx.norm === 'for' || nx.norm === 'of') &&
        j + 3 < n &&
        /^(a|an|the)$/.test(toks[j + 2].norm) &&
        toks[j + 2].caps === 0 &&
        isLatinCap(toks[j + 3]) &&
        !cover[j + 3] &&
        toks[j + 2].gap === 0 &&
        toks[j + 3].gap === 0 &&
        toks.slice(i, j + 1).some((x) => EN_ORG_HEADS.has(x.norm))
      ) {
        j += 3;
        continue;
      }
      if (
        EN_CONNECT.has(nx.norm) &&
        j + 2 < n &&
        isLatinCap(toks[j + 2]) &&
        toks[j + 2].gap <= 1 &&
        !cover[j + 2] &&
        (nx.norm !== 'and' || hasOf || andBody(ctx, i, j) || headThenOf(toks, j + 2)) &&
        nx.norm !== 'the'
      ) {
        j += 2;
        continue;
      }
      break;
    }
    // issue 11 (session 6): "SINGAPORE (Harbourline) -": the outlet in a dateline's brackets is an actor
    // (GOLD-GUIDELINES) even when the KB does not know it
    if (
      doc.field === 'body' &&
      t.start < 60 &&
      j - i < 3 &&
      /\(\s*$/.test(t.sep) &&
      j + 1 < n &&
      /^\s*\)\s*[-\u2013\u2014]/.test(toks[j + 1].sep) &&
      toks.slice(0, i).every((x) => x.caps === 2 || x.script === 'digit' || x.caps === 1)
    ) {
      addRule(ctx, 'organization', doc.src.slice(t.start, toks[j].end), i, j);
      i = j + 1;
      continue;
    }
    const gb = placeBeforeGenericBody(ctx, i, j, lowerSeen);
    if (gb > j) {
      i = gb + 1;
      continue;
    }
    processLatinRun(ctx, i, j, lowerSeen, capMid);
    ofCountryName(ctx, j);
    i = j + 1;
  }
  propagateSingleOrgs(ctx);
  orgShortForms(ctx);
}

/** Capitalised words before "government" that name no region ("the Federal government", "the Labour government"). */
const EN_GOV_NOT = set(
  'federal central national state provincial regional local interim transitional military coalition opposition new current previous former labour labor conservative liberal socialist democratic republican communist',
);

/** seventh session: a sub-national government named by its region or the region's adjective ("The Tamil Nadu government
 * blamed ...", "a spokeswoman for the Victorian government") is an organisation (GOLD: governments named as bodies), like
 * the devolved governments the KB lists. One or two capitalised words after "the"/"a", uncovered or a place; a country,
 * person, party or body mention, a first name or a generic adjective is not this (the KB's "Ukrainian government" → the
 * country stays). Adds the span to `out`, which the caller types as an organisation. */
function regionalGovernments(ctx: ExtractCtx, out: Map<number, number>): void {
  const { doc } = ctx;
  const toks = doc.toks;
  for (let g = 2; g < toks.length; g++) {
    if (toks[g].norm !== 'government' || toks[g].caps !== 0 || toks[g].gap !== 0 || !isLatinCap(toks[g - 1])) continue;
    let a = g - 1;
    if (a > 0 && g - a < 2 && isLatinCap(toks[a - 1]) && toks[a].gap === 0 && !/^(the|a)$/.test(toks[a - 1].norm)) a--;
    if (a < 1 || !/^(the|a)$/.test(toks[a - 1].norm) || toks[a].gap !== 0) continue;
    let ok = true;
    for (let k = a; k < g && ok; k++) {
      if (EN_GOV_NOT.has(toks[k].norm) || EN_STOP_CAPS.has(toks[k].norm) || EN_FIRST_NAMES.has(toks[k].norm)) ok = false;
      const id = ctx.cover[k];
      const x = id ? ctx.set.byId.get(id) : undefined;
      if (x && x.type !== 'location') ok = false;
    }
    // (a capitalised "The" opening the sentence would start the caller's run: the span is keyed there, its name starts after)
    if (ok) out.set(toks[a - 1].caps > 0 ? a - 1 : a, g);
  }
}

/**
 * session 7: "Member of Parliament X", "a member of Congress": the body of a post title is no actor (GOLD-GUIDELINES: an
 * organisation implied only by a post title), so a one-word KB body right after "member(s) of" is dropped.
 */
function memberOfBody(ctx: ExtractCtx): void {
  const { doc, cover, set: actors } = ctx;
  const toks = doc.toks;
  for (let k = 2; k < toks.length; k++) {
    if (!cover[k] || toks[k].caps === 0 || toks[k - 1].norm !== 'of' || !/^members?$/.test(toks[k - 2].norm)) continue;
    const a = actors.byId.get(cover[k]!);
    if (!a || a.source !== 'kb' || a.type !== 'organization') continue;
    if (!a.mentions.some((m) => m.field === doc.field && m.first === k && m.last === k)) continue;
    uncover(ctx, k);
    cover[k] = 'skip:post';
  }
}

/** An organisation already found whose capitalised words' initials spell `acr` ("CMA" after "Competition and Markets
 * Authority"): the acronym is left to acronymDefinitions, which makes it a mention of that body. */
function initialsOfKnownBody(ctx: ExtractCtx, acr: string): boolean {
  for (const a of ctx.set.byId.values()) {
    if (a.type !== 'organization' || a.name.length < acr.length * 2) continue;
    let ini = '';
    for (const w of a.name.split(/\s+/)) if (/^[A-Z]/.test(w)) ini += w[0].toLowerCase();
    if (ini === acr) return true;
  }
  return false;
}

/** Words of a body's name that name no particular body ("High Court", "Court of Appeal", "City Council", "Parliament"). */
const EN_GENERIC_BODY_WORDS = set(
  'high supreme court courts appeal appeals council city county district federal national state police parliament assembly tribunal of',
);

/**
 * session 7: a place name glued before a KB body whose name is generic ("Madras High Court", "Kerala High Court", "Tokyo
 * District Court"; the KB's "High Court" is England's) is another body: one organisation over both, the KB match
 * dropped. Returns the last token of the new body, or -1.
 */
function placeBeforeGenericBody(ctx: ExtractCtx, i: number, j: number, lowerSeen: Set<string>): number {
  const { doc, cover, set: actors } = ctx;
  const toks = doc.toks;
  if (j + 1 >= toks.length || toks[j + 1].gap !== 0 || !cover[j + 1]) return -1;
  const kb = actors.byId.get(cover[j + 1]!);
  if (!kb || kb.source !== 'kb' || kb.type !== 'organization') return -1;
  const m = kb.mentions.find((x) => x.field === doc.field && x.first === j + 1);
  if (!m) return -1;
  for (let k = m.first; k <= m.last; k++) if (!EN_GENERIC_BODY_WORDS.has(toks[k].norm)) return -1;
  let a = i;
  while (a < j && (EN_STOP_CAPS.has(toks[a].norm) || EN_MONTHS_DAYS.has(toks[a].norm))) a++;
  if (j - a > 1) return -1;
  for (let k = a; k <= j; k++) {
    const w = toks[k].norm;
    if (
      toks[k].caps !== 1 ||
      lowerSeen.has(w) ||
      EN_STOP_CAPS.has(w) ||
      EN_PERSON_TITLES.has(w) ||
      EN_ORG_HEADS.has(w) ||
      EN_FIRST_NAMES.has(w)
    )
      return -1;
  }
  for (let k = m.first; k <= m.last; k++) uncover(ctx, k);
  addRule(ctx, 'organization', doc.src.slice(toks[a].start, toks[m.last].end).replace(/\s+/g, ' '), a, m.last);
  return m.last;
}

/** session 6 (enclaims): "Competition and Markets Authority", "Energy and Petroleum Regulatory Authority": a run of one or
 * two capitalised words (i..j, no first name) joined by "and" to capitalised words that end on an organisation head
 * within three words is one body's name. */
function andBody(ctx: ExtractCtx, i: number, j: number): boolean {
  const toks = ctx.doc.toks;
  if (j - i > 1 || EN_FIRST_NAMES.has(toks[i].norm) || EN_ORG_HEADS.has(toks[j].norm)) return false;
  for (let r = j + 2; r < Math.min(toks.length, j + 5); r++) {
    if (r > j + 2 && (toks[r].gap !== 0 || !isLatinCap(toks[r]))) return false;
    if (ctx.cover[r]) return false;
    if (EN_ORG_HEADS.has(toks[r].norm)) return r > j + 2 || false;
  }
  return false;
}

const EN_FIRM_LAST = set('water energy electric telecom logistics shipping pharmaceuticals pharma petroleum');

/** From k, capitalised words up to an organisation head followed by "of" ("Port Authority of"): "Maritime and Port
 * Authority of Singapore" is one name, so its "and" does not split it. */
function headThenOf(toks: Token[], k: number): boolean {
  for (let q = k; q < toks.length && q - k < 4 && isLatinCap(toks[q]) && toks[q].gap === 0; q++)
    if (EN_ORG_HEADS.has(toks[q].norm) && q + 1 < toks.length && toks[q + 1].norm === 'of' && toks[q + 1].caps === 0) return true;
  return false;
}

/**
 * issue 11 (session 6): "Reserve Bank of India", "Monetary Authority of Singapore", "Central Bank of Nigeria": an
 * organisation run ending in a head noun, then "of" and a KB country, is one name (was "Reserve Bank" + India). The
 * country keeps its own mention (it is named in the body).
 */
function ofCountryName(ctx: ExtractCtx, j: number): void {
  const { doc, cover, set } = ctx;
  const toks = doc.toks;
  if (j + 2 >= toks.length || !EN_ORG_HEADS.has(toks[j].norm) || toks[j + 1].norm !== 'of' || toks[j + 1].caps !== 0) return;
  if (toks[j + 1].gap !== 0 || toks[j + 2].gap !== 0) return;
  const org = cover[j] ? set.byId.get(cover[j]!) : undefined;
  const cc = cover[j + 2] ? set.byId.get(cover[j + 2]!) : undefined;
  if (!org || org.type !== 'organization' || org.source !== 'rule' || !cc || cc.type !== 'country') return;
  const om = org.mentions.find((m) => m.field === doc.field && m.last === j);
  const cm = cc.mentions.find((m) => m.field === doc.field && m.first === j + 2);
  if (!om || !cm) return;
  const name = doc.src.slice(om.start, cm.end);
  org.mentions = org.mentions.filter((m) => m !== om);
  if (!org.mentions.length) set.byId.delete(org.id);
  const a = set.add(ruleActorId('organization', name), name, 'organization', 'rule');
  set.mention(a, { start: om.start, end: cm.end, first: om.first, last: cm.last, field: doc.field });
  for (let k = om.first; k <= cm.last; k++) cover[k] = a.id; // (the country's mention stays; a bracket after it belongs to the body)
}

/** issue 11 (fifth session): a US party-state tag after a legislator's name, "(D-N.Y.)", ", R-Texas,", "D-Calif.": no
 * organisation. Returns the tag's last token, or -1. Only after a bracket or a comma, so "I-95" or "R-Series" stay. */
function partyTagEnd(toks: Token[], i: number): number {
  const t = toks[i];
  if (t.caps === 0 || !(t.norm === 'd' || t.norm === 'r' || t.norm === 'i') || i + 1 >= toks.length || i === 0) return -1;
  if (!/[(,]\s*$/.test(t.sep)) return -1;
  const nx = toks[i + 1];
  if (!/^[-\u2010\u2011]$/.test(nx.sep) || !isLatinCap(nx)) return -1;
  let k = i + 1;
  // "N.Y.", "N.C.": one-letter state initials
  while (
    toks[k].norm.length === 1 &&
    k + 1 < toks.length &&
    /^\.$/.test(toks[k + 1].sep) &&
    toks[k + 1].norm.length === 1 &&
    isLatinCap(toks[k + 1])
  )
    k++;
  return k;
}

/** KB country/place names that are also given names ("Jordan Peterson", "Georgia Whitfield", "Israel Katz"). */
const EN_GIVEN_NAME_PLACES = set('jordan georgia israel chad india paris austin florence victoria sydney');

/** A capitalised word that may be a surname: no head, title, stop word or word also seen in lower case. */
function surnameLike(t: Token, lowerSeen: Set<string>): boolean {
  const w = t.norm;
  return (
    t.caps === 1 &&
    w.length >= 2 &&
    !EN_ORG_HEADS.has(w) &&
    !EN_PLACE_HEADS.has(w) &&
    !EN_NOT_NAME.has(w) &&
    !EN_STOP_CAPS.has(w) &&
    !EN_PERSON_TITLES.has(w) &&
    !EN_SPLIT_TITLES.has(w) &&
    !EN_MONTHS_DAYS.has(w) &&
    !lowerSeen.has(w)
  );
}

/**
 * issue 11 (fifth session): a KB country or place alias inside a person's name is no place. After a lexicon given
 * name it is the surname ("Lisa Monaco"); one that is also a given name, followed by a surname-like word with a person
 * cue (a reporting verb, ", a/the <role>", or the surname alone elsewhere), opens the name ("Jordan Peterson said").
 * Later one-word mentions of that KB entry with the surname's spelling go too: they are the person, linked by surname.
 */
function placesInsidePersonNames(ctx: ExtractCtx, lowerSeen: Set<string>): void {
  const { doc, cover, set } = ctx;
  const toks = doc.toks;
  for (let k = 0; k < toks.length; k++) {
    const id = cover[k];
    if (!id) continue;
    const kb = set.byId.get(id);
    if (!kb || kb.source !== 'kb' || (kb.type !== 'country' && kb.type !== 'location') || toks[k].caps !== 1) continue;
    const m = kb.mentions.find((x) => x.field === doc.field && x.first === k);
    if (!m || m.last !== k) continue;
    const prev = k > 0 ? toks[k - 1] : undefined;
    const next = k + 1 < toks.length ? toks[k + 1] : undefined;
    let surname = -1;
    if (
      prev &&
      toks[k].gap === 0 &&
      !cover[k - 1] &&
      prev.caps === 1 &&
      EN_FIRST_NAMES.has(prev.norm) &&
      !EN_GIVEN_NAME_PLACES.has(toks[k].norm)
    )
      surname = k;
    else if (
      next &&
      next.gap === 0 &&
      !cover[k + 1] &&
      EN_GIVEN_NAME_PLACES.has(toks[k].norm) &&
      surnameLike(next, lowerSeen) &&
      !(prev && prev.caps > 0 && prev.gap === 0 && !doc.sentStart[k]) &&
      personCueAfter(ctx, k + 1)
    ) {
      uncover(ctx, k);
      continue;
    }
    if (surname < 0) continue;
    const w = toks[surname].norm;
    for (const x of [...kb.mentions]) if (x.field === doc.field && x.first === x.last && toks[x.first].norm === w) uncover(ctx, x.first);
  }
}

/** Token s (a surname) has a person cue: a reporting verb after it, ", a/the <role>" after it, or it recurs alone. */
function personCueAfter(ctx: ExtractCtx, s: number): boolean {
  const toks = ctx.doc.toks;
  const nx = s + 1 < toks.length ? toks[s + 1] : undefined;
  if (nx && nx.gap === 0 && EN_VERB.get(nx.norm)) return true;
  if (nx && nx.gap === 2) for (let k = s + 1; k < Math.min(toks.length, s + 5); k++) if (EN_ROLE_NOUNS.has(toks[k].norm)) return true;
  for (let k = s + 2; k < toks.length; k++)
    if (toks[k].norm === toks[s].norm && toks[k].caps === 1 && !(toks[k - 1].caps > 0 && toks[k].gap === 0)) return true;
  return false;
}

const EN_CORPORATE_NOUNS = set(
  'steel airlines airways telecom motors oil petroleum energy rail railways tobacco foods shipping mining electric power insurance chemicals',
);

/** issue 11 (round 6): a KB country name or abbreviation glued to a capitalised corporate noun is a company ("US Steel",
 * "Japan Tobacco", "China Telecom"), not the country; not when a title or another capitalised word follows ("Saudi Oil
 * Minister", "US Steel Workers" is left to the run rules). */
function countryCompanies(ctx: ExtractCtx): void {
  const { doc, cover, set } = ctx;
  const toks = doc.toks;
  for (let k = 0; k + 1 < toks.length; k++) {
    const id = cover[k];
    if (!id || toks[k].script !== 'latin' || toks[k].caps === 0) continue;
    const c = toks[k + 1];
    if (c.gap !== 0 || cover[k + 1] || c.caps !== 1 || !EN_CORPORATE_NOUNS.has(c.norm)) continue;
    const a = set.byId.get(id);
    if (!a || a.type !== 'country' || a.mentions.find((m) => m.field === doc.field && m.first === k)?.last !== k) continue;
    const nx = toks[k + 2];
    if (nx && nx.gap === 0 && (isLatinCap(nx) || EN_PERSON_TITLES.has(nx.norm))) continue;
    uncover(ctx, k);
    addRule(ctx, 'organization', doc.src.slice(toks[k].start, c.end), k, k + 1);
    k++;
  }
}

/** issue 11 (round 6): a rule organisation of two or more words that ends the name of exactly one other organisation of
 * the article ("Crisis Group" after "International Crisis Group", "Peace Research Institute") is a short form of it:
 * its mentions join that organisation. */
function orgShortForms(ctx: ExtractCtx): void {
  const { doc, set } = ctx;
  const orgs = [...set.byId.values()].filter((a) => a.type === 'organization' && a.mentions.some((m) => m.field === doc.field));
  if (orgs.length < 2) return;
  for (const a of orgs) {
    if (a.source !== 'rule' || !/\s/.test(a.name) || /[^\x00-\x7f]/.test(a.name)) continue;
    const tail = ' ' + a.name;
    const into = orgs.filter(
      (b) => b !== a && set.byId.has(b.id) && b.mentions.some((m) => m.field === doc.field && doc.src.slice(m.start, m.end).endsWith(tail)),
    );
    if (into.length !== 1) continue;
    for (const m of a.mentions) {
      set.mention(into[0], m);
      for (let k = m.first; k <= m.last; k++) if (m.field === doc.field && ctx.cover[k] === a.id) ctx.cover[k] = into[0].id;
    }
    set.byId.delete(a.id);
  }
}

const EN_PORTFOLIO_HEADS = set('department ministry office secretariat commission committee');

/** After "Department/Ministry … for/of X" at j, ", Y, … and Z" (capitalised items only, at most four): the list's last
 * token, else -1. Without for/of after such a head the comma ends the name as before ("Ofcom, Ofwat and Ofgem"). */
function portfolioListEnd(ctx: ExtractCtx, i: number, j: number): number {
  const toks = ctx.doc.toks;
  let head = false;
  for (let k = i; k < j; k++)
    if (EN_PORTFOLIO_HEADS.has(toks[k].norm) && (toks[k + 1].norm === 'for' || toks[k + 1].norm === 'of')) head = true;
  if (!head) return -1;
  let k = j + 1;
  for (let items = 0; items < 4 && k < toks.length; items++) {
    // one item: capitalised words glued together
    if (!isLatinCap(toks[k]) || ctx.cover[k]) return -1;
    while (k + 1 < toks.length && toks[k + 1].gap === 0 && isLatinCap(toks[k + 1]) && !ctx.cover[k + 1]) k++;
    const nx = toks[k + 1];
    if (!nx) return -1;
    if (nx.gap === 2 && /^\s*,\s*$/.test(nx.sep) && isLatinCap(nx)) {
      k++;
      continue;
    }
    // the last item after "and" (an Oxford comma before it is fine)
    if (nx.norm === 'and' && nx.caps === 0 && nx.gap <= 2 && k + 2 < toks.length && isLatinCap(toks[k + 2]) && !ctx.cover[k + 2]) {
      let e = k + 2;
      while (e + 1 < toks.length && toks[e + 1].gap === 0 && isLatinCap(toks[e + 1]) && !ctx.cover[e + 1]) e++;
      return e;
    }
    return -1;
  }
  return -1;
}

/** Lower-case organisation nouns that stand in apposition before a one-word name ("watchdog Spamhaus"). */
const EN_ORG_APPOSITION = set(
  'group watchdog firm company charity broadcaster regulator startup start-up lender insurer retailer carrier airline network channel newspaper website outlet agency union tank consultancy operator developer maker manufacturer producer giant conglomerate miner utility',
);

/** Round 5 (en): a one-word organisation the rules recognised at one occurrence by its cue ("OptInRealBig claimed")
 * is the same organisation wherever else the word stands alone, capitalised and uncovered ("OptInRealBig was fighting
 * ..."), and where the rules took it for a place only because of a preposition before it ("from OptInRealBig"). One
 * pass over the tokens, only in an article with such a name. */
function propagateSingleOrgs(ctx: ExtractCtx): void {
  const { doc, cover, set } = ctx;
  const toks = doc.toks;
  let names: Map<string, ActorAcc> | undefined;
  for (const a of set.byId.values()) {
    if (a.source !== 'rule' || a.type !== 'organization') continue;
    const m = a.mentions.find((x) => x.field === doc.field && x.first === x.last);
    if (!m || /\s/.test(a.name)) continue;
    (names ??= new Map()).set(toks[m.first].norm, a);
  }
  if (!names) return;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const a = t.caps > 0 ? names.get(t.norm) : undefined;
    if (!a) continue;
    // alone: no capitalised word glued on either side (not part of a longer name)
    if ((k > 0 && toks[k].gap <= 1 && isLatinCap(toks[k - 1])) || (k + 1 < toks.length && toks[k + 1].gap <= 1 && isLatinCap(toks[k + 1])))
      continue;
    const cur = cover[k] ? set.byId.get(cover[k]!) : undefined;
    if (cur === a) continue;
    if (cur) {
      if (cur.source !== 'rule' || cur.type !== 'location' || cur.name !== a.name) continue;
      uncover(ctx, k);
    }
    set.mention(a, { start: t.start, end: t.end, first: k, last: k, field: doc.field });
    cover[k] = a.id;
  }
}

/** issue 11 (en): federated units (US states, provinces) in subject position of a reporting verb speak as bodies:
 * "Wisconsin, Ohio, California and 10 other states said", "Arizona and Illinois confirmed", "Washington state also
 * said", "the attorneys general of Texas and Ohio said". Elsewhere ("officials in Ohio said", "a Virginia Democrat")
 * a unit stays a place. Returns each unit's first token → last token. */
function federatedSubjects(ctx: ExtractCtx): Map<number, number> {
  const { doc } = ctx;
  const toks = doc.toks;
  const out = new Map<number, number>();
  // most articles name no unit: one Set lookup per capitalised token, then nothing
  let any = false;
  for (let i = 0; i < toks.length && !any; i++) any = toks[i].caps > 0 && EN_UNIT_FIRST.has(toks[i].norm);
  if (!any) return out;
  for (let v = 1; v < toks.length; v++) {
    if (toks[v].caps || !EN_VERB.get(toks[v].norm)) continue;
    const sent = doc.sentOf[v];
    let k = v - 1;
    while (k > 0 && EN_SKIP_BACK.has(toks[k].norm) && toks[k + 1].gap === 0) k--;
    // the unnamed rest of the list: "... and 10 other states", "... and other provinces", "... and others"
    if (EN_UNIT_PLURALS.has(toks[k].norm) && toks[k + 1].gap === 0) {
      let j = k - 1;
      if (toks[k].norm !== 'others') {
        if (j < 0 || toks[j].norm !== 'other') continue;
        j--;
        if (j >= 0 && toks[j].norm !== 'and' && toks[j].caps === 0 && toks[j + 1].gap === 0) j--; // a count
      }
      if (j < 1 || toks[j].norm !== 'and' || toks[j + 1].gap !== 0) continue;
      k = j - 1;
    }
    if (k < 0 || toks[k + 1].gap !== 0) continue; // nothing but spaces between the subject and its verb
    const found: Array<[number, number]> = [];
    let open = false; // the list ends on a separator (its left boundary)
    for (;;) {
      const u = unitEndingAt(toks, k);
      if (u < 0 || doc.sentOf[u] !== sent) break;
      found.push([u, k]);
      open = false;
      const p = u - 1;
      if (p < 0 || doc.sentOf[p] !== sent || doc.sentStart[u]) break;
      if (toks[p].norm === 'and' && toks[u].gap === 0) {
        k = p - 1;
        open = true;
        continue;
      }
      // a comma: another unit before it, or the list's left edge ("In a statement, Texas said"; not "Newark, New
      // Jersey", a city and its state)
      if (toks[u].gap === 2 && toks[u].sep.includes(',')) {
        if (toks[p].caps > 0 && unitEndingAt(toks, p) < 0) {
          found.length = 0;
          break;
        }
        k = p;
        open = true;
        continue;
      }
      break;
    }
    if (!found.length) continue;
    const f = found[found.length - 1][0];
    // subject position: the list opens its sentence or clause, or follows "the attorneys general of"
    const subject =
      open ||
      doc.sentStart[f] ||
      (f > 0 && toks[f].gap >= 2) ||
      (f > 0 && /^(but|and|while|whereas)$/.test(toks[f - 1].norm)) ||
      (f > 1 && toks[f - 1].norm === 'of' && EN_UNIT_ROLES.has(toks[f - 2].norm));
    if (!subject) continue;
    for (const [a, b] of found) {
      // "Washington said" is the US government, "Georgia said" the country: a unit only in a list or as "X state"
      if (found.length === 1 && EN_UNIT_AMBIGUOUS.has(toks[a].norm) && toks[b].norm !== 'state') continue;
      out.set(a, b);
    }
  }
  return out;
}

/** The first token of a federated unit's name ending at token k (with a lower-case "state" after it: "Washington
 * state"), or -1. */
function unitEndingAt(toks: Token[], k: number): number {
  if (k < 0) return -1;
  let e = k;
  if (toks[e].norm === 'state' && toks[e].caps === 0 && toks[e].gap === 0) e--;
  for (let len = 3; len >= 1; len--) {
    const a = e - len + 1;
    if (a < 0 || toks[a].caps === 0) continue;
    let ok = true;
    let name = toks[a].norm;
    for (let x = a + 1; x <= e && ok; x++) {
      ok = toks[x].gap === 0 && (toks[x].caps > 0 || toks[x].norm === 'and');
      name += ' ' + toks[x].norm;
    }
    // not the tail of a longer capitalised name ("University of Texas" is handled by the caller; "Jack Texas" is no unit)
    if (ok && EN_FEDERATED_UNITS.has(name) && !(a > 0 && toks[a].gap === 0 && toks[a - 1].caps > 0 && !doc0(toks, a))) return a;
  }
  return -1;
}

/** Token a opens a sentence-like position (its predecessor is a sentence-initial capitalised word such as "But"). */
function doc0(toks: Token[], a: number): boolean {
  return /^(but|and|the|while)$/.test(toks[a - 1].norm);
}

/** issue 11 (names): token k is a one-token mention of a KB person whose given name is not `given`. */
function kbSurnameOfOther(ctx: ExtractCtx, k: number, given: string): boolean {
  const a = ctx.set.byId.get(ctx.cover[k]!);
  if (!a || a.source !== 'kb' || a.type !== 'person') return false;
  const m = a.mentions.find((x) => x.field === ctx.doc.field && x.first === k);
  if (!m || m.last !== k) return false;
  return foldText(a.name).split(/\s+/)[0] !== given;
}

/** Plural staff nouns whose "at X" names an employer ("analysts at Bernstein"), not a place. */
const EN_STAFF_AT = set(
  'analysts economists strategists researchers scientists engineers executives traders lawyers bankers staff employees',
);

/** Token a follows "<staff noun> at" in lower case. */
function staffAt(toks: Token[], a: number): boolean {
  return (
    a > 1 &&
    toks[a - 1].norm === 'at' &&
    toks[a - 1].caps === 0 &&
    toks[a].gap === 0 &&
    toks[a - 1].gap === 0 &&
    EN_STAFF_AT.has(toks[a - 2].norm)
  );
}

/** Abbreviated titles written with a stop before a name. */
const EN_TITLE_ABBR = set('rep sen gov gen col lt sgt capt cmdr adm prof rev');

/** Titles that split a capitalised run: "Wisconsin Elections Commission Administrator Michael Haas". */
const EN_SPLIT_TITLES = set(
  'administrator representative secretary director chairman chairwoman spokesman spokeswoman commissioner minister governor senator ambassador president chief executive ceo state general speaker leader judge chair officer whip',
);

/** Split titles that stand right before a person's name (not "state", "general", "executive", "chief"). */
const EN_TITLE_BEFORE_NAME = set(
  'administrator representative secretary director chairman chairwoman spokesman spokeswoman commissioner minister governor senator ambassador president ceo speaker leader judge chair officer whip',
);

/** Tokens a..b (two or three) look like a personal name: capitalised, no organisation or place head, no title, no stop word. */
function nameLikeTail(toks: Token[], a: number, b: number): boolean {
  const len = b - a + 1;
  if (len < 2 || len > 3) return false;
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    const w = t.norm;
    // (session 7: an initial with its stop opens the name: "Advocate-General P. Venkatesan")
    if (k === a && w.length === 1 && t.caps > 0 && /^\.\s?$/.test(toks[k + 1].sep)) continue;
    if (
      t.caps !== 1 ||
      (k > a && t.gap !== 0 && !(k === a + 1 && toks[a].norm.length === 1)) ||
      EN_ORG_HEADS.has(w) ||
      EN_PLACE_HEADS.has(w) ||
      EN_NOT_NAME.has(w) ||
      EN_STOP_CAPS.has(w) ||
      EN_PERSON_TITLES.has(w) ||
      EN_MONTHS_DAYS.has(w)
    )
      return false;
  }
  return true;
}

/** issue 11 (places): the run i..b continues a place: "in Yaounde and Douala," (a conjunct of a place) or "in Dayton,
 * Ohio," / "Newark, New Jersey." (a city's state or country after a comma). Only when the run ends its phrase (a comma,
 * a stop, and/or after it): "met in Geneva and Lavrov said", "In Paris, Macron said" are not places. */
function listedPlace(ctx: ExtractCtx, i: number, b: number): boolean {
  const { doc, cover, set } = ctx;
  const toks = doc.toks;
  if (i < 2 || doc.sentStart[i]) return false;
  const nx = b + 1 < toks.length ? toks[b + 1] : undefined;
  if (nx && !(nx.gap === 2 || nx.gap === 3 || nx.gap === 5 || ((nx.norm === 'and' || nx.norm === 'or') && nx.gap === 0))) return false;
  let p = -1;
  if (toks[i].gap === 2 && /^\s*,\s*$/.test(toks[i].sep)) p = i - 1;
  else if ((toks[i - 1].norm === 'and' || toks[i - 1].norm === 'or') && toks[i].gap === 0 && toks[i - 1].gap === 0) p = i - 2;
  const id = p >= 0 ? cover[p] : undefined;
  return !!id && set.byId.get(id)?.type === 'location';
}

/** issue 11 (en): "reported" after a capitalised name is a cue for a body (an outlet), like a reporting verb. */
const EN_REPORTED = set('reported reports');

/** Capitalised generic nouns that never name an actor alone. */
const EN_GENERIC_SINGLE = set(
  'party council committee commission agency ministry department office bank court union association institute university college school group company corporation fund foundation authority service board bureau organisation organization federation league alliance coalition movement army navy police force forces assembly government administration cabinet state staff regime military caucus tribunal',
);

function processLatinRun(
  ctx: ExtractCtx,
  i: number,
  j: number,
  lowerSeen: Set<string>,
  capMid: Map<string, number>,
  forcePerson = false,
): void {
  const { doc } = ctx;
  const toks = doc.toks;
  // issue 11 (names): a title inside the run separates what precedes it (a body, a place) from the person after it
  if (!forcePerson) {
    for (let p = j - 1; p > i; p--) {
      if (!EN_SPLIT_TITLES.has(toks[p].norm)) continue;
      // issue 11 (en): an unknown first name too, when two or three name-like words close the run after a personal
      // title ("Economy Minister Ildefonso Guajardo"; not "Secretary of State", "Attorney General Office")
      // (session 7: or an initial with its stop: "Advocate-General P. Venkatesan")
      const initialNext = p + 1 < j && toks[p + 1].norm.length === 1 && /^\.\s?$/.test(toks[p + 2].sep) && nameLikeTail(toks, p + 1, j);
      if (
        !EN_FIRST_NAMES.has(toks[p + 1].norm) &&
        !initialNext &&
        !(EN_TITLE_BEFORE_NAME.has(toks[p].norm) && nameLikeTail(toks, p + 1, j))
      )
        continue;
      // fifth session: a lone body noun before the title is only the post's body ("House Speaker X", "Council Leader
      // X"): an organisation implied by a post title is no actor (GOLD-GUIDELINES)
      // and a compound title ("Chief Financial Officer X", "Deputy Chief Operating Officer X") is no name at all
      if (!(p === i + 1 && EN_ORG_HEADS.has(toks[i].norm)) && !EN_PERSON_TITLES.has(toks[i].norm))
        processLatinRun(ctx, i, p, lowerSeen, capMid);
      processLatinRun(ctx, p + 1, j, lowerSeen, capMid, true);
      return;
    }
  }
  // session 7: a long post title run on into the name ("Senior Minister of State for Transport Amy Chua Li Ling",
  // "Member of Parliament Derrick Lim"): a known first name after a title word opens the person, 2–4 words to the run's end
  if (!forcePerson && j - i >= 2) {
    for (let p = Math.max(i + 1, j - 3); p < j; p++) {
      if (!EN_FIRST_NAMES.has(toks[p].norm) || toks[p - 1].caps === 0 || toks[p].gap !== 0) continue;
      let titled = false;
      for (let k = i; k < p && !titled; k++) titled = EN_PERSON_TITLES.has(toks[k].norm) || toks[k].norm === 'member';
      if (!titled) continue;
      if (j > p + 1 ? !nameLikeTail(toks, p + 1, j) : toks[j].caps !== 1 || EN_ORG_HEADS.has(toks[j].norm)) continue;
      processLatinRun(ctx, p, j, lowerSeen, capMid, true);
      return;
    }
  }
  let a = i;
  let personHint = false;
  let honorific = -1;
  // strip leading stop words (sentence-initial "The", "But", months) and titles
  let titleEnd = -1;
  for (let k = a; k <= j; k++) {
    const w = toks[k].norm;
    if (EN_PERSON_TITLES.has(w) || EN_STOP_CAPS.has(w)) {
      if (EN_HEAD_TITLES.has(w)) titleEnd = k;
      continue;
    }
    break;
  }
  // also a title just before the run, in lower case ("the prime minister, Tony Blair" / "minister Yuri Trutnev")
  if (a > 0 && EN_HEAD_TITLES.has(toks[a - 1].norm) && toks[a].gap === 0) personHint = true;
  // fifth session: an abbreviated title with its stop ("Rep. X Y", "Gov. X Y"): the stop is no sentence end
  if (a > 0 && EN_TITLE_ABBR.has(toks[a - 1].norm) && toks[a - 1].caps === 1 && /^\.\s+$/.test(toks[a].sep) && a < j) personHint = true;
  if (a > 0 && EN_HONORIFIC.has(toks[a - 1].norm)) {
    personHint = true;
    honorific = a - 1;
  }
  if (titleEnd >= a) {
    // issue 11 (cues): "Director of National Intelligence", "Secretary of State": a portfolio, not a name
    if (titleEnd + 1 <= j && toks[titleEnd + 1].norm === 'of' && toks[titleEnd + 1].caps === 0) return;
    // "General Court": a title word before a lone organisation head is part of the body's name
    if (titleEnd + 1 === j && EN_ORG_HEADS.has(toks[j].norm) && !EN_HONORIFIC.has(toks[titleEnd].norm)) {
      addRule(ctx, 'organization', doc.src.slice(toks[a].start, toks[j].end).replace(/\s+/g, ' '), a, j);
      return;
    }
    for (let k = a; k <= titleEnd; k++) if (EN_HONORIFIC.has(toks[k].norm)) honorific = k;
    a = titleEnd + 1;
    personHint = true;
  }
  if (forcePerson) personHint = true;
  // session 7: a name opened by an initial and its stop ("R. Selvaraj", "P. Venkatesan") is a person's
  if (a < j && toks[a].norm.length === 1 && toks[a].caps > 0 && /^\.\s?$/.test(toks[a + 1].sep) && !EN_ORG_HEADS.has(toks[j].norm))
    personHint = true;
  while (
    a <= j &&
    ((EN_STOP_CAPS.has(toks[a].norm) && !EN_NAME_TITLES.has(toks[a].norm)) ||
      EN_MONTHS_DAYS.has(toks[a].norm) ||
      (EN_CONNECT.has(toks[a].norm) &&
        (toks[a].caps === 0 ||
          a === j ||
          toks[a].norm === 'the' ||
          toks[a].norm === 'and' ||
          toks[a].norm === 'of' ||
          toks[a].norm === 'for')))
  )
    a++;
  let b = j;
  while (
    b >= a &&
    (EN_STOP_CAPS.has(toks[b].norm) ||
      EN_CONNECT.has(toks[b].norm) ||
      EN_MONTHS_DAYS.has(toks[b].norm) ||
      (b > a && EN_NAME_SUFFIX.has(toks[b].norm)) ||
      // issue 11 (cues): a trailing title is the post of a person named elsewhere ("Conservative Party Co-Chairman")
      (b > a && EN_SPLIT_TITLES.has(toks[b].norm)) ||
      (toks[b].norm === 'co' && b + 1 <= j && toks[b + 1].gap === 1 && EN_SPLIT_TITLES.has(toks[b + 1].norm)))
  )
    b--;
  if (b < a) return;
  // session 6 (enclaims): "Chief Operating Officer", "Chief Financial Officer": one word between two title words is part
  // of the title, no name
  if (b === a && titleEnd >= i && b < j && EN_SPLIT_TITLES.has(toks[b + 1].norm) && toks[b + 1].gap === 0) return;
  // fifth session: "House Speaker" before a KB person: the lone body noun of a post title is no actor (as in the split)
  if (b === a && b < j && EN_SPLIT_TITLES.has(toks[b + 1].norm) && EN_ORG_HEADS.has(toks[a].norm)) return;
  // issue 11: a lone generic noun ("Army" of "Army General") is not a name, unless glued to a KB name before it
  if (b === a && EN_GENERIC_SINGLE.has(toks[a].norm) && !(a > 0 && ctx.cover[a - 1] && toks[a].gap === 0 && toks[a - 1].caps > 0)) return;
  // name titles (Lord, Prince) stay in the name and make it a person
  if (EN_NAME_TITLES.has(toks[a].norm) && b > a) personHint = true;
  // split runs at a trailing reporting verb capitalised by the writer? (rare) — ignore
  const len = b - a + 1;
  const words = [];
  for (let k = a; k <= b; k++) words.push(toks[k].norm);
  const lastW = words[words.length - 1];
  const firstW = words[0];
  const startsSentence = doc.sentStart[a] === 1 || (a > 0 && doc.toks[a].gap === 4 && doc.sentStart[a - 1] === 0 && false);
  const isAcr = len === 1 && toks[a].caps === 2 && toks[a].norm.length >= 2 && toks[a].norm.length <= 6 && /^[a-z]+$/.test(toks[a].norm);
  let type: ActorType | undefined;
  const prevW = a > 0 ? toks[a - 1].norm : '';
  const nextW = b + 1 < toks.length ? toks[b + 1].norm : '';
  const orgHead =
    EN_ORG_HEADS.has(lastW) ||
    // (seventh session: "Chennai Commuters' Forum"; a bare "X Forum" is often an event, "Aspen Security Forum")
    (lastW === 'forum' && /^['\u2019]\s$/.test(toks[b].sep)) ||
    (len >= 3 && words.includes('of') && EN_ORG_HEADS.has(firstW)) ||
    (len >= 2 && words.some((w) => EN_ORG_HEADS.has(w)) && !EN_FIRST_NAMES.has(firstW));
  // issue 11 (round 6): an organisation noun in apposition before a name of up to four words ("parent company Kemble
  // Water", "the think tank Chatham House"), or "a company called/named X": the name is an organisation
  const apposOrg =
    a > 0 &&
    toks[a].gap === 0 &&
    toks[a - 1].caps === 0 &&
    len <= 4 &&
    (len >= 2 || prevW === 'called' || prevW === 'named') &&
    (EN_ORG_APPOSITION.has(prevW) || ((prevW === 'called' || prevW === 'named') && a > 1 && EN_ORG_APPOSITION.has(toks[a - 2].norm))) &&
    !EN_FIRST_NAMES.has(firstW) &&
    !words.some((w) => EN_PERSON_TITLES.has(w) || EN_SPLIT_TITLES.has(w) || EN_MONTHS_DAYS.has(w));
  if ((orgHead && !personHint) || apposOrg) type = 'organization';
  else if (personHint) type = 'person';
  else if (len >= 2 && EN_PLACE_HEADS.has(lastW))
    type = 'location'; // issue 11: "Nathan Road" is a street
  else if (len >= 2 && EN_FIRST_NAMES.has(firstW)) type = 'person';
  else if (isAcr && (EN_VERB.get(nextW) || (capMid.get(firstW) ?? 0) >= 2)) {
    if (EN_ACRONYM_STOP.has(toks[a].norm)) return;
    type = 'organization';
  } else if (len >= 2) {
    const allNamey = words.every((w) => !EN_NOT_NAME.has(w) && !EN_STOP_CAPS.has(w) && !EN_PERSON_TITLES.has(w) && !lowerSeen.has(w));
    if (!allNamey) {
      if (words.some((w) => EN_ORG_HEADS.has(w))) type = 'organization';
      else return;
    } else if (EN_PLACE_HEADS.has(lastW)) type = 'location';
    // issue 11 (session 6): a utility's or a firm's sector word closing a name ("Anglia Vale Water", "Corvane Shipping")
    else if (EN_FIRM_LAST.has(lastW)) type = 'organization';
    else if (len <= 3 && personEvidence(ctx, a, b, words)) type = 'person';
    // issue 11 (en): "The Daily Beast reported that ...": an outlet reporting on its own account
    else if (
      EN_VERB.get(nextW) ||
      EN_REPORTED.has(nextW) ||
      (b + 1 < toks.length && (toks[b + 1].sep === "'" || toks[b + 1].sep === '\u2019'))
    )
      type = 'organization';
    else if (staffAt(toks, a)) type = 'organization';
    else if (EN_LOC_PREP.has(prevW) || listedPlace(ctx, i, b)) type = 'location';
    else return;
    // (session 6: "Analysts at Kestrel Research said": the staff's employer, not a place)
    if (type === 'person' && EN_LOC_PREP.has(prevW) && !EN_FIRST_NAMES.has(firstW)) type = staffAt(toks, a) ? 'organization' : 'location';
  } else {
    // single capitalised word
    const w = firstW;
    if (EN_NOT_NAME.has(w) || EN_STOP_CAPS.has(w) || EN_PERSON_TITLES.has(w) || EN_MONTHS_DAYS.has(w)) return;
    if (EN_GENERIC_SINGLE.has(w)) return; // issue 11: "Police said", "the Court": a generic noun, not a name
    // round 5 (en): an organisation noun in lower case right before the name is its apposition ("rights group
    // Liberty", "junk mail watchdog Spamhaus", "the broadcaster Zentel"), even for a word also used in lower case
    if (
      a > 0 &&
      toks[a].gap === 0 &&
      toks[a - 1].caps === 0 &&
      EN_ORG_APPOSITION.has(prevW) &&
      !startsSentence &&
      !isAcr &&
      w.length >= 3
    ) {
      addRule(ctx, 'organization', doc.src.slice(toks[a].start, toks[a].end), a, a);
      return;
    }
    // session 7: an acronym before a role noun ("DMK spokesperson X", "the AIADMK leader") or after "the" with a comma
    // or a verb after it ("The AIADMK, however, accused") names a body (party, union, agency)
    if (
      isAcr &&
      w.length >= 3 &&
      !EN_ACRONYM_STOP.has(w) &&
      ((b + 1 < toks.length && toks[b + 1].gap === 0 && toks[b + 1].caps === 0 && EN_ROLE_NOUNS.has(nextW)) ||
        (prevW === 'the' && b + 1 < toks.length && toks[b + 1].gap === 2 && /,/.test(toks[b + 1].sep))) &&
      !initialsOfKnownBody(ctx, w)
    ) {
      addRule(ctx, 'organization', doc.src.slice(toks[a].start, toks[a].end), a, a);
      return;
    }
    if (lowerSeen.has(w)) return;
    if (startsSentence && !(EN_VERB.get(nextW) && nextW !== 'says') && (capMid.get(w) ?? 0) === 0) return;
    if (startsSentence && (capMid.get(w) ?? 0) === 0 && /[^s]s$/.test(w)) return; // "Analysts said"
    // fifth session: an acronym before a lower-case organisation noun names that body ("the GMB union", "the NXT group")
    if (
      isAcr &&
      b + 1 < toks.length &&
      toks[b + 1].caps === 0 &&
      toks[b + 1].gap === 0 &&
      EN_ORG_APPOSITION.has(nextW) &&
      !EN_ACRONYM_STOP.has(w)
    ) {
      addRule(ctx, 'organization', doc.src.slice(toks[a].start, toks[a].end), a, a);
      return;
    }
    if (isAcr && (capMid.get(w) ?? 0) < 2 && !EN_VERB.get(nextW)) return;
    // fifth session: "analysts at Bernstein", "economists at Nomura": the staff's employer, no place
    if (staffAt(toks, a)) type = 'organization';
    // issue 11 (places): "the Cameroonian capital Yaounde" names the city
    else if (EN_LOC_PREP.has(prevW) || (prevW === 'capital' && toks[a].gap === 0) || listedPlace(ctx, i, b)) type = 'location';
    else if (
      EN_VERB.get(nextW) ||
      EN_REPORTED.has(nextW) ||
      isAcr ||
      (b + 1 < toks.length &&
        (toks[b + 1].sep === "'" || toks[b + 1].sep === '\u2019') &&
        toks[b + 1].norm === 's' &&
        (capMid.get(w) ?? 0) >= 2)
    )
      type = 'organization';
    else return;
  }
  if (!type) return;
  if (type === 'person' && !EN_NAME_TITLES.has(toks[a].norm)) {
    // issue 11 (names): "Mark Stephen Trotter of California": a person's name ends before "of"
    for (let k = a + 1; k <= b; k++)
      if (toks[k].norm === 'of' && toks[k].caps === 0) {
        b = k - 1;
        words.length = b - a + 1;
        break;
      }
  }
  const name = doc.src.slice(toks[a].start, toks[b].end).replace(/\s+/g, ' ');
  let first = a;
  if (honorific >= 0 && type === 'person') first = honorific;
  if (type === 'organization' && first > 0 && toks[first].gap === 0 && ctx.cover[first - 1] && toks[first - 1].caps > 0) {
    // "United States Forces Korea", "European Investment Bank": a capitalised KB name glued before an organisation head
    const pid = ctx.cover[first - 1]!;
    const pa = ctx.set.byId.get(pid);
    const pm = pa?.mentions.find((m) => m.field === doc.field && m.last === first - 1);
    if (pa && pm && pm.first >= 0 && toks[pm.first].caps > 0 && toks[pm.first].start >= doc.sents[doc.sentOf[first]].start) {
      const full = doc.src.slice(pm.start, toks[b].end).replace(/\s+/g, ' ');
      for (let k = pm.first; k < first; k++) uncover(ctx, k);
      const acc2 = addRule(ctx, 'organization', full, pm.first, b, pm.start, toks[b].end);
      void acc2;
      return;
    }
  }
  const acc = addRule(ctx, type, name, first, b, toks[first].start, toks[b].end);
  if (type === 'person') acc.nameToks = words.filter((w) => !EN_NAME_TITLES.has(w));
}
