import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { RedisScript, replyNumber } from '../../persistence/redis/redis-script.js';
import type { InboxCursors } from './inbox-cursors.js';

/**
 * KEYS[1] the user's counter (the last cursor handed out)
 * ARGV[1] count, ARGV[2] seed (the store's last cursor) or '' when not read yet
 * Returns the first reserved cursor, or -1 when the counter is missing and no seed was given.
 * A seed never lowers a counter another node created meanwhile.
 */
const RESERVE = new RedisScript(
  'cursor-reserve',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then
  if ARGV[2] == '' then
    return -1
  end
  redis.call('SET', KEYS[1], ARGV[2])
end
return redis.call('INCRBY', KEYS[1], ARGV[1]) - tonumber(ARGV[1]) + 1
`,
);

/** Where the counters live unless told otherwise (untagged: the layout before hash tags). */
export const CURSOR_PREFIX = 'hm:cursor:';

/**
 * {@link InboxCursors} shared by a cluster: one Redis counter per user, advanced atomically, so
 * cursors stay monotonic and distinct under concurrent writers on different nodes. A counter
 * missing from Redis is seeded once from the store's highest cursor (`seed`). Counters carry no
 * TTL: a user's cursor must never go back.
 */
export class RedisInboxCursors implements InboxCursors {
  private readonly prefix: string;
  private readonly tagOf: ((userId: string) => string) | undefined;

  constructor(
    private readonly redis: RedisClient,
    private readonly seed: (userId: string) => Promise<number>,
    options: {
      readonly prefix?: string;
      /** The hash tag of a user's counter (braces included), shared with their command steps' other keys. */
      readonly tagOf?: (userId: string) => string;
    } = {},
  ) {
    this.prefix = options.prefix ?? CURSOR_PREFIX;
    this.tagOf = options.tagOf;
  }

  /** The Redis key of a user's counter (command steps reserve through the same keys). */
  keyOf(userId: string): string {
    const tag = this.tagOf?.(userId);
    return tag ? `${this.prefix}${tag}:${userId}` : this.prefix + userId;
  }

  async reserve(userId: string, count = 1): Promise<number> {
    const key = this.keyOf(userId);
    const first = replyNumber(await RESERVE.run(this.redis, [key], [count, '']), RESERVE.name);
    if (first !== -1) return first;
    const seeded = await this.seed(userId);
    return replyNumber(await RESERVE.run(this.redis, [key], [count, seeded]), RESERVE.name);
  }

  /** The connection belongs to the composition root, which closes it. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
