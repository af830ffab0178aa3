import type { Notification, NotificationDeleteResult, NotificationPage, NotificationPreferences, NotificationPreferencesPatch, NotificationReadResult } from '../../../protocol/types/notifications.js';
import type { InboxEntry } from '../../../protocol/types/inbox.js';
import type { NotificationReadStateEvent } from '../../../protocol/server-events.js';
import type { Commands } from '../commands.js';
import type { ClientSocket, Connection } from '../connection/connection.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { Logger } from '../logger.js';
import { UnreadCount } from './unread-count.js';

/** A notification as the SDK reports it: how it reached this device. */
export type ReceivedNotification = Notification & {
  /** Its position in your inbox. */
  readonly cursor: number;
  /** `live` when it came while connected, `sync` when it was fetched after a (re)connect. */
  readonly source: 'live' | 'sync';
};

/** What the notifications API reports. */
export interface NotificationsEvents {
  /** A notification for you: once each, live or after a reconnect, in inbox order. */
  new: [notification: ReceivedNotification];
  /** Notifications were read or deleted on one of your other devices. */
  'read-state': [event: NotificationReadStateEvent];
}

/** Options of {@link NotificationsApi.list}. */
export interface ListNotificationsOptions {
  /** The `next` token of the previous page. */
  readonly before?: string;
  /** 1..100, default 50. */
  readonly limit?: number;
  /** Only unread ones. */
  readonly unreadOnly?: boolean;
}

/**
 * The notification centre: your notifications (a hug, a request and its answer, a friend request
 * and its acceptance, a group-hug invite and start, a streak milestone, a close friend's mood),
 * read state kept right across your devices, and your preferences.
 *
 * @example
 * ```ts
 * client.notifications.unread.subscribe((n) => setBadge(n));
 * client.notifications.on('new', (n) => toast(n.title, n.body));
 * const { notifications, next } = await client.notifications.list({ limit: 20 });
 * await client.notifications.read([notifications[0].id]);   // or readUpTo(id), or readAll()
 * await client.notifications.preferences.update({ quietHours: { start: '22:00', end: '07:30', timeZone: 'Europe/Lisbon' } });
 * ```
 */
export class NotificationsApi {
  /** How many of your notifications are unread: `get()`, `subscribe(listener)`. Right on every device. */
  readonly unread = new UnreadCount();
  /** Which notifications you get, on which channel, when, and from whom. */
  readonly preferences: NotificationPreferencesApi;
  private readonly events: Emitter<NotificationsEvents>;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    private readonly serverNow: () => number,
    logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a notifications listener threw', { error }));
    this.preferences = new NotificationPreferencesApi(commands);
    this.bind(connection.socket);
    // After every (re)connect the count is read afresh: reads on other devices may have been missed.
    connection.events.on('connected', () => {
      this.refresh().catch((error: unknown) => logger.warn('reading the unread count failed', { error }));
    });
  }

  /**
   * One page of your notifications, newest first.
   *
   * @example
   * ```ts
   * let page = await client.notifications.list({ limit: 20 });
   * if (page.next) page = await client.notifications.list({ before: page.next, limit: 20 });
   * ```
   */
  async list(options: ListNotificationsOptions = {}): Promise<NotificationPage> {
    const at = this.serverNow();
    const page = await this.commands.send('notification:list', {
      ...(options.before === undefined ? {} : { before: options.before }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.unreadOnly === undefined ? {} : { unreadOnly: options.unreadOnly }),
    });
    this.unread.set(page.unread, at);
    return page;
  }

  /**
   * Marks these notifications read; your other devices hear of it.
   *
   * @example
   * ```ts
   * await client.notifications.read([notification.id]);
   * ```
   */
  async read(ids: readonly string[]): Promise<NotificationReadResult> {
    const result = await this.commands.send('notification:read', { ids: [...ids] });
    this.unread.set(result.unread, result.readAt);
    return result;
  }

  /**
   * Marks every notification up to and including `id` (by time) read: "mark all as read" from the newest you show.
   *
   * @example
   * ```ts
   * const { notifications } = await client.notifications.list({ limit: 1 });
   * if (notifications[0]) await client.notifications.readUpTo(notifications[0].id);
   * ```
   */
  async readUpTo(id: string): Promise<NotificationReadResult> {
    const result = await this.commands.send('notification:read', { upTo: id });
    this.unread.set(result.unread, result.readAt);
    return result;
  }

  /**
   * Deletes these notifications; answers which were yours.
   *
   * @example
   * ```ts
   * await client.notifications.delete([notification.id]);
   * ```
   */
  async delete(ids: readonly string[]): Promise<NotificationDeleteResult> {
    const at = this.serverNow();
    const result = await this.commands.send('notification:delete', { ids: [...ids] });
    this.unread.set(result.unread, at);
    return result;
  }

  /**
   * Reads the unread count from the server (the SDK does so after every connect).
   *
   * @example
   * ```ts
   * const unread = await client.notifications.refresh();
   * ```
   */
  async refresh(): Promise<number> {
    const at = this.serverNow();
    const { unread } = await this.commands.send('notification:unread-count', {});
    this.unread.set(unread, at);
    return unread;
  }

  /**
   * Listens to `new` notifications and to `read-state` changes made on your other devices.
   *
   * @example
   * ```ts
   * const stop = client.notifications.on('new', (n) => toast(n.title));
   * ```
   */
  on<K extends keyof NotificationsEvents>(event: K, listener: (...args: NotificationsEvents[K]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** @internal The inbox hands over each notification entry once, live or synced. */
  deliver(entry: Extract<InboxEntry, { type: 'notification' }>, source: 'live' | 'sync'): void {
    this.events.emit('new', { ...entry.notification, cursor: entry.cursor, source });
  }

  private bind(socket: ClientSocket): void {
    // The entry itself reaches `deliver` through the inbox (in cursor order, once); here the count.
    socket.on('notification:new', (event) => this.unread.set(event.unread, event.at));
    socket.on('notification:read-state', (event) => {
      this.unread.set(event.unread, event.at);
      this.events.emit('read-state', event);
    });
  }
}

/**
 * Your notification preferences: per type and channel (`in_app`, `push`, `email`; email has no
 * provider yet), quiet hours in your time zone (pushes wait until they end), muted friends (they
 * notify you of nothing), close friends (whose moods notify you: `friend-mood`, on by default),
 * previews (off: a push says who did what, never what they wrote), and whether to push while a
 * device of yours is connected.
 *
 * @example
 * ```ts
 * const prefs = await client.notifications.preferences.get();
 * await client.notifications.preferences.update({ channels: { hug: { push: false } }, mutedUserIds: [noisyFriendId] });
 * ```
 */
export class NotificationPreferencesApi {
  /** @internal */
  constructor(private readonly commands: Commands) {}

  /** Your preferences (the defaults until you change them). */
  get(): Promise<NotificationPreferences> {
    return this.commands.send('notification:preferences:get', {});
  }

  /** Changes the fields given (channels per type and channel); answers the preferences as they are now. */
  update(patch: NotificationPreferencesPatch): Promise<NotificationPreferences> {
    const { mutedUserIds, closeUserIds, ...rest } = patch;
    return this.commands.send('notification:preferences:update', {
      ...rest,
      ...(mutedUserIds ? { mutedUserIds: [...mutedUserIds] } : {}),
      ...(closeUserIds ? { closeUserIds: [...closeUserIds] } : {}),
    });
  }
}
