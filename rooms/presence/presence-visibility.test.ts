import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import { type SocialFixture, socialFixture } from '../test-support/social-fixture.js';

describe('presence visibility', () => {
  let f: SocialFixture;
  beforeEach(() => {
    f = socialFixture();
  });
  afterEach(() => f.dispose());

  it('revokes public watchers and hides from friends in one step when a user goes dark', async () => {
    const user = await f.user();
    await f.visibility.privacyChanged(user, { ...DEFAULT_PRIVACY, showOnlineStatus: 'public' }, { ...DEFAULT_PRIVACY, showOnlineStatus: 'none' });
    const calls = f.rooms.calls.map((c) => (c.op === 'emit' ? `${c.op} ${c.event} ${c.rooms.join()}` : c.op === 'disconnect' ? `${c.op} ${c.target}` : `${c.op} ${c.target} ${c.rooms.join()}`));
    expect(calls).toEqual([
      `emit presence:revoked presence:${user}:public`,
      `leave presence:${user}:public presence:${user}:public`,
      `emit presence:update presence:${user}:friends`,
    ]);
    expect(f.rooms.emitted('presence:update')[0]?.payload).toMatchObject({ userId: user, status: 'hidden' });
  });

  it('shows friends the current status when a user stops hiding', async () => {
    const user = await f.user();
    await f.presence.connect(user, { connId: 'c', deviceId: 'laptop-1', kind: 'desktop', status: 'active', activity: null, since: 1 });
    await f.visibility.privacyChanged(user, { ...DEFAULT_PRIVACY, showOnlineStatus: 'none' }, DEFAULT_PRIVACY);
    expect(f.rooms.emitted('presence:update').map((u) => [u.rooms, u.payload.status])).toEqual([[[`presence:${user}:friends`], 'online']]);
  });

  it('changes nothing for watchers when the presence setting stays the same', async () => {
    const user = await f.user();
    await f.visibility.privacyChanged(user, DEFAULT_PRIVACY, { ...DEFAULT_PRIVACY, allowHugsFrom: 'anyone' });
    expect(f.rooms.calls).toEqual([]);
  });

  it('on unfriend, removes each side from the other\'s friends room and tells them', async () => {
    const a = await f.user();
    const b = await f.user();
    await f.befriend(a, b);
    f.rooms.calls.length = 0;
    await f.friends.act(a, b, 'remove');
    const leaves = f.rooms.calls.filter((c) => c.op === 'leave' && c.rooms.some((r) => r.startsWith('presence:')));
    expect(leaves).toEqual([
      { op: 'leave', target: `user:${a}`, rooms: [`presence:${b}:friends`] },
      { op: 'leave', target: `user:${b}`, rooms: [`presence:${a}:friends`] },
    ]);
    expect(f.rooms.emitted('presence:revoked').map((e) => [e.rooms[0], e.payload.userId])).toEqual([
      [`user:${a}`, b],
      [`user:${b}`, a],
    ]);
  });

  it('on block, removes both sides from both rooms', async () => {
    const a = await f.user();
    const b = await f.user();
    await f.friends.act(a, b, 'block');
    const left = f.rooms.calls.filter((c) => c.op === 'leave' && c.rooms.some((r) => r.startsWith('presence:'))).map((c) => (c.op === 'leave' ? c.rooms : []));
    expect(left).toEqual([
      [`presence:${b}:friends`, `presence:${b}:public`],
      [`presence:${a}:friends`, `presence:${a}:public`],
    ]);
  });
});
