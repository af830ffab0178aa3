import type { Collection } from 'mongodb';
import type { MoodVisibility } from '../../protocol/types/moods.js';
import type { MoodPosition, MoodRecord, MoodRepository, StoredMoodStreak } from '../store/mood-repository.js';
import { type MoodDoc, type MoodStreakDoc, toMood, toMoodStreak } from './mongo-documents.js';
import { findByIds } from './find-by-ids.js';

/** {@link MoodRepository} on MongoDB: history pages walk the `(userId, recordedAt, _id)` index. */
export class MongoMoodRepository implements MoodRepository {
  constructor(
    private readonly moods: Collection<MoodDoc>,
    private readonly streakDocs: Collection<MoodStreakDoc>,
  ) {}

  async get(id: string): Promise<MoodRecord | null> {
    const doc = await this.moods.findOne({ _id: id });
    return doc ? toMood(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<MoodRecord[]> {
    return (await findByIds(this.moods, ids)).map(toMood);
  }

  async history(userId: string, visibilities: readonly MoodVisibility[], before: MoodPosition | null, limit: number): Promise<MoodRecord[]> {
    const page = before ? { $or: [{ recordedAt: { $lt: before.recordedAt } }, { recordedAt: before.recordedAt, _id: { $lt: before.id } }] } : {};
    const docs = await this.moods
      .find({ userId, deletedAt: null, visibility: { $in: [...visibilities] }, ...page })
      .sort({ recordedAt: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return docs.map(toMood);
  }

  async since(userId: string, from: number): Promise<MoodRecord[]> {
    const docs = await this.moods.find({ userId, deletedAt: null, recordedAt: { $gt: from } }).sort({ recordedAt: 1, _id: 1 }).toArray();
    return docs.map(toMood);
  }

  async latest(userIds: readonly string[], visibilities: readonly MoodVisibility[]): Promise<Map<string, MoodRecord>> {
    const found = new Map<string, MoodRecord>();
    // One indexed query per user: each reads one document off the top of its user's range.
    await Promise.all(
      [...new Set(userIds)].map(async (userId) => {
        const [doc] = await this.moods.find({ userId, deletedAt: null, visibility: { $in: [...visibilities] } }).sort({ recordedAt: -1, _id: -1 }).limit(1).toArray();
        if (doc) found.set(userId, toMood(doc));
      }),
    );
    return found;
  }

  async streaks(userIds: readonly string[]): Promise<Map<string, StoredMoodStreak>> {
    const docs = await findByIds(this.streakDocs, userIds);
    return new Map(docs.map((doc) => [doc._id, toMoodStreak(doc)]));
  }
}
