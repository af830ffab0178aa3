import type { ProtocolError } from './errors.js';
import type { FriendshipState } from './types/friends.js';
import type { GroupHugChanges, GroupHugSummary } from './types/group-hugs.js';
import type { InboxEntry, InboxEntryType } from './types/inbox.js';
import type { MoodEntry, MoodStreakView } from './types/moods.js';
import type { FeedItem } from './types/feed.js';
import type { UserPresence } from './types/presence.js';
import type { PrivacySettings } from './types/privacy.js';
import type { Profile } from './types/profile.js';

/** Every server→client event carries the server time at which it was emitted (epoch ms). */
export interface Stamped {
  readonly at: number;
}

/** Sent to watchers of a user (room `presence:{userId}:*`) when that user's presence changes. */
export type PresenceUpdateEvent = UserPresence & Stamped;

/**
 * Sent to a watcher whose right to watch `userId` ended (unfriend, block, or the user stopped
 * sharing their status publicly). The watcher has been removed from the user's room; the SDK
 * watches again, and the server decides afresh.
 */
export interface PresenceRevokedEvent extends Stamped {
  readonly userId: string;
}

/** Sent to both parties when a friendship changes; `state` is from the receiver's side. */
export interface FriendUpdateEvent extends Stamped {
  readonly userId: string;
  readonly state: FriendshipState;
  readonly profile: Profile;
}

/** Sent to a user's friends and their own devices when their profile changes. */
export interface ProfileUpdatedEvent extends Stamped {
  readonly profile: Profile;
}

/** Sent to a user's own devices when their privacy settings change. */
export interface PrivacyUpdatedEvent extends Stamped {
  readonly privacy: PrivacySettings;
}

/** Sent to one socket shortly before its access token expires. Answer with `auth:refresh`. */
export interface AuthExpiringEvent extends Stamped {
  readonly expiresAt: number;
}

/**
 * Why the server ended a session:
 * - `token_expired`: the access token ran out without an `auth:refresh`.
 * - `server_shutdown`: the node is stopping; reconnect (another node may take you).
 * - `rate_limited`: the connection kept exceeding its rate limits; reconnect after `retryAfterMs`.
 * - `account_deleted`: the account was deleted. Final: do not reconnect.
 */
export type SessionEndReason = 'token_expired' | 'server_shutdown' | 'rate_limited' | 'account_deleted';

/** Sent to one socket right before the server disconnects it. */
export interface SessionEndedEvent extends Stamped {
  readonly reason: SessionEndReason;
  /** With `server_shutdown` and `rate_limited`: reconnect after about this long, not sooner. */
  readonly retryAfterMs?: number;
}

/** Sent when a client emits an event without an ack that the server refused (unknown, malformed). */
export interface CommandRejectedEvent extends Stamped {
  readonly event: string;
  readonly error: ProtocolError;
}

/** An inbox entry pushed live; the same entry comes through `inbox:sync` (deduplicate by `id`). */
export type LiveInboxEvent<T extends InboxEntryType> = Extract<InboxEntry, { readonly type: T }> & Stamped;

/**
 * To your devices (room `user:{you}`): a new notification, and how many of yours are unread with
 * it. It is an inbox entry too: one missed while offline comes through `inbox:sync`.
 */
export type NotificationNewEvent = LiveInboxEvent<'notification'> & { readonly unread: number };

/**
 * To your devices: notifications were read or deleted (on one of them), and how many are unread
 * now. `unread` was counted at `at`: keep the value of the latest `at` you heard.
 */
export interface NotificationReadStateEvent extends Stamped {
  readonly unread: number;
  /** Read by id, or every one up to (and including) `readUpTo`. */
  readonly readIds: readonly string[];
  readonly readUpTo: string | null;
  readonly deletedIds: readonly string[];
}

/**
 * To the connections that read the feed (`feed:get`) of a friend of the item's author: a new item,
 * shown to you as `feed:get` would show it.
 */
export interface FeedNewEvent extends Stamped {
  readonly item: FeedItem;
}

/** Sent to a hug's sender (room `user:{from}`) when a device of the recipient acknowledged it. */
export interface HugDeliveredEvent extends Stamped {
  readonly hugId: string;
  readonly to: string;
  readonly deliveredAt: number;
}

/** Sent to the recipient's own devices (room `user:{to}`) when one of them marked a hug read. */
export interface HugReadStateEvent extends Stamped {
  readonly hugId: string;
  readonly readAt: number;
}

/**
 * To room `group:{id}`: the changes to a group hug from version `fromVersion` to `version` (one
 * command, or a batch of them). Apply a diff whose `fromVersion` is your version; skip older ones;
 * on a gap, fetch the snapshot (`group:get`).
 */
export interface GroupStateEvent extends GroupHugChanges, Stamped {
  readonly groupId: string;
  readonly fromVersion: number;
}

/** To room `group:{id}` while live, at most 10 times a second: the group's shared squeeze. */
export interface GroupPulseEvent extends Stamped {
  readonly groupId: string;
  /** 0..1, smoothed over the last few pulses. */
  readonly warmth: number;
  readonly participantsSqueezing: number;
  /** Server time of this pulse (the same as `at`), to place it on the timeline. */
  readonly t: number;
}

/** To room `group:{id}` when the live part ended: what everyone did together. */
export interface GroupCompleteEvent extends Stamped {
  readonly groupId: string;
  readonly summary: GroupHugSummary;
}

/**
 * To the friends listening to a user's moods (room `mood:{userId}`, joined by `mood:friends`): a
 * mood they recorded or changed that friends may see. `streak` is the author's streak after a
 * record (null after a change, which leaves it as it was). An entry whose change made it invisible
 * to friends comes as `mood:friend-removed` instead.
 */
export interface MoodFriendUpdateEvent extends Stamped {
  readonly userId: string;
  readonly entry: MoodEntry;
  readonly streak: MoodStreakView | null;
}

/**
 * To the friends listening to a user's moods: one of their moods was deleted (`streak` is the
 * streak rebuilt without it), or no longer shows to friends (`streak` null: unchanged).
 */
export interface MoodFriendRemovedEvent extends Stamped {
  readonly userId: string;
  readonly moodId: string;
  readonly streak: MoodStreakView | null;
}

/**
 * To the friends listening to a user's moods, or to one listener: none of that user's moods show
 * to you any more (they share moods with no one now, you are no longer friends, or a block). Forget
 * what you hold of them; a `mood:friend-update` follows if they show again.
 */
export interface MoodFriendHiddenEvent extends Stamped {
  readonly userId: string;
}

/** The Socket.IO server→client event map. */
export interface ServerToClientEvents {
  'presence:update': (event: PresenceUpdateEvent) => void;
  'presence:revoked': (event: PresenceRevokedEvent) => void;
  'friend:update': (event: FriendUpdateEvent) => void;
  'profile:updated': (event: ProfileUpdatedEvent) => void;
  'privacy:updated': (event: PrivacyUpdatedEvent) => void;
  'auth:expiring': (event: AuthExpiringEvent) => void;
  'session:ended': (event: SessionEndedEvent) => void;
  'command:rejected': (event: CommandRejectedEvent) => void;
  /** To room `user:{to}`: a hug arrived. Acknowledge it with `hug:ack`. */
  'hug:received': (event: LiveInboxEvent<'hug'>) => void;
  /** To room `user:{from}`: a device of the recipient got the hug. */
  'hug:delivered': (event: HugDeliveredEvent) => void;
  /** To room `user:{from}`: the recipient read the hug. */
  'hug:read-receipt': (event: LiveInboxEvent<'read-receipt'>) => void;
  /** To room `user:{to}`: another device of yours marked a hug read. */
  'hug:read-state': (event: HugReadStateEvent) => void;
  /** To room `user:{to}`: someone asks you for a hug. */
  'hug:request:received': (event: LiveInboxEvent<'hug-request'>) => void;
  /** To room `user:{from}`: your hug request was answered. */
  'hug:request:answered': (event: LiveInboxEvent<'hug-request-answer'>) => void;
  /** To room `user:{invitee}`: you are invited to a group hug (also in your inbox). */
  'group:invited': (event: LiveInboxEvent<'group-invite'>) => void;
  'group:state': (event: GroupStateEvent) => void;
  'group:pulse': (event: GroupPulseEvent) => void;
  'group:complete': (event: GroupCompleteEvent) => void;
  'mood:friend-update': (event: MoodFriendUpdateEvent) => void;
  'mood:friend-removed': (event: MoodFriendRemovedEvent) => void;
  'mood:friend-hidden': (event: MoodFriendHiddenEvent) => void;
  'notification:new': (event: NotificationNewEvent) => void;
  'notification:read-state': (event: NotificationReadStateEvent) => void;
  'feed:new': (event: FeedNewEvent) => void;
}

/** The name of a server→client event. */
export type ServerEventName = keyof ServerToClientEvents;

/** The payload of server→client event `E`. */
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
