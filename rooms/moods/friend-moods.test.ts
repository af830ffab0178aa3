import { afterEach, describe, expect, it } from 'vitest';
import { moodCreate, moodStreakSave } from '../../persistence/write-behind/write-operation.js';
import { moodRecord } from '../../persistence/store/mood-store.contract.js';
import { moodListenersRoom, moodRoom, userRoom } from '../room-names.js';
import { type SocialFixture, socialFixture } from '../test-support/social-fixture.js';

describe('friend moods', () => {
  let f: SocialFixture;
  afterEach(async () => f.dispose());

  async function record(userId: string, overrides: Parameters<typeof moodRecord>[0] = {}) {
    const mood = moodRecord({ userId, ...overrides });
    await f.store.applyWrites([moodCreate(mood), moodStreakSave(userId, { current: 2, longest: 4, firstDate: '2026-11-29', lastDate: mood.localDate, lastZone: mood.timeZone }, mood.recordedAt)]);
    return mood;
  }

  it('joins every friend\'s mood room before reading, and shows only the friends who share moods, with their latest mood a friend may see', async () => {
    f = socialFixture();
    const [me, ann, bo, cy, stranger] = [await f.user(), await f.user(), await f.user({ shareMoodsWith: 'none' }), await f.user(), await f.user()];
    for (const friend of [ann, bo, cy]) await f.befriend(me, friend);
    const seen = await record(ann, { recordedAt: Date.now() - 2000, localDate: '2026-11-30' });
    await record(ann, { recordedAt: Date.now() - 1000, visibility: 'private' });
    await record(bo);
    await record(stranger, { visibility: 'public' });
    f.rooms.calls.length = 0;

    const result = await f.friendMoods.subscribe(me, 'socket-1');
    const first = f.rooms.calls[0];
    expect(first).toMatchObject({ op: 'join', target: 'socket-1' });
    const joined = first?.op === 'join' ? first.rooms : [];
    expect([...joined].sort()).toEqual([moodListenersRoom(me), moodRoom(ann), moodRoom(bo), moodRoom(cy)].sort());
    // bo shares moods with no one: not listed (nothing leaks), though the room is joined for when that changes.
    expect(result.friends.map((x) => x.userId).sort()).toEqual([ann, cy].sort());
    const annView = result.friends.find((x) => x.userId === ann);
    expect(annView?.latest).toMatchObject({ id: seen.id, mood: 'calm' });
    expect(annView?.latest).not.toHaveProperty('clientId');
    expect(annView?.streak.longest).toBe(4);
    expect(result.friends.find((x) => x.userId === cy)).toMatchObject({ latest: null, streak: { current: 0, longest: 0, lastDate: null } });
  });

  it('follows friendships and privacy at once: a new friend is heard, an unfriend, a block or sharing with no one is forgotten', async () => {
    f = socialFixture();
    const [me, ann, bo] = [await f.user(), await f.user(), await f.user()];
    await record(ann);
    f.rooms.calls.length = 0;
    await f.befriend(me, ann);
    expect(f.rooms.calls).toContainEqual({ op: 'join', target: moodListenersRoom(me), rooms: [moodRoom(ann)] });
    expect(f.rooms.calls).toContainEqual({ op: 'join', target: moodListenersRoom(ann), rooms: [moodRoom(me)] });
    // ann's latest mood reaches me as soon as we are friends; I have none to show ann.
    const updates = f.rooms.calls.filter((c) => c.op === 'emit' && c.event === 'mood:friend-update');
    expect(updates).toEqual([expect.objectContaining({ rooms: [moodListenersRoom(me)], payload: expect.objectContaining({ userId: ann }) })]);

    f.rooms.calls.length = 0;
    await f.privacy.update(ann, { shareMoodsWith: 'none' });
    expect(f.rooms.calls).toContainEqual(expect.objectContaining({ op: 'emit', rooms: [moodRoom(ann)], event: 'mood:friend-hidden', payload: expect.objectContaining({ userId: ann }) }));
    f.rooms.calls.length = 0;
    await f.privacy.update(ann, { shareMoodsWith: 'friends' });
    expect(f.rooms.calls).toContainEqual(expect.objectContaining({ op: 'emit', rooms: [moodRoom(ann)], event: 'mood:friend-update', payload: expect.objectContaining({ userId: ann }) }));
    // Changing another setting tells the mood listeners nothing.
    f.rooms.calls.length = 0;
    await f.privacy.update(ann, { showOnlineStatus: 'none' });
    expect(f.rooms.calls.filter((c) => c.op === 'emit' && c.event.startsWith('mood:'))).toEqual([]);

    f.rooms.calls.length = 0;
    await f.friends.act(me, ann, 'remove');
    expect(f.rooms.calls).toContainEqual({ op: 'leave', target: userRoom(me), rooms: [moodRoom(ann)] });
    expect(f.rooms.calls).toContainEqual({ op: 'leave', target: userRoom(ann), rooms: [moodRoom(me)] });
    expect(f.rooms.calls).toContainEqual(expect.objectContaining({ rooms: [moodListenersRoom(me)], event: 'mood:friend-hidden', payload: expect.objectContaining({ userId: ann }) }));

    await f.befriend(me, bo);
    f.rooms.calls.length = 0;
    await f.friends.act(bo, me, 'block');
    // The blocked friend sees what an unfriend shows.
    expect(f.rooms.calls).toContainEqual({ op: 'leave', target: userRoom(me), rooms: [moodRoom(bo)] });
    expect(f.rooms.calls).toContainEqual(expect.objectContaining({ rooms: [moodListenersRoom(me)], event: 'mood:friend-hidden', payload: expect.objectContaining({ userId: bo }) }));
  });

  it('answers a connection that listens again only once its rooms are heard, while the first join still waits for them', async () => {
    f = socialFixture();
    const [me, ann] = [await f.user(), await f.user()];
    await f.befriend(me, ann);
    // Joins that resolve once "Redis confirms the subscriptions", held here until released.
    let confirm = () => undefined as void;
    const confirmed = new Promise<void>((resolve) => (confirm = resolve));
    const join = f.rooms.join.bind(f.rooms);
    f.rooms.join = async (target, rooms) => {
      await join(target, rooms);
      await confirmed;
    };
    const answered: string[] = [];
    const first = f.friendMoods.listen(me, 'socket-1').then(() => answered.push('first'));
    const second = f.friendMoods.listen(me, 'socket-1').then(() => answered.push('second'));
    const joins = () => f.rooms.calls.filter((c) => c.op === 'join' && c.target === 'socket-1').length;
    // Until the second call has joined too (or, wrongly, answered without waiting).
    while (joins() < 2 && answered.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toEqual([]);
    confirm();
    await Promise.all([first, second]);
    expect(answered.sort()).toEqual(['first', 'second']);
    expect(f.rooms.members.get(moodRoom(ann))?.has('socket-1')).toBe(true);
  });
});
