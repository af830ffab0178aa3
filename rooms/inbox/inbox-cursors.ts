/**
 * Hands out each user's inbox cursors, with a memory implementation (one node, seeded from the
 * store) and a Redis one (a cluster).
 *
 * Guarantees: for one user, every cursor handed out is greater than every cursor handed out before
 * it, by any caller, also across restarts; concurrent callers never get the same cursor. Cursors
 * may skip values (a command refused after reserving), so readers never wait for a gap to fill.
 */
export interface InboxCursors {
  /** Reserves `count` consecutive cursors of `userId`; resolves with the first. */
  reserve(userId: string, count?: number): Promise<number>;
  close(): Promise<void>;
}
