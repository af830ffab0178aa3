import type { Store } from '../store/store.js';
import type { BatchApplier } from './write-queue.js';

/** The worker's applier: each batch goes to the store as one transaction (or one bulk write). */
export function storeBatchApplier(store: Store): BatchApplier {
  return (batch) => store.applyWrites(batch);
}
