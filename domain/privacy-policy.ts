import type { PrivacySettings } from '../protocol/schemas/privacy.js';
import type { Relationship } from './relationship.js';

/**
 * The two presence rooms of a user: friends watch through `friends`, non-friends (allowed only
 * while the user shares their status publicly) through `public`.
 */
export type PresenceAudience = 'friends' | 'public';

/**
 * Which presence room `viewer` may join to watch a subject with `privacy`, or `null` when the
 * watch is forbidden. A friend may always watch; what they see depends on {@link isPresenceVisible}.
 */
export function presenceWatchAudience(relationship: Relationship, privacy: PrivacySettings): PresenceAudience | null {
  switch (relationship) {
    case 'self':
    case 'friends':
      return 'friends';
    case 'stranger':
      return privacy.showOnlineStatus === 'public' ? 'public' : null;
    case 'blocked':
      return null;
  }
}

/** Whether members of `audience` see the real status (otherwise `hidden`, or no room at all). */
export function isPresenceVisible(audience: PresenceAudience, privacy: PrivacySettings): boolean {
  return audience === 'friends' ? privacy.showOnlineStatus !== 'none' : privacy.showOnlineStatus === 'public';
}

/** The audiences that see a status change under `privacy`; a change is one emit to these rooms. */
export function visiblePresenceAudiences(privacy: PrivacySettings): PresenceAudience[] {
  const audiences: PresenceAudience[] = [];
  if (isPresenceVisible('friends', privacy)) audiences.push('friends');
  if (isPresenceVisible('public', privacy)) audiences.push('public');
  return audiences;
}

/** What a privacy change means for each presence room of the user who made it. */
export interface PresenceAudienceChange {
  /** Friends watching now see the status (`shown`), now see `hidden`, or nothing changed. */
  readonly friends: 'shown' | 'hidden' | 'unchanged';
  /** Non-friends lost the right to watch (`revoked`), or nothing changed. */
  readonly public: 'revoked' | 'unchanged';
}

/** Compares two privacy settings as presence watchers experience them. */
export function presenceAudienceChange(before: PrivacySettings, after: PrivacySettings): PresenceAudienceChange {
  const friendsBefore = isPresenceVisible('friends', before);
  const friendsAfter = isPresenceVisible('friends', after);
  return {
    friends: friendsBefore === friendsAfter ? 'unchanged' : friendsAfter ? 'shown' : 'hidden',
    public: isPresenceVisible('public', before) && !isPresenceVisible('public', after) ? 'revoked' : 'unchanged',
  };
}

/** Whether `relationship` allows seeing a subject's profile. Blocks hide it both ways. */
export function canViewProfile(relationship: Relationship): boolean {
  return relationship !== 'blocked';
}

/** Whether a viewer may send a hug to a subject with `privacy`. */
export function canSendHug(relationship: Relationship, privacy: PrivacySettings): boolean {
  switch (relationship) {
    case 'self':
    case 'blocked':
      return false;
    case 'friends':
      return privacy.allowHugsFrom !== 'none';
    case 'stranger':
      return privacy.allowHugsFrom === 'anyone';
  }
}
