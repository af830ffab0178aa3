import { randomUUID } from 'node:crypto';
import { PendingKeys } from '../../persistence/redis/pending-keys.js';
import { connectRedisTarget, type RedisTarget } from '../../persistence/redis/redis-client.js';
import { RedisPendingWrites } from '../../persistence/redis/redis-pending-writes.js';
import { rateBucketsKey } from '../../persistence/redis/token-bucket-lua.js';
import { partitionTags } from '../../persistence/redis-streams/stream-keys.js';
import { RedisStreamWriteQueue } from '../../persistence/redis-streams/stream-write-queue.js';
import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { expect, it } from 'vitest';
import { type CommandStepsFactory, runCommandStepsContract } from './command-steps.contract.js';
import { RedisCommandSteps } from './redis-command-steps.js';

const PARTITIONS = 3;

type RedisNow = () => number | null;

/**
 * Two nodes' steps over one Redis or one Redis Cluster: each node its own connection and its own
 * view of the log. Every key of a user carries the tag of the user's log partition, as a cluster
 * node lays them out, so on the cluster each step is one script in one hash slot.
 */
const twoNodes = (target: () => RedisTarget, clocks: readonly [RedisNow, RedisNow] = [() => null, () => null]): CommandStepsFactory => async () => {
  const prefix = `t-${randomUUID()}`;
  const tags = partitionTags(PARTITIONS);
  const open = (name: string) => connectRedisTarget(target(), { name });
  const [a, b] = await Promise.all([open('node-a'), open('node-b')]);
  const [queueA, queueB] = await Promise.all([0, 1].map(() => RedisStreamWriteQueue.open({ ...target(), prefix: `${prefix}:wb`, partitions: PARTITIONS, statsPollMs: 50 })));
  if (!queueA || !queueB) throw new Error('two queues expected');
  const pendingKeys = new PendingKeys(`${prefix}:pw:`, tags);
  const keys = {
    claim: (userId: string, key: string) => `${prefix}:step:${tags.user(userId)}:${key}`,
    buckets: (key: string) => rateBucketsKey(`${prefix}:rate:`, key, tags.user(key)),
    cursor: (userId: string) => `${prefix}:cursor:${tags.user(userId)}:${userId}`,
    presence: (userId: string) => `${prefix}:p:u:${tags.user(userId)}:${userId}`,
    pending: pendingKeys,
  };
  const node = (connection: typeof a, log: RedisStreamWriteQueue, redisNow: RedisNow) => new RedisCommandSteps({ redis: connection, log, keys, seed: () => Promise.resolve(0), pendingTtlMs: 60_000, redisNow });
  const written: WriteOperation[] = [];
  return {
    steps: node(a, queueA, clocks[0]),
    otherNode: node(b, queueB, clocks[1]),
    pending: new RedisPendingWrites(a, 60_000, pendingKeys),
    async written() {
      queueA.start((batch) => {
        written.push(...batch);
        return Promise.resolve({ failed: new Map() });
      });
      await queueA.drain();
      return written;
    },
    async markOnline(userId: string) {
      await a.hset(keys.presence(userId), 'device-1', JSON.stringify({ connId: 'c1', deviceId: 'device-1', kind: 'web', status: 'active', activity: null, since: 1 }));
    },
    async close() {
      await Promise.all([queueA.close(), queueB.close()]);
      await Promise.all([a.quit(), b.quit()]);
    },
  };
};

describeWithRedis('redis command steps', (redis) => {
  runCommandStepsContract('redis (one script per step)', twoNodes(() => ({ url: redis.server().url })));
  // Nodes that give the Redis time they estimate (no TIME in the script), one of them a minute behind.
  const redisTime = () => Date.now();
  runCommandStepsContract('redis (the nodes give the time)', twoNodes(() => ({ url: redis.server().url }), [redisTime, () => redisTime() - 60_000]));

  it('never moves a bucket’s time back when a node’s estimate of the Redis time runs behind', async () => {
    const fixture = await twoNodes(() => ({ url: redis.server().url }), [redisTime, () => redisTime() - 60_000])();
    try {
      const charge = { key: `u-${randomUUID()}`, rule: { name: 'hug', capacity: 2, refillPerSecond: 1 } };
      expect((await fixture.steps.run({ userId: charge.key, charges: [charge] })).kind).toBe('done');
      // The node a minute behind spends the last token: the bucket keeps the newer time.
      expect((await fixture.otherNode.run({ userId: charge.key, charges: [charge] })).kind).toBe('done');
      // Had it gone a minute back, the next charge would find the bucket refilled.
      const refused = await fixture.steps.run({ userId: charge.key, charges: [charge] });
      expect(refused).toMatchObject({ kind: 'rate-limited', rule: 'hug' });
      expect(refused.kind === 'rate-limited' && refused.retryAfterMs).toBeGreaterThan(500);
    } finally {
      await fixture.close();
    }
  });
});

describeWithRedisCluster('redis command steps on a Redis Cluster', (cluster) => {
  runCommandStepsContract('redis cluster (one script per step, in the user’s slot)', twoNodes(() => ({ clusterSeeds: cluster.cluster().seeds })));
});
