import type Redis from 'ioredis';
import type { DedupEntry, DedupStore } from '@marsad/nlp';

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
}

export function dedupPrefix(namespace?: string): string {
  return namespace ? `marsad:${namespace}:dedup:` : 'marsad:dedup:';
}

/**
 * Near-duplicate store shared by all enricher replicas: one sorted set per LSH band key, member
 * `articleId|fingerprint|clusterId`, score = time added (for capping), TTL refreshed on write.
 */
export class RedisDedupStore implements DedupStore {
  private readonly ttl: number;
  private readonly cap: number;

  constructor(
    private readonly redis: Redis,
    private readonly opts: RedisDedupStoreOptions,
  ) {
    this.ttl = opts.ttlSeconds ?? 30 * 24 * 3600;
    this.cap = opts.maxPerBand ?? 5000;
  }

  private key(band: string): string {
    return `${this.opts.prefix}band:${band}`;
  }

  async candidates(bandKeys: string[]): Promise<DedupEntry[]> {
    if (!bandKeys.length) return [];
    const pipe = this.redis.pipeline();
    for (const b of bandKeys) pipe.zrange(this.key(b), 0, -1);
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
