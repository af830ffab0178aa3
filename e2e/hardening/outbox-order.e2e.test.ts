import { afterEach, describe, expect, it } from 'vitest';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { allInbox } from '../support/hug-reads.js';
import { freePort, startServer } from '../support/server-process.js';

const LIMITS = { RATE_HUGS_BURST: '1000', RATE_HUGS_PER_MIN: '100000', RATE_USER_BURST: '1000', RATE_USER_PER_S: '1000', RATE_CONN_BURST: '1000', RATE_CONN_PER_S: '1000' };

/**
 * The outbox resends in the order the app called `send`: across a `kill -9` of the server, the
 * sends that failed with the connection go out again before the sends made while it was down,
 * so the recipient's inbox holds the hugs in the order they were sent.
 */
describe('outbox order across a crash', () => {
  afterEach(() => closeAllClients());

  it('keeps 200 hugs, streamed every 10 ms without awaiting, in send order across a kill -9', async () => {
    const port = await freePort();
    const first = await startServer({ single: true, port, env: LIMITS });
    const a = await register(first.url, 'ana');
    const b = await register(first.url, 'ben');
    const ca = await connectedClient(first.url, a, { maxOfflineSends: 1000, requestTimeoutMs: 2000, backoff: { baseDelayMs: 50, maxDelayMs: 500 } });
    const cb = await connectedClient(first.url, b);
    await befriend(ca, cb, b.userId, a.userId);
    cb.close();

    let acked = 0;
    const sends: Promise<unknown>[] = [];
    let killed: Promise<unknown> | null = null;
    let killedAt = { acked: 0, sent: 0 };
    for (let i = 0; i < 200; i += 1) {
      sends.push(ca.hugs.send(b.userId, { kind: 'warm', message: `#${i}` }).then(() => (acked += 1)));
      if (acked >= 100 && killed === null) {
        killedAt = { acked, sent: i + 1 };
        killed = first.stop('SIGKILL');
      }
      // Pacing, not a wait for a condition: the stream sends one hug every 10 ms without awaiting.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (killed === null) {
      killedAt = { acked, sent: 200 };
      killed = first.stop('SIGKILL');
    }
    expect(await killed).toBeNull();
    const second = await startServer({ single: true, port, dataDir: first.dataDir, env: LIMITS });
    try {
      await Promise.all(sends);
      const receiver = await connectedClient(second.url, b);
      const order = await eventually(async () => {
        const hugs = (await allInbox(receiver)).flatMap((e) => (e.type === 'hug' ? [Number(e.hug.message?.slice(1))] : []));
        return hugs.length === 200 ? hugs : undefined;
      }, 10_000, 'all 200 hugs in the inbox');
      const outOfOrder = order.filter((n, i) => i > 0 && n < (order[i - 1] ?? -1));
      console.info('outbox order:', { killedAt, outOfOrder: outOfOrder.length });
      expect(outOfOrder).toEqual([]);
      expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i));
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 90_000);
});
