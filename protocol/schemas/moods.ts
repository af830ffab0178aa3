import { z } from 'zod';
import { userIdSchema } from '../ids.js';
import { MAX_MOOD_NOTE, MAX_MOOD_TAG, MAX_MOOD_TAGS, MAX_PAGE } from '../limits.js';
import { MOOD_IDS } from '../mood-catalogue.js';
import { clientIdSchema } from './hugs.js';
import { lineOfText, paragraphOfText } from './text.js';
import { timeZoneSchema } from './time-zone.js';

/** A mood id: server-made, deterministic, URL-safe. */
export const moodIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a mood id');

const moodSchema = z.enum(MOOD_IDS, { error: `must be one of ${MOOD_IDS.join(', ')}` });
const intensitySchema = z.number().min(0).max(1);
const valenceSchema = z.number().min(-1).max(1);
const arousalSchema = z.number().min(0).max(1);
const noteSchema = paragraphOfText(MAX_MOOD_NOTE);
/** Tags, each a short line; repeats are dropped (the first spelling kept). */
const tagsSchema = z
  .array(lineOfText(1, MAX_MOOD_TAG))
  .max(MAX_MOOD_TAGS)
  .transform((tags) => [...new Set(tags)]);

/** Who may see a mood (never wider than the author's `shareMoodsWith`). */
export const moodVisibilitySchema = z.enum(['private', 'friends', 'public']);

/**
 * `mood:record`: record how you feel now. `valence` and `arousal` default to the mood's;
 * `visibility` defaults to your `shareMoodsWith` and is narrowed to it. Retrying with the same
 * `clientId` never records twice.
 */
export const moodRecordSchema = z.object({
  mood: moodSchema,
  intensity: intensitySchema,
  valence: valenceSchema.optional(),
  arousal: arousalSchema.optional(),
  note: noteSchema.optional(),
  tags: tagsSchema.optional(),
  visibility: moodVisibilitySchema.optional(),
  timeZone: timeZoneSchema,
  clientId: clientIdSchema,
});

/** `mood:update`: change one of your moods (at least one field; `note: null` removes the note). */
export const moodUpdateSchema = z
  .object({
    moodId: moodIdSchema,
    mood: moodSchema.optional(),
    intensity: intensitySchema.optional(),
    valence: valenceSchema.optional(),
    arousal: arousalSchema.optional(),
    note: noteSchema.nullable().optional(),
    tags: tagsSchema.optional(),
    visibility: moodVisibilitySchema.optional(),
  })
  .refine((u) => Object.keys(u).some((k) => k !== 'moodId' && u[k as keyof typeof u] !== undefined), { message: 'must change at least one field', path: ['moodId'] });

/** `mood:delete`: remove one of your moods (friends who saw it hear so). */
export const moodDeleteSchema = z.object({ moodId: moodIdSchema });

/** `mood:streak`: your streak, or a friend's where their privacy allows; `timeZone` (default UTC) says what "today" is. */
export const moodStreakSchema = z.object({ userId: userIdSchema.optional(), timeZone: timeZoneSchema.optional() });

/** `mood:history`: your moods, or those a friend lets you see, newest first, one page at a time. */
export const moodHistorySchema = z.object({
  userId: userIdSchema.optional(),
  /** Continue after this page token (the `next` of the previous page). */
  before: z.string().max(128).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
});

/** `mood:summary`: insights over your last `days` days. */
export const moodSummarySchema = z.object({ days: z.union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)]) });

/**
 * `mood:friends`: the latest mood and streak of each friend whose moods show to you, and from now on
 * this connection hears their moods live (`mood:friend-update`, `-removed`, `-hidden`), new friends
 * included. Ask again after a reconnect.
 */
export const moodFriendsSchema = z.object({});

export type { FriendMood, MoodEntry, MoodHistoryPage, MoodRecordResult, MoodStreakView, MoodVisibility } from '../types/moods.js';
