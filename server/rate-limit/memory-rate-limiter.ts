import type { RateDecision, RateLimiter, RateRule } from './rate-limiter.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** When this bucket will be full again; after that it carries no information and can go. */
  fullAt: number;
}

/** Options for {@link MemoryRateLimiter}. */
export interface MemoryRateLimiterOptions {
  readonly now?: () => number;
  /** How often idle (full) buckets are swept. */
  readonly sweepIntervalMs?: number;
}

/** {@link RateLimiter} in one process's memory: O(1) per call, swept of idle buckets periodically. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 30_000);
    this.sweeper.unref();
  }

  consume(key: string, rule: RateRule, cost = 1): Promise<RateDecision> {
    return Promise.resolve(this.consumeNow(`${rule.name}:${key}`, rule, cost));
  }

  /** Buckets currently held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    this.buckets.clear();
    return Promise.resolve();
  }

  /** Drops buckets that have refilled completely. */
  sweep(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) if (bucket.fullAt <= now) this.buckets.delete(key);
  }

  private consumeNow(key: string, rule: RateRule, cost: number): RateDecision {
    const now = this.now();
    const ratePerMs = rule.refillPerSecond / 1000;
    const bucket = this.buckets.get(key);
    const available = bucket ? Math.min(rule.capacity, bucket.tokens + (now - bucket.updatedAt) * ratePerMs) : rule.capacity;
    if (available < cost) {
      if (bucket) {
        bucket.tokens = available;
        bucket.updatedAt = now;
      }
      return { allowed: false, retryAfterMs: Math.ceil((cost - available) / ratePerMs) };
    }
    const tokens = available - cost;
    const fullAt = now + (rule.capacity - tokens) / ratePerMs;
    if (bucket) {
      bucket.tokens = tokens;
      bucket.updatedAt = now;
      bucket.fullAt = fullAt;
    } else {
      this.buckets.set(key, { tokens, updatedAt: now, fullAt });
    }
    return { allowed: true, retryAfterMs: 0 };
  }
}
