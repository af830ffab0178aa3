import type { Store } from '../store/store.js';
import type { BatchApplier } from './write-queue.js';

/** Applies write-behind batches to `store`, one operation at a time so a poison operation fails alone. */
export function storeBatchApplier(store: Store): BatchApplier {
  return async (batch) => {
    const failed = new Map<string, Error>();
    for (const op of batch) {
      try {
        switch (op.type) {
          case 'user.last-seen':
            await store.users.recordLastSeen(op.userId, op.at);
            break;
        }
      } catch (error) {
        failed.set(op.id, error instanceof Error ? error : new Error(String(error)));
      }
    }
    return { failed };
  };
}
