import { z } from 'zod';
import { userIdSchema } from '../ids.js';
import { MAX_PAGE } from '../limits.js';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPE_IDS } from '../notification-types.js';
import type { DailyReminderSetting, NotificationPreferencesPatch, QuietHours } from '../types/notifications.js';
import { assertSameShape } from './same-shape.js';
import { timeZoneSchema } from './time-zone.js';

/** Most users one list of muted or close friends holds. */
export const MAX_LISTED_USERS = 1000;
/** Longest push subscription endpoint, in characters: a bigger one is refused (it would be no push service's). */
export const MAX_PUSH_ENDPOINT = 1024;

/** A notification id: server-made, URL-safe. */
export const notificationIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a notification id');

/** A time of day on the user's clocks, `HH:MM` (24 h). */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM (00:00 to 23:59)');

const quietHoursSchema = z.object({ start: clockTimeSchema, end: clockTimeSchema, timeZone: timeZoneSchema });
assertSameShape<z.infer<typeof quietHoursSchema>, QuietHours>(true);
const dailyReminderSchema = z.object({ time: clockTimeSchema, timeZone: timeZoneSchema }).strict();
assertSameShape<z.infer<typeof dailyReminderSchema>, DailyReminderSetting>(true);

const channelPatchSchema = z.partialRecord(z.enum(NOTIFICATION_CHANNELS), z.boolean());
const listedUsersSchema = z
  .array(userIdSchema)
  .max(MAX_LISTED_USERS)
  .transform((ids) => [...new Set(ids)]);

/** `notification:preferences:update`: change some preferences (channels per type and channel; the rest replaced as given). */
export const notificationPreferencesPatchSchema = z
  .object({
    channels: z.partialRecord(z.enum(NOTIFICATION_TYPE_IDS), channelPatchSchema).optional(),
    quietHours: quietHoursSchema.nullable().optional(),
    mutedUserIds: listedUsersSchema.optional(),
    closeUserIds: listedUsersSchema.optional(),
    previews: z.boolean().optional(),
    pushWhileConnected: z.boolean().optional(),
    dailyReminder: dailyReminderSchema.nullable().optional(),
  })
  .strict();
/** Every patch the schema lets through is a {@link NotificationPreferencesPatch}. */
export type ValidPreferencesPatch = z.output<typeof notificationPreferencesPatchSchema> & NotificationPreferencesPatch;

/** `notification:list`: your notifications, newest first, a page at a time. */
export const notificationListSchema = z.object({
  before: z.string().max(128).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
  unreadOnly: z.boolean().optional(),
});

/** `notification:read`: mark these read, or every one up to (and including) one. */
export const notificationReadSchema = z.union([z.object({ ids: z.array(notificationIdSchema).min(1).max(MAX_PAGE) }).strict(), z.object({ upTo: notificationIdSchema }).strict()]);

/** `notification:delete`: remove these. */
export const notificationDeleteSchema = z.object({ ids: z.array(notificationIdSchema).min(1).max(MAX_PAGE) });

/** Base64url without padding, as push subscriptions carry their keys. */
const base64url = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

/**
 * A Web Push subscription (`PushSubscription.toJSON()` in a browser). The endpoint must be an
 * `https:` URL of at most 1 KB; whether a loopback `http:` one is allowed (development) is the
 * server's call, so a push service can never be pointed at our own network.
 */
export const webPushSubscriptionSchema = z.object({
  endpoint: z
    .string()
    .max(MAX_PUSH_ENDPOINT)
    .refine((value) => URL.canParse(value) && ['https:', 'http:'].includes(new URL(value).protocol), 'must be an https: URL'),
  keys: z.object({ p256dh: base64url(80, 100), auth: base64url(16, 32) }),
});
