import type { Collection } from 'mongodb';
import type { PairRelation, StoredFriendship } from '../../domain/friendship.js';
import type { BlockRow, FriendshipRepository, FriendshipRow } from '../store/friendship-repository.js';
import { type BlockDoc, type FriendshipDoc, pairId } from './mongo-documents.js';

function toFriendship(doc: FriendshipDoc): StoredFriendship {
  return doc.status === 'friends' ? { status: 'friends', since: doc.since } : { status: 'pending', requestedBy: doc.requestedBy, since: doc.since };
}

/**
 * {@link FriendshipRepository} on MongoDB. Every write is one conditional single-document update.
 * `block` writes the block first, then deletes the pair's row (two documents, no transaction): a
 * crash between the two leaves a block, which already dominates every rule, and the pair's row is
 * hidden from listings while a block stands; repeating the block completes it.
 */
export class MongoFriendshipRepository implements FriendshipRepository {
  constructor(
    private readonly friendships: Collection<FriendshipDoc>,
    private readonly blocks: Collection<BlockDoc>,
  ) {}

  async relation(actor: string, other: string): Promise<PairRelation> {
    const [row, blocks] = await Promise.all([
      this.friendships.findOne({ _id: pairId(actor, other)._id }),
      this.blocks.find({ _id: { $in: [`${actor}|${other}`, `${other}|${actor}`] } }).toArray(),
    ]);
    return {
      friendship: row ? toFriendship(row) : null,
      actorBlockedOther: blocks.some((b) => b.blocker === actor),
      otherBlockedActor: blocks.some((b) => b.blocker === other),
    };
  }

  async createRequest(from: string, to: string, at: number): Promise<boolean> {
    const { _id, low, high } = pairId(from, to);
    const result = await this.friendships.updateOne({ _id }, { $setOnInsert: { low, high, status: 'pending', requestedBy: from, since: at } }, { upsert: true });
    return result.upsertedCount === 1;
  }

  async acceptRequest(requester: string, accepter: string, at: number): Promise<boolean> {
    const result = await this.friendships.updateOne({ _id: pairId(requester, accepter)._id, status: 'pending', requestedBy: requester }, { $set: { status: 'friends', since: at } });
    return result.modifiedCount === 1;
  }

  async deleteFriendship(a: string, b: string): Promise<boolean> {
    return (await this.friendships.deleteOne({ _id: pairId(a, b)._id })).deletedCount === 1;
  }

  async block(blocker: string, blocked: string, at: number): Promise<void> {
    await this.blocks.updateOne({ _id: `${blocker}|${blocked}` }, { $setOnInsert: { blocker, blocked, since: at } }, { upsert: true });
    await this.friendships.deleteOne({ _id: pairId(blocker, blocked)._id });
  }

  async unblock(blocker: string, blocked: string): Promise<boolean> {
    return (await this.blocks.deleteOne({ _id: `${blocker}|${blocked}` })).deletedCount === 1;
  }

  async listFriendships(userId: string): Promise<FriendshipRow[]> {
    const [rows, blocks] = await Promise.all([
      this.friendships.find({ $or: [{ low: userId }, { high: userId }] }).toArray(),
      this.blocks.find({ $or: [{ blocker: userId }, { blocked: userId }] }).toArray(),
    ]);
    const blockedPairs = new Set(blocks.map((b) => pairId(b.blocker, b.blocked)._id));
    return rows.filter((r) => !blockedPairs.has(r._id)).map((r) => ({ otherId: r.low === userId ? r.high : r.low, friendship: toFriendship(r) }));
  }

  async listBlocked(userId: string): Promise<BlockRow[]> {
    const docs = await this.blocks.find({ blocker: userId }).sort({ since: 1 }).toArray();
    return docs.map((d) => ({ userId: d.blocked, since: d.since }));
  }

  async friendIds(userId: string): Promise<string[]> {
    return (await this.listFriendships(userId)).filter((r) => r.friendship.status === 'friends').map((r) => r.otherId);
  }
}
