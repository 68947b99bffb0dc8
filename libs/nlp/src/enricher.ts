// The engine: RawArticle → EnrichedDraft. Pure, synchronous, no I/O.

import { articleIdFromUrl, SCHEMA_VERSION, type Actor, type Claim, type KbActor, type RawArticle } from '@marsad/contracts';
import type { EnrichedDraft } from './api';
import {
  ActorSet,
  acronymDefinitions,
  administrations,
  arabicLexiconPersons,
  creditTokens,
  isPlatformUse,
  productOrPlatformUse,
  arabicRuleActors,
  arAmbiguousAliases,
  arInstitutionNames,
  arKbInsideNames,
  arFamilyNames,
  arHonorificNames,
  arHonorificPersons,
  arShortBodyNames,
  arPatronymicChains,
  arOutletSpokenTo,
  arBracketShortNames,
  arCorporateHeadVariants,
  arKbBodyNisba,
  arTitleGovernments,
  kbActors,
  latinRuleActors,
  linkSurnames,
  type ActorAcc,
  type ExtractCtx,
} from './actors';
import { extractClaims, type ClaimX } from './claims';
import { sketchArticle } from './dedup';
import { prepare, type Doc } from './doc';
import { Gazetteer } from './gazetteer';
import { detectLanguage } from './langid';
import { foldText, normalizeForSearch, type Folded } from './text';

/** Bump when extraction output changes for the same input (reprocessing uses it). */
export const ENRICHMENT_VERSION = 'nlp-1.0.0';

/** The part of the knowledge base the engine needs (libs/kb's KnowledgeBase satisfies it). */
export interface KnowledgeBaseLike {
  actors(): KbActor[];
  readonly version: number | string;
}

export interface EnricherOptions {
  /** Also extract actors/claims from the title (mentions carry field: "title"). Default true. */
  title?: boolean;
}

const CLAIM_LANGS: Record<string, string> = { ar: 'ar-rules-v1', en: 'en-rules-v1' };
const hasOwn = Object.prototype.hasOwnProperty;

export class Enricher {
  private gaz: Gazetteer;
  private kbVersion: number | string;

  constructor(
    private readonly kb: KnowledgeBaseLike,
    private readonly opts: EnricherOptions = {},
  ) {
    this.gaz = new Gazetteer(kb.actors());
    this.kbVersion = kb.version;
  }

  /** The gazetteer, rebuilt when the KB version changed (runtime KB edits). */
  gazetteer(): Gazetteer {
    if (this.kb.version !== this.kbVersion) {
      this.gaz = new Gazetteer(this.kb.actors());
      this.kbVersion = this.kb.version;
    }
    return this.gaz;
  }

  enrich(raw: RawArticle, opts: { now?: Date } = {}): EnrichedDraft {
    const gaz = this.gazetteer();
    const body = typeof raw.body === 'string' ? raw.body : '';
    const title = typeof raw.title === 'string' ? raw.title : undefined;
    const id = raw.id ?? articleIdFromUrl(raw.url);
    // detectLanguage reads the first 1,200 chars only: do not build (and flatten) title + whole body
    const det = detectLanguage(`${title ?? ''}\n${body.slice(0, 1200)}`, raw.language);
    const lang = det.code;
    const extractor = CLAIM_LANGS[lang] ?? (det.code === 'und' ? 'none' : 'gazetteer-only');

    const set = new ActorSet();
    const bodyDoc = prepare(body, 'body', title);
    const mix = bodyDoc.f; // script mix counted while folding
    runActors(bodyDoc, gaz, set, lang, mix);
    const claims = extractClaims(bodyDoc, set, lang, mix);
    let tClaims: ClaimX[] = [];
    let tDocF: Folded | undefined;
    if (this.opts.title !== false && title) {
      const tDoc = prepare(title, 'title');
      tDocF = tDoc.f;
      const tSet = new ActorSet();
      runActors(tDoc, gaz, tSet, lang, tDoc.f);
      // merge title mentions into body actors (same id, or a body person with that surname), or add title-only actors
      const bySurname = new Map<string, ActorAcc>();
      for (const b of set.byId.values())
        if (b.type === 'person') {
          const sn = foldText(b.name.split(/\s+/).pop() ?? '');
          if (sn && !bySurname.has(sn)) bySurname.set(sn, b);
        }
      for (const a of tSet.byId.values()) {
        const link =
          a.source === 'rule' && !set.byId.has(a.id) && !/\s/.test(a.name.trim()) ? bySurname.get(foldText(a.name.trim())) : undefined;
        const b = link ?? set.byId.get(a.id) ?? set.add(a.id, a.name, a.type, a.source);
        for (const m of a.mentions) set.mention(b, m);
      }
      // kept apart and marked when building outClaims, not as { ...c, field }: a second claim shape deoptimised enrich
      tClaims = extractClaims(tDoc, set, lang, tDoc.f);
    }
    const tFold = tDocF?.text;
    const actors = buildActors(set, body, title ?? '');
    const outClaims: Claim[] = [];
    for (const c of claims) outClaims.push(outClaim(c, false));
    for (const c of tClaims) outClaims.push(outClaim(c, true));
    // loops, not .map/.filter chains: their result arrays vary in elements kind (empty or not), which deoptimised enrich
    const types = new Set<string>();
    for (const a of actors) types.add(a.type);
    const speakerIds = new Set<string>();
    for (const c of outClaims) {
      const x = c.speaker.actorId;
      if (x) speakerIds.add(x);
    }
    const now = opts.now ?? new Date();
    // A copy of raw, then the keys stored one by one: the same keys in the same order as the literal
    // `{ ...raw, schemaVersion, ... }`, which cost ~17 µs per article (V8 copied raw and added each key
    // on a slow path) against ~0.1 µs. Object.assign [[Set]]s, so a raw own "__proto__" key (JSON.parse
    // keeps one) would change the prototype instead of being copied: such a raw is spread.
    const out = (hasOwn.call(raw, '__proto__') ? { ...raw } : Object.assign({}, raw)) as Record<string, unknown>;
    out.schemaVersion = SCHEMA_VERSION;
    out.id = id;
    out.language = lang;
    out.languageDetection = { code: lang, confidence: det.confidence, extractor };
    out.actors = actors;
    out.claims = outClaims;
    out.dedup = sketchArticle(title, body, tFold, bodyDoc.f.text);
    out.enrichedAt = isoString(now);
    out.enrichmentVersion = ENRICHMENT_VERSION;
    out.titleNormalized = title ? normalizeForSearch(title, tDocF) : '';
    out.bodyNormalized = normalizeForSearch(body, bodyDoc.f);
    out.actorIds = actors.map((a) => a.id);
    out.actorNames = actors.map((a) => a.name);
    out.actorTypes = [...types];
    out.claimSpeakerIds = [...speakerIds];
    return out as unknown as EnrichedDraft;
  }
}

function outClaim(c: ClaimX, inTitle: boolean): Claim {
  const o: Claim = {
    speaker: c.speaker,
    verb: c.verb,
    kind: c.kind,
    text: c.text,
    start: c.start,
    end: c.end,
    quoted: c.quoted,
    actorIds: c.actorIds,
    rule: c.rule,
  };
  if (inTitle) o.field = 'title';
  return o;
}

// Date#toISOString is costly next to a ~1 ms enrichment; articles enriched in the same millisecond share the string
let lastMs = NaN;
let lastIso = '';
function isoString(d: Date): string {
  const ms = d.getTime();
  if (ms !== lastMs) {
    lastIso = d.toISOString();
    lastMs = ms;
  }
  return lastIso;
}

function runActors(doc: Doc, gaz: Gazetteer, set: ActorSet, lang: string, mix: { arabic: number; latin: number }): void {
  const cover: (string | undefined)[] = new Array(doc.toks.length);
  kbActors(doc, gaz, set, cover);
  // mentions inside a dateline ("دبي، الإمارات العربية المتحدة (CNN)--") are places and bylines, not actors
  const dateline = doc.skip.find((x) => x.reason === 'dateline');
  if (dateline) {
    for (const a of [...set.byId.values()]) {
      // issue 11: in English the outlet in a dateline's brackets is an actor ("NEW DELHI (AP) —", GOLD-GUIDELINES)
      const outlet = (m: { start: number }) =>
        lang === 'en' && a.type === 'organization' && /\(\s*$/.test(doc.src.slice(Math.max(0, m.start - 2), m.start));
      const keep = a.mentions.filter((m) => m.field !== doc.field || m.end > dateline.end || outlet(m));
      if (keep.length !== a.mentions.length) {
        for (const m of a.mentions)
          if (m.field === doc.field && m.end <= dateline.end && !outlet(m))
            for (let k = m.first; k <= m.last; k++) cover[k] = 'skip:dateline';
        a.mentions = keep;
        if (!keep.length) set.byId.delete(a.id);
      }
    }
  }
  // issue 11: names in photo credits and contributor lines are not actors (actors/credits.ts)
  const credit = creditTokens(doc);
  if (credit.size) {
    for (const a of [...set.byId.values()]) {
      const keep = a.mentions.filter((m) => m.field !== doc.field || !credit.has(m.first));
      if (keep.length === a.mentions.length) continue;
      a.mentions = keep;
      if (!keep.length) set.byId.delete(a.id);
    }
    for (const k of credit) cover[k] = 'skip:credit';
  }
  // an organisation reached "on"/"via" (على تويتر، عبر فيسبوك، on Twitter) is a platform used as a place
  for (const a of [...set.byId.values()]) {
    if (a.type !== 'organization') continue;
    const keep = a.mentions.filter((m) => {
      if (m.field !== doc.field || m.first === 0) return true;
      const pv = doc.toks[m.first - 1].norm;
      // issue 11 (actors/cues.ts): a definite body after على is acted upon (الضغط على الكونغرس), not a platform
      if (productOrPlatformUse(doc, a.id, m)) {
        for (let k = m.first; k <= m.last; k++) cover[k] = 'skip:product'; // "بوينغ 777", "موقع فيسبوك": a product or a site
        return false;
      }
      return !isPlatformUse(pv, foldText(doc.src.slice(m.start, m.end)).startsWith('ال')) || doc.toks[m.first].gap > 1;
    });
    if (keep.length !== a.mentions.length) {
      a.mentions = keep;
      if (!keep.length) set.byId.delete(a.id);
    }
  }
  const ctx: ExtractCtx = { doc, gaz, set, cover, lang };
  if (mix.arabic > 0) {
    arKbInsideNames(ctx); // issue 11: KB matches inside another name (ألباريس، مجموعة بن لادن) and عمان/Amman (actors/ar/inside-names.ts)
    arAmbiguousAliases(ctx); // issue 11: one-word KB aliases that are common words need a name context (actors/ar/ambiguous.ts)
    arTitleGovernments(ctx); // issue 11: "رئيس الحكومة الإيطالية" is a title; the nisba is the country (actors/cues.ts)
    arInstitutionNames(ctx); // issue 11: الهيئة العامة للإحصاء، وزارة البيئة والمياه (actors/ar/institutions.ts)
    arOutletSpokenTo(ctx); // issue 11 (session 6): قال … لـ«X»: the outlet spoken to (actors/ar/outlets.ts)
    arabicRuleActors(ctx);
    arabicLexiconPersons(ctx); // issue 11: persons named with no title cue (actors/ar/given-names.ts)
    arHonorificPersons(ctx); // issue 11: الملا X (actors/ar/given-names.ts)
    arPatronymicChains(ctx); // issue 11 (session 6): X بن Y بن Z الفيصل is one person (actors/ar/patronymic.ts)
    arFamilyNames(ctx); // issue 11: a family name آل X after a person's name belongs to it (actors/cues.ts)
    arShortBodyNames(ctx); // issue 11: وزارة الخارجية = the one body of the article it is a short form of (actors/link.ts)
    arCorporateHeadVariants(ctx); // session 7: شركة X = مجموعة X (actors/link.ts)
    arBracketShortNames(ctx); // issue 11 (session 6): FULL NAME (SHORT) is one body (actors/ar/outlets.ts)
    arKbBodyNisba(ctx); // issue 11 (session 6): الحكومة المصرية also names Egypt (actors/ar/nisba.ts)
  }
  if (mix.latin > 0) latinRuleActors(ctx);
  acronymDefinitions(ctx); // issue 11: "Full Name (ABC)" (actors/cues.ts)
  linkSurnames(ctx);
  if (mix.arabic > 0) arHonorificNames(ctx); // issue 11: الملا عمر — an honorific that is part of the name (actors/cues.ts)
  administrations(ctx);
}

function buildActors(set: ActorSet, body: string, title: string): Actor[] {
  const bodyLen = body.length;
  const out: Actor[] = [];
  for (const a of set.byId.values()) {
    if (!a.mentions.length) continue;
    const ms = [...a.mentions].sort((x, y) => (x.field === y.field ? x.start - y.start : x.field === 'title' ? -1 : 1));
    const bodyMs = ms.filter((m) => m.field === 'body');
    const mentions = ms.map((m) => {
      const o: { text: string; start: number; end: number; field?: 'title' | 'body' } = {
        text: (m.field === 'title' ? title : body).slice(m.start, m.end),
        start: m.start,
        end: m.end,
      };
      if (m.field === 'title') o.field = 'title';
      return o;
    });
    out.push({
      id: a.id,
      name: a.name,
      type: a.type,
      mentions,
      count: bodyMs.length,
      salience: salience(a, bodyMs, bodyLen, ms.length - bodyMs.length),
      source: a.source,
    });
  }
  out.sort((x, y) => (y.salience ?? 0) - (x.salience ?? 0) || x.id.localeCompare(y.id));
  return out;
}

function salience(a: ActorAcc, bodyMs: { start: number }[], bodyLen: number, titleCount: number): number {
  const count = bodyMs.length;
  const firstPos = bodyMs.length ? bodyMs[0].start / Math.max(1, bodyLen) : 1;
  const s = Math.min(1, 0.15 * Math.log2(1 + count) + 0.35 * (1 - firstPos) + (titleCount ? 0.3 : 0) + (a.type === 'location' ? -0.1 : 0));
  return Math.round(Math.max(0, s) * 1000) / 1000;
}
