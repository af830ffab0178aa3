import type { Claim, IdempotencyKeys } from './idempotency-keys.js';

interface Entry {
  readonly fingerprint: string;
  result: string | null;
  expiresAt: number;
}

/** {@link IdempotencyKeys} in one process's memory, swept once a minute. */
export class MemoryIdempotencyKeys implements IdempotencyKeys {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  claim(key: string, fingerprint: string, pendingTtlMs: number): Promise<Claim> {
    const at = this.now();
    const existing = this.entries.get(key);
    if (existing && existing.expiresAt > at) {
      return Promise.resolve({ fresh: false, fingerprint: existing.fingerprint, result: existing.result, expiresInMs: existing.expiresAt - at });
    }
    this.entries.set(key, { fingerprint, result: null, expiresAt: at + pendingTtlMs });
    return Promise.resolve({ fresh: true });
  }

  complete(key: string, result: string, ttlMs: number): Promise<void> {
    const entry = this.entries.get(key);
    if (entry) {
      entry.result = result;
      entry.expiresAt = this.now() + ttlMs;
    }
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    this.entries.clear();
    return Promise.resolve();
  }

  /** Number of live keys (tests, metrics). */
  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const at = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= at) this.entries.delete(key);
  }
}
