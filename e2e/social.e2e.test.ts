import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '../client-sdk/src/index.js';
import type { FriendUpdateEvent, PrivacyUpdatedEvent, ProfileUpdatedEvent } from '../protocol/server-events.js';
import { register } from './support/accounts.js';
import { closeAllClients, connectedClient } from './support/clients.js';
import { type ServerProcess, startServer } from './support/server-process.js';

function next<T>(subscribe: (listener: (value: T) => void) => () => void): Promise<T> {
  return new Promise((resolve) => {
    const off = subscribe((value) => {
      off();
      resolve(value);
    });
  });
}

describe('friends, profiles and privacy: each request answers the caller and reaches the other party live', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('walks a friendship through request, accept, unfriend, block and unblock', async () => {
    const a = await register(server.url, 'ana');
    const b = await register(server.url, 'ben');
    const ca = await connectedClient(server.url, a);
    const cb = await connectedClient(server.url, b);

    const found = await ca.profile.lookup(b.username.toUpperCase());
    expect(found.userId).toBe(b.userId);
    // Each step also waits for the actor's own echo (its other devices hear of its change): across nodes
    // that echo can arrive after the command's ack, and must not be taken for the next step's event.
    const update = (client: typeof ca, state: FriendUpdateEvent['state']) =>
      next<FriendUpdateEvent>((l) => client.friends.on('update', (e) => e.state === state && l(e)));
    const incoming = update(cb, 'incoming');
    const requestEcho = update(ca, 'outgoing');
    expect(await ca.friends.request(b.userId)).toEqual({ userId: b.userId, state: 'outgoing' });
    expect(await incoming).toMatchObject({ userId: a.userId, state: 'incoming', profile: { username: a.username } });
    await requestEcho;
    expect((await cb.friends.list()).incoming.map((e) => e.profile.userId)).toEqual([a.userId]);

    const accepted = update(ca, 'friends');
    const acceptEcho = update(cb, 'friends');
    expect(await cb.friends.accept(a.userId)).toEqual({ userId: a.userId, state: 'friends' });
    expect(await accepted).toMatchObject({ userId: b.userId, state: 'friends' });
    await acceptEcho;
    await expect(ca.friends.request(b.userId)).rejects.toBeInstanceOf(ConflictError);

    const removed = update(cb, 'none');
    const removeEcho = update(ca, 'none');
    await ca.friends.remove(b.userId);
    expect(await removed).toMatchObject({ userId: a.userId, state: 'none' });
    await removeEcho;

    // Strangers now: the blocked side is told nothing at all (e2e/hardening/block-silence checks every event).
    expect(await cb.friends.block(a.userId)).toEqual({ userId: a.userId, state: 'blocked' });
    await expect(ca.friends.request(b.userId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(ca.profile.get(b.userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ca.profile.lookup(b.username)).rejects.toBeInstanceOf(NotFoundError);
    expect((await cb.friends.list()).blocked.map((e) => e.profile.userId)).toEqual([a.userId]);
    await cb.friends.unblock(a.userId);
    await expect(ca.profile.get(b.userId)).resolves.toMatchObject({ userId: b.userId });
  });

  it('declines a request and tells the requester', async () => {
    const a = await register(server.url);
    const b = await register(server.url);
    const ca = await connectedClient(server.url, a);
    const cb = await connectedClient(server.url, b);
    await ca.friends.request(b.userId);
    // Across nodes the echo of a's own request may arrive after its ack: wait for the decline itself.
    const declined = next<FriendUpdateEvent>((l) => ca.friends.on('update', (e) => e.state === 'none' && l(e)));
    expect(await cb.friends.decline(a.userId)).toEqual({ userId: a.userId, state: 'none' });
    expect(await declined).toMatchObject({ userId: b.userId, state: 'none' });
    await expect(cb.friends.accept(a.userId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pushes profile changes to friends and to the user\'s other devices', async () => {
    const a = await register(server.url);
    const b = await register(server.url);
    const ca = await connectedClient(server.url, a);
    const cb = await connectedClient(server.url, b);
    const aOtherDevice = await connectedClient(server.url, a);
    await ca.friends.request(b.userId);
    await cb.friends.accept(a.userId);

    const friendSees = next<ProfileUpdatedEvent>((l) => cb.profile.on('updated', l));
    const otherDeviceSees = next<ProfileUpdatedEvent>((l) => aOtherDevice.profile.on('updated', l));
    const updated = await ca.profile.update({ displayName: 'Ana B', avatarUrl: 'https://cdn.example.com/ana.png', bio: 'hugs\nand tea' });
    expect(updated).toMatchObject({ displayName: 'Ana B', avatarUrl: 'https://cdn.example.com/ana.png', bio: 'hugs\nand tea' });
    expect((await friendSees).profile).toEqual(updated);
    expect((await otherDeviceSees).profile).toEqual(updated);
    expect(await cb.profile.get(a.userId)).toEqual(updated);
    expect((await ca.profile.update({ avatarUrl: null })).avatarUrl).toBeNull();
  });

  it('applies privacy settings on the server: closed friend requests, synced to the user\'s devices', async () => {
    const a = await register(server.url);
    const b = await register(server.url);
    const ca = await connectedClient(server.url, a);
    const aOtherDevice = await connectedClient(server.url, a);
    const cb = await connectedClient(server.url, b);
    const synced = next<PrivacyUpdatedEvent>((l) => aOtherDevice.privacy.on('updated', l));
    const after = await ca.privacy.update({ allowFriendRequests: false });
    expect(after).toEqual({ shareMoodsWith: 'friends', allowFriendRequests: false, showOnlineStatus: 'friends', allowHugsFrom: 'friends' });
    expect((await synced).privacy).toEqual(after);
    expect(await aOtherDevice.privacy.get()).toEqual(after);
    await expect(cb.friends.request(a.userId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
