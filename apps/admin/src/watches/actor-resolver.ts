import type { FieldError } from '@marsad/contracts';

/** The part of libs/kb's KnowledgeBase the admin needs. */
export interface ActorLookup {
  get(id: string): { id: string; name: string } | undefined;
  byAlias(text: string): { id: string; name: string }[];
  search?(q: string, limit?: number): { id: string; name: string; type?: string; aliases?: string[] }[];
}

export interface ResolvedActors {
  actorIds: string[];
  /** Names the KB does not know and that do not look like ids: matched by name by the alerter. */
  unresolved: string[];
}

const ID_LIKE = /^(person|org|organization|country|group|location|other):[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Watch actor names → canonical actor ids through the knowledge base: `Kaspersky`, `كاسبرسكي`
 * and `org:kaspersky-lab` all give `org:kaspersky-lab`. A string that looks like `<type>:<slug>`
 * is kept as an id even when the KB does not know it (yet); an unknown plain name is kept as a name
 * (the alerter also matches actor names and mention texts). A name the KB maps to several actors
 * is an error naming the field, with the candidate ids, so the operator can pick one.
 */
export class ActorResolver {
  constructor(private readonly kb: ActorLookup | undefined) {}

  get hasKb(): boolean {
    return this.kb !== undefined;
  }

  /** KB search for operators choosing ids (`GET /v1/actors?q=`). */
  search(q: string, limit: number): { id: string; name: string; type?: string; aliases?: string[] }[] {
    return this.kb?.search?.(q, limit) ?? [];
  }

  resolve(actors: string[]): { ok: true; value: ResolvedActors } | { ok: false; errors: FieldError[] } {
    const ids = new Set<string>();
    const unresolved: string[] = [];
    const errors: FieldError[] = [];
    actors.forEach((raw, i) => {
      const s = raw.trim();
      const known = this.kb?.get(s);
      if (known) {
        ids.add(known.id);
        return;
      }
      const hits = this.kb ? dedupe(this.kb.byAlias(s)) : [];
      if (hits.length === 1) ids.add(hits[0].id);
      else if (hits.length > 1)
        errors.push({
          field: `actors[${i}]`,
          message: `"${s}" is ambiguous: ${hits.map((h) => `${h.id} (${h.name})`).join(', ')}; give the id instead`,
        });
      else if (ID_LIKE.test(s)) ids.add(s);
      else unresolved.push(s);
    });
    return errors.length ? { ok: false, errors } : { ok: true, value: { actorIds: [...ids], unresolved } };
  }
}

function dedupe<T extends { id: string }>(l: T[]): T[] {
  const seen = new Set<string>();
  return l.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}
