// Article-level discourse model for claim speakers (ADR 0016).
//
// The claim rules find a reporting construction; this module answers "who is that?" for the speaker phrase when
// it is not simply a name: an unnamed officer of a named body ("مسؤول أميركي", "a spokeswoman for X", "the interior
// minister of X"), a definite description that refers back to one ("المسؤول", "the official"), a document of a body
// ("بيان الخارجية", "a report by X"), or a pronoun/participle with only salience to go on. It keeps, per article,
// one record per discourse entity (actor or unnamed officer) with type, gender, number, role words and affiliation,
// and resolves against them by agreement first and salience second (recency, subject position, previous speaker).
// It returns `undefined` — refuses — when nothing fits or two different entities fit equally well: a missing claim
// costs less than a wrong speaker.
//
// The module depends only on the engine's data (Doc, ActorSet mentions, claims so far) through EngineView, not on
// either language's rules, so both languages' passes can use it (ADR 0015 layout: claims/shared ← this ← ar, en).

import { ROLE_START_WORDS, SPEAKER_PHRASE_STOP, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../lexicon/shared';
import { EN_OFFICER, EN_FEM_ROLE, EN_PHRASE_FINITE } from '../lexicon/en';
import { AR_OFFICER } from '../lexicon/ar';
import type { ActorAcc, ActorSet, MentionX } from '../actors/shared';
import { type ClaimX, type Ctx, pushClaim } from './shared';
import { tokenAt, type Doc } from '../doc';
import { AR_COMP, AR_STOP } from '../lexicon/ar';
import { EN_STOP_CAPS } from '../lexicon/en';

/** What the engine gives the discourse model and the attribution families (a narrow view of the claim context). */
export interface EngineView {
  doc: Doc;
  set: ActorSet;
  /** token → the longest mention covering it */
  mAt: (MentionX | undefined)[];
  claims: ClaimX[];
  /** the discourse model, built on first use (discourseOf) */
  discourse: Discourse | undefined;
  /** push a claim (the engine's trimming, de-duplication and offsets); returns it, or undefined when refused */
  push(
    rule: string,
    speaker: ActorAcc,
    speakerText: string,
    verb: string,
    kind: string,
    s: number,
    e: number,
    at: number,
  ): ClaimX | undefined;
}

/** The narrow view of a claim context that the discourse model and the attribution families use (one per context). */
export function viewOf(ctx: Ctx): EngineView {
  let v = ctx.view as EngineView | undefined;
  if (!v) {
    v = {
      discourse: undefined,
      doc: ctx.doc,
      set: ctx.set,
      mAt: ctx.mAt,
      claims: ctx.claims,
      push: (rule, sp, spText, verb, kind, s, e, at) => pushClaim(((ctx.rule = rule), ctx), sp, spText, verb, kind, s, e, at),
    };
    ctx.view = v;
  }
  return v!;
}

export type Gender = 'm' | 'f';
export type GNumber = 'sg' | 'du' | 'pl';

/** One discourse entity: a named actor, or an unnamed officer standing for the body it belongs to. */
export interface Entity {
  /** the actor the entity is attributed to: the actor itself, or an unnamed officer's affiliation (unknown: undefined) */
  actor: ActorAcc | undefined;
  /** true for an unnamed officer ("a US official"): its claims go to `actor`, the affiliation */
  unnamed: boolean;
  /** role words it was introduced with (folded, article stripped): وزير، متحدث، official, spokeswoman */
  roles: Set<string>;
  gender?: Gender;
  number: GNumber;
  /** offset of the introducing phrase */
  pos: number;
}

/** Role words with their own gender in Arabic: the ة form is feminine. */
function arRoleGender(w: string): Gender | undefined {
  return /ه$/.test(w) ? 'f' : 'm';
}

/** The actor covering token k when the mention starts there (locations excluded). */
export function mentionAt(v: EngineView, k: number): { actor: ActorAcc; m: MentionX } | undefined {
  // bounds first: callers ask past the last token ("the mention after this one"), and a read beyond the array's length
  // deoptimised unnamedOfficers (ADR 0022)
  if (k < 0 || k >= v.mAt.length) return undefined;
  const m = v.mAt[k];
  if (!m) return undefined;
  const a = v.set.byId.get(m.actorId);
  if (!a || a.type === 'location') return undefined;
  return { actor: a, m };
}

/**
 * The speaker named by the noun phrase that starts at token k (within the sentence, up to `maxToks` tokens):
 * a person named in it wins ("وزير المالية محمد معيط", "the bank's director, Paul Miller"); otherwise the body it
 * names ("المتحدث باسم منظمة أوبك" → OPEC, "a spokeswoman for X" → X, "the interior minister of X" → X). The phrase
 * must start with a name, a role or officer noun or a document noun; anything else is refused.
 */
export function speakerPhrase(
  v: EngineView,
  k: number,
  maxToks = 8,
): { actor: ActorAcc; start: number; end: number; last: number } | undefined {
  const { doc } = v;
  const toks = doc.toks;
  if (k >= toks.length) return undefined;
  const sent = doc.sentOf[k];
  const first = toks[k];
  const w0 = first.norm.replace(/^(و|ف)/, '');
  const lead = mentionAt(v, k);
  const opensWithRole =
    ROLE_START_WORDS.has(w0) ||
    ROLE_START_WORDS.has(w0.replace(/^ال/, '')) ||
    ROLE_START_WORDS.has(first.norm) ||
    /^(a|an|the)$/.test(first.norm);
  if (!lead && !opensWithRole) return undefined;
  let person: { actor: ActorAcc; m: MentionX } | undefined;
  let body: { actor: ActorAcc; m: MentionX } | undefined;
  let last = k;
  const end = Math.min(toks.length, k + maxToks);
  for (let r = k; r < end && doc.sentOf[r] === sent; r++) {
    if (r > k && toks[r].gap >= 3) break;
    // a clause or a second phrase begins: stop ("..., said X on Monday after ...")
    // session 6: "مسؤول في هيئة X" / "مصدر من الوزارة X": في/من right after an Arabic officer word introduces its body
    const officerPrep = r === k + 1 && /^(في|من)$/.test(toks[r].norm) && AR_OFFICER.has(w0);
    if (r > k && SPEAKER_PHRASE_STOP.has(toks[r].norm) && !officerPrep) break;
    const h = mentionAt(v, r);
    if (h) {
      if (h.actor.type === 'person') {
        person = h;
        last = h.m.last;
        break;
      }
      body ??= h;
      last = h.m.last;
      r = h.m.last;
      continue;
    }
    // a finite verb ends an English phrase ("a spokesman for X said ...")
    if (toks[r].script === 'latin' && r > k && EN_PHRASE_FINITE.has(toks[r].norm)) break;
  }
  const h = person ?? body;
  if (!h) return undefined;
  return { actor: h.actor, start: first.start, end: toks[last].end, last };
}

/**
 * The discourse model of one article: entities introduced up to a position, and resolution against them.
 * Built lazily (only for articles where a family asks), once per document.
 */
export class Discourse {
  private officers: Entity[] | undefined;
  constructor(private readonly v: EngineView) {}

  /** Unnamed officers introduced in the article ("مسؤول أميركي", "مصدر في وزارة الخارجية", "a US official", "a spokeswoman for X"). */
  unnamedOfficers(): Entity[] {
    if (this.officers) return this.officers;
    const out: Entity[] = [];
    const { doc } = this.v;
    const toks = doc.toks;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (this.v.mAt[k]) continue;
      if (t.script === 'arabic') {
        let w = t.norm.replace(/^(و|ف)/, '');
        // issue 11 round 5: the dual ("مصدران"، "مسؤولان") is a plural group of officers too — a later "المصادر" refers to it
        const dual = /^(مصدران|مسوولان|مسيولان)$/.test(w);
        if (dual) w = w === 'مصدران' ? 'مصادر' : 'مسوولين';
        else if (!AR_OFFICER.has(w)) continue;
        // "مسؤول أميركي" / "مسؤول في وزارة الخارجية" / "متحدث باسم الجيش" / "مسؤولون بالوزارة" — and no name right after
        let r = k + 1;
        if (r < toks.length && /^(في|ب|باسم|من|بوزاره|بالوزاره|لدي)$/.test(toks[r].norm) && doc.sentOf[r] === doc.sentOf[k]) r++;
        const h = r < toks.length && doc.sentOf[r] === doc.sentOf[k] ? mentionAt(this.v, r) : undefined;
        if (h && h.actor.type === 'person') continue;
        const after = h ? (mentionAt(this.v, h.m.last + 1) ?? mentionAt(this.v, h.m.last + 2)) : mentionAt(this.v, k + 1);
        if (after && after.actor.type === 'person') continue; // "المتحدث باسم الخارجية أحمد ..." — a named spokesman
        const plural = /(ون|ين)$/.test(w) || w === 'مصادر';
        // with no named body ("مسؤول عسكري"، "مصدر مطلع") the officer is still a discourse entity: a later "المسؤول"
        // refers to it, and since its body is unknown the claim is refused rather than given to a named person
        out.push({
          actor: h?.actor,
          unnamed: true,
          roles: new Set([w.replace(/(ه|ون|ين)$/, '').replace(/^مسيول/, 'مسوول')]),
          gender: plural ? undefined : arRoleGender(w),
          number: plural ? 'pl' : 'sg',
          pos: t.start,
        });
      } else if (t.script === 'latin') {
        const w = t.norm;
        if (!EN_OFFICER.has(w) || w === 'minister' || w === 'ministry') continue;
        const det = k > 0 ? toks[k - 1] : undefined;
        // "a US official", "an airline spokeswoman for X", "a spokesman for X", "officials at X"
        let aff: ActorAcc | undefined;
        if (k + 2 < toks.length && /^(for|at|of|with|from|in)$/.test(toks[k + 1].norm)) {
          let r = k + 2;
          if (toks[r].norm === 'the') r++;
          const h = mentionAt(this.v, r);
          if (h && h.actor.type !== 'person') aff = h.actor;
        }
        if (!aff && det) {
          const h = mentionAt(this.v, k - 1);
          if (h && h.actor.type !== 'person' && h.m.last === k - 1) aff = h.actor;
        }
        if (!aff) continue;
        // a name in apposition ("a spokeswoman for X, Maria Lopez,") makes it a named person, not an unnamed officer
        let named = false;
        for (let r = k + 1; r < Math.min(toks.length, k + 8) && doc.sentOf[r] === doc.sentOf[k]; r++) {
          const h = mentionAt(this.v, r);
          if (h && h.actor.type === 'person') {
            named = true;
            break;
          }
        }
        if (named) continue;
        const plural = /s$/.test(w) || w === 'spokespeople';
        out.push({
          actor: aff,
          unnamed: true,
          roles: new Set([w.replace(/s$/, '')]),
          gender: plural ? undefined : EN_FEM_ROLE.has(w) ? 'f' : /man$/.test(w) ? 'm' : undefined,
          number: plural ? 'pl' : 'sg',
          pos: t.start,
        });
      }
    }
    return (this.officers = out);
  }

  /**
   * A definite officer description at `pos` ("المسؤول", "المصدر", "the official"): the most recent unnamed officer
   * with that role, when it was introduced after any named person carrying the role. `null` means "an unnamed
   * officer is meant, but its body is unknown": refuse; `undefined` means "no opinion" (the engine's own resolution).
   */
  officerDescription(pos: number, role: string, namedRolePos: number, num?: GNumber): ActorAcc | null | undefined {
    let best: Entity | undefined;
    for (const e of this.unnamedOfficers()) {
      if (e.pos >= pos) break;
      if (e.roles.has(role) && (!num || e.number === num)) best = e;
    }
    if (!best) return undefined;
    if (Math.max(namedRolePos, this.namedRolePos(role, pos)) > best.pos) return undefined;
    return best.actor ?? null;
  }

  /**
   * issue 11 round 5: a definite officer noun with no name ("المصدر"، "المصادر"، "المسؤولون") as the subject of a reporting
   * verb. Folded word → the unnamed officer introduced earlier with that role and number ("مصادر فلسطينية … وذكرت
   * المصادر" → Palestine). `null`: an officer is meant but its body is unknown, or none was introduced — refuse;
   * `undefined`: not an officer description.
   */
  definiteOfficer(word: string, pos: number): ActorAcc | null | undefined {
    const m = /^[وف]?ال(مصدر|مصادر|مصدران|مصدرين|مسوول|مسوولون|مسوولين|مسوولان|مسيول|مسيولون|مسيولين)$/.exec(word);
    if (!m) return undefined;
    const w = m[1].replace(/^مسيول/, 'مسوول');
    const plural = /(ون|ين|ان)$/.test(w) || w === 'مصادر';
    const role = w === 'مصادر' ? 'مصادر' : w.replace(/(ون|ين|ان)$/, '');
    // the dual (المصدران) refers back to a plural or dual introduction; the model records both as plural
    const d = this.officerDescription(
      pos,
      role === 'مصدر' && plural ? 'مصادر' : role,
      this.namedRolePos(role, pos),
      plural ? 'pl' : undefined,
    );
    return d === undefined ? null : d;
  }

  /**
   * A short form of a person named earlier: token k (not a mention) equals the first or the last word of exactly
   * one person's multi-word mention before it ("لي" after "لي كه شيانغ", "Yeo" after "Tim Yeo"). Ambiguous: refuse.
   */
  shortName(k: number): ActorAcc | undefined {
    const { doc } = this.v;
    const toks = doc.toks;
    if (k >= toks.length || this.v.mAt[k]) return undefined;
    const w = toks[k].norm.replace(/^(و|ف)(?=..)/, '');
    // function words are never a short name, even when a name ends in one ("مون جاي إن" and the complementiser إن)
    if (w.length < 2 || AR_COMP.has(w) || AR_STOP.has(w) || EN_STOP_CAPS.has(w)) return undefined;
    let found: ActorAcc | undefined;
    for (const a of this.v.set.byId.values()) {
      if (a.type !== 'person') continue;
      for (const m of a.mentions) {
        if (m.field !== doc.field || m.start >= toks[k].start) continue;
        // (session 7: also a one-word mention repeated as it stands — "ولي الله سيف" left the person as "سيف", and "وأوضح
        // سيف" names them again; the lookup is only asked right after a reporting verb)
        if (m.last === m.first && (toks[m.first].norm.replace(/^(و|ف)(?=..)/, '') !== w || w.length < 3)) continue;
        if (toks[m.first].norm === w || toks[m.last].norm === w) {
          if (found && found !== a) return undefined;
          found = a;
          break;
        }
      }
    }
    return found;
  }

  /**
   * The person last introduced with this nationality ("نظيره الإيراني عباس عراقجي", "Iranian Foreign Minister Abbas
   * Araghchi"): a later title phrase with the same nationality and no name ("نظيره الإيراني") refers to them.
   */
  personOfNationality(country: ActorAcc, pos: number): ActorAcc | undefined {
    let best: { a: ActorAcc; at: number } | undefined;
    for (const m of country.mentions) {
      if (m.field !== this.v.doc.field || m.start >= pos) continue;
      const h = mentionAt(this.v, m.last + 1);
      if (h && h.actor.type === 'person' && (!best || m.start > best.at)) best = { a: h.actor, at: m.start };
    }
    return best?.a;
  }

  /** Offset of the last role word before `pos` that introduces a named person ("المسؤول الحكومي عمر فايد"), or -1. */
  private namedRolePos(role: string, pos: number): number {
    const { doc } = this.v;
    const toks = doc.toks;
    let found = -1;
    for (let k = 0; k < toks.length && toks[k].start < pos; k++) {
      if (toks[k].norm.replace(/^(و|ف)?(ال)?/, '') !== role) continue;
      for (let r = k + 1; r <= k + 3 && r < toks.length && doc.sentOf[r] === doc.sentOf[k]; r++) {
        const h = mentionAt(this.v, r);
        if (h) {
          if (h.actor.type === 'person') found = toks[k].start;
          break;
        }
      }
    }
    return found;
  }

  /**
   * Salience-ranked speaker for a subject-less reporting verb or a participle at token k: the previous speaker if
   * it agrees, else the subject of the sentence, else the most recent agreeing actor of the last two sentences.
   * Agreement: gender (when the verb marks it and the actor's is known), type (a person pronoun never resolves to a
   * body), number. Refuses when nothing agrees.
   */
  salientSpeaker(k: number, want: { gender?: Gender; person?: boolean; number?: GNumber }): ActorAcc | undefined {
    const { doc } = this.v;
    const toks = doc.toks;
    const pos = toks[k]?.start ?? doc.src.length;
    const sent = doc.sentOf[k];
    const agrees = (a: ActorAcc): boolean => {
      if (a.type === 'location') return false;
      if (want.person === true && a.type !== 'person') return false;
      if (want.person === false && a.type === 'person') return false;
      if (want.gender && a.type === 'person' && a.gender && a.gender !== want.gender) return false;
      if (want.gender === 'f' && a.type === 'person' && !a.gender) return false;
      if (want.number === 'pl' && a.type === 'person') return false;
      return true;
    };
    // previous speaker, in this or the previous two sentences
    let prev: ClaimX | undefined;
    for (let i = this.v.claims.length - 1, lim = 0; i >= 0 && lim < 30; i--, lim++) {
      const c = this.v.claims[i];
      if (c.at < k && (!prev || c.at > prev.at)) prev = c;
    }
    if (prev && sent - doc.sentOf[prev.at] <= 2 && prev.speaker.actorId) {
      const a = this.v.set.byId.get(prev.speaker.actorId);
      if (a && agrees(a)) return a;
    }
    // subject position: the first agreeing actor of this sentence, not inside a prepositional phrase or a quotation
    const st = doc.sents[sent];
    if (st) {
      for (let r = tokenAt(doc, st.start); r < toks.length && toks[r].start < pos; r++) {
        if (doc.sentOf[r] !== sent) {
          if (doc.sentOf[r] > sent) break;
          continue;
        }
        const h = mentionAt(this.v, r);
        if (!h || doc.quoteOf[r] >= 0) continue;
        const pv = r > 0 ? toks[r - 1].norm : '';
        if (/^(في|من|علي|عن|مع|الي|لدي|عبر|امام|بين|باسم|in|of|to|for|with|from|at|by|on)$/.test(pv)) {
          r = h.m.last;
          continue;
        }
        if (agrees(h.actor)) return h.actor;
        r = h.m.last;
      }
    }
    return undefined;
  }
}

/** The discourse model of a document (one per claim context, built on first use). */
export function discourseOf(v: EngineView): Discourse {
  return (v.discourse ??= new Discourse(v));
}

/**
 * Give named persons without a known gender the gender of their first name (English canonical name first, then
 * the first token of each mention). Called once per document before the claim rules (ADR 0016 hook).
 */
const KB_NAME_GENDER = new Map<string, Gender | null>();
export function inferGenders(v: EngineView): void {
  for (const a of v.set.byId.values()) {
    if (a.type !== 'person' || a.gender) continue;
    let g = a.source === 'kb' ? KB_NAME_GENDER.get(a.name) : undefined;
    if (g === undefined) {
      const first = (a.name.split(/\s+/)[0] ?? '').toLowerCase().replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
      g = FEMALE_FIRST_NAMES.has(first) ? 'f' : MALE_FIRST_NAMES.has(first) ? 'm' : null;
      if (a.source === 'kb') KB_NAME_GENDER.set(a.name, g); // KB names recur in every article: computed once
    }
    if (g === null) {
      for (const m of a.mentions) {
        if (m.field !== v.doc.field || m.last <= m.first) continue; // a bare surname says nothing
        const w = v.doc.toks[m.first].norm;
        g = FEMALE_FIRST_NAMES.has(w) ? 'f' : MALE_FIRST_NAMES.has(w) ? 'm' : null;
        if (g) break;
      }
    }
    if (g) a.gender = g;
  }
}
