import { describe, expect, it } from 'vitest';
import { UnreadCounts } from './unread-counts.js';

describe('unread counts', () => {
  it('reads once per burst, each caller getting a read that started after it asked', async () => {
    let stored = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const counts = new UnreadCounts((userId) => {
      expect(userId).toBe('ann');
      const seen = stored;
      started.push(seen);
      return new Promise((resolve) => releases.push(() => resolve(seen)));
    });
    stored = 1;
    const first = counts.count('ann');
    stored = 2;
    // Asked while the first read runs: they share the next read, which starts once the first ends.
    const [second, third] = [counts.count('ann'), counts.count('ann')];
    stored = 3;
    expect(started).toEqual([1]);
    releases.shift()?.();
    expect(await first).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 3]);
    releases.shift()?.();
    expect([await second, await third]).toEqual([3, 3]);
    // Idle again: a new caller starts a read of its own at once.
    const fourth = counts.count('ann');
    expect(started).toEqual([1, 3, 3]);
    releases.shift()?.();
    expect(await fourth).toBe(3);
  });

  it('lets a failed read fail its callers only; the next caller reads again', async () => {
    let fail = true;
    const counts = new UnreadCounts(() => (fail ? Promise.reject(new Error('store down')) : Promise.resolve(7)));
    await expect(counts.count('bo')).rejects.toThrow('store down');
    fail = false;
    expect(await counts.count('bo')).toBe(7);
  });
});
