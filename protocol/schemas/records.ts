import { z } from 'zod';
import { GROUP_HUG_PHASES } from '../group-hug-constants.js';
import { HUG_KIND_IDS } from '../hug-kinds.js';
import { MOOD_IDS } from '../mood-catalogue.js';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPE_IDS } from '../notification-types.js';
import type { FeedItem } from '../types/feed.js';
import type { GroupHugChanges, GroupHugSummary, GroupHugView, GroupInvite } from '../types/group-hugs.js';
import type { Hug, HugRequest } from '../types/hugs.js';
import type { HugRequestAnswer, InboxEntry, ReadReceipt } from '../types/inbox.js';
import type { MoodEntry, MoodStreakView } from '../types/moods.js';
import type { Notification, NotificationPreferences } from '../types/notifications.js';
import type { UserPresence } from '../types/presence.js';
import type { PrivacySettings } from '../types/privacy.js';
import type { Profile } from '../types/profile.js';
import { deviceKindSchema } from '../ids.js';
import { moodVisibilitySchema } from './moods.js';
import { deviceStatusSchema } from './presence.js';
import { privacySettingsSchema } from './privacy.js';
import { assertSameShape } from './same-shape.js';

/*
 * The records the server sends (in acks and events), as zod schemas: what the AsyncAPI document
 * (docs/asyncapi.yaml) is generated from. Each is pinned to the zod-free type the SDK publishes
 * (`protocol/types/`), so the document cannot drift from the code. Inputs are checked by the
 * schemas of each domain's file; these describe outputs, so they carry no input limits.
 */

/** A readonly list, as the types declare them. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** Epoch milliseconds. */
export const epochMs = z.number().int().describe('epoch milliseconds (server time)');
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const profileRecord = z.object({ userId: z.string(), username: z.string().nullable(), displayName: z.string(), avatarUrl: z.string().nullable(), bio: z.string() }).meta({ id: 'Profile' });
assertSameShape<z.output<typeof profileRecord>, Profile>(true);

export const privacyRecord = privacySettingsSchema.meta({ id: 'PrivacySettings' });
assertSameShape<z.output<typeof privacyRecord>, PrivacySettings>(true);

export const friendshipState = z.enum(['none', 'outgoing', 'incoming', 'friends', 'blocked']).meta({ id: 'FriendshipState' });

export const userPresenceRecord = z
  .object({
    userId: z.string(),
    status: z.enum(['online', 'away', 'offline', 'hidden']),
    lastSeenAt: nullable(epochMs),
    activity: z.string().nullable(),
    devices: list(z.object({ kind: deviceKindSchema, status: deviceStatusSchema, since: epochMs })),
  })
  .meta({ id: 'UserPresence' });
assertSameShape<z.output<typeof userPresenceRecord>, UserPresence>(true);

const curve = list(z.tuple([z.number(), z.number()]).readonly()).describe('[t, intensity] points, t and intensity in 0..1');

export const hugRecord = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    kind: z.enum(HUG_KIND_IDS),
    animation: z.object({ durationMs: z.number().int(), curve }),
    message: z.string().nullable(),
    sentAt: epochMs,
    requestId: z.string().nullable(),
    context: z.object({ activityId: z.string(), type: z.enum(['mood', 'streak-milestone', 'friendship']) }).nullable(),
    deliveredAt: nullable(epochMs),
    readAt: nullable(epochMs),
  })
  .meta({ id: 'Hug' });
assertSameShape<z.output<typeof hugRecord>, Hug>(true);

export const hugRequestRecord = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    message: z.string().nullable(),
    createdAt: epochMs,
    expiresAt: epochMs,
    status: z.enum(['pending', 'accepted', 'declined', 'expired']),
    hugId: z.string().nullable(),
  })
  .meta({ id: 'HugRequest' });
assertSameShape<z.output<typeof hugRequestRecord>, HugRequest>(true);

const hugRequestAnswerRecord = z.object({ requestId: z.string(), by: z.string(), accepted: z.boolean(), hugId: z.string().nullable() });
assertSameShape<z.output<typeof hugRequestAnswerRecord>, HugRequestAnswer>(true);
const readReceiptRecord = z.object({ hugId: z.string(), by: z.string(), readAt: epochMs });
assertSameShape<z.output<typeof readReceiptRecord>, ReadReceipt>(true);
const groupInviteRecord = z.object({ groupId: z.string(), title: z.string(), from: z.string() });
assertSameShape<z.output<typeof groupInviteRecord>, GroupInvite>(true);

export const notificationRecord = z
  .object({
    id: z.string(),
    type: z.enum(NOTIFICATION_TYPE_IDS),
    title: z.string(),
    body: z.string(),
    data: z.object({
      userId: z.string().optional(),
      hugId: z.string().optional(),
      requestId: z.string().optional(),
      groupId: z.string().optional(),
      moodId: z.string().optional(),
      streak: z.number().int().optional(),
      startsAt: epochMs.optional(),
      activityId: z.string().optional(),
    }),
    createdAt: epochMs,
    readAt: nullable(epochMs),
  })
  .meta({ id: 'Notification' });
assertSameShape<z.output<typeof notificationRecord>, Notification>(true);

const entryBase = { cursor: z.number().int().describe('position in the inbox: sync after the last one you saw'), id: z.string(), createdAt: epochMs };

/** The kinds of inbox entry, each with the record it carries. */
export const INBOX_ENTRY_RECORDS = {
  hug: z.object({ ...entryBase, type: z.literal('hug'), hug: hugRecord }),
  'hug-request': z.object({ ...entryBase, type: z.literal('hug-request'), request: hugRequestRecord }),
  'hug-request-answer': z.object({ ...entryBase, type: z.literal('hug-request-answer'), answer: hugRequestAnswerRecord }),
  'read-receipt': z.object({ ...entryBase, type: z.literal('read-receipt'), receipt: readReceiptRecord }),
  'group-invite': z.object({ ...entryBase, type: z.literal('group-invite'), invite: groupInviteRecord }),
  notification: z.object({ ...entryBase, type: z.literal('notification'), notification: notificationRecord }),
} as const;

export const inboxEntryRecord = z.discriminatedUnion('type', Object.values(INBOX_ENTRY_RECORDS) as [ (typeof INBOX_ENTRY_RECORDS)['hug'], ...(typeof INBOX_ENTRY_RECORDS)[keyof typeof INBOX_ENTRY_RECORDS][] ]).meta({ id: 'InboxEntry' });
assertSameShape<z.output<typeof inboxEntryRecord>, InboxEntry>(true);

const groupPhase = z.enum(GROUP_HUG_PHASES).meta({ id: 'GroupHugPhase' });
const cancelReason = z.enum(['creator', 'empty']);

export const groupHugViewRecord = z
  .object({
    id: z.string(),
    title: z.string(),
    creatorId: z.string(),
    phase: groupPhase,
    version: z.number().int(),
    participants: list(z.string()),
    participantCount: z.number().int(),
    invited: list(z.string()),
    declined: list(z.string()),
    createdAt: epochMs,
    scheduledAt: nullable(epochMs),
    startsAt: nullable(epochMs),
    durationMs: z.number().int(),
    curve,
    endedAt: nullable(epochMs),
    cancelReason: cancelReason.nullable(),
  })
  .meta({ id: 'GroupHugView' });
assertSameShape<z.output<typeof groupHugViewRecord>, GroupHugView>(true);

export const groupHugChangesFields = {
  version: z.number().int(),
  phase: groupPhase.optional(),
  startsAt: epochMs.optional(),
  endedAt: epochMs.optional(),
  cancelReason: cancelReason.optional(),
  participantCount: z.number().int().optional(),
  joined: list(z.string()).optional(),
  left: list(z.string()).optional(),
  invited: list(z.string()).optional(),
  declined: list(z.string()).optional(),
};
assertSameShape<z.output<z.ZodObject<typeof groupHugChangesFields>>, GroupHugChanges>(true);

export const groupHugSummaryRecord = z
  .object({ groupId: z.string(), title: z.string(), creatorId: z.string(), participants: list(z.string()), peakWarmth: z.number(), startsAt: epochMs, durationMs: z.number().int(), endedAt: epochMs })
  .meta({ id: 'GroupHugSummary' });
assertSameShape<z.output<typeof groupHugSummaryRecord>, GroupHugSummary>(true);

export const moodEntryRecord = z
  .object({
    id: z.string(),
    userId: z.string(),
    mood: z.enum(MOOD_IDS),
    intensity: z.number(),
    valence: z.number(),
    arousal: z.number(),
    note: z.string().nullable(),
    tags: list(z.string()),
    visibility: moodVisibilitySchema,
    timeZone: z.string(),
    localDate: z.string().describe('YYYY-MM-DD in the entry\'s time zone'),
    recordedAt: epochMs,
    updatedAt: nullable(epochMs),
  })
  .meta({ id: 'MoodEntry' });
assertSameShape<z.output<typeof moodEntryRecord>, MoodEntry>(true);

export const moodStreakRecord = z.object({ current: z.number().int(), longest: z.number().int(), lastDate: z.string().nullable() }).meta({ id: 'MoodStreak' });
assertSameShape<z.output<typeof moodStreakRecord>, MoodStreakView>(true);

const feedBase = { id: z.string(), userId: z.string(), createdAt: epochMs };
export const feedItemRecord = z
  .discriminatedUnion('type', [
    z.object({ ...feedBase, type: z.literal('mood'), mood: moodEntryRecord }),
    z.object({ ...feedBase, type: z.literal('streak-milestone'), days: z.number().int() }),
    z.object({ ...feedBase, type: z.literal('group-hug'), groupId: z.string(), title: z.string(), participantCount: z.number().int() }),
    z.object({ ...feedBase, type: z.literal('friendship'), friendId: z.string() }),
  ])
  .meta({ id: 'FeedItem' });
assertSameShape<z.output<typeof feedItemRecord>, FeedItem>(true);

const clockTime = z.string().describe('HH:MM');
const channelSettings = z.object(Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, z.boolean()])) as Record<(typeof NOTIFICATION_CHANNELS)[number], z.ZodBoolean>);
export const notificationPreferencesRecord = z
  .object({
    channels: z.object(Object.fromEntries(NOTIFICATION_TYPE_IDS.map((t) => [t, channelSettings])) as Record<(typeof NOTIFICATION_TYPE_IDS)[number], typeof channelSettings>),
    quietHours: z.object({ start: clockTime, end: clockTime, timeZone: z.string() }).nullable(),
    mutedUserIds: list(z.string()),
    closeUserIds: list(z.string()),
    previews: z.boolean(),
    pushWhileConnected: z.boolean(),
    dailyReminder: z.object({ time: clockTime, timeZone: z.string() }).nullable(),
  })
  .meta({ id: 'NotificationPreferences' });
assertSameShape<z.output<typeof notificationPreferencesRecord>, NotificationPreferences>(true);
