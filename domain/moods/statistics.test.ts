import { describe, expect, it } from 'vitest';
import { compare, mean, slopeOf, tCritical95, variance } from './statistics.js';

describe('statistics', () => {
  it('computes means and sample variances', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(variance([1])).toBeNaN();
  });

  it("gives Student's t critical values close to the tables", () => {
    // Two-sided 95%: df 5 → 2.571, 10 → 2.228, 30 → 2.042, ∞ → 1.960.
    expect(tCritical95(5)).toBeCloseTo(2.571, 1);
    expect(tCritical95(10)).toBeCloseTo(2.228, 2);
    expect(tCritical95(30)).toBeCloseTo(2.042, 2);
    expect(tCritical95(Number.POSITIVE_INFINITY)).toBeCloseTo(1.96, 3);
  });

  it("compares two groups: difference, Cohen's d and a Welch interval", () => {
    const a = [0.3, 0.5, 0.3, 0.5, 0.3, 0.5];
    const b = [-0.3, -0.1, -0.3, -0.1, -0.3, -0.1];
    const c = compare(a, b);
    expect(c.difference).toBeCloseTo(0.6, 12);
    // Both groups have the same spread: d = 0.6 / sd, sd² = 0.01 × 6/5.
    expect(c.effectSize).toBeCloseTo(0.6 / Math.sqrt(0.012), 9);
    expect(c.ci95[0]).toBeGreaterThan(0.4);
    expect(c.ci95[1]).toBeLessThan(0.8);
    expect(c.n).toEqual([6, 6]);
    // No spread anywhere: no effect size, a point interval.
    const flat = compare([1, 1], [0, 0]);
    expect(flat.effectSize).toBeNull();
    expect(flat.ci95).toEqual([1, 1]);
  });

  it('fits a least-squares slope with its standard error', () => {
    const exact = slopeOf([[0, 1], [1, 3], [2, 5], [3, 7]]);
    expect(exact.slope).toBeCloseTo(2, 12);
    expect(exact.standardError).toBeCloseTo(0, 12);
    const noisy = slopeOf([[0, 0], [1, 1.2], [2, 1.8], [3, 3.1], [4, 3.9]]);
    expect(noisy.slope).toBeCloseTo(0.97, 2);
    expect(noisy.standardError).toBeGreaterThan(0);
  });
});
