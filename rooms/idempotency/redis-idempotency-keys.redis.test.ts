import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runIdempotencyKeysContract } from './idempotency-keys.contract.js';
import { RedisIdempotencyKeys } from './redis-idempotency-keys.js';

describeWithRedis('redis idempotency keys', (redis) => {
  runIdempotencyKeysContract('redis', async () => new RedisIdempotencyKeys(await redis.connect()));
});

describeWithRedisCluster('redis idempotency keys on a Redis Cluster', (cluster) => {
  runIdempotencyKeysContract('redis cluster', async () => new RedisIdempotencyKeys(await cluster.connect()));
});
