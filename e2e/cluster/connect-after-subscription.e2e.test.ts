import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FriendUpdateEvent } from '../../protocol/server-events.js';
import { register } from '../support/accounts.js';
import { closeAllClients, connectedClient, eventually, sdkClient } from '../support/clients.js';
import { startCluster, type TestCluster } from '../support/cluster-process.js';

describe('a socket is connected only once its node receives its user room (two node processes, Redis paused)', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2 });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await cluster.stop();
  });

  it('holds the connect until Redis confirms the room’s subscription, so an event sent on connect arrives', async () => {
    const [n0, n1] = cluster.nodes;
    const pid = cluster.redis.pid;
    if (!n0 || !n1 || pid === null) throw new Error('two nodes and a running Redis expected');
    const a = await register(n0.url, 'ann');
    const b = await register(n1.url, 'ben');
    const ca = await connectedClient(n0.url, a);
    // Redis paused: ben's node cannot subscribe to his user room's channel yet.
    process.kill(pid, 'SIGSTOP');
    let resumed = false;
    try {
      const cb = sdkClient(n1.url, b);
      const connectedAt = cb.whenConnected(10_000).then(() => Date.now());
      // The outage lasts until his node says it is holding his handshake for the subscription
      // (logged after 100 ms of waiting, under the 1 s it waits at most). A connect during it
      // shows in connectedAt below.
      await eventually(() => n1.logs.some((l) => l['msg'] === 'a new socket waits for its user room subscription' && l['userId'] === b.userId), 5000, 'his node to hold the handshake');
      const resumedAt = Date.now();
      process.kill(pid, 'SIGCONT');
      resumed = true;
      expect(await connectedAt).toBeGreaterThanOrEqual(resumedAt);
      // Acting on connect: the request is published at once, and his node already listens.
      const incoming = new Promise<FriendUpdateEvent>((resolve) => cb.friends.on('update', (e) => e.state === 'incoming' && resolve(e)));
      await ca.friends.request(b.userId);
      expect(await incoming).toMatchObject({ userId: a.userId, state: 'incoming' });
    } finally {
      if (!resumed) process.kill(pid, 'SIGCONT');
    }
  });
});
