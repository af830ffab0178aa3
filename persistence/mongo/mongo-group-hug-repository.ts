import type { Collection } from 'mongodb';
import type { GroupHugSummary } from '../../protocol/schemas/group-hugs.js';
import type { GroupHistoryPosition, GroupHugRepository } from '../store/group-hug-repository.js';
import { type GroupHugDoc, toGroupSummary } from './mongo-documents.js';

/** {@link GroupHugRepository} on MongoDB: history pages walk the `(participants, endedAt, _id)` multikey index. */
export class MongoGroupHugRepository implements GroupHugRepository {
  constructor(private readonly groups: Collection<GroupHugDoc>) {}

  async history(userId: string, before: GroupHistoryPosition | null, limit: number): Promise<GroupHugSummary[]> {
    const page = before ? { $or: [{ endedAt: { $lt: before.endedAt } }, { endedAt: before.endedAt, _id: { $lt: before.groupId } }] } : {};
    const docs = await this.groups.find({ participants: userId, ...page }).sort({ endedAt: -1, _id: -1 }).limit(limit).toArray();
    return docs.map(toGroupSummary);
  }
}
