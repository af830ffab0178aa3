import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HugSendResult } from '../../protocol/schemas/hugs.js';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient } from '../support/clients.js';
import { startCluster, type TestCluster } from '../support/cluster-process.js';

describe('idempotency across nodes', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, env: { RATE_HUGS_BURST: '1000', RATE_USER_BURST: '1000', RATE_CONN_BURST: '1000' } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await cluster.stop();
  });

  it('yields one hug when the same clientId is sent at once through two nodes', async () => {
    const [n0, n1] = cluster.nodes;
    if (!n0 || !n1) throw new Error('two nodes expected');
    const a = await register(n0.url, 'a');
    const b = await register(n1.url, 'b');
    const onNode0 = await connectedClient(n0.url, a);
    const onNode1 = await connectedClient(n1.url, a);
    const receiver = await connectedClient(n1.url, b);
    await befriend(onNode0, receiver, b.userId, a.userId);
    for (let round = 0; round < 10; round += 1) {
      const send = { to: b.userId, kind: 'warm' as const, message: `twice ${round}`, clientId: `same-client-${round}` };
      // Raw requests, so the SDK's own retry cannot hide a refusal; a retry answers like the first.
      const attempt = async (client: typeof onNode0): Promise<HugSendResult> => {
        for (;;) {
          try {
            return await client.request('hug:send', send);
          } catch (error) {
            if ((error as { code?: string }).code !== 'unavailable') throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      };
      const [first, second] = await Promise.all([attempt(onNode0), attempt(onNode1)]);
      expect(first.hugId).toBe(second.hugId);
    }
    const page = await receiver.request('inbox:sync', { after: 0, limit: 200 });
    const hugIds = page.entries.flatMap((e) => (e.type === 'hug' ? [e.hug.id] : []));
    expect(hugIds).toHaveLength(10);
    expect(new Set(hugIds).size).toBe(10);
    const sent = await onNode1.hugs.history({ direction: 'sent', limit: 50 });
    expect(sent.hugs).toHaveLength(10);
  });
});
