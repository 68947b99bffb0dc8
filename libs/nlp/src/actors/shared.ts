// Actor extraction, shared by both languages: the mention/actor records, the actor set, rule-actor ids, the
// extraction context, KB (gazetteer) actors and the helpers the language rules use to add an actor.

import type { ActorType, KbActor } from '@marsad/contracts';
import { ID_PREFIX_BY_TYPE } from '@marsad/kb';
import type { Doc } from '../doc';
import { Gazetteer } from '../gazetteer';
import { AR_VERBS } from '../lexicon/ar';
import { EN_MONTHS_DAYS } from '../lexicon/en';
import { CAPITALS, LOCATIVE_PREPS } from '../lexicon/shared';
import { foldText } from '../text';
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
  /** ISO code of a KB person's country (KB `country`), for "the French president" (claims/en) */
  country?: string;
}

export class ActorSet {
  readonly byId = new Map<string, ActorAcc>();
  add(id: string, name: string, type: ActorType, source: 'kb' | 'rule'): ActorAcc {
    let a = this.byId.get(id);
    // every field initialised: one hidden class for all actors, so the rule/claim passes that read
    // gender/nameToks stay monomorphic (adding them later made V8 deopt and recompile those passes)
    if (!a) {
      a = { id, name, type, source, mentions: [], gender: undefined, nameToks: undefined, country: undefined };
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
  return `${(ID_PREFIX_BY_TYPE as Record<string, string>)[type] ?? 'other'}:${slugOf(name)}`;
}

export interface ExtractCtx {
  doc: Doc;
  gaz: Gazetteer;
  set: ActorSet;
  /** token → actor id covering it (body) */
  cover: (string | undefined)[];
  lang: string;
}

/** KB matches over a document; returns the token coverage. */
/** ISO 3166 codes of dependent territories (not sovereign states) the KB lists as countries. */
const TERRITORIES = new Set(
  'HK MO GU AS PR VI MP GL FO GI BM KY TC VG AI MS FK SH PN GS IO AW CW SX BQ NC PF WF PM YT RE GP MQ GF BL MF TK NU CK NF CX CC HM UM AX SJ BV TF IM JE GG'
    .split(' ')
    .map((c) => `country:${c}`),
);

/** Legal forms written after a company name (Latin script, all capitals in the text). */
const LEGAL_FORMS = new Set(['asa', 'ag', 'se', 'sa', 'nv', 'plc', 'ab', 'oyj', 'spa', 'gmbh', 'bv', 'kk']);

export function kbActors(doc: Doc, gaz: Gazetteer, set: ActorSet, cover: (string | undefined)[]): void {
  const ms = gaz.match(doc.src, doc.toks, doc.sentStart);
  // last token of the latest capital taken as a place: a capital coordinated with it is a place too
  let lastPlace = -2;
  for (const m of ms) {
    const kb = gaz.actors.get(m.actorId) as KbActor | undefined;
    if (!kb) continue;
    // issue 11 (cues): dependent territories are places in the guidelines (Hong Kong, Macau, Guam), not states
    if (kb.type === 'country' && TERRITORIES.has(kb.id)) {
      const loc = set.add(ruleActorId('location', kb.name), kb.name, 'location', 'rule');
      set.mention(loc, { start: m.start, end: m.end, first: m.first, last: m.last, field: doc.field });
      for (let k = m.first; k <= m.last; k++) cover[k] = loc.id;
      continue;
    }
    // issue 11 (round 6): "a Brussels-based lobby group" names a place whatever the KB takes the word for (the EU)
    if (kb.type !== 'country' && kb.type !== 'person' && /^[-\u2010\u2011]based\b/i.test(doc.src.slice(m.end, m.end + 7))) {
      for (let k = m.first; k <= m.last; k++) cover[k] = 'skip:place';
      continue;
    }
    // session 6 (enclaims): a company's legal form after its name ("Halvorsen Foods ASA", "Kolvar AG", "Brint SE") is
    // not the body the KB knows by those letters (Advertising Standards Authority)
    if (m.first === m.last && m.first > 0 && kb.type !== 'country' && kb.type !== 'person') {
      const t = doc.toks[m.first];
      const pt = doc.toks[m.first - 1];
      if (
        t.caps === 2 &&
        t.gap === 0 &&
        pt.caps > 0 &&
        LEGAL_FORMS.has(t.norm) &&
        pt.script === 'latin' &&
        !doc.sentStart[m.first - 1] &&
        !/^(the|a|an|by|for|of)$/.test(pt.norm)
      ) {
        cover[m.first] = 'skip:legal-form';
        continue;
      }
    }
    if (kb.type === 'country' && m.first === m.last) {
      // a capital used as a place ("in Moscow", "في موسكو", "بموسكو") is a location, not the state
      const t = doc.toks[m.first];
      const stripped = m.start > t.start ? doc.src.slice(t.start, m.start) : '';
      const prev = m.first > 0 ? doc.toks[m.first - 1] : undefined;
      const locative =
        /^[وف]?[ب]$/.test(stripped) ||
        /^[وف]?(الي|لل)$/.test(stripped) ||
        (prev && LOCATIVE_PREPS.has(prev.norm) && t.gap <= 1) ||
        placeUse(doc, m, stripped, lastPlace);
      // the capital test folds the mention text: only worth it after a locative
      if (locative && (CAPITALS.has(foldText(doc.src.slice(m.start, m.end))) || CAPITALS.has(t.norm) || datelineAt(doc, m))) {
        lastPlace = m.last;
        const name = doc.src.slice(m.start, m.end);
        const loc = set.add(ruleActorId('location', kb.name + ' ' + name), name, 'location', 'rule');
        set.mention(loc, { start: m.start, end: m.end, first: m.first, last: m.last, field: doc.field });
        for (let k = m.first; k <= m.last; k++) cover[k] = loc.id;
        continue;
      }
    }
    // issue 11 (aractors2): «X» quoted whole right after a bare ل (قال لـ«الرياض»، صرح لـ"الوطن") is the outlet spoken
    // to, not the state or city: quotes around a state's name after ل mark a newspaper's or a channel's title
    if (kb.type === 'country' && m.first > 0 && doc.toks[m.first].script === 'arabic' && quotedAfterLam(doc, m)) {
      const name = doc.src.slice(m.start, m.end);
      const org = set.add(ruleActorId('organization', name), name, 'organization', 'rule');
      set.mention(org, { start: m.start, end: m.end, first: m.first, last: m.last, field: doc.field });
      for (let k = m.first; k <= m.last; k++) cover[k] = org.id;
      continue;
    }
    const a = set.add(kb.id, kb.name, kb.type, 'kb');
    if (kb.country && kb.type === 'person') a.country = kb.country;
    set.mention(a, { start: m.start, end: m.end, first: m.first, last: m.last, field: doc.field });
    for (let k = m.first; k <= m.last; k++) cover[k] = kb.id;
  }
}

/** The match is the whole of a quotation that follows a lone ل (لـ«الرياض»): opening quote before it, closing after. */
function quotedAfterLam(doc: Doc, m: { start: number; end: number; first: number; last: number }): boolean {
  const toks = doc.toks;
  const t = toks[m.first];
  if (m.start !== t.start || toks[m.first - 1].norm !== 'ل' || !/^\u0640?["«\u201C]$/.test(t.sep)) return false;
  const nx = m.last + 1 < toks.length ? toks[m.last + 1] : undefined;
  if (!(nx && /^["»\u201D]/.test(nx.sep) && toks[m.last].end === m.end)) return false;
  // spoken to: a reporting verb or a statement noun shortly before (not "دعما لـ«مصر»", support for the state)
  for (let k = m.first - 2; k >= 0 && k >= m.first - 5; k--) {
    if (toks[k + 1].gap > 1 || doc.sentStart[k + 1]) break;
    const w = toks[k].norm;
    const s = w.length > 3 && (w[0] === 'و' || w[0] === 'ف') ? w.slice(1) : w;
    if (AR_VERBS.has(w) || AR_VERBS.has(s) || AR_STATEMENT_NOUNS.has(s)) return true;
  }
  return false;
}

/** Statement nouns (folded) before "لـ«X»": an interview or a statement given to an outlet. */
const AR_STATEMENT_NOUNS = new Set('تصريح تصريحات تصريحه تصريحها حديث حديثه حديثها مقابله بيان مصدر مصادر مسوول مسؤول'.split(' '));

/** Arabic local-government nouns (folded): governor, governorate, region, emirate, municipality, security directorate. */
const AR_LOCAL_HEADS = new Set(
  'محافظ المحافظ محافظه منطقه اماره امين امانه بلديه امن مباحث مديريه نيابه شرطه مرور حي احياء ضواحي وسط شوارع سكان اهالي'.split(' '),
);
const CONJ = new Set(['and', 'or', 'و', 'او']);
const NEW_CITY_PREPS = new Set(['in', 'at', 'to', 'into', 'via', 'visiting', 'visit', 'near']);
const EN_NOT_CITY = new Set(['the', 'congress', 'parliament', 'court', 'office', 'government']);
const COMMA = /^\s*[,\u060c]\s*$/;

/** issue 11 (places): other place uses of a one-token capital match, both languages.
 * - a conjunct of a capital already taken as a place: "flew to London and Paris", "in London, Paris and Rome", "في
 *   لندن وباريس" (the list is the locative's object; "Paris and Berlin said" has no locative and stays the states);
 *   after a comma only inside a list that goes on ("after talks in Moscow, Washington said" is a new clause);
 * - "X-based" ("a Moscow-based company");
 * - a capital before a lower-case place noun ("a London street", "Tehran airport", "the Moscow suburbs");
 * - a dateline: the body's first token followed by a dash or "(" ("MOSCOW (Reuters) -", "القاهرة - مصراوي:"). */
function placeUse(doc: Doc, m: { start: number; end: number; first: number; last: number }, stripped: string, lastPlace: number): boolean {
  const toks = doc.toks;
  const t = toks[m.first];
  if (lastPlace >= 0 && !doc.sentStart[m.first]) {
    // glued و: "وباريس" (the match starts after the proclitic, right after the previous place)
    if (stripped === 'و' && lastPlace === m.first - 1 && t.gap <= 1) return true;
    const p = toks[m.first - 1];
    if (!stripped && CONJ.has(p.norm) && lastPlace === m.first - 2 && t.gap <= 1 && p.gap <= 1) return true;
    if (!stripped && lastPlace === m.first - 1 && t.gap === 2 && COMMA.test(t.sep) && m.last + 1 < toks.length) {
      const n = toks[m.last + 1];
      if ((n.gap === 2 && COMMA.test(n.sep)) || (CONJ.has(n.norm) && n.gap <= 1)) return true;
    }
  }
  // "in Geneva and Moscow", "to New York or Washington": a city the KB does not know after a place preposition
  // (not "from": "criticism from Brussels and Moscow" is the states), then and/or, then the capital
  if (!stripped && m.first >= 3 && t.script === 'latin' && t.gap === 0 && CONJ.has(toks[m.first - 1].norm) && toks[m.first - 1].gap === 0) {
    let k = m.first - 2;
    if (toks[k].caps > 0 && toks[k].gap === 0 && k > 1 && toks[k - 1].caps > 0) k--; // two-word city
    const pre = toks[k - 1];
    let city = k < m.first - 1 && toks[k].gap === 0;
    for (let x = k; x <= m.first - 2 && city; x++)
      city = toks[x].caps > 0 && toks[x].script === 'latin' && !EN_MONTHS_DAYS.has(toks[x].norm) && !EN_NOT_CITY.has(toks[x].norm);
    if (city && pre.caps === 0 && NEW_CITY_PREPS.has(pre.norm)) return true;
  }
  // issue 11 (aractors2): a capital after a local-government noun in construct names the city or province (محافظ
  // القاهرة، أمير منطقة الرياض، مدير أمن القاهرة), not the state
  if (!stripped && m.first >= 1 && t.script === 'arabic' && t.gap <= 1 && AR_LOCAL_HEADS.has(toks[m.first - 1].norm)) return true;
  // "العاصمة البريطانية لندن": the capital noun, the state's adjective, then the city
  if (m.first >= 2 && !stripped && toks[m.first - 2].norm === 'العاصمه' && t.gap === 0 && toks[m.first - 1].gap === 0) return true;
  const after = doc.src.slice(m.end, m.end + 8);
  if (/^[-\u2010\u2011]based\b/i.test(after)) return true;
  if (m.last + 1 < toks.length) {
    const n = toks[m.last + 1];
    if (n.gap === 0 && n.caps === 0 && EN_PLACE_NOUNS.has(n.norm)) return true;
  }
  return datelineAt(doc, m);
}

/** The match opens the body and a dash or "(" follows it: a dateline names a city (or a city-state) as a place. */
function datelineAt(doc: Doc, m: { end: number; first: number }): boolean {
  if (m.first !== 0 || doc.field !== 'body') return false;
  return /^\s*(?:[-\u2013\u2014(]|,\s*\p{Lu}{3})/u.test(doc.src.slice(m.end, m.end + 12));
}

/** Lower-case nouns after a capital that make it an attribute of a place: "a London street", "Tehran airport". */
const EN_PLACE_NOUNS = new Set(
  'street streets suburb suburbs airport hotel district districts neighbourhood neighborhood residents resident hospital prison marathon flat apartment square skyline'.split(
    ' ',
  ),
);

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
  // issue 11 (cues): a country matched inside a person's name (a family name that is also a nisba) is not the country
  if (type === 'person') for (let k = first; k <= last; k++) if (cover[k] && set.byId.get(cover[k]!)?.type === 'country') uncover(ctx, k);
  const a = set.add(id, name, type, 'rule');
  set.mention(a, { start: start ?? doc.toks[first].start, end: end ?? doc.toks[last].end, first, last, field: doc.field });
  for (let k = first; k <= last; k++) if (!cover[k]) cover[k] = id;
  return a;
}

/** Remove the mention covering token k (its actor goes if it has no mention left). */
export function uncover(ctx: ExtractCtx, k: number): void {
  const id = ctx.cover[k];
  if (!id) return;
  const a = ctx.set.byId.get(id);
  if (a) {
    a.mentions = a.mentions.filter((m) => !(m.field === ctx.doc.field && m.first <= k && k <= m.last));
    if (!a.mentions.length) ctx.set.byId.delete(id);
  }
  ctx.cover[k] = undefined;
}

export { offsetAfter } from '../gazetteer';
