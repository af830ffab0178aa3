import { randomUUID } from 'node:crypto';
import { RedisPendingWrites } from '../../persistence/redis/redis-pending-writes.js';
import { connectRedis } from '../../persistence/redis/redis-connection.js';
import { rateBucketKey } from '../../persistence/redis/token-bucket-lua.js';
import { RedisStreamWriteQueue } from '../../persistence/redis-streams/stream-write-queue.js';
import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runCommandStepsContract } from './command-steps.contract.js';
import { RedisCommandSteps } from './redis-command-steps.js';

describeWithRedis('redis command steps', (redis) => {
  runCommandStepsContract('redis (one script per step)', async () => {
    const prefix = `t-${randomUUID()}`;
    const url = redis.server().url;
    // Two nodes: each its own connection and its own view of the log, over one Redis.
    const [a, b] = await Promise.all([connectRedis(url, { name: 'node-a' }), connectRedis(url, { name: 'node-b' })]);
    const [queueA, queueB] = await Promise.all([0, 1].map(() => RedisStreamWriteQueue.open({ url, prefix: `${prefix}:wb`, partitions: 3, statsPollMs: 50 })));
    if (!queueA || !queueB) throw new Error('two queues expected');
    const pendingPrefix = `${prefix}:pw:`;
    const keys = {
      claim: (key: string) => `${prefix}:idem:${key}`,
      bucket: (rule: string, key: string) => rateBucketKey(`${prefix}:rate:`, rule, key),
      cursor: (userId: string) => `${prefix}:cursor:${userId}`,
      presence: (userId: string) => `${prefix}:p:u:${userId}`,
      pendingPrefix,
    };
    const node = (connection: typeof a, log: RedisStreamWriteQueue) => new RedisCommandSteps({ redis: connection, log, keys, seed: () => Promise.resolve(0), pendingTtlMs: 60_000 });
    const written: WriteOperation[] = [];
    return {
      steps: node(a, queueA),
      otherNode: node(b, queueB),
      pending: new RedisPendingWrites(a, 60_000, pendingPrefix),
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
  });
});
