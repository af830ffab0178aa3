import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DevicePresence } from '../../domain/presence-status.js';
import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runPresenceContract } from './presence.contract.js';
import { RedisPresence } from './redis-presence.js';

const device = (deviceId: string, connId: string): DevicePresence => ({ connId, deviceId, kind: 'web', status: 'active', activity: null, since: 1 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a Redis presence must show, on one Redis or on a Redis Cluster (`connect` gives a client). */
function presenceSuites(name: string, redis: { readonly connect: (options?: { readonly keyPrefix?: string }) => Promise<RedisClient> }): void {
  runPresenceContract(name, { open: async () => new RedisPresence(await redis.connect(), { nodeId: 'n1', nodeTimeoutMs: 5000 }) });

  /** Several nodes sharing one Redis keyspace. */
  async function cluster(nodeIds: readonly string[], nodeTimeoutMs = 150) {
    const keyPrefix = `c-${randomUUID()}:`;
    return Promise.all(nodeIds.map(async (nodeId) => new RedisPresence(await redis.connect({ keyPrefix }), { nodeId, nodeTimeoutMs })));
  }

  describe('across nodes', () => {
    it('keeps a user online while a device on any node remains, and sees devices from every node', async () => {
      const [a, b] = await cluster(['a', 'b']);
      if (!a || !b) throw new Error('no nodes');
      await a.connect('u', device('phone', 'c1'));
      const second = await b.connect('u', device('laptop', 'c2'));
      expect(second.before.status).toBe('online');
      const leftA = await a.disconnect('u', 'phone', 'c1', 10);
      expect(leftA?.after.status).toBe('online');
      expect((await a.get(['u'])).get('u')?.devices.map((d) => d.deviceId)).toEqual(['laptop']);
    });

    it('sweeps a dead node: its users go offline at its last heartbeat, others keep their other devices', async () => {
      const [a, b] = await cluster(['a', 'b']);
      if (!a || !b) throw new Error('no nodes');
      await a.heartbeat();
      await b.heartbeat();
      await a.connect('x', device('d1', 'c1'));
      await a.connect('y', device('d1', 'c2'));
      await b.connect('y', device('d2', 'c3'));
      expect(await b.sweepStep(100)).toBeNull();
      await sleep(200);
      await b.heartbeat();
      const step = await b.sweepStep(100);
      expect(step?.nodeId).toBe('a');
      expect(step?.more).toBe(false);
      const byUser = new Map(step?.swept.map((s) => [s.userId, s.change]));
      expect(byUser.get('x')?.after.status).toBe('offline');
      expect(byUser.get('x')?.snapshot.lastSeenAt).toBe(step?.lastHeartbeatAt);
      expect(byUser.get('y')?.after.status).toBe('online');
      expect(await b.sweepStep(100)).toBeNull();
      const now = await b.get(['x', 'y']);
      expect(now.get('x')).toEqual({ devices: [], lastSeenAt: step?.lastHeartbeatAt });
      expect(now.get('y')?.devices.map((d) => d.deviceId)).toEqual(['d2']);
    });

    it('lets each entry of a dead node be swept exactly once when several nodes sweep at once', async () => {
      const [dead, b, c] = await cluster(['dead', 'b', 'c']);
      if (!dead || !b || !c) throw new Error('no nodes');
      await dead.heartbeat();
      for (let i = 0; i < 300; i += 1) await dead.connect(`u${i}`, device('d', `c${i}`));
      await sleep(200);
      await Promise.all([b.heartbeat(), c.heartbeat()]);
      const swept: string[] = [];
      const sweepAll = async (node: RedisPresence) => {
        for (;;) {
          const step = await node.sweepStep(25);
          if (!step) return;
          swept.push(...step.swept.filter((s) => s.change.after.status === 'offline').map((s) => s.userId));
        }
      };
      await Promise.all([sweepAll(b), sweepAll(c)]);
      expect(swept).toHaveLength(300);
      expect(new Set(swept).size).toBe(300);
    });

    it('tells a node that was swept while alive, and never sweeps a node that keeps beating', async () => {
      const [a, b] = await cluster(['a', 'b'], 100);
      if (!a || !b) throw new Error('no nodes');
      expect(await a.heartbeat()).toBe(true);
      expect(await a.heartbeat()).toBe(false);
      await a.connect('z', device('d', 'c'));
      await sleep(150);
      await b.heartbeat();
      expect((await b.sweepStep(10))?.swept.map((s) => s.userId)).toEqual(['z']);
      expect(await a.heartbeat()).toBe(true);
      await a.connect('z', device('d', 'c'));
      expect(await b.sweepStep(10)).toBeNull();
    });

    it('clears what a node id left behind before a restart, announcing those users', async () => {
      const [before, other] = await cluster(['n', 'o'], 60_000);
      if (!before || !other) throw new Error('no nodes');
      await before.heartbeat();
      await before.connect('gone', device('d', 'c1'));
      await other.connect('multi', device('d2', 'c2'));
      await before.connect('multi', device('d1', 'c3'));
      // A restart of node 'n' (same id, same keys) clears before serving.
      const step = await before.clearOwnStep(100);
      expect(step?.more).toBe(false);
      expect(new Map(step?.swept.map((s) => [s.userId, s.change.after.status]))).toEqual(new Map([['gone', 'offline'], ['multi', 'online']]));
      expect((await other.get(['multi'])).get('multi')?.devices.map((d) => d.deviceId)).toEqual(['d2']);
      expect((await before.clearOwnStep(100))?.swept ?? []).toEqual([]);
    });

    it('keeps a device reconnected on another node out of the dead node sweep', async () => {
      const [a, b] = await cluster(['a', 'b']);
      if (!a || !b) throw new Error('no nodes');
      await a.heartbeat();
      await a.connect('m', device('d', 'old'));
      await b.connect('m', device('d', 'new'));
      await sleep(200);
      await b.heartbeat();
      const step = await b.sweepStep(10);
      expect(step?.swept ?? []).toEqual([]);
      expect((await b.get(['m'])).get('m')?.devices).toEqual([device('d', 'new')]);
    });
  });
}

describeWithRedis('redis presence', (redis) => presenceSuites('redis', redis));

describeWithRedisCluster('redis presence on a Redis Cluster', (cluster) => presenceSuites('redis cluster', cluster));
