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
  minMentions: number;
  query?: CompiledQuery;
  languages?: Set<string>;
  sources?: string[];
  /** Index keys this entry was filed under, to unfile it on update. */
  filed: Array<['actor' | 'term' | 'prefix', string]>;
  unanchored: boolean;
  /** The match() call that last collected this entry as a candidate (de-duplication without a Set). */
  mark: number;
  /** Rank of the id among all entries (output order), recomputed after changes. */
  rank: number;
  /** The match() call whose article actors were collected in `actorHits`. */
  actorMark: number;
  actorHits: MatchedActor[];
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


function addTo(map: Map<string, Set<Entry>>, key: string, e: Entry) {
  const s = map.get(key);
  if (s) s.add(e);
  else map.set(key, new Set([e]));
}
function removeFrom(map: Map<string, Set<Entry>>, key: string, e: Entry) {
  const s = map.get(key);
  if (!s) return;
  s.delete(e);
  if (!s.size) map.delete(key);
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
  private readonly byActor = new Map<string, Set<Entry>>();
  private readonly byTerm = new Map<string, Set<Entry>>();
  private readonly byPrefix = new Map<string, Set<Entry>>();
  /** Lengths of the indexed prefixes (with counts): a token looks up only its prefixes of those lengths. */
  private readonly prefixLengths = new Map<number, number>();
  private readonly unanchored = new Set<Entry>();
  private epoch = 0;
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
    const entry: Entry = {
      id: watch.id,
      watch,
      minMentions: watch.minMentions ?? 1,
      actorKeys,
      query,
      languages: watch.languages?.length ? new Set(watch.languages.map((l) => l.toLowerCase())) : undefined,
      sources: watch.sources?.length ? watch.sources.map((s) => s.toLowerCase().trim()) : undefined,
      filed: [],
      unanchored: false,
      mark: 0,
      rank: 0,
      actorMark: 0,
      actorHits: [],
    };
    this.ranked = false;
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
    const candidates: Entry[] = [];
    // Collect each candidate once (epoch mark), dropping language mismatches right away.
    const add = (e: Entry) => {
      if (e.mark === ep) return;
      e.mark = ep;
      if (e.languages && !e.languages.has(lang)) return;
      candidates.push(e);
    };
    this.unanchored.forEach(add);
    // Actor watches: while collecting them, note which article actors (with enough mentions) hit
    // each one, so the check below needs no second lookup.
    for (const a of article.actors ?? []) {
      const mentions = a.count ?? a.mentions?.length ?? 0;
      const keys = new Set([a.id, cachedNameKey(a.name)]);
      for (const m of a.mentions ?? []) keys.add(cachedNameKey(m.text));
      for (const k of keys) {
        const es = this.byActor.get(k);
        if (!es) continue;
        for (const e of es) {
          add(e);
          if (mentions < e.minMentions) continue;
          if (e.actorMark !== ep) {
            e.actorMark = ep;
            e.actorHits = [{ id: a.id, name: a.name, mentions }];
          } else if (!e.actorHits.some((h) => h.id === a.id)) e.actorHits.push({ id: a.id, name: a.name, mentions });
        }
      }
    }
    let doc: DocumentText | undefined;
    const getDoc = () => (doc ??= DocumentText.of(article.title, article.body));
    if (this.byTerm.size || this.byPrefix.size) {
      const d = getDoc();
      if (this.byTerm.size < d.tokenSet.size) {
        for (const [term, es] of this.byTerm) if (d.has(term)) es.forEach(add);
      } else {
        for (const t of d.tokenSet) this.byTerm.get(t)?.forEach(add);
      }
      if (this.byPrefix.size) {
        // Each token's prefixes of the indexed lengths (a handful): no scan over all prefix watches.
        const lengths = [...this.prefixLengths.keys()];
        for (const t of d.tokenSet) {
          for (const n of lengths) if (t.length >= n) this.byPrefix.get(t.length === n ? t : t.slice(0, n))?.forEach(add);
        }
      }
    }

    const out: Array<Match & { rank: number }> = [];
    let source: { name?: string; hosts: string[] } | undefined;
    for (const e of candidates) {
      if (e.sources && !sourceMatches(e.sources, (source ??= articleSource(article)))) continue;
      let actors: MatchedActor[] = [];
      if (e.actorKeys.size) {
        if (e.actorMark !== ep) continue; // no watched actor with enough mentions
        actors = e.actorHits;
      }
      let terms: string[] = [];
      if (e.query) {
        const r = e.query.match(getDoc());
        if (!r.matched) continue;
        terms = r.terms;
      }
      out.push({ watch: e.watch, actors, terms, rank: e.rank });
    }
    // Deterministic order (by watch id), whatever the order the indexes produced the candidates in.
    if (out.length > 1) out.sort((a, b) => a.rank - b.rank);
    return out.map(({ watch, actors, terms }) => ({ watch, actors, terms }));
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

function sourceMatches(sources: string[], src: { name?: string; hosts: string[] }): boolean {
  return sources.some((s) => {
    const bare = s.replace(/^www\./, '');
    return s === src.name || src.hosts.some((h) => h === bare || h.endsWith(`.${bare}`));
  });
}
