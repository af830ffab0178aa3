import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { RedisScript, replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import type { Claim, IdempotencyKeys } from './idempotency-keys.js';

/**
 * KEYS[1] the key's hash {fp = fingerprint, r = result once complete}
 * ARGV[1] fingerprint, ARGV[2] pending TTL in ms
 * Returns {1} when the claim is fresh, or {0, fingerprint, result | false, ms to expiry} when it was taken.
 */
const CLAIM = new RedisScript(
  'idempotency-claim',
  `
local held = redis.call('HMGET', KEYS[1], 'fp', 'r')
if held[1] then
  return {0, held[1], held[2], redis.call('PTTL', KEYS[1])}
end
redis.call('HSET', KEYS[1], 'fp', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1}
`,
);

/**
 * KEYS[1] the key's hash
 * Returns {fingerprint, result | false, ms to expiry} when the key is claimed, else false.
 */
const PEEK = new RedisScript(
  'idempotency-peek',
  `
local held = redis.call('HMGET', KEYS[1], 'fp', 'r')
if not held[1] then
  return false
end
return {held[1], held[2], redis.call('PTTL', KEYS[1])}
`,
);

/**
 * KEYS[1] the key's hash; ARGV[1] result, ARGV[2] TTL in ms.
 * Returns 1 when recorded, 0 when the claim had already expired (nothing is recreated).
 */
const COMPLETE = new RedisScript(
  'idempotency-complete',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'r', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`,
);

/**
 * {@link IdempotencyKeys} shared by a cluster: one Redis hash per key with a TTL, so a retry that
 * lands on another node finds the claim, and exactly one of concurrent claims on any nodes is fresh.
 */
export class RedisIdempotencyKeys implements IdempotencyKeys {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'hm:idem:',
  ) {}

  /** The Redis key of idempotency key `key` (command steps claim through the same keys). */
  keyOf(key: string): string {
    return this.prefix + key;
  }

  async claim(key: string, fingerprint: string, pendingTtlMs: number): Promise<Claim> {
    const reply = replyArray(await CLAIM.run(this.redis, [this.prefix + key], [fingerprint, Math.max(1, Math.ceil(pendingTtlMs))]), CLAIM.name);
    if (replyNumber(reply[0], CLAIM.name) === 1) return { fresh: true };
    const result = reply[2];
    return { fresh: false, fingerprint: String(reply[1]), result: typeof result === 'string' ? result : null, expiresInMs: Math.max(0, replyNumber(reply[3], CLAIM.name)) };
  }

  async peek(key: string): Promise<Extract<Claim, { fresh: false }> | null> {
    const reply = await PEEK.run(this.redis, [this.prefix + key], []);
    if (!Array.isArray(reply)) return null;
    const [fingerprint, result, ttl] = reply as unknown[];
    return { fresh: false, fingerprint: String(fingerprint), result: typeof result === 'string' ? result : null, expiresInMs: Math.max(0, replyNumber(ttl, PEEK.name)) };
  }

  async complete(key: string, result: string, ttlMs: number): Promise<void> {
    await COMPLETE.run(this.redis, [this.prefix + key], [result, Math.max(1, Math.ceil(ttlMs))]);
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  /** The connection belongs to the composition root, which closes it. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
