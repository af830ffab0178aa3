import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SocialFixture, socialFixture } from '../test-support/social-fixture.js';

describe('presence watch', () => {
  let f: SocialFixture;
  beforeEach(() => {
    f = socialFixture();
  });
  afterEach(() => f.dispose());

  it('joins a friend\'s friends room and answers with a snapshot', async () => {
    const me = await f.user();
    const friend = await f.user();
    await f.befriend(me, friend);
    await f.presence.connect(friend, { connId: 'c', deviceId: 'phone-1', kind: 'ios', status: 'away', activity: 'tea', since: 5 });
    const w = f.watcher(me);
    const result = await f.watch.watch(w, [friend]);
    expect(result.denied).toEqual([]);
    expect(result.presences).toEqual([{ userId: friend, status: 'away', activity: 'tea', lastSeenAt: null, devices: [{ kind: 'ios', status: 'away', since: 5 }] }]);
    expect(f.rooms.members.get(`presence:${friend}:friends`)).toEqual(new Set([w.socketId]));
    expect([...(w.watching ?? [])]).toEqual([friend]);
  });

  it('reports a friend who hides their status as hidden, and never-seen users as offline with the stored lastSeenAt', async () => {
    const me = await f.user();
    const hider = await f.user({ showOnlineStatus: 'none' });
    const quiet = await f.user();
    await f.befriend(me, hider);
    await f.befriend(me, quiet);
    await f.store.users.recordLastSeen(quiet, 1234);
    const result = await f.watch.watch(f.watcher(me), [hider, quiet]);
    expect(result.presences).toEqual([
      { userId: hider, status: 'hidden', activity: null, lastSeenAt: null, devices: [] },
      { userId: quiet, status: 'offline', activity: null, lastSeenAt: 1234, devices: [] },
    ]);
  });

  it('refuses strangers unless public, blocked users always, and unknown ids as not_found', async () => {
    const me = await f.user();
    const privateUser = await f.user();
    const publicUser = await f.user({ showOnlineStatus: 'public' });
    const blocker = await f.user({ showOnlineStatus: 'public' });
    await f.friends.act(blocker, me, 'block');
    const w = f.watcher(me);
    const result = await f.watch.watch(w, [privateUser, publicUser, blocker, 'ghost']);
    expect(result.presences.map((p) => p.userId)).toEqual([publicUser]);
    expect(result.denied).toEqual([
      { userId: privateUser, code: 'forbidden' },
      { userId: blocker, code: 'forbidden' },
      { userId: 'ghost', code: 'not_found' },
    ]);
    expect(f.rooms.members.get(`presence:${publicUser}:public`)).toEqual(new Set([w.socketId]));
  });

  it('moves a watcher from the public to the friends room when they become friends', async () => {
    const me = await f.user();
    const other = await f.user({ showOnlineStatus: 'public' });
    const w = f.watcher(me);
    await f.watch.watch(w, [other]);
    await f.befriend(me, other);
    await f.watch.watch(w, [other]);
    expect(f.rooms.members.get(`presence:${other}:public`)?.has(w.socketId)).toBe(false);
    expect(f.rooms.members.get(`presence:${other}:friends`)?.has(w.socketId)).toBe(true);
  });

  it('caps the users one socket watches, and unwatches', async () => {
    await f.dispose();
    f = socialFixture(3);
    const me = await f.user();
    const ids = [await f.user({ showOnlineStatus: 'public' }), await f.user({ showOnlineStatus: 'public' }), await f.user({ showOnlineStatus: 'public' })];
    const w = f.watcher(me);
    await f.watch.watch(w, ids);
    await expect(f.watch.watch(w, [await f.user({ showOnlineStatus: 'public' })])).rejects.toMatchObject({ code: 'invalid_payload', details: { limit: 3 } });
    // Watching again what is already watched does not count twice.
    await expect(f.watch.watch(w, ids)).resolves.toBeDefined();
    expect(f.watch.unwatch(w, [ids[0] as string, 'never-watched'])).toEqual({ unwatched: [ids[0]] });
    expect(f.rooms.members.get(`presence:${ids[0]}:public`)?.has(w.socketId)).toBe(false);
  });
});
