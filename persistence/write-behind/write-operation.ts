import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HUG_KIND_IDS } from '../../protocol/hug-kinds.js';
import { MOOD_IDS } from '../../protocol/mood-catalogue.js';
import type { GroupHugSummary } from '../../protocol/schemas/group-hugs.js';
import type { HugContext } from '../../protocol/types/hugs.js';
import type { HugRecord } from '../store/hug-repository.js';
import type { HugRequestRecord } from '../store/hug-request-repository.js';
import type { InboxRecord } from '../store/inbox-repository.js';
import type { MoodChanges, MoodRecord, StoredMoodStreak } from '../store/mood-repository.js';
import type { NotificationRecord } from '../store/notification-repository.js';
import { NOTIFICATION_TYPE_IDS } from '../../protocol/notification-types.js';
import { ACTIVITY_TYPES, type ActivityRecord } from '../store/activity-repository.js';

const epoch = z.number().int().nonnegative();
const id = z.string().min(1).max(200);

/** The feed item a hug answers, as stored. */
export const hugContextSchema = z.object({ activityId: id, type: z.enum(['mood', 'streak-milestone', 'friendship']) }) satisfies z.ZodType<HugContext>;

const hugRecordSchema = z.object({
  id,
  from: id,
  to: id,
  kind: z.enum(HUG_KIND_IDS),
  message: z.string().nullable(),
  sentAt: epoch,
  requestId: id.nullable(),
  // Queued before hugs had contexts: none.
  context: hugContextSchema.nullable().default(null),
  clientId: id,
  fingerprint: id,
  deliveredAt: epoch.nullable(),
  readAt: epoch.nullable(),
}) satisfies z.ZodType<HugRecord>;

const hugRequestRecordSchema = z.object({
  id,
  from: id,
  to: id,
  message: z.string().nullable(),
  createdAt: epoch,
  expiresAt: epoch,
  status: z.enum(['pending', 'accepted', 'declined']),
  answeredAt: epoch.nullable(),
  hugId: id.nullable(),
  fingerprint: id,
}) satisfies z.ZodType<HugRequestRecord>;

const inboxRecordSchema = z.object({
  userId: id,
  cursor: z.number().int().positive(),
  id,
  type: z.enum(['hug', 'hug-request', 'hug-request-answer', 'read-receipt', 'group-invite', 'notification']),
  ref: id,
  createdAt: epoch,
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
}) satisfies z.ZodType<InboxRecord>;

const groupSummarySchema = z.object({
  groupId: id,
  title: z.string(),
  creatorId: id,
  participants: z.array(id).readonly(),
  peakWarmth: z.number().min(0).max(1),
  startsAt: epoch,
  durationMs: z.number().int().positive(),
  endedAt: epoch,
}) satisfies z.ZodType<GroupHugSummary>;

const activityRecordSchema = z.object({ id, actorId: id, type: z.enum(ACTIVITY_TYPES), ref: id, createdAt: epoch }) satisfies z.ZodType<ActivityRecord>;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const moodFields = {
  mood: z.enum(MOOD_IDS),
  intensity: z.number().min(0).max(1),
  valence: z.number().min(-1).max(1),
  arousal: z.number().min(0).max(1),
  note: z.string().nullable(),
  tags: z.array(z.string()).readonly(),
  visibility: z.enum(['private', 'friends', 'public']),
};

const moodRecordSchema = z.object({
  id,
  userId: id,
  ...moodFields,
  timeZone: z.string().min(1).max(64),
  localDate,
  recordedAt: epoch,
  updatedAt: epoch.nullable(),
  clientId: id,
  fingerprint: id,
  deletedAt: epoch.nullable(),
}) satisfies z.ZodType<MoodRecord>;

const moodChangesSchema = z.object(moodFields).partial() satisfies z.ZodType<MoodChanges>;

const moodStreakSchema = z.object({
  current: z.number().int().nonnegative(),
  longest: z.number().int().nonnegative(),
  firstDate: localDate.nullable(),
  lastDate: localDate.nullable(),
  lastZone: z.string().nullable(),
}) satisfies z.ZodType<StoredMoodStreak>;

const notificationRecordSchema = z.object({
  id,
  userId: id,
  type: z.enum(NOTIFICATION_TYPE_IDS),
  title: z.string(),
  body: z.string(),
  data: z.object({
    userId: id.optional(),
    hugId: id.optional(),
    requestId: id.optional(),
    groupId: id.optional(),
    moodId: id.optional(),
    streak: z.number().int().optional(),
    startsAt: epoch.optional(),
    activityId: id.optional(),
  }),
  createdAt: epoch,
  readAt: epoch.nullable(),
  deletedAt: epoch.nullable(),
}) satisfies z.ZodType<NotificationRecord>;

/** The first `length` characters of the SHA-256 of `text` (base64url): what tells two operations of one subject and instant apart. */
function shortDigest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, length);
}

const op = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), id, key: id, ...shape });

/**
 * Every persistence operation, as a schema: operations read back from a durable queue are
 * validated with it, so a malformed one fails alone (and is dead-lettered) instead of reaching
 * the store.
 */
export const writeOperationSchema = z.discriminatedUnion('type', [
  op('user.last-seen', { userId: id, at: epoch }),
  op('hug.create', { hug: hugRecordSchema }),
  op('hug.delivered', { hugId: id, at: epoch, to: id.optional() }),
  op('hug.read', { hugId: id, at: epoch, to: id.optional() }),
  op('hug-request.create', { request: hugRequestRecordSchema }),
  op('hug-request.answer', { requestId: id, status: z.enum(['accepted', 'declined']), at: epoch, hugId: id.nullable(), to: id.optional() }),
  op('inbox.append', { entry: inboxRecordSchema }),
  op('group-hug.summary', { summary: groupSummarySchema }),
  op('mood.create', { mood: moodRecordSchema }),
  op('mood.update', { moodId: id, userId: id, changes: moodChangesSchema, at: epoch }),
  op('mood.delete', { moodId: id, userId: id, at: epoch }),
  op('mood.streak', { userId: id, streak: moodStreakSchema, at: epoch }),
  op('notification.create', { notification: notificationRecordSchema }),
  op('notification.read', { userId: id, ids: z.array(id).min(1), at: epoch }),
  op('notification.read-up-to', { userId: id, createdAt: epoch, notificationId: id, at: epoch }),
  op('notification.delete', { userId: id, ids: z.array(id).min(1), at: epoch }),
  op('activity.create', { activity: activityRecordSchema }),
]);

/**
 * A persistence operation produced by a command. Its `id` is deterministic (derived from what it
 * writes), so applying it twice is harmless; its `key` names the record it touches, and the
 * queue keeps operations of one key in order.
 */
export type WriteOperation = z.infer<typeof writeOperationSchema>;

/** The operation of type `T`. */
export type WriteOperationOf<T extends WriteOperation['type']> = Extract<WriteOperation, { type: T }>;

/** Records that `userId` was last seen at `at` (monotonic, so replays are harmless). */
export function userLastSeen(userId: string, at: number): WriteOperationOf<'user.last-seen'> {
  return { type: 'user.last-seen', id: `user.last-seen:${userId}:${at}`, key: `user:${userId}`, userId, at };
}

/** Creates `hug` (ignored if a hug with its id exists). */
export function hugCreate(hug: HugRecord): WriteOperationOf<'hug.create'> {
  return { type: 'hug.create', id: hugCreateId(hug.id), key: `hug:${hug.id}`, hug };
}

/** The id of a hug's creation (pending reads look it up by id). */
export function hugCreateId(hugId: string): string {
  return `hug.create:${hugId}`;
}

/**
 * Sets a hug's `deliveredAt` unless already set. `to` (the hug's recipient) routes it to the
 * recipient's partition of the log, with the hug's creation (operations queued before it was
 * recorded lack it and route by key).
 */
export function hugDelivered(hugId: string, at: number, to?: string): WriteOperationOf<'hug.delivered'> {
  return { type: 'hug.delivered', id: `hug.delivered:${hugId}`, key: `hug:${hugId}`, hugId, at, ...(to === undefined ? {} : { to }) };
}

/** Sets a hug's `readAt` (and `deliveredAt`) unless already set; `to` as for {@link hugDelivered}. */
export function hugRead(hugId: string, at: number, to?: string): WriteOperationOf<'hug.read'> {
  return { type: 'hug.read', id: `hug.read:${hugId}`, key: `hug:${hugId}`, hugId, at, ...(to === undefined ? {} : { to }) };
}

/** Creates a hug request (ignored if it exists). */
export function hugRequestCreate(request: HugRequestRecord): WriteOperationOf<'hug-request.create'> {
  return { type: 'hug-request.create', id: `hug-request.create:${request.id}`, key: `hug-request:${request.id}`, request };
}

/** Answers a pending hug request (ignored once answered); `to` (the request's recipient, who answers) routes it like the request. */
export function hugRequestAnswer(
  requestId: string,
  status: 'accepted' | 'declined',
  at: number,
  hugId: string | null,
  to?: string,
): WriteOperationOf<'hug-request.answer'> {
  return { type: 'hug-request.answer', id: `hug-request.answer:${requestId}`, key: `hug-request:${requestId}`, requestId, status, at, hugId, ...(to === undefined ? {} : { to }) };
}

/** Appends `entry` to its user's inbox (ignored if an entry with its id exists). */
export function inboxAppend(entry: InboxRecord): WriteOperationOf<'inbox.append'> {
  return { type: 'inbox.append', id: `inbox.append:${entry.userId}:${entry.id}`, key: `inbox:${entry.userId}`, entry };
}

/** Stores a completed group hug's summary for every participant's history (ignored if stored). */
export function groupHugSummary(summary: GroupHugSummary): WriteOperationOf<'group-hug.summary'> {
  return { type: 'group-hug.summary', id: `group-hug.summary:${summary.groupId}`, key: `group-hug:${summary.groupId}`, summary };
}

/** Records `mood` (ignored if a mood with its id exists, a tombstone included). */
export function moodCreate(mood: MoodRecord): WriteOperationOf<'mood.create'> {
  return { type: 'mood.create', id: `mood.create:${mood.id}`, key: `mood:${mood.id}`, mood };
}

/** Changes a mood of `userId` (ignored once it is deleted, or if it is another user's). */
export function moodUpdate(moodId: string, userId: string, changes: MoodChanges, at: number): WriteOperationOf<'mood.update'> {
  // Two different updates of one mood in one millisecond still get two ids.
  const digest = shortDigest(JSON.stringify(changes), 12);
  return { type: 'mood.update', id: `mood.update:${moodId}:${at}:${digest}`, key: `mood:${moodId}`, moodId, userId, changes, at };
}

/** Deletes a mood of `userId`: its row stays as a tombstone, note and tags cleared. */
export function moodDelete(moodId: string, userId: string, at: number): WriteOperationOf<'mood.delete'> {
  return { type: 'mood.delete', id: `mood.delete:${moodId}`, key: `mood:${moodId}`, moodId, userId, at };
}

/** Stores a user's streak as it stands after the operations before it (a user's saves apply in order). */
export function moodStreakSave(userId: string, streak: StoredMoodStreak, at: number): WriteOperationOf<'mood.streak'> {
  return { type: 'mood.streak', id: `mood.streak:${userId}:${at}:${streak.current}:${streak.lastDate ?? ''}`, key: `mood-streak:${userId}`, userId, streak, at };
}

/** The queue key of a user's notifications: their creations, reads and deletions apply in order. */
const notificationsKey = (userId: string) => `notifications:${userId}`;

/** Creates a notification (ignored if one with its id exists, a tombstone included). */
export function notificationCreate(notification: NotificationRecord): WriteOperationOf<'notification.create'> {
  return { type: 'notification.create', id: `notification.create:${notification.id}`, key: notificationsKey(notification.userId), notification };
}

/** Marks these notifications of `userId` read at `at` (those already read keep their time). */
export function notificationRead(userId: string, ids: readonly string[], at: number): WriteOperationOf<'notification.read'> {
  const digest = shortDigest(ids.join(','), 16);
  return { type: 'notification.read', id: `notification.read:${userId}:${at}:${digest}`, key: notificationsKey(userId), userId, ids: [...ids], at };
}

/** Marks every notification of `userId` up to this one (by creation time, then id) read at `at`. */
export function notificationReadUpTo(userId: string, upTo: { readonly createdAt: number; readonly id: string }, at: number): WriteOperationOf<'notification.read-up-to'> {
  return { type: 'notification.read-up-to', id: `notification.read-up-to:${userId}:${upTo.id}:${at}`, key: notificationsKey(userId), userId, createdAt: upTo.createdAt, notificationId: upTo.id, at };
}

/** Deletes these notifications of `userId`: each stays as a tombstone, its words cleared. */
export function notificationDelete(userId: string, ids: readonly string[], at: number): WriteOperationOf<'notification.delete'> {
  const digest = shortDigest(ids.join(','), 16);
  return { type: 'notification.delete', id: `notification.delete:${userId}:${at}:${digest}`, key: notificationsKey(userId), userId, ids: [...ids], at };
}

/** Records an activity for its actor's friends' feeds (ignored if one with its id exists). */
export function activityCreate(activity: ActivityRecord): WriteOperationOf<'activity.create'> {
  return { type: 'activity.create', id: `activity.create:${activity.id}`, key: `activities:${activity.actorId}`, activity };
}
