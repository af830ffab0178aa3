import { describe, expect, it } from 'vitest';
import { seeded } from '../test-support/seeded-random.js';
import { isTimeZone } from '../protocol/schemas/time-zone.js';
import { addDays, dayNumber, instantOf, localDateOf, localTimeOf, nextInstantOf } from './local-time.js';

describe('local time', () => {
  it('knows IANA zones and refuses anything else', () => {
    for (const zone of ['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'Asia/Kathmandu']) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['', 'Mars/Olympus_Mons', 'Europe/Paris; DROP TABLE', 'x'.repeat(65)]) expect(isTimeZone(zone)).toBe(false);
    expect(() => localDateOf(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('puts an instant on its local date, weekday and hour, DST included', () => {
    // 2026-03-08 06:30 UTC: 01:30 EST on Sunday the 8th in New York; 07:30 in Paris.
    const t = Date.UTC(2026, 2, 8, 6, 30);
    expect(localTimeOf(t, 'America/New_York')).toEqual({ date: '2026-03-08', weekday: 0, hour: 1, minute: 30, day: dayNumber('2026-03-08') });
    // An hour later the clocks have jumped: 03:30 EDT.
    expect(localTimeOf(t + 3_600_000, 'America/New_York')).toMatchObject({ date: '2026-03-08', weekday: 0, hour: 3 });
    expect(localTimeOf(t, 'Europe/Paris')).toMatchObject({ date: '2026-03-08', weekday: 0, hour: 7 });
    // Already Monday the 9th in Kiritimati (UTC+14); still Saturday the 7th at Midway (UTC−11).
    expect(localDateOf(Date.UTC(2026, 2, 8, 12), 'Pacific/Kiritimati')).toBe('2026-03-09');
    expect(localDateOf(Date.UTC(2026, 2, 8, 9), 'Pacific/Midway')).toBe('2026-03-07');
  });

  it('counts and adds days across months, leap days and years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2028-03-01') - dayNumber('2028-02-28')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('agrees with the zone database at every instant, around DST changes and on half- and three-quarter-hour zones (property)', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Paris', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham', 'Africa/Casablanca', 'Asia/Tokyo'];
    const reference = (at: number, timeZone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' })
          .formatToParts(at)
          .map((p) => [p.type, p.value]),
      );
      const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
      return { date, day: dayNumber(date), weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts['weekday'] ?? ''), hour: Number(parts['hour']), minute: Number(parts['minute']) };
    };
    const random = seeded(42);
    const from = Date.UTC(2020, 0, 1);
    const to = Date.UTC(2031, 0, 1);
    for (let i = 0; i < 4000; i += 1) {
      const zone = zones[i % zones.length] ?? 'UTC';
      const at = from + Math.floor(random() * (to - from));
      expect(localTimeOf(at, zone), `${new Date(at).toISOString()} in ${zone}`).toEqual(reference(at, zone));
    }
    // Every minute across a night with a change, both ways, in New York and on Lord Howe (a 30-minute shift).
    for (const [zone, night] of [
      ['America/New_York', Date.UTC(2026, 2, 8, 5)],
      ['America/New_York', Date.UTC(2026, 10, 1, 4)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 13)],
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 14)],
    ] as const) {
      for (let at = night; at < night + 4 * 3_600_000; at += 60_000) expect(localTimeOf(at, zone), `${new Date(at).toISOString()} in ${zone}`).toEqual(reference(at, zone));
    }
  });

  it('finds when a wall-clock time falls: the first of a repeated time, a missing one moved forward by the jump', () => {
    const ny = 'America/New_York';
    expect(instantOf('2026-01-15', { hour: 9, minute: 0 }, 'Europe/Paris')).toBe(Date.UTC(2026, 0, 15, 8));
    expect(instantOf('2026-07-15', { hour: 9, minute: 0 }, 'Europe/Paris')).toBe(Date.UTC(2026, 6, 15, 7));
    expect(instantOf('2026-01-15', { hour: 9, minute: 0 }, 'Asia/Kathmandu')).toBe(Date.UTC(2026, 0, 15, 3, 15));
    // 02:30 never happens in New York on 8 March 2026: 03:30 EDT.
    expect(instantOf('2026-03-08', { hour: 2, minute: 30 }, ny)).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 01:30 happens twice on 1 November 2026: the first, in EDT.
    expect(instantOf('2026-11-01', { hour: 1, minute: 30 }, ny)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    // Lord Howe jumps half an hour, 02:00 → 02:30, on 4 October 2026: 02:15 is 02:45 (UTC+11).
    expect(instantOf('2026-10-04', { hour: 2, minute: 15 }, 'Australia/Lord_Howe')).toBe(Date.UTC(2026, 9, 3, 15, 45));
  });

  it('reads back the wall time it was asked for, or a time at most the jump later (property)', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Paris', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Chatham', 'Africa/Casablanca'];
    const random = seeded(7);
    for (let i = 0; i < 3000; i += 1) {
      const zone = zones[i % zones.length] ?? 'UTC';
      const date = addDays('2020-01-01', Math.floor(random() * 4000));
      const time = { hour: Math.floor(random() * 24), minute: Math.floor(random() * 60) };
      const at = instantOf(date, time, zone);
      const back = localTimeOf(at, zone);
      const asked = dayNumber(date) * 1440 + time.hour * 60 + time.minute;
      const got = back.day * 1440 + back.hour * 60 + back.minute;
      expect(got - asked, `${date} ${time.hour}:${time.minute} in ${zone}`).toBeGreaterThanOrEqual(0);
      expect(got - asked, `${date} ${time.hour}:${time.minute} in ${zone}`).toBeLessThanOrEqual(60);
      // Only a missing time moves: one minute earlier than the answer is not the asked time.
      if (got !== asked) expect(localTimeOf(at - 60_000, zone).minute === time.minute && localTimeOf(at - 60_000, zone).hour === time.hour).toBe(false);
    }
  });

  it('finds the next time a wall-clock time comes, across days and DST', () => {
    const ny = 'America/New_York';
    const nine = { hour: 9, minute: 0 };
    const at = instantOf('2026-03-07', nine, ny);
    expect(nextInstantOf(at - 1, nine, ny)).toEqual({ at, date: '2026-03-07' });
    // The next day's 09:00 is 23 hours later: the clocks sprang forward overnight.
    expect(nextInstantOf(at, nine, ny)).toEqual({ at: at + 23 * 3_600_000, date: '2026-03-08' });
  });
});
