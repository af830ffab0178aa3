import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WireFormat } from '../protocol/wire/wire-format.js';
import { register } from './support/accounts.js';
import { befriend, closeAllClients, connected, connectedClient, eventually, rawSocket } from './support/clients.js';
import { expectReservedNamesRefused } from './support/reserved-names.js';
import { type ServerProcess, startServer } from './support/server-process.js';

/**
 * The smoke subset of the end-to-end suite, on the shapes other than the default (uWS + msgpack,
 * which the full suite covers).
 */
const SHAPES: { transport: 'node' | 'uws'; wire: WireFormat }[] = [
  { transport: 'node', wire: 'msgpack' },
  { transport: 'uws', wire: 'json' },
  { transport: 'node', wire: 'json' },
];

describe.each(SHAPES)('smoke: TRANSPORT=$transport WIRE=$wire', ({ transport, wire }) => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { TRANSPORT: transport, WIRE: wire } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('runs on the requested transport', () => {
    expect(server.transport).toBe(transport);
    expect(server.logs.some((l) => l['transport'] === transport && String(l.msg).startsWith('transport:'))).toBe(true);
  });

  it('befriends, watches and delivers a presence change', async () => {
    const a = await register(server.url, 'ana');
    const b = await register(server.url, 'ben');
    const ca = await connectedClient(server.url, a, { wire });
    const cb = await connectedClient(server.url, b, { wire });
    await befriend(ca, cb, b.userId, a.userId);
    expect((await ca.presence.watch([b.userId])).presences[0]?.status).toBe('online');
    await cb.presence.setStatus('away', 'on a walk');
    await eventually(() => ca.presence.get(b.userId)?.activity === 'on a walk', 3000, 'the update');
  });

  it('answers a malformed payload with invalid_payload naming the field', async () => {
    const client = await connectedClient(server.url, await register(server.url), { wire });
    await expect(client.request('profile:update', { displayName: '' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'displayName' } });
  });

  it('refuses reserved event names', async () => {
    await expectReservedNamesRefused(server.url, wire);
  });

  it('refuses frames over the size limit and serves HTTP on the same port', async () => {
    const account = await register(server.url);
    const socket = rawSocket(server.url, { token: account.tokens.accessToken }, { wire });
    await connected(socket);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('profile:update', { bio: 'x'.repeat(70_000) }, () => undefined);
    expect(await gone).toBe('transport close');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses a client speaking the other wire format', async () => {
    const account = await register(server.url);
    const other: WireFormat = wire === 'json' ? 'msgpack' : 'json';
    const socket = rawSocket(server.url, { token: account.tokens.accessToken }, { wire: other });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
      socket.once('disconnect', () => resolve('refused'));
      setTimeout(() => resolve('no answer'), 3000);
    });
    expect(outcome).not.toBe('connected');
  });
});
