import { randomBytes } from 'node:crypto';
import { ConflictException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { SCHEMA_VERSION, WatchInputSchema, type Channel, type FieldError, type Watch, type WatchInput } from '@marsad/contracts';
import { QueryParseError, UnsafeUrlError, parseQuery } from '@marsad/alerts';
import { ValidationFailed } from '../http/errors';
import type { AdminContext } from '../context';
import { fulfilledWithin } from '@marsad/observability';

/** A watch as the API shows it: webhook secrets replaced by `secretSet`. */
export type PublicChannel = { type: 'webhook'; url: string; secretSet: boolean; secret?: string } | { type: 'email'; to: string[] };
export type PublicWatch = Omit<Watch, 'channels'> & { channels: PublicChannel[]; secret?: string };

export function redactWatch(w: Watch, generated: Map<number, string> = new Map()): PublicWatch {
  const { channels, ...rest } = w;
  const out: PublicWatch = {
    ...rest,
    channels: channels.map((c, i) =>
      c.type === 'webhook'
        ? { type: 'webhook', url: c.url, secretSet: !!c.secret, ...(generated.has(i) ? { secret: generated.get(i) } : {}) }
        : { type: 'email', to: c.to },
    ),
  };
  const first = [...generated.entries()].sort(([a], [b]) => a - b)[0];
  if (first) out.secret = first[1];
  return out;
}

export const generateSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;
export const generateWatchId = () => `w_${randomBytes(8).toString('hex')}`;

function parseInput(body: unknown): WatchInput {
  const res = WatchInputSchema.safeParse(body);
  if (!res.success) throw ValidationFailed.fromZod(res.error);
  return res.data;
}

/** Checks that do I/O or need libraries: query syntax, webhook target safety, actor ids. */
async function validateSemantics(ctx: AdminContext, input: WatchInput): Promise<{ actorIds: string[] }> {
  const errors: FieldError[] = [];
  if (input.query) {
    try {
      parseQuery(input.query);
    } catch (err) {
      if (err instanceof QueryParseError) errors.push({ field: 'query', message: err.message });
      else throw err;
    }
  }
  await Promise.all(
    input.channels.map(async (c, i) => {
      if (c.type !== 'webhook') return;
      try {
        await ctx.guard.check(c.url);
      } catch (err) {
        if (err instanceof UnsafeUrlError) errors.push({ field: `channels[${i}].url`, message: err.message });
        else throw err;
      }
    }),
  );
  let actorIds: string[] = [];
  if (input.actors?.length) {
    const r = ctx.actors.resolve(input.actors);
    if (!r.ok) errors.push(...r.errors);
    else actorIds = r.value.actorIds;
  }
  if (errors.length) throw new ValidationFailed(errors.sort((a, b) => a.field.localeCompare(b.field)));
  return { actorIds };
}

function withSecrets(channels: Channel[], previous: Channel[] | undefined): { channels: Channel[]; generated: Map<number, string> } {
  const generated = new Map<number, string>();
  const out = channels.map((c, i) => {
    if (c.type !== 'webhook' || c.secret) return c;
    // On update, a webhook channel without a secret keeps the one it had for the same URL.
    const kept = previous?.find((p) => p.type === 'webhook' && p.url === c.url && p.secret);
    if (kept && kept.type === 'webhook') return { ...c, secret: kept.secret };
    const secret = generateSecret();
    generated.set(i, secret);
    return { ...c, secret };
  });
  return { channels: out, generated };
}

function toStored(input: WatchInput, id: string, actorIds: string[], channels: Channel[], createdAt: string, now: string): Watch {
  const w: Watch = {
    schemaVersion: SCHEMA_VERSION,
    id,
    name: input.name,
    channels,
    enabled: input.enabled ?? true,
    createdAt,
    updatedAt: now,
  };
  if (input.actors?.length) {
    w.actors = input.actors;
    w.actorIds = actorIds;
  }
  if (input.query) w.query = input.query;
  if (input.languages?.length) w.languages = input.languages;
  if (input.sources?.length) w.sources = input.sources;
  if (input.minMentions) w.minMentions = input.minMentions;
  if (input.throttle) w.throttle = input.throttle;
  if (input.digest) w.digest = input.digest;
  return w;
}

/**
 * Waits (bounded) until this replica's view of marsad.watches shows the write, so a client that
 * reads right after writing sees it. The write is durable either way (acks=all).
 */
async function awaitView(ctx: AdminContext, id: string, done: (w: Watch | undefined) => boolean, timeoutMs = 5000): Promise<boolean> {
  if (done(ctx.watches.get(id))) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      ctx.logger.warn('watch write not yet visible in the view', { watchId: id, timeoutMs });
      resolve(false);
    }, timeoutMs);
    const off = ctx.watches.onChange((c) => {
      if (c.key === id && done(c.value)) {
        clearTimeout(timer);
        off();
        resolve(true);
      }
    });
  });
}

async function requireView(ctx: AdminContext): Promise<void> {
  if (ctx.watches.caughtUp) return;
  if (!(await fulfilledWithin(ctx.watches.ready(), 5000)))
    throw new ServiceUnavailableException({ error: 'unavailable', message: 'the watches view is still loading from Kafka; retry shortly' });
}

async function publishWatch(ctx: AdminContext, w: Watch): Promise<void> {
  await ctx.publisher.publish(ctx.names.topic('watches'), w.id, w);
  await awaitView(ctx, w.id, (v) => v?.updatedAt === w.updatedAt);
}

export async function createWatch(ctx: AdminContext, body: unknown): Promise<PublicWatch> {
  const input = parseInput(body);
  const { actorIds } = await validateSemantics(ctx, input);
  await requireView(ctx);
  const id = input.id ?? generateWatchId();
  if (ctx.watches.has(id))
    throw new ConflictException({
      error: 'conflict',
      field: 'id',
      message: `a watch with id "${id}" already exists; use PUT /v1/watches/${id} to change it`,
    });
  const now = new Date().toISOString();
  const { channels, generated } = withSecrets(input.channels, undefined);
  const stored = toStored(input, id, actorIds, channels, now, now);
  await publishWatch(ctx, stored);
  ctx.logger.info('watch created', { watchId: id, actors: actorIds.length, query: !!stored.query, channels: channels.map((c) => c.type) });
  return redactWatch(stored, generated);
}

export async function replaceWatch(ctx: AdminContext, id: string, body: unknown): Promise<PublicWatch> {
  const input = parseInput(body);
  if (input.id !== undefined && input.id !== id)
    throw ValidationFailed.field('id', `must equal the id in the path ("${id}") or be omitted`);
  const { actorIds } = await validateSemantics(ctx, input);
  await requireView(ctx);
  const existing = ctx.watches.get(id);
  if (!existing) throw new NotFoundException({ error: 'not_found', message: `no watch with id "${id}"` });
  const now = new Date().toISOString();
  const { channels, generated } = withSecrets(input.channels, existing.channels);
  const stored = toStored(
    input,
    id,
    actorIds,
    channels,
    existing.createdAt,
    now > existing.updatedAt ? now : new Date(Date.parse(existing.updatedAt) + 1).toISOString(),
  );
  await publishWatch(ctx, stored);
  ctx.logger.info('watch replaced', { watchId: id });
  return redactWatch(stored, generated);
}

export async function deleteWatch(ctx: AdminContext, id: string): Promise<void> {
  await requireView(ctx);
  if (!ctx.watches.has(id)) throw new NotFoundException({ error: 'not_found', message: `no watch with id "${id}"` });
  await ctx.publisher.publish(ctx.names.topic('watches'), id, null); // tombstone: compaction drops the key
  await awaitView(ctx, id, (v) => v === undefined);
  ctx.logger.info('watch deleted', { watchId: id });
}

export async function listWatches(ctx: AdminContext): Promise<PublicWatch[]> {
  await requireView(ctx);
  return ctx.watches
    .values()
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((w) => redactWatch(w));
}

export async function getWatch(ctx: AdminContext, id: string): Promise<PublicWatch> {
  await requireView(ctx);
  const w = ctx.watches.get(id);
  if (!w) throw new NotFoundException({ error: 'not_found', message: `no watch with id "${id}"` });
  return redactWatch(w);
}
