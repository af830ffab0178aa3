import type { Database, Statement } from 'better-sqlite3';
import { DELETED_USER_ID } from '../../protocol/ids.js';
import type { AccountRepository } from '../store/account-repository.js';

/** {@link AccountRepository} on SQLite: a deletion is one transaction. */
export class SqliteAccountRepository implements AccountRepository {
  private readonly tombstone: Statement<[string]>;
  private readonly anyTombstone: Statement<[]>;
  private readonly purge: (userId: string, at: number) => void;

  constructor(db: Database) {
    this.tombstone = db.prepare('SELECT 1 FROM deleted_users WHERE id = ?');
    this.anyTombstone = db.prepare('SELECT 1 FROM deleted_users LIMIT 1');
    const run = (sql: string): Statement => db.prepare(sql);
    const steps = {
      mark: run('INSERT OR IGNORE INTO deleted_users (id, deleted_at) VALUES (@id, @at)'),
      user: run('DELETE FROM users WHERE id = @id'),
      friendships: run('DELETE FROM friendships WHERE user_low = @id OR user_high = @id'),
      blocks: run('DELETE FROM blocks WHERE blocker = @id OR blocked = @id'),
      tokens: run('DELETE FROM refresh_tokens WHERE user_id = @id'),
      inbox: run('DELETE FROM inbox WHERE user_id = @id'),
      hugsTo: run('DELETE FROM hugs WHERE to_user = @id'),
      hugsFrom: run('UPDATE hugs SET from_user = @deleted, message = NULL WHERE from_user = @id'),
      requests: run('DELETE FROM hug_requests WHERE from_user = @id OR to_user = @id'),
      namedBy: run(`UPDATE inbox SET data = json_set(data, '$.by', @deleted) WHERE json_extract(data, '$.by') = @id`),
      namedFrom: run(`UPDATE inbox SET data = json_set(data, '$.from', @deleted) WHERE json_extract(data, '$.from') = @id`),
      members: run('DELETE FROM group_hug_members WHERE user_id = @id'),
      moods: run('DELETE FROM moods WHERE user_id = @id'),
      streak: run('DELETE FROM mood_streaks WHERE user_id = @id'),
      notifications: run('DELETE FROM notifications WHERE user_id = @id OR actor_id = @id'),
      devices: run('DELETE FROM devices WHERE user_id = @id'),
      preferences: run('DELETE FROM notification_preferences WHERE user_id = @id'),
      closeFriends: run('DELETE FROM close_friends WHERE user_id = @id OR close_user_id = @id'),
      activities: run(`DELETE FROM activities WHERE actor_id = @id OR (type = 'friendship' AND ref = @id)`),
      groups: db.prepare<[{ id: string }], { id: string; creator_id: string; participants: string }>(
        `SELECT id, creator_id, participants FROM group_hugs WHERE creator_id = @id OR EXISTS (SELECT 1 FROM json_each(group_hugs.participants) WHERE value = @id)`,
      ),
      group: run('UPDATE group_hugs SET creator_id = @creator, participants = @participants WHERE id = @group'),
    };
    this.purge = db.transaction((userId: string, at: number) => {
      const named = { id: userId, deleted: DELETED_USER_ID };
      steps.mark.run({ id: userId, at });
      for (const step of [steps.user, steps.friendships, steps.blocks, steps.tokens, steps.inbox, steps.hugsTo, steps.requests, steps.members, steps.moods, steps.streak, steps.notifications, steps.devices, steps.preferences, steps.closeFriends, steps.activities]) step.run({ id: userId });
      for (const step of [steps.hugsFrom, steps.namedBy, steps.namedFrom]) step.run(named);
      for (const row of steps.groups.all({ id: userId })) {
        const hide = (u: string) => (u === userId ? DELETED_USER_ID : u);
        const participants = (JSON.parse(row.participants) as string[]).map(hide);
        steps.group.run({ group: row.id, creator: hide(row.creator_id), participants: JSON.stringify(participants) });
      }
    });
  }

  delete(userId: string, at: number): Promise<void> {
    this.purge(userId, at);
    return Promise.resolve();
  }

  isDeleted(userId: string): Promise<boolean> {
    return Promise.resolve(this.isDeletedNow(userId));
  }

  /** Whether any account was ever deleted: while none was, a batch needs no per-write check. */
  anyDeletedNow(): boolean {
    return this.anyTombstone.get() !== undefined;
  }

  /** The synchronous check the write applier runs inside its transaction. */
  isDeletedNow(userId: string): boolean {
    return this.tombstone.get(userId) !== undefined;
  }
}
