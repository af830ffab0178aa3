import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SocialFixture, socialFixture } from '../test-support/social-fixture.js';

/** Waits for `check` (a later turn of the event loop), failing after a second. */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('friends service', () => {
  let f: SocialFixture;
  beforeEach(() => {
    f = socialFixture();
  });
  afterEach(() => f.dispose());

  it('answers the caller and pushes the change to both users\' rooms', async () => {
    const a = await f.user();
    const b = await f.user();
    expect(await f.friends.act(a, b, 'request')).toEqual({ userId: b, state: 'outgoing' });
    const pushes = f.rooms.emitted('friend:update');
    expect(pushes.map((p) => [p.rooms[0], p.payload.userId, p.payload.state])).toEqual([
      [`user:${b}`, a, 'incoming'],
      [`user:${a}`, b, 'outgoing'],
    ]);
    expect(pushes[0]?.payload.profile.userId).toBe(a);
  });

  it('pushes nothing when an action changes nothing', async () => {
    const a = await f.user();
    const b = await f.user();
    await f.friends.act(a, b, 'request');
    // The request's notification is announced once its unread count is read.
    await until(() => f.rooms.emitted('notification:new').length === 1);
    f.rooms.calls.length = 0;
    expect(await f.friends.act(a, b, 'request')).toEqual({ userId: b, state: 'outgoing' });
    expect(await f.friends.act(a, b, 'unblock')).toEqual({ userId: b, state: 'outgoing' });
    expect(f.rooms.calls).toEqual([]);
  });

  it('notifies the other user of a request and of its acceptance, once each, in app and by push', async () => {
    const a = await f.user();
    const b = await f.user();
    // Pushes are queued for users with a device registered for push only.
    for (const userId of [a, b]) await f.store.devices.register({ userId, deviceId: 'phone', push: { platform: 'android', token: `token-of-${userId}` }, createdAt: 1, updatedAt: 1 });
    await f.friends.act(a, b, 'request');
    await f.friends.act(a, b, 'request');
    await f.friends.act(b, a, 'accept');
    await until(() => f.rooms.emitted('notification:new').length === 2);
    const told = f.rooms.emitted('notification:new').map((e) => [e.rooms[0], e.payload.notification.type, e.payload.notification.data.userId, e.payload.unread]);
    expect(told).toEqual([
      [`user:${b}`, 'friend-request', a, 1],
      [`user:${a}`, 'friend-accepted', b, 1],
    ]);
    expect(f.rooms.emitted('notification:new')[0]?.payload.notification.title).toMatch(/^User .{4} wants to be friends$/);
    expect(f.pushes.jobs.map((j) => [j.userId, j.type])).toEqual([
      [b, 'friend-request'],
      [a, 'friend-accepted'],
    ]);
  });

  it('lists friends, both directions of requests, and blocks', async () => {
    const me = await f.user();
    const friend = await f.user();
    const asked = await f.user();
    const asker = await f.user();
    const pest = await f.user();
    await f.befriend(me, friend);
    await f.friends.act(me, asked, 'request');
    await f.friends.act(asker, me, 'request');
    await f.friends.act(me, pest, 'block');
    const list = await f.friends.list(me);
    expect(list.friends.map((e) => [e.profile.userId, e.state])).toEqual([[friend, 'friends']]);
    expect(list.outgoing.map((e) => e.profile.userId)).toEqual([asked]);
    expect(list.incoming.map((e) => e.profile.userId)).toEqual([asker]);
    expect(list.blocked.map((e) => [e.profile.userId, e.state])).toEqual([[pest, 'blocked']]);
  });

  it('refuses yourself, unknown users, and requests to users who closed them', async () => {
    const me = await f.user();
    const closed = await f.user({ allowFriendRequests: false });
    await expect(f.friends.act(me, me, 'request')).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(f.friends.act(me, 'ghost', 'request')).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.friends.act(me, closed, 'request')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('turns two crossing requests into one friendship', async () => {
    const a = await f.user();
    const b = await f.user();
    const [x, y] = await Promise.all([f.friends.act(a, b, 'request'), f.friends.act(b, a, 'request')]);
    expect([x.state, y.state].sort()).toEqual(['friends', 'outgoing']);
    expect((await f.store.friendships.relation(a, b)).friendship?.status).toBe('friends');
  });
});
