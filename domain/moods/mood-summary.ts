import type { MoodId } from '../../protocol/mood-catalogue.js';
import type { Bucket, DayMood, MoodSummaryResult, SummaryPeriod, TagEffect, TimeOfDay } from '../../protocol/types/mood-summary.js';
import { hugLiftOf } from './hug-lift.js';
import { type HugPoint, insightWhen, type MoodPoint } from './insight.js';
import { type LocalDate, localTimeOf } from '../local-time.js';
import { mean, slopeOf } from './statistics.js';

/** Parts of the day in order of their hours. */
export const TIMES_OF_DAY = ['night', 'morning', 'afternoon', 'evening'] as const satisfies readonly TimeOfDay[];

/** The least data each insight rests on. */
export const SUMMARY_MINIMUMS = { averages: 1, patterns: 7, trendEntries: 7, trendDays: 5, days: 2, tagUses: 3, tags: 5 } as const;

/** How long after a hug a mood counts as after it. */
export const HUG_LIFT_WINDOW_HOURS = 6;
const TAGS_SHOWN = 5;
const DAY_MS = 86_400_000;

/** The summary of `days` up to `now` of a user's moods and the hugs they received. Pure. */
export function summariseMoods(allMoods: readonly MoodPoint[], hugs: readonly HugPoint[], days: SummaryPeriod, now: number): MoodSummaryResult {
  const from = now - days * DAY_MS;
  // In time order, so sums (and their last bits) do not depend on the order moods were read in.
  const moods = allMoods.filter((m) => m.at > from && m.at <= now).sort((a, b) => a.at - b.at);
  const local = moods.map((m) => localTimeOf(m.at, m.timeZone));
  const counts: Partial<Record<MoodId, number>> = {};
  for (const m of moods) counts[m.mood] = (counts[m.mood] ?? 0) + 1;
  const n = moods.length;
  const valences = moods.map((m) => m.valence);
  const byDate = new Map<LocalDate, number[]>();
  local.forEach((t, i) => {
    const list = byDate.get(t.date) ?? [];
    list.push(valences[i] as number);
    byDate.set(t.date, list);
  });
  return {
    days,
    from,
    to: now,
    entries: n,
    counts,
    averages: insightWhen(n, SUMMARY_MINIMUMS.averages, () => ({ intensity: mean(moods.map((m) => m.intensity)), valence: mean(valences) })),
    byWeekday: insightWhen(n, SUMMARY_MINIMUMS.patterns, () => ({ buckets: bucketsBy(7, local.map((t) => t.weekday), valences) })),
    byTimeOfDay: insightWhen(n, SUMMARY_MINIMUMS.patterns, () => {
      const buckets = bucketsBy(4, local.map((t) => Math.floor(t.hour / 6)), valences);
      return { buckets: Object.fromEntries(TIMES_OF_DAY.map((name, i) => [name, buckets[i] as Bucket])) as Record<TimeOfDay, Bucket> };
    }),
    trend: trendOf(moods, local.map((t) => t.day), byDate.size),
    bestAndHardestDays: insightWhen(byDate.size, SUMMARY_MINIMUMS.days, () => bestAndHardest(byDate)),
    tags: tagsOf(moods),
    hugLift: hugLiftOf(moods, hugs.filter((h) => h.at > from - HUG_LIFT_WINDOW_HOURS * 3_600_000 && h.at <= now), HUG_LIFT_WINDOW_HOURS),
  };
}

function bucketsBy(size: number, keys: readonly number[], valences: readonly number[]): Bucket[] {
  const sums = Array.from({ length: size }, () => ({ count: 0, sum: 0 }));
  keys.forEach((k, i) => {
    const b = sums[k] as { count: number; sum: number };
    b.count += 1;
    b.sum += valences[i] as number;
  });
  return sums.map((b) => ({ count: b.count, valence: b.count > 0 ? b.sum / b.count : null }));
}

function trendOf(moods: readonly MoodPoint[], days: readonly number[], distinctDays: number): MoodSummaryResult['trend'] {
  if (distinctDays < SUMMARY_MINIMUMS.trendDays) return { status: 'not-enough-data', have: distinctDays, need: SUMMARY_MINIMUMS.trendDays };
  return insightWhen(moods.length, SUMMARY_MINIMUMS.trendEntries, () => {
    // x in weeks since the first mood's local date, so the slope reads "per week".
    const first = days.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
    const { slope, standardError } = slopeOf(moods.map((m, i) => [((days[i] as number) - first) / 7, m.valence] as const));
    return { valencePerWeek: slope, standardError, entries: moods.length, days: distinctDays };
  });
}

function bestAndHardest(byDate: ReadonlyMap<LocalDate, readonly number[]>): { best: DayMood; hardest: DayMood } {
  const daysList = [...byDate].map(([date, v]) => ({ date, valence: mean(v), count: v.length }));
  // Ties go to the day with more moods, then to the later one.
  const firmer = (a: DayMood, b: DayMood) => (a.count !== b.count ? a.count > b.count : a.date > b.date);
  const best = daysList.reduce((x, d) => (d.valence > x.valence || (d.valence === x.valence && firmer(d, x)) ? d : x));
  const hardest = daysList.reduce((x, d) => (d.valence < x.valence || (d.valence === x.valence && firmer(d, x)) ? d : x));
  return { best, hardest };
}

function tagsOf(moods: readonly MoodPoint[]): MoodSummaryResult['tags'] {
  const uses = new Map<string, number[]>();
  moods.forEach((m, i) => {
    for (const tag of new Set(m.tags)) {
      const list = uses.get(tag) ?? [];
      list.push(i);
      uses.set(tag, list);
    }
  });
  const effects: TagEffect[] = [];
  // The moods without a tag are all the others: their sum is the total less the tag's.
  let total = 0;
  for (const m of moods) total += m.valence;
  for (const [tag, indices] of uses) {
    const without = moods.length - indices.length;
    if (indices.length < SUMMARY_MINIMUMS.tagUses || without < SUMMARY_MINIMUMS.tagUses) continue;
    let withSum = 0;
    for (const i of indices) withSum += (moods[i] as MoodPoint).valence;
    effects.push({ tag, count: indices.length, difference: withSum / indices.length - (total - withSum) / without });
  }
  return insightWhen(moods.length, SUMMARY_MINIMUMS.tags, () => ({
    better: effects.filter((e) => e.difference > 0).sort((a, b) => b.difference - a.difference || a.tag.localeCompare(b.tag)).slice(0, TAGS_SHOWN),
    worse: effects.filter((e) => e.difference < 0).sort((a, b) => a.difference - b.difference || a.tag.localeCompare(b.tag)).slice(0, TAGS_SHOWN),
  }));
}
