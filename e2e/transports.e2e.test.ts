import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '../protocol/version.js';
import type { WireFormat } from '../protocol/wire/wire-format.js';
import { register } from './support/accounts.js';
import { befriend, closeAllClients, connected, connectedClient, eventually, rawSocket } from './support/clients.js';
import { expectReservedNamesRefused } from './support/reserved-names.js';
import { runServerToExit, type ServerProcess, startServer, tempDataDir } from './support/server-process.js';
import { uwsUnavailableReason, withAvailableTransports } from './support/transports.js';

/**
 * The smoke subset of the end-to-end suite, on the shapes other than the default (uWS + msgpack,
 * which the full suite covers).
 */
const SHAPES: { transport: 'node' | 'uws'; wire: WireFormat }[] = withAvailableTransports([
  { transport: 'node', wire: 'msgpack' },
  { transport: 'uws', wire: 'json' },
  { transport: 'node', wire: 'json' },
]);

describe.each(SHAPES)('smoke: TRANSPORT=$transport WIRE=$wire', ({ transport, wire }) => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { TRANSPORT: transport, WIRE: wire } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('tells clients its wire format and protocol versions at GET /v1/server', async () => {
    const res = await fetch(`${server.url}/v1/server`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ protocolVersion: PROTOCOL_VERSION, supportedProtocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS], wire });
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

/**
 * Where no uWebSockets.js binary loads (Node 24 on glibc 2.36, as in CI's second run), `auto`
 * falls back to Node http + ws and says why, and `uws` refuses to start. Where one loads, `auto`
 * takes it and logs which package it came from.
 */
describe('the transport TRANSPORT=auto picks', () => {
  const reason = uwsUnavailableReason();

  it(reason === null ? 'is uWebSockets.js, whose binary loaded here' : 'is Node http + ws, with the reason uWebSockets.js did not load', async () => {
    const server = await startServer({ single: true });
    try {
      const chosen = server.logs.find((l) => String(l.msg).startsWith('transport:'));
      if (reason === null) {
        expect(server.transport).toBe('uws');
        expect(chosen).toMatchObject({ transport: 'uws', package: expect.stringMatching(/uWebSockets\.js|uwebsockets\.js/) as string, binary: expect.stringContaining(`_${process.versions.modules}.node`) as string });
      } else {
        expect(server.transport).toBe('node');
        expect(chosen).toMatchObject({ transport: 'node', reason: expect.stringContaining(`ABI ${process.versions.modules}`) as string });
        expect(String(chosen?.['reason'])).toMatch(/uWebSockets\.js: .+; @btc-vision\/uwebsockets\.js: .+/);
      }
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it(reason === null ? 'TRANSPORT=uws starts on uWebSockets.js' : 'TRANSPORT=uws refuses to start, naming why', async () => {
    if (reason === null) {
      const server = await startServer({ single: true, env: { TRANSPORT: 'uws' } });
      expect(server.transport).toBe('uws');
      expect(await server.stop()).toBe(0);
      return;
    }
    const run = await runServerToExit({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', TRANSPORT: 'uws', DATA_DIR: tempDataDir() });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/TRANSPORT=uws, but the uWebSockets\.js native binary did not load/);
  });
});
