import { CommandError } from '../../domain/command-error.js';
import type { NotificationDeleteResult, NotificationPage, NotificationPreferences, NotificationPreferencesPatch, NotificationReadResult, UnreadCount } from '../../protocol/types/notifications.js';
import type { NotificationPreferencesRepository } from '../../persistence/store/notification-preferences-repository.js';
import type { FreshNotificationReads } from '../../persistence/write-behind/fresh-notification-reads.js';
import { notificationDelete, notificationRead, notificationReadUpTo, type WriteOperation } from '../../persistence/write-behind/write-operation.js';
import type { CommandSteps } from '../command-steps/command-step.js';
import { historyPage, parsePageToken } from '../page-token.js';
import { userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import { toNotification } from './notifier.js';
import type { UnreadCounts } from './unread-counts.js';
import type { ReminderSchedule } from './reminder-schedule.js';

/** What {@link NotificationService} is built from. */
export interface NotificationServiceDeps {
  /** Notifications with acknowledged writes laid over the store (read-your-writes). */
  readonly notifications: FreshNotificationReads;
  /** Unread counts over them, one read per user in flight. */
  readonly unread: UnreadCounts;
  readonly prefs: NotificationPreferencesRepository;
  readonly steps: CommandSteps;
  readonly rooms: RoomPort;
  /** Follows a change of the daily reminder. */
  readonly reminders: ReminderSchedule;
  readonly now?: () => number;
}

/** What a read or delete names, for the other devices. */
interface ReadStateChange {
  readonly readIds?: readonly string[];
  readonly readUpTo?: string;
  readonly deletedIds?: readonly string[];
}

/**
 * The notification centre of one user: their notifications, newest first; reads by id or up to
 * one; deletions; the unread count, right on every device (each read or deletion tells the user's
 * other devices the count as it is after it); and their preferences. A user reaches only their
 * own: the store's reads and writes are keyed by the caller.
 */
export class NotificationService {
  private readonly now: () => number;

  constructor(private readonly deps: NotificationServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** `notification:list`. */
  async list(userId: string, before: string | undefined, limit: number, unreadOnly: boolean): Promise<NotificationPage> {
    const token = before === undefined ? null : parsePageToken(before, 'notification:list');
    const [rows, unread] = await Promise.all([
      this.deps.notifications.page(userId, token && { createdAt: token.at, id: token.id }, limit + 1, unreadOnly),
      this.deps.unread.count(userId),
    ]);
    const { items, next } = historyPage(rows, limit, (n) => ({ at: n.createdAt, id: n.id }));
    return { notifications: items.map(toNotification), next, unread };
  }

  /** `notification:unread-count`. */
  async unreadCount(userId: string): Promise<UnreadCount> {
    return { unread: await this.deps.unread.count(userId) };
  }

  /** `notification:read { ids }`: ids that are not the caller's (or deleted) change nothing. */
  async readIds(userId: string, ids: readonly string[], socketId: string | null): Promise<NotificationReadResult> {
    const readAt = this.now();
    const unread = await this.change(userId, notificationRead(userId, [...new Set(ids)], readAt), { readIds: ids }, socketId);
    return { unread, readAt };
  }

  /** `notification:read { upTo }`: every one of the caller's up to and including `upTo`. */
  async readUpTo(userId: string, upTo: string, socketId: string | null): Promise<NotificationReadResult> {
    const last = await this.deps.notifications.get(upTo, userId);
    if (!last) throw new CommandError('not_found', 'no such notification of yours', { field: 'upTo' });
    const readAt = this.now();
    const unread = await this.change(userId, notificationReadUpTo(userId, last, readAt), { readUpTo: upTo }, socketId);
    return { unread, readAt };
  }

  /** `notification:delete`: answers which of `ids` were the caller's and are gone now. */
  async delete(userId: string, ids: readonly string[], socketId: string | null): Promise<NotificationDeleteResult> {
    const unique = [...new Set(ids)];
    const found = await this.deps.notifications.getMany(unique, userId);
    const deleted = unique.filter((id) => found.has(id));
    if (deleted.length === 0) return { unread: await this.deps.unread.count(userId), deleted };
    const unread = await this.change(userId, notificationDelete(userId, deleted, this.now()), { deletedIds: deleted }, socketId);
    return { unread, deleted };
  }

  /** `notification:preferences:get`. */
  preferences(userId: string): Promise<NotificationPreferences> {
    return this.deps.prefs.get(userId);
  }

  /** `notification:preferences:update`: the preferences as they are after the change. */
  async updatePreferences(userId: string, patch: NotificationPreferencesPatch): Promise<NotificationPreferences> {
    if (patch.mutedUserIds?.includes(userId) || patch.closeUserIds?.includes(userId)) {
      throw new CommandError('invalid_payload', 'you cannot mute yourself or mark yourself close', { field: patch.mutedUserIds?.includes(userId) ? 'mutedUserIds' : 'closeUserIds' });
    }
    const { before, after } = await this.deps.prefs.update(userId, patch);
    if (JSON.stringify(before.dailyReminder) !== JSON.stringify(after.dailyReminder)) await this.deps.reminders.set(userId, after.dailyReminder);
    return after;
  }

  /**
   * Queues `op` durably in the user's state, then tells their other devices (all but `socketId`)
   * what changed and the unread count after it; answers that count.
   */
  private async change(userId: string, op: WriteOperation, change: ReadStateChange, socketId: string | null): Promise<number> {
    const step = await this.deps.steps.run({ userId, append: { operations: [op] } });
    if (step.kind !== 'done') throw new Error(`the notification step of ${userId} ended ${step.kind}`);
    const unread = await this.deps.unread.count(userId);
    this.deps.rooms.emit(
      userRoom(userId),
      'notification:read-state',
      { unread, readIds: change.readIds ?? [], readUpTo: change.readUpTo ?? null, deletedIds: change.deletedIds ?? [], at: this.now() },
      socketId ?? undefined,
    );
    return unread;
  }
}
