import { type BackoffOptions, fullJitterDelay } from '../connection/backoff.js';
import type { Connection } from '../connection/connection.js';
import { HugMoodError, UnavailableError } from '../errors.js';

/** Limits of the {@link Outbox}. */
export interface OutboxOptions {
  /** Most sends waiting or in flight at once; more are refused at once with `unavailable`. */
  readonly maxPending: number;
  /** How long a send may wait for a connection, in all. */
  readonly maxWaitMs: number;
  /** Attempts per send before its last temporary error is returned. */
  readonly maxAttempts: number;
  readonly backoff: BackoffOptions;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Carries idempotent sends (each with its `clientId`) through disconnects: a send made offline
 * waits, bounded in count and time, and goes out once connected, in the order it was made; a send
 * that fails with a temporary error (timeout, `unavailable`, `rate_limited`) is retried with
 * backoff. Retrying is safe because the server deduplicates by `clientId`.
 */
export class Outbox {
  private pending = 0;

  constructor(
    private readonly connection: Connection,
    private readonly options: OutboxOptions,
  ) {}

  /** Sends waiting or in flight. */
  get size(): number {
    return this.pending;
  }

  /** Runs `attempt` until it succeeds, fails for good, or runs out of attempts or time. */
  async run<T>(attempt: () => Promise<T>): Promise<T> {
    if (this.pending >= this.options.maxPending) {
      throw new UnavailableError('unavailable', `${this.pending} sends are already waiting; try again later`, { reason: 'offline_queue_full' });
    }
    this.pending += 1;
    const deadline = Date.now() + this.options.maxWaitMs;
    try {
      for (let n = 1; ; n += 1) {
        await this.connection.whenConnected(Math.max(1, deadline - Date.now()));
        try {
          return await attempt();
        } catch (error) {
          if (!(error instanceof HugMoodError) || !error.temporary || n >= this.options.maxAttempts) throw error;
          const wait = error.retryAfterMs ?? fullJitterDelay(n, this.options.backoff);
          if (Date.now() + wait > deadline) throw error;
          await sleep(wait);
        }
      }
    } finally {
      this.pending -= 1;
    }
  }
}
