import type { DevicePush } from '../../protocol/types/devices.js';

/** A user's device as registered for push, keyed by the handshake's `deviceId`. */
export interface DeviceRecord {
  readonly userId: string;
  readonly deviceId: string;
  readonly push: DevicePush;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * The devices users registered for push. Written directly (a registration is rare and must hold at
 * once), not through the write-behind queue. `register` replaces the device's registration whole.
 */
export interface DeviceRepository {
  /** Registers or replaces `(userId, deviceId)`; answers how many devices the user then has. */
  register(device: DeviceRecord): Promise<number>;
  /** Removes one device; false when it was not registered. */
  unregister(userId: string, deviceId: string): Promise<boolean>;
  /** A user's devices, oldest registration first. */
  list(userId: string): Promise<DeviceRecord[]>;
  /** Removes the registrations of a push address the push service called gone (a Web Push endpoint, or a token). */
  removeByAddress(address: string): Promise<number>;
}

/** The address a push service knows a device by: its Web Push endpoint, or its FCM/APNs token. */
export function pushAddressOf(push: DevicePush): string {
  return push.platform === 'web' ? push.subscription.endpoint : push.token;
}
