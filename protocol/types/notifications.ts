import type { ChannelSettings, NotificationChannel, NotificationType } from '../notification-types.js';

/*
 * Notifications as client and server exchange them: plain types, no zod, so the SDK's published
 * types need nothing else. The zod schemas of the commands live in ../schemas/notifications.ts.
 */

/** What a notification opens: the ids of what it is about (never private text). */
export interface NotificationData {
  readonly userId?: string;
  readonly hugId?: string;
  readonly requestId?: string;
  readonly groupId?: string;
  readonly moodId?: string;
  readonly streak?: number;
  /** When a group hug starts (server time). */
  readonly startsAt?: number;
  /** The feed item a hug answered. */
  readonly activityId?: string;
}

/** One notification, as its recipient reads it. */
export interface Notification {
  readonly id: string;
  readonly type: NotificationType;
  readonly title: string;
  readonly body: string;
  readonly data: NotificationData;
  /** Server time, epoch ms. */
  readonly createdAt: number;
  /** When it was read, or null while unread. */
  readonly readAt: number | null;
}

/** A wall-clock time of day in the user's zone, `HH:MM`. */
export type ClockTime = string;

/** Quiet hours: no push between `start` and `end` (may span midnight) in `timeZone`. */
export interface QuietHours {
  readonly start: ClockTime;
  readonly end: ClockTime;
  readonly timeZone: string;
}

/** A daily mood reminder: every day at `time` on the clocks of `timeZone` (skipped on a day you recorded a mood). */
export interface DailyReminderSetting {
  readonly time: ClockTime;
  readonly timeZone: string;
}

/** A user's notification preferences. */
export interface NotificationPreferences {
  /** Per type, per channel. */
  readonly channels: { readonly [T in NotificationType]: ChannelSettings };
  /** Null: none. */
  readonly quietHours: QuietHours | null;
  /** Friends whose hugs, requests and moods notify you of nothing (they still arrive). */
  readonly mutedUserIds: readonly string[];
  /** Friends whose moods notify you (`friend-mood`, on by default for them), when you may see the mood. */
  readonly closeUserIds: readonly string[];
  /** Show a hug's message or a request's text in pushes; off: "Ana sent you a hug" only. */
  readonly previews: boolean;
  /** Push even while a device of yours is connected. */
  readonly pushWhileConnected: boolean;
  /** Your daily mood reminder (a `mood-reminder` notification), or null for none. */
  readonly dailyReminder: DailyReminderSetting | null;
}

/** A change to preferences: each field optional; `channels` per type and channel. */
export interface NotificationPreferencesPatch {
  readonly channels?: { readonly [T in NotificationType]?: Partial<ChannelSettings> };
  readonly quietHours?: QuietHours | null;
  readonly mutedUserIds?: readonly string[];
  readonly closeUserIds?: readonly string[];
  readonly previews?: boolean;
  readonly pushWhileConnected?: boolean;
  readonly dailyReminder?: DailyReminderSetting | null;
}

/** `notification:list`: a page of your notifications, newest first. */
export interface NotificationPage {
  readonly notifications: readonly Notification[];
  /** Pass as `before` for the next (older) page; null at the end. */
  readonly next: string | null;
  /** How many of yours are unread now. */
  readonly unread: number;
}

/** `notification:read`: what is unread now, and the time the notifications were read at. */
export interface NotificationReadResult {
  readonly unread: number;
  readonly readAt: number;
}

/** `notification:delete`: what is unread now, and which of the ids were yours and are gone. */
export interface NotificationDeleteResult {
  readonly unread: number;
  readonly deleted: readonly string[];
}

/** `notification:unread-count`. */
export interface UnreadCount {
  readonly unread: number;
}

export type { NotificationChannel, NotificationType };
