import { describe, expect, it } from 'vitest';
import { type PhaseSample, phaseSkews, quantile } from './phase-skew.js';

/** A page whose server-clock estimate is off by `offsetMs`, sampled every `everyMs` from `fromMs`. */
function page(offsetMs: number, everyMs: number, fromMs: number, durationMs: number): PhaseSample[] {
  const samples: PhaseSample[] = [];
  for (let wall = fromMs; wall <= fromMs + durationMs; wall += everyMs) samples.push([wall, Math.min(1, Math.max(0, (wall + offsetMs) / durationMs))]);
  return samples;
}

describe('phase skew between two pages', () => {
  it('is the difference of their clock estimates, whatever their frame rates', () => {
    const a = page(0, 16, 0, 10_000);
    const b = page(7, 33, 0, 10_000);
    const skews = phaseSkews(a, b, 10_000);
    expect(skews.length).toBeGreaterThan(500);
    expect(quantile(skews, 0.5)).toBeCloseTo(7, 5);
    expect(quantile(skews, 0.95)).toBeCloseTo(7, 5);
  });

  it('leaves out what lies outside the other page\'s samples or outside the live part', () => {
    expect(phaseSkews(page(0, 16, 0, 1000), [[5000, 0.5]], 1000)).toEqual([]);
    expect(phaseSkews([[0, 0], [100, 1]], page(0, 10, 0, 100), 100)).toEqual([]);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([3, 1, 2, 10], 0.95)).toBe(10);
  });
});
