/**
 * Account deletion.
 *
 * `delete` removes a user's profile, friendships and blocks (both ways), refresh tokens, inbox,
 * the hugs and hug requests sent to them and their hug requests, their moods and streak, and
 * leaves a tombstone. The hugs
 * they sent are kept for their recipients, anonymised: the sender becomes `DELETED_USER_ID` and the
 * message is dropped; receipts and invitations they left in others' inboxes name
 * `DELETED_USER_ID` too. It is idempotent, and writes that reach the store after it (queued
 * before it, applied late by the write-behind) land as if they had come before it: a tombstoned
 * recipient's entries are not written, a tombstoned sender's hugs land anonymised.
 */
export interface AccountRepository {
  delete(userId: string, at: number): Promise<void>;
  /** Whether `userId` was deleted (has a tombstone). */
  isDeleted(userId: string): Promise<boolean>;
}
