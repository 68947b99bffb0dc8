import type Redis from 'ioredis';
import type { AlertStateRepository } from '@marsad/alerts';

/** KEYS: digest hash, closed marker. ARGV: field, value, ttl seconds. -1 when the window is closed. */
const FILE_IN_DIGEST = `
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
local r = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return r`;

/**
 * KEYS: one delivery key per delivery. ARGV: owner (the batch job id), ttl seconds. Per key 1 when
 * the owner may make the delivery (unclaimed, or claimed by this same batch before a crash: sent
 * again, at least once as any interrupted job), 0 when another batch has it or it is done.
 */
const CLAIM_DELIVERIES = `
local out = {}
for i, k in ipairs(KEYS) do
  local v = redis.call('GET', k)
  if not v then
    redis.call('SET', k, ARGV[1], 'EX', tonumber(ARGV[2]))
    out[i] = 1
  elseif v == ARGV[1] then
    out[i] = 1
  else
    out[i] = 0
  end
end
return out`;

/** KEYS: the alerts' "decided" marks. ARGV: ttl seconds. Sets each to 1 with that ttl. */
const MARK_DECIDED = `
local ttl = tonumber(ARGV[1])
for _, k in ipairs(KEYS) do redis.call('SET', k, '1', 'EX', ttl) end
return #KEYS`;
const MARK_PER_CALL = 5000;

/**
 * The alert rules' state in Redis, under `<queue prefix>:alerter:*` (shared by every replica). The
 * intake decides a chunk's alerts concurrently: give it a connection with `enableAutoPipelining`,
 * so the commands of one tick go out as one pipeline (a round trip per rule step, not per alert).
 */
export class RedisAlertStateRepository implements AlertStateRepository {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(...parts: string[]): string {
    return [this.prefix, 'alerter', ...parts].join(':');
  }

  async decided(alertIds: string[]): Promise<boolean[]> {
    if (!alertIds.length) return [];
    const seen = await this.redis.mget(alertIds.map((id) => this.key('decided', id)));
    return seen.map((v) => v !== null);
  }

  /**
   * One command for the chunk (~1,700 marks in the bench's chunks of 200 articles) instead of a
   * pipeline of one SET each: the client builds one command, not one per alert (ADR 0020, sixth session).
   */
  async markDecided(alertIds: string[], ttlSeconds: number): Promise<void> {
    if (!alertIds.length) return;
    const keys = alertIds.map((id) => this.key('decided', id));
    // At most MARK_PER_CALL keys per script: a short script never holds Redis up for long.
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < keys.length; i += MARK_PER_CALL) {
      const part = keys.slice(i, i + MARK_PER_CALL);
      calls.push(this.redis.eval(MARK_DECIDED, part.length, ...part, String(ttlSeconds)));
    }
    await Promise.all(calls);
  }

  /** Claims the deliveries (`<alertId>-c<n>`) for batch `owner`: true per delivery it may make. */
  async claimDeliveries(deliveryIds: string[], owner: string, ttlSeconds: number): Promise<boolean[]> {
    if (!deliveryIds.length) return [];
    const keys = deliveryIds.map((id) => this.key('delivery', id));
    const res = (await this.redis.eval(CLAIM_DELIVERIES, keys.length, ...keys, owner, String(ttlSeconds))) as number[];
    return res.map((r) => Number(r) === 1);
  }

  /** Claimed deliveries made (or handed over to their own jobs): no batch makes them again. */
  async deliveriesDone(deliveryIds: string[], ttlSeconds: number): Promise<void> {
    if (!deliveryIds.length) return;
    if (deliveryIds.length === 1) {
      await this.redis.set(this.key('delivery', deliveryIds[0]), 'done', 'EX', ttlSeconds); // auto-pipelined
      return;
    }
    const p = this.redis.pipeline();
    for (const id of deliveryIds) p.set(this.key('delivery', id), 'done', 'EX', ttlSeconds);
    const res = await p.exec();
    const err = res?.find(([e]) => e)?.[0];
    if (err) throw err;
  }

  async claimStory(watchId: string, clusterId: string, alertId: string, ttlSeconds: number): Promise<string> {
    const key = this.key('cluster', watchId, clusterId);
    if ((await this.redis.set(key, alertId, 'EX', ttlSeconds, 'NX')) === 'OK') return alertId;
    // Expired between the two calls: nobody holds it any more, so this alert does.
    return (await this.redis.get(key)) ?? alertId;
  }

  async addToThrottleWindow(watchId: string, windowStart: string, alertId: string, ttlMs: number): Promise<number> {
    const key = this.key('throttle', watchId, windowStart);
    const res = await this.redis.multi().sadd(key, alertId).scard(key).pexpire(key, ttlMs).exec();
    const err = res?.find(([e]) => e)?.[0];
    if (err) throw err;
    return Number(res?.[1]?.[1] ?? 0);
  }

  async removeFromThrottleWindow(watchId: string, windowStart: string, alertId: string): Promise<void> {
    await this.redis.srem(this.key('throttle', watchId, windowStart), alertId);
  }

  async fileInDigest(watchId: string, windowStart: string, field: string, value: string, ttlSeconds: number): Promise<boolean> {
    const key = this.key('digest', watchId, windowStart);
    const closed = this.key('digest-closed', watchId, windowStart);
    return Number(await this.redis.eval(FILE_IN_DIGEST, 2, key, closed, field, value, String(ttlSeconds))) >= 0;
  }

  async closeDigest(watchId: string, windowStart: string, ttlSeconds: number): Promise<string[]> {
    const key = this.key('digest', watchId, windowStart);
    const closed = this.key('digest-closed', watchId, windowStart);
    // Mark the window closed and read it in one transaction: a later filing goes to the next window.
    const res = await this.redis.multi().set(closed, '1', 'EX', ttlSeconds).hvals(key).exec();
    const err = res?.find(([e]) => e)?.[0];
    if (err) throw err;
    return (res?.[1]?.[1] ?? []) as string[];
  }
}
