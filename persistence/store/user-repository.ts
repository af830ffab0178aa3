import type { PrivacySettings } from '../../protocol/schemas/privacy.js';

/** A user as stored. */
export interface UserRecord {
  readonly id: string;
  /** Lower-case login name; `null` for users provisioned from an external identity provider. */
  readonly username: string | null;
  /** scrypt hash (see `server/identity/password-hasher.ts`); `null` for external users. */
  readonly passwordHash: string | null;
  readonly displayName: string;
  readonly avatarUrl: string | null;
  readonly bio: string;
  readonly privacy: PrivacySettings;
  readonly createdAt: number;
  readonly lastSeenAt: number | null;
}

/** The fields a new local account starts with. */
export interface NewUser {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly displayName: string;
  readonly privacy: PrivacySettings;
  readonly createdAt: number;
}

/** The editable profile fields; `undefined` leaves a field as it is, `avatarUrl: null` clears it. */
export interface ProfilePatch {
  readonly displayName?: string | undefined;
  readonly avatarUrl?: string | null | undefined;
  readonly bio?: string | undefined;
}

/**
 * Users, their profiles and privacy settings.
 *
 * Guarantees: `create` is atomic on the username (exactly one of two concurrent creates of the
 * same username wins); `updatePrivacy` is an atomic read-modify-write that returns the settings
 * before and after; `recordLastSeen` never moves `lastSeenAt` backwards, so replays are harmless.
 */
export interface UserRepository {
  /** Inserts a local account. Returns `username_taken` when the name is in use. */
  create(user: NewUser): Promise<'created' | 'username_taken'>;
  /** Returns user `id`, creating it with `displayName` and default privacy if absent. Idempotent. */
  ensureExternal(id: string, displayName: string, privacy: PrivacySettings, now: number): Promise<UserRecord>;
  findById(id: string): Promise<UserRecord | null>;
  /** The privacy settings of user `id`, or `null` if there is no such user (what a hug's permission reads). */
  privacyOf(id: string): Promise<PrivacySettings | null>;
  /** The users among `ids` that exist, keyed by id. */
  findByIds(ids: readonly string[]): Promise<Map<string, UserRecord>>;
  findByUsername(username: string): Promise<UserRecord | null>;
  /** Applies `patch` and returns the updated user, or `null` if there is no such user. */
  updateProfile(id: string, patch: ProfilePatch): Promise<UserRecord | null>;
  /** Merges `patch` into the user's privacy settings; `null` if there is no such user. */
  updatePrivacy(id: string, patch: Partial<PrivacySettings>): Promise<{ before: PrivacySettings; after: PrivacySettings } | null>;
  /** Raises `lastSeenAt` to `at` if it is later than the stored value. */
  recordLastSeen(id: string, at: number): Promise<void>;
  /**
   * Replaces the password hash of user `id` with `next` only while it is still `expected`
   * (compare-and-set: a rehash at login never overwrites a hash written meanwhile). Returns
   * whether it replaced it.
   */
  replacePasswordHash(id: string, expected: string, next: string): Promise<boolean>;
}
