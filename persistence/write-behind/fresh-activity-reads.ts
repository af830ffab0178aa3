import type { ActivityRecord, ActivityRepository } from '../store/activity-repository.js';
import type { PendingWrites } from './pending-writes.js';

/**
 * Activities with acknowledged writes laid over the store: one that shows in a friend's feed the
 * moment it is recorded (`feed:new`) can be answered before the writer has stored it.
 */
export class FreshActivities {
  constructor(
    private readonly store: ActivityRepository,
    private readonly pending: PendingWrites,
  ) {}

  /** `actorId`'s activity `id`, pending or stored; null when there is none, or it is someone else's. */
  async get(id: string, actorId: string): Promise<ActivityRecord | null> {
    // Pending first: one that lands between the two reads is then in the store.
    for (const op of await this.pending.ownedOperations(actorId, 'activities')) {
      if (op.type === 'activity.create' && op.activity.id === id) return op.activity;
    }
    const stored = await this.store.get(id);
    return stored?.actorId === actorId ? stored : null;
  }
}
