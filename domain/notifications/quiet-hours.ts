import { localTimeOf, nextInstantOf, type TimeOfDayClock } from '../local-time.js';
import type { ClockTime, QuietHours } from '../../protocol/types/notifications.js';

/** `HH:MM` as a time of day. Throws a RangeError for anything else (validate with the protocol schema). */
export function parseClockTime(value: ClockTime): TimeOfDayClock {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new RangeError(`${JSON.stringify(value)} is not a time of day HH:MM`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

const minutesOf = (t: TimeOfDayClock) => t.hour * 60 + t.minute;

/**
 * Whether `at` falls in the quiet hours, read on the clocks of their zone: `start` included, `end`
 * not; a span like 22:00–07:00 goes over midnight; equal ends mean none.
 */
export function isQuiet(at: number, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = minutesOf(parseClockTime(quiet.start));
  const end = minutesOf(parseClockTime(quiet.end));
  const local = localTimeOf(at, quiet.timeZone);
  const now = local.hour * 60 + local.minute;
  return start <= end ? start <= now && now < end : now >= start || now < end;
}

/** When a push held back at `at` may go: `at` itself outside quiet hours, else the next time they end. */
export function quietEndsAt(at: number, quiet: QuietHours | null): number {
  if (!quiet || !isQuiet(at, quiet)) return at;
  return nextInstantOf(at, parseClockTime(quiet.end), quiet.timeZone).at;
}
