import { describe, expect, it } from 'vitest';
import type { MoodEntry } from '../../protocol/types/moods.js';
import { FriendMoodBoard } from '../src/moods/friend-mood-board.js';

function entry(id: string, userId: string, recordedAt: number): MoodEntry {
  return { id, userId, mood: 'calm', intensity: 0.5, valence: 0.5, arousal: 0.15, note: null, tags: [], visibility: 'friends', timeZone: 'UTC', localDate: '2026-12-01', recordedAt, updatedAt: null };
}
const streak = { current: 1, longest: 1, lastDate: '2026-12-01' };

describe('friend mood board', () => {
  it('never lets a snapshot undo what was heard after it was read, and drops friends the snapshot no longer lists', () => {
    const boards: ReadonlyMap<string, unknown>[] = [];
    const board = new FriendMoodBoard((b) => boards.push(b));
    board.updated({ userId: 'ann', entry: entry('m2', 'ann', 200), streak, at: 200 });
    board.updated({ userId: 'cy', entry: entry('c1', 'cy', 50), streak, at: 50 });
    const changes = board.snapshotArrived({ at: 150, friends: [{ userId: 'ann', latest: entry('m1', 'ann', 100), streak }, { userId: 'bo', latest: entry('b1', 'bo', 90), streak }] });
    expect(board.snapshot().get('ann')?.latest?.id).toBe('m2');
    expect(changes.updated.map((f) => f.userId)).toEqual(['bo']);
    expect(changes.hidden).toEqual(['cy']);
    expect([...board.snapshot().keys()].sort()).toEqual(['ann', 'bo']);
    // Each change hands out a fresh copy: an earlier one does not change under its holder.
    expect(boards.at(-1)).not.toBe(boards.at(-2));
    expect(boards[0]?.has('cy')).toBe(false);
  });

  it('keeps the latest mood when an older one changes, asks for a refill when the latest goes, and forgets a hidden friend', () => {
    const board = new FriendMoodBoard(() => undefined);
    board.updated({ userId: 'ann', entry: entry('m2', 'ann', 200), streak, at: 200 });
    board.updated({ userId: 'ann', entry: { ...entry('m1', 'ann', 100), updatedAt: 210 }, streak: null, at: 210 });
    expect(board.snapshot().get('ann')).toMatchObject({ latest: { id: 'm2' }, streak });
    expect(board.removed({ userId: 'ann', moodId: 'm1', streak: null, at: 220 })).toBe(false);
    expect(board.removed({ userId: 'ann', moodId: 'm2', streak: { current: 0, longest: 1, lastDate: null }, at: 230 })).toBe(true);
    expect(board.snapshot().get('ann')).toMatchObject({ latest: null, streak: { current: 0 } });
    expect(board.refilled('ann', entry('m0', 'ann', 50))).toBe(true);
    expect(board.refilled('ann', entry('m-1', 'ann', 40))).toBe(false);
    // An event older than what was heard is dropped.
    expect(board.hidden({ userId: 'ann', at: 100 })).toBe(false);
    expect(board.hidden({ userId: 'ann', at: 240 })).toBe(true);
    expect(board.snapshot().has('ann')).toBe(false);
  });
});
