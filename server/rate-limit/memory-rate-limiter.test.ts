import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import { runRateLimiterContract } from './rate-limiter.contract.js';

runRateLimiterContract('memory', () => Promise.resolve(new MemoryRateLimiter()));

describe('memory rate limiter', () => {
  it('forgets buckets once they are full again', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter({ now: () => now });
    const rule = { name: 'r', capacity: 2, refillPerSecond: 1 };
    await limiter.consume('a', rule);
    await limiter.consume('b', rule, 2);
    expect(limiter.size).toBe(2);
    now = 1500;
    limiter.sweep();
    expect(limiter.size).toBe(1);
    now = 2500;
    limiter.sweep();
    expect(limiter.size).toBe(0);
    await limiter.close();
  });
});
