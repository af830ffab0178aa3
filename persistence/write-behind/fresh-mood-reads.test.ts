import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../sqlite/sqlite-store.js';
import { moodRecord } from '../store/mood-store.contract.js';
import { FreshMoods } from './fresh-mood-reads.js';
import { MemoryPendingWrites } from './memory-pending-writes.js';
import { moodCreate, moodDelete, moodStreakSave, moodUpdate } from './write-operation.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-fresh-moods-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const ALL = ['private', 'friends', 'public'] as const;

describe('fresh mood reads', () => {
  let store: SqliteStore | undefined;
  let pending: MemoryPendingWrites | undefined;
  afterEach(async () => {
    await store?.close();
    await pending?.close();
  });
  const open = () => {
    store = openSqliteStore({ file: join(dir, `s-${n++}.db`) });
    pending = new MemoryPendingWrites(60_000);
    return { store, pending, fresh: new FreshMoods(store.moods, pending) };
  };

  it('shows pending records, changes and deletions over the stored moods, as the store will', async () => {
    const { store: s, pending: p, fresh } = open();
    const stored = [1, 2, 3].map((t) => moodRecord({ userId: 'ann', recordedAt: t * 1000 }));
    await s.applyWrites(stored.map(moodCreate));
    const newer = moodRecord({ userId: 'ann', recordedAt: 4000, visibility: 'private' });
    const ops = [moodCreate(newer), moodUpdate(stored[2]?.id ?? '', 'ann', { visibility: 'private' }, 4500), moodDelete(stored[1]?.id ?? '', 'ann', 5000)];
    await p.record(ops);
    // What the store will hold once these are written, read from the store alone, is what the fresh read shows now.
    const later = openSqliteStore({ file: join(dir, `s-${n++}.db`) });
    try {
      await later.applyWrites([...stored.map(moodCreate), ...ops]);
      for (const visibilities of [ALL, ['friends', 'public'] as const]) {
        expect(await fresh.history('ann', visibilities, null, 10)).toEqual(await later.moods.history('ann', visibilities, null, 10));
      }
      expect(await fresh.since('ann', 0)).toEqual(await later.moods.since('ann', 0));
      expect(await fresh.get(stored[1]?.id ?? '', 'ann')).toEqual(await later.moods.get(stored[1]?.id ?? ''));
      // Many at once read as each alone: pending, changed, deleted (a tombstone), stored, and missing.
      const ids = [...stored.map((m) => m.id), newer.id, 'missing'];
      const many = await fresh.getMany(ids.map((id) => ({ id, userId: 'ann' })));
      for (const id of ids) expect(many.get(id) ?? null).toEqual(await later.moods.get(id));
      expect((await fresh.latest(['ann', 'bo'], ['friends'])).get('ann')?.id).toBe(stored[0]?.id);
    } finally {
      await later.close();
    }
    // Another user's read never sees ann's moods.
    expect(await fresh.get(newer.id, 'bo')).toBeNull();
    expect((await fresh.getMany([{ id: newer.id, userId: 'bo' }])).size).toBe(0);
  });

  it('pages across pending and stored moods without gaps or repeats', async () => {
    const { store: s, pending: p, fresh } = open();
    const all = Array.from({ length: 9 }, (_, i) => moodRecord({ userId: 'ann', recordedAt: (i + 1) * 1000 }));
    await s.applyWrites(all.filter((_, i) => i % 2 === 0).map(moodCreate));
    await p.record(all.filter((_, i) => i % 2 === 1).map(moodCreate));
    const seen: string[] = [];
    let before = null;
    for (;;) {
      const page = await fresh.history('ann', ALL, before, 2);
      if (page.length === 0) break;
      seen.push(...page.map((m) => m.id));
      const last = page.at(-1);
      before = last ? { recordedAt: last.recordedAt, id: last.id } : null;
    }
    expect(seen).toEqual([...all].reverse().map((m) => m.id));
  });

  it('takes the last pending streak save over the stored one', async () => {
    const { store: s, pending: p, fresh } = open();
    const day = (d: string, current: number) => ({ current, longest: current, firstDate: '2026-11-28', lastDate: d, lastZone: 'UTC' });
    await s.applyWrites([moodStreakSave('ann', day('2026-11-28', 1), 1000), moodStreakSave('bo', day('2026-11-28', 1), 1000)]);
    await p.record([moodStreakSave('ann', day('2026-11-29', 2), 2000), moodStreakSave('ann', day('2026-11-30', 3), 3000)]);
    const streaks = await fresh.streaks(['ann', 'bo', 'cy']);
    expect(streaks.get('ann')).toEqual(day('2026-11-30', 3));
    expect(streaks.get('bo')).toEqual(day('2026-11-28', 1));
    expect(streaks.has('cy')).toBe(false);
    // A record's own read: the mood (pending here) and the streak, together.
    const m = moodRecord({ userId: 'ann' });
    await p.record([moodCreate(m)]);
    expect(await fresh.recordState(m.id, 'ann')).toEqual({ mood: m, streak: day('2026-11-30', 3) });
    expect(await fresh.recordState(m.id, 'bo')).toEqual({ mood: null, streak: day('2026-11-28', 1) });
    expect(await fresh.recordState('none', 'cy')).toEqual({ mood: null, streak: null });
  });
});
