import type { PendingWrites } from './pending-writes.js';
import type { BatchApplier } from './write-queue.js';

/**
 * Wraps the store's batch writer: once a batch is written, its operations that the store now
 * holds stop being pending. A failure to forget fails the batch, which is then written again
 * (idempotently) and forgotten on the retry.
 */
export function forgettingApplied(apply: BatchApplier, pending: Pick<PendingWrites, 'forget'>): BatchApplier {
  return async (batch) => {
    const outcome = await apply(batch);
    await pending.forget(batch.filter((op) => !outcome.failed.has(op.id)));
    return outcome;
  };
}
