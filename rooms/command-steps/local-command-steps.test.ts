import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import { MemoryPendingWrites } from '../../persistence/write-behind/memory-pending-writes.js';
import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { MemoryRateLimiter } from '../../server/rate-limit/memory-rate-limiter.js';
import { DurableWrites } from '../durable-writes.js';
import { MemoryIdempotencyKeys } from '../idempotency/memory-idempotency-keys.js';
import { MemoryInboxCursors } from '../inbox/memory-inbox-cursors.js';
import { runCommandStepsContract } from './command-steps.contract.js';
import { LocalCommandSteps } from './local-command-steps.js';

runCommandStepsContract('local (one node)', () => {
  const queue = new SqliteWriteQueue({ file: ':memory:' });
  const pending = new MemoryPendingWrites(60_000);
  const limiter = new MemoryRateLimiter();
  const online = new Set<string>();
  const steps = new LocalCommandSteps({
    consume: (charge) => limiter.consume(charge.key, charge.rule),
    keys: new MemoryIdempotencyKeys(),
    cursors: new MemoryInboxCursors(() => Promise.resolve(0)),
    writes: new DurableWrites(queue, pending),
    pending,
    isOnline: (userId) => online.has(userId),
  });
  const written: WriteOperation[] = [];
  return Promise.resolve({
    steps,
    otherNode: steps,
    pending,
    async written() {
      queue.start((batch) => {
        written.push(...batch);
        return Promise.resolve({ failed: new Map() });
      });
      await queue.drain();
      return written;
    },
    markOnline: (userId: string) => {
      online.add(userId);
      return Promise.resolve();
    },
    async close() {
      await queue.close();
      await pending.close();
      await limiter.close();
    },
  });
});
