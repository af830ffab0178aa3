import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { RedisScript, replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import { RATE_PREFIX, rateBucketKey, TOKEN_BUCKET_LUA } from '../../persistence/redis/token-bucket-lua.js';
import type { RateDecision, RateLimiter, RateRule } from './rate-limiter.js';

/**
 * KEYS[1] the bucket hash; ARGV[1] capacity, ARGV[2] refill per ms, ARGV[3] cost
 * Returns {allowed (1|0), retryAfterMs} ({@link TOKEN_BUCKET_LUA}).
 */
const CONSUME = new RedisScript(
  'rate-consume',
  `
${TOKEN_BUCKET_LUA}
local wait = take_token(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]))
if wait > 0 then
  return {0, wait}
end
return {1, 0}
`,
);

/**
 * {@link RateLimiter} shared by a cluster: one Redis hash per bucket, consumed by one atomic script
 * (so two nodes never spend the same token), expiring once full.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly prefix: string;
  private readonly tagOf: ((key: string) => string) | undefined;

  constructor(
    private readonly redis: RedisClient,
    options: {
      readonly prefix?: string;
      /** The hash tag of a bucket key's bucket (braces included), shared with its command steps' other keys. */
      readonly tagOf?: (key: string) => string;
    } = {},
  ) {
    this.prefix = options.prefix ?? RATE_PREFIX;
    this.tagOf = options.tagOf;
  }

  /** The Redis key of bucket `rule` + `key` (command steps spend the same buckets). */
  bucketKeyOf(rule: string, key: string): string {
    return rateBucketKey(this.prefix, rule, key, this.tagOf?.(key));
  }

  async consume(key: string, rule: RateRule, cost = 1): Promise<RateDecision> {
    const reply = replyArray(
      await CONSUME.run(this.redis, [this.bucketKeyOf(rule.name, key)], [rule.capacity, rule.refillPerSecond / 1000, cost]),
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
