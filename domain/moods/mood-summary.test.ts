import { describe, expect, it } from 'vitest';
import { MOOD_IDS, MOODS } from '../../protocol/mood-catalogue.js';
import { seeded } from '../../test-support/seeded-random.js';
import type { MoodPoint } from './insight.js';
import { localTimeOf } from '../local-time.js';
import { SUMMARY_MINIMUMS, summariseMoods } from './mood-summary.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 1, 12);
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];

function randomMoods(seed: number, count: number, spanDays: number): MoodPoint[] {
  const next = seeded(seed);
  const tags = ['work', 'family', 'sleep', 'run', 'rain'];
  return Array.from({ length: count }, () => {
    const mood = MOOD_IDS[Math.floor(next() * MOOD_IDS.length)] ?? 'calm';
    return {
      at: NOW - Math.floor(next() * spanDays * DAY),
      timeZone: ZONES[Math.floor(next() * ZONES.length)] ?? 'UTC',
      mood,
      intensity: Math.round(next() * 100) / 100,
      valence: MOODS[mood].valence,
      tags: tags.filter(() => next() < 0.3),
    };
  });
}

describe('mood summary', () => {
  it('accounts for every mood in the window once, in its counts and in each pattern', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const moods = randomMoods(seed, 200, 60);
      for (const days of [7, 30, 90] as const) {
        const s = summariseMoods(moods, [], days, NOW);
        const inWindow = moods.filter((m) => m.at > NOW - days * DAY && m.at <= NOW);
        expect(s.entries).toBe(inWindow.length);
        expect(Object.values(s.counts).reduce((a, b) => a + b, 0)).toBe(inWindow.length);
        if (s.byWeekday.status === 'ok') {
          expect(s.byWeekday.buckets).toHaveLength(7);
          expect(s.byWeekday.buckets.reduce((n, b) => n + b.count, 0)).toBe(inWindow.length);
          // Weekdays are read in each mood's own zone.
          const sundays = inWindow.filter((m) => localTimeOf(m.at, m.timeZone).weekday === 0).length;
          expect(s.byWeekday.buckets[0]?.count).toBe(sundays);
        }
        if (s.byTimeOfDay.status === 'ok') expect(Object.values(s.byTimeOfDay.buckets).reduce((n, b) => n + b.count, 0)).toBe(inWindow.length);
        if (s.averages.status === 'ok') {
          expect(Math.abs(s.averages.valence)).toBeLessThanOrEqual(1);
          expect(s.averages.intensity).toBeGreaterThanOrEqual(0);
        }
        if (s.bestAndHardestDays.status === 'ok') expect(s.bestAndHardestDays.best.valence).toBeGreaterThanOrEqual(s.bestAndHardestDays.hardest.valence);
        // Pure: the same input gives the same summary.
        expect(summariseMoods([...moods].reverse(), [], days, NOW)).toEqual(s);
      }
    }
  });

  it('says "not enough data" rather than inventing patterns, a trend or tags from three moods', () => {
    const moods = randomMoods(7, 3, 5);
    const s = summariseMoods(moods, [], 7, NOW);
    expect(s.averages.status).toBe('ok');
    expect(s.byWeekday).toEqual({ status: 'not-enough-data', have: 3, need: SUMMARY_MINIMUMS.patterns });
    expect(s.byTimeOfDay.status).toBe('not-enough-data');
    expect(s.trend.status).toBe('not-enough-data');
    expect(s.tags.status).toBe('not-enough-data');
    expect(s.hugLift.afterHugs.status).toBe('not-enough-data');
    const none = summariseMoods([], [], 30, NOW);
    expect(none).toMatchObject({ entries: 0, counts: {}, averages: { status: 'not-enough-data', have: 0, need: 1 } });
  });

  it('finds a trend, the best and hardest days and the tags that go with better and worse moods', () => {
    // Six weeks, two moods a day in Berlin: valence rises 0.1 a week; "run" days are 0.3 better, "rain" days 0.3 worse.
    const moods: MoodPoint[] = [];
    for (let d = 0; d < 42; d++) {
      for (const hour of [9, 19]) {
        const tag = d % 6 === 0 ? 'run' : d % 6 === 3 ? 'rain' : 'plain';
        const valence = -0.5 + (0.1 * d) / 7 + (tag === 'run' ? 0.3 : tag === 'rain' ? -0.3 : 0);
        moods.push({ at: Date.UTC(2026, 9, 20 + d, hour - 1), timeZone: 'Europe/Berlin', mood: 'calm', intensity: 0.5, valence, tags: [tag] });
      }
    }
    const s = summariseMoods(moods, [], 90, NOW);
    if (s.trend.status !== 'ok' || s.tags.status !== 'ok' || s.bestAndHardestDays.status !== 'ok') throw new Error('expected insights');
    // The tag offsets tilt the line a little; the weekly rise is still found.
    expect(s.trend.valencePerWeek).toBeGreaterThan(0.08);
    expect(s.trend.valencePerWeek).toBeLessThan(0.12);
    expect(s.trend).toMatchObject({ entries: 84, days: 42 });
    expect(s.tags.better.map((t) => t.tag)).toEqual(['run', 'plain']);
    expect(s.tags.worse.map((t) => t.tag)).toEqual(['rain']);
    // The best day is the last "run" day (day 36), the hardest the first "rain" day (day 3).
    expect(s.bestAndHardestDays.best).toMatchObject({ date: '2026-11-25', count: 2 });
    expect(s.bestAndHardestDays.hardest).toMatchObject({ date: '2026-10-23', count: 2 });
  });
});
