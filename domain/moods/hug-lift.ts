import type { HugLift, LiftFigures } from '../../protocol/types/mood-summary.js';
import { type HugPoint, type Insight, insightWhen, type MoodPoint } from './insight.js';
import { compare, mean } from './statistics.js';

/** Fewest moods on each side of a comparison. */
export const MIN_LIFT_SAMPLE = 5;

/**
 * Compares the valence of moods recorded within `windowHours` after a received hug (or after a
 * group hug ended) with the baseline: the moods after neither. Pure; moods and hugs in any order.
 */
export function hugLiftOf(moods: readonly MoodPoint[], hugs: readonly HugPoint[], windowHours: number): HugLift {
  const windowMs = windowHours * 3_600_000;
  const sortedMoods = [...moods].sort((a, b) => a.at - b.at);
  const sortedHugs = [...hugs].sort((a, b) => a.at - b.at);
  const baseline: number[] = [];
  const afterHugs: number[] = [];
  const afterGroups: number[] = [];
  const byFriend = new Map<string, number[]>();
  // The hugs in (mood.at − window, mood.at): both ends only move forward as moods do.
  let first = 0;
  let end = 0;
  for (const m of sortedMoods) {
    while (end < sortedHugs.length && (sortedHugs[end] as HugPoint).at < m.at) end++;
    while (first < end && (sortedHugs[first] as HugPoint).at <= m.at - windowMs) first++;
    let hugged = false;
    let grouped = false;
    const friends = new Set<string>();
    for (let i = first; i < end; i++) {
      const h = sortedHugs[i] as HugPoint;
      if (h.kind === 'group-hug') grouped = true;
      else {
        hugged = true;
        if (h.from !== null) friends.add(h.from);
      }
    }
    if (hugged) afterHugs.push(m.valence);
    if (grouped) afterGroups.push(m.valence);
    if (!hugged && !grouped) baseline.push(m.valence);
    for (const f of friends) {
      const list = byFriend.get(f) ?? [];
      list.push(m.valence);
      byFriend.set(f, list);
    }
  }
  const liftOf = (after: readonly number[]): Insight<LiftFigures> =>
    insightWhen(Math.min(after.length, baseline.length), MIN_LIFT_SAMPLE, () => figures(after, baseline));
  const friends = [...byFriend]
    .filter(([, after]) => after.length >= MIN_LIFT_SAMPLE && baseline.length >= MIN_LIFT_SAMPLE)
    .map(([friendId, after]) => ({ friendId, lift: figures(after, baseline) }))
    .sort((a, b) => b.lift.difference - a.lift.difference || a.friendId.localeCompare(b.friendId));
  return { windowHours, afterHugs: liftOf(afterHugs), afterGroupHugs: liftOf(afterGroups), byFriend: friends };
}

function figures(after: readonly number[], baseline: readonly number[]): LiftFigures {
  const c = compare(after, baseline);
  return {
    meanAfter: mean(after),
    meanBaseline: mean(baseline),
    difference: c.difference,
    effectSize: c.effectSize,
    ci95: c.ci95,
    confident: c.ci95[0] > 0 || c.ci95[1] < 0,
    nAfter: after.length,
    nBaseline: baseline.length,
  };
}
