import { MemoryPendingWrites } from '../persistence/write-behind/memory-pending-writes.js';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../domain/command-error.js';
import { SqliteWriteQueue } from '../persistence/sqlite/sqlite-write-queue.js';
import { userLastSeen } from '../persistence/write-behind/write-operation.js';
import { DurableWrites } from './durable-writes.js';

describe('durable writes', () => {
  it('refuses a deferrable write past the lag bound with unavailable and retryAfterMs', async () => {
    const queue = new SqliteWriteQueue({ file: ':memory:', lagBoundMs: 20 });
    const writes = new DurableWrites(queue, new MemoryPendingWrites(60_000));
    await writes.write([userLastSeen('a', 1)]);
    // No worker runs: the queue only grows older.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await writes.write([userLastSeen('b', 2)]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CommandError);
    expect((refused as CommandError).toProtocolError()).toMatchObject({ code: 'unavailable', details: { reason: 'backpressure' } });
    expect((refused as CommandError).retryAfterMs).toBeGreaterThan(0);
    queue.start(() => Promise.resolve({ failed: new Map() }));
    await queue.drain();
    await expect(writes.write([userLastSeen('b', 2)])).resolves.toBeUndefined();
    await queue.close();
  });
});
