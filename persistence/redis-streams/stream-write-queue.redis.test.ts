import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { hugRecord } from '../store/store-fixtures.js';
import { PendingKeys } from '../redis/pending-keys.js';
import { RedisPendingWrites } from '../redis/redis-pending-writes.js';
import { hugCreate, inboxAppend, userLastSeen, type WriteOperation } from '../write-behind/write-operation.js';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runWriteQueueContract, type WriteQueueTestOptions } from '../write-behind/write-queue.contract.js';
import type { RedisClient, RedisTarget } from '../redis/redis-client.js';
import { partitionTags } from './stream-keys.js';
import { RedisStreamWriteQueue } from './stream-write-queue.js';

/** A queue for the contract, on `target` (one Redis or a cluster). */
const contractQueue = (target: () => RedisTarget, partitions: number) => (options: WriteQueueTestOptions) =>
  RedisStreamWriteQueue.open({
    ...target(),
    prefix: `t-${randomUUID()}`,
    partitions,
    maxAttempts: options.maxAttempts,
    baseBackoffMs: options.baseBackoffMs,
    lagBoundMs: options.lagBoundMs,
    statsPollMs: 50,
  });

describeWithRedis('redis streams write queue', (redis) => {
  runWriteQueueContract('redis streams', contractQueue(() => ({ url: redis.server().url }), 2));
});

describeWithRedisCluster('redis streams write queue on a Redis Cluster', (cluster) => {
  runWriteQueueContract('redis streams on a cluster', contractQueue(() => ({ clusterSeeds: cluster.cluster().seeds }), 3));
});

describeWithRedis('redis streams write queue across workers', (redis) => {
  it('gives a partition back, never holds it without a writer, when it is taken again while its old writer is still finishing and the lease looks lapsed', async () => {
    const prefix = `t-${randomUUID()}`;
    // This process's clock, which the test moves on: a round that ran late.
    let offset = 0;
    const queue = await RedisStreamWriteQueue.open({ url: redis.server().url, prefix, partitions: 1, statsPollMs: 50, now: () => Date.now() + offset });
    const connection = await redis.connect({ keyPrefix: '' });
    const written: WriteOperation[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    try {
      queue.start(async (batch) => {
        // The first batch hangs until the test lets it go: its writer cannot stop before.
        if (first) {
          first = false;
          await held;
        }
        written.push(...batch);
        return { failed: new Map<string, Error>() };
      });
      await queue.enqueue([userLastSeen('k', 1)]);
      await vi.waitFor(() => expect(first).toBe(false), { timeout: 5000, interval: 10 });
      // The lease is lost (deleted in Redis): the writer is told to stop but is stuck in its batch,
      // and the next round takes the partition again, whose new writer waits for the old one.
      await connection.del(`${prefix}:{p0}:owner`);
      await vi.waitFor(async () => expect(await connection.get(`${prefix}:{p0}:owner`)).not.toBeNull(), { timeout: 5000, interval: 10 });
      // By the time the old writer has stopped, the new lease looks lapsed.
      offset = 900;
      release();
      await queue.enqueue([userLastSeen('k', 2)]);
      // A later round takes it again and writes: nothing stays unwritten.
      await vi.waitFor(() => expect(written.map((op) => (op.type === 'user.last-seen' ? op.at : 0))).toContain(2), { timeout: 10_000, interval: 20 });
    } finally {
      release();
      await queue.close();
    }
  });

  it('keeps per-key order when jobs of the same keys are written by two workers in turn', async () => {
    const prefix = `t-${randomUUID()}`;
    const open = () => RedisStreamWriteQueue.open({ url: redis.server().url, prefix, partitions: 2, maxBatch: 5, statsPollMs: 50 });
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

describeWithRedis('redis streams write queue during a Redis outage', (redis) => {
  it('refuses enqueues at once while Redis is down, and resumes when it is back', async () => {
    const queue = await RedisStreamWriteQueue.open({ url: redis.server().url, prefix: `t-${randomUUID()}`, statsPollMs: 50 });
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

describeWithRedis('redis streams write queue when a writer dies mid-batch', (redis) => {
  it('lets another writer take the partition within 2 s and write the claimed batch again, first and in order', async () => {
    const prefix = `t-${randomUUID()}`;
    const url = redis.server().url;
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../test-support/hanging-worker.ts'), url, prefix], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Default lease: the takeover time checked below is the one operators get.
    const producer = await RedisStreamWriteQueue.open({ url, prefix, partitions: 1, statsPollMs: 50 });
    try {
      await vi.waitFor(() => expect(lines).toContain('{"ready":true}'), { timeout: 20_000 });
      const first = [userLastSeen('k', 1), userLastSeen('j', 1)];
      await producer.enqueue(first);
      await vi.waitFor(() => expect(lines.some((l) => l.includes('took'))).toBe(true), { timeout: 10_000 });
      await producer.enqueue([userLastSeen('k', 2)]);
      const applied: string[] = [];
      let firstWriteAt = 0;
      // This writer is already running beside the hanging one: it waits for the partition, then takes it.
      producer.start((batch) => {
        firstWriteAt ||= Date.now();
        applied.push(...batch.map((op) => op.id));
        return Promise.resolve({ failed: new Map() });
      });
      const killedAt = Date.now();
      child.kill('SIGKILL');
      await exited;
      await vi.waitFor(() => expect(applied).toHaveLength(3), { timeout: 15_000, interval: 20 });
      // The claimed batch comes first: k@1 still comes before k@2.
      expect(applied).toEqual([...first.map((op) => op.id), userLastSeen('k', 2).id]);
      expect(firstWriteAt - killedAt).toBeLessThan(2000);
      await producer.drain();
      expect(producer.stats()).toMatchObject({ depth: 0, deadLetters: 0 });
    } finally {
      child.kill('SIGKILL');
      await producer.close();
    }
  });
});

describeWithRedis('redis streams write queue with several writers', (redis) => {
  it('spreads the partitions over the writers, and a leaving writer hands its share over', async () => {
    const prefix = `t-${randomUUID()}`;
    const open = () => RedisStreamWriteQueue.open({ url: redis.server().url, prefix, partitions: 4, statsPollMs: 50, leaseMs: 600 });
    const [a, b] = await Promise.all([open(), open()]);
    const ok = () => Promise.resolve({ failed: new Map<string, Error>() });
    try {
      a.start(ok);
      await vi.waitFor(() => expect(a.writing()).toHaveLength(4), { timeout: 10_000, interval: 20 });
      b.start(ok);
      await vi.waitFor(
        () => {
          expect(a.writing()).toHaveLength(2);
          expect(b.writing()).toHaveLength(2);
        },
        { timeout: 10_000, interval: 20 },
      );
      expect(new Set([...a.writing(), ...b.writing()]).size).toBe(4);
      await a.close();
      await vi.waitFor(() => expect(b.writing()).toHaveLength(4), { timeout: 10_000, interval: 20 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

/** The writer forgets what it wrote, in the script that acknowledges it: one hash slot per partition. */
function forgettingSuite(connect: () => Promise<RedisClient>, target: () => RedisTarget): void {
  it('forgets a written batch’s pending writes a while after writing it, in a call that acknowledges', async () => {
    const prefix = `t-${randomUUID()}`;
    const keys = new PendingKeys(`${prefix}:pw:`, partitionTags(2));
    const pending = new RedisPendingWrites(await connect(), 60_000, keys);
    const queue = await RedisStreamWriteQueue.open({
      ...target(),
      prefix,
      partitions: 2,
      statsPollMs: 50,
      forget: (written) => keys.changes(written, 'forget'),
      forgetAfterMs: 200,
      blockMs: 100,
    });
    try {
      const hug = hugRecord({ from: 'ann', to: 'bo' });
      const ops = [hugCreate(hug), inboxAppend({ userId: 'bo', cursor: 1, id: `hug:${hug.id}`, type: 'hug', ref: hug.id, createdAt: 1, data: {} })];
      await queue.enqueue(ops);
      await pending.record(ops);
      expect(await pending.inboxAfter('bo', 0)).toHaveLength(1);
      queue.start(() => Promise.resolve({ failed: new Map() }));
      await queue.drain();
      await vi.waitFor(async () => {
        expect(await pending.inboxAfter('bo', 0)).toEqual([]);
        expect(await pending.hugOperations([{ id: hug.id, recipient: 'bo' }])).toEqual(new Map());
        expect(await pending.newHugs('ann', 'sent')).toEqual([]);
      }, { timeout: 5000, interval: 50 });
    } finally {
      await queue.close();
    }
  });
}

describeWithRedis('redis streams write queue forgetting pending writes', (redis) => {
  forgettingSuite(() => redis.connect({ keyPrefix: '' }), () => ({ url: redis.server().url }));

  it('sweeps each partition’s pending keys when it first writes it and not again within the period, however often its writer restarts', async () => {
    const prefix = `t-${randomUUID()}`;
    const swept: number[] = [];
    const queue = await RedisStreamWriteQueue.open({
      url: redis.server().url,
      prefix,
      partitions: 3,
      statsPollMs: 50,
      leaseMs: 300,
      sweep: (_redis, partition) => Promise.resolve(swept.push(partition)),
      sweepEveryMs: 60_000,
    });
    const connection = await redis.connect({ keyPrefix: '' });
    try {
      queue.start(() => Promise.resolve({ failed: new Map<string, Error>() }));
      await vi.waitFor(() => expect([...swept].sort()).toEqual([0, 1, 2]), { timeout: 5000, interval: 20 });
      // Every lease taken away: the writers stop, and new ones start on the next rounds.
      const owners = [0, 1, 2].map((p) => `${prefix}:{p${p}}:owner`);
      await connection.del(...owners);
      await vi.waitFor(async () => expect(await connection.exists(...owners)).toBe(3), { timeout: 5000, interval: 20 });
      await queue.enqueue([userLastSeen('k', 1)]);
      await queue.drain();
      expect([...swept].sort()).toEqual([0, 1, 2]);
    } finally {
      await queue.close();
    }
  });

  it('forgets the hugs of several batches together, one command per pending key, after they stayed pending', async () => {
    const prefix = `t-${randomUUID()}`;
    // One partition: every hug's operations and sent-set member share one key each.
    const keys = new PendingKeys(`${prefix}:pw:`, partitionTags(1));
    const redisClient = await redis.connect({ keyPrefix: '' });
    const pending = new RedisPendingWrites(redisClient, 60_000, keys);
    const queue = await RedisStreamWriteQueue.open({
      url: redis.server().url,
      prefix,
      partitions: 1,
      statsPollMs: 50,
      forget: (written) => keys.changes(written, 'forget'),
      forgetAfterMs: 1000,
      writerLingerMs: 0,
      blockMs: 100,
    });
    const calls = async (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(await redisClient.info('commandstats'))?.[1] ?? 0);
    try {
      queue.start(() => Promise.resolve({ failed: new Map() }));
      const hugs = ['bo', 'cy', 'bo', 'di', 'cy'].map((to) => hugRecord({ from: 'ann', to }));
      const before = { hdel: await calls('hdel'), zrem: await calls('zrem') };
      for (const [i, hug] of hugs.entries()) {
        const ops = [hugCreate(hug), inboxAppend({ userId: hug.to, cursor: i + 1, id: `hug:${hug.id}`, type: 'hug', ref: hug.id, createdAt: 1, data: {} })];
        await queue.enqueue(ops);
        await pending.record(ops);
        // Each its own batch.
        await queue.drain();
      }
      const writtenAt = Date.now();
      expect(await pending.newHugs('ann', 'sent')).toHaveLength(5);
      await vi.waitFor(async () => expect(await pending.newHugs('ann', 'sent')).toEqual([]), { timeout: 10_000, interval: 50 });
      // Still pending for the receipt window after the last write.
      expect(Date.now() - writtenAt).toBeGreaterThanOrEqual(900);
      expect(await pending.hugOperations(hugs.map((h) => ({ id: h.id, recipient: h.to })))).toEqual(new Map());
      expect(await pending.inboxAfter('bo', 0)).toEqual([]);
      expect(await pending.inboxAfter('cy', 0)).toEqual([]);
      // One HDEL of the operations hash and one ZREM of the sent set for all five (the writers' own bookkeeping uses neither).
      expect({ hdel: (await calls('hdel')) - before.hdel, zrem: (await calls('zrem')) - before.zrem }).toEqual({ hdel: 1, zrem: 1 });
    } finally {
      await queue.close();
    }
  });
});

describeWithRedisCluster('redis streams write queue forgetting pending writes on a Redis Cluster', (cluster) => {
  forgettingSuite(() => cluster.connect({ keyPrefix: '' }), () => ({ clusterSeeds: cluster.cluster().seeds }));
});
