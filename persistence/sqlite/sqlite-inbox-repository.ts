import type { Database, Statement } from 'better-sqlite3';
import type { InboxEntryType } from '../../protocol/schemas/inbox.js';
import type { InboxRecord, InboxRepository } from '../store/inbox-repository.js';

interface InboxRow {
  user_id: string;
  cursor: number;
  id: string;
  type: InboxEntryType;
  ref: string;
  created_at: number;
  data: string;
}

function toRecord(row: InboxRow): InboxRecord {
  return {
    userId: row.user_id,
    cursor: row.cursor,
    id: row.id,
    type: row.type,
    ref: row.ref,
    createdAt: row.created_at,
    data: JSON.parse(row.data) as InboxRecord['data'],
  };
}

/** {@link InboxRepository} on SQLite, plus the statement the batch applier writes with. */
export class SqliteInboxRepository implements InboxRepository {
  private readonly page: Statement<[string, number, number], InboxRow>;
  private readonly last: Statement<[string], { c: number | null }>;
  private readonly insert: Statement;

  constructor(db: Database) {
    this.page = db.prepare('SELECT * FROM inbox WHERE user_id = ? AND cursor > ? ORDER BY cursor LIMIT ?');
    this.last = db.prepare('SELECT MAX(cursor) AS c FROM inbox WHERE user_id = ?');
    // A second entry with the same id is a replay and is ignored. A different entry at a taken
    // cursor is a bug upstream: it raises, so the operation is dead-lettered rather than lost.
    this.insert = db.prepare(
      `INSERT INTO inbox (user_id, cursor, id, type, ref, created_at, data)
       VALUES (@userId, @cursor, @id, @type, @ref, @createdAt, @data)
       ON CONFLICT (user_id, id) DO NOTHING`,
    );
  }

  after(userId: string, after: number, limit: number): Promise<InboxRecord[]> {
    return Promise.resolve(this.page.all(userId, after, limit).map(toRecord));
  }

  lastCursor(userId: string): Promise<number> {
    return Promise.resolve(this.last.get(userId)?.c ?? 0);
  }

  /** Applier: append unless an entry with this id exists. */
  applyAppend(entry: InboxRecord): void {
    this.insert.run({ ...entry, data: JSON.stringify(entry.data) });
  }
}
