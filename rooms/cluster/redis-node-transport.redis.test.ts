import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runNodeRequestsContract } from './node-requests.contract.js';
import { nodeChannelOf, RedisNodeTransport } from './redis-node-transport.js';

describeWithRedis('redis node transport', (redis) => {
  const subs = new Map<string, RedisClient>();
  runNodeRequestsContract('redis', {
    open: (ids) =>
      Promise.all(
        ids.map(async (id) => {
          const sub = await redis.connect({ failFast: false });
          subs.set(id, sub);
          return new RedisNodeTransport(id, await redis.connect(), sub);
        }),
      ),
    // A dead node's subscription is gone: its messages go nowhere.
    silence: async (id) => {
      await subs.get(id)?.unsubscribe();
    },
  });
});

describeWithRedisCluster('redis node transport on a Redis Cluster (sharded pub/sub)', (cluster) => {
  const subs = new Map<string, RedisClient>();
  // Channels take no key prefix here: ioredis would prefix a sharded channel as a key, and each client has its own.
  runNodeRequestsContract('redis cluster', {
    open: (ids) =>
      Promise.all(
        ids.map(async (id) => {
          const sub = await cluster.connect({ keyPrefix: '', failFast: false, shardedSubscribers: true });
          subs.set(id, sub);
          return new RedisNodeTransport(id, await cluster.connect({ keyPrefix: '' }), sub);
        }),
      ),
    silence: async (id) => {
      await subs.get(id)?.sunsubscribe(nodeChannelOf(id));
    },
  });
});
