/** A refresh token as stored: only the SHA-256 of the token is kept. */
export interface RefreshTokenRecord {
  readonly id: string;
  /** Every rotation of one login shares a family; reuse of a rotated token revokes the family. */
  readonly familyId: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly rotatedAt: number | null;
  readonly revokedAt: number | null;
}

/**
 * Refresh tokens. `markRotated` is atomic: of two concurrent rotations of one token exactly one
 * succeeds, which is what lets the other be treated as reuse.
 */
export interface RefreshTokenRepository {
  insert(record: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /** Marks the token rotated if it is neither rotated nor revoked. Returns whether it did. */
  markRotated(id: string, at: number): Promise<boolean>;
  /** Revokes every token of the family. */
  revokeFamily(familyId: string, at: number): Promise<void>;
  /** Deletes tokens that expired before `before`. Returns how many. */
  deleteExpired(before: number): Promise<number>;
}
