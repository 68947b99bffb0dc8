import type { EnrichedArticle, Watch } from '@marsad/contracts';
import { parseQuery } from './query';
import { normalizeText } from './text';
import { ArticleTerms, QNode, TermDictionary, anchorIds, compileQuery } from './term-index';

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
  /** The query compiled over term ids (term-index.ts). */
  query?: QNode;
  /** Language ids (`langId`), when the watch has a languages filter. */
  languages?: number[];
  sources?: string[];
  /** `sources` without a leading `www.`, and as `.<bare>` suffixes (sub-domains), precomputed. */
  sourcesBare?: string[];
  sourcesDot?: string[];
  /** Actor keys and term/prefix ids this entry was filed under, to unfile it on update. */
  filedActors: string[];
  filedIds: number[];
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
}

/** An index bucket; `mark` de-duplicates keys of one article actor that lead to the same bucket. */
class Bucket {
  /** In insertion order (an array iterates faster than a Set; buckets are small, removal is rare). */
  readonly entries: Entry[] = [];
  mark = 0;
}

const nameKey = (s: string) => `name:${normalizeText(s).replace(/\s+/g, ' ').trim()}`;

/** Bound of the memo of actor names and mention texts (they recur from article to article). */
const NAME_MEMO_MAX = 50_000;

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
 * is checked only against the watches it can possibly match, not against all of them. Query terms
 * are interned to integer ids (term-index.ts): an article is tokenised once into id marks, and the
 * anchors of a query are its rarest terms by the document frequencies seen so far.
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
  /** Article actor name or mention text → its `name:` bucket (null: none): one lookup instead of
   *  normalising and a second lookup. Cleared whenever actor watches change. */
  private readonly nameBuckets = new Map<string, Bucket | null>();
  /**
   * Term/prefix id → keyword-only watches anchored on it (an array indexed by id, not a Map). Ids
   * are never freed: the dictionary holds every term the watches have used since start (a few
   * bytes each; watch edits are rare).
   */
  private readonly byId: Array<Entry[] | undefined> = [];
  private anchoredCount = 0;
  /** Per term/prefix id, the number of articles it occurred in: queries are re-anchored on their rarest terms. */
  private df = new Uint32Array(1024);
  private readonly anchorCost = (id: number): number => 1 + (id < this.df.length ? this.df[id] : 0);
  private matchedArticles = 0;
  /** Candidate watches checked by the last match() call (the index's selectivity, for tests and metrics). */
  lastCandidates = 0;
  private nextReanchor = REANCHOR_FIRST;
  private readonly dict = new TermDictionary();
  private readonly doc = new ArticleTerms(this.dict);
  /** Languages as small integers: an article's language is looked up once, a watch's filter is a few ints. */
  private readonly langIds = new Map<string, number>();
  private readonly unanchored = new Set<Entry>();
  private epoch = 0;
  private actorSerial = 0;
  /** Per-call state, reused (match() is synchronous and not re-entrant). */
  private readonly candidates: Entry[] = [];
  private lang = -1;
  /** One bit per rank: the hits of the current call, read back in rank (= id) order without a sort. */
  private hitBits = new Int32Array(0);
  private bitsClear = true;
  /** Entries by rank (valid when `ranked`). */
  private byRankArr: Entry[] = [];
  private ranked = true;
  /** Bucket visitor for ArticleTerms.scan, bound once (no closure per call). */
  private readonly onTerm = (id: number): void => {
    this.df[id]++;
    const xs = this.byId[id];
    if (xs !== undefined) for (let k = 0; k < xs.length; k++) this.collect(xs[k], this.epoch, this.lang);
  };
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
    let query: QNode | undefined;
    if (watch.query) {
      try {
        query = compileQuery(parseQuery(watch.query), this.dict);
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
      languages: watch.languages?.length ? [...new Set(watch.languages.map((l) => this.langId(l.toLowerCase())))] : undefined,
      sources,
      sourcesBare,
      sourcesDot: sourcesBare?.map((b) => `.${b}`),
      filedActors: [],
      filedIds: [],
      mark: 0,
      rank: 0,
      actorMark: 0,
      actorSerial: 0,
      actorHits: [],
      ok: false,
    };
    this.ranked = false;
    const anchors = actorKeys.size ? undefined : query && anchorIds(query, this.anchorCost);
    if (actorKeys.size) {
      this.nameBuckets.clear();
      for (const k of actorKeys) {
        addTo(this.byActor, k, entry);
        entry.filedActors.push(k);
      }
    } else if (anchors) {
      this.fileByIds(entry, anchors);
    } else {
      this.unanchored.add(entry);
    }
    this.entries.set(watch.id, entry);
  }

  remove(id: string): void {
    this.rejected.delete(id);
    const e = this.entries.get(id);
    if (!e) return;
    if (e.filedActors.length) this.nameBuckets.clear();
    for (const k of e.filedActors) removeFrom(this.byActor, k, e);
    this.unfileIds(e);
    this.unanchored.delete(e);
    this.entries.delete(id);
    this.ranked = false;
  }

  private fileByIds(e: Entry, ids: number[]): void {
    for (const id of ids) (this.byId[id] ??= []).push(e); // anchor ids are distinct
    e.filedIds = ids;
    this.anchoredCount++;
  }

  private unfileIds(e: Entry): void {
    if (!e.filedIds.length) return;
    for (const id of e.filedIds) {
      const xs = this.byId[id]!;
      xs.splice(xs.indexOf(e), 1);
      if (!xs.length) this.byId[id] = undefined;
    }
    e.filedIds = [];
    this.anchoredCount--;
  }

  /**
   * Files each keyword watch again under its currently rarest anchor terms (document frequencies
   * seen so far). Only the candidates change, never the results: any anchor set is complete.
   */
  private reanchor(): void {
    for (const e of this.entries.values()) {
      if (!e.filedIds.length) continue; // actor watches and unanchored queries
      const ids = anchorIds(e.query!, this.anchorCost)!;
      if (ids.length !== e.filedIds.length || ids.some((id, k) => id !== e.filedIds[k])) {
        this.unfileIds(e);
        this.fileByIds(e, ids);
      }
    }
  }

  /** Replaces the whole set (e.g. after rebuilding the view). */
  replaceAll(watches: Iterable<Watch>): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
    this.rejected.clear();
    for (const w of watches) this.upsert(w);
  }

  match(article: EnrichedArticle): Match[] {
    if (!this.ranked) this.rank();
    if (++this.matchedArticles === this.nextReanchor) {
      this.reanchor();
      this.nextReanchor += Math.min(this.nextReanchor, REANCHOR_MAX_INTERVAL);
    }
    if (this.df.length < this.dict.size) {
      const df = new Uint32Array(Math.max(this.dict.size, this.df.length * 2));
      df.set(this.df);
      this.df = df;
    }
    const ep = ++this.epoch;
    const lang = (this.lang = this.langIds.get((article.language ?? '').toLowerCase()) ?? -1);
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
        this.visitActor(this.bucketOfName(a.name), serial, a, mentions, ep, lang);
        const ms = a.mentions;
        if (ms) for (let j = 0; j < ms.length; j++) this.visitActor(this.bucketOfName(ms[j].text), serial, a, mentions, ep, lang);
      }
    }
    // Keyword watches: tokenise once; each term/prefix id seen for the first time brings in the
    // watches anchored on it (onTerm). Queries are then decided on the id marks.
    const doc = this.doc;
    let scanned = false;
    if (this.anchoredCount) {
      doc.scan(article.title, article.body, this.onTerm);
      scanned = true;
    }

    const bits = this.hitBits;
    if (!this.bitsClear) bits.fill(0); // the previous call threw half-way
    this.bitsClear = false;
    let nHits = 0;
    let source: { name?: string; hosts: string[] } | undefined;
    for (let i = 0; i < candidates.length; i++) {
      const e = candidates[i];
      if (e.sources && !sourceMatches(e, (source ??= articleSource(article)))) continue;
      if (e.hasActors && e.actorMark !== ep) continue; // no watched actor with enough mentions
      if (e.query) {
        if (!scanned) {
          doc.scan(article.title, article.body, noop);
          scanned = true;
        }
        if (!doc.test(e.query)) continue;
      }
      bits[e.rank >>> 5] |= 1 << (e.rank & 31);
      nHits++;
    }
    this.lastCandidates = candidates.length;
    candidates.length = 0;
    // Output in rank (= watch id) order: read the hit bits back word by word, clearing them.
    const out: Match[] = new Array(nHits);
    const byRank = this.byRankArr;
    for (let w = 0, o = 0; o < nHits; w++) {
      let word = bits[w];
      if (word === 0) continue;
      bits[w] = 0;
      while (word !== 0) {
        const b = 31 - Math.clz32(word & -word);
        word &= word - 1;
        const e = byRank[(w << 5) + b];
        const terms: string[] = [];
        if (e.query) doc.collect(e.query, terms);
        out[o++] = { watch: e.watch, actors: e.hasActors ? e.actorHits : [], terms };
      }
    }
    this.bitsClear = true;
    return out;
  }

  private bucketOfName(s: string): Bucket | undefined {
    let b = this.nameBuckets.get(s);
    if (b === undefined) {
      if (this.nameBuckets.size >= NAME_MEMO_MAX) this.nameBuckets.clear();
      b = this.byActor.get(nameKey(s)) ?? null;
      this.nameBuckets.set(s, b);
    }
    return b ?? undefined;
  }

  private langId(lang: string): number {
    let id = this.langIds.get(lang);
    if (id === undefined) this.langIds.set(lang, (id = this.langIds.size));
    return id;
  }

  private collect(e: Entry, ep: number, lang: number): boolean {
    if (e.mark === ep) return e.ok;
    e.mark = ep;
    if (e.languages && !e.languages.includes(lang)) return (e.ok = false);
    this.candidates.push(e);
    return (e.ok = true);
  }

  private visitActor(
    bucket: Bucket | undefined,
    serial: number,
    a: { id: string; name: string },
    mentions: number,
    ep: number,
    lang: number,
  ): void {
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
        for (let h = 0; h < hs.length; h++)
          if (hs[h].id === a.id) {
            seen = true;
            break;
          }
        if (!seen) hs.push({ id: a.id, name: a.name, mentions });
      }
    }
  }

  /** Numbers the entries in id order: match() outputs its hits in that order from a bitmap, no sort. */
  private rank(): void {
    this.byRankArr = [...this.entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byRankArr.forEach((e, i) => (e.rank = i));
    this.hitBits = new Int32Array((this.byRankArr.length >>> 5) + 1);
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
  const hosts = [article.source?.domain?.toLowerCase().trim(), hostOf(article.url)]
    .filter((h): h is string => !!h)
    .map((h) => h.replace(/^www\./, ''));
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

const noop = () => {};
/** Re-anchoring after 256, 512, 1024 ... articles, then every 65,536 (a few ms for 10,000 watches). */
const REANCHOR_FIRST = 256;
const REANCHOR_MAX_INTERVAL = 65_536;
