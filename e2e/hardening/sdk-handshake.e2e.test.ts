import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { type HugMoodError, WireMismatchError } from '../../client-sdk/src/index.js';
import { register } from '../support/accounts.js';
import { closeAllClients, eventually, sdkClient } from '../support/clients.js';
import { type ServerProcess, startServer } from '../support/server-process.js';

/**
 * An Engine.IO endpoint that opens every connection and then misbehaves at the Socket.IO
 * handshake: it closes the connection on the CONNECT, or never answers it.
 */
async function misbehavingServer(mode: 'close' | 'silent'): Promise<{ url: string; attempts: () => number; close: () => Promise<void> }> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  let attempts = 0;
  wss.on('connection', (ws) => {
    attempts += 1;
    ws.send(JSON.stringify({ sid: `s${attempts}`, upgrades: [], pingInterval: 25_000, pingTimeout: 20_000, maxPayload: 100_000 }).replace(/^/, '0'));
    ws.on('message', () => {
      if (mode === 'close') ws.close();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts: () => attempts,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.close(() => resolve());
      }),
  };
}

describe('the SDK never hangs in a handshake', () => {
  let json: ServerProcess;
  let msgpack: ServerProcess;
  beforeAll(async () => {
    [json, msgpack] = await Promise.all([startServer({ single: true, env: { WIRE: 'json' } }), startServer({ single: true, env: { WIRE: 'msgpack' } })]);
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await Promise.all([json.stop(), msgpack.stop()]);
  });

  it.each([
    { server: 'json', client: 'msgpack' },
    { server: 'msgpack', client: 'json' },
  ] as const)('stops with a WireMismatchError when the server speaks $server and the client $client', async ({ server, client }) => {
    const target = server === 'json' ? json : msgpack;
    const account = await register(target.url);
    const errors: HugMoodError[] = [];
    const sdk = sdkClient(target.url, account, { wire: client });
    sdk.onError((error) => errors.push(error));
    const outcome = await sdk.whenConnected(10_000).then(
      () => 'connected',
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(WireMismatchError);
    expect(outcome).toMatchObject({ code: 'wire_mismatch', details: { clientWire: client, serverWire: server } });
    expect(sdk.state).toBe('closed');
    expect(errors.at(-1)).toBeInstanceOf(WireMismatchError);
  });

  it('retries when the connection closes during the handshake, instead of staying in connecting', async () => {
    const fake = await misbehavingServer('close');
    try {
      const states: string[] = [];
      const sdk = sdkClient(fake.url, { username: 'x', password: 'x', userId: 'x', tokens: { userId: 'x', accessToken: 'token', accessTokenExpiresAt: 0, refreshToken: 'r', refreshTokenExpiresAt: 0 } }, { connectTimeoutMs: 5000 });
      sdk.onStateChange((state) => states.push(state));
      await eventually(() => fake.attempts() >= 3, 10_000, 'three handshake attempts');
      expect(states).toContain('reconnecting');
      expect(sdk.state).not.toBe('closed');
    } finally {
      await fake.close();
    }
  });

  it('gives up an attempt the server never answers after connectTimeoutMs, and tries again', async () => {
    const fake = await misbehavingServer('silent');
    try {
      const errors: HugMoodError[] = [];
      const sdk = sdkClient(fake.url, { username: 'x', password: 'x', userId: 'x', tokens: { userId: 'x', accessToken: 'token', accessTokenExpiresAt: 0, refreshToken: 'r', refreshTokenExpiresAt: 0 } }, { connectTimeoutMs: 500 });
      sdk.onError((error) => errors.push(error));
      await eventually(() => fake.attempts() >= 2, 10_000, 'a second attempt after the first timed out');
      expect(errors[0]).toMatchObject({ code: 'timeout' });
    } finally {
      await fake.close();
    }
  });
});
