import { describe, expect, it } from 'vitest';
import { RecentHugs } from './recent-hugs.js';

const parties = { from: 'a', to: 'b', sentAt: 1 };

describe('recent hugs', () => {
  it('forgets the oldest hugs past its capacity', () => {
    const recent = new RecentHugs({ capacity: 3 });
    for (const id of ['h1', 'h2', 'h3', 'h4']) recent.remember(id, parties);
    expect(recent.get('h1')).toBeUndefined();
    expect(recent.get('h4')).toEqual(expect.objectContaining(parties));
    expect(recent.size).toBe(3);
  });

  it('forgets hugs older than its age limit, so a steady rate holds a steady size', () => {
    let now = 0;
    const recent = new RecentHugs({ capacity: 1_000_000, maxAgeMs: 1000, now: () => now });
    for (let i = 0; i < 10_000; i += 1) {
      now = i * 10;
      recent.remember(`h${i}`, parties);
    }
    // 1,000 ms at one hug per 10 ms: about a hundred, however long it runs.
    expect(recent.size).toBeLessThanOrEqual(101);
    expect(recent.get('h9999')).toBeDefined();
    expect(recent.get('h0')).toBeUndefined();
  });
});
