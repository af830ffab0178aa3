import { MAX_WATCH_BATCH } from '../../../protocol/limits.js';
import type { DeviceStatus, PresenceSetResult, UserPresence, WatchDenial, WatchResult } from '../../../protocol/types/presence.js';
import type { Commands } from '../commands.js';
import type { ClientSocket, Connection } from '../connection/connection.js';
import { Emitter, type Unsubscribe } from '../emitter.js';
import type { Logger } from '../logger.js';
import { FriendFollower } from './friend-follower.js';

/** A watched user's presence, with the server time it describes. */
export type PresenceEntry = UserPresence & { readonly at: number };

/** Whether the app is in the foreground (`active`) or not (`background`). */
export type AppState = 'active' | 'background';

/** What the presence API reports. */
export interface PresenceEvents {
  /** A watched user's presence changed (or arrived in a snapshot). */
  update: [entry: PresenceEntry];
  /** The server refused to let you watch this user (again), e.g. after an unfriend or a block. */
  denied: [denial: WatchDenial];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Presence: watch users, read their statuses from an observable map, set your own status. Watches
 * and your status are intentions the SDK keeps: after every reconnect it watches again and
 * re-applies the status, so an app never has to.
 *
 * @example
 * ```ts
 * const { denied } = await client.presence.watch([aliceId, bobId]);
 * client.presence.subscribe((statuses) => render(statuses.get(aliceId)?.status));
 * await client.presence.setStatus('away', 'making tea');
 * ```
 */
export class PresenceApi {
  private readonly events: Emitter<PresenceEvents>;
  private readonly wanted = new Set<string>();
  /** Replaced, never changed, on every change: subscribers may keep the map they were given. */
  private entries: ReadonlyMap<string, PresenceEntry> = new Map();
  private readonly deniedUsers = new Map<string, WatchDenial>();
  private readonly subscribers = new Set<(statuses: ReadonlyMap<string, PresenceEntry>, changed: PresenceEntry | null) => void>();
  /** The status the app chose (null: never set, the server's default `active`). */
  private ownStatus: { status: DeviceStatus; activity: string | null } | null = null;
  private appState: AppState = 'active';
  private readonly friendFollower: FriendFollower;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    private readonly logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a presence listener threw', { error }));
    this.friendFollower = new FriendFollower(commands, { watch: (ids) => this.watch(ids), forget: (ids) => this.forget(ids) }, logger);
    this.bind(connection.socket);
    connection.events.on('connected', ({ reconnect }) => {
      if (reconnect) void this.restore();
    });
  }

  /**
   * Watches every friend, now and as the friends list changes: a new friend is watched as soon as
   * the friendship is made (on any of your devices or theirs), an old one is dropped. After a
   * reconnect the list is read again, so changes made while offline are caught up.
   *
   * @example
   * ```ts
   * await client.presence.watchFriends();
   * client.presence.subscribe((statuses) => renderDots(client.presence.friendIds().map((id) => statuses.get(id))));
   * ```
   */
  watchFriends(): Promise<WatchResult> {
    return this.friendFollower.start();
  }

  /**
   * Stops following the friends list (the friends stay watched until you `unwatch` them).
   * @example
   * ```ts
   * client.presence.stopWatchingFriends();
   * ```
   */
  stopWatchingFriends(): void {
    this.friendFollower.stop();
  }

  /**
   * Your friends' ids while {@link watchFriends} follows them (empty otherwise).
   * @example
   * ```ts
   * const online = client.presence.friendIds().filter((id) => client.presence.get(id)?.status === 'online');
   * ```
   */
  friendIds(): readonly string[] {
    return this.friendFollower.ids();
  }

  /**
   * Tells the SDK whether the app is in the foreground. In the background this device shows as
   * `away` to your friends (whatever status you set); back in the foreground your own status
   * returns. Browsers are wired to `document.visibilityState` by the client; React Native apps
   * call this from an `AppState` listener.
   *
   * @example
   * ```ts
   * AppState.addEventListener('change', (s) => client.setAppState(s === 'active' ? 'active' : 'background'));
   * ```
   */
  async setAppState(state: AppState): Promise<void> {
    if (state === this.appState) return;
    this.appState = state;
    await this.commands.send('presence:set', this.effectiveStatus());
  }

  /** Whether the app is in the foreground, as last told by {@link setAppState}. */
  get currentAppState(): AppState {
    return this.appState;
  }

  /**
   * Watches `userIds`: resolves with their current presence and the users you may not watch. Later
   * changes arrive through {@link subscribe} and `on('update')`.
   *
   * @example
   * ```ts
   * const result = await client.presence.watch([friendId]);
   * render(result.presences[0]?.status); // 'online' | 'away' | 'offline' | 'hidden'
   * ```
   */
  async watch(userIds: readonly string[]): Promise<WatchResult> {
    for (const id of userIds) this.wanted.add(id);
    const results = await Promise.all(chunks([...new Set(userIds)], MAX_WATCH_BATCH).map((batch) => this.sendWatch(batch)));
    return {
      presences: results.flatMap((r) => r.presences),
      denied: results.flatMap((r) => r.denied),
      at: Math.max(0, ...results.map((r) => r.at)),
    };
  }

  /**
   * Stops watching `userIds`.
   *
   * @example
   * ```ts
   * await client.presence.unwatch([friendId]);
   * ```
   */
  async unwatch(userIds: readonly string[]): Promise<void> {
    this.forget(userIds);
    await Promise.all(chunks([...new Set(userIds)], MAX_WATCH_BATCH).map((batch) => this.commands.send('presence:unwatch', { userIds: batch })));
  }

  /**
   * Sets this device's status and optional activity (omit or `null` to clear it). Re-applied after
   * every reconnect.
   *
   * @example
   * ```ts
   * await client.presence.setStatus('away');
   * await client.presence.setStatus('active', 'listening to rain');
   * ```
   */
  async setStatus(status: DeviceStatus, activity: string | null = null): Promise<PresenceSetResult> {
    this.ownStatus = { status, activity };
    return this.commands.send('presence:set', this.effectiveStatus());
  }

  /**
   * The presence of a watched user, if known.
   * @example
   * ```ts
   * const away = client.presence.get(friendId)?.status === 'away';
   * ```
   */
  get(userId: string): PresenceEntry | undefined {
    return this.entries.get(userId);
  }

  /**
   * Every watched user's presence: a snapshot that the SDK never changes. The same object is
   * returned until something changes, so it suits `useSyncExternalStore` and `===` checks.
   * @example
   * ```ts
   * const online = [...client.presence.statuses().values()].filter((p) => p.status === 'online');
   * ```
   */
  statuses(): ReadonlyMap<string, PresenceEntry> {
    return this.entries;
  }

  /**
   * The users you asked to watch (and may); the SDK watches them again after every reconnect.
   * @example
   * ```ts
   * const count = client.presence.watched().length;
   * ```
   */
  watched(): string[] {
    return [...this.wanted];
  }

  /**
   * Calls `listener` with a new snapshot of every watched user's presence after every change
   * (`changed` is the entry that changed, or null when users were dropped). Snapshots are never
   * changed afterwards: keep them as state as they are.
   *
   * @example
   * ```ts
   * const stop = client.presence.subscribe((statuses) => setStatuses(statuses));
   * ```
   */
  subscribe(listener: (statuses: ReadonlyMap<string, PresenceEntry>, changed: PresenceEntry | null) => void): Unsubscribe {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  /**
   * Listens for single updates or denials.
   *
   * @example
   * ```ts
   * client.presence.on('update', (p) => renderBadge(p.userId, p.status, p.lastSeenAt));
   * ```
   */
  on<K extends keyof PresenceEvents>(event: K, listener: (...args: PresenceEvents[K]) => void): Unsubscribe {
    return this.events.on(event, listener);
  }

  private async sendWatch(userIds: string[]): Promise<WatchResult> {
    const result = await this.commands.send('presence:watch', { userIds });
    for (const p of result.presences) {
      if (this.wanted.has(p.userId)) {
        this.deniedUsers.delete(p.userId);
        this.apply({ ...p, at: result.at });
      }
    }
    for (const denial of result.denied) {
      this.forget([denial.userId]);
      this.deniedUsers.set(denial.userId, denial);
      this.events.emit('denied', denial);
    }
    return result;
  }

  /** Drops users from the watched set and the snapshot (no command: the caller sends what it must). */
  private forget(userIds: readonly string[]): void {
    const next = new Map(this.entries);
    for (const id of userIds) {
      this.wanted.delete(id);
      next.delete(id);
      this.deniedUsers.delete(id);
    }
    if (next.size !== this.entries.size) this.publish(next, null);
  }

  private apply(entry: PresenceEntry): void {
    const known = this.entries.get(entry.userId);
    if (known && known.at > entry.at) return;
    const frozen = Object.freeze({ ...entry, devices: Object.freeze(entry.devices.map((d) => Object.freeze({ ...d }))) });
    // The same presence heard twice (a live update and the watch's snapshot of it, in either order): nothing to tell.
    if (known && samePresence(known, entry)) {
      this.entries = new Map(this.entries).set(entry.userId, frozen);
      return;
    }
    this.publish(new Map(this.entries).set(entry.userId, frozen), frozen);
    this.events.emit('update', frozen);
  }

  private publish(next: ReadonlyMap<string, PresenceEntry>, changed: PresenceEntry | null): void {
    this.entries = next;
    for (const listener of [...this.subscribers]) {
      try {
        listener(next, changed);
      } catch (error) {
        this.logger.error('a presence subscriber threw', { error });
      }
    }
  }

  /** What this device shows: away while the app is in the background, else the status the app chose. */
  private effectiveStatus(): { status: DeviceStatus; activity: string | null } {
    const own = this.ownStatus ?? { status: 'active' as const, activity: null };
    return this.appState === 'background' ? { status: 'away', activity: own.activity } : own;
  }

  private bind(socket: ClientSocket): void {
    socket.on('presence:update', (event) => {
      if (this.wanted.has(event.userId)) this.apply(event);
    });
    socket.on('presence:revoked', ({ userId }) => {
      if (!this.wanted.has(userId)) return;
      // The server cut this watch (unfriend, block, privacy). Ask again: it decides what we may see now.
      this.rewatch([userId]);
    });
    socket.on('friend:update', ({ userId, state }) => {
      this.friendFollower.update(userId, state);
      if (state === 'friends' && this.deniedUsers.has(userId)) {
        this.wanted.add(userId);
        this.rewatch([userId]);
      }
    });
  }

  private rewatch(userIds: string[]): void {
    this.sendWatch(userIds).catch((error: unknown) => this.logger.warn('re-watching presence failed', { error, userIds }));
  }

  private async restore(): Promise<void> {
    try {
      const ids = [...this.wanted];
      await Promise.all([
        ...chunks(ids, MAX_WATCH_BATCH).map((batch) => this.sendWatch(batch)),
        ...(this.ownStatus || this.appState === 'background' ? [this.commands.send('presence:set', this.effectiveStatus())] : []),
        this.friendFollower.catchUp(),
      ]);
    } catch (error) {
      this.logger.warn('restoring presence after a reconnect failed', { error });
    }
  }
}

/** Whether two entries show the same presence (whenever each was taken). */
function samePresence(a: UserPresence, b: UserPresence): boolean {
  return (
    a.status === b.status &&
    a.activity === b.activity &&
    a.lastSeenAt === b.lastSeenAt &&
    a.devices.length === b.devices.length &&
    a.devices.every((d, i) => d.kind === b.devices[i]?.kind && d.status === b.devices[i]?.status && d.since === b.devices[i]?.since)
  );
}
