import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { MoodVisibility } from '../../protocol/types/moods.js';
import type { Relationship } from '../relationship.js';

/** Visibilities from narrowest to widest. */
const ORDER: readonly MoodVisibility[] = ['private', 'friends', 'public'];

/** The widest visibility `shareMoodsWith` allows. */
function widest(privacy: Pick<PrivacySettings, 'shareMoodsWith'>): MoodVisibility {
  switch (privacy.shareMoodsWith) {
    case 'none':
      return 'private';
    case 'friends':
      return 'friends';
    case 'public':
      return 'public';
  }
}

/** The narrower of two visibilities. */
function narrower(a: MoodVisibility, b: MoodVisibility): MoodVisibility {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

/** A new mood's visibility: what the author asked for (default: their `shareMoodsWith`), never wider than it. */
export function recordedVisibility(requested: MoodVisibility | undefined, privacy: Pick<PrivacySettings, 'shareMoodsWith'>): MoodVisibility {
  return narrower(requested ?? widest(privacy), widest(privacy));
}

/**
 * Who sees a mood now: its own visibility narrowed by the author's `shareMoodsWith` today, so a
 * privacy change hides older moods at once.
 */
export function effectiveVisibility(visibility: MoodVisibility, privacy: Pick<PrivacySettings, 'shareMoodsWith'>): MoodVisibility {
  return narrower(visibility, widest(privacy));
}

/** Whether a viewer standing in `relationship` to the author sees a mood of `visibility`. */
export function canSeeMood(relationship: Relationship, privacy: Pick<PrivacySettings, 'shareMoodsWith'>, visibility: MoodVisibility): boolean {
  const effective = effectiveVisibility(visibility, privacy);
  switch (relationship) {
    case 'self':
      return true;
    case 'blocked':
      return false;
    case 'friends':
      return effective !== 'private';
    case 'stranger':
      return effective === 'public';
  }
}

/** The mood rooms of the author that hear a mood of `visibility` live: one emit to each. */
export function moodAudiences(visibility: MoodVisibility, privacy: Pick<PrivacySettings, 'shareMoodsWith'>): ('friends' | 'public')[] {
  switch (effectiveVisibility(visibility, privacy)) {
    case 'private':
      return [];
    case 'friends':
      return ['friends'];
    case 'public':
      return ['friends', 'public'];
  }
}
