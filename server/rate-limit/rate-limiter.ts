/** A token-bucket rule: up to `capacity` tokens, refilled continuously at `refillPerSecond`. */
export interface RateRule {
  /** Names the rule in keys and metrics, e.g. `conn` or `login`. */
  readonly name: string;
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** The verdict of one {@link RateLimiter.consume}. */
export interface RateDecision {
  readonly allowed: boolean;
  /** When refused: how long until `cost` tokens are back. 0 when allowed. */
  readonly retryAfterMs: number;
}

/**
 * Token buckets keyed by caller (user, connection, client address), with a memory implementation
 * (one node) and a Redis one (shared by a cluster).
 *
 * Guarantees: `consume` is atomic per key (two concurrent calls never spend the same token); a
 * refused call takes nothing; keys never affect each other, so one flooding caller cannot slow
 * another; idle buckets are forgotten, bounding memory.
 */
export interface RateLimiter {
  /** Takes `cost` tokens from bucket `rule.name` + `key` if it holds that many. */
  consume(key: string, rule: RateRule, cost?: number): Promise<RateDecision>;
  close(): Promise<void>;
}
