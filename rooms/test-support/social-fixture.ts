import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PRIVACY, type PrivacySettings } from '../../protocol/schemas/privacy.js';
import { openSqliteStore, type SqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import { MemoryPresence } from '../presence/memory-presence.js';
import { PresenceVisibility } from '../presence/presence-visibility.js';
import { PresenceWatch, type Watcher } from '../presence/presence-watch.js';
import { MemoryPendingWrites } from '../../persistence/write-behind/memory-pending-writes.js';
import { FreshMoods } from '../../persistence/write-behind/fresh-mood-reads.js';
import { FriendMoods } from '../moods/friend-moods.js';
import { FriendsService } from '../social/friends-service.js';
import { PrivacyService } from '../social/privacy-service.js';
import { allRelationshipChanges } from '../social/relationship-changes.js';
import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import { oneNodeSteps } from './one-node-steps.js';
import { RecordingRoomPort } from './recording-room-port.js';
import { type RecordingPushQueue, testNotifier } from './test-notifier.js';
import { ActivityLog } from '../feed/activity-log.js';

/** A real SQLite store, memory presence and a recording room port, wired like the server wires them. */
export interface SocialFixture {
  readonly store: SqliteStore;
  readonly rooms: RecordingRoomPort;
  readonly presence: MemoryPresence;
  readonly visibility: PresenceVisibility;
  readonly watch: PresenceWatch;
  readonly friends: FriendsService;
  readonly friendMoods: FriendMoods;
  readonly privacy: PrivacyService;
  /** Pushes the friends service queued. */
  readonly pushes: RecordingPushQueue;
  user(privacy?: Partial<PrivacySettings>): Promise<string>;
  watcher(userId: string): Watcher;
  befriend(a: string, b: string): Promise<void>;
  dispose(): Promise<void>;
}

/** Builds a {@link SocialFixture} in a temporary folder. */
export function socialFixture(maxWatchedPerSocket = 1000): SocialFixture {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-rooms-'));
  const store = openSqliteStore({ file: join(dir, 'store.db') });
  const rooms = new RecordingRoomPort();
  const presence = new MemoryPresence();
  const visibility = new PresenceVisibility({ presence, rooms, users: store.users });
  const watch = new PresenceWatch({ presence, rooms, users: store.users, friendships: store.friendships, maxWatchedPerSocket });
  const pending = new MemoryPendingWrites(60_000);
  const friendMoods = new FriendMoods({ moods: new FreshMoods(store.moods, pending), users: store.users, friendIds: (u) => store.friendships.friendIds(u), rooms });
  const changes = allRelationshipChanges([visibility, friendMoods]);
  const queue = new SqliteWriteQueue({ file: ':memory:' });
  const { steps, close: closeSteps } = oneNodeSteps(queue, pending);
  const { notifier, push } = testNotifier({ store, pending, steps, rooms });
  const activities = new ActivityLog({ steps, rooms, users: store.users, replayWindowMs: 60_000 });
  const friends = new FriendsService({ users: store.users, friendships: store.friendships, rooms, changes, notifier, activities });
  const privacy = new PrivacyService({ users: store.users, rooms, changes });
  return {
    store,
    rooms,
    presence,
    visibility,
    watch,
    friends,
    friendMoods,
    privacy,
    pushes: push,
    async user(privacy = {}) {
      const id = randomUUID();
      await store.users.create({ id, username: `u${id.slice(0, 12)}`, passwordHash: 'x', displayName: `User ${id.slice(0, 4)}`, privacy: { ...DEFAULT_PRIVACY, ...privacy }, createdAt: 1 });
      return id;
    },
    watcher: (userId) => ({ userId, socketId: `socket-of-${userId}-${randomUUID().slice(0, 4)}`, watching: new Set() }),
    async befriend(a, b) {
      await friends.act(a, b, 'request');
      await friends.act(b, a, 'accept');
    },
    async dispose() {
      await closeSteps();
      await queue.close();
      await pending.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
