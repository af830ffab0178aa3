import type { PrivacySettings } from '../../protocol/schemas/privacy.js';

/**
 * What must follow a change in who may see whom, for listeners already subscribed: presence
 * watchers and friends listening to moods. The friends and privacy services call it after the
 * change is stored.
 */
export interface RelationshipChanges {
  /** `a` and `b` became friends. */
  friendshipStarted(a: string, b: string): Promise<void>;
  /** `a` and `b` are no longer friends (an unfriend; a block calls {@link blocked}). */
  friendshipEnded(a: string, b: string): void;
  /** `blocker` blocked `blocked`; `wereFriends` says whether they were friends until now. */
  blocked(blocker: string, blocked: string, wereFriends: boolean): void;
  /** `userId` changed their privacy settings from `before` to `after`. */
  privacyChanged(userId: string, before: PrivacySettings, after: PrivacySettings): Promise<void>;
}

/** One {@link RelationshipChanges} that tells each of `parts`, in order. */
export function allRelationshipChanges(parts: readonly RelationshipChanges[]): RelationshipChanges {
  return {
    friendshipStarted: async (a, b) => {
      for (const part of parts) await part.friendshipStarted(a, b);
    },
    friendshipEnded: (a, b) => {
      for (const part of parts) part.friendshipEnded(a, b);
    },
    blocked: (blocker, blocked, wereFriends) => {
      for (const part of parts) part.blocked(blocker, blocked, wereFriends);
    },
    privacyChanged: async (userId, before, after) => {
      for (const part of parts) await part.privacyChanged(userId, before, after);
    },
  };
}
