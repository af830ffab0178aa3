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
  successor: string | null;
}

/** {@link RefreshTokenRepository} on SQLite. */
export class SqliteRefreshTokenRepository implements RefreshTokenRepository {
  private readonly insertRow: Statement;
  private readonly byHash: Statement<[string], TokenRow>;
  private readonly rotate: Statement;
  private readonly revoke: Statement;
  private readonly purge: Statement;
  private readonly remove: Statement;

  constructor(db: Database) {
    this.insertRow = db.prepare(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, rotated_at, revoked_at, successor)
       VALUES (@id, @familyId, @userId, @tokenHash, @createdAt, @expiresAt, @rotatedAt, @revokedAt, @successor)`,
    );
    this.byHash = db.prepare('SELECT * FROM refresh_tokens WHERE token_hash = ?');
    this.rotate = db.prepare(
      'UPDATE refresh_tokens SET rotated_at = ?, successor = ? WHERE id = ? AND rotated_at IS NULL AND revoked_at IS NULL',
    );
    this.revoke = db.prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL');
    this.purge = db.prepare('DELETE FROM refresh_tokens WHERE expires_at < ?');
    this.remove = db.prepare('DELETE FROM refresh_tokens WHERE id = ?');
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
            successor: row.successor,
          }
        : null,
    );
  }

  markRotated(id: string, at: number, successor: string): Promise<boolean> {
    return Promise.resolve(this.rotate.run(at, successor, id).changes === 1);
  }

  deleteById(id: string): Promise<void> {
    this.remove.run(id);
    return Promise.resolve();
  }

  revokeFamily(familyId: string, at: number): Promise<void> {
    this.revoke.run(at, familyId);
    return Promise.resolve();
  }

  deleteExpired(before: number): Promise<number> {
    return Promise.resolve(this.purge.run(before).changes);
  }
}
