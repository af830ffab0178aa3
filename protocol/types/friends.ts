import type { Profile } from './profile.js';

/* Friends as client and server exchange them (zod-free; the schemas are in ../schemas/friends.ts). */

/**
 * The relationship with another user, from the caller's side. A block is never shown to the
 * blocked user: to them it reads as `none`.
 */
export type FriendshipState = 'none' | 'outgoing' | 'incoming' | 'friends' | 'blocked';

/** One row of the friends list. */
export interface FriendEntry {
  readonly profile: Profile;
  readonly state: FriendshipState;
  /** When the relationship reached its current state (epoch ms). */
  readonly since: number;
}

/** `friends:list` result. */
export interface FriendsList {
  readonly friends: readonly FriendEntry[];
  readonly incoming: readonly FriendEntry[];
  readonly outgoing: readonly FriendEntry[];
  readonly blocked: readonly FriendEntry[];
}

/** The result of every friend command: the caller's new state with that user. */
export interface FriendCommandResult {
  readonly userId: string;
  readonly state: FriendshipState;
}
