import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { activityCreate } from '../write-behind/write-operation.js';
import type { ActivityRecord } from './activity-repository.js';
import type { Store } from './store.js';

const uid = (name: string) => `${name}-${randomUUID()}`;
const DAY = 86_400_000;

/** An activity for the contract: a fresh id, and whatever `overrides` says. */
export function activityRecord(overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  return { id: `a_${randomUUID().replaceAll('-', '')}`, actorId: 'ann', type: 'mood', ref: `m_${randomUUID().slice(0, 8)}`, createdAt: Date.now(), ...overrides };
}

/**
 * Activities: recorded once however often a batch is replayed, paged newest first across many
 * actors (also when a page reaches back further than the recent ones), and gone with an account.
 * Runs inside `runStoreContract`, once per implementation.
 */
export function describeActivityStore(store: () => Store): void {
  describe('activities', () => {
    it('pages the activities of many actors newest first, across old and recent ones, each once', async () => {
      const now = Date.now();
      const actors = Array.from({ length: 30 }, (_, i) => uid(`friend${i}`));
      const stranger = uid('stranger');
      // Each friend: one activity an hour ago, one three weeks ago, one two years ago.
      const made = actors.flatMap((actorId, i) => [now - 3_600_000 - i, now - 21 * DAY - i, now - 730 * DAY - i].map((createdAt) => activityRecord({ actorId, createdAt })));
      await store().applyWrites([...made, activityRecord({ actorId: stranger, createdAt: now })].map(activityCreate));
      await store().applyWrites(made.slice(0, 5).map((a) => activityCreate({ ...a, ref: 'a replay never overwrites' })));
      const expected = [...made].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
      const seen: ActivityRecord[] = [];
      let before = null;
      for (;;) {
        const page = await store().activities.byActors(actors, before, 25);
        seen.push(...page);
        const last = page.at(-1);
        if (page.length < 25 || !last) break;
        before = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(expected);
      const [first] = made;
      if (first) expect(await store().activities.get(first.id)).toEqual(first);
      expect(await store().activities.get('a_nosuchactivity')).toBeNull();
      expect(await store().activities.byActors([], null, 10)).toEqual([]);
      expect((await store().activities.byActors([stranger], null, 10)).map((a) => a.actorId)).toEqual([stranger]);
    });

    it('forgets the activities of a deleted account, and the new friendships naming it', async () => {
      const [gone, friend] = [uid('gone'), uid('friend')];
      const own = activityRecord({ actorId: gone });
      const friendship = activityRecord({ actorId: friend, type: 'friendship', ref: gone });
      const kept = activityRecord({ actorId: friend, type: 'streak-milestone', ref: '7' });
      await store().applyWrites([own, friendship, kept].map(activityCreate));
      await store().accounts.delete(gone, Date.now());
      expect(await store().activities.byActors([gone, friend], null, 10)).toEqual([kept]);
      // One queued before the deletion and written after it lands as nothing.
      await store().applyWrites([activityCreate(activityRecord({ actorId: gone }))]);
      expect(await store().activities.byActors([gone], null, 10)).toEqual([]);
    });
  });
}
