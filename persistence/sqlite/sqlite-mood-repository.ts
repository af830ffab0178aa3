import type { Database, Statement } from 'better-sqlite3';
import { MOOD_IDS } from '../../protocol/mood-catalogue.js';
import type { MoodVisibility } from '../../protocol/types/moods.js';
import { storedEnum } from './stored-enum.js';
import type { MoodChanges, MoodPosition, MoodRecord, MoodRepository, StoredMoodStreak } from '../store/mood-repository.js';

interface MoodRow {
  id: string;
  user_id: string;
  mood: string;
  intensity: number;
  valence: number;
  arousal: number;
  note: string | null;
  tags: string;
  visibility: string;
  time_zone: string;
  local_date: string;
  recorded_at: number;
  updated_at: number | null;
  client_id: string;
  fingerprint: string;
  deleted_at: number | null;
}

interface StreakRow {
  user_id: string;
  current: number;
  longest: number;
  first_date: string | null;
  last_date: string | null;
  last_zone: string | null;
}

const VISIBILITIES: readonly MoodVisibility[] = ['private', 'friends', 'public'];

function toRecord(row: MoodRow): MoodRecord {
  return {
    id: row.id,
    userId: row.user_id,
    mood: storedEnum(MOOD_IDS, row.mood, 'mood'),
    intensity: row.intensity,
    valence: row.valence,
    arousal: row.arousal,
    note: row.note,
    tags: JSON.parse(row.tags) as string[],
    visibility: storedEnum(VISIBILITIES, row.visibility, 'mood visibility'),
    timeZone: row.time_zone,
    localDate: row.local_date,
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
    clientId: row.client_id,
    fingerprint: row.fingerprint,
    deletedAt: row.deleted_at,
  };
}

function toParams(m: MoodRecord): Record<string, unknown> {
  return { ...m, tags: JSON.stringify(m.tags) };
}

/** A bitmask of visibilities, so one prepared statement serves every combination. */
function maskOf(visibilities: readonly MoodVisibility[]): { priv: number; friends: number; pub: number } {
  return { priv: visibilities.includes('private') ? 1 : 0, friends: visibilities.includes('friends') ? 1 : 0, pub: visibilities.includes('public') ? 1 : 0 };
}

const VISIBLE = `((@priv = 1 AND visibility = 'private') OR (@friends = 1 AND visibility = 'friends') OR (@pub = 1 AND visibility = 'public'))`;

/** {@link MoodRepository} on SQLite: one row per mood (tombstones kept), one per user's streak. */
export class SqliteMoodRepository implements MoodRepository {
  private readonly byId: Statement<[string], MoodRow>;
  private readonly byIds: Statement<[string], MoodRow>;
  private readonly first: Statement<Record<string, unknown>, MoodRow>;
  private readonly after: Statement<Record<string, unknown>, MoodRow>;
  private readonly fromTime: Statement<[string, number], MoodRow>;
  private readonly newest: Statement<Record<string, unknown>, MoodRow>;
  private readonly streakOf: Statement<[string], StreakRow>;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly remove: Statement;
  private readonly saveStreak: Statement;

  constructor(db: Database) {
    const columns = `id, user_id, mood, intensity, valence, arousal, note, tags, visibility, time_zone, local_date, recorded_at, updated_at, client_id, fingerprint, deleted_at`;
    this.byId = db.prepare(`SELECT ${columns} FROM moods WHERE id = ?`);
    this.byIds = db.prepare(`SELECT ${columns} FROM moods WHERE id IN (SELECT value FROM json_each(?))`);
    const live = `SELECT ${columns} FROM moods WHERE user_id = @userId AND deleted_at IS NULL AND ${VISIBLE}`;
    this.first = db.prepare(`${live} ORDER BY recorded_at DESC, id DESC LIMIT @limit`);
    this.after = db.prepare(`${live} AND (recorded_at < @at OR (recorded_at = @at AND id < @id)) ORDER BY recorded_at DESC, id DESC LIMIT @limit`);
    this.fromTime = db.prepare(`SELECT ${columns} FROM moods WHERE user_id = ? AND recorded_at > ? AND deleted_at IS NULL ORDER BY recorded_at, id`);
    this.newest = db.prepare(`${live} ORDER BY recorded_at DESC, id DESC LIMIT 1`);
    this.streakOf = db.prepare('SELECT user_id, current, longest, first_date, last_date, last_zone FROM mood_streaks WHERE user_id = ?');
    this.insert = db.prepare(
      `INSERT INTO moods (${columns})
       VALUES (@id, @userId, @mood, @intensity, @valence, @arousal, @note, @tags, @visibility, @timeZone, @localDate, @recordedAt, @updatedAt, @clientId, @fingerprint, @deletedAt)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.update = db.prepare(
      `UPDATE moods SET mood = @mood, intensity = @intensity, valence = @valence, arousal = @arousal, note = @note, tags = @tags, visibility = @visibility, updated_at = @updatedAt
       WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
    this.remove = db.prepare(`UPDATE moods SET deleted_at = @at, note = NULL, tags = '[]' WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`);
    this.saveStreak = db.prepare(
      `INSERT INTO mood_streaks (user_id, current, longest, first_date, last_date, last_zone, updated_at)
       VALUES (@userId, @current, @longest, @firstDate, @lastDate, @lastZone, @at)
       ON CONFLICT (user_id) DO UPDATE SET current = excluded.current, longest = excluded.longest, first_date = excluded.first_date,
         last_date = excluded.last_date, last_zone = excluded.last_zone, updated_at = excluded.updated_at`,
    );
  }

  get(id: string): Promise<MoodRecord | null> {
    const row = this.byId.get(id);
    return Promise.resolve(row ? toRecord(row) : null);
  }

  getMany(ids: readonly string[]): Promise<MoodRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return Promise.resolve(this.byIds.all(JSON.stringify([...new Set(ids)])).map(toRecord));
  }

  history(userId: string, visibilities: readonly MoodVisibility[], before: MoodPosition | null, limit: number): Promise<MoodRecord[]> {
    const params = { userId, limit, ...maskOf(visibilities) };
    const rows = before ? this.after.all({ ...params, at: before.recordedAt, id: before.id }) : this.first.all(params);
    return Promise.resolve(rows.map(toRecord));
  }

  since(userId: string, from: number): Promise<MoodRecord[]> {
    return Promise.resolve(this.fromTime.all(userId, from).map(toRecord));
  }

  latest(userIds: readonly string[], visibilities: readonly MoodVisibility[]): Promise<Map<string, MoodRecord>> {
    const mask = maskOf(visibilities);
    const found = new Map<string, MoodRecord>();
    for (const userId of new Set(userIds)) {
      const row = this.newest.get({ userId, limit: 1, ...mask });
      if (row) found.set(userId, toRecord(row));
    }
    return Promise.resolve(found);
  }

  streaks(userIds: readonly string[]): Promise<Map<string, StoredMoodStreak>> {
    const found = new Map<string, StoredMoodStreak>();
    for (const userId of new Set(userIds)) {
      const r = this.streakOf.get(userId);
      if (r) found.set(userId, { current: r.current, longest: r.longest, firstDate: r.first_date, lastDate: r.last_date, lastZone: r.last_zone });
    }
    return Promise.resolve(found);
  }

  /** Applier: records a mood unless its id exists (a replay, or a tombstone). */
  applyCreate(mood: MoodRecord): void {
    this.insert.run(toParams(mood));
  }

  /** Applier: changes a live mood of `userId`. */
  applyUpdate(moodId: string, userId: string, changes: MoodChanges, at: number): void {
    const row = this.byId.get(moodId);
    if (!row || row.user_id !== userId || row.deleted_at !== null) return;
    this.update.run(toParams({ ...toRecord(row), ...changes, updatedAt: at }));
  }

  /** Applier: turns a live mood of `userId` into a tombstone. */
  applyDelete(moodId: string, userId: string, at: number): void {
    this.remove.run({ id: moodId, userId, at });
  }

  /** Applier: stores a user's streak (a user's saves arrive in order). */
  applyStreak(userId: string, streak: StoredMoodStreak, at: number): void {
    this.saveStreak.run({ userId, ...streak, at });
  }
}
