import type { Collection } from 'mongodb';
import type { HistoryPosition, HugRecord, HugRepository } from '../store/hug-repository.js';
import type { HugRequestRecord, HugRequestRepository } from '../store/hug-request-repository.js';
import type { InboxRecord, InboxRepository } from '../store/inbox-repository.js';
import { type HugDoc, type HugRequestDoc, type InboxDoc, toHug, toHugRequest, toInbox } from './mongo-documents.js';
import { findByIds } from './find-by-ids.js';

/** {@link HugRepository} on MongoDB: history pages walk the `(from|to, sentAt, _id)` indexes. */
export class MongoHugRepository implements HugRepository {
  constructor(private readonly hugs: Collection<HugDoc>) {}

  async get(id: string): Promise<HugRecord | null> {
    const doc = await this.hugs.findOne({ _id: id });
    return doc ? toHug(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<HugRecord[]> {
    return (await findByIds(this.hugs, ids)).map(toHug);
  }

  async history(userId: string, direction: 'sent' | 'received', before: HistoryPosition | null, limit: number): Promise<HugRecord[]> {
    const owner = direction === 'sent' ? { from: userId } : { to: userId };
    const page = before ? { $or: [{ sentAt: { $lt: before.sentAt } }, { sentAt: before.sentAt, _id: { $lt: before.id } }] } : {};
    const docs = await this.hugs.find({ ...owner, ...page }).sort({ sentAt: -1, _id: -1 }).limit(limit).toArray();
    return docs.map(toHug);
  }

  async unread(userId: string, limit: number): Promise<HugRecord[]> {
    const docs = await this.hugs.find({ to: userId, readAt: null }).sort({ sentAt: -1, _id: -1 }).limit(limit).toArray();
    return docs.map(toHug);
  }
}

/** {@link HugRequestRepository} on MongoDB. */
export class MongoHugRequestRepository implements HugRequestRepository {
  constructor(private readonly requests: Collection<HugRequestDoc>) {}

  async get(id: string): Promise<HugRequestRecord | null> {
    const doc = await this.requests.findOne({ _id: id });
    return doc ? toHugRequest(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<HugRequestRecord[]> {
    return (await findByIds(this.requests, ids)).map(toHugRequest);
  }

  async involving(userId: string): Promise<HugRequestRecord[]> {
    const docs = await this.requests.find({ $or: [{ from: userId }, { to: userId }] }).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map(toHugRequest);
  }

  async pendingFor(userId: string, now: number, limit: number): Promise<HugRequestRecord[]> {
    const docs = await this.requests.find({ to: userId, status: 'pending', expiresAt: { $gt: now } }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray();
    return docs.map(toHugRequest);
  }
}

/** {@link InboxRepository} on MongoDB: pages walk the unique `(userId, cursor)` index. */
export class MongoInboxRepository implements InboxRepository {
  constructor(private readonly inbox: Collection<InboxDoc>) {}

  async after(userId: string, after: number, limit: number): Promise<InboxRecord[]> {
    const docs = await this.inbox.find({ userId, cursor: { $gt: after } }).sort({ cursor: 1 }).limit(limit).toArray();
    return docs.map(toInbox);
  }

  async lastCursor(userId: string): Promise<number> {
    const [last] = await this.inbox.find({ userId }).sort({ cursor: -1 }).limit(1).toArray();
    return last?.cursor ?? 0;
  }
}
