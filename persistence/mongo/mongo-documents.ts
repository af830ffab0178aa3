import type { DeviceRecord } from '../store/device-repository.js';
import type { ActivityRecord } from '../store/activity-repository.js';
import type { NotificationRecord } from '../store/notification-repository.js';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { HugRecord } from '../store/hug-repository.js';
import type { HugRequestRecord } from '../store/hug-request-repository.js';
import type { GroupHugSummary } from '../../protocol/schemas/group-hugs.js';
import type { InboxRecord } from '../store/inbox-repository.js';
import type { MoodRecord, StoredMoodStreak } from '../store/mood-repository.js';
import type { RefreshTokenRecord } from '../store/refresh-token-repository.js';
import type { UserRecord } from '../store/user-repository.js';

/*
 * The documents of each collection. Records keep their field names; `_id` carries the record's
 * deterministic id, so a replayed write is an upsert onto the same document.
 */

/**
 * A user. External users (from an identity provider) have no `username` field at all, rather than
 * `null`: the unique username index is sparse, and a sparse index skips only missing fields.
 */
export interface UserDoc {
  _id: string;
  username?: string;
  passwordHash: string | null;
  displayName: string;
  avatarUrl: string | null;
  bio: string;
  privacy: PrivacySettings;
  createdAt: number;
  lastSeenAt: number | null;
}

/** One row per unordered pair: `_id` is `low|high`. */
export interface FriendshipDoc {
  _id: string;
  low: string;
  high: string;
  status: 'pending' | 'friends';
  requestedBy: string;
  since: number;
}

/** A directed block: `_id` is `blocker|blocked`. */
export interface BlockDoc {
  _id: string;
  blocker: string;
  blocked: string;
  since: number;
}

export type RefreshTokenDoc = Omit<RefreshTokenRecord, 'id'> & { _id: string };
export type HugDoc = Omit<HugRecord, 'id'> & { _id: string };
export type HugRequestDoc = Omit<HugRequestRecord, 'id'> & { _id: string };
/** `_id` is `userId|id`: an entry id appears once per inbox; `(userId, cursor)` is unique too. */
export type InboxDoc = InboxRecord & { _id: string };

/** A group hug summary: `_id` is the group id; `participants` is indexed for history. */
export type GroupHugDoc = Omit<GroupHugSummary, 'groupId'> & { _id: string };

/** A mood (or its tombstone): `_id` is the mood id. */
export type MoodDoc = Omit<MoodRecord, 'id'> & { _id: string };

/** A user's streak: `_id` is the user id. */
export type MoodStreakDoc = StoredMoodStreak & { _id: string; updatedAt: number };

/** A notification; `actorId` is the account it names (its data's `userId`), for account deletion. */
export type NotificationDoc = Omit<NotificationRecord, 'id'> & { _id: string; actorId: string | null };

/** An activity: `_id` is its id. */
export type ActivityDoc = Omit<ActivityRecord, 'id'> & { _id: string };

/** One notification setting a user changed from the default: `_id` is `userId|path` (`channels.hug.push`, `quietHours`, …). */
export interface NotificationPreferenceDoc {
  _id: string;
  userId: string;
  path: string;
  value: unknown;
  updatedAt: number;
}

/** A device registered for push: `_id` is `userId|deviceId`; `address` its endpoint or token. */
export type DeviceDoc = DeviceRecord & { _id: string; address: string };

/** A deleted account's tombstone: `_id` is the user id. */
export interface DeletedUserDoc {
  _id: string;
  deletedAt: number;
}

/** The collection names. */
export const COLLECTIONS = {
  deletedUsers: 'deleted_users',
  users: 'users',
  friendships: 'friendships',
  blocks: 'blocks',
  refreshTokens: 'refresh_tokens',
  hugs: 'hugs',
  hugRequests: 'hug_requests',
  inbox: 'inbox',
  groupHugs: 'group_hugs',
  moods: 'moods',
  moodStreaks: 'mood_streaks',
  notifications: 'notifications',
  notificationPreferences: 'notification_preferences',
  devices: 'devices',
  activities: 'activities',
} as const;

export const pairId = (a: string, b: string): { _id: string; low: string; high: string } => {
  const [low, high] = a < b ? [a, b] : [b, a];
  return { _id: `${low}|${high}`, low, high };
};

export const inboxId = (userId: string, id: string) => `${userId}|${id}`;

/** A record from its document: `_id` back to `id`. */
function withId<T extends { _id: string }>(doc: T): Omit<T, '_id'> & { id: string } {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

/*
 * Nullable fields are read as `?? null`: MongoDB stores a `null` written by an upsert's
 * `$setOnInsert`, FerretDB leaves the field out. Either way the record says `null`, and filters on
 * `field: null` match both.
 */
export const toUser = (doc: UserDoc): UserRecord => ({
  ...withId(doc),
  username: doc.username ?? null,
  passwordHash: doc.passwordHash ?? null,
  avatarUrl: doc.avatarUrl ?? null,
  lastSeenAt: doc.lastSeenAt ?? null,
});
export const toHug = (doc: HugDoc): HugRecord => ({
  ...withId(doc),
  message: doc.message ?? null,
  requestId: doc.requestId ?? null,
  // Hugs written before contexts existed have none.
  context: doc.context ?? null,
  deliveredAt: doc.deliveredAt ?? null,
  readAt: doc.readAt ?? null,
});
export const toHugRequest = (doc: HugRequestDoc): HugRequestRecord => ({
  ...withId(doc),
  message: doc.message ?? null,
  answeredAt: doc.answeredAt ?? null,
  hugId: doc.hugId ?? null,
});
export const toMood = (doc: MoodDoc): MoodRecord => ({
  ...withId(doc),
  note: doc.note ?? null,
  updatedAt: doc.updatedAt ?? null,
  deletedAt: doc.deletedAt ?? null,
});
export const toMoodStreak = (doc: MoodStreakDoc): StoredMoodStreak => ({
  current: doc.current,
  longest: doc.longest,
  firstDate: doc.firstDate ?? null,
  lastDate: doc.lastDate ?? null,
  lastZone: doc.lastZone ?? null,
});
export const toRefreshToken = (doc: RefreshTokenDoc): RefreshTokenRecord => ({
  ...withId(doc),
  rotatedAt: doc.rotatedAt ?? null,
  revokedAt: doc.revokedAt ?? null,
  successor: doc.successor ?? null,
});

export function toInbox(doc: InboxDoc): InboxRecord {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

export function toGroupSummary(doc: GroupHugDoc): GroupHugSummary {
  const { _id, ...rest } = doc;
  return { groupId: _id, ...rest };
}

export const toNotification = (doc: NotificationDoc): NotificationRecord => ({
  id: doc._id,
  userId: doc.userId,
  type: doc.type,
  title: doc.title,
  body: doc.body,
  data: doc.data,
  createdAt: doc.createdAt,
  readAt: doc.readAt ?? null,
  deletedAt: doc.deletedAt ?? null,
});

export const toActivity = (doc: ActivityDoc): ActivityRecord => ({ id: doc._id, actorId: doc.actorId, type: doc.type, ref: doc.ref, createdAt: doc.createdAt });
