import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { moodCreate, moodDelete, moodStreakSave, moodUpdate } from '../write-behind/write-operation.js';
import type { MoodRecord } from './mood-repository.js';
import type { Store } from './store.js';

const uid = (name: string) => `${name}-${randomUUID()}`;

/** A mood record for the contract: a fresh id, and whatever `overrides` says. */
export function moodRecord(overrides: Partial<MoodRecord> = {}): MoodRecord {
  return {
    id: `m${randomUUID().replaceAll('-', '')}`,
    userId: 'ann',
    mood: 'calm',
    intensity: 0.5,
    valence: 0.5,
    arousal: 0.15,
    note: 'a quiet walk',
    tags: ['walk'],
    visibility: 'friends',
    timeZone: 'Europe/Paris',
    localDate: '2026-11-30',
    recordedAt: 1000,
    updatedAt: null,
    clientId: `c-${randomUUID()}`,
    fingerprint: 'fp',
    deletedAt: null,
    ...overrides,
  };
}

/**
 * Moods and streaks: written by write-behind batches (idempotent on replay), read by history,
 * window, latest and streak lookups. Runs inside `runStoreContract`, once per implementation.
 */
export function describeMoodStore(store: () => Store): void {
  describe('moods', () => {
    it('records a mood once, however often its batch is replayed, and reads it back whole', async () => {
      const m = moodRecord({ userId: uid('ann'), tags: ['walk', 'sun'], note: 'line one\nline two' });
      await store().applyWrites([moodCreate(m)]);
      await store().applyWrites([moodCreate({ ...m, note: 'a replay never overwrites' })]);
      expect(await store().moods.get(m.id)).toEqual(m);
      expect(await store().moods.get('missing-mood')).toBeNull();
      const other = moodRecord({ userId: uid('bo') });
      await store().applyWrites([moodCreate(other)]);
      const many = await store().moods.getMany([m.id, 'missing-mood', other.id, m.id]);
      expect(many.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([m, other].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(await store().moods.getMany([])).toEqual([]);
    });

    it('pages a user\'s moods newest first, of the visibilities asked for, without tombstones', async () => {
      const me = uid('me');
      const moods = [1, 2, 3, 3, 4].map((t, i) =>
        moodRecord({ userId: me, recordedAt: t * 1000, id: `m-${i}-${randomUUID().slice(0, 8)}`, visibility: i === 1 ? 'private' : i === 4 ? 'public' : 'friends' }),
      );
      const other = moodRecord({ userId: uid('other'), recordedAt: 9000 });
      await store().applyWrites([...moods, other].map(moodCreate));
      await store().applyWrites([moodDelete(moods[0]?.id ?? '', me, 5000)]);
      const all = ['private', 'friends', 'public'] as const;
      const page1 = await store().moods.history(me, all, null, 2);
      expect(page1.map((m) => m.recordedAt)).toEqual([4000, 3000]);
      const last = page1.at(-1);
      if (!last) throw new Error('empty page');
      const page2 = await store().moods.history(me, all, { recordedAt: last.recordedAt, id: last.id }, 10);
      expect(page2.map((m) => m.recordedAt)).toEqual([3000, 2000]);
      // A friend's view: no private moods.
      const seen = await store().moods.history(me, ['friends', 'public'], null, 10);
      expect(seen.map((m) => m.visibility)).toEqual(['public', 'friends', 'friends']);
      expect((await store().moods.history(me, ['public'], null, 10)).map((m) => m.id)).toEqual([moods[4]?.id]);
    });

    it('updates a live mood of its author only, and a deletion leaves a tombstone that a replayed record cannot revive', async () => {
      const me = uid('me');
      const m = moodRecord({ userId: me });
      await store().applyWrites([moodCreate(m), moodUpdate(m.id, uid('intruder'), { mood: 'angry' }, 1500)]);
      expect((await store().moods.get(m.id))?.mood).toBe('calm');
      await store().applyWrites([moodUpdate(m.id, me, { mood: 'joyful', valence: 0.9, note: null, tags: [] }, 2000)]);
      expect(await store().moods.get(m.id)).toEqual({ ...m, mood: 'joyful', valence: 0.9, note: null, tags: [], updatedAt: 2000 });
      await store().applyWrites([moodDelete(m.id, me, 3000), moodUpdate(m.id, me, { mood: 'sad' }, 4000), moodCreate(m)]);
      expect(await store().moods.get(m.id)).toMatchObject({ id: m.id, deletedAt: 3000, note: null, tags: [], mood: 'joyful' });
      expect(await store().moods.history(me, ['private', 'friends', 'public'], null, 10)).toEqual([]);
    });

    it('reads a window oldest first and each user\'s newest visible mood', async () => {
      const [a, b, c] = [uid('a'), uid('b'), uid('c')];
      const ms = [
        moodRecord({ userId: a, recordedAt: 1000 }),
        moodRecord({ userId: a, recordedAt: 3000, visibility: 'private' }),
        moodRecord({ userId: a, recordedAt: 2000 }),
        moodRecord({ userId: b, recordedAt: 5000, visibility: 'public' }),
      ];
      await store().applyWrites(ms.map(moodCreate));
      expect((await store().moods.since(a, 1000)).map((m) => m.recordedAt)).toEqual([2000, 3000]);
      const latest = await store().moods.latest([a, b, c, a], ['friends', 'public']);
      expect([...latest.keys()].sort()).toEqual([a, b].sort());
      expect(latest.get(a)?.recordedAt).toBe(2000);
      expect((await store().moods.latest([a], ['private', 'friends', 'public'])).get(a)?.recordedAt).toBe(3000);
    });

    it('keeps the last streak saved for a user', async () => {
      const [a, b] = [uid('a'), uid('b')];
      const first = { current: 1, longest: 1, firstDate: '2026-11-29', lastDate: '2026-11-29', lastZone: 'UTC' };
      const second = { current: 2, longest: 2, firstDate: '2026-11-29', lastDate: '2026-11-30', lastZone: 'Asia/Tokyo' };
      await store().applyWrites([moodStreakSave(a, first, 1000), moodStreakSave(a, second, 2000)]);
      await store().applyWrites([moodStreakSave(a, second, 2000)]);
      const streaks = await store().moods.streaks([a, b]);
      expect(streaks.get(a)).toEqual(second);
      expect(streaks.has(b)).toBe(false);
    });

    it('goes with its author\'s account, and writes queued before the deletion land as nothing', async () => {
      const s = store();
      const gone = uid('gone');
      const kept = moodRecord({ userId: uid('friend') });
      const m = moodRecord({ userId: gone });
      await s.applyWrites([moodCreate(m), moodCreate(kept), moodStreakSave(gone, { current: 1, longest: 1, firstDate: '2026-11-30', lastDate: '2026-11-30', lastZone: 'UTC' }, 1000)]);
      await s.accounts.delete(gone, 2000);
      const late = moodRecord({ userId: gone });
      await s.applyWrites([moodCreate(late), moodStreakSave(gone, { current: 2, longest: 2, firstDate: null, lastDate: null, lastZone: null }, 3000)]);
      expect(await s.moods.get(m.id)).toBeNull();
      expect(await s.moods.get(late.id)).toBeNull();
      expect((await s.moods.streaks([gone])).size).toBe(0);
      expect(await s.moods.get(kept.id)).toEqual(kept);
    });
  });
}
