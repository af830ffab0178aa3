import { describe, expect, it } from 'vitest';
import { nextFiring, skipFiring } from './daily-reminder.js';

const HOUR = 3_600_000;

describe('daily reminder', () => {
  it('fires at the same local time every day across DST, and once on the night the clocks go back', () => {
    const reminder = { time: { hour: 9, minute: 0 }, timeZone: 'America/New_York' };
    const first = nextFiring(reminder, Date.UTC(2026, 2, 7, 12)); // 07:00 EST on 7 March
    expect(first).toEqual({ at: Date.UTC(2026, 2, 7, 14), date: '2026-03-07' });
    const second = nextFiring(reminder, first.at);
    expect(second).toEqual({ at: Date.UTC(2026, 2, 8, 13), date: '2026-03-08' }); // 09:00 EDT: 23 h later
    // 01:30 happens twice on 1 November 2026: one firing, the first.
    const early = { time: { hour: 1, minute: 30 }, timeZone: 'America/New_York' };
    const once = nextFiring(early, Date.UTC(2026, 10, 1, 4));
    expect(once).toEqual({ at: Date.UTC(2026, 10, 1, 5, 30), date: '2026-11-01' });
    expect(nextFiring(early, once.at).date).toBe('2026-11-02');
  });

  it('is skipped when a mood was recorded on its date, on the reminder\'s clocks', () => {
    const reminder = { time: { hour: 20, minute: 0 }, timeZone: 'Europe/Paris' };
    const firing = nextFiring(reminder, Date.UTC(2026, 0, 15, 8));
    expect(firing.date).toBe('2026-01-15');
    expect(skipFiring(firing, reminder, null)).toBe(false);
    expect(skipFiring(firing, reminder, firing.at - 2 * HOUR)).toBe(true);
    // Late the day before (23:30 in Paris): not this date.
    expect(skipFiring(firing, reminder, Date.UTC(2026, 0, 14, 22, 30))).toBe(false);
    // Just after midnight in Paris is this date, though it is still the 14th in UTC.
    expect(skipFiring(firing, reminder, Date.UTC(2026, 0, 14, 23, 30))).toBe(true);
  });
});
