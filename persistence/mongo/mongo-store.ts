import { MongoClient } from 'mongodb';
import type { Store } from '../store/store.js';
import type { WriteOperation } from '../write-behind/write-operation.js';
import type { BatchOutcome } from '../write-behind/write-queue.js';
import { MongoAccountRepository } from './mongo-account-repository.js';
import { mongoApplyWrites } from './mongo-apply-writes.js';
import { MongoGroupHugRepository } from './mongo-group-hug-repository.js';
import {
  type BlockDoc,
  COLLECTIONS,
  type ActivityDoc,
  type GroupHugDoc,
  type FriendshipDoc,
  type HugDoc,
  type HugRequestDoc,
  type InboxDoc,
  type MoodDoc,
  type NotificationDoc,
  type NotificationPreferenceDoc,
  type DeviceDoc,
  type MoodStreakDoc,
  type RefreshTokenDoc,
  type UserDoc,
} from './mongo-documents.js';
import { MongoFriendshipRepository } from './mongo-friendship-repository.js';
import { MongoHugRepository, MongoHugRequestRepository, MongoInboxRepository } from './mongo-hug-repositories.js';
import { MongoMoodRepository } from './mongo-mood-repository.js';
import { MongoNotificationRepository } from './mongo-notification-repository.js';
import { MongoNotificationPreferencesRepository } from './mongo-notification-preferences-repository.js';
import { MongoActivityRepository } from './mongo-activity-repository.js';
import { MongoDeviceRepository } from './mongo-device-repository.js';
import { MongoRefreshTokenRepository } from './mongo-refresh-token-repository.js';
import { MongoUserRepository } from './mongo-user-repository.js';

/** Options of {@link openMongoStore}. */
export interface MongoStoreOptions {
  readonly url: string;
  readonly database: string;
  /** How long an operation waits for a reachable server before it fails (so requests get `unavailable`). */
  readonly serverSelectionTimeoutMs?: number;
}

/**
 * Connects and creates every index the queries use (idempotent; run at each start):
 * unique usernames (sparse: external users have none), unique refresh-token hashes, friendships by either
 * member, blocks by blocker, hug history by sender and by recipient newest first, and inboxes by
 * cursor (unique per user), group hugs by participant, and moods by user newest first.
 */
export async function openMongoStore(options: MongoStoreOptions): Promise<Store> {
  const client = new MongoClient(options.url, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 5000, appName: 'hugmood-realtime' });
  await client.connect();
  const db = client.db(options.database);
  const users = db.collection<UserDoc>(COLLECTIONS.users);
  const friendships = db.collection<FriendshipDoc>(COLLECTIONS.friendships);
  const blocks = db.collection<BlockDoc>(COLLECTIONS.blocks);
  const refreshTokens = db.collection<RefreshTokenDoc>(COLLECTIONS.refreshTokens);
  const hugs = db.collection<HugDoc>(COLLECTIONS.hugs);
  const hugRequests = db.collection<HugRequestDoc>(COLLECTIONS.hugRequests);
  const inbox = db.collection<InboxDoc>(COLLECTIONS.inbox);
  const groupHugs = db.collection<GroupHugDoc>(COLLECTIONS.groupHugs);
  const moods = db.collection<MoodDoc>(COLLECTIONS.moods);
  const moodStreaks = db.collection<MoodStreakDoc>(COLLECTIONS.moodStreaks);
  const notifications = db.collection<NotificationDoc>(COLLECTIONS.notifications);
  const devices = db.collection<DeviceDoc>(COLLECTIONS.devices);
  const activities = db.collection<ActivityDoc>(COLLECTIONS.activities);
  await Promise.all([
    // Sparse rather than partial (`partialFilterExpression`): the same semantics for documents that
    // omit the field, and FerretDB, which CI checks this store against, has no partial indexes.
    users.createIndex({ username: 1 }, { name: 'username_sparse_unique', unique: true, sparse: true }),
    friendships.createIndex({ low: 1 }, { name: 'by_low' }),
    friendships.createIndex({ high: 1 }, { name: 'by_high' }),
    blocks.createIndex({ blocker: 1, since: 1 }, { name: 'by_blocker' }),
    blocks.createIndex({ blocked: 1 }, { name: 'by_blocked' }),
    refreshTokens.createIndex({ tokenHash: 1 }, { name: 'token_hash_unique', unique: true }),
    refreshTokens.createIndex({ familyId: 1 }, { name: 'by_family' }),
    refreshTokens.createIndex({ expiresAt: 1 }, { name: 'by_expiry' }),
    refreshTokens.createIndex({ userId: 1 }, { name: 'by_user' }),
    db.collection<NotificationPreferenceDoc>(COLLECTIONS.notificationPreferences).createIndex({ path: 1, value: 1 }, { name: 'close_watchers' }),
    hugRequests.createIndex({ from: 1 }, { name: 'by_sender' }),
    hugRequests.createIndex({ to: 1 }, { name: 'by_recipient' }),
    hugRequests.createIndex({ to: 1, status: 1, createdAt: -1, _id: -1 }, { name: 'pending_for_recipient' }),
    hugs.createIndex({ from: 1, sentAt: -1, _id: -1 }, { name: 'sent_history' }),
    hugs.createIndex({ to: 1, sentAt: -1, _id: -1 }, { name: 'received_history' }),
    hugs.createIndex({ to: 1, readAt: 1, sentAt: -1, _id: -1 }, { name: 'unread_received' }),
    inbox.createIndex({ userId: 1, cursor: 1 }, { name: 'inbox_cursor_unique', unique: true }),
    groupHugs.createIndex({ participants: 1, endedAt: -1, _id: -1 }, { name: 'group_history' }),
    moods.createIndex({ userId: 1, recordedAt: -1, _id: -1 }, { name: 'mood_history' }),
    notifications.createIndex({ userId: 1, createdAt: -1, _id: -1 }, { name: 'notification_pages' }),
    notifications.createIndex({ actorId: 1 }, { name: 'by_actor', sparse: true }),
    notifications.createIndex({ createdAt: 1 }, { name: 'by_age' }),
    devices.createIndex({ userId: 1, createdAt: 1 }, { name: 'by_user' }),
    devices.createIndex({ address: 1 }, { name: 'by_address' }),
    activities.createIndex({ actorId: 1, createdAt: -1, _id: -1 }, { name: 'feed_by_actor' }),
    activities.createIndex({ ref: 1 }, { name: 'by_ref' }),
    db.collection<NotificationPreferenceDoc>(COLLECTIONS.notificationPreferences).createIndex({ userId: 1 }, { name: 'by_user' }),
  ]);
  const accounts = new MongoAccountRepository(db);
  return {
    kind: 'mongodb',
    accounts,
    users: new MongoUserRepository(users),
    friendships: new MongoFriendshipRepository(friendships, blocks),
    refreshTokens: new MongoRefreshTokenRepository(refreshTokens),
    hugs: new MongoHugRepository(hugs),
    hugRequests: new MongoHugRequestRepository(hugRequests),
    inbox: new MongoInboxRepository(inbox),
    groupHugs: new MongoGroupHugRepository(groupHugs),
    moods: new MongoMoodRepository(moods, moodStreaks),
    notifications: new MongoNotificationRepository(notifications),
    notificationPreferences: new MongoNotificationPreferencesRepository(db.collection<NotificationPreferenceDoc>(COLLECTIONS.notificationPreferences)),
    devices: new MongoDeviceRepository(devices),
    activities: new MongoActivityRepository(activities),
    applyWrites: (batch: readonly WriteOperation[]): Promise<BatchOutcome> => mongoApplyWrites(db, accounts, batch),
    async ping() {
      await db.command({ ping: 1 });
    },
    async close() {
      await client.close();
    },
  };
}
