/**
 * A persistence operation produced by a command. Its `id` is deterministic (derived from what it
 * writes), so applying it twice is harmless; its `key` names the record it touches, and the
 * queue keeps operations of one key in order.
 */
export type WriteOperation = UserLastSeenOperation;

/** Raise a user's `lastSeenAt` (monotonic, so replays are harmless). */
export interface UserLastSeenOperation {
  readonly type: 'user.last-seen';
  readonly id: string;
  readonly key: string;
  readonly userId: string;
  readonly at: number;
}

/** Builds the operation recording that `userId` was last seen at `at`. */
export function userLastSeen(userId: string, at: number): UserLastSeenOperation {
  return { type: 'user.last-seen', id: `user.last-seen:${userId}:${at}`, key: `user:${userId}`, userId, at };
}
