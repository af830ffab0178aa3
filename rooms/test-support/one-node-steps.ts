import type { WriteQueue } from '../../persistence/write-behind/write-queue.js';
import type { PendingWrites } from '../../persistence/write-behind/pending-writes.js';
import { MemoryRateLimiter } from '../../server/rate-limit/memory-rate-limiter.js';
import { LocalCommandSteps } from '../command-steps/local-command-steps.js';
import { DurableWrites } from '../durable-writes.js';
import { MemoryIdempotencyKeys } from '../idempotency/memory-idempotency-keys.js';
import type { InboxCursors } from '../inbox/inbox-cursors.js';
import { MemoryInboxCursors } from '../inbox/memory-inbox-cursors.js';

/**
 * One node's command steps for tests, as the embedded shape builds them: a memory rate limiter,
 * idempotency keys and cursors over `queue` and `pending`. `online` says who has a live device.
 */
export function oneNodeSteps(queue: WriteQueue, pending: PendingWrites, options: { readonly cursors?: InboxCursors; readonly online?: ReadonlySet<string> } = {}) {
  const limiter = new MemoryRateLimiter();
  const steps = new LocalCommandSteps({
    consume: (charge) => limiter.consume(charge.key, charge.rule),
    keys: new MemoryIdempotencyKeys(),
    cursors: options.cursors ?? new MemoryInboxCursors(() => Promise.resolve(0)),
    writes: new DurableWrites(queue, pending),
    pending,
    isOnline: (userId) => options.online?.has(userId) ?? false,
  });
  return { steps, close: () => limiter.close() };
}
