import type { Db } from 'mongodb';
import { DELETED_USER_ID } from '../../protocol/ids.js';
import type { AccountRepository } from '../store/account-repository.js';
import { COLLECTIONS, type ActivityDoc, type BlockDoc, type DeletedUserDoc, type FriendshipDoc, type GroupHugDoc, type HugDoc, type HugRequestDoc, type InboxDoc, type MoodDoc, type MoodStreakDoc, type NotificationDoc, type NotificationPreferenceDoc, type DeviceDoc, type RefreshTokenDoc, type UserDoc } from './mongo-documents.js';
import { findByIds } from './find-by-ids.js';

/**
 * {@link AccountRepository} on MongoDB. No multi-document transaction (a standalone server has
 * none): the tombstone is written first, so from then on every write-behind batch lands as if it
 * came before the deletion, and every later step is idempotent, so a deletion that failed half way
 * is completed by asking again.
 */
export class MongoAccountRepository implements AccountRepository {
  constructor(private readonly db: Db) {}

  async delete(userId: string, at: number): Promise<void> {
    const db = this.db;
    await db.collection<DeletedUserDoc>(COLLECTIONS.deletedUsers).updateOne({ _id: userId }, { $setOnInsert: { deletedAt: at } }, { upsert: true });
    const hide = (u: string) => (u === userId ? DELETED_USER_ID : u);
    await Promise.all([
      db.collection<UserDoc>(COLLECTIONS.users).deleteOne({ _id: userId }),
      db.collection<FriendshipDoc>(COLLECTIONS.friendships).deleteMany({ $or: [{ low: userId }, { high: userId }] }),
      db.collection<BlockDoc>(COLLECTIONS.blocks).deleteMany({ $or: [{ blocker: userId }, { blocked: userId }] }),
      db.collection<RefreshTokenDoc>(COLLECTIONS.refreshTokens).deleteMany({ userId }),
      db.collection<InboxDoc>(COLLECTIONS.inbox).deleteMany({ userId }),
      db.collection<HugDoc>(COLLECTIONS.hugs).deleteMany({ to: userId }),
      db.collection<HugRequestDoc>(COLLECTIONS.hugRequests).deleteMany({ $or: [{ from: userId }, { to: userId }] }),
      db.collection<MoodDoc>(COLLECTIONS.moods).deleteMany({ userId }),
      db.collection<MoodStreakDoc>(COLLECTIONS.moodStreaks).deleteOne({ _id: userId }),
      db.collection<NotificationDoc>(COLLECTIONS.notifications).deleteMany({ $or: [{ userId }, { actorId: userId }] }),
      db.collection<DeviceDoc>(COLLECTIONS.devices).deleteMany({ userId }),
      db.collection<NotificationPreferenceDoc>(COLLECTIONS.notificationPreferences).deleteMany({ userId }),
      db.collection<ActivityDoc>(COLLECTIONS.activities).deleteMany({ $or: [{ actorId: userId }, { type: 'friendship', ref: userId }] }),
    ]);
    await Promise.all([
      db.collection<HugDoc>(COLLECTIONS.hugs).updateMany({ from: userId }, { $set: { from: DELETED_USER_ID, message: null } }),
      db.collection<InboxDoc>(COLLECTIONS.inbox).updateMany({ 'data.by': userId }, { $set: { 'data.by': DELETED_USER_ID } }),
      db.collection<InboxDoc>(COLLECTIONS.inbox).updateMany({ 'data.from': userId }, { $set: { 'data.from': DELETED_USER_ID } }),
      // Others' close-friend lists name the account no more (that setting's value is a list of ids).
      db.collection<{ path: string; value: string[] }>(COLLECTIONS.notificationPreferences).updateMany({ path: 'closeUserIds', value: userId }, { $pull: { value: userId } }),
    ]);
    // Rewritten whole rather than with positional array updates, which not every server runs alike.
    const groups = db.collection<GroupHugDoc>(COLLECTIONS.groupHugs);
    for (const group of await groups.find({ $or: [{ creatorId: userId }, { participants: userId }] }).toArray()) {
      await groups.updateOne({ _id: group._id }, { $set: { creatorId: hide(group.creatorId), participants: group.participants.map(hide) } });
    }
  }

  async isDeleted(userId: string): Promise<boolean> {
    return (await this.db.collection<DeletedUserDoc>(COLLECTIONS.deletedUsers).findOne({ _id: userId }, { projection: { _id: 1 } })) !== null;
  }

  /** Which of `userIds` were deleted: one query for a whole write-behind batch. */
  async deletedAmong(userIds: readonly string[]): Promise<Set<string>> {
    const docs = await findByIds(this.db.collection<DeletedUserDoc>(COLLECTIONS.deletedUsers), userIds, { projection: { _id: 1 } });
    return new Set(docs.map((d) => d._id));
  }
}
