import type { Database, Statement } from 'better-sqlite3';
import { NOTIFICATION_TYPE_IDS } from '../../protocol/notification-types.js';
import type { NotificationData } from '../../protocol/types/notifications.js';
import { storedEnum } from './stored-enum.js';
import { RowsByIds } from './rows-by-ids.js';
import type { NotificationPosition, NotificationRecord, NotificationRepository, UnreadCountOptions } from '../store/notification-repository.js';

interface NotificationRow {
  id: string;
  user_id: string;
  type: string;
  title: string;
  body: string;
  data: string;
  created_at: number;
  read_at: number | null;
  deleted_at: number | null;
}

function toRecord(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    userId: row.user_id,
    type: storedEnum(NOTIFICATION_TYPE_IDS, row.type, 'notification type'),
    title: row.title,
    body: row.body,
    data: JSON.parse(row.data) as NotificationData,
    createdAt: row.created_at,
    readAt: row.read_at,
    deletedAt: row.deleted_at,
  };
}

const COLUMNS = 'id, user_id, type, title, body, data, created_at, read_at, deleted_at';
const LIVE = `SELECT ${COLUMNS} FROM notifications WHERE user_id = @userId AND deleted_at IS NULL AND (@unreadOnly = 0 OR read_at IS NULL)`;

/** {@link NotificationRepository} on SQLite, plus the statements the batch applier writes with. */
export class SqliteNotificationRepository implements NotificationRepository {
  private readonly byId: Statement<[string], NotificationRow>;
  private readonly byIds: RowsByIds<NotificationRow>;
  private readonly first: Statement<Record<string, unknown>, NotificationRow>;
  private readonly after: Statement<Record<string, unknown>, NotificationRow>;
  private readonly unread: Statement<[string], { n: number }>;
  private readonly unreadSome: Statement<Record<string, unknown>, { n: number }>;
  private readonly settled: Statement<Record<string, unknown>, { n: number }>;
  private readonly removeOldest: Statement<[number, number]>;
  private readonly insert: Statement;
  private readonly readIds: Statement;
  private readonly readUpTo: Statement;
  private readonly remove: Statement;

  constructor(db: Database) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM notifications WHERE id = ?`);
    this.byIds = new RowsByIds(db, 'notifications');
    this.first = db.prepare(`${LIVE} ORDER BY created_at DESC, id DESC LIMIT @limit`);
    this.after = db.prepare(`${LIVE} AND (created_at < @at OR (created_at = @at AND id < @id)) ORDER BY created_at DESC, id DESC LIMIT @limit`);
    this.unread = db.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL AND deleted_at IS NULL');
    this.unreadSome = db.prepare(
      `SELECT count(*) AS n FROM notifications WHERE user_id = @userId AND read_at IS NULL AND deleted_at IS NULL
         AND (created_at > @createdAt OR (created_at = @createdAt AND id > @id))
         AND id NOT IN (SELECT value FROM json_each(@except))`,
    );
    this.settled = db.prepare(
      `SELECT count(*) AS n FROM notifications WHERE id IN (SELECT value FROM json_each(@ids)) AND user_id = @userId
         AND (read_at IS NOT NULL OR deleted_at IS NOT NULL)`,
    );
    this.removeOldest = db.prepare('DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE created_at < ? ORDER BY created_at LIMIT ?)');
    this.insert = db.prepare(
      `INSERT INTO notifications (id, user_id, type, title, body, data, actor_id, created_at, read_at, deleted_at)
       VALUES (@id, @userId, @type, @title, @body, @data, @actorId, @createdAt, @readAt, @deletedAt)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.readIds = db.prepare(
      `UPDATE notifications SET read_at = @at WHERE user_id = @userId AND id IN (SELECT value FROM json_each(@ids)) AND read_at IS NULL AND deleted_at IS NULL`,
    );
    this.readUpTo = db.prepare(
      `UPDATE notifications SET read_at = @at WHERE user_id = @userId AND read_at IS NULL AND deleted_at IS NULL
         AND (created_at < @createdAt OR (created_at = @createdAt AND id <= @id))`,
    );
    this.remove = db.prepare(
      `UPDATE notifications SET deleted_at = @at, title = '', body = '', data = '{}' WHERE user_id = @userId AND id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL`,
    );
  }

  get(id: string): Promise<NotificationRecord | null> {
    const row = this.byId.get(id);
    return Promise.resolve(row ? toRecord(row) : null);
  }

  getMany(ids: readonly string[]): Promise<NotificationRecord[]> {
    return Promise.resolve(this.byIds.all([...new Set(ids)]).map(toRecord));
  }

  page(userId: string, before: NotificationPosition | null, limit: number, unreadOnly: boolean): Promise<NotificationRecord[]> {
    const params = { userId, limit, unreadOnly: unreadOnly ? 1 : 0 };
    const rows = before === null ? this.first.all(params) : this.after.all({ ...params, at: before.createdAt, id: before.id });
    return Promise.resolve(rows.map(toRecord));
  }

  unreadCount(userId: string, options: UnreadCountOptions = {}): Promise<number> {
    const { after = null, except = [] } = options;
    const row =
      after === null && except.length === 0
        ? this.unread.get(userId)
        : this.unreadSome.get({ userId, createdAt: after?.createdAt ?? -1, id: after?.id ?? '', except: JSON.stringify(except) });
    return Promise.resolve(row?.n ?? 0);
  }

  countSettled(userId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return Promise.resolve(this.settled.get({ userId, ids: JSON.stringify(ids) })?.n ?? 0);
  }

  removeOlderThan(before: number, limit: number): Promise<number> {
    return Promise.resolve(this.removeOldest.run(before, limit).changes);
  }

  /** Applier: insert unless present (a tombstone included). */
  applyCreate(n: NotificationRecord): void {
    this.insert.run({ ...n, data: JSON.stringify(n.data), actorId: n.data.userId ?? null });
  }

  /** Applier: mark these of `userId` read, once. */
  applyRead(userId: string, ids: readonly string[], at: number): void {
    this.readIds.run({ userId, ids: JSON.stringify(ids), at });
  }

  /** Applier: mark every one of `userId` up to (createdAt, id) read, once. */
  applyReadUpTo(userId: string, createdAt: number, id: string, at: number): void {
    this.readUpTo.run({ userId, createdAt, id, at });
  }

  /** Applier: delete these of `userId`, leaving tombstones. */
  applyDelete(userId: string, ids: readonly string[], at: number): void {
    this.remove.run({ userId, ids: JSON.stringify(ids), at });
  }
}
