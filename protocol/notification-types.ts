/**
 * What a person can be notified of, and how by default. Each type names the event it stands for
 * and the channels it uses unless the user changes them. Email is a port with no provider yet.
 */

/** The ways a notification reaches a person. */
export const NOTIFICATION_CHANNELS = ['in_app', 'push', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A channel setting per channel. */
export type ChannelSettings = { readonly [C in NotificationChannel]: boolean };

/** Every notification type: the event, who receives it, and its default channels. */
export const NOTIFICATION_TYPES = {
  /** A hug arrived for you. */
  hug: { in_app: true, push: true, email: false },
  /** Someone asks you for a hug. */
  'hug-request': { in_app: true, push: true, email: false },
  /** Your hug request was answered. */
  'hug-request-answer': { in_app: true, push: true, email: false },
  /** Someone asks to be your friend. */
  'friend-request': { in_app: true, push: true, email: false },
  /** Someone accepted your friend request. */
  'friend-accepted': { in_app: true, push: true, email: false },
  /** You are invited to a group hug. */
  'group-invite': { in_app: true, push: true, email: false },
  /** A group hug you joined starts in a minute. */
  'group-starting': { in_app: true, push: true, email: false },
  /** Your mood streak reached 3, 7, 30, 100 or 365 days. */
  'streak-milestone': { in_app: true, push: false, email: false },
  /** A friend you marked close recorded a mood you may see (marking a friend close is the opt-in; nobody is close by default). */
  'friend-mood': { in_app: true, push: true, email: false },
  /** Your daily mood reminder. */
  'mood-reminder': { in_app: false, push: true, email: false },
} as const satisfies Readonly<Record<string, ChannelSettings>>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;

/** Every notification type, in catalogue order. */
export const NOTIFICATION_TYPE_IDS = Object.keys(NOTIFICATION_TYPES) as [NotificationType, ...NotificationType[]];
