/* Presence as client and server exchange it (zod-free; the schemas are in ../schemas/presence.ts). */

/** What kind of device holds a connection; shown to watchers as part of presence. */
export type DeviceKind = 'web' | 'ios' | 'android' | 'desktop' | 'server' | 'unknown';

/** A device's own status, set by `presence:set`. */
export type DeviceStatus = 'active' | 'away';

/**
 * A user's status as a watcher sees it: `online` if any device is active, `away` if every device
 * is away, `offline` with none, `hidden` when the user's privacy hides it from this watcher.
 */
export type UserStatus = 'online' | 'away' | 'offline' | 'hidden';

/** One device, as watchers see it. */
export interface PresenceDevice {
  readonly kind: DeviceKind;
  readonly status: DeviceStatus;
  /** When this device's status last changed (epoch ms). */
  readonly since: number;
}

/** A user's presence. */
export interface UserPresence {
  readonly userId: string;
  readonly status: UserStatus;
  /** When the user was last online (epoch ms); `null` while online, hidden, or never seen. */
  readonly lastSeenAt: number | null;
  readonly activity: string | null;
  readonly devices: readonly PresenceDevice[];
}

/** Why a watch was refused for one user. */
export interface WatchDenial {
  readonly userId: string;
  readonly code: 'forbidden' | 'not_found';
}

/** `presence:watch` result: a snapshot of each allowed user, and the refusals. */
export interface WatchResult {
  readonly presences: readonly UserPresence[];
  readonly denied: readonly WatchDenial[];
  /** Server time of the snapshot; a `presence:update` with a later `at` supersedes it. */
  readonly at: number;
}

/** `presence:unwatch` result. */
export interface UnwatchResult {
  readonly unwatched: readonly string[];
}

/** `presence:set` result: the user's aggregate status after the change. */
export interface PresenceSetResult {
  readonly status: Exclude<UserStatus, 'hidden'>;
}
