import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PushEndpoint, startPushEndpoint } from '../../test-support/push-endpoint.js';
import { webPushSubscriber } from '../../test-support/web-push-subscriber.js';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { startCluster, type TestCluster } from '../support/cluster-process.js';

/** What a device reads from a push. */
interface PushPayload {
  readonly type: string;
  readonly data: { readonly hugId?: string };
  readonly count: number;
}

describe('push delivery across a push worker crash (real processes, real Redis)', () => {
  let cluster: TestCluster;
  let endpoint: PushEndpoint;
  beforeAll(async () => {
    endpoint = await startPushEndpoint();
    // One node first: it alone works the push queue until it is killed. A dead worker's job goes to another after its lock (2 s).
    cluster = await startCluster({ nodes: 1, env: { PUSH_LOCK_MS: '2000' } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await cluster.stop();
    await endpoint.close();
  });

  it('delivers a push whose worker was killed -9 mid-job once, from another node', async () => {
    const [n0] = cluster.nodes;
    if (!n0) throw new Error('a node expected');
    const [a, b, c] = [await register(n0.url, 'ana'), await register(n0.url, 'ben'), await register(n0.url, 'cal')];
    const path = `/push/${randomUUID()}`;
    const subscriber = webPushSubscriber(`${endpoint.origin}${path}`);
    const [cb, cc] = [await connectedClient(n0.url, b, { deviceId: 'ben-phone' }), await connectedClient(n0.url, c)];
    await befriend(cc, cb, b.userId, c.userId);
    await cb.privacy.update({ allowHugsFrom: 'anyone' });
    await cb.devices.registerWebPush(subscriber.subscription);
    await cc.presence.watch([b.userId]);
    cb.close();
    await eventually(() => cc.presence.get(b.userId)?.status === 'offline', 10_000, 'B offline');

    // The push service takes the first push and never answers: node 0's worker holds the job.
    endpoint.answer(path, 'hang');
    const ca = await connectedClient(n0.url, a);
    const { hugId } = await ca.hugs.send(b.userId, { kind: 'warm' });
    await eventually(() => endpoint.received.some((p) => p.path === path), 10_000, 'the push to reach the push service');
    endpoint.answer(path, 201);
    const n1 = await cluster.startNode(1);
    expect(await n0.stop('SIGKILL')).toBeNull();

    // Node 1's worker finds the job stalled once its lock expires, and delivers it.
    const delivered = await eventually(() => (endpoint.delivered(path).length >= 1 ? endpoint.delivered(path) : false), 20_000, 'the push from node 1');
    const attempts = endpoint.received.filter((p) => p.path === path);
    expect(attempts.map((p) => p.status)).toEqual([null, 201]);
    const [first, second] = attempts.map((p) => JSON.parse(subscriber.decrypt(p.body)) as PushPayload);
    expect(first).toMatchObject({ type: 'hug', data: { hugId }, count: 1 });
    expect(second).toEqual(first);
    expect(delivered).toHaveLength(1);

    // Nothing more comes of it: the next hug's push is the next one the push service gets.
    const again = await connectedClient(n1.url, a);
    const next = await again.hugs.send(b.userId, { kind: 'side' });
    await eventually(() => endpoint.delivered(path).length >= 2, 10_000, 'the next push');
    const pushed = endpoint.delivered(path).map((p) => JSON.parse(subscriber.decrypt(p.body)) as PushPayload);
    expect(pushed.map((p) => [p.data.hugId, p.count])).toEqual([
      [hugId, 1],
      // Two hugs within a minute: one slot on the device, "2 new hugs".
      [next.hugId, 2],
    ]);
    expect(endpoint.received.filter((p) => p.path === path)).toHaveLength(3);
  });
});
