import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { RedisScript, replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import { assertRuleName, RATE_PREFIX, rateBucketsKey, TOKEN_BUCKET_LUA } from '../../persistence/redis/token-bucket-lua.js';
import type { RateDecision, RateLimiter, RateRule } from './rate-limiter.js';

/**
 * KEYS[1] the subject's buckets; ARGV[1] rule name, ARGV[2] capacity, ARGV[3] refill per ms, ARGV[4] cost
 * Returns {allowed (1|0), retryAfterMs} ({@link TOKEN_BUCKET_LUA}).
 */
const CONSUME = new RedisScript(
  'rate-consume',
  `
${TOKEN_BUCKET_LUA}
local wait = take_tokens(KEYS[1], {{name = ARGV[1], cap = tonumber(ARGV[2]), rate = tonumber(ARGV[3])}}, tonumber(ARGV[4]))
if wait > 0 then
  return {0, wait}
end
return {1, 0}
`,
);

/**
 * {@link RateLimiter} shared by a cluster: one Redis string per subject holds its buckets, spent by
 * one atomic script (so two nodes never spend the same token), expiring once all are full.
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

  /** The Redis key of subject `key`'s buckets (command steps spend the same buckets). */
  bucketsKeyOf(key: string): string {
    return rateBucketsKey(this.prefix, key, this.tagOf?.(key));
  }

  async consume(key: string, rule: RateRule, cost = 1): Promise<RateDecision> {
    const reply = replyArray(
      await CONSUME.run(this.redis, [this.bucketsKeyOf(key)], [assertRuleName(rule.name), rule.capacity, rule.refillPerSecond / 1000, cost]),
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
