import type { GroupInvite } from './group-hugs.js';
import type { Hug, HugRequest } from './hugs.js';
import type { Notification } from './notifications.js';

/* The inbox as client and server exchange it (zod-free; the schemas are in ../schemas/inbox.ts). */

/** The answer to a hug request, as its requester sees it. */
export interface HugRequestAnswer {
  readonly requestId: string;
  readonly by: string;
  readonly accepted: boolean;
  /** The hug sent back, when accepted. */
  readonly hugId: string | null;
}

/** A read receipt, as the hug's sender sees it. */
export interface ReadReceipt {
  readonly hugId: string;
  readonly by: string;
  readonly readAt: number;
}

interface EntryBase {
  /** The user's position: strictly increasing, one per entry, never reused. */
  readonly cursor: number;
  /** Stable across live delivery and sync: deduplicate by it. */
  readonly id: string;
  /** When the event happened (server time). */
  readonly createdAt: number;
}

/**
 * One event a user must not miss while offline, in the order it happened. The same entry arrives
 * live (as `hug:received`, `hug:request:received`, …) and through `inbox:sync`.
 */
export type InboxEntry =
  | (EntryBase & { readonly type: 'hug'; readonly hug: Hug })
  | (EntryBase & { readonly type: 'hug-request'; readonly request: HugRequest })
  | (EntryBase & { readonly type: 'hug-request-answer'; readonly answer: HugRequestAnswer })
  | (EntryBase & { readonly type: 'read-receipt'; readonly receipt: ReadReceipt })
  | (EntryBase & { readonly type: 'group-invite'; readonly invite: GroupInvite })
  /** A notification for you (protocol 4 and later), in its current read state; a deleted one is left out of a sync. */
  | (EntryBase & { readonly type: 'notification'; readonly notification: Notification });

/** The kind of an {@link InboxEntry}. */
export type InboxEntryType = InboxEntry['type'];

/** `inbox:sync` result. */
export interface InboxPage {
  readonly entries: readonly InboxEntry[];
  /** The cursor to pass as `after` next: the last entry's, or the request's `after` when empty. */
  readonly cursor: number;
  readonly hasMore: boolean;
}
