import { describe, expect, it } from 'vitest';
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
    expect(localTimeOf(t, 'America/New_York')).toEqual({ date: '2026-03-08', weekday: 0, hour: 1 });
    // An hour later the clocks have jumped: 03:30 EDT.
    expect(localTimeOf(t + 3_600_000, 'America/New_York')).toEqual({ date: '2026-03-08', weekday: 0, hour: 3 });
    expect(localTimeOf(t, 'Europe/Paris')).toEqual({ date: '2026-03-08', weekday: 0, hour: 7 });
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
});
