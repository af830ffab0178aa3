import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createGroupHug } from '../../domain/group-hugs/group-hug.js';
import { decide } from '../../domain/group-hugs/group-draft.js';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runGroupHugDirectoryContract } from './group-hug-directory.contract.js';
import { COMPACT_AFTER_CHANGES, groupChangesKey, groupKey, RedisGroupHugDirectory } from './redis-group-hug-directory.js';

describeWithRedis('redis group hug directory', (redis) => {
  runGroupHugDirectoryContract('redis', { open: async () => new RedisGroupHugDirectory(await redis.connect({ keyPrefix: `d-${randomUUID()}:` })) });

  it('a join in a group of 1,000 writes one small change; the changes are compacted into a snapshot every so often', async () => {
    const client = await redis.connect({ keyPrefix: `d-${randomUUID()}:` });
    const dir = new RedisGroupHugDirectory(client);
    const rules = { leadMs: 3000, emptyTimeoutMs: 60_000, maxMembers: 2000 };
    const invitees = Array.from({ length: 1000 }, (_, i) => `user-${String(i).padStart(6, '0')}`);
    let state = createGroupHug({ id: `g_${randomUUID()}`, title: 'big', creatorId: 'c', invitees, scheduledAt: null, durationMs: 10_000 }, 1000, rules);
    const lease = await dir.create(state, 'n1', 60_000);
    if (!lease) throw new Error('no lease');
    let longest = 0;
    let compactions = 0;
    for (const id of invitees) {
      const next = decide(state, { type: 'join', userId: id }, 2000, rules)?.state ?? state;
      expect(await dir.save(lease, next, 60_000, state)).toBe(true);
      state = next;
      const changes = await client.lrange(groupChangesKey(state.id), 0, -1);
      if (changes.length === 0) compactions += 1;
      longest = Math.max(longest, ...changes.map((c) => c.length));
      expect(changes.length).toBeLessThanOrEqual(COMPACT_AFTER_CHANGES);
    }
    expect(longest).toBeLessThan(200);
    // One full snapshot per 65 saves, not one per save.
    expect(compactions).toBe(Math.floor(1000 / (COMPACT_AFTER_CHANGES + 1)));
    expect((await client.hget(groupKey(state.id), 'state'))?.length).toBeGreaterThan(10_000);
    const restored = await new RedisGroupHugDirectory(client).acquire(state.id, 'n1', 60_000);
    expect(restored).toMatchObject({ kind: 'acquired', state });
  });
});

describeWithRedisCluster('redis group hug directory on a Redis Cluster', (cluster) => {
  runGroupHugDirectoryContract('redis cluster', { open: async () => new RedisGroupHugDirectory(await cluster.connect()) });
});
