import type { InboxRecord } from '../store/inbox-repository.js';
import type { WriteOperation } from './write-operation.js';

/** Which hugs of a user: those they sent or those they received. */
export type HugDirection = 'sent' | 'received';

/**
 * A hug or hug request with its recipient: pending writes are kept with the recipient's state (in
 * a Redis Cluster, the recipient's hash slot), so a read names them both. `null`: the recipient is
 * not known, and every partition is looked at (a refusal's path, never a hot one).
 */
export interface SubjectRef {
  readonly id: string;
  readonly recipient: string | null;
}

/**
 * Writes that were acknowledged but may not be in the store yet (the hot state of read-your-writes),
 * indexed for the reads that must see them: hugs and hug requests by id, a user's new hugs, and a
 * user's inbox. A memory implementation serves one node, a Redis one the cluster, so a read on any
 * node sees a write acknowledged by any other.
 *
 * Guarantees: an operation recorded before its command is acknowledged is visible to every later
 * read until it is forgotten, which the worker does only after the store holds it. Entries expire
 * after a TTL longer than the queue's lag bound, so operations that were dead-lettered do not stay.
 */
export interface PendingWrites {
  /** Records acknowledged operations (only the kinds reads need; others are ignored). */
  record(operations: readonly WriteOperation[]): Promise<void>;
  /** Forgets operations the store now holds. */
  forget(operations: readonly WriteOperation[]): Promise<void>;
  /** Pending operations on each of the hugs `refs`, by id (creation, delivery, read). */
  hugOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>>;
  /** Pending operations on each of the hug requests `refs`, by id (creation, answer). */
  requestOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>>;
  /** Hugs `userId` sent whose creation is pending, or received whose inbox entry is pending (they are recorded together). */
  newHugs(userId: string, direction: HugDirection): Promise<SubjectRef[]>;
  /** Pending inbox entries of `userId` after cursor `after`, in cursor order. */
  inboxAfter(userId: string, after: number): Promise<InboxRecord[]>;
  /**
   * Pending operations of a family `userId` owns (their moods and streak, or their notifications),
   * in the order they happened ({@link ownedOperationOrder}).
   */
  ownedOperations(userId: string, family: OwnedFamily): Promise<WriteOperation[]>;
  close(): Promise<void>;
}

/** The hug or hug request an operation touches, if it is one reads must see. */
export function subjectOf(op: WriteOperation): { readonly kind: 'hug' | 'request'; readonly id: string } | null {
  switch (op.type) {
    case 'hug.create':
      return { kind: 'hug', id: op.hug.id };
    case 'hug.delivered':
    case 'hug.read':
      return { kind: 'hug', id: op.hugId };
    case 'hug-request.create':
      return { kind: 'request', id: op.request.id };
    case 'hug-request.answer':
      return { kind: 'request', id: op.requestId };
    default:
      return null;
  }
}

/** The operation types of each kind of subject: an operation's id is `<type>:<subject id>`. */
const SUBJECT_OPERATION_TYPES = {
  hug: ['hug.create', 'hug.delivered', 'hug.read'],
  request: ['hug-request.create', 'hug-request.answer'],
} as const satisfies Record<'hug' | 'request', readonly WriteOperation['type'][]>;

/** The ids every pending operation on a hug or hug request can have (one per operation type). */
export function subjectOperationIds(kind: 'hug' | 'request', id: string): string[] {
  return SUBJECT_OPERATION_TYPES[kind].map((type) => `${type}:${id}`);
}

/**
 * The families of operations read per owner: a user's moods and streak (read together), a user's
 * notifications (their creation, reads and deletions, folded for the unread count), and the
 * activities a user did (a hug may answer one the moment it shows in a friend's feed).
 */
export const OWNED_FAMILIES = ['moods', 'notifications', 'activities'] as const;
export type OwnedFamily = (typeof OWNED_FAMILIES)[number];

/** The family and owner of an operation read per owner, or null for any other operation. */
export function ownerOf(op: WriteOperation): { readonly family: OwnedFamily; readonly owner: string } | null {
  switch (op.type) {
    case 'mood.create':
      return { family: 'moods', owner: op.mood.userId };
    case 'mood.update':
    case 'mood.delete':
    case 'mood.streak':
      return { family: 'moods', owner: op.userId };
    case 'notification.create':
      return { family: 'notifications', owner: op.notification.userId };
    case 'notification.read':
    case 'notification.read-up-to':
    case 'notification.delete':
      return { family: 'notifications', owner: op.userId };
    case 'activity.create':
      return { family: 'activities', owner: op.activity.actorId };
    default:
      return null;
  }
}

/** Where each owned operation type falls among those of one instant: a record before a change of it. */
const OWNED_RANK: readonly WriteOperation['type'][] = [
  'mood.create',
  'mood.update',
  'mood.delete',
  'mood.streak',
  'notification.create',
  'notification.read',
  'notification.read-up-to',
  'notification.delete',
  'activity.create',
];

/** Orders a user's pending owned operations as they happened: by time, a record before a change of it. */
export function ownedOperationOrder(a: WriteOperation, b: WriteOperation): number {
  const time = (op: WriteOperation) => {
    switch (op.type) {
      case 'mood.create':
        return op.mood.recordedAt;
      case 'notification.create':
        return op.notification.createdAt;
      case 'activity.create':
        return op.activity.createdAt;
      default:
        return 'at' in op ? op.at : 0;
    }
  };
  return time(a) - time(b) || OWNED_RANK.indexOf(a.type) - OWNED_RANK.indexOf(b.type);
}

/** When an operation on a subject happened (by its own clock): a pending one older than the TTL is swept. */
export function subjectOperationTime(op: WriteOperation): number | null {
  switch (op.type) {
    case 'hug.create':
      return op.hug.sentAt;
    case 'hug.delivered':
    case 'hug.read':
    case 'hug-request.answer':
      return op.at;
    case 'hug-request.create':
      return op.request.createdAt;
    default:
      return null;
  }
}
