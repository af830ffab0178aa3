import { type DevicePresence, aggregatePresence } from '../../domain/presence-status.js';
import type { DeviceStatus } from '../../protocol/schemas/presence.js';
import type { Presence, PresenceChange, PresenceSnapshot } from './presence.js';

/** An online user's devices as kept: the device itself for the many with one, an array for the rest. */
type StoredDevices = DevicePresence | readonly DevicePresence[];

function stored(devices: readonly DevicePresence[]): StoredDevices {
  return devices.length === 1 && devices[0] ? devices[0] : devices;
}

function listed(devices: StoredDevices | undefined): readonly DevicePresence[] | undefined {
  if (devices === undefined || Array.isArray(devices)) return devices as readonly DevicePresence[] | undefined;
  return [devices as DevicePresence];
}

/**
 * {@link Presence} in one process's memory: the embedded shape. An online user is their one device
 * (or a small array of them), replaced on every change. Offline users keep only their
 * `lastSeenAt`, and at most `maxOfflineUsers` of those (oldest forgotten first; the store keeps
 * the durable copy).
 */
export class MemoryPresence implements Presence {
  private readonly stored = new Map<string, StoredDevices>();
  private readonly online = {
    get: (userId: string) => listed(this.stored.get(userId)),
    set: (userId: string, devices: readonly DevicePresence[]) => this.stored.set(userId, stored(devices)),
    delete: (userId: string) => this.stored.delete(userId),
  };
  private readonly offline = new Map<string, number>();

  constructor(private readonly maxOfflineUsers = 100_000) {}

  connect(userId: string, device: DevicePresence): Promise<PresenceChange> {
    const devices = this.online.get(userId) ?? [];
    const after = [...devices.filter((d) => d.deviceId !== device.deviceId), device];
    this.online.set(userId, after);
    this.offline.delete(userId);
    return Promise.resolve(this.change(devices, after, null));
  }

  update(
    userId: string,
    deviceId: string,
    connId: string,
    patch: { readonly status: DeviceStatus; readonly activity: string | null },
    at: number,
  ): Promise<PresenceChange | null> {
    const devices = this.online.get(userId);
    const device = devices?.find((d) => d.deviceId === deviceId);
    if (!devices || !device || device.connId !== connId) return Promise.resolve(null);
    const changed = device.status !== patch.status || device.activity !== patch.activity;
    const updated = { ...device, ...patch, since: changed ? at : device.since };
    const after = devices.map((d) => (d === device ? updated : d));
    this.online.set(userId, after);
    return Promise.resolve(this.change(devices, after, null));
  }

  linger(userId: string, deviceId: string, connId: string): Promise<void> {
    const devices = this.online.get(userId);
    const device = devices?.find((d) => d.deviceId === deviceId);
    if (devices && device && device.connId === connId) {
      this.online.set(
        userId,
        devices.map((d) => (d === device ? { ...d, lingering: true } : d)),
      );
    }
    return Promise.resolve();
  }

  disconnect(userId: string, deviceId: string, connId: string, at: number): Promise<PresenceChange | null> {
    const devices = this.online.get(userId);
    const device = devices?.find((d) => d.deviceId === deviceId);
    if (!devices || !device || device.connId !== connId) return Promise.resolve(null);
    const after = devices.filter((d) => d !== device);
    if (after.length > 0) {
      this.online.set(userId, after);
      return Promise.resolve(this.change(devices, after, null));
    }
    this.online.delete(userId);
    this.rememberOffline(userId, at);
    return Promise.resolve(this.change(devices, after, at));
  }

  get(userIds: readonly string[]): Promise<Map<string, PresenceSnapshot>> {
    const found = new Map<string, PresenceSnapshot>();
    for (const id of userIds) {
      const devices = this.online.get(id);
      if (devices) found.set(id, { devices, lastSeenAt: null });
      else {
        const lastSeenAt = this.offline.get(id);
        if (lastSeenAt !== undefined) found.set(id, { devices: [], lastSeenAt });
      }
    }
    return Promise.resolve(found);
  }

  private change(before: readonly DevicePresence[], after: readonly DevicePresence[], lastSeenAt: number | null): PresenceChange {
    return { before: aggregatePresence(before), after: aggregatePresence(after), snapshot: { devices: after, lastSeenAt } };
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
