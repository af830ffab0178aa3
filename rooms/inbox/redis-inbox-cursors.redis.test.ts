import { describe, expect, it } from 'vitest';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runInboxCursorsContract } from './inbox-cursors.contract.js';
import { RedisInboxCursors } from './redis-inbox-cursors.js';

describeWithRedis('redis inbox cursors', (redis) => {
  runInboxCursorsContract('redis', async (seeded) => new RedisInboxCursors(await redis.connect(), (userId) => Promise.resolve(seeded.get(userId) ?? 0)));

  describe('across nodes', () => {
    it('stays monotonic and distinct with writers on two connections (two nodes)', async () => {
      const prefix = `nodes-${Date.now()}:`;
      const seed = () => Promise.resolve(7);
      const a = new RedisInboxCursors(await redis.connect({ keyPrefix: prefix }), seed);
      const b = new RedisInboxCursors(await redis.connect({ keyPrefix: prefix }), seed);
      const got = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).reserve('u')));
      expect(new Set(got).size).toBe(100);
      expect(Math.min(...got)).toBe(8);
      expect(Math.max(...got)).toBe(107);
    });
  });
});

describeWithRedisCluster('redis inbox cursors on a Redis Cluster', (cluster) => {
  runInboxCursorsContract('redis cluster', async (seeded) => new RedisInboxCursors(await cluster.connect(), (userId) => Promise.resolve(seeded.get(userId) ?? 0)));
});
