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
  {
    version: 2,
    name: 'hugs, hug requests, inboxes',
    sql: `
      CREATE TABLE hugs (
        id TEXT PRIMARY KEY,
        from_user TEXT NOT NULL,
        to_user TEXT NOT NULL,
        kind TEXT NOT NULL,
        message TEXT,
        sent_at INTEGER NOT NULL,
        request_id TEXT,
        client_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        delivered_at INTEGER,
        read_at INTEGER
      );
      CREATE INDEX hugs_sent ON hugs (from_user, sent_at DESC, id DESC);
      CREATE INDEX hugs_received ON hugs (to_user, sent_at DESC, id DESC);
      CREATE TABLE hug_requests (
        id TEXT PRIMARY KEY,
        from_user TEXT NOT NULL,
        to_user TEXT NOT NULL,
        message TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
        answered_at INTEGER,
        hug_id TEXT,
        fingerprint TEXT NOT NULL
      );
      CREATE TABLE inbox (
        user_id TEXT NOT NULL,
        cursor INTEGER NOT NULL CHECK (cursor > 0),
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        ref TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (user_id, cursor),
        UNIQUE (user_id, id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'group hug summaries and their participants',
    sql: `
      CREATE TABLE group_hugs (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        creator_id TEXT NOT NULL,
        participants TEXT NOT NULL,
        peak_warmth REAL NOT NULL,
        starts_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        ended_at INTEGER NOT NULL
      );
      CREATE TABLE group_hug_members (
        user_id TEXT NOT NULL,
        ended_at INTEGER NOT NULL,
        group_id TEXT NOT NULL,
        PRIMARY KEY (user_id, ended_at, group_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'refresh-token successors, deleted accounts',
    sql: `
      ALTER TABLE refresh_tokens ADD COLUMN successor TEXT;
      CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);
      CREATE TABLE deleted_users (
        id TEXT PRIMARY KEY,
        deleted_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX hugs_by_recipient ON hugs (to_user);
      CREATE INDEX hug_requests_by_sender ON hug_requests (from_user);
      CREATE INDEX hug_requests_by_recipient ON hug_requests (to_user);
    `,
  },
  {
    version: 5,
    name: 'one index of hugs by recipient',
    // hugs_received (to_user, sent_at, id) already serves every lookup by recipient, the account
    // deletion's included; the second one only cost a page write per hug.
    sql: `
      DROP INDEX hugs_by_recipient;
    `,
  },
  {
    version: 6,
    name: 'moods and streaks',
    // A deleted mood stays as a tombstone (deleted_at set, note and tags cleared), so a late retry
    // of its record cannot bring it back. History pages by (user_id, recorded_at, id).
    sql: `
      CREATE TABLE moods (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        mood TEXT NOT NULL,
        intensity REAL NOT NULL CHECK (intensity BETWEEN 0 AND 1),
        valence REAL NOT NULL CHECK (valence BETWEEN -1 AND 1),
        arousal REAL NOT NULL CHECK (arousal BETWEEN 0 AND 1),
        note TEXT,
        tags TEXT NOT NULL,
        visibility TEXT NOT NULL CHECK (visibility IN ('private', 'friends', 'public')),
        time_zone TEXT NOT NULL,
        local_date TEXT NOT NULL,
        recorded_at INTEGER NOT NULL,
        updated_at INTEGER,
        client_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        deleted_at INTEGER
      );
      CREATE INDEX moods_by_user ON moods (user_id, recorded_at DESC, id DESC);
      CREATE TABLE mood_streaks (
        user_id TEXT PRIMARY KEY,
        current INTEGER NOT NULL,
        longest INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT,
        last_zone TEXT,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'notifications',
    // A deleted notification stays as a tombstone (words cleared) until retention removes it, so a
    // late replay of its creation cannot bring it back. actor_id (the account it names) lets an
    // account deletion remove the notifications that name it. Pages walk (user_id, created_at, id);
    // the unread count walks the partial index of unread live ones.
    sql: `
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        type TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        data TEXT NOT NULL,
        actor_id TEXT,
        created_at INTEGER NOT NULL,
        read_at INTEGER,
        deleted_at INTEGER
      );
      CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC);
      CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL AND deleted_at IS NULL;
      CREATE INDEX notifications_by_actor ON notifications (actor_id) WHERE actor_id IS NOT NULL;
      CREATE INDEX notifications_by_age ON notifications (created_at);
    `,
  },
  {
    version: 8,
    name: 'devices and notification preferences',
    // A device is keyed by its user and the handshake's deviceId; `address` (its Web Push endpoint or
    // token) finds the registrations a push service called gone. Preferences are one JSON document
    // per user, the changes a user made over the defaults.
    sql: `
      CREATE TABLE devices (
        user_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        platform TEXT NOT NULL CHECK (platform IN ('web', 'android', 'ios')),
        push TEXT NOT NULL,
        address TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, device_id)
      ) WITHOUT ROWID;
      CREATE INDEX devices_by_address ON devices (address);
      CREATE TABLE notification_preferences (
        user_id TEXT PRIMARY KEY,
        prefs TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: 'activities',
    // The feed is read across a viewer's friends: one index walk per friend, newest first.
    sql: `
      CREATE TABLE activities (
        id TEXT PRIMARY KEY,
        actor_id TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('mood', 'streak-milestone', 'friendship')),
        ref TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX activities_by_actor ON activities (actor_id, created_at DESC, id DESC);
      CREATE INDEX activities_by_friend ON activities (ref) WHERE type = 'friendship';
    `,
  },
  {
    version: 10,
    name: 'close friends',
    // A mood tells those who marked its author close: read by the author, kept with each change of preferences.
    sql: `
      CREATE TABLE close_friends (
        close_user_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (close_user_id, user_id)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO close_friends (close_user_id, user_id)
        SELECT close.value, p.user_id FROM notification_preferences p, json_each(p.prefs, '$.closeUserIds') close;
    `,
  },
  {
    version: 11,
    name: 'hug contexts',
    // The feed item a hug answers (JSON: activity id and type), null for most hugs.
    sql: `ALTER TABLE hugs ADD COLUMN context TEXT;`,
  },
  {
    version: 12,
    name: 'unread hugs',
    // `hug:unread`: a user's unread hugs, newest first; the index holds only unread ones.
    sql: `CREATE INDEX hugs_unread ON hugs (to_user, sent_at DESC, id DESC) WHERE read_at IS NULL;`,
  },
];
