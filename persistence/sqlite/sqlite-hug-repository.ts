import type { Database, Statement } from 'better-sqlite3';
import { RowsByIds } from './rows-by-ids.js';
import { HUG_KIND_IDS, type HugKindId } from '../../protocol/hug-kinds.js';
import type { HistoryPosition, HugRecord, HugRepository } from '../store/hug-repository.js';
import type { HugContext } from '../../protocol/types/hugs.js';
import { hugContextSchema } from '../write-behind/write-operation.js';

interface HugRow {
  id: string;
  from_user: string;
  to_user: string;
  kind: string;
  message: string | null;
  sent_at: number;
  request_id: string | null;
  /** JSON of the hug's context, or null. */
  context: string | null;
  client_id: string;
  fingerprint: string;
  delivered_at: number | null;
  read_at: number | null;
}

function toKind(kind: string): HugKindId {
  if ((HUG_KIND_IDS as readonly string[]).includes(kind)) return kind as HugKindId;
  throw new Error(`stored hug has unknown kind ${JSON.stringify(kind)}`);
}

function hugContextOf(json: string): HugContext {
  const parsed = hugContextSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`stored hug has a malformed context: ${parsed.error.message}`);
  return parsed.data;
}

function toRecord(row: HugRow): HugRecord {
  return {
    id: row.id,
    from: row.from_user,
    to: row.to_user,
    kind: toKind(row.kind),
    message: row.message,
    sentAt: row.sent_at,
    requestId: row.request_id,
    context: row.context === null ? null : hugContextOf(row.context),
    clientId: row.client_id,
    fingerprint: row.fingerprint,
    deliveredAt: row.delivered_at,
    readAt: row.read_at,
  };
}

/** {@link HugRepository} on SQLite, plus the statements the batch applier writes with. */
export class SqliteHugRepository implements HugRepository {
  private readonly byId: Statement<[string], HugRow>;
  private readonly byIds: RowsByIds<HugRow>;
  private readonly sent: Statement<[string, number, number, string, number], HugRow>;
  private readonly received: Statement<[string, number, number, string, number], HugRow>;
  private readonly unreadRows: Statement<[string, number], HugRow>;
  private readonly insert: Statement;
  private readonly delivered: Statement;
  private readonly read: Statement;

  constructor(db: Database) {
    this.byId = db.prepare('SELECT * FROM hugs WHERE id = ?');
    this.byIds = new RowsByIds(db, 'hugs');
    const page = (column: string) =>
      `SELECT * FROM hugs WHERE ${column} = ? AND (sent_at < ? OR (sent_at = ? AND id < ?))
       ORDER BY sent_at DESC, id DESC LIMIT ?`;
    this.sent = db.prepare(page('from_user'));
    this.received = db.prepare(page('to_user'));
    // The partial index hugs_unread holds only unread hugs: a user's unread list costs what it holds.
    this.unreadRows = db.prepare('SELECT * FROM hugs WHERE to_user = ? AND read_at IS NULL ORDER BY sent_at DESC, id DESC LIMIT ?');
    this.insert = db.prepare(
      `INSERT INTO hugs (id, from_user, to_user, kind, message, sent_at, request_id, context, client_id, fingerprint, delivered_at, read_at)
       VALUES (@id, @from, @to, @kind, @message, @sentAt, @requestId, @context, @clientId, @fingerprint, @deliveredAt, @readAt)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.delivered = db.prepare('UPDATE hugs SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL');
    this.read = db.prepare(
      'UPDATE hugs SET read_at = @at, delivered_at = COALESCE(delivered_at, @at) WHERE id = @hugId AND read_at IS NULL',
    );
  }

  get(id: string): Promise<HugRecord | null> {
    const row = this.byId.get(id);
    return Promise.resolve(row ? toRecord(row) : null);
  }

  getMany(ids: readonly string[]): Promise<HugRecord[]> {
    return Promise.resolve(this.byIds.all(ids).map(toRecord));
  }

  history(userId: string, direction: 'sent' | 'received', before: HistoryPosition | null, limit: number): Promise<HugRecord[]> {
    const statement = direction === 'sent' ? this.sent : this.received;
    const at = before?.sentAt ?? Number.MAX_SAFE_INTEGER;
    const rows = statement.all(userId, at, at, before?.id ?? '\uffff', limit);
    return Promise.resolve(rows.map(toRecord));
  }

  unread(userId: string, limit: number): Promise<HugRecord[]> {
    return Promise.resolve(this.unreadRows.all(userId, limit).map(toRecord));
  }

  /** Applier: insert unless present. */
  applyCreate(hug: HugRecord): void {
    this.insert.run({ ...hug, context: hug.context === null ? null : JSON.stringify(hug.context) });
  }

  /** Applier: first delivery wins. */
  applyDelivered(hugId: string, at: number): void {
    this.delivered.run(at, hugId);
  }

  /** Applier: first read wins. */
  applyRead(hugId: string, at: number): void {
    this.read.run({ at, hugId });
  }
}
