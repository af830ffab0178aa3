import type { Notification } from '../../protocol/types/notifications.js';

/** A notification as stored: its recipient, and when it was deleted (a tombstone keeps a replayed creation from bringing it back). */
export interface NotificationRecord extends Notification {
  readonly userId: string;
  readonly deletedAt: number | null;
}

/** What {@link NotificationRepository.unreadCount} leaves out. */
export interface UnreadCountOptions {
  /** Count only those after this position (creation time, then id). */
  readonly after?: NotificationPosition | null;
  /** Leave these out. */
  readonly except?: readonly string[];
}

/** Where a page starts: strictly older than this notification. */
export interface NotificationPosition {
  readonly createdAt: number;
  readonly id: string;
}

/**
 * Notifications, read side. Writes go through the write-behind queue (`Store.applyWrites`): a
 * creation is idempotent on the notification's id (made from the event, so an event notifies
 * once), and a user's reads and deletions apply in order after their creations (one queue key per user).
 */
export interface NotificationRepository {
  /** One notification, tombstone included. */
  get(id: string): Promise<NotificationRecord | null>;
  /** Those of `ids` that exist (tombstones included), in no particular order: one query. */
  getMany(ids: readonly string[]): Promise<NotificationRecord[]>;
  /** A user's live notifications, newest first, strictly before `before`; only unread ones with `unreadOnly`. */
  page(userId: string, before: NotificationPosition | null, limit: number, unreadOnly: boolean): Promise<NotificationRecord[]>;
  /**
   * How many live notifications of `userId` are unread: only those strictly after `after` (when
   * given), none of `except`. One query, so each notification is counted as it was at one moment.
   */
  unreadCount(userId: string, options?: UnreadCountOptions): Promise<number>;
  /** How many of `ids` are stored as `userId`'s and read or deleted (a count, no rows read). */
  countSettled(userId: string, ids: readonly string[]): Promise<number>;
  /** Removes (for good, tombstones too) up to `limit` notifications created before `before`; answers how many (retention). */
  removeOlderThan(before: number, limit: number): Promise<number>;
}
