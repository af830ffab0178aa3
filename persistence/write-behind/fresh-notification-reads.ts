import type { NotificationPosition, NotificationRecord, NotificationRepository } from '../store/notification-repository.js';
import type { PendingWrites } from './pending-writes.js';
import type { WriteOperation } from './write-operation.js';

/**
 * A user's notifications as a read right after an acknowledgement sees them: their pending
 * creations, reads and deletions laid over the store. Every read names the owner, whose state holds
 * their pending operations.
 */
export interface FreshNotificationReads {
  /** The notification `id` of `userId` (null when there is none, it is deleted, or another user's). */
  get(id: string, userId: string): Promise<NotificationRecord | null>;
  /** Those of `ids` that are live notifications of `userId`, by id: one read of the pending writes and one of the store. */
  getMany(ids: readonly string[], userId: string): Promise<Map<string, NotificationRecord>>;
  /** Like {@link NotificationRepository.page}. */
  page(userId: string, before: NotificationPosition | null, limit: number, unreadOnly: boolean): Promise<NotificationRecord[]>;
  /** Like {@link NotificationRepository.unreadCount} (without `upTo`). */
  unreadCount(userId: string): Promise<number>;
}

const isAtOrBefore = (n: NotificationPosition, upTo: NotificationPosition) => n.createdAt < upTo.createdAt || (n.createdAt === upTo.createdAt && n.id <= upTo.id);
const newestFirst = (a: NotificationRecord, b: NotificationRecord) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** What a user's pending notification operations come to. */
export interface NotificationFold {
  /** Every notification the operations name, with the operations applied in order (tombstones included). */
  readonly touched: Map<string, NotificationRecord>;
  /** The pending reads up to one, in order: a stored unread notification reads as read at the first that reaches it. */
  readonly readsUpTo: readonly (NotificationPosition & { readonly at: number })[];
  /** The furthest of them: every stored notification at or before it reads as read. */
  readonly readUpTo: NotificationPosition | null;
}

/** `n` as the fold's reads up to one leave it, when no operation names it. */
function afterReadsUpTo(n: NotificationRecord, fold: NotificationFold): NotificationRecord {
  if (n.readAt !== null) return n;
  const first = fold.readsUpTo.find((upTo) => isAtOrBefore(n, upTo));
  return first ? { ...n, readAt: first.at } : n;
}

/** The ids `pending` (one user's notification operations) names. */
function namedIds(pending: readonly WriteOperation[]): Set<string> {
  const ids = new Set<string>();
  for (const op of pending) {
    if (op.type === 'notification.create') ids.add(op.notification.id);
    else if (op.type === 'notification.read' || op.type === 'notification.delete') for (const id of op.ids) ids.add(id);
  }
  return ids;
}

/**
 * `stored` (the store's records of the ids the operations name) with `userId`'s pending operations
 * applied in order, as the store applies them: a creation never overwrites, a read keeps the first
 * time, a read up to one reads every one at or before it, a deletion leaves a tombstone. Replaying
 * an operation the store already applied changes nothing. Pure.
 */
export function foldNotifications(userId: string, stored: readonly NotificationRecord[], pending: readonly WriteOperation[]): NotificationFold {
  const touched = new Map(stored.filter((n) => n.userId === userId).map((n) => [n.id, n]));
  let readUpTo: NotificationFold['readUpTo'] = null;
  const readsUpTo: (NotificationPosition & { readonly at: number })[] = [];
  const read = (n: NotificationRecord | undefined, at: number) => {
    if (n && n.readAt === null && n.deletedAt === null) touched.set(n.id, { ...n, readAt: at });
  };
  for (const op of pending) {
    switch (op.type) {
      case 'notification.create':
        if (op.notification.userId === userId && !touched.has(op.notification.id)) touched.set(op.notification.id, op.notification);
        break;
      case 'notification.read':
        for (const id of op.ids) read(touched.get(id), op.at);
        break;
      case 'notification.read-up-to': {
        const upTo = { createdAt: op.createdAt, id: op.notificationId };
        for (const n of touched.values()) if (isAtOrBefore(n, upTo)) read(n, op.at);
        readsUpTo.push({ ...upTo, at: op.at });
        if (readUpTo === null || !isAtOrBefore(upTo, readUpTo)) readUpTo = upTo;
        break;
      }
      case 'notification.delete':
        for (const id of op.ids) {
          const n = touched.get(id);
          if (n && n.deletedAt === null) touched.set(id, { ...n, deletedAt: op.at, title: '', body: '', data: {} });
        }
        break;
      default:
        break;
    }
  }
  return { touched, readsUpTo, readUpTo };
}

/** {@link FreshNotificationReads} over a store's notifications and the pending writes. */
export class FreshNotifications implements FreshNotificationReads {
  constructor(
    private readonly store: NotificationRepository,
    private readonly pending: PendingWrites,
  ) {}

  async get(id: string, userId: string): Promise<NotificationRecord | null> {
    return (await this.getMany([id], userId)).get(id) ?? null;
  }

  async getMany(ids: readonly string[], userId: string): Promise<Map<string, NotificationRecord>> {
    const found = new Map<string, NotificationRecord>();
    if (ids.length === 0) return found;
    const { fold, stored } = await this.fold(userId, ids);
    for (const id of ids) {
      const n = fold.touched.get(id) ?? stored.get(id);
      if (!n || n.userId !== userId || n.deletedAt !== null) continue;
      found.set(id, fold.touched.has(id) ? n : afterReadsUpTo(n, fold));
    }
    return found;
  }

  async page(userId: string, before: NotificationPosition | null, limit: number, unreadOnly: boolean): Promise<NotificationRecord[]> {
    const pending = await this.pending.ownedOperations(userId, 'notifications');
    if (pending.length === 0) return this.store.page(userId, before, limit, unreadOnly);
    const { fold } = await this.fold(userId, [], pending);
    // The store's page, widened by as many as the pending operations may hide or replace.
    const stored = await this.store.page(userId, before, limit + fold.touched.size, unreadOnly);
    const merged = [
      ...stored.filter((n) => !fold.touched.has(n.id)).map((n) => afterReadsUpTo(n, fold)),
      ...[...fold.touched.values()].filter((n) => n.deletedAt === null && (before === null || (isAtOrBefore(n, before) && n.id !== before.id))),
    ].filter((n) => !unreadOnly || n.readAt === null);
    return merged.sort(newestFirst).slice(0, limit);
  }

  async unreadCount(userId: string): Promise<number> {
    const pending = await this.pending.ownedOperations(userId, 'notifications');
    if (pending.length === 0) return this.store.unreadCount(userId);
    const created = onlyCreations(pending);
    if (created) {
      // Only creations pending (notifications arriving, the common case): each counts unless the store
      // holds it read or deleted already (a read written and forgotten before its creation was). Two
      // counts, no rows: one that lands between them is left out of the first and unread in the second.
      const untouched = await this.store.unreadCount(userId, { except: created });
      return untouched + created.length - (await this.store.countSettled(userId, created));
    }
    // The notifications the pending operations name, as the fold leaves them (their operations
    // replayed over the store's records, which only ever moved forward along the same log), plus
    // the store's unread that no operation names and no pending read up to one reaches. Each part
    // is read at one moment: the store may advance between them without a notification counted
    // twice or missed.
    const { fold } = await this.fold(userId, [], pending);
    const untouched = await this.store.unreadCount(userId, { after: fold.readUpTo, except: [...namedIds(pending)] });
    const touchedUnread = [...fold.touched.values()].filter((n) => n.readAt === null && n.deletedAt === null).length;
    return untouched + touchedUnread;
  }

  /** The user's pending operations folded over the store's records of every id they name (and `extra`). */
  private async fold(userId: string, extra: readonly string[], known?: readonly WriteOperation[]): Promise<{ fold: NotificationFold; stored: Map<string, NotificationRecord> }> {
    const pending = known ?? (await this.pending.ownedOperations(userId, 'notifications'));
    const ids = new Set([...namedIds(pending), ...extra]);
    const stored = new Map((ids.size === 0 ? [] : await this.store.getMany([...ids])).map((n) => [n.id, n] as const));
    return { fold: foldNotifications(userId, [...stored.values()], pending), stored };
  }
}

/** The ids the pending operations create, when creating is all they do; null otherwise. */
function onlyCreations(pending: readonly WriteOperation[]): string[] | null {
  const ids = new Set<string>();
  for (const op of pending) {
    if (op.type !== 'notification.create') return null;
    ids.add(op.notification.id);
  }
  return [...ids];
}
