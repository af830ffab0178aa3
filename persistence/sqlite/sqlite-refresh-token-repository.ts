import type { Database, Statement } from 'better-sqlite3';
import type { RefreshTokenRecord, RefreshTokenRepository } from '../store/refresh-token-repository.js';

interface TokenRow {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
  rotated_at: number | null;
  revoked_at: number | null;
}

/** {@link RefreshTokenRepository} on SQLite. */
export class SqliteRefreshTokenRepository implements RefreshTokenRepository {
  private readonly insertRow: Statement;
  private readonly byHash: Statement<[string], TokenRow>;
  private readonly rotate: Statement;
  private readonly revoke: Statement;
  private readonly purge: Statement;

  constructor(db: Database) {
    this.insertRow = db.prepare(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, rotated_at, revoked_at)
       VALUES (@id, @familyId, @userId, @tokenHash, @createdAt, @expiresAt, @rotatedAt, @revokedAt)`,
    );
    this.byHash = db.prepare('SELECT * FROM refresh_tokens WHERE token_hash = ?');
    this.rotate = db.prepare(
      'UPDATE refresh_tokens SET rotated_at = ? WHERE id = ? AND rotated_at IS NULL AND revoked_at IS NULL',
    );
    this.revoke = db.prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL');
    this.purge = db.prepare('DELETE FROM refresh_tokens WHERE expires_at < ?');
  }

  insert(record: RefreshTokenRecord): Promise<void> {
    this.insertRow.run(record);
    return Promise.resolve();
  }

  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const row = this.byHash.get(tokenHash);
    return Promise.resolve(
      row
        ? {
            id: row.id,
            familyId: row.family_id,
            userId: row.user_id,
            tokenHash: row.token_hash,
            createdAt: row.created_at,
            expiresAt: row.expires_at,
            rotatedAt: row.rotated_at,
            revokedAt: row.revoked_at,
          }
        : null,
    );
  }

  markRotated(id: string, at: number): Promise<boolean> {
    return Promise.resolve(this.rotate.run(at, id).changes === 1);
  }

  revokeFamily(familyId: string, at: number): Promise<void> {
    this.revoke.run(at, familyId);
    return Promise.resolve();
  }

  deleteExpired(before: number): Promise<number> {
    return Promise.resolve(this.purge.run(before).changes);
  }
}
