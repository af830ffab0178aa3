import { CommandError } from '../domain/command-error.js';
import type { WriteOperation } from '../persistence/write-behind/write-operation.js';
import { QueueBackpressureError, type WriteQueue } from '../persistence/write-behind/write-queue.js';

/** How long a read waits for earlier writes to reach the store before it reads anyway. */
const SETTLE_TIMEOUT_MS = 2000;

/**
 * The write-behind queue as commands use it: writes that can wait are refused with `unavailable`
 * past the queue's lag bound, and reads first let earlier writes reach the store.
 */
export class DurableWrites {
  constructor(private readonly queue: WriteQueue) {}

  /** Queues `operations` durably; a refusal under backpressure becomes `unavailable` with `retryAfterMs`. */
  async write(operations: readonly WriteOperation[]): Promise<void> {
    try {
      await this.queue.enqueue(operations, { deferrable: true });
    } catch (error) {
      if (error instanceof QueueBackpressureError) {
        throw new CommandError('unavailable', 'the server is catching up on writes; try again shortly', { reason: 'backpressure' }, error.retryAfterMs);
      }
      throw error;
    }
  }

  /** Read-your-writes: waits (bounded) until every write acknowledged so far is in the store. */
  async beforeRead(): Promise<void> {
    await this.queue.settled(SETTLE_TIMEOUT_MS);
  }
}
