import type { Collection } from 'mongodb';
import type { NotificationPosition, NotificationRecord, NotificationRepository, UnreadCountOptions } from '../store/notification-repository.js';
import { type NotificationDoc, toNotification } from './mongo-documents.js';
import { findByIds } from './find-by-ids.js';

/** {@link NotificationRepository} on MongoDB: pages walk the `(userId, createdAt, _id)` index. */
export class MongoNotificationRepository implements NotificationRepository {
  constructor(private readonly notifications: Collection<NotificationDoc>) {}

  async get(id: string): Promise<NotificationRecord | null> {
    const doc = await this.notifications.findOne({ _id: id });
    return doc ? toNotification(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<NotificationRecord[]> {
    return (await findByIds(this.notifications, ids)).map(toNotification);
  }

  async page(userId: string, before: NotificationPosition | null, limit: number, unreadOnly: boolean): Promise<NotificationRecord[]> {
    const page = before ? { $or: [{ createdAt: { $lt: before.createdAt } }, { createdAt: before.createdAt, _id: { $lt: before.id } }] } : {};
    const docs = await this.notifications
      .find({ userId, deletedAt: null, ...(unreadOnly ? { readAt: null } : {}), ...page })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return docs.map(toNotification);
  }

  unreadCount(userId: string, options: UnreadCountOptions = {}): Promise<number> {
    const { after = null, except = [] } = options;
    const afterFilter = after ? { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, _id: { $gt: after.id } }] } : {};
    return this.notifications.countDocuments({ userId, readAt: null, deletedAt: null, ...afterFilter, ...(except.length > 0 ? { _id: { $nin: [...except] } } : {}) });
  }

  async countSettled(userId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.notifications.countDocuments({ _id: { $in: [...ids] }, userId, $or: [{ readAt: { $ne: null } }, { deletedAt: { $ne: null } }] });
  }

  async removeOlderThan(before: number, limit: number): Promise<number> {
    const ids = (await this.notifications.find({ createdAt: { $lt: before } }, { projection: { _id: 1 } }).sort({ createdAt: 1 }).limit(limit).toArray()).map((d) => d._id);
    if (ids.length === 0) return 0;
    return (await this.notifications.deleteMany({ _id: { $in: ids } })).deletedCount;
  }
}
