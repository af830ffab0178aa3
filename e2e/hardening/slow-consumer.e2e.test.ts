import type { Socket as NetSocket } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../protocol/ack.js';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { recordHugs } from '../support/hug-recorder.js';
import { metricsText, sampleOf } from '../support/metrics.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { withAvailableTransports } from '../support/transports.js';

const LIMITS = {
  RATE_CONN_BURST: '100000',
  RATE_CONN_PER_S: '100000',
  RATE_USER_BURST: '100000',
  RATE_USER_PER_S: '100000',
  RATE_HUGS_BURST: '100000',
  RATE_HUGS_PER_MIN: '1000000',
  SEND_BUFFER_BYTES: '65536',
};

/** The TCP socket under a socket.io-client socket (engine.io-client's `ws` transport, in Node). */
function tcpOf(socket: Socket): NetSocket {
  const engine = (socket.io as unknown as { engine: { transport: { ws: { _socket: NetSocket } } } }).engine;
  return engine.transport.ws._socket;
}

/**
 * A client that stops reading but keeps its connection is cut once the server holds more than
 * `SEND_BUFFER_BYTES` for it, on both transports; when it reads again its SDK reconnects and its
 * inbox sync brings what it missed, exactly once.
 */
describe.each(withAvailableTransports(['uws', 'node'] as const))('slow consumers: TRANSPORT=%s', (transport) => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ single: true, env: { TRANSPORT: transport, ...LIMITS } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('cuts a client that stops reading, and its inbox sync recovers the hug pushed meanwhile', async () => {
    const ana = await register(server.url, 'ana');
    const ben = await register(server.url, 'ben');
    let benSocket: Socket | undefined;
    const cb = await connectedClient(server.url, ben, {
      createSocket: (url, options) => {
        benSocket = io(url, options);
        return benSocket;
      },
    });
    const ca = await connectedClient(server.url, ana);
    await befriend(ca, cb, ben.userId, ana.userId);
    const received = recordHugs(cb);
    // History for ben to ask for: 100 hugs of 280 characters, about 50 KB an answer.
    await Promise.all(Array.from({ length: 100 }, (_, i) => ca.hugs.send(ben.userId, { kind: 'warm', message: `${i} ${'x'.repeat(270)}` })));
    await eventually(() => received.received.length >= 100, 10_000, 'the seed hugs');
    if (!benSocket) throw new Error('no socket captured');

    // ben's app stops reading (its TCP socket is paused) but keeps asking: 600 answers of ~50 KB.
    const tcp = tcpOf(benSocket);
    tcp.pause();
    for (let i = 0; i < 600; i += 1) benSocket.emit('hug:history', { direction: 'received', limit: 100 }, (_ack: Ack<unknown>) => undefined);
    await eventually(async () => sampleOf(await metricsText(server), 'hugmood_connections_cut_total', { reason: 'slow_consumer' }) >= 1, 20_000, 'the server to cut the slow consumer');

    // A hug sent now cannot reach ben live; the sender is told only that it was pushed.
    const { hugId } = await ca.hugs.send(ben.userId, { kind: 'bear', message: 'while you were not reading' });
    tcp.resume();
    await eventually(() => received.received.some((h) => h.id === hugId), 15_000, 'the hug, through the inbox sync after the reconnect');
    expect(received.received.filter((h) => h.id === hugId)).toHaveLength(1);
    expect(cb.state).toBe('connected');
  }, 60_000);
});
