/**
 * Local calendar time in an IANA time zone: the date a mood counts for, its weekday and hour, and
 * when a local wall-clock time (a reminder, the end of quiet hours) falls. Dates are `YYYY-MM-DD`
 * strings, which sort and compare as dates.
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
  /** 0..59. */
  readonly minute: number;
  /** `date` as days since 1970-01-01 (its {@link dayNumber}). */
  readonly day: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/**
 * A zone's offset is taken as constant over a span when it is the same at both ends and the span
 * is at most this long: no IANA zone changes its offset twice within a week.
 */
const SPAN_MS = 7 * DAY_MS;
/** Spans remembered per zone (a year of moods needs about 55). */
const MAX_SPANS = 512;

// Formatters are costly to build (tens of µs) and cheap to reuse; a process sees few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `at`, in ms, read from the formatter (about 10 µs). */
function exactOffset(at: number, timeZone: string): number {
  const f: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const wall = Date.UTC(f['year'] ?? 1970, (f['month'] ?? 1) - 1, f['day'] ?? 1, f['hour'] ?? 0, f['minute'] ?? 0);
  return wall - Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/** Per zone, spans `[from, to]` over which its offset is known to be constant. */
const spans = new Map<string, { from: number; to: number; offset: number }[]>();
/** Per zone, the span last used: moods come in time order, so the next is most often in it. */
const lastSpan = new Map<string, { from: number; to: number; offset: number }>();

/**
 * The zone's offset at `at`. Reading the formatter for every mood would dominate a year's summary,
 * so each zone remembers week-long spans whose ends share an offset; an instant inside one needs no
 * formatter. Near a DST change (the ends differ) the offset is read exactly.
 */
function offsetAt(at: number, timeZone: string): number {
  const last = lastSpan.get(timeZone);
  if (last && last.from <= at && at <= last.to) return last.offset;
  let known = spans.get(timeZone);
  const hit = known?.find((s) => s.from <= at && at <= s.to);
  if (hit) {
    lastSpan.set(timeZone, hit);
    return hit.offset;
  }
  const offset = exactOffset(at, timeZone);
  const from = at - SPAN_MS / 2;
  const to = at + SPAN_MS / 2;
  if (exactOffset(from, timeZone) === offset && exactOffset(to, timeZone) === offset) {
    if (!known || known.length >= MAX_SPANS) spans.set(timeZone, (known = []));
    const span = { from, to, offset };
    known.push(span);
    lastSpan.set(timeZone, span);
  }
  return offset;
}

/** Where `at` (epoch ms) falls in `timeZone`. Throws a RangeError for an unknown zone (validate with `isTimeZone` of protocol/). */
export function localTimeOf(at: number, timeZone: string): LocalTime {
  const wall = at + offsetAt(at, timeZone);
  const day = Math.floor(wall / DAY_MS);
  // 1970-01-01 was a Thursday.
  const ofDay = wall - day * DAY_MS;
  return { date: dateOfDay(day), weekday: (((day + 4) % 7) + 7) % 7, hour: Math.floor(ofDay / 3_600_000), minute: Math.floor((ofDay % 3_600_000) / MINUTE_MS), day };
}

let lastDay = Number.NaN;
let lastDate = '';

/** The date `day` days after 1970-01-01 (the last one remembered: moods come a few a day). */
function dateOfDay(day: number): LocalDate {
  if (day !== lastDay) {
    lastDay = day;
    lastDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  return lastDate;
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

/** A wall-clock time of day, as a user sets one: `{ hour: 0..23, minute: 0..59 }`. */
export interface TimeOfDayClock {
  readonly hour: number;
  readonly minute: number;
}

/**
 * The instant the clocks in `timeZone` read `time` on `date`. A time that happens twice (clocks
 * going back) is its first occurrence; a time that never happens (clocks jumping forward) is moved
 * forward by the jump, so 02:30 on a night the clocks go from 02:00 to 03:00 is 03:30. This is
 * what Temporal calls the "compatible" choice, and what people expect of an alarm.
 */
export function instantOf(date: LocalDate, time: TimeOfDayClock, timeZone: string): number {
  const wall = dayNumber(date) * DAY_MS + time.hour * 3_600_000 + time.minute * MINUTE_MS;
  // The offsets a day either side: a change of offset near this wall time lies between them.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = (t: number) => t + offsetAt(t, timeZone) === wall;
  const candidates = [wall - before, wall - after].filter(fits).sort((a, b) => a - b);
  // In a gap no instant fits: the offset from before the jump carries the time past it.
  return candidates[0] ?? wall - before;
}

/** The first instant after `after` at which the clocks in `timeZone` read `time` (see {@link instantOf}). */
export function nextInstantOf(after: number, time: TimeOfDayClock, timeZone: string): { readonly at: number; readonly date: LocalDate } {
  const today = localDateOf(after, timeZone);
  // From the day before: a time moved forward over a jump near midnight can land after `after`.
  for (let days = -1; ; days += 1) {
    const date = addDays(today, days);
    const at = instantOf(date, time, timeZone);
    if (at > after) return { at, date };
  }
}
