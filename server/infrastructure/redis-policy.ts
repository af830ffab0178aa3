import { Cluster } from 'ioredis';
import type { RedisClient } from '../../persistence/redis/redis-client.js';

/**
 * Refuses to run on a Redis that may evict keys: presence entries, idempotency keys, cursors and
 * queued writes must never vanish under memory pressure (`maxmemory-policy noeviction`). On a
 * Redis Cluster every master is asked.
 */
export async function assertNoEviction(redis: RedisClient): Promise<void> {
  const servers = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const server of servers) {
    const reply = await server.config('GET', 'maxmemory-policy');
    const policy = Array.isArray(reply) ? String(reply[1]) : '';
    if (policy !== 'noeviction') {
      const where = redis instanceof Cluster ? ` on ${server.options.host ?? '?'}:${server.options.port ?? '?'}` : '';
      throw new Error(`Redis maxmemory-policy is "${policy}"${where}; HugMood needs "noeviction" (an evicted key would lose presence, idempotency or queued writes)`);
    }
  }
}
