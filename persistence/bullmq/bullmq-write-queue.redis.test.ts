import { randomUUID } from 'node:crypto';
import { expect, it, vi } from 'vitest';
import { userLastSeen, type WriteOperation } from '../write-behind/write-operation.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runWriteQueueContract } from '../write-behind/write-queue.contract.js';
import { BullMqWriteQueue } from './bullmq-write-queue.js';

describeWithRedis('bullmq write queue', (redis) => {
  runWriteQueueContract('bullmq', (options) =>
    BullMqWriteQueue.open({
      url: redis.server().url,
      prefix: `t-${randomUUID()}`,
      partitions: 2,
      maxAttempts: options.maxAttempts,
      baseBackoffMs: options.baseBackoffMs,
      lagBoundMs: options.lagBoundMs,
      statsPollMs: 50,
    }),
  );
});

describeWithRedis('bullmq write queue across workers', (redis) => {
  it('keeps per-key order with two workers taking jobs from the same partitions', async () => {
    const prefix = `t-${randomUUID()}`;
    const open = () => BullMqWriteQueue.open({ url: redis.server().url, prefix, partitions: 2, maxBatch: 5, statsPollMs: 50 });
    const [producer, a, b] = await Promise.all([open(), open(), open()]);
    const applied: { worker: string; op: WriteOperation }[] = [];
    const slowApply = (worker: string) => async (batch: readonly WriteOperation[]) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      for (const op of batch) applied.push({ worker, op });
      return { failed: new Map<string, Error>() };
    };
    a.start(slowApply('a'));
    b.start(slowApply('b'));
    try {
      for (let i = 0; i < 200; i += 1) await producer.enqueue([userLastSeen(`k${i % 4}`, i)]);
      await producer.drain();
      expect(applied).toHaveLength(200);
      expect(new Set(applied.map((x) => x.worker))).toEqual(new Set(['a', 'b']));
      for (let k = 0; k < 4; k += 1) {
        const times = applied.flatMap(({ op }) => (op.type === 'user.last-seen' && op.userId === `k${k}` ? [op.at] : []));
        expect(times).toEqual([...times].sort((x, y) => x - y));
      }
    } finally {
      await Promise.all([producer.close(), a.close(), b.close()]);
    }
  });
});

describeWithRedis('bullmq write queue during a Redis outage', (redis) => {
  it('refuses enqueues at once while Redis is down, and resumes when it is back', async () => {
    const queue = await BullMqWriteQueue.open({ url: redis.server().url, prefix: `t-${randomUUID()}`, statsPollMs: 50 });
    const applied: string[] = [];
    queue.start((batch) => {
      applied.push(...batch.map((op) => op.id));
      return Promise.resolve({ failed: new Map() });
    });
    try {
      await queue.enqueue([userLastSeen('before', 1)]);
      await redis.server().stop();
      const started = Date.now();
      const refused = await queue.enqueue([userLastSeen('during', 2)], { deferrable: true }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
      expect(Date.now() - started).toBeLessThan(3000);
      await redis.server().start();
      await vi.waitFor(() => queue.enqueue([userLastSeen('after', 3)]), { timeout: 10_000, interval: 200 });
      await queue.drain();
      expect(applied).toEqual(expect.arrayContaining([userLastSeen('before', 1).id, userLastSeen('after', 3).id]));
      expect(applied).not.toContain(userLastSeen('during', 2).id);
    } finally {
      await queue.close();
    }
  });
});
