import { afterEach, describe, expect, it } from 'vitest';
import type { RateLimiter, RateRule } from './rate-limiter.js';

/** Builds a fresh limiter for one test. */
export type RateLimiterFactory = () => Promise<RateLimiter>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The behaviour every {@link RateLimiter} must show. */
export function runRateLimiterContract(name: string, factory: RateLimiterFactory): void {
  describe(`rate limiter contract: ${name}`, () => {
    let limiter: RateLimiter | undefined;
    afterEach(async () => {
      await limiter?.close();
    });
    const unique = () => `k-${Math.random().toString(36).slice(2)}`;

    it('allows a burst of the capacity, then refuses with a retry delay', async () => {
      limiter = await factory();
      const rule: RateRule = { name: 'burst', capacity: 5, refillPerSecond: 1 };
      const key = unique();
      for (let i = 0; i < 5; i += 1) expect((await limiter.consume(key, rule)).allowed).toBe(true);
      const refused = await limiter.consume(key, rule);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(1000);
    });

    it('refills over time', async () => {
      limiter = await factory();
      const rule: RateRule = { name: 'refill', capacity: 2, refillPerSecond: 40 };
      const key = unique();
      await limiter.consume(key, rule, 2);
      expect((await limiter.consume(key, rule)).allowed).toBe(false);
      await sleep(80);
      expect((await limiter.consume(key, rule)).allowed).toBe(true);
    });

    it('keeps keys and rules apart', async () => {
      limiter = await factory();
      const rule: RateRule = { name: 'apart', capacity: 1, refillPerSecond: 0.01 };
      const a = unique();
      expect((await limiter.consume(a, rule)).allowed).toBe(true);
      expect((await limiter.consume(a, rule)).allowed).toBe(false);
      expect((await limiter.consume(unique(), rule)).allowed).toBe(true);
      expect((await limiter.consume(a, { ...rule, name: 'other' })).allowed).toBe(true);
    });

    it('takes nothing when it refuses, and charges the cost', async () => {
      limiter = await factory();
      const rule: RateRule = { name: 'cost', capacity: 3, refillPerSecond: 0.01 };
      const key = unique();
      expect((await limiter.consume(key, rule, 5)).allowed).toBe(false);
      expect((await limiter.consume(key, rule, 3)).allowed).toBe(true);
      expect((await limiter.consume(key, rule, 1)).allowed).toBe(false);
    });

    it('never spends one token twice under concurrent calls', async () => {
      limiter = await factory();
      const rule: RateRule = { name: 'race', capacity: 10, refillPerSecond: 0.01 };
      const key = unique();
      const results = await Promise.all(Array.from({ length: 30 }, () => limiter!.consume(key, rule)));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
    });
  });
}
