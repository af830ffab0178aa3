/** Exponential backoff settings. */
export interface BackoffOptions {
  /** The ceiling of the first retry's delay. */
  readonly baseDelayMs: number;
  /** No delay ever exceeds this. */
  readonly maxDelayMs: number;
}

/** The defaults: first retry within 300 ms, never more than 10 s apart. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 300, maxDelayMs: 10_000 };

/**
 * "Full jitter" exponential backoff: a uniformly random delay between 0 and
 * `min(maxDelayMs, baseDelayMs * 2^attempt)`. Spreads a crowd of clients reconnecting after a
 * server restart instead of having them retry in waves.
 */
export function fullJitterDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
