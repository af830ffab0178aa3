import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runRateLimiterContract } from './rate-limiter.contract.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

describeWithRedis('redis rate limiter', (redis) => {
  runRateLimiterContract('redis', async () => new RedisRateLimiter(await redis.connect()));
});

describeWithRedisCluster('redis rate limiter on a Redis Cluster', (cluster) => {
  runRateLimiterContract('redis cluster', async () => new RedisRateLimiter(await cluster.connect()));
});
