import type { DeviceKind } from '../protocol/ids.js';
import type { DeviceStatus, UserStatus } from '../protocol/schemas/presence.js';

/** One device's presence, as the presence engine stores it. */
export interface DevicePresence {
  /** The connection currently holding this device; a stale connection cannot remove a newer one. */
  readonly connId: string;
  readonly deviceId: string;
  readonly kind: DeviceKind;
  readonly status: DeviceStatus;
  readonly activity: string | null;
  /** When `status` or `activity` last changed (epoch ms). */
  readonly since: number;
  /**
   * The connection dropped and the device waits out the grace period: it still counts for presence
   * (a quick reconnect shows nothing), but nothing can be delivered to it live.
   */
  readonly lingering?: boolean;
}

/** A user's aggregate presence, before privacy. */
export interface AggregatePresence {
  readonly status: Exclude<UserStatus, 'hidden'>;
  readonly activity: string | null;
}

/**
 * Online if any device is active, away if every device is away, offline with none. The activity
 * shown is that of the most recently changed device among those that set the status.
 */
export function aggregatePresence(devices: readonly DevicePresence[]): AggregatePresence {
  if (devices.length === 0) return { status: 'offline', activity: null };
  const active = devices.filter((d) => d.status === 'active');
  const pool = active.length > 0 ? active : devices;
  let latest = pool[0] as DevicePresence;
  for (const d of pool) if (d.since >= latest.since) latest = d;
  return { status: active.length > 0 ? 'online' : 'away', activity: latest.activity };
}
