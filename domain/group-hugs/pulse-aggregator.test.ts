import { describe, expect, it } from 'vitest';
import { PulseAggregator } from './pulse-aggregator.js';

describe('PulseAggregator', () => {
  it('counts each participant once per window, at their strongest tap, whatever the tap rate', () => {
    const a = new PulseAggregator();
    for (let i = 0; i < 10_000; i += 1) a.add('u1', (i % 10) / 10);
    a.add('u2', 0.5);
    const pulse = a.flush(4);
    expect(pulse?.participantsSqueezing).toBe(2);
    // share (0.9 + 0.5) / 4 = 0.35, smoothed from 0 with decay 0.6.
    expect(pulse?.warmth).toBeCloseTo(0.35 * 0.4, 3);
  });

  it('warms up while everyone squeezes, then fades and goes quiet', () => {
    const a = new PulseAggregator();
    const warmths: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      for (const u of ['a', 'b']) a.add(u, 1);
      warmths.push(a.flush(2)?.warmth ?? -1);
    }
    expect(warmths).toEqual([...warmths].sort((x, y) => x - y));
    expect(warmths.at(-1)).toBeGreaterThan(0.98);
    const fading: number[] = [];
    for (let i = 0; i < 20; i += 1) fading.push(a.flush(2)?.warmth ?? -1);
    expect(fading[0]).toBeLessThan(warmths.at(-1) ?? 0);
    expect(fading.at(-1)).toBe(-1);
  });

  it('clamps intensities and never exceeds full warmth', () => {
    const a = new PulseAggregator();
    a.add('u', 7);
    a.add('v', -3);
    expect(a.flush(1)?.warmth).toBeLessThanOrEqual(1);
    expect(new PulseAggregator().flush(0)).toBeNull();
  });
});
