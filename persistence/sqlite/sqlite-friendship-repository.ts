import type { Database, Statement } from 'better-sqlite3';
import type { PairRelation, StoredFriendship } from '../../domain/friendship.js';
import type { BlockRow, FriendshipRepository, FriendshipRow } from '../store/friendship-repository.js';
import type { SoleWriterCache } from './sole-writer-cache.js';

interface FriendshipDbRow {
  user_low: string;
  user_high: string;
  status: 'pending' | 'friends';
  requested_by: string;
  since: number;
}

function pair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** A pair's relation in one row: the friendship's columns (null without one) and both blocks (0 or 1). */
interface RelationDbRow {
  status: FriendshipDbRow['status'] | null;
  requested_by: string | null;
  since: number | null;
  actor_blocked: number;
  other_blocked: number;
}

function toFriendship(row: Pick<FriendshipDbRow, 'status' | 'requested_by' | 'since'>): StoredFriendship {
  return row.status === 'friends'
    ? { status: 'friends', since: row.since }
    : { status: 'pending', requestedBy: row.requested_by, since: row.since };
}

/** {@link FriendshipRepository} on SQLite. */
export class SqliteFriendshipRepository implements FriendshipRepository {
  private readonly getRelation: Statement<{ actor: string; other: string; low: string; high: string }, RelationDbRow>;
  private readonly insertRequest: Statement;
  private readonly accept: Statement;
  private readonly remove: Statement;
  private readonly insertBlock: Statement;
  private readonly removeBlock: Statement;
  private readonly rowsOf: Statement<[string, string], FriendshipDbRow>;
  private readonly blocksOf: Statement<[string], { blocked: string; since: number }>;
  private readonly friendsOf: Statement<[string, string], string>;

  /** `cache`: only where this process is the file's one writer of friendships and blocks ({@link SoleWriterCache}). */
  constructor(
    private readonly db: Database,
    private readonly cache: SoleWriterCache | null = null,
  ) {
    // One statement for the pair (a hug's permission reads it on every send): the friendship row, if any, and both blocks.
    this.getRelation = db.prepare(
      `SELECT f.status, f.requested_by, f.since,
         EXISTS (SELECT 1 FROM blocks WHERE blocker = @actor AND blocked = @other) AS actor_blocked,
         EXISTS (SELECT 1 FROM blocks WHERE blocker = @other AND blocked = @actor) AS other_blocked
       FROM (SELECT 1) LEFT JOIN friendships f ON f.user_low = @low AND f.user_high = @high`,
    );
    this.insertRequest = db.prepare(
      `INSERT INTO friendships (user_low, user_high, status, requested_by, since)
       VALUES (?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.accept = db.prepare(
      `UPDATE friendships SET status = 'friends', since = ?
       WHERE user_low = ? AND user_high = ? AND status = 'pending' AND requested_by = ?`,
    );
    this.remove = db.prepare('DELETE FROM friendships WHERE user_low = ? AND user_high = ?');
    this.insertBlock = db.prepare('INSERT INTO blocks (blocker, blocked, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.removeBlock = db.prepare('DELETE FROM blocks WHERE blocker = ? AND blocked = ?');
    this.rowsOf = db.prepare('SELECT * FROM friendships WHERE user_low = ? UNION ALL SELECT * FROM friendships WHERE user_high = ?');
    this.blocksOf = db.prepare('SELECT blocked, since FROM blocks WHERE blocker = ? ORDER BY since');
    // The ids alone (a feed page reads them for hundreds of friends): no row objects.
    this.friendsOf = db
      .prepare<[string, string], string>("SELECT user_high FROM friendships WHERE user_low = ? AND status = 'friends' UNION ALL SELECT user_low FROM friendships WHERE user_high = ? AND status = 'friends'")
      .pluck();
  }

  relation(actor: string, other: string): Promise<PairRelation> {
    const read = (): PairRelation => {
      const [low, high] = pair(actor, other);
      const row = this.getRelation.get({ actor, other, low, high });
      return {
        friendship: row?.status ? toFriendship(row as Pick<FriendshipDbRow, 'status' | 'requested_by' | 'since'>) : null,
        actorBlockedOther: row?.actor_blocked === 1,
        otherBlockedActor: row?.other_blocked === 1,
      };
    };
    // Cached relations are shared: callers never change what they get.
    return Promise.resolve(this.cache ? this.cache.get(`relation:${actor}\u0000${other}`, read) : read());
  }

  createRequest(from: string, to: string, at: number): Promise<boolean> {
    return Promise.resolve(this.insertRequest.run(...pair(from, to), from, at).changes === 1);
  }

  acceptRequest(requester: string, accepter: string, at: number): Promise<boolean> {
    return Promise.resolve(this.accept.run(at, ...pair(requester, accepter), requester).changes === 1);
  }

  deleteFriendship(a: string, b: string): Promise<boolean> {
    return Promise.resolve(this.remove.run(...pair(a, b)).changes === 1);
  }

  block(blocker: string, blocked: string, at: number): Promise<void> {
    this.db.transaction(() => {
      this.insertBlock.run(blocker, blocked, at);
      this.remove.run(...pair(blocker, blocked));
    })();
    return Promise.resolve();
  }

  unblock(blocker: string, blocked: string): Promise<boolean> {
    return Promise.resolve(this.removeBlock.run(blocker, blocked).changes === 1);
  }

  listFriendships(userId: string): Promise<FriendshipRow[]> {
    return Promise.resolve(
      this.rowsOf.all(userId, userId).map((row) => ({
        otherId: row.user_low === userId ? row.user_high : row.user_low,
        friendship: toFriendship(row),
      })),
    );
  }

  listBlocked(userId: string): Promise<BlockRow[]> {
    return Promise.resolve(this.blocksOf.all(userId).map((r) => ({ userId: r.blocked, since: r.since })));
  }

  friendIds(userId: string): Promise<string[]> {
    return Promise.resolve(this.friendsOf.all(userId, userId));
  }
}
