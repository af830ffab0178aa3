import type { InboxCursors } from './inbox-cursors.js';

/**
 * {@link InboxCursors} in one process's memory. A user's counter starts from `seed(userId)` (the
 * store's highest cursor) on first use; the composition root drains the write queue before
 * serving, so the store then holds every cursor handed out before the restart.
 */
export class MemoryInboxCursors implements InboxCursors {
  private readonly counters = new Map<string, number>();
  private readonly seeding = new Map<string, Promise<void>>();

  constructor(private readonly seed: (userId: string) => Promise<number>) {}

  async reserve(userId: string, count = 1): Promise<number> {
    if (!this.counters.has(userId)) await this.seeded(userId);
    const first = (this.counters.get(userId) ?? 0) + 1;
    this.counters.set(userId, first + count - 1);
    return first;
  }

  close(): Promise<void> {
    this.counters.clear();
    return Promise.resolve();
  }

  private seeded(userId: string): Promise<void> {
    let pending = this.seeding.get(userId);
    if (!pending) {
      pending = this.seed(userId).then(
        (last) => {
          if (!this.counters.has(userId)) this.counters.set(userId, last);
          this.seeding.delete(userId);
        },
        (error: unknown) => {
          this.seeding.delete(userId);
          throw error;
        },
      );
      this.seeding.set(userId, pending);
    }
    return pending;
  }
}
