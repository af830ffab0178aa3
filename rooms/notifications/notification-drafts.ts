import type { Person } from '../../domain/notifications/notification-text.js';
import type { HugKindId } from '../../protocol/hug-kinds.js';
import type { HugContext } from '../../protocol/types/hugs.js';
import type { MoodId } from '../../protocol/mood-catalogue.js';
import type { NotificationDraft } from './notifier.js';

/*
 * The notification of each event, keyed by the event (so it is made once per recipient). The
 * actor's name is filled in by the notifier; with no actor (someone deleted) it reads "Someone".
 */

const someone = (actor: Person | null, id: string): Person => actor ?? { id, displayName: 'Someone' };

/** A hug arrived (answering one of the recipient's feed items, with a context). */
export function hugDraft(from: string, hugId: string, kind: HugKindId, message: string | null, context: HugContext | null = null): NotificationDraft {
  return { key: `hug:${hugId}`, actorId: from, build: (actor) => ({ type: 'hug', from: someone(actor, from), hugId, kind, message, context }) };
}

/** Someone asks for a hug. */
export function hugRequestDraft(from: string, requestId: string, message: string | null): NotificationDraft {
  return { key: `hug-request:${requestId}`, actorId: from, build: (actor) => ({ type: 'hug-request', from: someone(actor, from), requestId, message }) };
}

/** A hug request was answered. */
export function hugRequestAnswerDraft(by: string, requestId: string, accepted: boolean, hugId: string | null): NotificationDraft {
  return { key: `hug-request-answer:${requestId}`, actorId: by, build: (actor) => ({ type: 'hug-request-answer', by: someone(actor, by), requestId, accepted, hugId }) };
}

/** A friend request, made at `since` (a request made again later is a new event). */
export function friendRequestDraft(from: string, since: number): NotificationDraft {
  return { key: `friend-request:${from}:${since}`, actorId: from, build: (actor) => ({ type: 'friend-request', from: someone(actor, from) }) };
}

/** A friend request accepted, at `since`. */
export function friendAcceptedDraft(by: string, since: number): NotificationDraft {
  return { key: `friend-accepted:${by}:${since}`, actorId: by, build: (actor) => ({ type: 'friend-accepted', by: someone(actor, by) }) };
}

/** An invite to a group hug. */
export function groupInviteDraft(from: string, groupId: string, title: string): NotificationDraft {
  return { key: `group-invite:${groupId}`, actorId: from, build: (actor) => ({ type: 'group-invite', from: someone(actor, from), groupId, title }) };
}

/** A group hug you joined, scheduled for `startsAt`, starts in `startsInMs` (one notice per schedule). */
export function groupStartingDraft(groupId: string, title: string, startsAt: number, startsInMs: number): NotificationDraft {
  return { key: `group-starting:${groupId}:${startsAt}`, actorId: null, build: () => ({ type: 'group-starting', groupId, title, startsAt, startsInMs }) };
}

/** Your streak reached a milestone, on a local date. */
export function milestoneDraft(days: number, localDate: string): NotificationDraft {
  return { key: `streak-milestone:${days}:${localDate}`, actorId: null, build: () => ({ type: 'streak-milestone', days }) };
}

/** A close friend recorded a mood. */
export function friendMoodDraft(friend: string, moodId: string, mood: MoodId): NotificationDraft {
  return { key: `friend-mood:${moodId}`, actorId: friend, build: (actor) => ({ type: 'friend-mood', friend: someone(actor, friend), moodId, mood }) };
}

/** The daily mood reminder of a local date. */
export function reminderDraft(localDate: string): NotificationDraft {
  return { key: `mood-reminder:${localDate}`, actorId: null, build: () => ({ type: 'mood-reminder' }) };
}
