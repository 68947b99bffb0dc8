import { KbActorSchema, KbChangeSchema, type KbActor, type KbChange } from '@marsad/contracts';
import { aliasKey } from './keys';

/** Id prefix ↔ actor type. */
export const ID_PREFIX_BY_TYPE = {
  person: 'person',
  organization: 'org',
  country: 'country',
  group: 'group',
  location: 'location',
  other: 'other',
} as const;

export type KbChangeEvent =
  | { kind: 'upsert'; actor: KbActor; previous?: KbActor; version: number }
  | { kind: 'remove'; id: string; previous: KbActor; version: number };
export type KbListener = (event: KbChangeEvent) => void;

export interface KbSearchHit {
  actor: KbActor;
  score: number;
  /** The name or alias that matched best. */
  matched: string;
}

/** One (surface form → actor) pair, for building gazetteers. */
export interface KbAliasEntry {
  form: string;
  key: string;
  actorId: string;
  /** The form is the actor's canonical name. */
  canonical: boolean;
  /** The form is listed in the actor's `ambiguousAliases` (a common word or shared name). */
  ambiguous: boolean;
}

const AR_LETTERS = /^[\u0621-\u064a]/;

/** Keys of plausible base forms of a surface form (see `KnowledgeBase.byAlias`). */
function fallbackKeys(text: string, key: string): string[] {
  const out: string[] = [];
  const t = text.trim();
  const poss = /^(.*\S)(?:['’]s|s['’])$/i.exec(t);
  if (poss) out.push(aliasKey(poss[1]), aliasKey(t.replace(/['’]$/, '')));
  if (AR_LETTERS.test(key)) {
    if (key.startsWith('لل') && key.length > 3) out.push('ال' + key.slice(2));
    if (/^[وفبك]ال/.test(key)) out.push(key.slice(1));
    if (/^[وفبكل]/.test(key) && key.length > 3) out.push(key.slice(1));
    if (/^[وف][بكل]/.test(key) && key.length > 4) out.push(key.slice(2), key.startsWith('لل', 1) ? 'ال' + key.slice(3) : '');
  }
  return out.filter((k) => k && k !== key);
}

/** Validate one actor; throws an Error naming the id and the field. */
export function validateActor(input: unknown, where = 'actor'): KbActor {
  const r = KbActorSchema.safeParse(input);
  const id = (input as { id?: unknown } | null)?.id;
  const label = `${where}${typeof id === 'string' ? ` "${id}"` : ''}`;
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${label}: field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  const a = r.data;
  const prefix = ID_PREFIX_BY_TYPE[a.type];
  if (!a.id.startsWith(prefix + ':')) {
    throw new Error(`${label}: field "id": a ${a.type} id must start with "${prefix}:"`);
  }
  if (a.country !== undefined && !/^[A-Z]{2}$/.test(a.country)) {
    throw new Error(`${label}: field "country": must be an upper-case ISO 3166-1 alpha-2 code`);
  }
  for (const f of ['ambiguousAliases'] as const) {
    const v = (a as Record<string, unknown>)[f];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim()))) {
      throw new Error(`${label}: field "${f}": must be a list of non-empty strings`);
    }
  }
  if (
    (a as Record<string, unknown>).surnameAmbiguous !== undefined &&
    typeof (a as Record<string, unknown>).surnameAmbiguous !== 'boolean'
  ) {
    throw new Error(`${label}: field "surnameAmbiguous": must be a boolean`);
  }
  return normaliseActor(a);
}

function normaliseActor(a: KbActor): KbActor {
  const nameKey = aliasKey(a.name);
  const seen = new Set<string>();
  const aliases: string[] = [];
  const amb = ((a as Record<string, unknown>).ambiguousAliases as string[] | undefined) ?? [];
  for (const s of [...a.aliases, ...amb]) {
    const t = s.trim();
    if (!t || seen.has(t) || (t === a.name.trim() && aliasKey(t) === nameKey)) continue;
    seen.add(t);
    aliases.push(t);
  }
  return { ...a, name: a.name.trim(), aliases };
}

/**
 * The actor knowledge base: canonical actors with ids, types and aliases in several scripts, with a
 * normalised alias index. Mutable at run time (`upsert`, `addAliases`, `remove`, `applyChange` for
 * `marsad.kb` records); every mutation bumps `version` and notifies `onChange` listeners, so
 * gazetteers built from it know when to rebuild.
 */
export class KnowledgeBase {
  private readonly byId = new Map<string, KbActor>();
  private readonly index = new Map<string, Set<string>>();
  /** Keys of [name, ...aliases] per actor, in that order. */
  private readonly keysById = new Map<string, string[]>();
  private readonly listeners = new Set<KbListener>();
  private _version = 1;

  /**
   * @param actors initial actors, validated unless `trusted` (actors from `loadKbActors`, already
   *   validated and normalised, are passed trusted by `loadKnowledgeBase`).
   */
  constructor(actors: Iterable<KbActor> = [], options: { trusted?: boolean } = {}) {
    for (const a of actors) {
      const v = options.trusted ? a : validateActor(a);
      if (this.byId.has(v.id)) throw new Error(`actor "${v.id}": duplicate id`);
      this.byId.set(v.id, v);
      this.indexActor(v);
    }
  }

  /** Changes on every mutation (starts at 1). */
  get version(): number {
    return this._version;
  }

  get size(): number {
    return this.byId.size;
  }

  actors(): KbActor[] {
    return [...this.byId.values()];
  }

  get(id: string): KbActor | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Actors whose name or an alias has the same key as `text` (see `aliasKey`). When nothing has
   * that key, a few surface variants are tried in turn (first hit wins): without an English
   * possessive ("Russia's", "Reuters'"), and for Arabic without one proclitic و ف ب ك ل, with
   * لل read as ل + ال (للأمريكيين → الأمريكيين), and وال/بال/فال/كال → ال.
   */
  byAlias(text: string): KbActor[] {
    const key = aliasKey(text);
    let ids = this.index.get(key);
    if (!ids?.size) {
      for (const k of fallbackKeys(text, key)) {
        ids = this.index.get(k);
        if (ids?.size) break;
      }
    }
    return ids ? [...ids].map((id) => this.byId.get(id)!).filter(Boolean) : [];
  }

  /** Exact key lookup only (no fallbacks). */
  byKey(key: string): KbActor[] {
    const ids = this.index.get(key);
    return ids ? [...ids].map((id) => this.byId.get(id)!).filter(Boolean) : [];
  }

  /** Every (form → actor) pair: names and aliases, with their keys. */
  aliasEntries(): KbAliasEntry[] {
    const out: KbAliasEntry[] = [];
    for (const a of this.byId.values()) {
      const amb = new Set((((a as Record<string, unknown>).ambiguousAliases as string[] | undefined) ?? []).map(aliasKey));
      const keys = this.keysById.get(a.id)!;
      for (const [i, form] of [a.name, ...a.aliases].entries()) {
        const key = keys[i];
        if (!key) continue;
        out.push({ form, key, actorId: a.id, canonical: i === 0, ambiguous: amb.has(key) });
      }
    }
    return out;
  }

  /** Keys shared by more than one actor (name or alias), with the actors' ids. */
  collisions(): Array<{ key: string; ids: string[] }> {
    const out: Array<{ key: string; ids: string[] }> = [];
    for (const [key, ids] of this.index) if (ids.size > 1) out.push({ key, ids: [...ids].sort() });
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  /** Insert or replace an actor (validated). Returns the stored actor. */
  upsert(actor: KbActor | unknown): KbActor {
    const v = validateActor(actor, 'upsert');
    const previous = this.byId.get(v.id);
    if (previous) this.unindexActor(previous);
    this.byId.set(v.id, v);
    this.indexActor(v);
    this._version++;
    this.emit({ kind: 'upsert', actor: v, previous, version: this._version });
    return v;
  }

  /** Add aliases to an existing actor (duplicates ignored). */
  addAliases(id: string, aliases: string[]): KbActor {
    const a = this.byId.get(id);
    if (!a) throw new Error(`addAliases: unknown actor "${id}"`);
    return this.upsert({ ...a, aliases: [...a.aliases, ...aliases] });
  }

  /** Remove aliases (matched by key) from an existing actor. */
  removeAliases(id: string, aliases: string[]): KbActor {
    const a = this.byId.get(id);
    if (!a) throw new Error(`removeAliases: unknown actor "${id}"`);
    const drop = new Set(aliases.map(aliasKey));
    const amb = (a as Record<string, unknown>).ambiguousAliases as string[] | undefined;
    const next: Record<string, unknown> = { ...a, aliases: a.aliases.filter((s) => !drop.has(aliasKey(s))) };
    if (amb) next.ambiguousAliases = amb.filter((s) => !drop.has(aliasKey(s)));
    return this.upsert(next);
  }

  /** Remove an actor; false when it was not there. */
  remove(id: string): boolean {
    const previous = this.byId.get(id);
    if (!previous) return false;
    this.unindexActor(previous);
    this.byId.delete(id);
    this._version++;
    this.emit({ kind: 'remove', id, previous, version: this._version });
    return true;
  }

  /**
   * Apply one record of the compacted `marsad.kb` topic: key = actor id, value = a `KbChange`
   * (the full actor after the edit) or null (tombstone: the actor was removed).
   */
  applyChange(key: string, value: KbChange | unknown | null): void {
    if (value === null || value === undefined) {
      this.remove(key);
      return;
    }
    const change = KbChangeSchema.parse(value);
    if (change.actor.id !== key) throw new Error(`marsad.kb record key "${key}" differs from actor id "${change.actor.id}"`);
    this.upsert(change.actor);
  }

  /** Listen to mutations; returns the function that unsubscribes. */
  onChange(listener: KbListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Ranked search over ids, names and aliases (for `GET /v1/actors?q=`): exact key 100, canonical
   * name prefix 80, alias prefix 60, word prefix 40, substring 20; ties by shorter name, then name.
   * An empty query lists actors by name.
   */
  search(q: string, limit = 20): KbActor[] {
    return this.searchHits(q, limit).map((h) => h.actor);
  }

  searchHits(q: string, limit = 20): KbSearchHit[] {
    const qk = aliasKey(q ?? '');
    const max = Math.max(0, Math.floor(limit));
    const hits: KbSearchHit[] = [];
    if (!qk) {
      return this.actors()
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, max)
        .map((actor) => ({ actor, score: 0, matched: actor.name }));
    }
    const qTrim = (q ?? '').trim().toLowerCase();
    for (const actor of this.byId.values()) {
      let best = 0;
      let matched = actor.name;
      if (actor.id.toLowerCase() === qTrim) {
        best = 100;
      }
      const keys = this.keysById.get(actor.id)!;
      for (const [i, form] of [actor.name, ...actor.aliases].entries()) {
        if (best >= 100) break;
        const k = keys[i];
        if (!k) continue;
        const at = k.indexOf(qk);
        if (at < 0) continue;
        let s: number;
        if (k === qk) s = 100 - (i === 0 ? 0 : 1);
        else if (at === 0) s = i === 0 ? 80 : 60;
        else if (k.includes(' ' + qk)) s = 40;
        else s = 20;
        if (s > best) {
          best = s;
          matched = form;
        }
      }
      if (best > 0) hits.push({ actor, score: best, matched });
    }
    hits.sort((a, b) => b.score - a.score || a.actor.name.length - b.actor.name.length || a.actor.name.localeCompare(b.actor.name));
    return hits.slice(0, max);
  }

  private emit(e: KbChangeEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // a failing listener must not break the knowledge base or the other listeners
      }
    }
  }

  private indexActor(a: KbActor): void {
    const keys = [a.name, ...a.aliases].map(aliasKey);
    this.keysById.set(a.id, keys);
    for (const k of keys) {
      if (!k) continue;
      let set = this.index.get(k);
      if (!set) this.index.set(k, (set = new Set()));
      set.add(a.id);
    }
  }

  private unindexActor(a: KbActor): void {
    const keys = this.keysById.get(a.id) ?? [a.name, ...a.aliases].map(aliasKey);
    this.keysById.delete(a.id);
    for (const k of keys) {
      const set = this.index.get(k);
      if (!set) continue;
      set.delete(a.id);
      if (!set.size) this.index.delete(k);
    }
  }
}
