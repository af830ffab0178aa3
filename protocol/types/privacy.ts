/* Privacy settings as client and server exchange them (zod-free; the schemas are in ../schemas/privacy.ts). */

/** Who sees a user's moods, or their online status: `public` lets non-friends see it. */
export type Audience = 'public' | 'friends' | 'none';

/** Who may send a user hugs. */
export type HugSenders = 'anyone' | 'friends' | 'none';

/** A user's privacy settings. The server enforces them at every fan-out. */
export interface PrivacySettings {
  readonly shareMoodsWith: Audience;
  /** When false, nobody can send this user a friend request. */
  readonly allowFriendRequests: boolean;
  readonly showOnlineStatus: Audience;
  readonly allowHugsFrom: HugSenders;
}
