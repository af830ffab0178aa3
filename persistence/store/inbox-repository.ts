import type { InboxEntryType } from '../../protocol/schemas/inbox.js';

/**
 * One entry of a user's inbox as stored: a reference to what happened (`ref`: a hug id or request
 * id) plus the fields that belong to the event itself. Hugs and requests are joined in at read
 * time, so a synced entry shows their current state (read, answered).
 */
export interface InboxRecord {
  readonly userId: string;
  readonly cursor: number;
  readonly id: string;
  readonly type: InboxEntryType;
  readonly ref: string;
  readonly createdAt: number;
  /** Event fields: `{ accepted }` for an answer, `{ by, readAt }` for a receipt, `{}` otherwise. */
  readonly data: Readonly<Record<string, string | number | boolean | null>>;
}

/** Inboxes, read side. Writes go through the write-behind queue. */
export interface InboxRepository {
  /** Entries of `userId` with a cursor above `after`, in cursor order. */
  after(userId: string, after: number, limit: number): Promise<InboxRecord[]>;
  /** The highest cursor of `userId`, 0 when the inbox is empty. */
  lastCursor(userId: string): Promise<number>;
}
