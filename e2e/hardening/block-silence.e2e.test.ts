import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../protocol/ack.js';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connected, connectedClient, eventually, rawSocket } from '../support/clients.js';
import { type ServerProcess, startServer } from '../support/server-process.js';

/** Every event a bare socket receives, in order. */
function recordAll(socket: Socket): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

/** A command with its ack: events the server sent this socket before answering arrive before the answer. */
function command(socket: Socket, event: string, payload: unknown): Promise<Ack<unknown>> {
  return new Promise((resolve) => socket.emit(event, payload, (ack: Ack<unknown>) => resolve(ack)));
}

/**
 * A block never shows to the blocked user. A blocked stranger receives nothing that names the
 * blocker (no `presence:revoked`, no `friend:update`), then or on unblock; the blocker simply
 * stops changing for them, as a user who hides their status.
 */
describe('blocks stay silent', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ single: true });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('sends a blocked stranger nothing that names the blocker, on block or unblock, and stops their updates', async () => {
    const a = await register(server.url, 'ana');
    const b = await register(server.url, 'ben');
    const c = await register(server.url, 'cai');
    const ca = await connectedClient(server.url, a);
    await ca.privacy.update({ showOnlineStatus: 'public' });
    const bSocket = rawSocket(server.url, { token: b.tokens.accessToken });
    await connected(bSocket);
    const bSeen = recordAll(bSocket);
    const cc = await connectedClient(server.url, c);
    // Both strangers watch ana through her public presence.
    expect(await command(bSocket, 'presence:watch', { userIds: [a.userId] })).toMatchObject({ ok: true, data: { presences: [{ userId: a.userId }] } });
    await cc.presence.watch([a.userId]);
    await ca.presence.setStatus('away', 'before');
    await eventually(() => bSeen.some((e) => e.event === 'presence:update'), 3000, 'ben to see ana while allowed');
    bSeen.length = 0;

    expect(await ca.friends.block(b.userId)).toEqual({ userId: b.userId, state: 'blocked' });
    await ca.presence.setStatus('active', 'after the block');
    await eventually(() => cc.presence.get(a.userId)?.activity === 'after the block', 3000, 'the other watcher to see the change');
    await ca.friends.unblock(b.userId);
    // ben's own command answer comes after anything the server sent him before it.
    expect(await command(bSocket, 'friends:list', {})).toMatchObject({ ok: true });
    expect(bSeen.filter((e) => JSON.stringify(e.payload).includes(a.userId))).toEqual([]);
  });

  it('shows a blocked friend what an unfriend shows, never a block', async () => {
    const a = await register(server.url, 'ana');
    const b = await register(server.url, 'ben');
    const ca = await connectedClient(server.url, a);
    const cb = await connectedClient(server.url, b);
    await befriend(ca, cb, b.userId, a.userId);
    const bSocket = rawSocket(server.url, { token: b.tokens.accessToken });
    await connected(bSocket);
    const bSeen = recordAll(bSocket);
    await command(bSocket, 'presence:watch', { userIds: [a.userId] });
    await ca.friends.block(b.userId);
    await eventually(() => bSeen.some((e) => e.event === 'friend:update'), 3000, 'the friendship to end for ben');
    expect(bSeen.find((e) => e.event === 'friend:update')?.payload).toMatchObject({ userId: a.userId, state: 'none' });
    expect(JSON.stringify(bSeen)).not.toContain('blocked');
  });
});
