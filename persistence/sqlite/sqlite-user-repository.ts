import type { Database, Statement } from 'better-sqlite3';
import { DEFAULT_PRIVACY, type PrivacySettings, privacySettingsSchema } from '../../protocol/schemas/privacy.js';
import type { NewUser, ProfilePatch, UserRecord, UserRepository } from '../store/user-repository.js';
import type { SoleWriterCache } from './sole-writer-cache.js';

interface UserRow {
  id: string;
  username: string | null;
  password_hash: string | null;
  display_name: string;
  avatar_url: string | null;
  bio: string;
  privacy: string;
  created_at: number;
  last_seen_at: number | null;
}

/** Parsed settings by their stored text: most users share a handful, and every hug reads its recipient's. */
const parsedPrivacy = new Map<string, PrivacySettings>();
const PARSED_PRIVACY_MAX = 1024;

function parsePrivacy(json: string): PrivacySettings {
  const known = parsedPrivacy.get(json);
  if (known) return known;
  // Settings added after a row was written take their defaults.
  const parsed = Object.freeze(privacySettingsSchema.parse({ ...DEFAULT_PRIVACY, ...(JSON.parse(json) as object) }));
  if (parsedPrivacy.size >= PARSED_PRIVACY_MAX) parsedPrivacy.clear();
  parsedPrivacy.set(json, parsed);
  return parsed;
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    bio: row.bio,
    privacy: parsePrivacy(row.privacy),
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** {@link UserRepository} on SQLite. */
export class SqliteUserRepository implements UserRepository {
  private readonly insert: Statement;
  private readonly insertIgnore: Statement;
  private readonly byId: Statement<[string], UserRow>;
  private readonly byUsername: Statement<[string], UserRow>;
  private readonly setPrivacy: Statement;
  private readonly lastSeen: Statement;
  private readonly privacyById: Statement<[string], string>;
  private readonly swapPasswordHash: Statement<[string, string, string]>;

  /** `cache`: only where this process is the file's one writer of users' privacy ({@link SoleWriterCache}). */
  constructor(
    private readonly db: Database,
    private readonly cache: SoleWriterCache | null = null,
  ) {
    this.insert = db.prepare(
      `INSERT INTO users (id, username, password_hash, display_name, avatar_url, bio, privacy, created_at)
       VALUES (@id, @username, @passwordHash, @displayName, NULL, '', @privacy, @createdAt)
       ON CONFLICT (username) DO NOTHING`,
    );
    this.insertIgnore = db.prepare(
      `INSERT INTO users (id, username, password_hash, display_name, avatar_url, bio, privacy, created_at)
       VALUES (?, NULL, NULL, ?, NULL, '', ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    this.byId = db.prepare('SELECT * FROM users WHERE id = ?');
    this.byUsername = db.prepare('SELECT * FROM users WHERE username = ?');
    this.setPrivacy = db.prepare('UPDATE users SET privacy = ? WHERE id = ?');
    this.privacyById = db.prepare<[string], string>('SELECT privacy FROM users WHERE id = ?').pluck();
    this.swapPasswordHash = db.prepare<[string, string, string]>('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?');
    this.lastSeen = db.prepare(
      'UPDATE users SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)',
    );
  }

  create(user: NewUser): Promise<'created' | 'username_taken'> {
    const info = this.insert.run({ ...user, privacy: JSON.stringify(user.privacy) });
    return Promise.resolve(info.changes === 1 ? 'created' : 'username_taken');
  }

  ensureExternal(id: string, displayName: string, privacy: PrivacySettings, now: number): Promise<UserRecord> {
    this.insertIgnore.run(id, displayName, JSON.stringify(privacy), now);
    return Promise.resolve(toRecord(this.byId.get(id) as UserRow));
  }

  findById(id: string): Promise<UserRecord | null> {
    const row = this.byId.get(id);
    return Promise.resolve(row ? toRecord(row) : null);
  }

  privacyOf(id: string): Promise<PrivacySettings | null> {
    const read = () => {
      const json = this.privacyById.get(id);
      return json === undefined ? null : parsePrivacy(json);
    };
    return Promise.resolve(this.cache ? this.cache.get(`privacy:${id}`, read) : read());
  }

  findByIds(ids: readonly string[]): Promise<Map<string, UserRecord>> {
    const found = new Map<string, UserRecord>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare<string[], UserRow>(`SELECT * FROM users WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk);
      for (const row of rows) found.set(row.id, toRecord(row));
    }
    return Promise.resolve(found);
  }

  replacePasswordHash(id: string, expected: string, next: string): Promise<boolean> {
    return Promise.resolve(this.swapPasswordHash.run(next, id, expected).changes === 1);
  }

  findByUsername(username: string): Promise<UserRecord | null> {
    const row = this.byUsername.get(username);
    return Promise.resolve(row ? toRecord(row) : null);
  }

  updateProfile(id: string, patch: ProfilePatch): Promise<UserRecord | null> {
    const columns: [string, string | null | undefined][] = [
      ['display_name', patch.displayName],
      ['avatar_url', patch.avatarUrl],
      ['bio', patch.bio],
    ];
    const set = columns.filter(([, value]) => value !== undefined);
    if (set.length > 0) {
      this.db.prepare(`UPDATE users SET ${set.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`).run(...set.map(([, v]) => v), id);
    }
    return this.findById(id);
  }

  updatePrivacy(
    id: string,
    patch: Partial<PrivacySettings>,
  ): Promise<{ before: PrivacySettings; after: PrivacySettings } | null> {
    const apply = this.db.transaction(() => {
      const row = this.byId.get(id);
      if (!row) return null;
      const before = parsePrivacy(row.privacy);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const after = privacySettingsSchema.parse({ ...before, ...defined });
      this.setPrivacy.run(JSON.stringify(after), id);
      return { before, after };
    });
    return Promise.resolve(apply.immediate());
  }

  recordLastSeen(id: string, at: number): Promise<void> {
    this.applyLastSeen(id, at);
    return Promise.resolve();
  }

  /** Applier: raise `lastSeenAt`, never lower it. */
  applyLastSeen(id: string, at: number): void {
    this.lastSeen.run(at, id, at);
  }
}
