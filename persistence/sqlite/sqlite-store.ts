import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './open-database.js';
import type { Store } from '../store/store.js';
import type { WriteOperation } from '../write-behind/write-operation.js';
import type { BatchOutcome } from '../write-behind/write-queue.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { type MigrationReport, migrate } from './sqlite-migrator.js';
import { SqliteAccountRepository } from './sqlite-account-repository.js';
import { SqliteGroupHugRepository } from './sqlite-group-hug-repository.js';
import { SqliteFriendshipRepository } from './sqlite-friendship-repository.js';
import { SqliteHugRepository } from './sqlite-hug-repository.js';
import { SqliteHugRequestRepository } from './sqlite-hug-request-repository.js';
import { SqliteInboxRepository } from './sqlite-inbox-repository.js';
import { SqliteMoodRepository } from './sqlite-mood-repository.js';
import { SqliteNotificationRepository } from './sqlite-notification-repository.js';
import { SqliteActivityRepository } from './sqlite-activity-repository.js';
import { SqliteNotificationPreferencesRepository } from './sqlite-notification-preferences-repository.js';
import { SqliteDeviceRepository } from './sqlite-device-repository.js';
import { SqliteRefreshTokenRepository } from './sqlite-refresh-token-repository.js';
import { SqliteUserRepository } from './sqlite-user-repository.js';
import { sqliteApplyWrites } from './sqlite-write-applier.js';
import { SoleWriterCache } from './sole-writer-cache.js';

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file; its folder is created if missing. */
  readonly file: string;
  /** Overrides the schema history (tests). */
  readonly migrations?: readonly Migration[];
  /**
   * This process is the only one that writes the file (the embedded shape): privacy settings and
   * friendships are then kept in memory until this connection writes ({@link SoleWriterCache}).
   * Leave it off where processes share the file (a local cluster) or another connection of this
   * process writes those rows.
   */
  readonly soleWriter?: boolean;
  /**
   * Every commit is fsynced (`synchronous = FULL`) instead of at checkpoints (`NORMAL`, which survives
   * a process crash but may lose the last commits to a power loss). The embedded writer thread needs
   * it: once a batch is in the store its operations leave the fsynced queue file.
   */
  readonly fsyncEveryCommit?: boolean;
}

/** The embedded store: one SQLite file in WAL mode, safe to share between processes on one machine. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly users: SqliteUserRepository;
  readonly friendships: SqliteFriendshipRepository;
  readonly refreshTokens: SqliteRefreshTokenRepository;
  readonly hugs: SqliteHugRepository;
  readonly hugRequests: SqliteHugRequestRepository;
  readonly inbox: SqliteInboxRepository;
  readonly groupHugs: SqliteGroupHugRepository;
  readonly moods: SqliteMoodRepository;
  readonly notifications: SqliteNotificationRepository;
  readonly notificationPreferences: SqliteNotificationPreferencesRepository;
  readonly devices: SqliteDeviceRepository;
  readonly activities: SqliteActivityRepository;
  readonly accounts: SqliteAccountRepository;

  constructor(
    readonly db: Database,
    readonly migration: MigrationReport,
    soleWriter = false,
  ) {
    const cache = soleWriter ? new SoleWriterCache(db) : null;
    this.users = new SqliteUserRepository(db, cache);
    this.friendships = new SqliteFriendshipRepository(db, cache);
    this.refreshTokens = new SqliteRefreshTokenRepository(db);
    this.hugs = new SqliteHugRepository(db);
    this.hugRequests = new SqliteHugRequestRepository(db);
    this.inbox = new SqliteInboxRepository(db);
    this.groupHugs = new SqliteGroupHugRepository(db);
    this.moods = new SqliteMoodRepository(db);
    this.notifications = new SqliteNotificationRepository(db);
    this.notificationPreferences = new SqliteNotificationPreferencesRepository(db);
    this.devices = new SqliteDeviceRepository(db);
    this.activities = new SqliteActivityRepository(db);
    this.accounts = new SqliteAccountRepository(db);
  }

  applyWrites(batch: readonly WriteOperation[]): Promise<BatchOutcome> {
    try {
      return Promise.resolve(sqliteApplyWrites(this.db, this, batch));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

/** Opens (creating if needed) and migrates the SQLite store. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  mkdirSync(dirname(options.file), { recursive: true });
  const db = openDatabase(options.file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (kill -9); only a power loss can drop the last commits.
    db.pragma(options.fsyncEveryCommit ? 'synchronous = FULL' : 'synchronous = NORMAL');
    // Several processes may share the file (local-cluster shape): wait for the writer lock.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const report = migrate(db, options.migrations ?? MIGRATIONS);
    return new SqliteStore(db, report, options.soleWriter ?? false);
  } catch (error) {
    db.close();
    throw error;
  }
}
