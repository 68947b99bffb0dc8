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
  watch: Watch;
  /** Actor keys: canonical ids, plus `name:<normalised>` for every name the operator typed. */
  actorKeys: Set<string>;
  query?: CompiledQuery;
  languages?: Set<string>;
  sources?: string[];
  /** Index keys this entry was filed under, to unfile it on update. */
  filed: Array<['actor' | 'term' | 'prefix', string]>;
  unanchored: boolean;
}

const nameKey = (s: string) => `name:${normalizeText(s).replace(/\s+/g, ' ').trim()}`;

function addTo(map: Map<string, Set<string>>, key: string, id: string) {
  const s = map.get(key);
  if (s) s.add(id);
  else map.set(key, new Set([id]));
}
function removeFrom(map: Map<string, Set<string>>, key: string, id: string) {
  const s = map.get(key);
  if (!s) return;
  s.delete(id);
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
  private readonly byActor = new Map<string, Set<string>>();
  private readonly byTerm = new Map<string, Set<string>>();
  private readonly byPrefix = new Map<string, Set<string>>();
  private readonly unanchored = new Set<string>();
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
      watch,
      actorKeys,
      query,
      languages: watch.languages?.length ? new Set(watch.languages.map((l) => l.toLowerCase())) : undefined,
      sources: watch.sources?.length ? watch.sources.map((s) => s.toLowerCase().trim()) : undefined,
      filed: [],
      unanchored: false,
    };
    if (actorKeys.size) {
      for (const k of actorKeys) {
        addTo(this.byActor, k, watch.id);
        entry.filed.push(['actor', k]);
      }
    } else if (query?.anchors) {
      for (const a of query.anchors) {
        if (a.endsWith('*')) {
          addTo(this.byPrefix, a.slice(0, -1), watch.id);
          entry.filed.push(['prefix', a.slice(0, -1)]);
        } else {
          addTo(this.byTerm, a, watch.id);
          entry.filed.push(['term', a]);
        }
      }
    } else {
      this.unanchored.add(watch.id);
      entry.unanchored = true;
    }
    this.entries.set(watch.id, entry);
  }

  remove(id: string): void {
    this.rejected.delete(id);
    const e = this.entries.get(id);
    if (!e) return;
    for (const [kind, key] of e.filed) removeFrom(kind === 'actor' ? this.byActor : kind === 'term' ? this.byTerm : this.byPrefix, key, id);
    this.unanchored.delete(id);
    this.entries.delete(id);
  }

  /** Replaces the whole set (e.g. after rebuilding the view). */
  replaceAll(watches: Iterable<Watch>): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
    this.rejected.clear();
    for (const w of watches) this.upsert(w);
  }

  match(article: EnrichedArticle): Match[] {
    const candidates = new Set<string>(this.unanchored);
    // Article actor keys → the article actors they stand for.
    const actorByKey = new Map<string, EnrichedArticle['actors'][number][]>();
    for (const a of article.actors ?? []) {
      const keys = new Set([a.id, nameKey(a.name), ...(a.mentions ?? []).map((m) => nameKey(m.text))]);
      for (const k of keys) {
        const l = actorByKey.get(k);
        if (l) l.push(a);
        else actorByKey.set(k, [a]);
        this.byActor.get(k)?.forEach((id) => candidates.add(id));
      }
    }
    let doc: DocumentText | undefined;
    const getDoc = () => (doc ??= DocumentText.of(article.title, article.body));
    if (this.byTerm.size || this.byPrefix.size) {
      const d = getDoc();
      if (this.byTerm.size < d.tokenSet.size) {
        for (const [term, ids] of this.byTerm) if (d.has(term)) ids.forEach((id) => candidates.add(id));
      } else {
        for (const t of d.tokenSet) this.byTerm.get(t)?.forEach((id) => candidates.add(id));
      }
      for (const [prefix, ids] of this.byPrefix) if (d.hasPrefix(prefix)) ids.forEach((id) => candidates.add(id));
    }

    const out: Match[] = [];
    const lang = (article.language ?? '').toLowerCase();
    for (const id of [...candidates].sort()) {
      const e = this.entries.get(id);
      if (!e) continue;
      if (e.languages && !e.languages.has(lang)) continue;
      if (e.sources && !sourceMatches(e.sources, article)) continue;
      let actors: MatchedActor[] = [];
      if (e.actorKeys.size) {
        const min = e.watch.minMentions ?? 1;
        const seen = new Map<string, MatchedActor>();
        for (const k of e.actorKeys) {
          for (const a of actorByKey.get(k) ?? []) {
            const mentions = a.count ?? a.mentions?.length ?? 0;
            if (mentions >= min && !seen.has(a.id)) seen.set(a.id, { id: a.id, name: a.name, mentions });
          }
        }
        if (!seen.size) continue;
        actors = [...seen.values()];
      }
      let terms: string[] = [];
      if (e.query) {
        const r = e.query.match(getDoc());
        if (!r.matched) continue;
        terms = r.terms;
      }
      out.push({ watch: e.watch, actors, terms });
    }
    return out;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function sourceMatches(sources: string[], article: EnrichedArticle): boolean {
  const name = article.source?.name?.toLowerCase().trim();
  const hosts = [article.source?.domain?.toLowerCase().trim(), hostOf(article.url)].filter((h): h is string => !!h).map((h) => h.replace(/^www\./, ''));
  return sources.some((s) => s === name || hosts.some((h) => h === s.replace(/^www\./, '') || h.endsWith(`.${s.replace(/^www\./, '')}`)));
}
