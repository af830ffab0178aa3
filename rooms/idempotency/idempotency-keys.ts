/** The outcome of {@link IdempotencyKeys.claim}. */
export type Claim =
  | { readonly fresh: true }
  /**
   * The key was claimed before: with `result` once that command finished, `null` while it runs;
   * `expiresInMs` until the claim (or the finished result) is forgotten.
   */
  | { readonly fresh: false; readonly fingerprint: string; readonly result: string | null; readonly expiresInMs: number };

/**
 * Idempotency keys of commands (`hug:send` with its `clientId`, a read, a delivery), with a memory
 * implementation (one node) and a Redis one (a cluster).
 *
 * Guarantees: `claim` is atomic per key: of concurrent claims exactly one is fresh. A claim that is
 * never completed expires after `pendingTtlMs`, so a crash mid-command cannot wedge the key;
 * a completed one is kept for the `ttlMs` given to `complete`. Expired keys are freed without
 * walking the live ones (whole expiry generations in memory, TTLs in Redis).
 */
export interface IdempotencyKeys {
  /** Claims `key` for a command whose request has digest `fingerprint`. */
  claim(key: string, fingerprint: string, pendingTtlMs: number): Promise<Claim>;
  /** The claim on `key`, if any, without taking it. */
  peek(key: string): Promise<Extract<Claim, { fresh: false }> | null>;
  /** Records the result of a claimed command, kept for `ttlMs`. */
  complete(key: string, result: string, ttlMs: number): Promise<void>;
  /** Forgets a claim whose command was refused before anything became durable, so a retry runs afresh. */
  release(key: string): Promise<void>;
  close(): Promise<void>;
}
