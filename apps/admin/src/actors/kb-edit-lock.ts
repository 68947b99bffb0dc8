import { randomBytes } from 'node:crypto';
import { ConflictException, ServiceUnavailableException } from '@nestjs/common';
import Redis from 'ioredis';
import { errorFields } from '@marsad/observability';
import { redisConnectionOptions } from '@marsad/config';
import type { AdminContext } from '../context';

/**
 * One writer per actor across admin replicas (k8s runs two). A KB edit is read-modify-write of the
 * whole actor on the compacted marsad.kb, so without a guard two replicas editing one actor at once
 * each publish their own version and one edit is lost. Around each edit:
 * 1. a Redis lock per actor id (`SET NX PX`, released only by its holder);
 * 2. the edit waits until this replica's view shows the last write made under the lock (its
 *    `updatedAt`, kept in Redis), so it starts from the newest version even if the write came from
 *    another replica a moment ago;
 * 3. it records its own write's `updatedAt` before releasing.
 * An edit that cannot get the lock in 10 s answers 409 (a concurrent edit holds it; retry), one
 * whose view does not catch up in 5 s 503: never a silent overwrite.
 */
const LOCK_TTL_MS = 15_000;
const LOCK_WAIT_MS = 10_000;
const VIEW_WAIT_MS = 5_000;
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

const clients = new WeakMap<AdminContext, Redis>();

function redisFor(ctx: AdminContext): Redis {
  let r = clients.get(ctx);
  if (!r) {
    r = new Redis(redisConnectionOptions(ctx.config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }));
    r.on('error', () => undefined);
    clients.set(ctx, r);
  }
  return r;
}

export async function closeKbEditLock(ctx: AdminContext): Promise<void> {
  const r = clients.get(ctx);
  clients.delete(ctx);
  if (r) await r.quit().catch(() => r.disconnect());
}

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

async function waitConnected(r: Redis): Promise<void> {
  const deadline = Date.now() + 3000;
  while (r.status !== 'ready') {
    if (Date.now() > deadline) throw new Error(`Redis not ready (${r.status})`);
    await sleep(25);
  }
}

/** Runs `fn` holding the actor's lock; `fn` returns the `updatedAt` it published (or undefined). */
export async function withActorLock<T>(ctx: AdminContext, id: string, fn: () => Promise<{ result: T; updatedAt?: string }>): Promise<T> {
  const redis = redisFor(ctx);
  const key = `${ctx.names.queuePrefix}:kb-edit:${id}`;
  const token = randomBytes(12).toString('hex');
  try {
    await waitConnected(redis);
    const deadline = Date.now() + LOCK_WAIT_MS;
    while ((await redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline)
        throw new ConflictException({ error: 'conflict', message: `another edit of actor "${id}" is in progress; retry` });
      await sleep(20 + Math.random() * 30);
    }
  } catch (err) {
    if (err instanceof ConflictException) throw err;
    ctx.logger.warn('KB edit lock: Redis unavailable', { actorId: id, ...errorFields(err) });
    throw new ServiceUnavailableException({ error: 'unavailable', message: 'KB edits need Redis (one writer per actor); retry later' });
  }
  try {
    const last = await redis.get(`${key}:last`);
    if (last) {
      const deadline = Date.now() + VIEW_WAIT_MS;
      while ((ctx.kbView?.get(id)?.updatedAt ?? '') < last) {
        if (Date.now() > deadline)
          throw new ServiceUnavailableException({
            error: 'unavailable',
            message: `this replica has not yet seen the last edit of actor "${id}"; retry in a few seconds`,
          });
        await sleep(25);
      }
    }
    const { result, updatedAt } = await fn();
    if (updatedAt) await redis.set(`${key}:last`, updatedAt, 'PX', 7 * 24 * 3600 * 1000);
    return result;
  } finally {
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
