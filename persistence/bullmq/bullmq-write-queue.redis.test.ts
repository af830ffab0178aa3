import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
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
  it('keeps per-key order when jobs of the same keys are written by two workers in turn', async () => {
    const prefix = `t-${randomUUID()}`;
    const open = () => BullMqWriteQueue.open({ url: redis.server().url, prefix, partitions: 2, maxBatch: 5, statsPollMs: 50 });
    const [producer, a, b] = await Promise.all([open(), open(), open()]);
    const applied: { worker: string; op: WriteOperation }[] = [];
    const slowApply = (worker: string) => async (batch: readonly WriteOperation[]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (const op of batch) applied.push({ worker, op });
      return { failed: new Map<string, Error>() };
    };
    try {
      for (let i = 0; i < 200; i += 1) await producer.enqueue([userLastSeen(`k${i % 4}`, i)]);
      // Worker a starts on the backlog and leaves mid-way (its current job finishes); b takes over.
      a.start(slowApply('a'));
      await vi.waitFor(() => expect(applied.length).toBeGreaterThan(20), { timeout: 10_000, interval: 5 });
      await a.close();
      b.start(slowApply('b'));
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

describeWithRedis('bullmq write queue when a worker dies mid-job', (redis) => {
  it('runs the stalled job again on another worker, in order, once the dead one stops renewing its lock', async () => {
    const prefix = `t-${randomUUID()}`;
    const url = redis.server().url;
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../test-support/hanging-worker.ts'), url, prefix], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const producer = await BullMqWriteQueue.open({ url, prefix, partitions: 1, lockDurationMs: 1000, statsPollMs: 50 });
    try {
      await vi.waitFor(() => expect(lines).toContain('{"ready":true}'), { timeout: 20_000 });
      const first = [userLastSeen('k', 1), userLastSeen('j', 1)];
      await producer.enqueue(first);
      await vi.waitFor(() => expect(lines.some((l) => l.includes('took'))).toBe(true), { timeout: 10_000 });
      await producer.enqueue([userLastSeen('k', 2)]);
      child.kill('SIGKILL');
      await exited;

      const applied: string[] = [];
      producer.start((batch) => {
        applied.push(...batch.map((op) => op.id));
        return Promise.resolve({ failed: new Map() });
      });
      await vi.waitFor(() => expect(applied).toHaveLength(3), { timeout: 15_000, interval: 100 });
      // The stalled batch went back to the head of its partition: k@1 still comes before k@2.
      expect(applied).toEqual([...first.map((op) => op.id), userLastSeen('k', 2).id]);
      await producer.drain();
      expect(producer.stats()).toMatchObject({ depth: 0, deadLetters: 0 });
    } finally {
      child.kill('SIGKILL');
      await producer.close();
    }
  });
});
