import type { MoodId } from '../mood-catalogue.js';

/*
 * What `mood:summary` answers, as plain types (the pure computation is in domain/moods/).
 */

/** The periods a summary covers, in days. */
export type SummaryPeriod = 7 | 30 | 90 | 365;

/** Parts of the day, by local hour: night 0–5, morning 6–11, afternoon 12–17, evening 18–23. */
export type TimeOfDay = 'night' | 'morning' | 'afternoon' | 'evening';

/** An insight, or why there is none: it never rests on less data than `need`. */
export type Insight<T> = ({ readonly status: 'ok' } & T) | NotEnoughData;

/** Too little data for an insight: `have` of the `need`ed records (or days). */
export interface NotEnoughData {
  readonly status: 'not-enough-data';
  readonly have: number;
  readonly need: number;
}

/** How much better moods are after hugs than otherwise. */
export interface LiftFigures {
  /** Mean valence of the moods recorded within the window after a hug, and of the baseline. */
  readonly meanAfter: number;
  readonly meanBaseline: number;
  /** meanAfter − meanBaseline, in valence units (−2..2). */
  readonly difference: number;
  /** The difference in pooled standard deviations (Cohen's d: 0.2 small, 0.5 medium, 0.8 large); null when no mood varied. */
  readonly effectSize: number | null;
  /** A 95% confidence interval on `difference` (Welch). */
  readonly ci95: readonly [low: number, high: number];
  /** The interval leaves out 0: the lift is unlikely to be chance. */
  readonly confident: boolean;
  readonly nAfter: number;
  readonly nBaseline: number;
}

/** Hug lift: moods after hugs (from anyone, from each friend) and after group hugs, against the user's baseline. */
export interface HugLift {
  /** How long after a hug a mood counts as "after" it. */
  readonly windowHours: number;
  readonly afterHugs: Insight<LiftFigures>;
  readonly afterGroupHugs: Insight<LiftFigures>;
  /** Friends whose hugs were followed by enough moods, largest lift first. */
  readonly byFriend: readonly { readonly friendId: string; readonly lift: LiftFigures }[];
}

/** How many moods, and their mean valence (null with none). */
export interface Bucket {
  readonly count: number;
  readonly valence: number | null;
}

/** A day's mood: its local date, mean valence and how many moods it rests on. */
export interface DayMood {
  /** `YYYY-MM-DD`, in the zone the day's moods were recorded in. */
  readonly date: string;
  readonly valence: number;
  readonly count: number;
}

/** A tag and how moods carrying it differ from the others. */
export interface TagEffect {
  readonly tag: string;
  readonly count: number;
  /** Mean valence with the tag minus without it. */
  readonly difference: number;
}

/** What `mood:summary` answers. */
export interface MoodSummaryResult {
  readonly days: SummaryPeriod;
  /** The window: (from, to], epoch ms. */
  readonly from: number;
  readonly to: number;
  readonly entries: number;
  /** Moods recorded, by mood (only those recorded). */
  readonly counts: Readonly<Partial<Record<MoodId, number>>>;
  readonly averages: Insight<{ readonly intensity: number; readonly valence: number }>;
  /** Sunday first. */
  readonly byWeekday: Insight<{ readonly buckets: readonly Bucket[] }>;
  readonly byTimeOfDay: Insight<{ readonly buckets: Readonly<Record<TimeOfDay, Bucket>> }>;
  /** Valence change per week (least squares), with what it rests on. */
  readonly trend: Insight<{ readonly valencePerWeek: number; readonly standardError: number; readonly entries: number; readonly days: number }>;
  readonly bestAndHardestDays: Insight<{ readonly best: DayMood; readonly hardest: DayMood }>;
  /** Tags used often enough to compare: those that go with better moods, then worse, strongest first. */
  readonly tags: Insight<{ readonly better: readonly TagEffect[]; readonly worse: readonly TagEffect[] }>;
  readonly hugLift: HugLift;
}
