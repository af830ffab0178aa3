import type { Database, Statement } from 'better-sqlite3';
import type { GroupHugSummary } from '../../protocol/schemas/group-hugs.js';
import type { GroupHistoryPosition, GroupHugRepository } from '../store/group-hug-repository.js';

interface GroupHugRow {
  id: string;
  title: string;
  creator_id: string;
  participants: string;
  peak_warmth: number;
  starts_at: number;
  duration_ms: number;
  ended_at: number;
}

function toSummary(row: GroupHugRow): GroupHugSummary {
  return {
    groupId: row.id,
    title: row.title,
    creatorId: row.creator_id,
    participants: JSON.parse(row.participants) as string[],
    peakWarmth: row.peak_warmth,
    startsAt: row.starts_at,
    durationMs: row.duration_ms,
    endedAt: row.ended_at,
  };
}

/** {@link GroupHugRepository} on SQLite: one row per group hug, one index row per participant. */
export class SqliteGroupHugRepository implements GroupHugRepository {
  private readonly first: Statement<[string, number], GroupHugRow>;
  private readonly after: Statement<[string, number, number, string, number], GroupHugRow>;
  private readonly insert: Statement;
  private readonly insertMember: Statement;

  constructor(private readonly db: Database) {
    const page = `SELECT g.* FROM group_hug_members m JOIN group_hugs g ON g.id = m.group_id WHERE m.user_id = ?`;
    this.first = db.prepare(`${page} ORDER BY m.ended_at DESC, m.group_id DESC LIMIT ?`);
    this.after = db.prepare(`${page} AND (m.ended_at < ? OR (m.ended_at = ? AND m.group_id < ?)) ORDER BY m.ended_at DESC, m.group_id DESC LIMIT ?`);
    this.insert = db.prepare(
      `INSERT INTO group_hugs (id, title, creator_id, participants, peak_warmth, starts_at, duration_ms, ended_at)
       VALUES (@groupId, @title, @creatorId, @participants, @peakWarmth, @startsAt, @durationMs, @endedAt)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.insertMember = db.prepare('INSERT OR IGNORE INTO group_hug_members (user_id, ended_at, group_id) VALUES (?, ?, ?)');
  }

  history(userId: string, before: GroupHistoryPosition | null, limit: number): Promise<GroupHugSummary[]> {
    const rows = before ? this.after.all(userId, before.endedAt, before.endedAt, before.groupId, limit) : this.first.all(userId, limit);
    return Promise.resolve(rows.map(toSummary));
  }

  /** Applier: stores a summary unless one exists (a replay, or a successor owner finishing again). */
  applySummary(summary: GroupHugSummary): void {
    const inserted = this.insert.run({ ...summary, participants: JSON.stringify(summary.participants) }).changes > 0;
    if (!inserted) return;
    for (const userId of summary.participants) this.insertMember.run(userId, summary.endedAt, summary.groupId);
  }
}
