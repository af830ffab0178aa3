import { describe, expect, it } from 'vitest';
import { seeded } from '../../test-support/seeded-random.js';
import { isTimeZone } from '../../protocol/schemas/time-zone.js';
import { addDays, dayNumber, localDateOf, localTimeOf } from './local-time.js';

describe('local time', () => {
  it('knows IANA zones and refuses anything else', () => {
    for (const zone of ['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'Asia/Kathmandu']) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['', 'Mars/Olympus_Mons', 'Europe/Paris; DROP TABLE', 'x'.repeat(65)]) expect(isTimeZone(zone)).toBe(false);
    expect(() => localDateOf(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('puts an instant on its local date, weekday and hour, DST included', () => {
    // 2026-03-08 06:30 UTC: 01:30 EST on Sunday the 8th in New York; 07:30 in Paris.
    const t = Date.UTC(2026, 2, 8, 6, 30);
    expect(localTimeOf(t, 'America/New_York')).toEqual({ date: '2026-03-08', weekday: 0, hour: 1, day: dayNumber('2026-03-08') });
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
        new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', weekday: 'short', hourCycle: 'h23' })
          .formatToParts(at)
          .map((p) => [p.type, p.value]),
      );
      const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
      return { date, day: dayNumber(date), weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts['weekday'] ?? ''), hour: Number(parts['hour']) };
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
});
