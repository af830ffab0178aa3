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
  /**
   * The pair this token was rotated to, sealed with a key only this token derives (see
   * `server/identity/successor-seal.ts`): a second presentation within the grace window gets the
   * same pair back. `null` until rotated.
   */
  readonly successor: string | null;
}

/**
 * Refresh tokens. `markRotated` is atomic: of two concurrent rotations of one token exactly one
 * succeeds and records its successor, which the others then read back (or, past the grace
 * window, treat as reuse).
 */
export interface RefreshTokenRepository {
  insert(record: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /** Marks the token rotated to `successor` if it is neither rotated nor revoked. Returns whether it did. */
  markRotated(id: string, at: number, successor: string): Promise<boolean>;
  /** Deletes one token (a successor minted by a rotation that lost the race). */
  deleteById(id: string): Promise<void>;
  /** Revokes every token of the family. */
  revokeFamily(familyId: string, at: number): Promise<void>;
  /** Deletes tokens that expired before `before`. Returns how many. */
  deleteExpired(before: number): Promise<number>;
}
