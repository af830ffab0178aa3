import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushJob, PushJobResult, PushWorkQueue } from '../../rooms/notifications/push-queue.js';

/** Builds a fresh queue for one test: 3 attempts, a 50 ms first backoff. */
export type PushQueueFactory = () => Promise<PushWorkQueue>;

const job = (id = `n_${randomUUID().replaceAll('-', '')}`): PushJob => ({
  id,
  userId: 'ann',
  type: 'hug',
  title: 'Bo sent you a warm hug',
  body: 'Open HugMood to feel it.',
  data: { userId: 'bo' },
  actorId: 'bo',
  createdAt: Date.now(),
});

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The behaviour every push queue must show (`runPushQueueContract`): each job is worked once
 * however often it is added; a failed attempt is retried with backoff and dead-lettered after the
 * last; a job held back runs again at its time without spending an attempt; a job failed for good
 * goes straight to the dead letters.
 */
export function runPushQueueContract(name: string, factory: PushQueueFactory): void {
  describe(`push queue contract: ${name}`, () => {
    let queue: PushWorkQueue | undefined;
    afterEach(async () => {
      await queue?.close();
      queue = undefined;
    });

    it('works each job once, however often it is added (before and after it ran)', async () => {
      const q = await factory();
      queue = q;
      const runs: string[] = [];
      q.start((j) => {
        runs.push(j.id);
        return Promise.resolve({ kind: 'done' });
      });
      const [a, b] = [job(), job()];
      await Promise.all([q.add(a), q.add(a), q.add(b)]);
      await until(() => runs.length >= 2, 'both jobs');
      await q.add(a);
      const c = job();
      await q.add(c);
      await until(() => runs.includes(c.id), 'a third job');
      expect(runs.filter((id) => id === a.id)).toHaveLength(1);
      expect(runs.filter((id) => id === b.id)).toHaveLength(1);
      expect(await q.stats()).toEqual({ waiting: 0, deadLetters: 0 });
    });

    it('retries a failed attempt with backoff, counting attempts, and dead-letters it after the last', async () => {
      const q = await factory();
      queue = q;
      const attempts: { attempt: number; at: number }[] = [];
      const failing = job();
      q.start((j, attempt) => {
        if (j.id !== failing.id) return Promise.resolve({ kind: 'done' });
        attempts.push({ attempt, at: Date.now() });
        if (attempt === 2) return Promise.reject(new Error('the push service did not answer'));
        return Promise.resolve<PushJobResult>({ kind: 'retry', reason: 'push service answered 503' });
      });
      await q.add(failing);
      await until(async () => (await q.stats()).deadLetters === 1, 'the dead letter');
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      // Backoff: the second retry waited longer than the first (50 ms, then 100 ms).
      const [first, second, third] = attempts.map((a) => a.at) as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(45);
      expect(third - second).toBeGreaterThanOrEqual(95);
      const [dead] = await q.deadLetters(10);
      expect(dead).toMatchObject({ job: { id: failing.id, userId: 'ann', type: 'hug' }, reason: 'push service answered 503', attempts: 3 });
    });

    it('runs a job held back again at its time, without spending an attempt; one failed for good is a dead letter at once', async () => {
      const q = await factory();
      queue = q;
      const held = job();
      const doomed = job();
      const runs: { attempt: number; at: number }[] = [];
      let releaseAt = 0;
      q.start((j, attempt) => {
        if (j.id === doomed.id) return Promise.resolve({ kind: 'dead', reason: 'payload rejected (413)' });
        runs.push({ attempt, at: Date.now() });
        if (runs.length === 1) {
          releaseAt = Date.now() + 300;
          return Promise.resolve({ kind: 'later', at: releaseAt });
        }
        return Promise.resolve({ kind: 'done' });
      });
      await q.add(held);
      await q.add(doomed);
      await until(() => runs.length === 2, 'the held job to run again');
      expect(runs.map((r) => r.attempt)).toEqual([1, 1]);
      expect(runs[1]?.at ?? 0).toBeGreaterThanOrEqual(releaseAt - 5);
      await until(async () => (await q.stats()).deadLetters === 1, 'the dead letter');
      expect((await q.deadLetters(10)).map((d) => [d.job.id, d.reason, d.attempts])).toEqual([[doomed.id, 'payload rejected (413)', 1]]);
    });
  });
}
