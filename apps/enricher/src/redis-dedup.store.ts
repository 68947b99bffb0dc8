import type Redis from 'ioredis';
import type { Result } from 'ioredis';
import type { BatchDedupStore, DedupEntry, DedupItem, DedupResult } from '@marsad/nlp';

export interface RedisDedupStoreOptions {
  /** Key prefix, namespaced: `marsad:<ns>:dedup:` (or `marsad:dedup:` without namespace). */
  prefix: string;
  /** Entries expire with their band key after this many seconds of no writes (default 30 days). */
  ttlSeconds?: number;
  /**
   * Most recent entries kept per band key (default 5000). A MinHash band key is shared only by
   * copies of one story, so this bounds pathological cases (one boilerplate text published
   * thousands of times), oldest first.
   */
  maxPerBand?: number;
  /**
   * Most recent entries READ per band key at lookup (default 256). A band key is shared by the
   * copies of one story, so the newest few hundred hold any copy worth joining; without a bound a
   * boilerplate-heavy band returns thousands of entries per lookup and the enricher slows down as
   * the store fills (issue 10).
   */
  maxReadPerBand?: number;
}

/**
 * The whole chunk's near-duplicate assignment in ONE atomic script (one round trip instead of two
 * per article; atomic, so replicas sharing the store behave like one sequential run). Per article,
 * in order: read the newest ARGV[5] entries of each band key, drop repeats, return the stored
 * cluster when the article itself is there (redelivery), else the nearest fingerprint within
 * ARGV[1] bits (ties: smallest article id) or a new cluster; then add it to every band key (capped,
 * TTL refreshed). Same decisions as NearDuplicateIndex.assign over the same store.
 * KEYS: the band keys of all articles in order. ARGV: maxHamming, now, cap, ttl, readLimit, then per
 * article: id, fingerprint (16 hex), number of its keys.
 */
const ASSIGN_SCRIPT = `
local maxH = tonumber(ARGV[1])
local now = ARGV[2]
local cap = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local lim = tonumber(ARGV[5])
local out = {}
local k = 1
local i = 6
while i <= #ARGV do
  local id, fp, nk = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  i = i + 3
  local hi, lo = tonumber(string.sub(fp, 1, 8), 16), tonumber(string.sub(fp, 9, 16), 16)
  local seen = {}
  local bestId, bestCl, bestD, own = nil, nil, maxH + 1, nil
  for j = k, k + nk - 1 do
    local members = redis.call('ZRANGE', KEYS[j], -lim, -1)
    for _, m in ipairs(members) do
      local a = string.find(m, '|', 1, true)
      local b = a and string.find(m, '|', a + 1, true)
      if b then
        local cid = string.sub(m, 1, a - 1)
        if not seen[cid] then
          seen[cid] = true
          local cfp = string.sub(m, a + 1, b - 1)
          local ccl = string.sub(m, b + 1)
          if cid == id then own = ccl break end
          local d = 0
          local x = bit.bxor(hi, tonumber(string.sub(cfp, 1, 8), 16))
          while x ~= 0 and d <= maxH do x = bit.band(x, x - 1) d = d + 1 end
          x = bit.bxor(lo, tonumber(string.sub(cfp, 9, 16), 16))
          while x ~= 0 and d <= maxH do x = bit.band(x, x - 1) d = d + 1 end
          if d < bestD or (d == bestD and bestId and cid < bestId) then
            bestId, bestCl, bestD = cid, ccl, d
          end
        end
      end
    end
    if own then break end
  end
  if own then
    out[#out + 1] = own
    if own == id then out[#out + 1] = '' else out[#out + 1] = own end
  else
    local cl = bestCl or id
    out[#out + 1] = cl
    out[#out + 1] = bestId or ''
    local member = id .. '|' .. fp .. '|' .. cl
    for j = k, k + nk - 1 do
      redis.call('ZADD', KEYS[j], now, member)
      redis.call('ZREMRANGEBYRANK', KEYS[j], 0, -(cap + 1))
      redis.call('EXPIRE', KEYS[j], ttl)
    end
  end
  k = k + nk
end
return out
`;

const FINGERPRINT = /^[0-9a-f]{16}$/;

export function dedupPrefix(namespace?: string): string {
  return namespace ? `marsad:${namespace}:dedup:` : 'marsad:dedup:';
}

/**
 * Near-duplicate store shared by all enricher replicas: one sorted set per LSH band key, member
 * `articleId|fingerprint|clusterId`, score = time added (for capping), TTL refreshed on write.
 */
export class RedisDedupStore implements BatchDedupStore {
  private readonly ttl: number;
  private readonly cap: number;
  private readonly readLimit: number;

  constructor(
    private readonly redis: Redis,
    private readonly opts: RedisDedupStoreOptions,
  ) {
    this.ttl = opts.ttlSeconds ?? 30 * 24 * 3600;
    this.cap = opts.maxPerBand ?? 5000;
    this.readLimit = opts.maxReadPerBand ?? 256;
    redis.defineCommand('assignChunk', { lua: ASSIGN_SCRIPT });
  }

  /** A chunk in one script call (EVALSHA, loaded once per connection by ioredis). */
  async assignMany(items: DedupItem[], maxHamming: number): Promise<DedupResult[]> {
    if (!items.length) return [];
    const keys: string[] = [];
    const args: (string | number)[] = [maxHamming, Date.now(), this.cap, this.ttl, this.readLimit];
    for (const it of items) {
      if (!FINGERPRINT.test(it.sketch.fingerprint)) throw new Error(`dedup: fingerprint of ${it.articleId} is not 16 hex digits`);
      for (const b of it.sketch.lshKeys) keys.push(this.key(b));
      args.push(it.articleId, it.sketch.fingerprint, it.sketch.lshKeys.length);
    }
    const res = (await this.redis.assignChunk(keys.length, ...keys, ...args)) as string[];
    if (!Array.isArray(res) || res.length !== 2 * items.length) throw new Error('dedup: unexpected answer from the assign script');
    return items.map((_, i) => (res[2 * i + 1] ? { clusterId: res[2 * i], duplicateOf: res[2 * i + 1] } : { clusterId: res[2 * i] }));
  }

  private key(band: string): string {
    return `${this.opts.prefix}band:${band}`;
  }

  async candidates(bandKeys: string[]): Promise<DedupEntry[]> {
    if (!bandKeys.length) return [];
    const pipe = this.redis.pipeline();
    for (const b of bandKeys) pipe.zrange(this.key(b), -this.readLimit, -1);
    const res = (await pipe.exec()) ?? [];
    const seen = new Set<string>();
    const out: DedupEntry[] = [];
    for (const [err, members] of res) {
      if (err) throw err;
      for (const m of (members as string[]) ?? []) {
        const [articleId, fingerprint, clusterId] = m.split('|');
        if (!articleId || !fingerprint || !clusterId || seen.has(articleId)) continue;
        seen.add(articleId);
        out.push({ articleId, fingerprint, clusterId });
      }
    }
    return out;
  }

  async add(bandKeys: string[], entry: DedupEntry): Promise<void> {
    const member = `${entry.articleId}|${entry.fingerprint}|${entry.clusterId}`;
    const now = Date.now();
    const tx = this.redis.multi();
    for (const b of bandKeys) {
      const k = this.key(b);
      tx.zadd(k, now, member);
      tx.zremrangebyrank(k, 0, -(this.cap + 1));
      tx.expire(k, this.ttl);
    }
    const res = await tx.exec();
    const failed = res?.find(([err]) => err);
    if (!res || failed) throw failed?.[0] ?? new Error('redis transaction aborted');
  }
}

declare module 'ioredis' {
  interface RedisCommander<Context> {
    assignChunk(numKeys: number, ...keysAndArgs: (string | number)[]): Result<string[], Context>;
  }
}
