import type Redis from 'ioredis';
import type { HealthIndicator } from '@marsad/observability';

export function redisHealthIndicator(redis: Redis, name = 'redis'): HealthIndicator {
  return {
    name,
    async check() {
      if (redis.status !== 'ready') throw new Error(`redis connection is ${redis.status}`);
      const pong = await redis.ping();
      if (pong !== 'PONG') throw new Error(`unexpected PING answer ${pong}`);
    },
  };
}
