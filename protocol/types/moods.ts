import type { MoodId } from '../mood-catalogue.js';

/*
 * Moods as client and server exchange them: plain types, no zod, so the SDK's published types
 * need nothing else. The zod schemas of the commands live in ../schemas/moods.ts.
 */

/**
 * Who may see one mood: only its author, their friends (as their `shareMoodsWith` allows), or
 * anyone who may look. Never wider than the author's `shareMoodsWith`.
 */
export type MoodVisibility = 'private' | 'friends' | 'public';

/** One recorded mood, as its author (or a friend allowed to see it) reads it. */
export interface MoodEntry {
  readonly id: string;
  readonly userId: string;
  readonly mood: MoodId;
  /** 0..1. */
  readonly intensity: number;
  /** −1..1: the author's, or the mood's default. */
  readonly valence: number;
  /** 0..1: the author's, or the mood's default. */
  readonly arousal: number;
  readonly note: string | null;
  readonly tags: readonly string[];
  readonly visibility: MoodVisibility;
  /** The IANA zone it was recorded in, and the date it counts for there (`YYYY-MM-DD`). */
  readonly timeZone: string;
  readonly localDate: string;
  /** Server time, epoch ms. */
  readonly recordedAt: number;
  readonly updatedAt: number | null;
}

/** A user's streak of days with a mood. `current` is 0 once a whole date passed without one. */
export interface MoodStreakView {
  readonly current: number;
  readonly longest: number;
  /** The last date counted, `YYYY-MM-DD` (null before the first mood). */
  readonly lastDate: string | null;
}

/** `mood:record` result. A replay (the same `clientId`) answers with the first record's figures. */
export interface MoodRecordResult {
  readonly moodId: string;
  readonly recordedAt: number;
  readonly localDate: string;
  readonly streak: MoodStreakView;
  /** The streak milestone (3, 7, 30, 100, 365 days) this record reached, if it reached one. */
  readonly milestone: number | null;
}

/** A page of `mood:history`, newest first; `next` continues it (null at the end). */
export interface MoodHistoryPage {
  readonly entries: readonly MoodEntry[];
  readonly next: string | null;
}

/** A friend's latest visible mood and streak, in `mood:friends`. */
export interface FriendMood {
  readonly userId: string;
  readonly latest: MoodEntry | null;
  readonly streak: MoodStreakView;
}

/** `mood:friends` result: the friends whose moods show to you, at server time `at`. */
export interface FriendMoods {
  readonly friends: readonly FriendMood[];
  readonly at: number;
}

/** `mood:delete` result: the deleted mood, and the streak rebuilt without it. */
export interface MoodDeleteResult {
  readonly moodId: string;
  readonly streak: MoodStreakView;
}

export type { MoodSummaryResult } from './mood-summary.js';
