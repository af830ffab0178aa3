import { z } from 'zod';
import { MOOD_IDS } from '../mood-catalogue.js';
import type { MoodSummaryResult } from '../types/mood-summary.js';
import { epochMs, list } from './records.js';
import { assertSameShape } from './same-shape.js';

/* `mood:summary`'s answer as a zod schema, for the AsyncAPI document; pinned to its type. */

const notEnoughData = z.object({ status: z.literal('not-enough-data'), have: z.number().int(), need: z.number().int() });

/** An insight, or "not enough data" (with how much there is and how much it needs). */
function insight<S extends z.ZodRawShape>(shape: S) {
  return z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), ...shape }), notEnoughData]);
}

const liftFigures = z.object({
  meanAfter: z.number(),
  meanBaseline: z.number(),
  difference: z.number(),
  effectSize: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).readonly(),
  confident: z.boolean(),
  nAfter: z.number().int(),
  nBaseline: z.number().int(),
});
const bucket = z.object({ count: z.number().int(), valence: z.number().nullable() });
const dayMood = z.object({ date: z.string(), valence: z.number(), count: z.number().int() });
const tagEffect = z.object({ tag: z.string(), count: z.number().int(), difference: z.number() });

export const moodSummaryRecord = z
  .object({
    days: z.union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)]),
    from: epochMs,
    to: epochMs,
    entries: z.number().int(),
    counts: z.partialRecord(z.enum(MOOD_IDS), z.number().int()).readonly(),
    averages: insight({ intensity: z.number(), valence: z.number() }),
    byWeekday: insight({ buckets: list(bucket) }),
    byTimeOfDay: insight({ buckets: z.object({ night: bucket, morning: bucket, afternoon: bucket, evening: bucket }).readonly() }),
    trend: insight({ valencePerWeek: z.number(), standardError: z.number(), entries: z.number().int(), days: z.number().int() }),
    bestAndHardestDays: insight({ best: dayMood, hardest: dayMood }),
    tags: insight({ better: list(tagEffect), worse: list(tagEffect) }),
    hugLift: z.object({
      windowHours: z.number(),
      afterHugs: insight(liftFigures.shape),
      afterGroupHugs: insight(liftFigures.shape),
      byFriend: list(z.object({ friendId: z.string(), lift: liftFigures })),
    }),
  })
  .meta({ id: 'MoodSummary' });
assertSameShape<z.output<typeof moodSummaryRecord>, MoodSummaryResult>(true);
