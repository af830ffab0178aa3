import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runPushSlotsContract } from './push-slots.contract.js';
import { RedisPushSlots } from './redis-push-slots.js';

describeWithRedis('redis push slots', (redis) => {
  runPushSlotsContract('redis', async () => new RedisPushSlots(await redis.connect()));
});

describeWithRedisCluster('redis push slots on a Redis Cluster', (cluster) => {
  runPushSlotsContract('redis cluster', async () => new RedisPushSlots(await cluster.connect()));
});
