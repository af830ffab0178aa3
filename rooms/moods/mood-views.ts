import type { MoodStreak } from '../../domain/moods/mood-streak.js';
import type { MoodEntry, MoodStreakView } from '../../protocol/types/moods.js';
import type { MoodRecord } from '../../persistence/store/mood-repository.js';

/** The entry a reader sees: what the store keeps besides (idempotency, deletion) is left out. */
export function entryOf(m: MoodRecord): MoodEntry {
  const { clientId: _c, fingerprint: _f, deletedAt: _d, ...entry } = m;
  return entry;
}

/** A streak as readers see it. */
export function streakView(s: Pick<MoodStreak, 'current' | 'longest' | 'lastDate'>): MoodStreakView {
  return { current: s.current, longest: s.longest, lastDate: s.lastDate };
}
