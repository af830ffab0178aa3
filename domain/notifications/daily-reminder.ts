import { type LocalDate, localDateOf, nextInstantOf, type TimeOfDayClock } from '../local-time.js';

/** A user's daily mood reminder: a time of day on the clocks of their zone. */
export interface DailyReminder {
  readonly time: TimeOfDayClock;
  readonly timeZone: string;
}

/** One firing of a reminder: when, and the local date it is for. */
export interface ReminderFiring {
  readonly at: number;
  readonly date: LocalDate;
}

/**
 * The next firing after `after`: the next time the clocks of the reminder's zone read its time,
 * so it follows DST (09:00 stays 09:00) and fires once on a night the clocks go back.
 */
export function nextFiring(reminder: DailyReminder, after: number): ReminderFiring {
  return nextInstantOf(after, reminder.time, reminder.timeZone);
}

/**
 * Whether a firing is skipped: the user already recorded a mood on its date, read on the
 * reminder's clocks (a mood recorded while travelling counts for the date it was there).
 */
export function skipFiring(firing: ReminderFiring, reminder: DailyReminder, latestMoodAt: number | null): boolean {
  return latestMoodAt !== null && latestMoodAt <= firing.at && localDateOf(latestMoodAt, reminder.timeZone) === firing.date;
}
