import type { Claim, IdempotencyKeys } from './idempotency-keys.js';

interface Entry {
  readonly fingerprint: string;
  readonly result: string | null;
  readonly expiresAt: number;
}

/** Keys are kept in generations of this many ms of expiry time; a whole generation is dropped at once. */
export const KEY_GENERATION_MS = 60_000;

/**
 * {@link IdempotencyKeys} in one process's memory. Entries live in generations by expiry time
 * (one map per minute of expiry), so expiry never walks the keys: a generation whose last
 * moment has passed is dropped whole, and the garbage collector takes it. An entry is checked
 * against its own expiry on every read, so it is never seen late; it is freed at most one
 * generation after it expired. A lookup tries the live generations (at most TTL / generation
 * + 1 maps).
 */
export class MemoryIdempotencyKeys implements IdempotencyKeys {
  /** Generation index (expiry / KEY_GENERATION_MS) -> its entries; newest last. */
  private readonly generations = new Map<number, Map<string, Entry>>();

  constructor(private readonly now: () => number = Date.now) {}

  claim(key: string, fingerprint: string, pendingTtlMs: number): Promise<Claim> {
    const at = this.now();
    const existing = this.live(key, at);
    if (existing) return Promise.resolve(claimedBefore(existing.entry, at));
    this.put(key, { fingerprint, result: null, expiresAt: at + pendingTtlMs });
    return Promise.resolve({ fresh: true });
  }

  peek(key: string): Promise<Extract<Claim, { fresh: false }> | null> {
    const at = this.now();
    const existing = this.live(key, at);
    return Promise.resolve(existing ? claimedBefore(existing.entry, at) : null);
  }

  complete(key: string, result: string, ttlMs: number): Promise<void> {
    const existing = this.live(key, this.now());
    if (existing) {
      existing.generation.delete(key);
      this.put(key, { fingerprint: existing.entry.fingerprint, result, expiresAt: this.now() + ttlMs });
    }
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    for (const generation of this.generations.values()) generation.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.generations.clear();
    return Promise.resolve();
  }

  /** Number of keys held, expired ones of live generations included (tests, metrics). */
  get size(): number {
    let n = 0;
    for (const generation of this.generations.values()) n += generation.size;
    return n;
  }

  private put(key: string, entry: Entry): void {
    const index = Math.floor(entry.expiresAt / KEY_GENERATION_MS);
    let generation = this.generations.get(index);
    if (!generation) {
      generation = new Map();
      this.generations.set(index, generation);
    }
    generation.set(key, entry);
  }

  /** The unexpired entry of `key`, dropping every generation that has wholly expired on the way. */
  private live(key: string, at: number): { entry: Entry; generation: Map<string, Entry> } | null {
    for (const [index, generation] of this.generations) {
      if ((index + 1) * KEY_GENERATION_MS <= at) {
        this.generations.delete(index);
        continue;
      }
      const entry = generation.get(key);
      if (entry) return entry.expiresAt > at ? { entry, generation } : null;
    }
    return null;
  }
}

function claimedBefore(entry: Entry, at: number): Extract<Claim, { fresh: false }> {
  return { fresh: false, fingerprint: entry.fingerprint, result: entry.result, expiresInMs: entry.expiresAt - at };
}
