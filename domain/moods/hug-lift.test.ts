import { describe, expect, it } from 'vitest';
import { seeded } from '../../test-support/seeded-random.js';
import { hugLiftOf, MIN_LIFT_SAMPLE } from './hug-lift.js';
import type { HugPoint, MoodPoint } from './insight.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5);
const moodAt = (at: number, valence: number): MoodPoint => ({ at, timeZone: 'UTC', mood: valence >= 0 ? 'calm' : 'sad', intensity: 0.5, valence, tags: [] });

/**
 * Four weeks with a known answer: a morning mood with no hug before it (valence −0.3 / −0.1, mean
 * −0.2); on even days Ann hugs at 13:00 and the 15:00 mood is 0.3 / 0.5 (mean 0.4); on odd days Bo
 * hugs at 13:00 and the 15:00 mood is like the mornings; every fifth day a group hug ends at 19:00
 * and the 20:00 mood is 0.8 (seven hours after the 13:00 hug: outside a 6-hour window).
 */
function knownHistory(): { moods: MoodPoint[]; hugs: HugPoint[] } {
  const moods: MoodPoint[] = [];
  const hugs: HugPoint[] = [];
  for (let d = 0; d < 28; d++) {
    const day = START + d * DAY;
    moods.push(moodAt(day + 9 * HOUR, d % 4 < 2 ? -0.3 : -0.1));
    const friend = d % 2 === 0 ? 'ann' : 'bo';
    hugs.push({ at: day + 13 * HOUR, kind: 'hug', from: friend });
    moods.push(moodAt(day + 15 * HOUR, friend === 'ann' ? (d % 4 === 0 ? 0.3 : 0.5) : d % 4 === 1 ? -0.3 : -0.1));
    if (d % 5 === 0) {
      hugs.push({ at: day + 19 * HOUR, kind: 'group-hug', from: null });
      moods.push(moodAt(day + 20 * HOUR, 0.8));
    }
  }
  return { moods, hugs };
}

describe('hug lift', () => {
  it('finds the lift a seeded history was built with: Ann\'s hugs lift, Bo\'s do not, group hugs lift most', () => {
    const { moods, hugs } = knownHistory();
    const lift = hugLiftOf(moods, hugs, 6);
    expect(lift.windowHours).toBe(6);
    if (lift.afterHugs.status !== 'ok' || lift.afterGroupHugs.status !== 'ok') throw new Error('expected enough data');
    expect(lift.afterHugs).toMatchObject({ nAfter: 28, nBaseline: 28, confident: true });
    expect(lift.afterHugs.meanBaseline).toBeCloseTo(-0.2, 12);
    expect(lift.afterHugs.difference).toBeCloseTo(0.3, 12);
    expect(lift.afterGroupHugs).toMatchObject({ nAfter: 6, nBaseline: 28, confident: true });
    expect(lift.afterGroupHugs.difference).toBeCloseTo(1.0, 12);
    expect(lift.byFriend.map((f) => f.friendId)).toEqual(['ann', 'bo']);
    const [ann, bo] = lift.byFriend;
    expect(ann?.lift).toMatchObject({ nAfter: 14, confident: true });
    expect(ann?.lift.difference).toBeCloseTo(0.6, 12);
    expect(ann?.lift.effectSize).toBeGreaterThan(3);
    expect(bo?.lift.difference).toBeCloseTo(0, 12);
    expect(bo?.lift.confident).toBe(false);
    expect(bo?.lift.ci95[0]).toBeLessThan(0);
    expect(bo?.lift.ci95[1]).toBeGreaterThan(0);
  });

  it('says "not enough data" below the least sample, and leaves out friends with too few moods after their hugs', () => {
    const { moods, hugs } = knownHistory();
    // Only the first eight days: four moods after Ann's hugs, four after Bo's, two after group hugs.
    const early = moods.filter((m) => m.at < START + 8 * DAY);
    const lift = hugLiftOf(early, hugs, 6);
    expect(lift.afterHugs).toMatchObject({ status: 'ok', nAfter: 8 });
    expect(lift.afterGroupHugs).toEqual({ status: 'not-enough-data', have: 2, need: MIN_LIFT_SAMPLE });
    expect(lift.byFriend).toEqual([]);
    expect(hugLiftOf([], [], 6).afterHugs).toEqual({ status: 'not-enough-data', have: 0, need: MIN_LIFT_SAMPLE });
  });

  it('does not depend on the order of its inputs, and splits moods as a brute force does', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const next = seeded(seed);
      const moods = Array.from({ length: 80 }, () => moodAt(START + Math.floor(next() * 20 * DAY), Math.round((next() * 2 - 1) * 100) / 100));
      const hugs: HugPoint[] = Array.from({ length: 30 }, () => ({ at: START + Math.floor(next() * 20 * DAY), kind: next() < 0.2 ? 'group-hug' : 'hug', from: next() < 0.5 ? 'ann' : 'bo' }));
      const lift = hugLiftOf(moods, hugs, 4);
      const shuffled = hugLiftOf([...moods].reverse(), [...hugs].sort(() => next() - 0.5), 4);
      expect(shuffled).toEqual(lift);
      const after = (m: MoodPoint, kind: HugPoint['kind']) => hugs.some((h) => h.kind === kind && h.at < m.at && h.at > m.at - 4 * HOUR);
      const baseline = moods.filter((m) => !after(m, 'hug') && !after(m, 'group-hug')).length;
      const afterHugs = moods.filter((m) => after(m, 'hug')).length;
      const have = (i: typeof lift.afterHugs) => (i.status === 'ok' ? Math.min(i.nAfter, i.nBaseline) : i.have);
      expect(have(lift.afterHugs)).toBe(Math.min(afterHugs, baseline));
    }
  });
});
