/** One versioned schema change. Versions are consecutive from 1 and never edited once released. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The SQLite schema history, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, friendships, blocks, refresh tokens',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT UNIQUE,
        password_hash TEXT,
        display_name TEXT NOT NULL,
        avatar_url TEXT,
        bio TEXT NOT NULL DEFAULT '',
        privacy TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER
      );
      CREATE TABLE friendships (
        user_low TEXT NOT NULL,
        user_high TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'friends')),
        requested_by TEXT NOT NULL,
        since INTEGER NOT NULL,
        PRIMARY KEY (user_low, user_high)
      ) WITHOUT ROWID;
      CREATE INDEX friendships_by_high ON friendships (user_high);
      CREATE TABLE blocks (
        blocker TEXT NOT NULL,
        blocked TEXT NOT NULL,
        since INTEGER NOT NULL,
        PRIMARY KEY (blocker, blocked)
      ) WITHOUT ROWID;
      CREATE INDEX blocks_by_blocked ON blocks (blocked);
      CREATE TABLE refresh_tokens (
        id TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        rotated_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
      CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens (expires_at);
    `,
  },
];
