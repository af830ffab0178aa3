import type { Redis } from 'ioredis';
import { RedisScript, replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import type { RateDecision, RateLimiter, RateRule } from './rate-limiter.js';

/**
 * KEYS[1] the bucket hash {t = tokens, at = ms of the last update}
 * ARGV[1] capacity, ARGV[2] refill per ms, ARGV[3] cost
 * Returns {allowed (1|0), retryAfterMs}. Time comes from the Redis server, so every node agrees.
 * The bucket expires once it would be full again: an idle caller costs no memory.
 */
const CONSUME = new RedisScript(
  'rate-consume',
  `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local stored = redis.call('HMGET', KEYS[1], 't', 'at')
local available = capacity
if stored[1] then
  available = math.min(capacity, tonumber(stored[1]) + math.max(0, now - tonumber(stored[2])) * rate)
end
if available < cost then
  return {0, math.ceil((cost - available) / rate)}
end
local left = available - cost
redis.call('HSET', KEYS[1], 't', tostring(left), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((capacity - left) / rate)))
return {1, 0}
`,
);

/**
 * {@link RateLimiter} shared by a cluster: one Redis hash per bucket, consumed by one atomic script
 * (so two nodes never spend the same token), expiring once full.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'hm:rate:',
  ) {}

  async consume(key: string, rule: RateRule, cost = 1): Promise<RateDecision> {
    const reply = replyArray(
      await CONSUME.run(this.redis, [`${this.prefix}${rule.name}:${key}`], [rule.capacity, rule.refillPerSecond / 1000, cost]),
      CONSUME.name,
    );
    const allowed = replyNumber(reply[0], CONSUME.name) === 1;
    return { allowed, retryAfterMs: allowed ? 0 : replyNumber(reply[1], CONSUME.name) };
  }

  /** The connection belongs to the composition root, which closes it. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
