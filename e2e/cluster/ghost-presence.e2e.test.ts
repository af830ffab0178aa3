import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../client-sdk/src/index.js';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { startCluster, type TestCluster } from '../support/cluster-process.js';

const NODE_TIMEOUT_MS = 3000;
/** The bound the test holds the cluster to: the node timeout, one sweep tick, and slack for a loaded machine. */
const BOUND_MS = NODE_TIMEOUT_MS + 3000;

describe('ghost presence after a kill -9 (three nodes, real Redis)', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster({ nodes: 3, env: { PRESENCE_NODE_TIMEOUT_MS: String(NODE_TIMEOUT_MS) } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await cluster.stop();
  });

  it('shows watchers on the other nodes that X went offline within the bound, exactly once; multi-device users stay online', async () => {
    const [n0, n1, n2] = cluster.nodes;
    if (!n0 || !n1 || !n2) throw new Error('three nodes expected');
    const x = await register(n0.url, 'x');
    const y = await register(n0.url, 'y');
    const w1 = await register(n0.url, 'w1');
    const w2 = await register(n1.url, 'w2');
    // X's only device is on node 2; Y has a device on node 2 and one on node 1.
    const cx = await connectedClient(n2.url, x);
    const cy2 = await connectedClient(n2.url, y);
    const cy1 = await connectedClient(n1.url, y);
    const cw1 = await connectedClient(n0.url, w1);
    const cw2 = await connectedClient(n1.url, w2);
    for (const [watcher, watcherAccount] of [[cw1, w1], [cw2, w2]] as const) {
      await befriend(cx, watcher, watcherAccount.userId, x.userId);
      await befriend(cy1, watcher, watcherAccount.userId, y.userId);
    }
    const updates = new Map<string, PresenceEntry[]>();
    for (const [name, watcher] of [['w1', cw1], ['w2', cw2]] as const) {
      updates.set(name, []);
      watcher.presence.on('update', (p) => updates.get(name)?.push(p));
      const snapshot = await watcher.presence.watch([x.userId, y.userId]);
      expect(snapshot.presences.map((p) => p.status)).toEqual(['online', 'online']);
    }

    const killedAt = Date.now();
    expect(await n2.stop('SIGKILL')).toBeNull();
    cx.close();
    cy2.close();
    const seenAt = await Promise.all(
      [cw1, cw2].map((w) => eventually(() => w.presence.get(x.userId)?.status === 'offline' && Date.now(), BOUND_MS + 2000, 'X offline')),
    );
    const convergedMs = Math.max(...seenAt) - killedAt;
    console.info('ghost presence: X offline on every watcher after', convergedMs, 'ms (node timeout', NODE_TIMEOUT_MS, 'ms)');
    expect(convergedMs).toBeLessThanOrEqual(BOUND_MS);
    // Let any second sweep or late announcement arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const [name, list] of updates) {
      const offline = list.filter((p) => p.userId === x.userId && p.status === 'offline');
      expect(offline, `${name} sees X offline once`).toHaveLength(1);
      expect(list.filter((p) => p.userId === y.userId && p.status === 'offline'), `${name} never sees Y offline`).toHaveLength(0);
    }
    expect(cw1.presence.get(y.userId)?.status).toBe('online');
    expect(cw2.presence.get(x.userId)?.lastSeenAt).toBeLessThanOrEqual(killedAt);
  });
});
