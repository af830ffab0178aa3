import { z } from 'zod';
import { type DeviceKind, userIdSchema } from '../ids.js';
import { MAX_WATCH_BATCH } from '../limits.js';
import { lineOfText } from './text.js';

const userIdList = z
  .array(userIdSchema)
  .min(1)
  .max(MAX_WATCH_BATCH)
  .transform((ids) => [...new Set(ids)]);

/** `presence:watch` */
export const presenceWatchSchema = z.object({ userIds: userIdList });
/** `presence:unwatch` */
export const presenceUnwatchSchema = z.object({ userIds: userIdList });

/** A device's own status, set by `presence:set`. */
export const deviceStatusSchema = z.enum(['active', 'away']);
/** One of {@link deviceStatusSchema}. */
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/** `presence:set`: this device's status and an optional short activity ("listening to rain"). */
export const presenceSetSchema = z.object({
  status: deviceStatusSchema,
  activity: lineOfText(1, 64).nullable().optional(),
});

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
