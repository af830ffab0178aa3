import type { PairRelation, StoredFriendship } from '../../domain/friendship.js';

/** One friendship row from a user's side. */
export interface FriendshipRow {
  readonly otherId: string;
  readonly friendship: StoredFriendship;
}

/** One block made by a user. */
export interface BlockRow {
  readonly userId: string;
  readonly since: number;
}

/**
 * Friendships (one row per unordered pair) and blocks (directed).
 *
 * Every write is conditional and reports whether it applied, so a caller that decided on a stale
 * read can re-read and decide again instead of overwriting a concurrent change.
 */
export interface FriendshipRepository {
  /** The pair `actor`–`other` as seen from `actor`. */
  relation(actor: string, other: string): Promise<PairRelation>;
  /** Stores a pending request from `from` to `to` if the pair has no row. */
  createRequest(from: string, to: string, at: number): Promise<boolean>;
  /** Turns the pending request of `requester` to `accepter` into a friendship. */
  acceptRequest(requester: string, accepter: string, at: number): Promise<boolean>;
  /** Deletes the pair's row, pending or friends. */
  deleteFriendship(a: string, b: string): Promise<boolean>;
  /** Records the block and deletes the pair's row, atomically. Idempotent. */
  block(blocker: string, blocked: string, at: number): Promise<void>;
  /** Removes the block. Returns whether there was one. */
  unblock(blocker: string, blocked: string): Promise<boolean>;
  /** Every friendship row (friends and pending, both directions) of `userId`. */
  listFriendships(userId: string): Promise<FriendshipRow[]>;
  /** The users `userId` has blocked. */
  listBlocked(userId: string): Promise<BlockRow[]>;
  /** The ids of `userId`'s friends (accepted only). */
  friendIds(userId: string): Promise<string[]>;
}
