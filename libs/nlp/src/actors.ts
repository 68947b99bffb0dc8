// Actor extraction: gazetteer (KB) matches plus rules for actors the KB does not know.

import type { ActorType, KbActor } from '@marsad/contracts';
import type { Doc } from './doc';
import type { Gazetteer } from './gazetteer';
import {
  CAPITALS,
  LOCATIVE_PREPS,
  AR_GROUP_HEADS,
  AR_ORG_HEADS,
  AR_ORG_HEADS_DEF,
  AR_PERSON_TITLES,
  AR_STOP,
  AR_VERBS,
  AR_ADVERBIAL,
  AR_COMP,
  EN_FIRST_NAMES,
  EN_MONTHS_DAYS,
  EN_NAME_TITLES,
  EN_NOT_NAME,
  EN_ORG_HEADS,
  EN_PERSON_TITLES,
  EN_STOP_CAPS,
  EN_VERB,
  set,
} from './lexicon';
import { foldText, tokenVariants, type Token } from './text';
import {
  arIsNisba,
  arCoordinatedNext,
  arDefHeadAfterTitle,
  arEndsName,
  arIsRelative,
  arHeadAfterTitleNamesBody,
  arHeadComplementNotName,
} from './org-cues';

export interface MentionX {
  actorId: string;
  start: number;
  end: number;
  first: number;
  last: number;
  field: 'body' | 'title';
}

export interface ActorAcc {
  id: string;
  name: string;
  type: ActorType;
  source: 'kb' | 'rule';
  mentions: MentionX[];
  gender?: 'm' | 'f';
  /** folded name tokens (rule persons), for surname linking */
  nameToks?: string[];
}

export class ActorSet {
  readonly byId = new Map<string, ActorAcc>();
  add(id: string, name: string, type: ActorType, source: 'kb' | 'rule'): ActorAcc {
    let a = this.byId.get(id);
    // every field initialised: one hidden class for all actors, so the rule/claim passes that read
    // gender/nameToks stay monomorphic (adding them later made V8 deopt and recompile those passes)
    if (!a) {
      a = { id, name, type, source, mentions: [], gender: undefined, nameToks: undefined };
      this.byId.set(id, a);
    }
    return a;
  }
  /** mention keys per actor id: ((start * 2^25 + end) * 2 + field bit), exact while offsets < 2^25 */
  private readonly keys = new Map<string, Set<number | string>>();
  mention(a: ActorAcc, m: Omit<MentionX, 'actorId'>): void {
    if (m.end <= m.start) return;
    let ks = this.keys.get(a.id);
    if (!ks) {
      ks = new Set();
      this.keys.set(a.id, ks);
    }
    const key =
      m.end < 33554432 ? (m.start * 33554432 + m.end) * 2 + (m.field === 'title' ? 1 : 0) : `${m.field}\u0000${m.start}\u0000${m.end}`;
    if (ks.has(key)) return;
    ks.add(key);
    // a fixed literal, not { ...m, actorId }: one shape for every mention whatever object m was
    a.mentions.push({ actorId: a.id, start: m.start, end: m.end, first: m.first, last: m.last, field: m.field });
  }
}

const TYPE_PREFIX: Record<string, string> = {
  person: 'person',
  organization: 'org',
  country: 'country',
  group: 'group',
  location: 'location',
  other: 'other',
};

/** Short stable hash (base36) of a string — for ids of names with no Latin slug. */
export function shortHash(s: string): string {
  let h1 = 0x811c9dc5 | 0,
    h2 = 0x01234567 | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return ((h1 >>> 0).toString(36) + (h2 >>> 0).toString(36)).slice(0, 10);
}

// slugs of recent names: the same actors recur across articles and slugOf (fold, NFKD, regexes, hash) is pure
const SLUGS = new Map<string, string>();

export function slugOf(name: string): string {
  let slug = SLUGS.get(name);
  if (slug === undefined) {
    if (SLUGS.size >= 20000) SLUGS.clear(); // bounded: a long-running enricher sees unbounded names
    SLUGS.set(name, (slug = slugOf0(name)));
  }
  return slug;
}

function slugOf0(name: string): string {
  const f = foldText(name);
  const latin = f.normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’.]/g, '');
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug && /^[a-z0-9-]+$/.test(slug) && !/[^\x00-\x7f]/.test(latin.replace(/[^\p{L}]/gu, ''))) return slug;
  return 'x' + shortHash(f.replace(/\s+/g, ' ').trim());
}

/** Deterministic id for an actor unknown to the KB, from its normalised name. */
export function ruleActorId(type: ActorType, name: string): string {
  return `${TYPE_PREFIX[type] ?? 'other'}:${slugOf(name)}`;
}

// ------------------------------------------------------------------ helpers

const isLatinCap = (t: Token) => (t.script === 'latin' || t.script === 'cyrillic') && t.caps > 0;
const EN_CONNECT = set('of for the de du da del la le van von der den al el bin bint ibn y and');
const EN_HEAD_TITLES = set(
  'mr mrs ms miss dr prof professor president chancellor minister secretary senator sen governor mayor general gen colonel col captain capt judge justice chairman chairwoman ceo director spokesman spokeswoman spokesperson ambassador envoy commissioner leader inspector detective pope archbishop bishop cardinal rev reverend imam ayatollah rabbi mp mep coach manager analyst economist journalist editor correspondent lawyer attorney prosecutor founder boss chief candidate premier executive officer',
);
const EN_HONORIFIC = set('mr mrs ms miss dr');
const EN_ACRONYM_STOP = set(
  'tv gdp ceo cfo coo cto am pm mp mps mep meps id it pc ok hiv aids dna uk us usa eu un bbc vat ipo sms dvd cd pr hr ad bc ps ii iii iv vi faq www html pdf mr ms dr st uae ussr',
);
const EN_NAME_SUFFIX = set('qc mp mep jr sr cbe obe mbe kbe phd md');
const EN_PLACE_HEADS = set(
  'street square road avenue dam island islands river sea ocean bay valley mountains mountain hills city county province state desert lake park bridge airport station gate',
);
const EN_ROLE_NOUNS = set(
  'spokesman spokeswoman spokesperson analyst economist journalist editor correspondent lawyer attorney prosecutor director chairman chairwoman chief executive head founder president minister secretary official adviser advisor professor researcher expert author member leader manager boss owner judge officer commissioner ambassador envoy mp mep senator governor mayor campaigner activist consultant partner deputy',
);

/** Evidence that a capitalised 2–3 word run is a person: first name, role noun around it, Mr/Ms + surname elsewhere, reporting verb. */
function personEvidence(ctx: ExtractCtx, a: number, b: number, words: string[]): boolean {
  const toks = ctx.doc.toks;
  if (EN_FIRST_NAMES.has(words[0])) return true;
  const prev = a > 0 ? toks[a - 1].norm : '';
  if (EN_ROLE_NOUNS.has(prev) && toks[a].gap === 0) return true;
  if ((prev === 'said' || prev === 'says' || prev === 'added' || prev === 'according') && toks[a].gap === 0) return true; // "…," said Clint Watts
  if (b + 2 < toks.length && toks[b + 1].norm === 'who' && toks[b + 1].gap === 2) return true; // "Clint Watts, who heads …"
  const next = b + 1 < toks.length ? toks[b + 1] : undefined;
  if (next && EN_VERB.get(next.norm) && next.gap === 0) return true;
  if (next && next.gap === 2) {
    for (let k = b + 1; k < Math.min(toks.length, b + 6); k++) if (EN_ROLE_NOUNS.has(toks[k].norm)) return true;
  }
  const last = words[words.length - 1];
  for (let k = 1; k < toks.length; k++) if (toks[k].norm === last && EN_HONORIFIC.has(toks[k - 1].norm)) return true;
  return false;
}

/** Capitalised generic nouns that never name an actor alone. */
const EN_GENERIC_SINGLE = set(
  'party council committee commission agency ministry department office bank court union association institute university college school group company corporation fund foundation authority service board bureau organisation organization federation league alliance coalition movement army navy police force forces assembly government administration cabinet state staff regime military caucus tribunal',
);

const EN_LOC_PREP = set('in at near from to into across outside inside around throughout toward towards via');

export interface ExtractCtx {
  doc: Doc;
  gaz: Gazetteer;
  set: ActorSet;
  /** token → actor id covering it (body) */
  cover: (string | undefined)[];
  lang: string;
}

/** KB matches over a document; returns the token coverage. */
export function kbActors(doc: Doc, gaz: Gazetteer, set: ActorSet, cover: (string | undefined)[]): void {
  const ms = gaz.match(doc.src, doc.toks, doc.sentStart);
  for (const m of ms) {
    const kb = gaz.actors.get(m.actorId) as KbActor | undefined;
    if (!kb) continue;
    if (kb.type === 'country' && m.first === m.last) {
      // a capital used as a place ("in Moscow", "في موسكو", "بموسكو") is a location, not the state
      const t = doc.toks[m.first];
      const stripped = m.start > t.start ? doc.src.slice(t.start, m.start) : '';
      const prev = m.first > 0 ? doc.toks[m.first - 1] : undefined;
      const locative =
        /^[وف]?[ب]$/.test(stripped) || /^[وف]?(الي|لل)$/.test(stripped) || (prev && LOCATIVE_PREPS.has(prev.norm) && t.gap <= 1);
      // the capital test folds the mention text: only worth it after a locative
      if (locative && (CAPITALS.has(foldText(doc.src.slice(m.start, m.end))) || CAPITALS.has(t.norm))) {
        const name = doc.src.slice(m.start, m.end);
        const loc = set.add(ruleActorId('location', kb.name + ' ' + name), name, 'location', 'rule');
        set.mention(loc, { start: m.start, end: m.end, first: m.first, last: m.last, field: doc.field });
        for (let k = m.first; k <= m.last; k++) cover[k] = loc.id;
        continue;
      }
    }
    const a = set.add(kb.id, kb.name, kb.type, 'kb');
    set.mention(a, { start: m.start, end: m.end, first: m.first, last: m.last, field: doc.field });
    for (let k = m.first; k <= m.last; k++) cover[k] = kb.id;
  }
}

export function addRule(
  ctx: ExtractCtx,
  type: ActorType,
  name: string,
  first: number,
  last: number,
  start?: number,
  end?: number,
): ActorAcc {
  const { doc, set, cover } = ctx;
  const id = ruleActorId(type, name);
  // issue 11 (org-cues): a country matched inside a person's name (a family name that is also a nisba) is not the country
  if (type === 'person') for (let k = first; k <= last; k++) if (cover[k] && set.byId.get(cover[k]!)?.type === 'country') uncover(ctx, k);
  const a = set.add(id, name, type, 'rule');
  set.mention(a, { start: start ?? doc.toks[first].start, end: end ?? doc.toks[last].end, first, last, field: doc.field });
  for (let k = first; k <= last; k++) if (!cover[k]) cover[k] = id;
  return a;
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
  let i = 0;
  while (i < n) {
    const t = toks[i];
    if (cover[i] || !isLatinCap(t) || /^\d/.test(t.norm)) {
      i++;
      continue;
    }
    // collect a run of capitalised tokens (connectors allowed inside)
    let j = i;
    while (j + 1 < n) {
      const nx = toks[j + 1];
      // middle initials: "John E. Kelly", "Charles A. Blixt"
      const initial = toks[j].norm.length === 1 && toks[j].caps > 0 && /^\.\s?$/.test(nx.sep) && isLatinCap(nx) && j > i;
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
      if ((nx.gap > 1 && !initial) || cover[j + 1]) break;
      if (nx.gap === 1 && !/^[-\u2010\u2011]$/.test(nx.sep) && !/^'$/.test(nx.sep)) break;
      if (nx.sep === "'" || nx.sep === '\u2019') break; // possessive 's
      if (isLatinCap(nx)) {
        j++;
        continue;
      }
      const hasOf = toks.slice(i, j + 1).some((x) => x.norm === 'of');
      if (
        EN_CONNECT.has(nx.norm) &&
        j + 2 < n &&
        isLatinCap(toks[j + 2]) &&
        toks[j + 2].gap <= 1 &&
        !cover[j + 2] &&
        (nx.norm !== 'and' || hasOf) &&
        nx.norm !== 'the'
      ) {
        j += 2;
        continue;
      }
      break;
    }
    processLatinRun(ctx, i, j, lowerSeen, capMid);
    i = j + 1;
  }
}

/** issue 11 (names): token k is a one-token mention of a KB person whose given name is not `given`. */
function kbSurnameOfOther(ctx: ExtractCtx, k: number, given: string): boolean {
  const a = ctx.set.byId.get(ctx.cover[k]!);
  if (!a || a.source !== 'kb' || a.type !== 'person') return false;
  const m = a.mentions.find((x) => x.field === ctx.doc.field && x.first === k);
  if (!m || m.last !== k) return false;
  return foldText(a.name).split(/\s+/)[0] !== given;
}

/** Titles that split a capitalised run: "Wisconsin Elections Commission Administrator Michael Haas". */
const EN_SPLIT_TITLES = set(
  'administrator representative secretary director chairman chairwoman spokesman spokeswoman commissioner minister governor senator ambassador president chief executive ceo state general',
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
      if (!EN_SPLIT_TITLES.has(toks[p].norm) || !EN_FIRST_NAMES.has(toks[p + 1].norm)) continue;
      processLatinRun(ctx, i, p, lowerSeen, capMid);
      processLatinRun(ctx, p + 1, j, lowerSeen, capMid, true);
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
  if (a > 0 && EN_HONORIFIC.has(toks[a - 1].norm)) {
    personHint = true;
    honorific = a - 1;
  }
  if (titleEnd >= a) {
    // issue 11 (org-cues): "Director of National Intelligence", "Secretary of State": a portfolio, not a name
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
      // issue 11 (org-cues): a trailing title is the post of a person named elsewhere ("Conservative Party Co-Chairman")
      (b > a && EN_SPLIT_TITLES.has(toks[b].norm)) ||
      (toks[b].norm === 'co' && b + 1 <= j && toks[b + 1].gap === 1 && EN_SPLIT_TITLES.has(toks[b + 1].norm)))
  )
    b--;
  if (b < a) return;
  if (b === a && EN_GENERIC_SINGLE.has(toks[a].norm) && !(a > 0 && ctx.cover[a - 1] && toks[a].gap === 0 && toks[a - 1].caps > 0)) return; // issue 11: a lone generic noun ("Army" of "Army General")
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
    (len >= 3 && words.includes('of') && EN_ORG_HEADS.has(firstW)) ||
    (len >= 2 && words.some((w) => EN_ORG_HEADS.has(w)) && !EN_FIRST_NAMES.has(firstW));
  if (orgHead && !personHint) type = 'organization';
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
    else if (len <= 3 && personEvidence(ctx, a, b, words)) type = 'person';
    else if (EN_VERB.get(nextW) || (b + 1 < toks.length && toks[b + 1].sep === "'")) type = 'organization';
    else if (EN_LOC_PREP.has(prevW)) type = 'location';
    else return;
    if (type === 'person' && EN_LOC_PREP.has(prevW) && !EN_FIRST_NAMES.has(firstW)) type = 'location';
  } else {
    // single capitalised word
    const w = firstW;
    if (EN_NOT_NAME.has(w) || EN_STOP_CAPS.has(w) || EN_PERSON_TITLES.has(w) || EN_MONTHS_DAYS.has(w)) return;
    if (EN_GENERIC_SINGLE.has(w)) return; // issue 11: "Police said", "the Court": a generic noun, not a name
    if (lowerSeen.has(w)) return;
    if (startsSentence && !(EN_VERB.get(nextW) && nextW !== 'says') && (capMid.get(w) ?? 0) === 0) return;
    if (startsSentence && (capMid.get(w) ?? 0) === 0 && /[^s]s$/.test(w)) return; // "Analysts said"
    if (isAcr && (capMid.get(w) ?? 0) < 2 && !EN_VERB.get(nextW)) return;
    if (EN_LOC_PREP.has(prevW)) type = 'location';
    else if (
      EN_VERB.get(nextW) ||
      isAcr ||
      (b + 1 < toks.length && toks[b + 1].sep === "'" && toks[b + 1].norm === 's' && (capMid.get(w) ?? 0) >= 2)
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

// ------------------------------------------------------------------ Arabic rules

const AR_MULTI_TITLE_NEXT = set(
  'الوزراء الحكومه العام التنفيذي الخارجيه الدفاع الداخليه الماليه الخزانه التجاره الاقتصاد الاعلام العدل الصحه التعليم الطاقه النفط الخارجية',
);
const AR_NAME_STOP =
  set(`الذي التي الذين انه انها انهم ان بان خلال اثناء امس اليوم وهو وهي الذي عن على علي الي في من مع لدى بعد قبل منذ حتى ضد حول عبر امام بين و او ثم
يوم عام سنه شهر مساء صباح الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت ايضا كذلك قد لم لن لا ما`);
const AR_DAYS = set('الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس');
const AR_ADJ_STOP = set(
  'الحالي الحاليه الماضي الماضيه الجديد الجديده الثاني الثانيه الاول الاولي الرسمي الرسميه الرئيسي الرئيسيه المحلي المحليه السابق السابقه الكبري الكبير العام العامه الخاص الخاصه الاخير الاخيره المقبل المقبله',
);
const AR_NOT_NAME_AFTER_HEAD = set(
  'تعرف يعرف تدعي يدعي تسمي يسمي تابعه تابع مرتبطه مرتبط كبري كبيره صغيره جديده اخري اخرى عملاقه ناشئه محليه اجنبيه دوليه عربيه امريكيه اميركيه غربيه خاصه حكوميه تقنيه متخصصه مختلفه عديده عده كل بعض',
);
export const AR_NAME_CONNECT = set('بن ابن بنت ابو ابي عبد ال دي دو فان فون دا در دير');

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
    // issue 11 (org-cues): a country nisba closing a name chain is a family name (عبدالله بن عبدالمحسن التركي), not the
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
  if (AR_PERSON_TITLES.has(w) || AR_ORG_HEADS.has(w)) return false;
  const rawT = ctx.doc.src.slice(t.start, t.end).replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  // the article is written with a bare alef (ال); أل/إل/آل open names (أليكسي، إليزابيث)
  const isArticle = rawT.startsWith('ال');
  if (w === 'علي' && rawT === 'علي' && pos === 0) return true; // the name Ali (not the preposition على)
  if (/^[بلكف][أإآ]/.test(rawT)) return false; // بإجراءات، لأسباب: a clitic on a common noun
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
  // attached pronouns (ووزرائه، حملتها) mark common nouns; ة is kept distinct from ه in the original
  if (raw.length >= 5 && /(\u0647|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627)$/.test(raw) && !/الله$/.test(raw)) return false;
  // a 3-letter word opening with a present-tense prefix (يشن، تشن، نرى) is a verb
  if (pos === 0 && w.length === 3 && /^[يتن]/.test(w)) return false;
  if (AR_COMMON_NOT_NAME.has(w)) return false;
  // issue 11 (org-cues): a clitic on an organisation head or a title (بشركة، لوزارة، للرئيس) is never part of a name
  if (
    /^[وفبلك]/.test(w) &&
    w.length >= 4 &&
    tokenVariants(t).some((v) => v.strip > 0 && (AR_ORG_HEADS.has(v.form) || AR_PERSON_TITLES.has(v.form)))
  )
    return false;
  if (/^(به|بهذه|بهذا|بكافه|بكل|لكل|لهذه|لهذا|لاخري|لاخر|لشركه|بمجال)$/.test(w)) return false;
  return true;
}

/** A first token that is a common noun (feminine/plural endings), not a first name, before an ال-word. */
const AR_NOT_FIRST_NAME = /(ه|ات|ون|ين|اء)$/;
const AR_GROUP_NOUNS = set('اهالي ممثلو ممثلي عناصر افراد ابناء اجهزه قوات سلطات اعضاء رجال نساء طلاب عمال قاده زعماء شباب جنود');
const AR_TITLE_LIKE = /^(كبير|رئيس|مدير|عضو|نائب|مسوول|مستشار|شريك|مؤسس|موسس)/;
const AR_COMMON_NOT_NAME = set(
  'شهود عيان سكان ناشطون نشطاء مسعفون مراقبون مواطنون لاجئون متظاهرون محتجون لشوون شوون الشوون بشكل بصوره وسط ابحاث دراسات تقرير تقارير بيان دراسه استطلاع وثيقه رساله تاييد مصدران مسوولان مسوولو شريك عضو موظف مهندس اخطر اكبر اهم ابرز اكثر اقل افضل اسوا اعلي ادني اذ لدينا لدي عده لعده كيفيه حلفاء سوال سوالا عقد اكبر اهم ابرز رفيع عسكري مراسل خبير خبيره محلل محلله باحث باحثه مراقب مراقبون ناشط ناشطه معتقل معارض معارضون عنصري جديد جديده ارهابي ارهابيه متطرف متطرفه تنفيذي اخري اخر كبير كبيره صغير مصادر مسؤول مسؤولون مسؤولين خبراء محللون مصدر شخص اشخاص احد احدي عدد بعض كل جميع مختلف عده تفاصيل قضيه امر الامر',
);

/** Longest run of name tokens starting at k (max 4), contiguous (no punctuation between). */
function arNameRun(ctx: ExtractCtx, k: number, max = 4): number {
  const toks = ctx.doc.toks;
  let e = k - 1;
  for (let q = k; q < toks.length && q - k < max; q++) {
    if (q > k && toks[q].gap > 1) break;
    if (!arNameTok(ctx, q, q - k)) break;
    // an article-word ends the name (surname like الحريري)
    e = q;
    if (q > k && toks[q].norm.startsWith('ال') && !AR_NAME_CONNECT.has(toks[q - 1].norm)) break;
  }
  // do not end on a connector
  while (e >= k && AR_NAME_CONNECT.has(toks[e].norm)) e--;
  return e;
}

/** Skip title modifiers after a title token: article-words, "باسم X", construct nouns; returns index after them. */
function skipTitleModifiers(ctx: ExtractCtx, k: number): number {
  const toks = ctx.doc.toks;
  let q = k;
  let steps = 0;
  while (q < toks.length && steps < 6) {
    const t = toks[q];
    if (t.gap > 1) break;
    const w = t.norm;
    if (w === 'باسم' || w === 'ب' || (w === 'في' && false)) {
      q++;
      steps++;
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
const MAY_TITLE = variantEndFilter(AR_PERSON_TITLES);
const MAY_ORG_HEAD = variantEndFilter(AR_ORG_HEADS);
const MAY_ORG_HEAD_DEF = variantEndFilter(AR_ORG_HEADS_DEF);
const MAY_ADMIN = variantEndFilter(['اداره']);

/**
 * TITLE [modifiers] [،] NAME after a title word at token i: the last token of the person's name when one was added,
 * -1 to skip token i, -2 when the other rules should look at it. Its own function so that the first use of one of its
 * rare paths deoptimises only this rule, not all of arabicRuleActors (which was recompiled ~3 times per process).
 */
function arTitledPerson(ctx: ExtractCtx, i: number): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  // TITLE [modifiers] [،] NAME
  let q = skipTitleModifiers(ctx, i + 1);
  if (q < 0) return -1;
  // apposition after a longer title phrase: "مديرة وحدة استخبارات التهديدات في الشركة، كلارا فيشر، إن"
  let appos = false;
  if (q < n && toks[q].gap !== 2) {
    for (let r = q + 1; r < Math.min(n, i + 12); r++) {
      const commaSep = toks[r].gap === 2 || (toks[r].gap === 4 && /[،,]/.test(toks[r].sep));
      if (toks[r].gap >= 3 && !commaSep && !(toks[r].gap === 4)) break;
      if (cover[r] && ctx.set.byId.get(cover[r]!)?.type === 'person') break;
      if (!commaSep) continue;
      const e2 = arNameRun(ctx, r, 4);
      if (e2 > r || (e2 === r && toks[r].norm.length >= 4)) {
        const after = e2 + 1 < n ? toks[e2 + 1] : undefined;
        if (!after || after.gap === 2 || AR_COMP.has(after.norm) || !!arVerbOf(after)) {
          q = r;
          appos = true;
        }
      }
      break;
    }
  }
  // (an apposition may follow a quoted name: شركة "بيمكو"، يواكيم فيلس،)
  if (q < n && (toks[q].gap <= 2 || appos)) {
    let e = arNameRun(ctx, q);
    // TITLE + first name + ال-surname (وزير الطاقة خالد الفالح،): the surname closes the name before a boundary
    if (
      e === q &&
      e + 1 < n &&
      toks[e + 1].gap <= 1 &&
      !cover[e + 1] &&
      /^ال/.test(ctx.doc.src.slice(toks[e + 1].start, toks[e + 1].end)) &&
      toks[e + 1].norm.length >= 5 &&
      !AR_DAYS.has(toks[e + 1].norm) &&
      !AR_ADJ_STOP.has(toks[e + 1].norm) &&
      !AR_STOP.has(toks[e + 1].norm) &&
      !AR_PERSON_TITLES.has(toks[e + 1].norm) &&
      !arVerbOf(toks[e + 1])
    ) {
      const nx = e + 2 < n ? toks[e + 2] : undefined;
      if (!nx || nx.gap >= 2 || AR_COMP.has(nx.norm) || !!arVerbOf(nx)) e++;
    }
    if (e >= q) {
      const single = e === q;
      const after = e + 1 < n ? toks[e + 1] : undefined;
      const okEnd =
        !single ||
        !after ||
        after.gap >= 2 ||
        AR_COMP.has(after.norm) ||
        AR_NAME_STOP.has(after.norm) ||
        !!arVerbOf(after) ||
        AR_ADVERBIAL.has(after.norm) ||
        after.norm.startsWith('ل');
      const adjAfterTitle = single && toks[q].gap <= 1 && /(ي|ا)$/.test(toks[q].norm);
      if (okEnd && (!single || toks[q].norm.length >= 3) && !adjAfterTitle) {
        for (let k = q; k <= e; k++) if (cover[k]) uncover(ctx, k);
        const name = doc.src.slice(toks[q].start, toks[e].end);
        const a = addRule(ctx, 'person', name, q, e);
        a.nameToks = toks.slice(q, e + 1).map((x) => x.norm);
        return e;
      }
    }
  }
  return -2;
}

/**
 * VERB NAME (verb-subject order) after the reporting verb at token i: the last token of the name when an actor was
 * added, else -1. Its own function for the same reason as arTitledPerson.
 */
function arVerbSubject(ctx: ExtractCtx, i: number, verb: { verb: string; strip: number }): number {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  // VERB NAME (verb-subject order), the name followed by a comma, complementiser, adverbial or colon
  const q = i + 1;
  let e = arNameRun(ctx, q, 3);
  // "قال جمال الفضل، ..." / "قال محمد الحلبوسي إن": first name + ال-surname, closed by a comma or a complementiser
  if (
    e === q &&
    q + 2 < n &&
    !cover[q + 1] &&
    toks[q + 1].gap <= 1 &&
    !AR_NOT_FIRST_NAME.test(toks[q].norm) &&
    !AR_GROUP_NOUNS.has(toks[q].norm)
  ) {
    const s1 = toks[q + 1];
    const raw1 = doc.src.slice(s1.start, s1.end);
    const nx = toks[q + 2];
    if (
      /^ال/.test(raw1) &&
      s1.norm.length >= 5 &&
      !/ة$/.test(raw1) &&
      !AR_DAYS.has(s1.norm) &&
      !AR_ADJ_STOP.has(s1.norm) &&
      !AR_STOP.has(s1.norm) &&
      !AR_PERSON_TITLES.has(s1.norm) &&
      !arVerbOf(s1) &&
      !AR_ORG_HEADS_DEF.has(s1.norm) &&
      (nx.gap === 2 || AR_COMP.has(nx.norm))
    )
      e = q + 1;
  }
  if (e >= q) {
    const after = e + 1 < n ? toks[e + 1] : undefined;
    const okEnd =
      !after ||
      after.gap >= 2 ||
      AR_COMP.has(after.norm) ||
      AR_ADVERBIAL.has(after.norm) ||
      after.norm === 'في' ||
      (after.norm.startsWith('ل') && after.norm.length > 3) ||
      AR_PERSON_TITLES.has(after.norm) ||
      (e > q && (AR_COMMON_NOT_NAME.has(after.norm) || AR_TITLE_LIKE.test(after.norm)));
    const w1 = toks[q].norm;
    const singleBad =
      e === q &&
      ((/^[لب]/.test(w1) && w1.length <= 5) ||
        (/(ه|ها|هم|هما)$/.test(w1) && w1.length > 4) ||
        (/^م/.test(w1) && w1.length <= 5) ||
        /^س[تين]/.test(w1) ||
        /ا$/.test(w1) ||
        w1.length < 4);
    if (okEnd && w1.length >= 3 && !singleBad) {
      const fem = AR_VERBS.get(verb.verb)!.fem;
      const type: ActorType = e > q ? 'person' : fem ? 'organization' : 'person';
      const name = doc.src.slice(toks[q].start, toks[e].end);
      const a = addRule(ctx, type, name, q, e);
      if (type === 'person') a.nameToks = toks.slice(q, e + 1).map((x) => x.norm);
      return e;
    }
  }
  return -1;
}

export function arabicRuleActors(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.script !== 'arabic') continue;
    const w = MAY_TITLE(t.norm) ? tokenVariants(t).find((v) => AR_PERSON_TITLES.has(v.form))?.form : undefined;
    const verb = arVerbOf(t);
    if (w && (!cover[i] || ctx.set.byId.get(cover[i]!)?.type === 'organization')) {
      const r = arTitledPerson(ctx, i);
      if (r !== -2) {
        if (r >= 0) i = r;
        continue;
      }
    }
    if (verb && i + 1 < n && !cover[i + 1] && toks[i + 1].gap <= 1) {
      const e = arVerbSubject(ctx, i, verb);
      if (e >= 0) {
        i = e;
        continue;
      }
    }
    // organisations: HEAD + name
    const head = MAY_ORG_HEAD(t.norm) ? tokenVariants(t).find((v) => AR_ORG_HEADS.has(v.form)) : undefined;
    // شركة تحليلات البلوك تشين "تشيناليسس": up to three descriptor words between the head and a quoted name
    let qStart = i + 1;
    if (head && !head.def) {
      for (let r = i + 1; r < Math.min(n, i + 5); r++) {
        if (toks[r].gap === 4 && /["«\u201C]\s*$/.test(toks[r].sep)) {
          qStart = r;
          break;
        }
        if (
          toks[r].gap > 1 ||
          (cover[r] && ctx.set.byId.get(cover[r]!)?.type !== 'country') ||
          toks[r].script !== 'arabic' ||
          arVerbOf(toks[r]) ||
          AR_COMP.has(toks[r].norm) ||
          AR_STOP.has(toks[r].norm)
        )
          break;
      }
    }
    if (head && !head.def && qStart < n && toks[qStart].gap === 4 && /["«\u201C]\s*$/.test(toks[qStart].sep)) {
      // صحيفة "واشنطن بوست"، شركة «أرامكو»: a quoted name after an organisation head
      const i0 = i;
      i = qStart - 1;
      let e = i + 1;
      while (e + 1 < n && e - i < 5 && toks[e + 1].gap <= 1) e++;
      const closeOk = e + 1 >= n || /^["»\u201D]/.test(toks[e + 1].sep.trimStart()) || /["»\u201D]/.test(toks[e + 1].sep);
      const inner = toks.slice(i + 1, e + 1);
      const nameLike = inner.every(
        (x) =>
          (x.script === 'arabic' || x.script === 'latin') &&
          !/(يه|يا)$/.test(x.norm) &&
          !AR_COMMON_NOT_NAME.has(x.norm) &&
          !/^(جدا|كثيرا|للغايه)$/.test(x.norm) &&
          !/[\u064B-\u064D]/.test(doc.src.slice(x.start, x.end)),
      );
      if (closeOk && nameLike && !(i0 > 0 && cover[i0 - 1])) {
        const covered = cover[i + 1] && ctx.set.byId.get(cover[i + 1]!);
        if (!(covered && covered.source === 'kb')) {
          for (let k = i + 1; k <= e; k++) if (cover[k]) uncover(ctx, k);
          const name = doc.src.slice(toks[i + 1].start, toks[e].end);
          addRule(ctx, AR_GROUP_HEADS.has(head.form) ? 'group' : 'organization', name, i + 1, e);
        }
        i = e;
        continue;
      }
      i = i0;
    }
    const afterTitle =
      i > 0 &&
      (AR_PERSON_TITLES.has(toks[i - 1].norm) ||
        (MAY_TITLE(toks[i - 1].norm) && tokenVariants(toks[i - 1]).some((x) => AR_PERSON_TITLES.has(x.form))));
    // issue 11 (org-cues): after a title, an explicit head names a body of its own (رئيس منظمة X)
    const headOk = !afterTitle || (!!head && arHeadAfterTitleNamesBody(head.form, i + 1 < n ? toks[i + 1].norm : undefined));
    if (head && !head.def && headOk && !cover[i] && i + 1 < n && toks[i + 1].gap <= 1) {
      // definite construct: حزب العدالة والتنمية / وزارة الخارجية السعودية / مجلس الأمن
      let q = i + 1;
      let defEnd = i;
      while (q < n && toks[q].gap <= 1 && q - i <= 4) {
        const w2 = toks[q].norm;
        if (q === i + 1 && /^لل/.test(w2)) break; // "منظمة للدفاع عن ...": a description
        // issue 11 (org-cues): traffic (حركة المسافرين), outside modifiers (المكلف، الذي), a second body after و
        if (q === i + 1 && arHeadComplementNotName(head.form, w2)) break;
        if (arEndsName(w2) || (q > i + 1 && arCoordinatedNext(toks[q - 1].norm, w2))) break;
        // after a nisba adjective (الإثيوبية، السعودية) a plain definite noun starts the next phrase: "وزارة الخارجية
        // الإثيوبية البيان" (rejected the statement)
        if (/^(التابعه|التابع|التابعين|التابعتين)$/.test(w2)) break; // "بعثة المراقبة التابعة لـ X": an affiliation follows
        if (q > i + 2 && /^ال.*ي(ه)?$/.test(toks[q - 1].norm) && toks[q - 1].norm.length >= 6 && /^ال/.test(w2) && !/ي(ه)?$/.test(w2))
          break;
        if ((w2.startsWith('ال') || /^وال/.test(w2) || /^لل/.test(w2)) && !AR_DAYS.has(w2) && !AR_ADJ_STOP.has(w2)) {
          defEnd = q;
          q++;
          continue;
        }
        if (
          cover[q] &&
          q === defEnd + 1 &&
          q > i + 1 &&
          ctx.set.byId.get(cover[q]!)?.source === 'rule' &&
          ctx.set.byId.get(cover[q]!)?.type !== 'person'
        ) {
          defEnd = q;
          q++;
          continue;
        }
        break;
      }
      const isGroup = AR_GROUP_HEADS.has(head.form);
      if (
        defEnd > i &&
        defEnd === i + 1 &&
        /^(شركه|مجموعه|موقع|قناه|صحيفه|مركز|موسسه|مكتب|شبكه|اذاعه|تلفزيون|بنك|مصرف|صندوق|جمعيه|مرصد|معهد)$/.test(head.form)
      ) {
        i = defEnd;
        continue; // "شركة الاستثمار": a description, not a name
      }
      if (defEnd > i) {
        // head + article words
        let s = t.start;
        const keep = head.def ? 2 : 0;
        if (head.strip - keep > 0) s = offsetAfter(doc.src, t, head.strip - keep);
        if (head.form === 'اداره') continue;
        const name = doc.src.slice(s, toks[defEnd].end);
        addRule(ctx, isGroup ? 'group' : 'organization', name, i, defEnd, s, toks[defEnd].end);
        i = defEnd;
        continue;
      }
      if (head.form === 'اداره') {
        // إدارة بايدن: the person (the organisation "X administration" is added later)
        const e = arNameRun(ctx, i + 1, 2);
        if (e > i && toks[i + 1].norm.length >= 3) {
          const name = doc.src.slice(toks[i + 1].start, toks[e].end);
          const a = addRule(ctx, 'person', name, i + 1, e);
          a.nameToks = toks.slice(i + 1, e + 1).map((x) => x.norm);
          i = e;
        }
        continue;
      }
      // indefinite name (foreign name): شركة كاسبرسكي، وكالة رويترز، شركة طيران بيغاسوس
      let q2 = i + 1;
      if (
        q2 < n &&
        !cover[q2] &&
        ['طيران', 'النفط', 'نفط', 'انباء', 'الانباء', 'التكنولوجيا', 'الاتصالات'].includes(toks[q2].norm) &&
        q2 + 1 < n
      )
        q2++;
      if (cover[q2]) continue;
      if (AR_NOT_NAME_AFTER_HEAD.has(toks[q2].norm)) continue;
      if (arHeadComplementNotName(head.form, toks[q2].norm)) continue;
      // issue 11 (org-cues): head + indefinite noun + definite noun(s) is one construct name, head kept (هيئة كبار
      // العلماء، لجنة حقوق الإنسان العربية); a nisba right after the noun is an adjective of a foreign name instead
      const idafa = arIdafaEnd(ctx, i, q2);
      if (idafa > q2) {
        const name = doc.src.slice(t.start + (head.strip ? offsetAfter(doc.src, t, head.strip) - t.start : 0), toks[idafa].end);
        const s0 = head.strip ? offsetAfter(doc.src, t, head.strip) : t.start;
        addRule(ctx, isGroup ? 'group' : 'organization', name, i, idafa, s0, toks[idafa].end);
        i = idafa;
        continue;
      }
      if (afterTitle) continue; // after a title only a full construct names the body
      const e = arNameRun(ctx, q2, 3);
      const w0 = toks[q2].norm;
      const adjLike =
        /يه$/.test(w0) ||
        (w0.length >= 5 && /ات$/.test(w0)) ||
        (e === q2 && /\u0629$/.test(doc.src.slice(toks[q2].start, toks[q2].end))) ||
        (w0.length <= 4 && /^[تي]/.test(w0) && e + 1 < n && /^(علي|الي|في|من|عن|ب|مع)$/.test(toks[e + 1].norm));
      if (e >= q2 && w0.length >= 3 && !adjLike) {
        const name = doc.src.slice(toks[q2].start, toks[e].end);
        addRule(ctx, isGroup ? 'group' : 'organization', name, q2, e);
        i = e;
      }
    }
    // definite organisation heads + nisba adjectives (الحكومة الروسية, الحزب الديمقراطي, المخابرات العسكرية الروسية)
    const dh = MAY_ORG_HEAD_DEF(t.norm) ? tokenVariants(t).find((v) => AR_ORG_HEADS_DEF.has(v.form) && v.form.startsWith('ال')) : undefined;
    if (dh && (!afterTitle || arDefHeadAfterTitle(dh.form)) && !cover[i] && i + 1 < n && toks[i + 1].gap <= 1) {
      let q = i + 1;
      let e = i;
      let country = false;
      let nisba = false;
      while (q < n && toks[q].gap <= 1 && q - i <= 3) {
        const w2 = toks[q].norm;
        const isAdj = w2.startsWith('ال') && /(ي|يه)$/.test(w2) && !AR_ADJ_STOP.has(w2);
        if (cover[q] && ctx.set.byId.get(cover[q]!)?.type === 'country') {
          country = true;
          e = q;
          q++;
          continue;
        }
        if (isAdj) {
          nisba = true;
          e = q;
          q++;
          continue;
        }
        break;
      }
      const strongHead = [
        'الحزب',
        'اللجنه',
        'المخابرات',
        'الاستخبارات',
        'الجيش',
        'البنك',
        'المجلس',
        'الاتحاد',
        'الكونغرس',
        'البرلمان',
      ].includes(dh.form);
      if (e > i && (country || (nisba && strongHead))) {
        let s = t.start;
        if (dh.strip > 0) s = offsetAfter(doc.src, t, dh.strip);
        if (i + 1 < n && toks[i + 1].norm === 'الرئيس') continue;
        const name = doc.src.slice(s, toks[e].end);
        const a = ctx.set.add(ruleActorId('organization', name), name, 'organization', 'rule');
        ctx.set.mention(a, { start: s, end: toks[e].end, first: i, last: e, field: doc.field });
        for (let k = i; k <= e; k++) if (!cover[k]) cover[k] = a.id;
        i = e;
      }
    }
  }
}

/** issue 11 (org-cues): end of "HEAD N ال-X [ال-Y…]" (construct state) at q2, or q2 itself when it is not one. */
function arIdafaEnd(ctx: ExtractCtx, i: number, q2: number): number {
  const toks = ctx.doc.toks;
  const n = toks.length;
  if (q2 + 1 >= n || toks[q2 + 1].gap > 1 || ctx.cover[q2 + 1]) return q2;
  for (let k = i + 1; k <= q2; k++) if (toks[k].gap > 1) return q2;
  if (toks[i].norm.endsWith('موقع')) return q2; // موقع: a site (موقع تحطم الطائرة), not a construct name
  const w0 = toks[q2].norm;
  if (!isArabicWord(toks[q2]) || AR_STOP.has(w0) || AR_NAME_STOP.has(w0) || arVerbOf(toks[q2]) || w0.startsWith('ال')) return q2;
  if (w0.length <= 4 && /^[يت]/.test(w0)) return q2; // a verb (تطور، يعمل), not a noun of the name
  const w1 = toks[q2 + 1].norm;
  const notNameWord = (w: string) =>
    AR_DAYS.has(w) || AR_ADJ_STOP.has(w) || arEndsName(w) || AR_PERSON_TITLES.has(w) || /^الم.*ه$/.test(w) || AR_STOP.has(w);
  if (!w1.startsWith('ال') || arIsNisba(w1) || notNameWord(w1)) return q2;
  let e = q2 + 1;
  // (a country nisba closing the name is part of it: لجنة حقوق الإنسان الزاندرية; the country keeps its own mention)
  while (e + 1 < n && e - i < 6 && toks[e + 1].gap <= 1 && (!ctx.cover[e + 1] || ctx.set.byId.get(ctx.cover[e + 1]!)?.type === 'country')) {
    const w = toks[e + 1].norm;
    if (!(w.startsWith('ال') || w.startsWith('وال')) || notNameWord(w)) break;
    if (arCoordinatedNext(toks[e].norm, w)) break;
    e++;
  }
  return e;
}

/** Remove the mention covering token k (its actor goes if it has no mention left). */
function uncover(ctx: ExtractCtx, k: number): void {
  const id = ctx.cover[k];
  if (!id) return;
  const a = ctx.set.byId.get(id);
  if (a) {
    a.mentions = a.mentions.filter((m) => !(m.field === ctx.doc.field && m.first <= k && k <= m.last));
    if (!a.mentions.length) ctx.set.byId.delete(id);
  }
  ctx.cover[k] = undefined;
}

/** Original offset after `strip` surviving letters of token t. */
export function offsetAfter(src: string, t: Token, strip: number): number {
  let count = 0;
  for (let p = t.start; p < t.end; p++) {
    const c = src.charCodeAt(p);
    const dropped =
      (c >= 0x0610 && c <= 0x061a) ||
      (c >= 0x064b && c <= 0x065f) ||
      c === 0x0670 ||
      (c >= 0x06d6 && c <= 0x06ed) ||
      c === 0x0640 ||
      (c >= 0x200b && c <= 0x200f);
    if (dropped) continue;
    if (count === strip) return p;
    count++;
  }
  return t.start;
}

// ------------------------------------------------------------------ administrations

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

const EAST_ASIAN_FAMILY = set(
  'kim lee park choi jung kang cho yoon jang lim moon xi li wang zhang liu chen yang zhao huang zhou wu hu abe kishida',
);

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
        if (m.field === doc.field && m.last > m.first) {
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
      if (last.length >= 3 && /^[a-z]/.test(last) && !bySurname.has(last) && a.mentions.some((m) => m.field === doc.field))
        bySurname.set(last, a);
    }
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
        b !== a && set.byId.has(b.id) && (b.nameToks?.length ?? 0) > nt.length && b.nameToks!.slice(-nt.length).join(' ') === nt.join(' '),
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
