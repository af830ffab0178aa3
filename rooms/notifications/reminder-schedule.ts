import type { LocalDate } from '../../domain/local-time.js';
import type { DailyReminderSetting } from '../../protocol/types/notifications.js';

/** One firing of a user's daily reminder. */
export interface ReminderFiring {
  readonly userId: string;
  readonly reminder: DailyReminderSetting;
  /** When it fires, on the clock of moods. */
  readonly at: number;
  /** The local date (in the reminder's zone) it is for. */
  readonly date: LocalDate;
}

/** Works one firing. */
export type ReminderHandler = (firing: ReminderFiring) => Promise<void>;

/**
 * Users' daily mood reminders as scheduled work: each fires at its time on the clocks of its zone
 * (DST-safe: `nextFiring`), every day, until changed or cleared. The embedded shape keeps timers in
 * process (loaded from the store at start); a cluster keeps one BullMQ job scheduler per user, so a
 * firing is one job, worked once, however many nodes run.
 *
 * Guarantees: after `set` resolves, the next firing is the reminder's next time after now (a
 * cleared reminder fires no more); each firing is handed to one handler, once (at least once in a
 * cluster: a worker that dies mid-firing leaves it to another).
 */
export interface ReminderSchedule {
  set(userId: string, reminder: DailyReminderSetting | null): Promise<void>;
  /** Works firings on this process (call once). */
  start(handler: ReminderHandler): Promise<void>;
  close(): Promise<void>;
}
