import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import type { DurableWrites } from '../durable-writes.js';
import { SerialByKey } from '../serial-by-key.js';
import type { InboxCursors } from './inbox-cursors.js';

/**
 * Appends to users' inboxes: reserves the next cursor and durably writes the operations built for
 * it, one append at a time per user. So a user's entries are queued, applied and become visible
 * in cursor order, and a sync can never see a later entry while an earlier one is still on its way
 * (which would move a client's cursor past it).
 */
export class InboxAppender {
  private readonly serial = new SerialByKey();

  constructor(
    private readonly cursors: InboxCursors,
    private readonly writes: DurableWrites,
  ) {}

  /** Writes `build(cursor)` for the next cursor of `userId`; resolves with the cursor once durable. */
  append(userId: string, build: (cursor: number) => readonly WriteOperation[]): Promise<number> {
    return this.serial.run(userId, async () => {
      const cursor = await this.cursors.reserve(userId);
      await this.writes.write(build(cursor));
      return cursor;
    });
  }
}
