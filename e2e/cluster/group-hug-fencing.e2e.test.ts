import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { startCluster, type TestCluster } from '../support/cluster-process.js';
import { nextOwner, ownerOf, storedSnapshot } from '../support/group-owner.js';

describe('a stale group hug owner is fenced (three node processes, SIGSTOP / SIGCONT)', () => {
  let cluster: TestCluster;
  let redis: Redis;
  beforeAll(async () => {
    cluster = await startCluster({ env: { GROUP_LEASE_MS: '1000', AUTH_REQUESTS_PER_MIN: '10000' } });
    redis = new Redis(cluster.redis.url, { maxRetriesPerRequest: 1 });
  }, 120_000);
  afterEach(() => closeAllClients());
  afterAll(async () => {
    redis.disconnect();
    await cluster.stop();
  });

  it('an owner paused past its lease comes back and cannot write: its next save is refused and the command goes to the new owner', async () => {
    const [n0, n1, n2] = cluster.nodes;
    if (!n0 || !n1 || !n2) throw new Error('three nodes expected');
    const host = await register(n0.url, 'host');
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((p) => register(n0.url, p)));
    if (!a || !b || !c) throw new Error('accounts');
    const hostOn0 = await connectedClient(n0.url, host);
    const clientA = await connectedClient(n1.url, a);
    const clientB = await connectedClient(n0.url, b, { requestTimeoutMs: 10_000 });
    const clientC = await connectedClient(n2.url, c);
    for (const [friend, account] of [[clientA, a], [clientB, b], [clientC, c]] as const) await befriend(hostOn0, friend, account.userId, host.userId);
    const group = await hostOn0.groupHugs.create({ title: 'Fenced', invitees: [a.userId, b.userId, c.userId] });
    await clientA.groupHugs.join(group.id);
    expect(await ownerOf(redis, group.id)).toMatchObject({ node: 'node-0', token: 1 });

    // node-0 freezes (a long GC pause, a stalled VM) while holding the lease.
    process.kill(n0.pid, 'SIGSTOP');
    let resumed = false;
    try {
      const pausedAt = Date.now();
      const next = await nextOwner(redis, group.id, 'node-0', pausedAt);
      expect(next.token).toBe(2);
      await clientC.groupHugs.join(group.id);
      const whileFrozen = await storedSnapshot(redis, group.id);
      expect(whileFrozen.participants).toEqual([host.userId, a.userId, c.userId]);

      // node-0 wakes up still holding its actor, and a client of its own sends it a command at once.
      process.kill(n0.pid, 'SIGCONT');
      resumed = true;
      const joined = await clientB.groupHugs.join(group.id);
      expect(joined.state.participants).toEqual([host.userId, a.userId, c.userId, b.userId]);
    } finally {
      if (!resumed) process.kill(n0.pid, 'SIGCONT');
    }
    const after = await storedSnapshot(redis, group.id);
    expect(after.participants).toEqual([host.userId, a.userId, c.userId, b.userId]);
    // Versions stayed one sequence: the frozen owner wrote nothing of its own.
    const view = await clientA.groupHugs.get(group.id);
    expect(view.state.version).toBe(after.version);
    expect((await ownerOf(redis, group.id))?.token).toBe(2);
    await eventually(() => n0.logs.some((l) => l.msg === 'group hug lease lost: another node owns it now'), 5000, 'node-0 to step down');
    expect(n0.logs.some((l) => l.msg === 'took over a group hug')).toBe(false);
  }, 120_000);
});
