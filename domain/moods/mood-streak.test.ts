import { describe, expect, it } from 'vitest';
import { seeded } from '../../test-support/seeded-random.js';
import { addDays, dayNumber, localDateOf } from '../local-time.js';
import { advanceStreak, NO_STREAK, STREAK_MILESTONES, streakAsOf, streakOf } from './mood-streak.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The instant of local wall time `date` `hh:mm` in `zone` (searching the ±14 h around it). */
function at(zone: string, date: string, hh: number, mm = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let clock = wallClocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    wallClocks.set(zone, clock);
  }
  const wanted = `${date}, ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
    const t = guess - offset * 60_000;
    if (clock.format(t) === wanted) return t;
  }
  throw new Error(`no instant for ${date} ${hh}:${mm} in ${zone}`);
}

/** Runs of consecutive dates in a set, by brute force: [longest, the run ending at the latest date]. */
function runsOf(dates: readonly string[]): { longest: number; current: number } {
  const days = [...new Set(dates.map(dayNumber))].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i] === (days[i - 1] as number) + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return { longest, current: run };
}

describe('mood streak', () => {
  it('in one zone, with or without DST, counts runs of dates exactly as a brute force over the set of dates does', () => {
    for (const zone of ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      for (let seed = 1; seed <= 40; seed++) {
        const next = seeded(seed);
        // Records over about 60 days spanning a DST change in either hemisphere, up to 4 a day, with gaps.
        let t = Date.UTC(2026, 2, 1) + next() * DAY;
        const records: { at: number; timeZone: string }[] = [];
        while (records.length < 120) {
          t += next() < 0.2 ? (1 + next() * 3) * DAY : next() * 9 * HOUR;
          records.push({ at: Math.round(t), timeZone: zone });
        }
        const streak = streakOf(records);
        const expected = runsOf(records.map((r) => localDateOf(r.at, zone)));
        expect({ seed, zone, current: streak.current, longest: streak.longest }).toEqual({ seed, zone, ...expected });
        expect(streak.current).toBeLessThanOrEqual(streak.longest);
      }
    }
  });

  it('is unchanged by a record applied again after later ones (a written mood still pending is folded twice)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const next = seeded(seed);
      const zone = ['UTC', 'America/New_York', 'Asia/Tokyo'][seed % 3] ?? 'UTC';
      let t = Date.UTC(2026, 2, 1);
      const records = Array.from({ length: 40 }, () => {
        t += next() < 0.2 ? (1 + next() * 2) * DAY : next() * 12 * HOUR;
        return { at: Math.round(t), timeZone: zone };
      });
      const streak = streakOf(records);
      for (const r of records) expect(advanceStreak(streak, r.at, r.timeZone)).toEqual({ streak, counted: false, milestone: null });
    }
  });

  it('counts a date once however many moods it holds, and across a DST change (New York, March and November)', () => {
    const zone = 'America/New_York';
    for (const start of ['2026-03-05', '2026-10-28']) {
      const records = Array.from({ length: 10 }, (_, i) => addDays(start, i)).flatMap((date) => [
        { at: at(zone, date, 0, 5), timeZone: zone },
        { at: at(zone, date, 12), timeZone: zone },
        { at: at(zone, date, 23, 55), timeZone: zone },
      ]);
      const streak = streakOf(records);
      expect(streak).toMatchObject({ current: 10, longest: 10, firstDate: start, lastDate: addDays(start, 9) });
      // A further mood on the last date changes nothing.
      const again = advanceStreak(streak, (records.at(-1)?.at ?? 0) + 60_000, zone);
      expect(again).toMatchObject({ counted: false, milestone: null });
      expect(again.streak).toEqual(streak);
    }
  });

  it('keeps the run when flying east skips a date, and counts a date flying west brings back once', () => {
    // Los Angeles on the 10th in the evening, then Tokyo: the 11th never happens there.
    const la = 'America/Los_Angeles';
    const tokyo = 'Asia/Tokyo';
    let s = streakOf([
      { at: at(la, '2026-06-09', 9), timeZone: la },
      { at: at(la, '2026-06-10', 20), timeZone: la },
    ]);
    const landed = advanceStreak(s, at(tokyo, '2026-06-12', 8), tokyo);
    expect(landed).toMatchObject({ counted: true, milestone: 3 });
    s = landed.streak;
    expect(s).toMatchObject({ current: 3, lastDate: '2026-06-12', lastZone: tokyo });
    // Back west the same morning: Los Angeles is on the 11th again. It was never counted, yet it
    // lies inside the run (skipped over): it adds nothing and breaks nothing.
    expect(advanceStreak(s, at(la, '2026-06-11', 17), la)).toMatchObject({ counted: false });
    // A real gap still breaks a run: Tokyo on the 14th after the 12th.
    expect(advanceStreak(s, at(tokyo, '2026-06-14', 9), tokyo).streak).toMatchObject({ current: 1, longest: 3, firstDate: '2026-06-14' });

    // Tokyo on the 10th in the morning, then Los Angeles on the 9th: a date before the run joins it once.
    let w = streakOf([{ at: at(tokyo, '2026-06-10', 7), timeZone: tokyo }]);
    const west = advanceStreak(w, at(la, '2026-06-09', 18), la);
    expect(west).toMatchObject({ counted: true });
    w = west.streak;
    expect(w).toMatchObject({ current: 2, firstDate: '2026-06-09', lastDate: '2026-06-10' });
    expect(advanceStreak(w, at(la, '2026-06-10', 9), la)).toMatchObject({ counted: false });
    expect(advanceStreak(w, at(la, '2026-06-11', 9), la).streak).toMatchObject({ current: 3, lastDate: '2026-06-11' });
  });

  it('reports each milestone once, on the record that reaches it', () => {
    const zone = 'Europe/Paris';
    let streak = NO_STREAK;
    const reached: number[] = [];
    for (let i = 0; i < 400; i++) {
      const date = addDays('2026-01-01', i);
      for (const hour of [8, 21]) {
        const step = advanceStreak(streak, at(zone, date, hour), zone);
        if (step.milestone !== null) reached.push(step.milestone);
        streak = step.streak;
      }
    }
    expect(reached).toEqual([...STREAK_MILESTONES]);
  });

  it('reads as broken once a whole date has passed without a record, judged in the reader\'s zone or the last record\'s', () => {
    const zone = 'Europe/London';
    const streak = streakOf([1, 2, 3].map((d) => ({ at: at(zone, `2026-04-0${d}`, 10), timeZone: zone })));
    expect(streakAsOf(streak, at(zone, '2026-04-04', 23, 59), zone).current).toBe(3);
    expect(streakAsOf(streak, at(zone, '2026-04-05', 0, 1), zone).current).toBe(0);
    // Already the 5th in Tokyo, still the 4th in London: today's record may still come.
    expect(streakAsOf(streak, at(zone, '2026-04-04', 20), 'Asia/Tokyo').current).toBe(3);
    expect(streakAsOf(streak, at(zone, '2026-04-05', 0, 1), zone).longest).toBe(3);
  });
});
