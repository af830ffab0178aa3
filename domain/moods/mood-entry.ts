import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import { MOODS, type MoodId } from '../../protocol/mood-catalogue.js';
import type { MoodEntry, MoodVisibility } from '../../protocol/types/moods.js';
import { localDateOf } from '../local-time.js';
import { recordedVisibility } from './mood-visibility.js';

/** What a `mood:record` asks for, validated. */
export interface MoodAsked {
  readonly mood: MoodId;
  readonly intensity: number;
  readonly valence?: number | undefined;
  readonly arousal?: number | undefined;
  readonly note?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly visibility?: MoodVisibility | undefined;
  readonly timeZone: string;
}

/**
 * The entry a `mood:record` makes: valence and arousal default to the mood's, the note to none,
 * the visibility to the author's `shareMoodsWith` (and never wider), and the date is the one `at`
 * falls on in the zone the author sent.
 */
export function moodEntryOf(id: string, userId: string, asked: MoodAsked, privacy: Pick<PrivacySettings, 'shareMoodsWith'>, at: number): MoodEntry {
  const defaults = MOODS[asked.mood];
  return {
    id,
    userId,
    mood: asked.mood,
    intensity: asked.intensity,
    valence: asked.valence ?? defaults.valence,
    arousal: asked.arousal ?? defaults.arousal,
    note: asked.note === undefined || asked.note === '' ? null : asked.note,
    tags: asked.tags ?? [],
    visibility: recordedVisibility(asked.visibility, privacy),
    timeZone: asked.timeZone,
    localDate: localDateOf(at, asked.timeZone),
    recordedAt: at,
    updatedAt: null,
  };
}
