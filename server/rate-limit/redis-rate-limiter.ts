import { Cluster } from 'ioredis';
import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { bySlot } from '../../persistence/redis/hash-slots.js';
import { RedisScript, replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import { assertRuleName, RATE_PREFIX, rateBucketsKey, TOKEN_BUCKET_LUA } from '../../persistence/redis/token-bucket-lua.js';
import type { RateDecision, RateLimiter, RateRule } from './rate-limiter.js';

/**
 * KEYS[i] subject i's buckets; ARGV, four per key: rule name, capacity, refill per ms, cost.
 * Returns, per key in order, allowed (1|0) and retryAfterMs ({@link TOKEN_BUCKET_LUA}): the same
 * as one call per key, one after another (a key may appear twice), at one Redis time.
 */
const CONSUME = new RedisScript(
  'rate-consume',
  `
${TOKEN_BUCKET_LUA}
local out = {}
for i = 1, #KEYS do
  local a = (i - 1) * 4
  local wait = take_tokens(KEYS[i], {{name = ARGV[a + 1], cap = tonumber(ARGV[a + 2]), rate = tonumber(ARGV[a + 3])}}, tonumber(ARGV[a + 4]))
  if wait > 0 then
    out[#out + 1] = 0
  else
    out[#out + 1] = 1
  end
  out[#out + 1] = wait
end
return out
`,
);

/** One consume waiting for its turn's script call. */
interface PendingConsume {
  readonly key: string;
  readonly args: readonly (string | number)[];
  readonly resolve: (decision: RateDecision) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * {@link RateLimiter} shared by a cluster: one Redis string per subject holds its buckets, spent by
 * one atomic script (so two nodes never spend the same token), expiring once all are full. The
 * consumes of one event-loop turn go in one script call (one per hash slot on a Redis Cluster):
 * a burst of commands from many users costs a round trip, not one each, and each key is still
 * spent atomically, in the order its consumes came.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly prefix: string;
  private readonly tagOf: ((key: string) => string) | undefined;
  private pending: PendingConsume[] = [];

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

  consume(key: string, rule: RateRule, cost = 1): Promise<RateDecision> {
    return new Promise((resolve, reject) => {
      // A rule name the buckets string cannot hold throws here, which rejects this promise.
      const args = [assertRuleName(rule.name), rule.capacity, rule.refillPerSecond / 1000, cost];
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ key: this.bucketsKeyOf(key), args, resolve, reject });
    });
  }

  /** The connection belongs to the composition root, which closes it. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Sends the turn's consumes: one script call per group of keys that may share one. */
  private flush(): void {
    const pending = this.pending;
    this.pending = [];
    // On one Redis every key shares a call; on a Redis Cluster, the keys of one hash slot do.
    for (const group of this.redis instanceof Cluster ? bySlot(pending) : [pending]) void this.run(group);
  }

  private async run(group: readonly PendingConsume[]): Promise<void> {
    try {
      const reply = replyArray(
        await CONSUME.run(
          this.redis,
          group.map((c) => c.key),
          group.flatMap((c) => c.args),
        ),
        CONSUME.name,
      );
      group.forEach((c, i) => {
        const allowed = replyNumber(reply[i * 2], CONSUME.name) === 1;
        c.resolve({ allowed, retryAfterMs: allowed ? 0 : replyNumber(reply[i * 2 + 1], CONSUME.name) });
      });
    } catch (error) {
      for (const c of group) c.reject(error);
    }
  }
}
