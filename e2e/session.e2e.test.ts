import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, ForbiddenError, ProtocolVersionError, UnauthorizedError } from '../client-sdk/src/index.js';
import type { Ack } from '../protocol/ack.js';
import type { AuthExpiringEvent, SessionEndedEvent } from '../protocol/server-events.js';
import { login, register } from './support/accounts.js';
import { closeAllClients, connected, connectedClient, connectError, eventually, rawSocket, sdkClient } from './support/clients.js';
import { type ServerProcess, startServer } from './support/server-process.js';
import { signAccessToken, TEST_JWT_SECRET } from './support/tokens.js';

const TTL_S = 3;

describe('session auth on the socket', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { JWT_SECRET: TEST_JWT_SECRET, ACCESS_TOKEN_TTL_S: String(TTL_S), TOKEN_EXPIRY_WARNING_S: '2' } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('warns before expiry, then disconnects a socket whose token expired with a reason', async () => {
    const account = await register(server.url);
    const socket = rawSocket(server.url, { token: account.tokens.accessToken });
    const expiring = new Promise<AuthExpiringEvent>((resolve) => socket.once('auth:expiring', resolve));
    const ended = new Promise<SessionEndedEvent>((resolve) => socket.once('session:ended', resolve));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await connected(socket);
    const warning = await expiring;
    expect(warning.expiresAt).toBe(account.tokens.accessTokenExpiresAt);
    expect(warning.at).toBeLessThan(warning.expiresAt);
    const end = await ended;
    expect(end.reason).toBe('token_expired');
    expect(end.at).toBeGreaterThanOrEqual(account.tokens.accessTokenExpiresAt);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('keeps a socket whose SDK refreshes the token when warned', async () => {
    const account = await register(server.url);
    let tokenCalls = 0;
    const client = sdkClient(server.url, account, {
      getToken: async () => {
        tokenCalls += 1;
        return tokenCalls === 1 ? account.tokens.accessToken : (await login(server.url, account)).accessToken;
      },
    });
    await client.whenConnected();
    const states: string[] = [];
    client.onStateChange((state) => states.push(state));
    const ended: SessionEndedEvent[] = [];
    client.onSessionEnded((e) => ended.push(e));
    // Past the first token's expiry, and then some.
    await new Promise((resolve) => setTimeout(resolve, (TTL_S + 1.5) * 1000));
    expect(tokenCalls).toBeGreaterThanOrEqual(2);
    expect(states).toEqual([]);
    expect(ended).toEqual([]);
    expect(client.state).toBe('connected');
    await expect(client.friends.list()).resolves.toMatchObject({ friends: [] });
  });

  it('refuses a refresh with another user\'s token', async () => {
    const me = await register(server.url);
    const other = await register(server.url);
    const client = await connectedClient(server.url, me);
    await expect(client.request('auth:refresh', { token: other.tokens.accessToken })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(client.request('auth:refresh', { token: 'not.a.jwt' })).rejects.toMatchObject({ code: 'unauthorized', details: { reason: 'token_invalid' } });
  });

  it('refuses handshakes with a code: missing, invalid, expired token; unsupported protocol', async () => {
    const account = await register(server.url);
    const cases: [Record<string, unknown>, string, string][] = [
      [{}, 'unauthorized', 'token_missing'],
      [{ token: 'garbage' }, 'unauthorized', 'token_invalid'],
      [{ token: await signAccessToken(account.userId, 60, 'another-secret-that-is-long-enough-to-sign') }, 'unauthorized', 'token_invalid'],
      [{ token: await signAccessToken(account.userId, 60, TEST_JWT_SECRET, { aud: 'someone-else' }) }, 'unauthorized', 'token_invalid'],
      [{ token: await signAccessToken(account.userId, -5) }, 'unauthorized', 'token_expired'],
      [{ token: await signAccessToken('no-such-user', 60) }, 'unauthorized', 'user_unknown'],
      [{ token: account.tokens.accessToken, v: 99 }, 'invalid_payload', 'protocol_version'],
      [{ token: account.tokens.accessToken, deviceId: 'x' }, 'invalid_payload', 'auth_invalid'],
      [{ token: account.tokens.accessToken, deviceKind: 'toaster' }, 'invalid_payload', 'auth_invalid'],
    ];
    for (const [auth, code, reason] of cases) {
      const error = await connectError(rawSocket(server.url, auth));
      expect(error.data, JSON.stringify(auth)).toMatchObject({ code, details: { reason } });
    }
  });

  it('stops the SDK on a fatal auth error instead of retrying', async () => {
    let calls = 0;
    const client = sdkClient(server.url, { username: '', password: '', userId: '', tokens: { accessToken: 'x' } as never }, {
      getToken: () => {
        calls += 1;
        return 'garbage';
      },
    });
    await expect(client.whenConnected()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(client.state).toBe('closed');
    expect(client.closedBy).toMatchObject({ code: 'unauthorized', details: { reason: 'token_invalid' } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(calls).toBe(1);
    await expect(client.friends.list()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('gives up when getToken() keeps returning expired tokens', async () => {
    const account = await register(server.url);
    const expired = await signAccessToken(account.userId, -5);
    let calls = 0;
    const client = sdkClient(server.url, account, {
      getToken: () => {
        calls += 1;
        return expired;
      },
    });
    await expect(client.whenConnected()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(calls).toBe(3);
    expect(client.state).toBe('closed');
  });

  it('reports an unsupported protocol version as its own fatal error', async () => {
    const account = await register(server.url);
    const client = sdkClient(server.url, account, {
      // An SDK from the future: same code, but it announces protocol version 99.
      createSocket: (url, options) => {
        const socket: ClientSocket = io(url, options);
        const connect = socket.connect.bind(socket);
        socket.connect = () => {
          socket.auth = { ...(socket.auth as object), v: 99 };
          return connect();
        };
        return socket;
      },
    });
    await expect(client.whenConnected()).rejects.toBeInstanceOf(ProtocolVersionError);
  });

  it('caps connections per user', async () => {
    const capped = await startServer({ env: { MAX_CONNECTIONS_PER_USER: '2' } });
    // The cap is per node: every socket of this test goes to the same one.
    const url = capped.url;
    try {
      const local = await register(url);
      const first = rawSocket(url, { token: local.tokens.accessToken });
      const second = rawSocket(url, { token: local.tokens.accessToken });
      await Promise.all([connected(first), connected(second)]);
      const third = await connectError(rawSocket(url, { token: local.tokens.accessToken }));
      expect(third.data).toMatchObject({ code: 'forbidden', details: { reason: 'connection_limit' } });
      first.disconnect();
      await eventually(async () => {
        const s = rawSocket(url, { token: local.tokens.accessToken });
        try {
          await connected(s);
          return true;
        } catch {
          return false;
        }
      }, 3000, 'a slot to free up');
    } finally {
      await capped.stop();
    }
  });

  it('answers auth:refresh with the new expiry', async () => {
    const account = await register(server.url);
    const socket = rawSocket(server.url, { token: account.tokens.accessToken });
    await connected(socket);
    const fresh = await login(server.url, account);
    const ack = (await socket.timeout(2000).emitWithAck('auth:refresh', { token: fresh.accessToken })) as Ack<{ expiresAt: number }>;
    expect(ack).toEqual({ ok: true, data: { userId: account.userId, expiresAt: fresh.accessTokenExpiresAt } });
  });
});
