import type { ProtocolError } from './errors.js';
import type { FriendshipState } from './schemas/friends.js';
import type { UserPresence } from './schemas/presence.js';
import type { PrivacySettings } from './schemas/privacy.js';
import type { Profile } from './schemas/profile.js';

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

/** Why the server ended a session. */
export type SessionEndReason = 'token_expired' | 'server_shutdown';

/** Sent to one socket right before the server disconnects it. */
export interface SessionEndedEvent extends Stamped {
  readonly reason: SessionEndReason;
  /** With `server_shutdown`: reconnect after about this long (another node may take you). */
  readonly retryAfterMs?: number;
}

/** Sent when a client emits an event without an ack that the server refused (unknown, malformed). */
export interface CommandRejectedEvent extends Stamped {
  readonly event: string;
  readonly error: ProtocolError;
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
}

/** The name of a server→client event. */
export type ServerEventName = keyof ServerToClientEvents;

/** The payload of server→client event `E`. */
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
