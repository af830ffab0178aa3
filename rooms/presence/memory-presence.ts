import { type DevicePresence, aggregatePresence } from '../../domain/presence-status.js';
import type { DeviceStatus } from '../../protocol/schemas/presence.js';
import type { Presence, PresenceChange, PresenceSnapshot } from './presence.js';

interface UserEntry {
  readonly devices: Map<string, DevicePresence>;
  lastSeenAt: number | null;
}

/**
 * {@link Presence} in one process's memory: the embedded shape. Offline users keep only their
 * `lastSeenAt`, and at most `maxOfflineUsers` of those (oldest forgotten first; the store keeps
 * the durable copy).
 */
export class MemoryPresence implements Presence {
  private readonly online = new Map<string, UserEntry>();
  private readonly offline = new Map<string, number>();

  constructor(private readonly maxOfflineUsers = 100_000) {}

  connect(userId: string, device: DevicePresence): Promise<PresenceChange> {
    const entry = this.entryOf(userId);
    const before = aggregatePresence([...entry.devices.values()]);
    entry.devices.set(device.deviceId, device);
    entry.lastSeenAt = null;
    this.offline.delete(userId);
    return Promise.resolve(this.change(before, entry));
  }

  update(
    userId: string,
    deviceId: string,
    connId: string,
    patch: { readonly status: DeviceStatus; readonly activity: string | null },
    at: number,
  ): Promise<PresenceChange | null> {
    const entry = this.online.get(userId);
    const device = entry?.devices.get(deviceId);
    if (!entry || !device || device.connId !== connId) return Promise.resolve(null);
    const before = aggregatePresence([...entry.devices.values()]);
    const changed = device.status !== patch.status || device.activity !== patch.activity;
    entry.devices.set(deviceId, { ...device, ...patch, since: changed ? at : device.since });
    return Promise.resolve(this.change(before, entry));
  }

  disconnect(userId: string, deviceId: string, connId: string, at: number): Promise<PresenceChange | null> {
    const entry = this.online.get(userId);
    const device = entry?.devices.get(deviceId);
    if (!entry || !device || device.connId !== connId) return Promise.resolve(null);
    const before = aggregatePresence([...entry.devices.values()]);
    entry.devices.delete(deviceId);
    if (entry.devices.size === 0) {
      entry.lastSeenAt = at;
      this.online.delete(userId);
      this.rememberOffline(userId, at);
    }
    return Promise.resolve(this.change(before, entry));
  }

  get(userIds: readonly string[]): Promise<Map<string, PresenceSnapshot>> {
    const found = new Map<string, PresenceSnapshot>();
    for (const id of userIds) {
      const entry = this.online.get(id);
      if (entry) found.set(id, { devices: [...entry.devices.values()], lastSeenAt: null });
      else {
        const lastSeenAt = this.offline.get(id);
        if (lastSeenAt !== undefined) found.set(id, { devices: [], lastSeenAt });
      }
    }
    return Promise.resolve(found);
  }

  private entryOf(userId: string): UserEntry {
    let entry = this.online.get(userId);
    if (!entry) {
      entry = { devices: new Map(), lastSeenAt: null };
      this.online.set(userId, entry);
    }
    return entry;
  }

  private change(before: PresenceChange['before'], entry: UserEntry): PresenceChange {
    const devices = [...entry.devices.values()];
    return { before, after: aggregatePresence(devices), snapshot: { devices, lastSeenAt: entry.lastSeenAt } };
  }

  private rememberOffline(userId: string, at: number): void {
    this.offline.delete(userId);
    this.offline.set(userId, at);
    if (this.offline.size > this.maxOfflineUsers) {
      const oldest = this.offline.keys().next();
      if (!oldest.done) this.offline.delete(oldest.value);
    }
  }
}
