import type { MoodEntry, MoodVisibility } from '../../protocol/types/moods.js';

/**
 * A mood as stored: the entry its readers see, and what the store keeps besides. `id` is derived
 * from the author and `clientId`, so a retried record maps to the same row. A deleted mood keeps
 * its row as a tombstone (`deletedAt` set, note and tags cleared), so a late retry of its record
 * cannot bring it back; reads leave tombstones out.
 */
export interface MoodRecord extends MoodEntry {
  readonly clientId: string;
  /** A digest of what was recorded, to tell a retry (same) from a reused `clientId` (different). */
  readonly fingerprint: string;
  readonly deletedAt: number | null;
}

/** What `mood.update` may change. */
export type MoodChanges = Partial<Pick<MoodRecord, 'mood' | 'intensity' | 'valence' | 'arousal' | 'note' | 'tags' | 'visibility'>>;

/** A user's streak as stored (the domain's `MoodStreak`). */
export interface StoredMoodStreak {
  readonly current: number;
  readonly longest: number;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly lastZone: string | null;
}

/** Where a history page starts: strictly older than this mood. */
export interface MoodPosition {
  readonly recordedAt: number;
  readonly id: string;
}

/** Moods and streaks, read side. Writes go through the write-behind queue (`Store.applyWrites`). */
export interface MoodRepository {
  /** The mood with `id`, a tombstone included (null when there is none). */
  get(id: string): Promise<MoodRecord | null>;
  /** The moods among `ids` that exist (tombstones included), each once, in no particular order. */
  getMany(ids: readonly string[]): Promise<MoodRecord[]>;
  /**
   * A user's moods newest first (`recordedAt`, then `id`), strictly before `before`, of the given
   * visibilities only, tombstones left out.
   */
  history(userId: string, visibilities: readonly MoodVisibility[], before: MoodPosition | null, limit: number): Promise<MoodRecord[]>;
  /** A user's moods recorded after `from` (epoch ms), oldest first, tombstones left out (summaries, streak rebuilds). */
  since(userId: string, from: number): Promise<MoodRecord[]>;
  /** Each user's newest mood of the given visibilities (users with none are left out). */
  latest(userIds: readonly string[], visibilities: readonly MoodVisibility[]): Promise<Map<string, MoodRecord>>;
  /** Each user's stored streak (users with none are left out). */
  streaks(userIds: readonly string[]): Promise<Map<string, StoredMoodStreak>>;
}
