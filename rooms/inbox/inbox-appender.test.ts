import { MemoryPendingWrites } from '../../persistence/write-behind/memory-pending-writes.js';
import { describe, expect, it } from 'vitest';
import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import { inboxAppend, type WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { DurableWrites } from '../durable-writes.js';
import { InboxAppender } from './inbox-appender.js';
import type { InboxCursors } from './inbox-cursors.js';
import { MemoryInboxCursors } from './memory-inbox-cursors.js';

/** Cursors that answer after a random delay, as a networked implementation (Redis) may. */
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
  it('queues one user’s entries in cursor order, however late each cursor arrives', async () => {
    const queue = new SqliteWriteQueue({ file: ':memory:' });
    const applied: WriteOperation[] = [];
    queue.start((batch) => {
      applied.push(...batch);
      return Promise.resolve({ failed: new Map() });
    });
    const appender = new InboxAppender(slowCursors(), new DurableWrites(queue, new MemoryPendingWrites(60_000)));
    const cursors = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appender.append('bob', (cursor) => [inboxAppend({ userId: 'bob', cursor, id: `e${i}`, type: 'hug', ref: `h${i}`, createdAt: i, data: {} })]),
      ),
    );
    await queue.drain();
    expect(new Set(cursors).size).toBe(40);
    const order = applied.flatMap((op) => (op.type === 'inbox.append' ? [op.entry.cursor] : []));
    expect(order).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await queue.close();
  });
});
