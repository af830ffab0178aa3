import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAllClients, connectError, rawSocket } from '../support/clients.js';
import { CLUSTER_JWT_SECRET } from '../support/cluster-process.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { withAvailableTransports } from '../support/transports.js';
import { signAccessToken } from '../support/tokens.js';

/** Opens a TCP connection, sends `request` (possibly nothing), and resolves with how long the server kept it open. */
function heldOpenMs(port: number, request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => {
      if (request) socket.write(request);
    });
    socket.on('data', () => undefined);
    socket.on('error', reject);
    socket.on('close', () => resolve(Date.now() - started));
    // Bounded: a server that never closes fails the expectation below instead of hanging the file.
    setTimeout(() => {
      socket.destroy();
    }, 30_000).unref();
  });
}

describe.each(withAvailableTransports(['uws', 'node'] as const))('what the public port shows and keeps: TRANSPORT=%s', (transport) => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ single: true, env: { TRANSPORT: transport, JWT_SECRET: CLUSTER_JWT_SECRET } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('serves /metrics only on the metrics listener, not on the public port', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    const metrics = await fetch(`${server.metricsUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^hugmood_connections\{/m);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('closes silent and half-finished HTTP connections within about ten seconds', async () => {
    const [silent, half] = await Promise.all([heldOpenMs(server.port, ''), heldOpenMs(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n')]);
    expect(silent).toBeLessThan(16_000);
    expect(half).toBeLessThan(16_000);
  }, 40_000);

  it('refuses a validly signed token whose subject is an object, as an invalid token', async () => {
    const token = await signAccessToken('unused', 300, CLUSTER_JWT_SECRET, { sub: { $gt: '' } });
    const error = await connectError(rawSocket(server.url, { token }));
    expect(error.data).toMatchObject({ code: 'unauthorized', details: { reason: 'token_invalid' } });
    expect(server.logs.some((l) => l.msg === 'handshake failed unexpectedly')).toBe(false);
  });
});
