import { channelsFor } from '../../domain/notifications/notification-preferences.js';
import { type NotificationContent, type NotificationEvent, notificationContent, type Person } from '../../domain/notifications/notification-text.js';
import type { Notification } from '../../protocol/types/notifications.js';
import type { DeviceRepository } from '../../persistence/store/device-repository.js';
import type { NotificationPreferencesRepository } from '../../persistence/store/notification-preferences-repository.js';
import type { NotificationRecord } from '../../persistence/store/notification-repository.js';
import { inboxAppend, notificationCreate, type WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { notificationIdFor } from '../command-ids.js';
import type { CommandSteps } from '../command-steps/command-step.js';
import { UNASSIGNED_CURSOR } from '../command-steps/step-operations.js';
import { userRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import type { People } from './people.js';
import type { PushJob, PushQueue } from './push-queue.js';
import type { UnreadCounts } from './unread-counts.js';

/** An event to notify one recipient of, before its words are written. */
export interface NotificationDraft {
  /** Names the event: one event notifies each recipient once (the notification id derives from it). */
  readonly key: string;
  /** Who caused it (their name goes in the words), or null. */
  readonly actorId: string | null;
  readonly build: (actor: Person | null) => NotificationEvent;
}

/** A notification decided for a recipient, ready to go into their command step. */
export interface PreparedNotification {
  readonly id: string;
  readonly recipient: string;
  readonly content: NotificationContent;
  readonly createdAt: number;
  /** The stored notification, or null when the in-app channel is off (a push alone, say). */
  readonly record: NotificationRecord | null;
  /** Whether to queue a push: the channel is on and a device is registered (delivery decides again: quiet hours, connected devices). */
  readonly push: boolean;
  /** The recipient asked for pushes even while a device of theirs is connected. */
  readonly pushWhileConnected: boolean;
  /** What the recipient's step appends: the creation and its inbox entry (none without a record). */
  readonly operations: readonly WriteOperation[];
  /** The id of its inbox entry. */
  readonly entryId: string;
}

/** What {@link Notifier} is built from. */
export interface NotifierDeps {
  readonly prefs: NotificationPreferencesRepository;
  /** Whether the recipient registered any device for push (no job is queued for one who did not). */
  readonly devices: DeviceRepository;
  readonly people: People;
  /** Unread counts, one read per user in flight (over the fresh notifications). */
  readonly unread: UnreadCounts;
  readonly steps: CommandSteps;
  readonly rooms: RoomPort;
  readonly push: PushQueue;
  /** How long a standalone notification's `once` marker is kept (longer than writes stay pending). */
  readonly replayWindowMs: number;
  /** Hears what could not be announced (the notification itself is durable by then). */
  readonly onError?: (error: unknown, what: string) => void;
  readonly now?: () => number;
}

/** A notification as its recipient reads it. */
export function toNotification(record: NotificationRecord): Notification {
  return { id: record.id, type: record.type, title: record.title, body: record.body, data: record.data, createdAt: record.createdAt, readAt: record.readAt };
}

/**
 * Turns events into notifications, each made once for its recipient, in the layers' order: the
 * recipient's preferences decide the channels (muted friends, close friends, previews); the
 * notification and its inbox entry are appended in the same command step as the event itself where
 * the event has one (a hug, a request), so one cannot be durable without the other; then
 * `notification:new` goes to the recipient's devices and the push is queued (once per id).
 */
export class Notifier {
  private readonly now: () => number;

  constructor(private readonly deps: NotifierDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Decides `draft` for `recipient` at `at`: null when they hear of it on no channel. */
  async prepare(recipient: string, draft: NotificationDraft, at: number): Promise<PreparedNotification | null> {
    const [prefs, actor, devices] = await Promise.all([
      this.deps.prefs.get(recipient),
      draft.actorId === null ? null : this.deps.people.person(draft.actorId),
      this.deps.devices.list(recipient),
    ]);
    const content = notificationContent(draft.build(actor), prefs.previews);
    const channels = channelsFor(content.type, prefs, content.actorId);
    const inApp = channels.includes('in_app');
    const push = channels.includes('push') && devices.length > 0;
    if (!inApp && !push) return null;
    const id = notificationIdFor(recipient, draft.key);
    const entryId = `notification:${id}`;
    const record: NotificationRecord | null = inApp
      ? { id, userId: recipient, type: content.type, title: content.title, body: content.body, data: content.data, createdAt: at, readAt: null, deletedAt: null }
      : null;
    const operations = record ? [notificationCreate(record), inboxAppend({ userId: recipient, cursor: UNASSIGNED_CURSOR, id: entryId, type: 'notification', ref: id, createdAt: at, data: {} })] : [];
    return { id, recipient, content, createdAt: at, record, push, pushWhileConnected: prefs.pushWhileConnected, operations, entryId };
  }

  /**
   * After the step that appended `prepared` (its inbox entry at `cursor`): tells the recipient's
   * devices, unless the step was a replay or the recipient is known to be offline (`online`: what
   * the step read; null when unknown), without waiting (the unread count is read first); and
   * queues the push, resolving once it is queued, unless a device of the recipient is known to be
   * connected. A replay queues it again, which the queue ignores if it has it: so a node that died
   * between the step and the queue loses no push. Never throws.
   */
  async announce(prepared: PreparedNotification, cursor: number | null, replayed: boolean, online: boolean | null = null): Promise<void> {
    const { record } = prepared;
    if (record && !replayed && cursor !== null && online !== false) void this.tell(prepared, record, cursor);
    if (!prepared.push || (online === true && !prepared.pushWhileConnected)) return;
    try {
      await this.deps.push.add(pushJobOf(prepared));
    } catch (error) {
      this.deps.onError?.(error, `the push of notification ${prepared.id} of ${prepared.recipient}`);
    }
  }

  /** `notification:new` to the recipient's devices, with the unread count after it. */
  private async tell(prepared: PreparedNotification, record: NotificationRecord, cursor: number): Promise<void> {
    try {
      const unread = await this.deps.unread.count(prepared.recipient);
      this.deps.rooms.emit(userRoom(prepared.recipient), 'notification:new', {
        type: 'notification',
        cursor,
        id: prepared.entryId,
        createdAt: prepared.createdAt,
        notification: toNotification(record),
        unread,
        at: this.now(),
      });
    } catch (error) {
      this.deps.onError?.(error, `notification ${prepared.id} of ${prepared.recipient}`);
    }
  }

  /**
   * Notifies `recipient` of an event that has no step of its own in their state (a friend request,
   * a milestone): the notification is appended in a step of its own, once, then announced.
   */
  async notify(recipient: string, draft: NotificationDraft): Promise<void> {
    try {
      const prepared = await this.prepare(recipient, draft, this.now());
      if (!prepared) return;
      if (prepared.operations.length === 0) return await this.announce(prepared, null, false);
      const step = await this.deps.steps.run({
        userId: recipient,
        // Not deferrable: the event it tells of has happened, durably, already.
        append: { operations: prepared.operations, once: { key: prepared.entryId, ttlMs: this.deps.replayWindowMs }, deferrable: false },
      });
      if (step.kind !== 'done') throw new Error(`the notification step ended ${step.kind}`);
      await this.announce(prepared, step.cursor, step.replayed);
    } catch (error) {
      this.deps.onError?.(error, `a ${draft.key} notification of ${recipient}`);
    }
  }
}

/** The push job of a prepared notification. */
export function pushJobOf(prepared: PreparedNotification): PushJob {
  const { content } = prepared;
  return { id: prepared.id, userId: prepared.recipient, type: content.type, title: content.title, body: content.body, data: content.data, actorId: content.actorId, createdAt: prepared.createdAt };
}
