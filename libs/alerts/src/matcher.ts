import type { EnrichedArticle, Watch } from '@marsad/contracts';
import { CompiledQuery, DocumentText } from './query';
import { normalizeText } from './text';

export interface MatchedActor {
  id: string;
  name: string;
  mentions: number;
}

export interface Match {
  watch: Watch;
  actors: MatchedActor[];
  terms: string[];
}

interface Entry {
  id: string;
  watch: Watch;
  /** Actor keys: canonical ids, plus `name:<normalised>` for every name the operator typed. */
  actorKeys: Set<string>;
  /** actorKeys.size > 0, as a plain field (read for every candidate: no load of the Set). */
  hasActors: boolean;
  minMentions: number;
  query?: CompiledQuery;
  languages?: Set<string>;
  sources?: string[];
  /** `sources` without a leading `www.`, and as `.<bare>` suffixes (sub-domains), precomputed. */
  sourcesBare?: string[];
  sourcesDot?: string[];
  /** Index keys this entry was filed under, to unfile it on update. */
  filed: Array<['actor' | 'term' | 'prefix', string]>;
  unanchored: boolean;
  /** The match() call that last collected this entry as a candidate (de-duplication without a Set). */
  mark: number;
  /** Rank of the id among all entries (output order), recomputed after changes. */
  rank: number;
  /** The match() call whose article actors were collected in `actorHits`. */
  actorMark: number;
  /** The article actor (per-call serial) last noted in `actorHits`: another key of the same actor is skipped. */
  actorSerial: number;
  actorHits: MatchedActor[];
  /** Whether the entry passed the language filter in the call `mark` (valid when mark = epoch). */
  ok: boolean;
  /** Matched terms of the current call (set for matches only). */
  terms: string[];
}

/** An index bucket; `mark` de-duplicates keys of one article actor that lead to the same bucket. */
class Bucket {
  /** In insertion order (an array iterates faster than a Set; buckets are small, removal is rare). */
  readonly entries: Entry[] = [];
  mark = 0;
}

const nameKey = (s: string) => `name:${normalizeText(s).replace(/\s+/g, ' ').trim()}`;

/** Actor names and mention texts recur from article to article: memoise their keys (bounded). */
const NAME_KEY_CACHE_MAX = 50_000;
const nameKeyCache = new Map<string, string>();
function cachedNameKey(s: string): string {
  let k = nameKeyCache.get(s);
  if (k === undefined) {
    if (nameKeyCache.size >= NAME_KEY_CACHE_MAX) nameKeyCache.clear();
    k = nameKey(s);
    nameKeyCache.set(s, k);
  }
  return k;
}


function addTo(map: Map<string, Bucket>, key: string, e: Entry) {
  let b = map.get(key);
  if (!b) map.set(key, (b = new Bucket()));
  if (!b.entries.includes(e)) b.entries.push(e);
}
function removeFrom(map: Map<string, Bucket>, key: string, e: Entry) {
  const b = map.get(key);
  if (!b) return;
  const k = b.entries.indexOf(e);
  if (k >= 0) b.entries.splice(k, 1);
  if (!b.entries.length) map.delete(key);
}

/**
 * Finds the watches an enriched article fires. Watches are filed in inverted indexes — by actor
 * (id and typed name) for actor watches, by anchor term for keyword-only watches — so each article
 * is checked only against the watches it can possibly match, not against all of them.
 *
 * Semantics of one watch (all conditions ANDed):
 * - `enabled` must be true;
 * - `languages` (when set): the article's language is one of them;
 * - `sources` (when set): the source name equals one of them, or the source domain / URL host is
 *   one of them or a sub-domain of one;
 * - actors (when set): at least one watched actor occurs in the article with at least
 *   `minMentions` mentions (default 1);
 * - `query` (when set): the boolean keyword query matches title + body.
 */
export class WatchMatcher {
  private readonly entries = new Map<string, Entry>();
  // The index sets hold the entries themselves: a candidate needs no second lookup by id.
  private readonly byActor = new Map<string, Bucket>();
  private readonly byTerm = new Map<string, Bucket>();
  private readonly byPrefix = new Map<string, Bucket>();
  /** Lengths of the indexed prefixes (with counts): a token looks up only its prefixes of those lengths. */
  private readonly prefixLengths = new Map<number, number>();
  private readonly unanchored = new Set<Entry>();
  private epoch = 0;
  private actorSerial = 0;
  /** Indexed prefix lengths as an array (rebuilt after changes). */
  private lengths: number[] | undefined;
  /** Per-call scratch arrays, reused (match() is synchronous and not re-entrant). */
  private readonly candidates: Entry[] = [];
  private readonly hits: Entry[] = [];
  private ranked = true;
  /** Watches whose query failed to compile (should not happen: admin validates), with the reason. */
  readonly rejected = new Map<string, string>();

  constructor(watches: Iterable<Watch> = []) {
    for (const w of watches) this.upsert(w);
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): Watch | undefined {
    return this.entries.get(id)?.watch;
  }

  /** Adds or replaces a watch. Disabled watches are kept out of the index entirely. */
  upsert(watch: Watch): void {
    this.remove(watch.id);
    if (!watch.enabled) return;
    let query: CompiledQuery | undefined;
    if (watch.query) {
      try {
        query = new CompiledQuery(watch.query);
      } catch (err) {
        this.rejected.set(watch.id, err instanceof Error ? err.message : String(err));
        return;
      }
    }
    const actorKeys = new Set<string>([...(watch.actorIds ?? []), ...(watch.actors ?? []).map(nameKey)]);
    const sources = watch.sources?.length ? watch.sources.map((s) => s.toLowerCase().trim()) : undefined;
    const sourcesBare = sources?.map((s) => s.replace(/^www\./, ''));
    const entry: Entry = {
      id: watch.id,
      watch,
      minMentions: watch.minMentions ?? 1,
      actorKeys,
      hasActors: actorKeys.size > 0,
      query,
      languages: watch.languages?.length ? new Set(watch.languages.map((l) => l.toLowerCase())) : undefined,
      sources,
      sourcesBare,
      sourcesDot: sourcesBare?.map((b) => `.${b}`),
      filed: [],
      unanchored: false,
      mark: 0,
      rank: 0,
      actorMark: 0,
      actorSerial: 0,
      actorHits: [],
      ok: false,
      terms: [],
    };
    this.ranked = false;
    this.lengths = undefined;
    if (actorKeys.size) {
      for (const k of actorKeys) {
        addTo(this.byActor, k, entry);
        entry.filed.push(['actor', k]);
      }
    } else if (query?.anchors) {
      for (const a of query.anchors) {
        if (a.endsWith('*')) {
          const p = a.slice(0, -1);
          if (!this.byPrefix.has(p)) this.prefixLengths.set(p.length, (this.prefixLengths.get(p.length) ?? 0) + 1);
          addTo(this.byPrefix, p, entry);
          entry.filed.push(['prefix', a.slice(0, -1)]);
        } else {
          addTo(this.byTerm, a, entry);
          entry.filed.push(['term', a]);
        }
      }
    } else {
      this.unanchored.add(entry);
      entry.unanchored = true;
    }
    this.entries.set(watch.id, entry);
  }

  remove(id: string): void {
    this.rejected.delete(id);
    const e = this.entries.get(id);
    if (!e) return;
    for (const [kind, key] of e.filed) {
      removeFrom(kind === 'actor' ? this.byActor : kind === 'term' ? this.byTerm : this.byPrefix, key, e);
      if (kind === 'prefix' && !this.byPrefix.has(key)) {
        const n = (this.prefixLengths.get(key.length) ?? 1) - 1;
        if (n > 0) this.prefixLengths.set(key.length, n);
        else this.prefixLengths.delete(key.length);
      }
    }
    this.unanchored.delete(e);
    this.entries.delete(id);
    this.lengths = undefined;
  }

  /** Replaces the whole set (e.g. after rebuilding the view). */
  replaceAll(watches: Iterable<Watch>): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
    this.rejected.clear();
    for (const w of watches) this.upsert(w);
  }

  match(article: EnrichedArticle): Match[] {
    if (!this.ranked) this.rank();
    const ep = ++this.epoch;
    const lang = (article.language ?? '').toLowerCase();
    const candidates = this.candidates;
    candidates.length = 0;
    // Collect each candidate once (epoch mark), dropping language mismatches right away.
    for (const e of this.unanchored) this.collect(e, ep, lang);
    // Actor watches: while collecting them, note which article actors (with enough mentions) hit
    // each one, so the check below needs no second lookup. The keys of one actor (id, name, mention
    // texts) that lead to the same bucket are visited once (bucket mark), with no Set per actor.
    const actors = article.actors;
    if (actors && this.byActor.size) {
      for (let i = 0; i < actors.length; i++) {
        const a = actors[i];
        const mentions = a.count ?? a.mentions?.length ?? 0;
        const serial = ++this.actorSerial;
        this.visitActor(this.byActor.get(a.id), serial, a, mentions, ep, lang);
        this.visitActor(this.byActor.get(cachedNameKey(a.name)), serial, a, mentions, ep, lang);
        const ms = a.mentions;
        if (ms) for (let j = 0; j < ms.length; j++) this.visitActor(this.byActor.get(cachedNameKey(ms[j].text)), serial, a, mentions, ep, lang);
      }
    }
    let doc: DocumentText | undefined;
    if (this.byTerm.size || this.byPrefix.size) {
      const d = (doc = DocumentText.of(article.title, article.body));
      if (this.byTerm.size < d.tokenSet.size) {
        for (const [term, es] of this.byTerm) if (d.has(term)) for (let k = 0, xs = es.entries; k < xs.length; k++) this.collect(xs[k], ep, lang);
      } else {
        for (const t of d.tokenSet) {
          const es = this.byTerm.get(t);
          if (es) for (let k = 0, xs = es.entries; k < xs.length; k++) this.collect(xs[k], ep, lang);
        }
      }
      if (this.byPrefix.size) {
        // Each token's prefixes of the indexed lengths (a handful): no scan over all prefix watches.
        const lengths = (this.lengths ??= [...this.prefixLengths.keys()]);
        for (const t of d.tokenSet) {
          for (let k = 0; k < lengths.length; k++) {
            const n = lengths[k];
            if (t.length < n) continue;
            const es = this.byPrefix.get(t.length === n ? t : t.slice(0, n));
            if (es) for (let k = 0, xs = es.entries; k < xs.length; k++) this.collect(xs[k], ep, lang);
          }
        }
      }
    }

    const hits = this.hits;
    hits.length = 0;
    let source: { name?: string; hosts: string[] } | undefined;
    for (let i = 0; i < candidates.length; i++) {
      const e = candidates[i];
      if (e.sources && !sourceMatches(e, (source ??= articleSource(article)))) continue;
      if (e.hasActors && e.actorMark !== ep) continue; // no watched actor with enough mentions
      if (e.query) {
        doc ??= DocumentText.of(article.title, article.body);
        if (!e.query.test(doc)) continue;
        e.terms = e.query.terms(doc);
      }
      hits.push(e);
    }
    // Deterministic order (by watch id), whatever the order the indexes produced the candidates in.
    if (hits.length > 1) hits.sort(byRank);
    const out: Match[] = new Array(hits.length);
    for (let i = 0; i < hits.length; i++) {
      const e = hits[i];
      out[i] = { watch: e.watch, actors: e.hasActors ? e.actorHits : [], terms: e.query ? e.terms : [] };
      e.terms = NO_TERMS;
    }
    hits.length = 0;
    candidates.length = 0;
    return out;
  }

  private collect(e: Entry, ep: number, lang: string): boolean {
    if (e.mark === ep) return e.ok;
    e.mark = ep;
    if (e.languages && !e.languages.has(lang)) return (e.ok = false);
    this.candidates.push(e);
    return (e.ok = true);
  }

  private visitActor(bucket: Bucket | undefined, serial: number, a: { id: string; name: string }, mentions: number, ep: number, lang: string): void {
    if (bucket === undefined || bucket.mark === serial) return;
    bucket.mark = serial;
    const xs = bucket.entries;
    for (let k = 0; k < xs.length; k++) {
      const e = xs[k];
      // A language mismatch is never output: its actor hits are not needed.
      if (!this.collect(e, ep, lang) || mentions < e.minMentions) continue;
      if (e.actorMark !== ep) {
        e.actorMark = ep;
        e.actorSerial = serial;
        e.actorHits = [{ id: a.id, name: a.name, mentions }];
      } else if (e.actorSerial !== serial) {
        e.actorSerial = serial;
        const hs = e.actorHits;
        let seen = false;
        for (let h = 0; h < hs.length; h++) if (hs[h].id === a.id) { seen = true; break; }
        if (!seen) hs.push({ id: a.id, name: a.name, mentions });
      }
    }
  }

  /** Numbers the entries in id order, so match() sorts its output by a number. */
  private rank(): void {
    [...this.entries.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .forEach((e, i) => (e.rank = i));
    this.ranked = true;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The article's source name and hosts (source domain, URL host), computed once per article. */
function articleSource(article: EnrichedArticle): { name?: string; hosts: string[] } {
  const name = article.source?.name?.toLowerCase().trim();
  const hosts = [article.source?.domain?.toLowerCase().trim(), hostOf(article.url)].filter((h): h is string => !!h).map((h) => h.replace(/^www\./, ''));
  return { name, hosts };
}

function sourceMatches(e: Entry, src: { name?: string; hosts: string[] }): boolean {
  const sources = e.sources!;
  const bare = e.sourcesBare!;
  const dot = e.sourcesDot!;
  const hosts = src.hosts;
  for (let i = 0; i < sources.length; i++) {
    if (sources[i] === src.name) return true;
    for (let k = 0; k < hosts.length; k++) if (hosts[k] === bare[i] || hosts[k].endsWith(dot[i])) return true;
  }
  return false;
}

const NO_TERMS: string[] = [];
const byRank = (a: Entry, b: Entry) => a.rank - b.rank;
