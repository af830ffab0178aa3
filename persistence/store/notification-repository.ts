import type { Notification } from '../../protocol/types/notifications.js';

/** A notification as stored: its recipient, and when it was deleted (a tombstone keeps a replayed creation from bringing it back). */
export interface NotificationRecord extends Notification {
  readonly userId: string;
  readonly deletedAt: number | null;
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
  /** A user's live notifications, newest first, strictly before `before`; only unread ones with `unreadOnly`. */
  page(userId: string, before: NotificationPosition | null, limit: number, unreadOnly: boolean): Promise<NotificationRecord[]>;
  /** How many live notifications of `userId` are unread. */
  unreadCount(userId: string): Promise<number>;
  /** Removes (for good, tombstones too) up to `limit` notifications created before `before`; answers how many (retention). */
  removeOlderThan(before: number, limit: number): Promise<number>;
}
