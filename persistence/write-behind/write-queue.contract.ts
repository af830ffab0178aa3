import { afterEach, describe, expect, it } from 'vitest';
import { userLastSeen, type WriteOperation } from './write-operation.js';
import type { BatchApplier, WriteQueue } from './write-queue.js';

/** Builds a fresh queue for one test. Options keep retries fast. */
export type WriteQueueFactory = (options: { maxAttempts: number; baseBackoffMs: number }) => Promise<WriteQueue>;

const ok: BatchApplier = () => Promise.resolve({ failed: new Map() });

/**
 * The behaviour every {@link WriteQueue} must show: at-least-once delivery, per-key order,
 * retries with backoff, and dead-lettering of a poison operation alone.
 */
export function runWriteQueueContract(name: string, factory: WriteQueueFactory): void {
  describe(`write queue contract: ${name}`, () => {
    let queue: WriteQueue | undefined;
    afterEach(async () => {
      await queue?.close();
      queue = undefined;
    });

    it('delivers every operation, keeping the order of each key', async () => {
      queue = await factory({ maxAttempts: 3, baseBackoffMs: 1 });
      const seen: WriteOperation[] = [];
      queue.start((batch) => {
        seen.push(...batch);
        return ok(batch);
      });
      for (let i = 0; i < 50; i += 1) await queue.enqueue([userLastSeen(`u${i % 3}`, i)]);
      await queue.drain();
      expect(seen).toHaveLength(50);
      for (const user of ['u0', 'u1', 'u2']) {
        const times = seen.filter((op) => op.userId === user).map((op) => op.at);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
      expect(queue.stats()).toMatchObject({ depth: 0, deadLetters: 0, lagMs: 0 });
    });

    it('retries a batch whose apply threw, so nothing is lost', async () => {
      queue = await factory({ maxAttempts: 5, baseBackoffMs: 1 });
      let calls = 0;
      const applied = new Set<string>();
      queue.start((batch) => {
        calls += 1;
        if (calls <= 2) return Promise.reject(new Error('store down'));
        for (const op of batch) applied.add(op.id);
        return ok(batch);
      });
      const ops = [userLastSeen('a', 1), userLastSeen('b', 2)];
      await queue.enqueue(ops);
      await queue.drain();
      expect([...applied].sort()).toEqual(ops.map((o) => o.id).sort());
      expect(calls).toBeGreaterThanOrEqual(3);
    });

    it('dead-letters a poison operation alone after its last attempt', async () => {
      queue = await factory({ maxAttempts: 3, baseBackoffMs: 1 });
      const poison = userLastSeen('poison', 1);
      const good = userLastSeen('good', 1);
      const applied: string[] = [];
      queue.start((batch) => {
        const failed = new Map<string, Error>();
        for (const op of batch) {
          if (op.id === poison.id) failed.set(op.id, new Error('constraint failed'));
          else applied.push(op.id);
        }
        return Promise.resolve({ failed });
      });
      await queue.enqueue([poison, good]);
      await queue.drain();
      expect(applied).toEqual([good.id]);
      const dead = await queue.deadLetters();
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ operation: poison, error: 'constraint failed', attempts: 3 });
      expect(queue.stats().deadLetters).toBe(1);
    });
  });
}
