import type { HugKindId } from '../../protocol/hug-kinds.js';
import type { HugContext } from '../../protocol/types/hugs.js';

/** A hug as stored. `id` is derived from sender and `clientId`, so a retried send maps to the same row. */
export interface HugRecord {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: HugKindId;
  readonly message: string | null;
  readonly sentAt: number;
  readonly requestId: string | null;
  /** The recipient's feed item the hug answers. */
  readonly context: HugContext | null;
  readonly clientId: string;
  /** A digest of what was sent, to tell a retry (same) from a reused `clientId` (different). */
  readonly fingerprint: string;
  readonly deliveredAt: number | null;
  readonly readAt: number | null;
}

/** Where a history page starts: strictly older than this hug. */
export interface HistoryPosition {
  readonly sentAt: number;
  readonly id: string;
}

/** Hugs, read side. Writes go through the write-behind queue (`Store.applyWrites`). */
export interface HugRepository {
  get(id: string): Promise<HugRecord | null>;
  /** The hugs among `ids` that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<HugRecord[]>;
  /** Hugs `userId` sent or received, newest first (`sentAt`, then `id`), strictly before `before`. */
  history(userId: string, direction: 'sent' | 'received', before: HistoryPosition | null, limit: number): Promise<HugRecord[]>;
  /** Hugs `userId` received and has not read, newest first (`sentAt`, then `id`), at most `limit`. */
  unread(userId: string, limit: number): Promise<HugRecord[]>;
}
