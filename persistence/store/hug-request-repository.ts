/** A hug request as stored. Its status is `pending` until answered; expiry is read from `expiresAt`. */
export interface HugRequestRecord {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly message: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly status: 'pending' | 'accepted' | 'declined';
  readonly answeredAt: number | null;
  /** The hug sent back on accept. */
  readonly hugId: string | null;
  readonly fingerprint: string;
}

/** Hug requests, read side. Writes go through the write-behind queue. */
export interface HugRequestRepository {
  get(id: string): Promise<HugRequestRecord | null>;
  getMany(ids: readonly string[]): Promise<HugRequestRecord[]>;
  /** Every request `userId` sent or received, oldest first (for the account export). */
  involving(userId: string): Promise<HugRequestRecord[]>;
  /** Requests made to `userId` still waiting for an answer and not expired at `now`, newest first (`createdAt`, then `id`), at most `limit`. */
  pendingFor(userId: string, now: number, limit: number): Promise<HugRequestRecord[]>;
}
