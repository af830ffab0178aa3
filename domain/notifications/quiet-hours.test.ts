import { describe, expect, it } from 'vitest';
import { seeded } from '../../test-support/seeded-random.js';
import { localTimeOf } from '../local-time.js';
import { isQuiet, parseClockTime, quietEndsAt } from './quiet-hours.js';

const MINUTE = 60_000;
const paris = { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } as const;

describe('quiet hours', () => {
  it('hold over midnight on the clocks of their zone, start included and end not', () => {
    expect(isQuiet(Date.UTC(2026, 0, 15, 20, 59), paris)).toBe(false); // 21:59 in Paris (UTC+1)
    expect(isQuiet(Date.UTC(2026, 0, 15, 21, 0), paris)).toBe(true); // 22:00
    expect(isQuiet(Date.UTC(2026, 0, 16, 5, 59), paris)).toBe(true); // 06:59
    expect(isQuiet(Date.UTC(2026, 0, 16, 6, 0), paris)).toBe(false); // 07:00
    // In summer Paris is UTC+2: the same UTC instant is an hour later there.
    expect(isQuiet(Date.UTC(2026, 6, 15, 20, 0), paris)).toBe(true); // 22:00
    expect(isQuiet(Date.UTC(2026, 6, 15, 20, 0), null)).toBe(false);
    expect(isQuiet(Date.UTC(2026, 6, 15, 12, 0), { start: '09:00', end: '17:00', timeZone: 'UTC' })).toBe(true);
    expect(isQuiet(Date.UTC(2026, 6, 15, 12, 0), { start: '09:00', end: '09:00', timeZone: 'UTC' })).toBe(false);
    expect(() => parseClockTime('24:00')).toThrow(RangeError);
    expect(() => parseClockTime('7:00')).toThrow(RangeError);
  });

  it('hold a push back until they end, across the night the clocks change', () => {
    const outside = Date.UTC(2026, 0, 15, 12);
    expect(quietEndsAt(outside, paris)).toBe(outside);
    // 23:30 on Saturday 28 March 2026; the clocks spring forward at 02:00: 07:00 CEST is 05:00 UTC.
    expect(quietEndsAt(Date.UTC(2026, 2, 28, 22, 30), paris)).toBe(Date.UTC(2026, 2, 29, 5, 0));
  });

  it('agree with a minute-by-minute reading of the local clock (property)', () => {
    const random = seeded(11);
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
    const clock = () => `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
    for (let i = 0; i < 500; i += 1) {
      const quiet = { start: clock(), end: clock(), timeZone: zones[i % zones.length] ?? 'UTC' } as const;
      const at = Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 86_400_000);
      const [s, e] = [parseClockTime(quiet.start), parseClockTime(quiet.end)].map((t) => t.hour * 60 + t.minute) as [number, number];
      const local = localTimeOf(at, quiet.timeZone);
      const m = local.hour * 60 + local.minute;
      const expected = s === e ? false : s < e ? s <= m && m < e : m >= s || m < e;
      expect(isQuiet(at, quiet), `${new Date(at).toISOString()} ${quiet.start}-${quiet.end} ${quiet.timeZone}`).toBe(expected);
      const ends = quietEndsAt(at, quiet);
      expect(isQuiet(ends, quiet)).toBe(false);
      // Nothing quiet-free comes before it: one minute earlier (if later than `at`) is still quiet.
      if (ends > at) expect(isQuiet(ends - MINUTE, quiet)).toBe(true);
      expect(ends - at).toBeLessThanOrEqual(25 * 3_600_000);
    }
  });
});
