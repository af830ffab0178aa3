import type { AggregatePresence } from '../../domain/presence-status.js';
import { visiblePresenceAudiences } from '../../domain/privacy-policy.js';
import { CommandError } from '../../domain/command-error.js';
import type { DeviceKind } from '../../protocol/ids.js';
import type { DeviceStatus } from '../../protocol/schemas/presence.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import { userLastSeen } from '../../persistence/write-behind/write-operation.js';
import type { WriteQueue } from '../../persistence/write-behind/write-queue.js';
import type { LogPort } from '../log-port.js';
import { presenceRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';
import { SerialByKey } from '../serial-by-key.js';
import type { Presence, PresenceChange } from './presence.js';
import type { SweepStep } from './presence-cluster.js';
import { viewPresence } from './presence-view.js';

/** How many times (a second apart) a failed device removal is retried. */
const LEAVE_RETRIES = 300;

/** One live connection of a user's device. */
export interface DeviceConnection {
  readonly userId: string;
  readonly connId: string;
  readonly deviceId: string;
  readonly kind: DeviceKind;
}

/** What {@link PresenceTracker} is built from. */
export interface PresenceTrackerDeps {
  readonly presence: Presence;
  readonly rooms: RoomPort;
  readonly users: UserRepository;
  readonly queue: WriteQueue;
  /** A disconnect becomes final only after this long; a reconnect within it is invisible. */
  readonly graceMs: number;
  readonly log: LogPort;
  readonly now?: () => number;
}

/**
 * Turns connections into presence: registers devices, absorbs flapping reconnects with a grace
 * period, and announces each change of a user's aggregate status once, to the presence rooms that
 * the user's privacy lets see it. A user's changes are applied and announced in order.
 */
export class PresenceTracker {
  private readonly pendingLeaves = new Map<string, { timer: ReturnType<typeof setTimeout>; conn: DeviceConnection; at: number }>();
  private readonly serial = new SerialByKey();
  private readonly now: () => number;
  private graceMs: number;
  private closing = false;

  constructor(private readonly deps: PresenceTrackerDeps) {
    this.now = deps.now ?? Date.now;
    this.graceMs = deps.graceMs;
  }

  /** Registers a connected device and announces the user if their status changed. */
  connected(conn: DeviceConnection): Promise<void> {
    const at = this.now();
    return this.serial.run(conn.userId, async () => {
      const change = await this.deps.presence.connect(conn.userId, {
        connId: conn.connId,
        deviceId: conn.deviceId,
        kind: conn.kind,
        status: 'active',
        activity: null,
        since: at,
      });
      await this.announce(conn.userId, change);
    });
  }

  /**
   * Schedules the device's removal after the grace period. If the same device reconnects first,
   * its new connection owns the entry and the removal changes nothing.
   */
  disconnected(conn: DeviceConnection): void {
    const at = this.now();
    if (this.graceMs <= 0) {
      void this.leave(conn, at);
      return;
    }
    // Still present for watchers, but no longer reachable (a hug to it is not `delivered`).
    void this.serial
      .run(conn.userId, () => this.deps.presence.linger(conn.userId, conn.deviceId, conn.connId))
      .catch((error: unknown) => this.deps.log.warn({ err: error, userId: conn.userId }, 'presence: marking a device lingering failed'));
    const timer = setTimeout(() => {
      this.pendingLeaves.delete(conn.connId);
      void this.leave(conn, at);
    }, this.graceMs);
    timer.unref();
    this.pendingLeaves.set(conn.connId, { timer, conn, at });
  }

  /** Sets this device's status (and activity) and returns the user's aggregate afterwards. */
  setStatus(conn: DeviceConnection, status: DeviceStatus, activity: string | null): Promise<AggregatePresence> {
    const at = this.now();
    return this.serial.run(conn.userId, async () => {
      const change = await this.deps.presence.update(conn.userId, conn.deviceId, conn.connId, { status, activity }, at);
      if (!change) throw new CommandError('conflict', 'this connection no longer holds its device: another connection replaced it');
      await this.announce(conn.userId, change);
      return change.after;
    });
  }

  /**
   * Announces what a sweep of a dead node changed, once per user (the sweep step is atomic, so no
   * other node announces it), and records when the users it took offline were last seen.
   */
  async swept(step: SweepStep): Promise<void> {
    await Promise.all(
      step.swept.map(({ userId, change }) =>
        this.serial.run(userId, async () => {
          if (change.after.status === 'offline') await this.deps.queue.enqueue([userLastSeen(userId, step.lastHeartbeatAt)]);
          await this.announce(userId, change);
        }),
      ),
    );
  }

  /** For shutdown: ends every grace period now and waits until all removals are announced. */
  async flush(): Promise<void> {
    this.graceMs = 0;
    this.closing = true;
    const pending = [...this.pendingLeaves.values()];
    this.pendingLeaves.clear();
    const leaves = pending.map(({ timer, conn, at }) => {
      clearTimeout(timer);
      return this.leave(conn, at);
    });
    await Promise.all(leaves);
    await this.serial.idle();
  }

  /**
   * Removes the device. A failure (the presence store unreachable) is retried every second for
   * {@link LEAVE_RETRIES} seconds, so a disconnect during an outage does not leave a ghost.
   */
  private leave(conn: DeviceConnection, at: number, attempt = 0): Promise<void> {
    return this.serial
      .run(conn.userId, async () => {
        const change = await this.deps.presence.disconnect(conn.userId, conn.deviceId, conn.connId, at);
        if (!change) return;
        if (change.after.status === 'offline') await this.deps.queue.enqueue([userLastSeen(conn.userId, at)]);
        await this.announce(conn.userId, change);
      })
      .catch((error: unknown) => {
        if (attempt === 0) this.deps.log.error({ err: error, userId: conn.userId }, 'presence: removing a device failed; retrying');
        if (attempt >= LEAVE_RETRIES || this.closing) return;
        setTimeout(() => void this.leave(conn, at, attempt + 1), 1000).unref();
      });
  }

  /** Emits the change; `at` is the emission time, so watchers can order it against snapshots. */
  private async announce(userId: string, change: PresenceChange): Promise<void> {
    const { before, after } = change;
    if (before.status === after.status && before.activity === after.activity) return;
    const user = await this.deps.users.findById(userId);
    if (!user) return;
    const audiences = visiblePresenceAudiences(user.privacy);
    if (audiences.length === 0) return;
    const view = viewPresence(userId, change.snapshot, user.lastSeenAt, true);
    this.deps.rooms.emit(
      audiences.map((a) => presenceRoom(userId, a)),
      'presence:update',
      { ...view, at: this.now() },
    );
  }
}
