import { type DailyReminder, nextFiring, type ReminderFiring } from './daily-reminder.js';
import { parseClockTime } from './quiet-hours.js';
import type { DailyReminderSetting } from '../../protocol/types/notifications.js';

/** A reminder setting as the rule reads it. */
export function reminderOf(setting: DailyReminderSetting): DailyReminder {
  return { time: parseClockTime(setting.time), timeZone: setting.timeZone };
}

/** A reminder as one string (`HH:MM Zone/Name`): a BullMQ job scheduler's `pattern`. */
export function reminderPattern(setting: DailyReminderSetting): string {
  return `${setting.time} ${setting.timeZone}`;
}

/** The setting of a {@link reminderPattern}; null for any other string. */
export function settingOfPattern(pattern: string): DailyReminderSetting | null {
  const match = /^(\d{2}:\d{2}) (\S+)$/.exec(pattern);
  return match?.[1] && match[2] ? { time: match[1], timeZone: match[2] } : null;
}

/**
 * The next firing after `after` on a clock `shift` ms ahead of the real one (a test clock), in real
 * time: what a scheduler waits for.
 */
export function nextRealFiring(setting: DailyReminderSetting, afterReal: number, shift: number): ReminderFiring & { readonly realAt: number } {
  const firing = nextFiring(reminderOf(setting), afterReal + shift);
  return { ...firing, realAt: firing.at - shift };
}
