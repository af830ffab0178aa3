import { describe, expect, it } from 'vitest';
import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import { MemoryPendingWrites } from '../../persistence/write-behind/memory-pending-writes.js';
import { inboxAppend, type WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { oneNodeSteps } from '../test-support/one-node-steps.js';
import { InboxAppender } from './inbox-appender.js';
import type { InboxCursors } from './inbox-cursors.js';
import { MemoryInboxCursors } from './memory-inbox-cursors.js';

/** Cursors that answer after a random delay, as a networked implementation may. */
function slowCursors(): InboxCursors {
  const inner = new MemoryInboxCursors(() => Promise.resolve(0));
  return {
    async reserve(userId, count) {
      const cursor = await inner.reserve(userId, count);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      return cursor;
    },
    close: () => inner.close(),
  };
}

describe('inbox appender', () => {
  it('queues one user’s entries in cursor order, however late each cursor arrives, and appends a once-keyed entry once', async () => {
    const queue = new SqliteWriteQueue({ file: ':memory:' });
    const applied: WriteOperation[] = [];
    queue.start((batch) => {
      applied.push(...batch);
      return Promise.resolve({ failed: new Map() });
    });
    const pending = new MemoryPendingWrites(60_000);
    const { steps, close: closeSteps } = oneNodeSteps(queue, pending, { cursors: slowCursors() });
    const appender = new InboxAppender(steps);
    const entry = (i: number) => (cursor: number) => [inboxAppend({ userId: 'bob', cursor, id: `e${i}`, type: 'hug', ref: `h${i}`, createdAt: i, data: {} })];
    const appended = await Promise.all(Array.from({ length: 40 }, (_, i) => appender.append('bob', entry(i))));
    const once = { key: 'receipt:h1', ttlMs: 60_000 };
    const first = await appender.append('bob', entry(40), once);
    expect(await appender.append('bob', entry(40), once)).toEqual({ cursor: first.cursor, replayed: true });
    await queue.drain();
    expect(new Set(appended.map((a) => a.cursor)).size).toBe(40);
    const order = applied.flatMap((op) => (op.type === 'inbox.append' ? [op.entry.cursor] : []));
    expect(order).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    await queue.close();
    await closeSteps();
  });
});
