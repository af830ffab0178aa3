import { MAX_WATCH_BATCH } from '../../protocol/limits.js';
import type { DeviceStatus, PresenceSetResult, UserPresence, WatchDenial, WatchResult } from '../../protocol/types/presence.js';
import type { Commands } from './commands.js';
import type { ClientSocket, Connection } from './connection/connection.js';
import { Emitter, type Unsubscribe } from './emitter.js';
import type { Logger } from './logger.js';

/** A watched user's presence, with the server time it describes. */
export type PresenceEntry = UserPresence & { readonly at: number };

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
  private readonly entries = new Map<string, PresenceEntry>();
  private readonly deniedUsers = new Map<string, WatchDenial>();
  private readonly subscribers = new Set<(statuses: ReadonlyMap<string, PresenceEntry>, changed: PresenceEntry) => void>();
  private ownStatus: { status: DeviceStatus; activity: string | null } | null = null;

  /** @internal */
  constructor(
    private readonly commands: Commands,
    connection: Connection,
    private readonly logger: Logger,
  ) {
    this.events = new Emitter((error) => logger.error('a presence listener threw', { error }));
    this.bind(connection.socket);
    connection.events.on('connected', ({ reconnect }) => {
      if (reconnect) void this.restore();
    });
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
    for (const id of userIds) {
      this.wanted.delete(id);
      this.entries.delete(id);
      this.deniedUsers.delete(id);
    }
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
    return this.commands.send('presence:set', { status, activity });
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
   * Every watched user's presence, as a read-only copy.
   * @example
   * ```ts
   * const online = [...client.presence.statuses().values()].filter((p) => p.status === 'online');
   * ```
   */
  statuses(): ReadonlyMap<string, PresenceEntry> {
    return new Map(this.entries);
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
   * Calls `listener` with the whole map after every change.
   *
   * @example
   * ```ts
   * const stop = client.presence.subscribe((statuses, changed) => setState(new Map(statuses)));
   * ```
   */
  subscribe(listener: (statuses: ReadonlyMap<string, PresenceEntry>, changed: PresenceEntry) => void): Unsubscribe {
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
      this.wanted.delete(denial.userId);
      this.entries.delete(denial.userId);
      this.deniedUsers.set(denial.userId, denial);
      this.events.emit('denied', denial);
    }
    return result;
  }

  private apply(entry: PresenceEntry): void {
    const known = this.entries.get(entry.userId);
    if (known && known.at > entry.at) return;
    this.entries.set(entry.userId, entry);
    // The same presence heard twice (a live update and the watch's snapshot of it, in either order): nothing to tell.
    if (known && samePresence(known, entry)) return;
    this.events.emit('update', entry);
    for (const listener of [...this.subscribers]) {
      try {
        listener(this.entries, entry);
      } catch (error) {
        this.logger.error('a presence subscriber threw', { error });
      }
    }
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
        ...(this.ownStatus ? [this.commands.send('presence:set', this.ownStatus)] : []),
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
