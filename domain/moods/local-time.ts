/**
 * Local calendar time in an IANA time zone: the date a mood counts for, its weekday and its hour.
 * Dates are `YYYY-MM-DD` strings, which sort and compare as dates.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Where an instant falls in a time zone. */
export interface LocalTime {
  readonly date: LocalDate;
  /** 0 Sunday .. 6 Saturday. */
  readonly weekday: number;
  /** 0..23. */
  readonly hour: number;
}

const DAY_MS = 86_400_000;
// Formatters are costly to build (tens of µs) and cheap to reuse; a process sees few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Where `at` (epoch ms) falls in `timeZone`. Throws a RangeError for an unknown zone (validate with `isTimeZone` of protocol/). */
export function localTimeOf(at: number, timeZone: string): LocalTime {
  let year = '';
  let month = '';
  let day = '';
  let hour = 0;
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
    else if (part.type === 'hour') hour = Number(part.value);
  }
  const date = `${year.padStart(4, '0')}-${month}-${day}`;
  return { date, weekday: new Date(dayNumber(date) * DAY_MS).getUTCDay(), hour };
}

/** The date `at` (epoch ms) falls on in `timeZone`. */
export function localDateOf(at: number, timeZone: string): LocalDate {
  return localTimeOf(at, timeZone).date;
}

/** Days from 1970-01-01 to `date`. */
export function dayNumber(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The date `days` after `date` (before, when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}
