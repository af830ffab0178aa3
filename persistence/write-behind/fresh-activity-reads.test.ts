import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import { activityRecord } from '../store/activity-store.contract.js';
import { FreshActivities } from './fresh-activity-reads.js';
import { MemoryPendingWrites } from './memory-pending-writes.js';
import { activityCreate } from './write-operation.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-fresh-activities-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fresh activity reads', () => {
  it("finds an actor's activity pending, then stored, and never another actor's", async () => {
    const store = openSqliteStore({ file: join(dir, 'a.db') });
    const pending = new MemoryPendingWrites(60_000);
    try {
      const fresh = new FreshActivities(store.activities, pending);
      const mood = activityRecord({ actorId: 'ann' });
      const op = activityCreate(mood);
      await pending.record([op]);
      expect(await fresh.get(mood.id, 'ann')).toEqual(mood);
      expect(await fresh.get(mood.id, 'bob')).toBeNull();
      // Written: the store has it once the pending copy is forgotten.
      await store.applyWrites([op]);
      await pending.forget([op]);
      expect(await fresh.get(mood.id, 'ann')).toEqual(mood);
      expect(await fresh.get(mood.id, 'bob')).toBeNull();
      expect(await fresh.get('a_none', 'ann')).toBeNull();
    } finally {
      await store.close();
      await pending.close();
    }
  });
});
