import type { Database, Statement } from 'better-sqlite3';
import { ACTIVITY_TYPES, type ActivityPosition, type ActivityRecord, type ActivityRepository } from '../store/activity-repository.js';
import { storedEnum } from './stored-enum.js';

interface ActivityRow {
  id: string;
  actor_id: string;
  type: string;
  ref: string;
  created_at: number;
}

const toRecord = (row: ActivityRow): ActivityRecord => ({ id: row.id, actorId: row.actor_id, type: storedEnum(ACTIVITY_TYPES, row.type, 'activity type'), ref: row.ref, createdAt: row.created_at });

/** How far back each try of a page reaches before widening: a day, a week, a month, a year, all. */
const WINDOWS_MS = [86_400_000, 7 * 86_400_000, 30 * 86_400_000, 365 * 86_400_000, Number.MAX_SAFE_INTEGER];

/**
 * {@link ActivityRepository} on SQLite. SQLite cannot merge the index walks of many actors into one
 * newest-first stream, and sorting every activity of 500 friends would read years of moods for one
 * page; so a page is read within a window behind its start (a day, then wider until it is full or
 * there is nothing older): a lively feed costs one short range per friend.
 */
export class SqliteActivityRepository implements ActivityRepository {
  private readonly page: Statement<Record<string, unknown>, ActivityRow>;
  private readonly insert: Statement;
  private readonly one: Statement<[string], ActivityRow>;

  constructor(db: Database) {
    this.page = db.prepare(
      `SELECT id, actor_id, type, ref, created_at FROM activities
       WHERE actor_id IN (SELECT value FROM json_each(@actors))
         AND created_at >= @from AND (created_at < @at OR (created_at = @at AND id < @id))
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    );
    this.one = db.prepare('SELECT id, actor_id, type, ref, created_at FROM activities WHERE id = ?');
    this.insert = db.prepare('INSERT INTO activities (id, actor_id, type, ref, created_at) VALUES (@id, @actorId, @type, @ref, @createdAt) ON CONFLICT (id) DO NOTHING');
  }

  get(id: string): Promise<ActivityRecord | null> {
    const row = this.one.get(id);
    return Promise.resolve(row ? toRecord(row) : null);
  }

  byActors(actorIds: readonly string[], before: ActivityPosition | null, limit: number): Promise<ActivityRecord[]> {
    if (actorIds.length === 0 || limit <= 0) return Promise.resolve([]);
    const at = before?.createdAt ?? Number.MAX_SAFE_INTEGER;
    const params = { actors: JSON.stringify(actorIds), at, id: before?.id ?? '\uffff', limit };
    let rows: ActivityRow[] = [];
    for (const window of WINDOWS_MS) {
      rows = this.page.all({ ...params, from: before === null ? Date.now() - window : at - window });
      if (rows.length >= limit) break;
    }
    return Promise.resolve(rows.map(toRecord));
  }

  /** Applier: record unless present. */
  applyCreate(activity: ActivityRecord): void {
    this.insert.run(activity);
  }
}
