import { describe, expect, it } from 'vitest';
import { DeadlineWheel } from './deadline-wheel.js';

describe('deadline wheel', () => {
  it('fires each item after its deadline, never before, on one timer', async () => {
    const fired: { item: string; late: number }[] = [];
    const deadlines = new Map<string, number>();
    const wheel = new DeadlineWheel<string>(20, (item, now) => fired.push({ item, late: now - (deadlines.get(item) ?? 0) }));
    const start = Date.now();
    for (const [item, after] of [['a', 30], ['b', 10], ['c', 75], ['gone', 40]] as const) {
      deadlines.set(item, start + after);
      wheel.add(item, start + after);
    }
    wheel.delete('gone', start + 40);
    const deadline = Date.now() + 5000;
    while (fired.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fired.map((f) => f.item)).toEqual(['b', 'a', 'c']);
    for (const f of fired) expect(f.late).toBeGreaterThanOrEqual(0);
  });
});
