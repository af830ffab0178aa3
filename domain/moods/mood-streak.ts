import { addDays, type LocalDate, localDateOf } from '../local-time.js';

/**
 * A user's mood streak: how many days in a row they recorded a mood. A day is a calendar date in
 * the time zone each record was made in, so a record just after midnight counts for the new day
 * wherever the user is, and a DST change moves nothing.
 *
 * Travel is taken as lived:
 * - a date counts once, whichever zones it was recorded in;
 * - flying west can bring back the date before the run began: it extends the run backwards;
 * - flying east can skip a date altogether: the run goes on when the new record's instant, in
 *   the zone of the record before it, falls on the day after the run's last date.
 */
export interface MoodStreak {
  /** Days counted in the run that ends at `lastDate` (0 with no record). */
  readonly current: number;
  /** The longest run ever counted. */
  readonly longest: number;
  /** The first and last dates of the current run (null with no record). */
  readonly firstDate: LocalDate | null;
  readonly lastDate: LocalDate | null;
  /** The zone of the record that last counted a day: a skipped date is judged in it. */
  readonly lastZone: string | null;
}

/** A streak with no record. */
export const NO_STREAK: MoodStreak = { current: 0, longest: 0, firstDate: null, lastDate: null, lastZone: null };

/** Run lengths worth a celebration. */
export const STREAK_MILESTONES = [3, 7, 30, 100, 365] as const;

/** What one record does to a streak. */
export interface StreakStep {
  readonly streak: MoodStreak;
  /** The record counted a day no record had counted in the run. */
  readonly counted: boolean;
  /** The milestone the run reached with this record, if it reached one. */
  readonly milestone: number | null;
}

/** The streak after a record made at `at` (epoch ms) in `timeZone`. Records arrive in time order. */
export function advanceStreak(streak: MoodStreak, at: number, timeZone: string): StreakStep {
  const date = localDateOf(at, timeZone);
  const { firstDate, lastDate, lastZone } = streak;
  if (firstDate === null || lastDate === null || lastZone === null) return counted(streak, 1, date, date, timeZone);
  // Already counted: the same date, or one inside the run (a zone change brought it back).
  if (date >= firstDate && date <= lastDate) return { streak, counted: false, milestone: null };
  // Flown west past the start: the day before the run joins it; anything earlier was lived already.
  if (date < firstDate) {
    if (date !== addDays(firstDate, -1)) return { streak, counted: false, milestone: null };
    return counted(streak, streak.current + 1, date, lastDate, lastZone);
  }
  const next = addDays(lastDate, 1);
  // The next date, or a later one that only a zone change skipped to.
  if (date === next || localDateOf(at, lastZone) <= next) return counted(streak, streak.current + 1, firstDate, date, timeZone);
  return counted(streak, 1, date, date, timeZone);
}

/**
 * The streak as seen at `now` from `timeZone`: the run still counts today and tomorrow after its
 * last date (today's record may still come), and is 0 once a whole date has passed without one.
 */
export function streakAsOf(streak: MoodStreak, now: number, timeZone: string): MoodStreak {
  if (streak.lastDate === null || streak.lastZone === null) return streak;
  const next = addDays(streak.lastDate, 1);
  if (localDateOf(now, timeZone) <= next || localDateOf(now, streak.lastZone) <= next) return streak;
  return { ...streak, current: 0 };
}

/** The streak of records made at these instants, in time order. */
export function streakOf(records: readonly { readonly at: number; readonly timeZone: string }[]): MoodStreak {
  return records.reduce((streak, r) => advanceStreak(streak, r.at, r.timeZone).streak, NO_STREAK);
}

function counted(streak: MoodStreak, current: number, firstDate: LocalDate, lastDate: LocalDate, lastZone: string): StreakStep {
  const milestone = (STREAK_MILESTONES as readonly number[]).includes(current) ? current : null;
  return {
    streak: { current, longest: Math.max(streak.longest, current), firstDate, lastDate, lastZone },
    counted: true,
    milestone,
  };
}
