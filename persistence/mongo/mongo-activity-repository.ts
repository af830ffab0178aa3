import type { Collection } from 'mongodb';
import type { ActivityPosition, ActivityRecord, ActivityRepository } from '../store/activity-repository.js';
import { type ActivityDoc, toActivity } from './mongo-documents.js';

/**
 * {@link ActivityRepository} on MongoDB: one query over the `(actorId, createdAt, _id)` index, which
 * MongoDB merges across the `$in` of actors newest first (a SORT_MERGE plan), so a page reads about
 * as many documents as it returns.
 */
export class MongoActivityRepository implements ActivityRepository {
  constructor(private readonly activities: Collection<ActivityDoc>) {}

  async get(id: string): Promise<ActivityRecord | null> {
    const doc = await this.activities.findOne({ _id: id });
    return doc ? toActivity(doc) : null;
  }

  async byActors(actorIds: readonly string[], before: ActivityPosition | null, limit: number): Promise<ActivityRecord[]> {
    if (actorIds.length === 0 || limit <= 0) return [];
    const page = before ? { $or: [{ createdAt: { $lt: before.createdAt } }, { createdAt: before.createdAt, _id: { $lt: before.id } }] } : {};
    const docs = await this.activities
      .find({ actorId: { $in: [...actorIds] }, ...page })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return docs.map(toActivity);
  }
}
