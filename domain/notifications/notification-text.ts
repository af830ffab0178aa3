import type { HugContext } from '../../protocol/types/hugs.js';
import { HUG_KINDS, type HugKindId } from '../../protocol/hug-kinds.js';
import { MOODS, type MoodId } from '../../protocol/mood-catalogue.js';
import type { NotificationType } from '../../protocol/notification-types.js';
import type { NotificationData } from '../../protocol/types/notifications.js';

/** Someone named in a notification. */
export interface Person {
  readonly id: string;
  readonly displayName: string;
}

/** The events a notification is made of, each for its one recipient. */
export type NotificationEvent =
  | { readonly type: 'hug'; readonly from: Person; readonly hugId: string; readonly kind: HugKindId; readonly message: string | null; readonly context?: HugContext | null }
  | { readonly type: 'hug-request'; readonly from: Person; readonly requestId: string; readonly message: string | null }
  | { readonly type: 'hug-request-answer'; readonly by: Person; readonly requestId: string; readonly accepted: boolean; readonly hugId: string | null }
  | { readonly type: 'friend-request'; readonly from: Person }
  | { readonly type: 'friend-accepted'; readonly by: Person }
  | { readonly type: 'group-invite'; readonly from: Person; readonly groupId: string; readonly title: string }
  | { readonly type: 'group-starting'; readonly groupId: string; readonly title: string; readonly startsAt: number; readonly startsInMs: number }
  | { readonly type: 'streak-milestone'; readonly days: number }
  | { readonly type: 'friend-mood'; readonly friend: Person; readonly moodId: string; readonly mood: MoodId }
  | { readonly type: 'mood-reminder' };

/** A notification's words and what it opens. */
export interface NotificationContent {
  readonly type: NotificationType;
  readonly title: string;
  readonly body: string;
  readonly data: NotificationData;
  /** Who caused it (for muting), null for none. */
  readonly actorId: string | null;
}

/** Longest body, in characters: a push shows a line or two, and the payload stays small. */
export const MAX_NOTIFICATION_BODY = 120;

function clip(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_NOTIFICATION_BODY ? text : `${chars.slice(0, MAX_NOTIFICATION_BODY - 1).join('')}…`;
}

/**
 * The notification for `event`. With `previews` off, what someone wrote or felt (a hug's message, a
 * request's note, a group hug's title, a friend's mood) stays out of it: only who did what. Pure.
 */
/** What a hug answering a feed item was for. */
const FOR_YOUR: { readonly [T in HugContext['type']]: string } = { mood: 'for your mood', 'streak-milestone': 'for your streak', friendship: 'for your new friendship' };

export function notificationContent(event: NotificationEvent, previews: boolean): NotificationContent {
  const said = (message: string | null, otherwise: string) => clip(previews && message ? message : otherwise);
  switch (event.type) {
    case 'hug': {
      const kind = HUG_KINDS[event.kind];
      const title = `${event.from.displayName} sent you a ${kind.label.toLowerCase()}${event.context ? ` ${FOR_YOUR[event.context.type]}` : ''} ${kind.emoji}`;
      const data = { userId: event.from.id, hugId: event.hugId, ...(event.context ? { activityId: event.context.activityId } : {}) };
      return { type: event.type, title, body: said(event.message, 'Open HugMood to feel it.'), data, actorId: event.from.id };
    }
    case 'hug-request':
      return { type: event.type, title: `${event.from.displayName} could use a hug`, body: said(event.message, 'Send one back?'), data: { userId: event.from.id, requestId: event.requestId }, actorId: event.from.id };
    case 'hug-request-answer':
      return {
        type: event.type,
        title: event.accepted ? `${event.by.displayName} sent the hug you asked for` : `${event.by.displayName} can't hug right now`,
        body: event.accepted ? 'Open HugMood to feel it.' : 'Maybe later.',
        data: { userId: event.by.id, requestId: event.requestId, ...(event.hugId ? { hugId: event.hugId } : {}) },
        actorId: event.by.id,
      };
    case 'friend-request':
      return { type: event.type, title: `${event.from.displayName} wants to be friends`, body: 'Accept to share hugs and moods.', data: { userId: event.from.id }, actorId: event.from.id };
    case 'friend-accepted':
      return { type: event.type, title: `${event.by.displayName} accepted your friend request`, body: 'Say hi with a hug.', data: { userId: event.by.id }, actorId: event.by.id };
    case 'group-invite':
      return { type: event.type, title: `${event.from.displayName} invited you to a group hug`, body: said(event.title, 'Open HugMood to join.'), data: { userId: event.from.id, groupId: event.groupId }, actorId: event.from.id };
    case 'group-starting':
      return { type: event.type, title: `Your group hug starts ${startingIn(event.startsInMs)}`, body: said(event.title, 'Open HugMood to join in.'), data: { groupId: event.groupId, startsAt: event.startsAt }, actorId: null };
    case 'streak-milestone':
      return { type: event.type, title: `${event.days} days in a row 🔥`, body: `You recorded a mood every day for ${event.days} days.`, data: { streak: event.days }, actorId: null };
    case 'friend-mood': {
      const mood = MOODS[event.mood];
      const title = previews ? `${event.friend.displayName} feels ${mood.label.toLowerCase()} ${mood.emoji}` : `${event.friend.displayName} shared how they feel`;
      return { type: event.type, title, body: 'Send a hug?', data: { userId: event.friend.id, moodId: event.moodId }, actorId: event.friend.id };
    }
    case 'mood-reminder':
      return { type: event.type, title: 'How are you feeling today?', body: 'Take a moment to record your mood.', data: {}, actorId: null };
  }
}

/** "in a minute", "in 5 minutes", or "in a moment" under 45 s. */
function startingIn(ms: number): string {
  if (ms < 45_000) return 'in a moment';
  const minutes = Math.round(ms / 60_000);
  return minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`;
}
