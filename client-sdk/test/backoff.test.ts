import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from '../src/connection/backoff.js';

describe('full jitter backoff', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1000 };

  it('draws uniformly below an exponentially growing ceiling', () => {
    expect(fullJitterDelay(0, options, () => 0.999)).toBe(99);
    expect(fullJitterDelay(1, options, () => 0.999)).toBe(199);
    expect(fullJitterDelay(3, options, () => 0.999)).toBe(799);
    expect(fullJitterDelay(3, options, () => 0)).toBe(0);
    expect(fullJitterDelay(3, options, () => 0.5)).toBe(400);
  });

  it('never exceeds the maximum, even after many attempts', () => {
    for (const attempt of [4, 10, 50, 5000]) expect(fullJitterDelay(attempt, options, () => 0.999)).toBeLessThan(1000);
  });

  it('spreads a crowd instead of syncing it', () => {
    const delays = Array.from({ length: 1000 }, () => fullJitterDelay(5, options));
    const buckets = new Set(delays.map((d) => Math.floor(d / 100)));
    expect(buckets.size).toBe(10);
  });
});
