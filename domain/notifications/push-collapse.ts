import type { NotificationType } from '../../protocol/notification-types.js';
import type { NotificationData } from '../../protocol/types/notifications.js';
import type { NotificationContent } from './notification-text.js';

/** What one push says: one notification, or several of one type collapsed. */
export interface PushMessage {
  readonly type: NotificationType;
  readonly title: string;
  readonly body: string;
  /** The ids to open: the latest notification's. */
  readonly data: NotificationData;
  /** How many notifications it stands for. */
  readonly count: number;
  /**
   * Pushes with the same key replace each other on the device (Web Push `Topic`, FCM `collapse_key`,
   * APNs `apns-collapse-id`): at most 32 URL-safe characters.
   */
  readonly collapseKey: string;
}

/** How several notifications of a type read, collapsed. */
const MANY: { readonly [T in NotificationType]: (n: number) => string } = {
  hug: (n) => `${n} new hugs 🤗`,
  'hug-request': (n) => `${n} friends could use a hug`,
  'hug-request-answer': (n) => `${n} answers to your hug requests`,
  'friend-request': (n) => `${n} new friend requests`,
  'friend-accepted': (n) => `${n} friend requests accepted`,
  'group-invite': (n) => `${n} group hug invites`,
  'group-starting': (n) => `${n} group hugs start in a minute`,
  'streak-milestone': () => 'A new streak milestone 🔥',
  'friend-mood': (n) => `${n} friends shared how they feel`,
  'mood-reminder': () => 'How are you feeling today?',
};

/** The collapse key of a type: one slot per type on each device. */
export function collapseKeyOf(type: NotificationType): string {
  return `hm-${type}`.slice(0, 32);
}

/**
 * One push for `items` (oldest first, all of one type, at least one): the item itself when it is
 * alone, else "3 new hugs" with the latest item's ids. Pure.
 */
export function collapsePush(items: readonly NotificationContent[]): PushMessage {
  const latest = items.at(-1);
  if (!latest) throw new RangeError('a push needs at least one notification');
  if (items.some((i) => i.type !== latest.type)) throw new RangeError('a push collapses notifications of one type only');
  return collapsedPush(latest, items.length);
}

/** One push for `count` notifications of `latest`'s type, `latest` the newest (as {@link collapsePush}). Pure. */
export function collapsedPush(latest: NotificationContent, count: number): PushMessage {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('a push stands for at least one notification');
  const collapseKey = collapseKeyOf(latest.type);
  if (count === 1) return { type: latest.type, title: latest.title, body: latest.body, data: latest.data, count: 1, collapseKey };
  return { type: latest.type, title: MANY[latest.type](count), body: latest.title, data: latest.data, count, collapseKey };
}
