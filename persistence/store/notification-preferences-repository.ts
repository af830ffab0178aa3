import type { DailyReminderSetting, NotificationPreferences, NotificationPreferencesPatch } from '../../protocol/types/notifications.js';

/**
 * Users' notification preferences, written directly (a change must hold for the very next
 * notification). A user who never changed them reads the defaults; a type added later reads its
 * catalogue default until the user sets it.
 */
export interface NotificationPreferencesRepository {
  get(userId: string): Promise<NotificationPreferences>;
  /** Every user with a daily reminder, and the reminder (the embedded scheduler loads them at start). */
  dailyReminders(): Promise<{ readonly userId: string; readonly reminder: DailyReminderSetting }[]>;
  /** The users who marked `userId` a close friend (a mood of `userId`'s may notify them). */
  closeWatchersOf(userId: string): Promise<string[]>;
  /** Applies `patch` as one atomic read-modify-write, however many nodes change the same user's at once. */
  update(userId: string, patch: NotificationPreferencesPatch): Promise<{ readonly before: NotificationPreferences; readonly after: NotificationPreferences }>;
}
