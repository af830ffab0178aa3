import { describe, expect, it } from 'vitest';
import { HUG_KIND_IDS, HUG_KINDS, hugIntensityAt } from './hug-kinds.js';

describe('hug kinds', () => {
  it('every kind has a duration and a curve from t=0 to t=1 within 0..1', () => {
    for (const id of HUG_KIND_IDS) {
      const kind = HUG_KINDS[id];
      expect(kind.id).toBe(id);
      expect(kind.durationMs).toBeGreaterThan(0);
      const ts = kind.curve.map(([t]) => t);
      expect(ts[0]).toBe(0);
      expect(ts.at(-1)).toBe(1);
      expect(ts).toEqual([...ts].sort((a, b) => a - b));
      for (const [, v] of kind.curve) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it('interpolates the intensity linearly and clamps t', () => {
    const warm = HUG_KINDS.warm;
    expect(hugIntensityAt(warm, 0)).toBe(0);
    expect(hugIntensityAt(warm, 0.15)).toBeCloseTo(0.4);
    expect(hugIntensityAt(warm, 0.5)).toBeCloseTo(0.8);
    expect(hugIntensityAt(warm, 1)).toBe(0);
    expect(hugIntensityAt(warm, -3)).toBe(0);
    expect(hugIntensityAt(warm, 7)).toBe(0);
  });
});
