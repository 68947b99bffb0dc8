import { ConflictException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { z } from 'zod';
import { KbActorSchema, SCHEMA_VERSION, sha256Hex, type FieldError, type KbActor, type KbChange } from '@marsad/contracts';
import { ID_PREFIX_BY_TYPE, KnowledgeBase, aliasKey, slugify, validateActor } from '@marsad/kb';
import { ValidationFailed } from '../http/errors';
import type { AdminContext } from '../context';
import { withActorLock } from './kb-edit-lock';

/** A name or alias a reader can index: not blank, and with at least one letter or digit (its lookup key is not empty). */
const actorName = z
  .string({ invalid_type_error: 'must be a string' })
  .trim()
  .min(1, 'must be a non-empty string')
  .max(200)
  .refine((s) => aliasKey(s).trim().length > 0, 'must contain a letter or a digit');

/** POST /v1/actors: a KbActor whose id may be omitted (then derived from type + name). */
export const ActorInputSchema = KbActorSchema.extend({
  id: KbActorSchema.shape.id.max(120).optional(),
  name: actorName,
  aliases: z.array(actorName).max(200).default([]),
  description: z.string().max(2000).optional(),
});

export const AddAliasesSchema = z.object({ aliases: z.array(actorName).min(1, 'needs at least one alias').max(200) }).strict();

/**
 * KB edits are read-modify-write on the compacted marsad.kb (the full actor is the value), so two
 * concurrent edits of one actor would each start from the same state and the later publish would
 * drop the earlier one's aliases. Edits of one actor are serialised on this replica (a promise
 * chain), then across replicas (withActorLock: a Redis lock per actor, and the view caught up with
 * the last locked write); each starts from the newest of the view and what this replica last
 * published.
 */
const editChains = new WeakMap<AdminContext, Map<string, Promise<unknown>>>();
const lastPublished = new WeakMap<AdminContext, Map<string, KbActor>>();
const lastChangeAt = new WeakMap<AdminContext, Map<string, string>>();

export async function serialisedEdit<T>(ctx: AdminContext, id: string, fn: () => Promise<T>): Promise<T> {
  let chains = editChains.get(ctx);
  if (!chains) editChains.set(ctx, (chains = new Map()));
  const prev = chains.get(id) ?? Promise.resolve();
  const run = prev
    .catch(() => undefined)
    .then(() =>
      withActorLock(ctx, id, async () => {
        const before = lastChangeAt.get(ctx)?.get(id);
        const result = await fn();
        const after = lastChangeAt.get(ctx)?.get(id);
        return { result, updatedAt: after !== before ? after : undefined };
      }),
    );
  const tail = run.catch(() => undefined);
  chains.set(id, tail);
  void tail.then(() => {
    if (chains.get(id) === tail) chains.delete(id);
  });
  return run;
}

/** The actor as the next edit must see it: the view, plus aliases this replica published that the view does not show yet. */
function currentActor(ctx: AdminContext, id: string): KbActor | undefined {
  const seen = kbActor(ctx, id);
  const mine = lastPublished.get(ctx)?.get(id);
  if (!mine) return seen;
  if (!seen) return mine;
  const missing = mine.aliases.filter((a) => !seen.aliases.includes(a));
  return missing.length ? { ...seen, aliases: [...seen.aliases, ...missing] } : seen;
}

/**
 * The record exactly as every reader of marsad.kb will parse it (after the JSON round trip),
 * applied to an empty knowledge base: if a reader would reject it, the API refuses it (400) rather
 * than publishing a poison record that compaction keeps forever.
 */
function readerCheck(change: KbChange): void {
  try {
    new KnowledgeBase().applyChange(change.actor.id, JSON.parse(JSON.stringify(change)));
  } catch (err) {
    throw new ValidationFailed([kbError(err)]);
  }
}

/**
 * The id of a new actor: `<type prefix>:<slug>` from its name, else from the first alias that has
 * Latin letters or digits (an Arabic-only name gives an empty slug), else a short digest of the
 * name — so the same input always gives the same id.
 */
export function actorIdFor(input: { type: keyof typeof ID_PREFIX_BY_TYPE; name: string; aliases?: string[] }): string {
  const prefix = ID_PREFIX_BY_TYPE[input.type];
  for (const s of [input.name, ...(input.aliases ?? [])]) {
    const slug = slugify(s).slice(0, 80).replace(/-+$/, '');
    if (slug) return `${prefix}:${slug}`;
  }
  return `${prefix}:x${sha256Hex(input.name.trim()).slice(0, 12)}`;
}

/** `actor "x": field "country": must be ...` (libs/kb validateActor) → a field error. */
function kbError(err: unknown): FieldError {
  const msg = (err as Error).message ?? String(err);
  const m = /field "([^"]+)": (.*)$/.exec(msg);
  return m ? { field: m[1], message: m[2] } : { field: '(root)', message: msg };
}

/** The admin's KB through the resolver (the same instance watch resolution uses). */
function kbActor(ctx: AdminContext, id: string): KbActor | undefined {
  return ctx.actors.search(id, 10).find((a) => a.id === id) as KbActor | undefined;
}

function requireKb(ctx: AdminContext): void {
  if (!ctx.actors.hasKb || !ctx.kbView)
    throw new ServiceUnavailableException({ error: 'unavailable', message: 'the knowledge base is not loaded on this replica' });
  // Until this replica has replayed marsad.kb, an operator's earlier edit may be missing here: an
  // existence check would be wrong and a write could overwrite it. Ask the client to retry.
  if (!ctx.kbView.caughtUp)
    throw new ServiceUnavailableException({
      error: 'unavailable',
      message: 'still replaying marsad.kb on this replica; retry in a few seconds',
    });
}

/** Other actors that already answer to one of these names (the KB allows it; the enricher then sees an ambiguity). */
function sharedNames(ctx: AdminContext, id: string, forms: string[]): { alias: string; actorIds: string[] }[] {
  const out: { alias: string; actorIds: string[] }[] = [];
  for (const f of forms) {
    const r = ctx.actors.resolve([f]);
    if (r.ok) {
      const others = r.value.actorIds.filter((x) => x !== id && !/^[a-z]+:/.test(f));
      if (others.length) out.push({ alias: f, actorIds: others });
    } else {
      out.push({ alias: f, actorIds: (r.errors[0]?.message.match(/[a-z]+:[^\s,()]+/g) ?? []).filter((x) => x !== id) });
    }
  }
  return out;
}

/**
 * Publishes the full actor to the compacted marsad.kb (key = actor id, value = KbChange) — every
 * enricher applies it live — then waits (at most 5 s) until this replica's own KB view shows it,
 * so GET /v1/actors and watch resolution right after the call see the edit.
 */
async function publishActor(ctx: AdminContext, actor: KbActor, done: (a: KbActor | undefined) => boolean): Promise<boolean> {
  // Never older than what the view holds (another replica's clock may be ahead): the lock waits on it.
  const prev = Date.parse(ctx.kbView?.get(actor.id)?.updatedAt ?? '') || 0;
  const change: KbChange = { schemaVersion: SCHEMA_VERSION, actor, updatedAt: new Date(Math.max(Date.now(), prev + 1)).toISOString() };
  readerCheck(change);
  await ctx.publisher.publish(ctx.names.topic('kb'), actor.id, change);
  let mine = lastPublished.get(ctx);
  if (!mine) lastPublished.set(ctx, (mine = new Map()));
  mine.set(actor.id, actor);
  let at = lastChangeAt.get(ctx);
  if (!at) lastChangeAt.set(ctx, (at = new Map()));
  at.set(actor.id, change.updatedAt);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (done(kbActor(ctx, actor.id))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  ctx.logger.warn("KB edit not yet visible in this replica's view", { actorId: actor.id });
  return false;
}

export interface ActorEditResult {
  actor: KbActor;
  /** Names/aliases other actors also carry (a warning: the enricher will see them as ambiguous). */
  sharedAliases: { alias: string; actorIds: string[] }[];
  visible: boolean;
}

/** POST /v1/actors (admin): a new actor; 409 when the id exists (add aliases instead). */
export async function createActor(ctx: AdminContext, body: unknown): Promise<ActorEditResult> {
  requireKb(ctx);
  const res = ActorInputSchema.safeParse(body);
  if (!res.success) throw ValidationFailed.fromZod(res.error);
  const input = res.data;
  const id = input.id ?? actorIdFor(input);
  let actor: KbActor;
  try {
    actor = validateActor({ ...input, id });
  } catch (err) {
    throw new ValidationFailed([kbError(err)]);
  }
  return serialisedEdit(ctx, id, () => createSerialised(ctx, id, actor));
}

async function createSerialised(ctx: AdminContext, id: string, actor: KbActor): Promise<ActorEditResult> {
  if (currentActor(ctx, id))
    throw new ConflictException({
      error: 'conflict',
      message: `actor "${id}" already exists: POST /v1/actors/${id}/aliases adds aliases`,
      id,
    });
  const sharedAliases = sharedNames(ctx, id, [actor.name, ...actor.aliases]);
  const visible = await publishActor(ctx, actor, (a) => !!a);
  ctx.logger.info('KB actor created', { actorId: id, aliases: actor.aliases.length });
  return { actor, sharedAliases, visible };
}

/** POST /v1/actors/:id/aliases (admin): appends aliases (duplicates ignored) and republishes the actor. */
export async function addActorAliases(ctx: AdminContext, id: string, body: unknown): Promise<ActorEditResult & { added: string[] }> {
  requireKb(ctx);
  const res = AddAliasesSchema.safeParse(body);
  if (!res.success) throw ValidationFailed.fromZod(res.error);
  const wanted = res.data.aliases;
  return serialisedEdit(ctx, id, () => addSerialised(ctx, id, wanted));
}

async function addSerialised(ctx: AdminContext, id: string, wanted: string[]): Promise<ActorEditResult & { added: string[] }> {
  const current = currentActor(ctx, id);
  if (!current) throw new NotFoundException({ error: 'not_found', message: `no actor "${id}" in the knowledge base` });
  const have = new Set([current.name, ...current.aliases].map((s) => s.trim()));
  const added = [...new Set(wanted)].filter((a) => !have.has(a));
  if (!added.length) return { actor: current, added: [], sharedAliases: [], visible: true };
  let actor: KbActor;
  try {
    actor = validateActor({ ...current, aliases: [...current.aliases, ...added] });
  } catch (err) {
    throw new ValidationFailed([kbError(err)]);
  }
  const sharedAliases = sharedNames(ctx, id, added);
  const visible = await publishActor(ctx, actor, (a) => !!a && added.every((x) => a.aliases.includes(x)));
  ctx.logger.info('KB aliases added', { actorId: id, added: added.length });
  return { actor, added, sharedAliases, visible };
}

/** GET /v1/actors?q=&limit=: each parameter once, as a string (a repeated ?q=a&q=b is an array: 400). */
export function searchActors(ctx: AdminContext, q: unknown, limit: unknown) {
  if (typeof q !== 'string') throw ValidationFailed.field('q', 'must be given once, as text');
  if (q.length > 200) throw ValidationFailed.field('q', 'must be at most 200 characters');
  if (typeof limit !== 'string') throw ValidationFailed.field('limit', 'must be given once, as a whole number between 1 and 200');
  const n = /^\d{1,3}$/.test(limit.trim()) ? Number(limit) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 200) throw ValidationFailed.field('limit', 'must be a whole number between 1 and 200');
  return { actors: ctx.actors.search(q, n).map((a) => ({ id: a.id, name: a.name, type: a.type, aliases: a.aliases })) };
}
