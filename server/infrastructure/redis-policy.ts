import type { Redis } from 'ioredis';

/**
 * Refuses to run on a Redis that may evict keys: presence entries, idempotency keys, cursors and
 * queued writes must never vanish under memory pressure (`maxmemory-policy noeviction`).
 */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const reply = await redis.config('GET', 'maxmemory-policy');
  const policy = Array.isArray(reply) ? String(reply[1]) : '';
  if (policy !== 'noeviction') {
    throw new Error(`Redis maxmemory-policy is "${policy}"; HugMood needs "noeviction" (an evicted key would lose presence, idempotency or queued writes)`);
  }
}
