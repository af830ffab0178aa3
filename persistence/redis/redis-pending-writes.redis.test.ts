import { randomUUID } from 'node:crypto';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { partitionTags } from '../redis-streams/stream-keys.js';
import { runPendingWritesContract } from '../write-behind/pending-writes.contract.js';
import { PendingKeys } from './pending-keys.js';
import { RedisPendingWrites } from './redis-pending-writes.js';

// Keys hash onto eight log partitions: a record or read over several recipients spans hash slots.
const keys = () => new PendingKeys(`t-${randomUUID()}:pw:`, partitionTags(8));

describeWithRedis('redis pending writes', (redis) => {
  runPendingWritesContract('redis', async (ttlMs) => new RedisPendingWrites(await redis.connect(), ttlMs, keys()));
});

describeWithRedisCluster('redis pending writes on a redis cluster', (cluster) => {
  runPendingWritesContract('redis cluster', async (ttlMs) => new RedisPendingWrites(await cluster.connect(), ttlMs, keys()));
});
