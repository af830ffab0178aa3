import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Relationship } from '../../domain/relationship.js';
import { DEFAULT_PRIVACY, type PrivacySettings } from '../../protocol/schemas/privacy.js';
import { openSqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import { FreshMoods } from '../../persistence/write-behind/fresh-mood-reads.js';
import { MemoryPendingWrites } from '../../persistence/write-behind/memory-pending-writes.js';
import { moodRoom } from '../room-names.js';
import { oneNodeSteps } from '../test-support/one-node-steps.js';
import { RecordingRoomPort } from '../test-support/recording-room-port.js';
import { testNotifier } from '../test-support/test-notifier.js';
import { ActivityLog } from '../feed/activity-log.js';
import { MoodService } from './mood-service.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-mood-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 6, 15); // Friday 6 March 2026, 10:00 in New York.

/** One node's mood service over a real queue, store and pending writes; the clock and the social graph are the test's. */
function setup(burst = 5) {
  const store = openSqliteStore({ file: join(dir, `s-${n++}.db`) });
  const queue = new SqliteWriteQueue({ file: ':memory:' });
  const pending = new MemoryPendingWrites(60_000);
  const { steps, close: closeSteps } = oneNodeSteps(queue, pending);
  const rooms = new RecordingRoomPort();
  const privacy = new Map<string, PrivacySettings>(['ann', 'bo', 'cy'].map((u) => [u, { ...DEFAULT_PRIVACY }]));
  const relations = new Map<string, Relationship>([['ann|bo', 'friends'], ['bo|ann', 'friends']]);
  let now = T0;
  const notifications = testNotifier({ store, pending, steps, rooms, now: () => now });
  const service = new MoodService({
    moods: new FreshMoods(store.moods, pending),
    privacyOf: (u) => Promise.resolve(privacy.get(u) ?? null),
    relationship: (a, b) => Promise.resolve(a === b ? 'self' : (relations.get(`${a}|${b}`) ?? 'stranger')),
    hugsReceived: () => Promise.resolve([]),
    steps,
    rooms,
    moodRule: { name: 'mood', capacity: burst, refillPerSecond: 0.01 },
    replayWindowMs: 60_000,
    notifier: notifications.notifier,
    activities: new ActivityLog({ steps, rooms, users: store.users, replayWindowMs: 60_000, now: () => now }),
    now: () => now,
  });
  const written = async () => {
    queue.start((batch) => store.applyWrites(batch));
    await queue.drain();
  };
  return {
    service,
    rooms,
    privacy,
    relations,
    store,
    written,
    setNow: (t: number) => (now = t),
    close: async () => {
      await queue.close();
      await pending.close();
      await closeSteps();
      await store.close();
    },
  };
}

describe('mood service', () => {
  let env: ReturnType<typeof setup> | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });
  const ny = 'America/New_York';

  it('records a mood once per clientId, counts the day in the sender\'s zone, and tells the friends\' room once', async () => {
    env = setup();
    const { service, rooms } = env;
    const first = await service.record('ann', { mood: 'calm', intensity: 0.4, timeZone: ny, clientId: 'ann-0001' });
    expect(first).toMatchObject({ recordedAt: T0, localDate: '2026-03-06', streak: { current: 1, longest: 1, lastDate: '2026-03-06' }, milestone: null });
    // A retry answers the same, records nothing more and tells no one again.
    expect(await service.record('ann', { mood: 'calm', intensity: 0.4, timeZone: ny, clientId: 'ann-0001' })).toEqual(first);
    await expect(service.record('ann', { mood: 'sad', intensity: 0.4, timeZone: ny, clientId: 'ann-0001' })).rejects.toMatchObject({ code: 'conflict' });
    const emits = rooms.calls.filter((c) => c.op === 'emit');
    // Friends reading moods hear the update; friends reading the feed, the feed item: once each.
    expect(emits.map((e) => e.op === 'emit' && e.event)).toEqual(['mood:friend-update', 'feed:new']);
    expect(emits[0]).toMatchObject({ rooms: [moodRoom('ann')], event: 'mood:friend-update', payload: { userId: 'ann', streak: { current: 1 }, entry: { id: first.moodId, userId: 'ann', mood: 'calm', visibility: 'friends' } } });
    expect(emits[1]).toMatchObject({ rooms: [moodRoom('ann')], event: 'feed:new', payload: { item: { type: 'mood', userId: 'ann', createdAt: T0, mood: { id: first.moodId } } } });
    expect((await service.history('ann', 'ann', undefined, 10)).entries.map((e) => e.id)).toEqual([first.moodId]);
  });

  it('runs a streak over three days across a DST change and two zones, and reaches the 3-day milestone', async () => {
    env = setup();
    const { service, setNow } = env;
    // Saturday 7 March in New York; Sunday 8 March (clocks spring forward at 2:00) late at night in New
    // York, then Monday in Tokyo, where it is already the 9th.
    const days = [
      { at: Date.UTC(2026, 2, 7, 14), zone: ny },
      { at: Date.UTC(2026, 2, 9, 3, 30), zone: ny },
      { at: Date.UTC(2026, 2, 9, 6), zone: 'Asia/Tokyo' },
    ];
    const results = [];
    for (const [i, d] of days.entries()) {
      setNow(d.at);
      results.push(await service.record('ann', { mood: 'hopeful', intensity: 0.6, timeZone: d.zone, clientId: `ann-streak-${i}` }));
    }
    expect(results.map((r) => r.localDate)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(results.map((r) => r.streak.current)).toEqual([1, 2, 3]);
    expect(results.map((r) => r.milestone)).toEqual([null, null, 3]);
    // The store agrees once the writer has written it all.
    await env.written();
    expect((await env.store.moods.streaks(['ann'])).get('ann')).toMatchObject({ current: 3, longest: 3, lastDate: '2026-03-09' });
    // Two whole dates later without a mood, it reads as broken.
    setNow(Date.UTC(2026, 2, 11, 12));
    expect(await service.streak('ann', 'ann', 'Asia/Tokyo')).toEqual({ current: 0, longest: 3, lastDate: '2026-03-09' });
  });

  it('shows a friend the moods privacy allows, refuses strangers and blocked users alike, and follows a privacy change at once', async () => {
    env = setup();
    const { service, privacy, relations } = env;
    const shared = await service.record('bo', { mood: 'joyful', intensity: 0.9, timeZone: 'UTC', clientId: 'bo-00000001' });
    env.setNow(T0 + 1000);
    const own = await service.record('bo', { mood: 'tired', intensity: 0.3, visibility: 'private', timeZone: 'UTC', clientId: 'bo-00000002' });
    expect((await service.history('ann', 'bo', undefined, 10)).entries.map((e) => e.id)).toEqual([shared.moodId]);
    expect((await service.history('bo', 'bo', undefined, 10)).entries.map((e) => e.id)).toEqual([own.moodId, shared.moodId]);
    await expect(service.history('cy', 'bo', undefined, 10)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.streak('cy', 'bo')).rejects.toMatchObject({ code: 'forbidden' });
    // A stranger asking about someone with no moods hears the same.
    await expect(service.history('cy', 'ann', undefined, 10)).rejects.toMatchObject({ code: 'forbidden' });
    relations.set('ann|bo', 'blocked');
    await expect(service.history('ann', 'bo', undefined, 10)).rejects.toMatchObject({ code: 'forbidden' });
    relations.set('ann|bo', 'friends');
    privacy.set('bo', { ...DEFAULT_PRIVACY, shareMoodsWith: 'none' });
    await expect(service.history('ann', 'bo', undefined, 10)).rejects.toMatchObject({ code: 'forbidden' });
    // Public sharing lets strangers see public moods only.
    privacy.set('bo', { ...DEFAULT_PRIVACY, shareMoodsWith: 'public' });
    env.setNow(T0 + 2000);
    const open = await service.record('bo', { mood: 'proud', intensity: 0.8, visibility: 'public', timeZone: 'UTC', clientId: 'bo-00000003' });
    expect((await service.history('cy', 'bo', undefined, 10)).entries.map((e) => e.id)).toEqual([open.moodId]);
  });

  it('updates and deletes only the caller\'s own moods, tells the rooms that saw them, and rebuilds the streak', async () => {
    env = setup();
    const { service, rooms, setNow } = env;
    const yesterday = await service.record('ann', { mood: 'sad', intensity: 0.5, timeZone: 'UTC', clientId: 'ann-day-1' });
    setNow(T0 + DAY);
    const today = await service.record('ann', { mood: 'calm', intensity: 0.5, timeZone: 'UTC', clientId: 'ann-day-2' });
    expect(today.streak.current).toBe(2);
    await expect(service.update('bo', { moodId: today.moodId, mood: 'angry' })).rejects.toMatchObject({ code: 'not_found' });
    const changed = await service.update('ann', { moodId: today.moodId, visibility: 'private', note: 'just for me' });
    expect(changed).toMatchObject({ visibility: 'private', note: 'just for me', updatedAt: T0 + DAY });
    expect(rooms.calls.at(-1)).toMatchObject({ op: 'emit', event: 'mood:friend-removed', rooms: [moodRoom('ann')], payload: { moodId: today.moodId, streak: null } });
    const removed = await service.delete('ann', yesterday.moodId);
    expect(removed.streak).toEqual({ current: 1, longest: 1, lastDate: '2026-03-07' });
    expect(rooms.calls.at(-1)).toMatchObject({ op: 'emit', event: 'mood:friend-removed', payload: { moodId: yesterday.moodId, streak: { current: 1, longest: 1 } } });
    await expect(service.delete('ann', yesterday.moodId)).rejects.toMatchObject({ code: 'not_found' });
    expect((await service.history('ann', 'ann', undefined, 10)).entries.map((e) => e.id)).toEqual([today.moodId]);
    await env.written();
    expect(await env.store.moods.get(yesterday.moodId)).toMatchObject({ deletedAt: T0 + DAY, note: null });
  });

  it('limits a flood of records like hugs, with a retry time', async () => {
    env = setup();
    const { service } = env;
    for (let i = 0; i < 5; i++) await service.record('ann', { mood: 'calm', intensity: 0.5, timeZone: 'UTC', clientId: `ann-flood-${i}` });
    await expect(service.record('ann', { mood: 'calm', intensity: 0.5, timeZone: 'UTC', clientId: 'ann-flood-x' })).rejects.toMatchObject({ code: 'rate_limited', details: { rule: 'mood' } });
  });

  it('summarises the caller\'s moods, with "not enough data" where there is too little', async () => {
    env = setup(20);
    const { service, setNow } = env;
    for (let d = 0; d < 10; d++) {
      setNow(T0 + d * DAY);
      await service.record('ann', { mood: d % 2 ? 'joyful' : 'tired', intensity: 0.5, timeZone: ny, tags: d % 2 ? ['run'] : ['work'], clientId: `ann-sum-${d}` });
    }
    const summary = await service.summary('ann', 30);
    expect(summary).toMatchObject({ entries: 10, counts: { joyful: 5, tired: 5 }, trend: { status: 'ok', entries: 10 } });
    expect(summary.hugLift.afterHugs).toMatchObject({ status: 'not-enough-data' });
    if (summary.tags.status !== 'ok') throw new Error('expected tags');
    expect(summary.tags.better.map((t) => t.tag)).toEqual(['run']);
  });
});
