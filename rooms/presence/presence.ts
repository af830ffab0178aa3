import type { AggregatePresence, DevicePresence } from '../../domain/presence-status.js';
import type { DeviceStatus } from '../../protocol/schemas/presence.js';

/** What the presence engine knows of one user. */
export interface PresenceSnapshot {
  readonly devices: readonly DevicePresence[];
  /** Set when the user's last device left; `null` while online or if never seen by this engine. */
  readonly lastSeenAt: number | null;
}

/** The effect of one call on a user's aggregate presence. */
export interface PresenceChange {
  readonly before: AggregatePresence;
  readonly after: AggregatePresence;
  readonly snapshot: PresenceSnapshot;
}

/**
 * Per-device presence entries of users (the model of Phoenix's metas), behind one interface with a
 * memory implementation (one node) and a Redis one (a cluster).
 *
 * Guarantees: each call is atomic per user and returns the aggregate before and after it. A device
 * entry is owned by the connection that last connected it: `update` and `disconnect` with another
 * `connId` change nothing and return `null`, so a late disconnect of a replaced connection cannot
 * remove its successor.
 */
export interface Presence {
  /** Adds `device`, or replaces the entry with the same `deviceId` (a reconnect). */
  connect(userId: string, device: DevicePresence): Promise<PresenceChange>;
  /** Sets the status and activity of a device still held by `connId`. */
  update(
    userId: string,
    deviceId: string,
    connId: string,
    patch: { readonly status: DeviceStatus; readonly activity: string | null },
    at: number,
  ): Promise<PresenceChange | null>;
  /**
   * Marks a device still held by `connId` as lingering (its connection dropped, its removal waits
   * for the grace period). The aggregate does not change; a reconnect (`connect`) clears the mark.
   */
  linger(userId: string, deviceId: string, connId: string): Promise<void>;
  /** Removes a device still held by `connId`; if it was the last one, `lastSeenAt` becomes `at`. */
  disconnect(userId: string, deviceId: string, connId: string, at: number): Promise<PresenceChange | null>;
  /** Snapshots of `userIds`; users this engine has never seen are absent. */
  get(userIds: readonly string[]): Promise<Map<string, PresenceSnapshot>>;
}
