import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../protocol/ack.js';
import type { SessionEndedEvent } from '../../protocol/server-events.js';
import { register } from '../support/accounts.js';
import { closeAllClients, connected, connectedClient, connectError, eventually, rawSocket } from '../support/clients.js';
import { metricsText, sampleOf } from '../support/metrics.js';
import { type ServerProcess, startServer } from '../support/server-process.js';

const FLOOD = 10_000;

/**
 * A connection that keeps exceeding its rate limits is cut with `session:ended` (`rate_limited`,
 * `retryAfterMs`), not answered event by event; its user cannot reconnect to this node until the
 * cooldown is over, and nobody else notices.
 */
describe('floods are cut off', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ single: true, env: { RATE_KICK_REFUSALS: '200', RATE_KICK_WINDOW_MS: '3000' } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('cuts a connection sending 10,000 events, after answering a few hundred of them', async () => {
    const flooder = await register(server.url, 'flood');
    const bystander = await connectedClient(server.url, await register(server.url, 'calm'));
    const socket: Socket = rawSocket(server.url, { token: flooder.tokens.accessToken });
    await connected(socket);
    let answers = 0;
    const ended = new Promise<SessionEndedEvent>((resolve) => socket.once('session:ended', resolve));
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    for (let i = 0; i < FLOOD; i += 1) {
      socket.emit('privacy:get', {}, (_ack: Ack<unknown>) => {
        answers += 1;
      });
    }
    expect(await ended).toMatchObject({ reason: 'rate_limited', retryAfterMs: expect.any(Number) });
    expect(await gone).toBe('io server disconnect');
    // Answered: the burst, then up to the 200 refusals that cut it; never the rest of the 10,000.
    console.info(`flood: ${answers} of ${FLOOD} events answered before the cut`);
    expect(answers).toBeLessThan(1000);
    expect(sampleOf(await metricsText(server), 'hugmood_connections_cut_total', { reason: 'rate_limited' })).toBeGreaterThanOrEqual(1);
    await expect(bystander.privacy.get()).resolves.toBeDefined();

    // Straight back in: refused until the cooldown is over, with how long to wait.
    const again = await connectError(rawSocket(server.url, { token: flooder.tokens.accessToken }));
    expect(again.data).toMatchObject({ code: 'rate_limited', details: { reason: 'rate_limited' }, retryAfterMs: expect.any(Number) });
  });

  it('the SDK waits out the cooldown and reconnects on its own', async () => {
    const account = await register(server.url, 'eager');
    const client = await connectedClient(server.url, account, { requestTimeoutMs: 20_000 });
    const ended: SessionEndedEvent[] = [];
    client.onSessionEnded((event) => ended.push(event));
    const flood = Promise.allSettled(Array.from({ length: 2000 }, () => client.privacy.get()));
    await eventually(() => ended.length > 0, 10_000, 'the cut');
    expect(ended[0]).toMatchObject({ reason: 'rate_limited' });
    await eventually(() => client.state === 'connected', 15_000, 'the SDK back after the cooldown');
    await flood;
    await expect(client.privacy.get()).resolves.toBeDefined();
  }, 40_000);
});
