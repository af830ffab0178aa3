import type { WriteOperation } from '../write-behind/write-operation.js';
import type { BatchOutcome } from '../write-behind/write-queue.js';
import type { AccountRepository } from './account-repository.js';
import type { FriendshipRepository } from './friendship-repository.js';
import type { GroupHugRepository } from './group-hug-repository.js';
import type { HugRepository } from './hug-repository.js';
import type { HugRequestRepository } from './hug-request-repository.js';
import type { InboxRepository } from './inbox-repository.js';
import type { MoodRepository } from './mood-repository.js';
import type { NotificationRepository } from './notification-repository.js';
import type { NotificationPreferencesRepository } from './notification-preferences-repository.js';
import type { ActivityRepository } from './activity-repository.js';
import type { DeviceRepository } from './device-repository.js';
import type { RefreshTokenRepository } from './refresh-token-repository.js';
import type { UserRepository } from './user-repository.js';

/**
 * The durable store behind the repositories: SQLite in the embedded and local-cluster shapes,
 * MongoDB in production. Callers see only these repositories.
 */
export interface Store {
  readonly kind: string;
  readonly users: UserRepository;
  readonly friendships: FriendshipRepository;
  readonly refreshTokens: RefreshTokenRepository;
  readonly hugs: HugRepository;
  readonly hugRequests: HugRequestRepository;
  readonly inbox: InboxRepository;
  readonly groupHugs: GroupHugRepository;
  readonly moods: MoodRepository;
  readonly notifications: NotificationRepository;
  readonly notificationPreferences: NotificationPreferencesRepository;
  readonly devices: DeviceRepository;
  /** Users' activities, for their friends' feeds. */
  readonly activities: ActivityRepository;
  readonly accounts: AccountRepository;
  /**
   * Writes one write-behind batch: one SQLite transaction, or one unordered MongoDB `bulkWrite`.
   * Operations are applied in batch order and each is idempotent. An operation that fails is
   * reported in `failed` and written nowhere, and so are the later operations of its key (to keep
   * key order); the others are written. Every operation is first passed through
   * `afterDeletions` (deleted accounts). Throws only when the store as a whole is unreachable.
   */
  applyWrites(batch: readonly WriteOperation[]): Promise<BatchOutcome>;
  /** Resolves when the store answers; rejects otherwise (for `/readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
