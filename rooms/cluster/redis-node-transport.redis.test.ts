import type { Redis } from 'ioredis';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runNodeRequestsContract } from './node-requests.contract.js';
import { RedisNodeTransport } from './redis-node-transport.js';

describeWithRedis('redis node transport', (redis) => {
  const subs = new Map<string, Redis>();
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
