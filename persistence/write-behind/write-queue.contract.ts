import { afterEach, describe, expect, it } from 'vitest';
import { userLastSeen, type WriteOperation } from './write-operation.js';
import { type BatchApplier, QueueBackpressureError, type WriteQueue } from './write-queue.js';

/** Options a contract test needs: fast retries and a small lag bound. */
export interface WriteQueueTestOptions {
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly lagBoundMs: number;
}

/** Builds a fresh, empty queue for one test. */
export type WriteQueueFactory = (options: WriteQueueTestOptions) => Promise<WriteQueue>;

const ok: BatchApplier = () => Promise.resolve({ failed: new Map() });
const options = { maxAttempts: 3, baseBackoffMs: 1, lagBoundMs: 60_000 };

/** An idempotent store stand-in: applying an operation twice leaves one effect. */
function idempotentTarget() {
  const effects = new Map<string, WriteOperation>();
  const deliveries: string[] = [];
  return {
    effects,
    deliveries,
    apply(batch: readonly WriteOperation[]): void {
      for (const op of batch) {
        deliveries.push(op.id);
        effects.set(op.id, op);
      }
    },
  };
}

/**
 * The behaviour every {@link WriteQueue} must show: at-least-once delivery, per-key order (also
 * across retries), idempotent apply under redelivery, dead-lettering of a poison operation alone,
 * dead-letter replay and drop, read-your-writes through `settled`, and backpressure.
 */
export function runWriteQueueContract(name: string, factory: WriteQueueFactory): void {
  describe(`write queue contract: ${name}`, () => {
    let queue: WriteQueue | undefined;
    afterEach(async () => {
      await queue?.close();
      queue = undefined;
    });

    it('delivers every operation, keeping the order of each key', async () => {
      const q = await factory(options);
      queue = q;
      const seen: WriteOperation[] = [];
      q.start((batch) => {
        seen.push(...batch);
        return ok(batch);
      });
      await Promise.all(Array.from({ length: 60 }, (_, i) => q.enqueue([userLastSeen(`u${i % 3}`, i)])));
      await queue.drain();
      expect(seen).toHaveLength(60);
      for (const user of ['u0', 'u1', 'u2']) {
        const times = seen.flatMap((op) => (op.type === 'user.last-seen' && op.userId === user ? [op.at] : []));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
      expect(queue.stats()).toMatchObject({ depth: 0, deadLetters: 0, lagMs: 0 });
    });

    it('redelivers a batch whose apply threw; idempotent apply leaves one effect each', async () => {
      queue = await factory({ ...options, maxAttempts: 5 });
      const target = idempotentTarget();
      let calls = 0;
      queue.start((batch) => {
        calls += 1;
        target.apply(batch.slice(0, 1));
        if (calls <= 2) return Promise.reject(new Error('store went away mid-batch'));
        target.apply(batch);
        return ok(batch);
      });
      const ops = [userLastSeen('a', 1), userLastSeen('b', 2), userLastSeen('c', 3)];
      await queue.enqueue(ops);
      await queue.drain();
      expect([...target.effects.keys()].sort()).toEqual(ops.map((o) => o.id).sort());
      expect(target.deliveries.filter((id) => id === ops[0]?.id).length).toBeGreaterThan(1);
      expect(calls).toBeGreaterThanOrEqual(3);
    });

    it('holds back the later operations of a key while an earlier one is retried', async () => {
      queue = await factory({ ...options, maxAttempts: 5, baseBackoffMs: 20 });
      const first = userLastSeen('k', 1);
      const second = userLastSeen('k', 2);
      const other = userLastSeen('other', 1);
      const applied: string[] = [];
      let failures = 0;
      queue.start((batch) => {
        const failed = new Map<string, Error>();
        for (const op of batch) {
          if (failed.size > 0 && op.key === first.key) failed.set(op.id, new Error('held back'));
          else if (op.id === first.id && failures < 2) {
            failures += 1;
            failed.set(op.id, new Error('busy'));
          } else applied.push(op.id);
        }
        return Promise.resolve({ failed });
      });
      await queue.enqueue([first, second, other]);
      await queue.drain();
      expect(applied.indexOf(first.id)).toBeLessThan(applied.indexOf(second.id));
      expect(applied.indexOf(other.id)).toBe(0);
      expect(await queue.deadLetters()).toEqual([]);
    });

    it('dead-letters a poison operation alone, then replays or drops it on demand', async () => {
      queue = await factory(options);
      const poison = userLastSeen('poison', 1);
      const good = userLastSeen('good', 1);
      const applied: string[] = [];
      let poisonFixed = false;
      queue.start((batch) => {
        const failed = new Map<string, Error>();
        for (const op of batch) {
          if (op.id === poison.id && !poisonFixed) failed.set(op.id, new Error('constraint failed'));
          else applied.push(op.id);
        }
        return Promise.resolve({ failed });
      });
      await queue.enqueue([poison, good]);
      await queue.drain();
      expect(applied).toEqual([good.id]);
      const dead = await queue.deadLetters();
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ opId: poison.id, key: poison.key, error: 'constraint failed', attempts: 3 });
      expect(JSON.parse(dead[0]?.body ?? 'null')).toEqual(poison);
      expect(queue.stats().deadLetters).toBe(1);

      poisonFixed = true;
      expect(await queue.replayDeadLetters([dead[0]?.id ?? ''])).toBe(1);
      await queue.drain();
      expect(applied).toEqual([good.id, poison.id]);
      expect(queue.stats().deadLetters).toBe(0);

      poisonFixed = false;
      await queue.enqueue([userLastSeen('poison', 1)]);
      await queue.drain();
      expect(await queue.dropDeadLetters()).toBe(1);
      expect(await queue.deadLetters()).toEqual([]);
    });

    it('settles: once settled, everything enqueued before is applied', async () => {
      queue = await factory(options);
      const target = idempotentTarget();
      queue.start(async (batch) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        target.apply(batch);
        return { failed: new Map() };
      });
      const ops = Array.from({ length: 20 }, (_, i) => userLastSeen(`s${i}`, i));
      for (const op of ops) await queue.enqueue([op]);
      expect(await queue.settled(5000)).toBe(true);
      for (const op of ops) expect(target.effects.has(op.id)).toBe(true);
    });

    it('refuses deferrable writes past the lag bound, and still takes the others', async () => {
      queue = await factory({ ...options, lagBoundMs: 30 });
      await queue.enqueue([userLastSeen('lagging', 1)]);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(queue.stats().lagMs).toBeGreaterThan(30);
      const refused = await queue.enqueue([userLastSeen('x', 2)], { deferrable: true }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(QueueBackpressureError);
      expect((refused as QueueBackpressureError).retryAfterMs).toBeGreaterThan(0);
      await expect(queue.enqueue([userLastSeen('y', 3)])).resolves.toBeUndefined();
      queue.start(ok);
      await queue.drain();
      await expect(queue.enqueue([userLastSeen('x', 2)], { deferrable: true })).resolves.toBeUndefined();
    });
  });
}
