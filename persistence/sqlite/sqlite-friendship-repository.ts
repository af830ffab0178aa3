import type { Database, Statement } from 'better-sqlite3';
import type { PairRelation, StoredFriendship } from '../../domain/friendship.js';
import type { BlockRow, FriendshipRepository, FriendshipRow } from '../store/friendship-repository.js';

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

function toFriendship(row: FriendshipDbRow): StoredFriendship {
  return row.status === 'friends'
    ? { status: 'friends', since: row.since }
    : { status: 'pending', requestedBy: row.requested_by, since: row.since };
}

/** {@link FriendshipRepository} on SQLite. */
export class SqliteFriendshipRepository implements FriendshipRepository {
  private readonly getRow: Statement<[string, string], FriendshipDbRow>;
  private readonly hasBlock: Statement<[string, string], { one: number }>;
  private readonly insertRequest: Statement;
  private readonly accept: Statement;
  private readonly remove: Statement;
  private readonly insertBlock: Statement;
  private readonly removeBlock: Statement;
  private readonly rowsOf: Statement<[string, string], FriendshipDbRow>;
  private readonly blocksOf: Statement<[string], { blocked: string; since: number }>;

  constructor(private readonly db: Database) {
    this.getRow = db.prepare('SELECT * FROM friendships WHERE user_low = ? AND user_high = ?');
    this.hasBlock = db.prepare('SELECT 1 AS one FROM blocks WHERE blocker = ? AND blocked = ?');
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
  }

  relation(actor: string, other: string): Promise<PairRelation> {
    const row = this.getRow.get(...pair(actor, other));
    return Promise.resolve({
      friendship: row ? toFriendship(row) : null,
      actorBlockedOther: this.hasBlock.get(actor, other) !== undefined,
      otherBlockedActor: this.hasBlock.get(other, actor) !== undefined,
    });
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

  async friendIds(userId: string): Promise<string[]> {
    const rows = await this.listFriendships(userId);
    return rows.filter((r) => r.friendship.status === 'friends').map((r) => r.otherId);
  }
}
