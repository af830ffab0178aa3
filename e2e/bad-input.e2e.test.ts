import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidPayloadError, RateLimitedError } from '../client-sdk/src/index.js';
import type { Ack } from '../protocol/ack.js';
import type { CommandRejectedEvent } from '../protocol/server-events.js';
import { register } from './support/accounts.js';
import { closeAllClients, connected, connectedClient, connectError, eventually, rawSocket } from './support/clients.js';
import { metricsText } from './support/metrics.js';
import { RawEngineSocket } from './support/raw-engine-socket.js';
import { expectReservedNamesRefused } from './support/reserved-names.js';
import { type ServerProcess, startServer } from './support/server-process.js';

describe('bad input never crashes the server and always gets a clear error (uWS, msgpack)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { RATE_CONN_BURST: '40', RATE_CONN_PER_S: '20', RATE_USER_BURST: '60', RATE_USER_PER_S: '30' } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    // The process that took every bad input below is still the one we started, and still healthy.
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  it('answers a malformed payload with invalid_payload naming the field', async () => {
    const account = await register(server.url);
    const client = await connectedClient(server.url, account);
    const bad = client.request('presence:watch', { userIds: 'everyone' as unknown as string[] });
    await expect(bad).rejects.toBeInstanceOf(InvalidPayloadError);
    await expect(bad).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'userIds' } });
    await expect(client.request('friend:request', { userId: 42 as unknown as string })).rejects.toMatchObject({ details: { field: 'userId' } });
    await expect(client.request('profile:update', { avatarUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ details: { field: 'avatarUrl' } });
    await expect(client.request('presence:watch', { userIds: [] })).rejects.toMatchObject({ details: { field: 'userIds' } });
    await expect(client.request('profile:update', {})).rejects.toMatchObject({ code: 'invalid_payload' });
  });

  it('answers an unknown event with an error, through the ack or command:rejected', async () => {
    const account = await register(server.url);
    const socket = rawSocket(server.url, { token: account.tokens.accessToken });
    await connected(socket);
    const ack = (await socket.timeout(2000).emitWithAck('hug:explode', { now: true })) as Ack<unknown>;
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload', details: { reason: 'unknown_event' } } });
    const rejected = new Promise<CommandRejectedEvent>((resolve) => socket.once('command:rejected', resolve));
    socket.emit('also:unknown', 1);
    expect(await rejected).toMatchObject({ event: 'also:unknown', error: { code: 'invalid_payload' } });
    const missingAck = new Promise<CommandRejectedEvent>((resolve) => socket.once('command:rejected', resolve));
    socket.emit('friends:list', {});
    expect(await missingAck).toMatchObject({ event: 'friends:list', error: { details: { field: 'ack' } } });
    const extraArgs = (await socket.timeout(2000).emitWithAck('friends:list', {}, 'extra')) as Ack<unknown>;
    expect(extraArgs).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('refuses reserved event names by closing that connection only', async () => {
    await expectReservedNamesRefused(server.url, 'msgpack');
  });

  it('closes a connection that sends garbage frames', async () => {
    const account = await register(server.url);
    for (const frame of [randomBytes(64), Buffer.from([0x93, 0x01, 0x02]), Buffer.from([0xc1])]) {
      const raw = new RawEngineSocket(server.url, 'msgpack');
      await raw.connect(account.tokens.accessToken);
      raw.sendBinary(frame);
      await raw.closed;
    }
    const text = new RawEngineSocket(server.url, 'msgpack');
    await text.connect(account.tokens.accessToken);
    text.sendText('4this is not msgpack');
    await text.closed;
  });

  it('refuses frames over the size limit', async () => {
    const account = await register(server.url);
    const socket = rawSocket(server.url, { token: account.tokens.accessToken });
    await connected(socket);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('profile:update', { bio: 'x'.repeat(70_000) }, () => undefined);
    expect(await gone).toBe('transport close');
    const again = await connectedClient(server.url, account);
    await expect(again.profile.update({ bio: 'small is fine' })).resolves.toMatchObject({ bio: 'small is fine' });
  });

  it('refuses a handshake from an Origin outside ALLOWED_ORIGINS, and allows localhost in development', async () => {
    const account = await register(server.url);
    // Refusals are counted by the node that refused (one node of a cluster).
    const node = server.url;
    const evil = rawSocket(node, { token: account.tokens.accessToken }, { extraHeaders: { origin: 'https://evil.example' } });
    const error = await connectError(evil);
    expect(error.message).toMatch(/websocket error/i);
    const local = rawSocket(server.url, { token: account.tokens.accessToken }, { extraHeaders: { origin: 'http://localhost:5173' } });
    await connected(local);
    const metrics = await metricsText(server, node);
    expect(metrics).toMatch(/hugmood_handshake_refusals_total\{reason="origin",node="[^"]+"\} [1-9]/);
  });

  it('rate limits a flood with retryAfterMs, without slowing another user', async () => {
    const flooder = await connectedClient(server.url, await register(server.url, 'flood'));
    const calm = await connectedClient(server.url, await register(server.url, 'calm'));
    const flood = await Promise.allSettled(Array.from({ length: 150 }, () => flooder.privacy.get()));
    const refused = flood.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    expect(refused.length).toBeGreaterThan(50);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
    }
    await new Promise((resolve) => setTimeout(resolve, (refused[0] as RateLimitedError).retryAfterMs ?? 100));
    const calmResults = await Promise.allSettled(Array.from({ length: 20 }, () => calm.privacy.get()));
    expect(calmResults.every((r) => r.status === 'fulfilled')).toBe(true);
    // Waiting as told, the flooder is served again. Its own clock sync (time:sync at connect) draws on
    // the same bucket as tokens come back, so a wait may have to be repeated, each time as told.
    let served = false;
    for (let attempt = 0; attempt < 10 && !served; attempt += 1) {
      try {
        await flooder.privacy.get();
        served = true;
      } catch (error) {
        expect(error).toBeInstanceOf(RateLimitedError);
        await new Promise((resolve) => setTimeout(resolve, (error as RateLimitedError).retryAfterMs ?? 100));
      }
    }
    expect(served).toBe(true);
  });

  it('refuses a watch on a non-friend who hides their status with forbidden', async () => {
    const hider = await register(server.url, 'hider');
    const hiderClient = await connectedClient(server.url, hider);
    await hiderClient.privacy.update({ showOnlineStatus: 'none' });
    const curious = await connectedClient(server.url, await register(server.url, 'curious'));
    const result = await curious.presence.watch([hider.userId, 'no-such-user']);
    expect(result.denied).toEqual([
      { userId: hider.userId, code: 'forbidden' },
      { userId: 'no-such-user', code: 'not_found' },
    ]);
  });

  it('counts commands by name and outcome in /metrics', async () => {
    const client = await connectedClient(server.url, await register(server.url));
    await client.friends.list();
    await expect(client.request('profile:get', { userId: '!' })).rejects.toBeDefined();
    const text = await eventually(async () => {
      const body = await metricsText(server);
      return body.includes('command="profile:get",outcome="invalid_payload"') ? body : undefined;
    });
    expect(text).toMatch(/hugmood_commands_total\{command="friends:list",outcome="ok",node="[^"]+"\} \d+/);
    expect(text).toMatch(/hugmood_command_duration_seconds_count\{[^}]*command="friends:list"[^}]*\} [1-9]/);
    expect(text).toMatch(/hugmood_connections\{node="[^"]+"\} [1-9]/);
  });
});
