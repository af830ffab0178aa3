import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createGroupHug } from '../../domain/group-hugs/group-hug.js';
import { decide } from '../../domain/group-hugs/group-draft.js';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runGroupHugDirectoryContract } from './group-hug-directory.contract.js';
import { ACTIVE, COMPACT_AFTER_CHANGES, groupChangesKey, groupKey, RedisGroupHugDirectory } from './redis-group-hug-directory.js';

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

  it('a burst of saves writes the sweep index once per eighth of a lease, and the index never runs ahead of the lease', async () => {
    const client = await redis.connect({ keyPrefix: `d-${randomUUID()}:` });
    const dir = new RedisGroupHugDirectory(client);
    const rules = { leadMs: 3000, emptyTimeoutMs: 60_000, maxMembers: 50 };
    const invitees = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    const zadds = async () => Number(/cmdstat_zadd:calls=(\d+)/.exec(await client.info('commandstats'))?.[1] ?? 0);
    const open = async (leaseMs: number) => {
      let state = createGroupHug({ id: `g_${randomUUID()}`, title: 'burst', creatorId: 'c', invitees, scheduledAt: null, durationMs: 10_000 }, 1000, rules);
      const lease = await dir.create(state, 'n1', leaseMs);
      if (!lease) throw new Error('no lease');
      return {
        lease,
        indexed: async () => Number(await client.zscore(ACTIVE, state.id)),
        save: async (userId: string) => {
          const next = decide(state, { type: 'join', userId }, 2000, rules)?.state ?? state;
          expect(await dir.save(lease, next, leaseMs, state)).toBe(true);
          state = next;
        },
      };
    };
    // A minute's lease: ten saves straight after the create (which indexed it) write no entry.
    const long = await open(60_000);
    const before = await zadds();
    for (const id of invitees.slice(0, 10)) await long.save(id);
    expect(await zadds()).toBe(before);
    // An 800 ms lease: renewals move the entry on within a lease, never past the lease's own deadline.
    const short = await open(800);
    const first = await short.indexed();
    await short.save(invitees[10] ?? 'none');
    for (const deadline = Date.now() + 5000; (await short.indexed()) === first && Date.now() < deadline; ) {
      await dir.renew(short.lease, 800);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await short.indexed()).toBeGreaterThan(first);
    const [seconds, micros] = await client.time();
    expect(await short.indexed()).toBeLessThanOrEqual(Number(seconds) * 1000 + Number(micros) / 1000 + 800 + 50);
  });
});

describeWithRedisCluster('redis group hug directory on a Redis Cluster', (cluster) => {
  runGroupHugDirectoryContract('redis cluster', { open: async () => new RedisGroupHugDirectory(await cluster.connect()) });
});
