import { z } from 'zod';
import { userIdSchema } from '../ids.js';
import type { DeviceStatus } from '../types/presence.js';
import { MAX_WATCH_BATCH } from '../limits.js';
import { assertSameShape } from './same-shape.js';
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
assertSameShape<z.infer<typeof deviceStatusSchema>, DeviceStatus>(true);

/** `presence:set`: this device's status and an optional short activity ("listening to rain"). */
export const presenceSetSchema = z.object({
  status: deviceStatusSchema,
  activity: lineOfText(1, 64).nullable().optional(),
});

export type {
  DeviceStatus,
  PresenceDevice,
  PresenceSetResult,
  UnwatchResult,
  UserPresence,
  UserStatus,
  WatchDenial,
  WatchResult,
} from '../types/presence.js';
