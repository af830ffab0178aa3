import type { Database, Statement } from 'better-sqlite3';
import { RowsByIds } from './rows-by-ids.js';
import type { HugRequestRecord, HugRequestRepository } from '../store/hug-request-repository.js';

interface RequestRow {
  id: string;
  from_user: string;
  to_user: string;
  message: string | null;
  created_at: number;
  expires_at: number;
  status: 'pending' | 'accepted' | 'declined';
  answered_at: number | null;
  hug_id: string | null;
  fingerprint: string;
}

function toRecord(row: RequestRow): HugRequestRecord {
  return {
    id: row.id,
    from: row.from_user,
    to: row.to_user,
    message: row.message,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: row.status,
    answeredAt: row.answered_at,
    hugId: row.hug_id,
    fingerprint: row.fingerprint,
  };
}

/** {@link HugRequestRepository} on SQLite, plus the statements the batch applier writes with. */
export class SqliteHugRequestRepository implements HugRequestRepository {
  private readonly byId: Statement<[string], RequestRow>;
  private readonly byIds: RowsByIds<RequestRow>;
  private readonly byUser: Statement<[string, string], RequestRow>;
  private readonly pending: Statement<[string, number, number], RequestRow>;
  private readonly insert: Statement;
  private readonly answer: Statement;

  constructor(db: Database) {
    this.byId = db.prepare('SELECT * FROM hug_requests WHERE id = ?');
    this.byIds = new RowsByIds(db, 'hug_requests');
    // Two indexed lookups (sender, recipient) rather than one OR the planner may scan for.
    this.byUser = db.prepare(
      `SELECT * FROM hug_requests WHERE from_user = ? UNION SELECT * FROM hug_requests WHERE to_user = ? ORDER BY created_at, id`,
    );
    this.pending = db.prepare(
      `SELECT * FROM hug_requests WHERE to_user = ? AND status = 'pending' AND expires_at > ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO hug_requests (id, from_user, to_user, message, created_at, expires_at, status, answered_at, hug_id, fingerprint)
       VALUES (@id, @from, @to, @message, @createdAt, @expiresAt, @status, @answeredAt, @hugId, @fingerprint)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.answer = db.prepare(
      `UPDATE hug_requests SET status = @status, answered_at = @at, hug_id = @hugId WHERE id = @requestId AND status = 'pending'`,
    );
  }

  get(id: string): Promise<HugRequestRecord | null> {
    const row = this.byId.get(id);
    return Promise.resolve(row ? toRecord(row) : null);
  }

  getMany(ids: readonly string[]): Promise<HugRequestRecord[]> {
    return Promise.resolve(this.byIds.all(ids).map(toRecord));
  }

  involving(userId: string): Promise<HugRequestRecord[]> {
    return Promise.resolve(this.byUser.all(userId, userId).map(toRecord));
  }

  pendingFor(userId: string, now: number, limit: number): Promise<HugRequestRecord[]> {
    return Promise.resolve(this.pending.all(userId, now, limit).map(toRecord));
  }

  /** Applier: insert unless present. */
  applyCreate(request: HugRequestRecord): void {
    this.insert.run(request);
  }

  /** Applier: the first answer wins. */
  applyAnswer(requestId: string, status: 'accepted' | 'declined', at: number, hugId: string | null): void {
    this.answer.run({ requestId, status, at, hugId });
  }
}
