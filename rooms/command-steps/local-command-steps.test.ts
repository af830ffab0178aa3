import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import { MemoryPendingWrites } from '../../persistence/write-behind/memory-pending-writes.js';
import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { oneNodeSteps } from '../test-support/one-node-steps.js';
import { runCommandStepsContract } from './command-steps.contract.js';

runCommandStepsContract('local (one node)', () => {
  const queue = new SqliteWriteQueue({ file: ':memory:' });
  const pending = new MemoryPendingWrites(60_000);
  const online = new Set<string>();
  const { steps, close: closeSteps } = oneNodeSteps(queue, pending, { online });
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
      await closeSteps();
    },
  });
});
