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

/** Whether friends hear a mood of `visibility` live (one emit to the author's mood room), as the author shares moods now. */
export function showsToFriends(visibility: MoodVisibility, privacy: Pick<PrivacySettings, 'shareMoodsWith'>): boolean {
  return effectiveVisibility(visibility, privacy) !== 'private';
}

/** Whether any of the author's moods show to friends: what friends see changes when this does. */
export function friendsSeeMoods(privacy: Pick<PrivacySettings, 'shareMoodsWith'>): boolean {
  return privacy.shareMoodsWith !== 'none';
}

/** The visibilities of the moods a friend sees while the author shares moods with friends. */
export const FRIEND_VISIBILITIES: readonly MoodVisibility[] = ['friends', 'public'];

/** The visibilities of the moods a friend sees (none while the author shares moods with no one). */
export function friendVisibilities(privacy: Pick<PrivacySettings, 'shareMoodsWith'>): readonly MoodVisibility[] {
  return friendsSeeMoods(privacy) ? FRIEND_VISIBILITIES : [];
}
