import { CommandError } from '../domain/command-error.js';
import type { WriteOperation } from '../persistence/write-behind/write-operation.js';
import type { PendingWrites } from '../persistence/write-behind/pending-writes.js';
import { QueueBackpressureError, type WriteQueue } from '../persistence/write-behind/write-queue.js';

/**
 * The write-behind queue as commands use it: writes that can wait are refused with `unavailable`
 * past the queue's lag bound, and every acknowledged write is recorded as pending, so reads on any
 * node see it before the worker flushes it (read-your-writes through `freshReads`).
 */
export class DurableWrites {
  constructor(
    private readonly queue: WriteQueue,
    private readonly pending: PendingWrites,
  ) {}

  /**
   * Queues `operations` durably and records them as pending; a refusal under backpressure (only of
   * `deferrable` writes, the default) becomes `unavailable` with `retryAfterMs`. Resolves when the
   * caller may acknowledge.
   */
  async write(operations: readonly WriteOperation[], options: { readonly deferrable?: boolean } = {}): Promise<void> {
    try {
      await this.queue.enqueue(operations, { deferrable: options.deferrable ?? true });
      // After the enqueue: a write that failed to queue is never shown as pending.
      await this.pending.record(operations);
    } catch (error) {
      if (error instanceof QueueBackpressureError) throw backpressureRefusal(error);
      throw error;
    }
  }
}

/** The answer to a write refused because the write-behind queue is past its lag bound. */
export function backpressureRefusal(error: QueueBackpressureError): CommandError {
  return new CommandError('unavailable', 'the server is catching up on writes; try again shortly', { reason: 'backpressure' }, error.retryAfterMs);
}
