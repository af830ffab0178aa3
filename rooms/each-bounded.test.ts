import { describe, expect, it } from 'vitest';
import { eachBounded } from './each-bounded.js';

describe('eachBounded', () => {
  it('runs every item, never more than the limit at once, and goes on past a failure', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const failed: number[] = [];
    const items = Array.from({ length: 25 }, (_, i) => i);
    await eachBounded(
      items,
      4,
      async (i) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        if (i % 7 === 3) throw new Error(`item ${i}`);
        done.push(i);
      },
      (_error, i) => failed.push(i),
    );
    expect(most).toBe(4);
    expect(failed).toEqual([3, 10, 17, 24]);
    expect([...done, ...failed].sort((a, b) => a - b)).toEqual(items);
  });

  it('settles at once with nothing to do', async () => {
    await expect(eachBounded([], 8, () => Promise.reject(new Error('never')))).resolves.toBeUndefined();
  });
});
