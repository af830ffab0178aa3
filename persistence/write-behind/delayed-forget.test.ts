import { afterEach, describe, expect, it, vi } from 'vitest';
import { DelayedForget } from './delayed-forget.js';
import { MemoryPendingWrites } from './memory-pending-writes.js';
import { inboxAppend } from './write-operation.js';

const entry = (cursor: number) => inboxAppend({ userId: 'b', cursor, id: `e${cursor}`, type: 'hug', ref: `h${cursor}`, createdAt: cursor, data: {} });

describe('delayed forget', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps written operations pending for the delay, forgets them oldest first, and all at once on flush', async () => {
    vi.useFakeTimers();
    const pending = new MemoryPendingWrites(60_000);
    const forget = new DelayedForget(pending, 1000);
    await pending.record([entry(1), entry(2), entry(3)]);
    await forget.forget([entry(1)]);
    vi.advanceTimersByTime(400);
    await forget.forget([entry(2)]);
    vi.advanceTimersByTime(599);
    expect((await pending.inboxAfter('b', 0)).map((e) => e.cursor)).toEqual([1, 2, 3]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending.inboxAfter('b', 0)).map((e) => e.cursor)).toEqual([2, 3]);
    await vi.advanceTimersByTimeAsync(400);
    expect((await pending.inboxAfter('b', 0)).map((e) => e.cursor)).toEqual([3]);
    await forget.forget([entry(3)]);
    await forget.flush();
    expect(await pending.inboxAfter('b', 0)).toEqual([]);
    await pending.close();
  });
});
