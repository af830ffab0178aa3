import { CommandError } from '../../domain/command-error.js';
import type { DevicePush, DeviceRegisterResult, DeviceRegistration, DeviceUnregisterResult } from '../../protocol/types/devices.js';
import type { DeviceRepository } from '../../persistence/store/device-repository.js';

/** Most devices one user registers for push: a registration past it is refused until one is removed. */
export const MAX_DEVICES_PER_USER = 10;

/** The connection a registration comes from. */
export interface RegisteringDevice {
  readonly userId: string;
  readonly deviceId: string;
  /** Whether the client chose `deviceId` in its handshake (a server-made one lives one connection only). */
  readonly chosen: boolean;
}

/** What {@link DeviceService} is built from. */
export interface DeviceServiceDeps {
  readonly devices: DeviceRepository;
  /** Why a Web Push endpoint may not be called (not https, a private address…), or null when it may. */
  readonly checkEndpoint: (endpoint: string) => string | null;
  readonly maxDevices?: number;
  readonly now?: () => number;
}

/**
 * `device:register` and `device:unregister`: where the handshake's device is reached for push. A
 * device is its `deviceId`; registering again replaces its address. Endpoints are checked before
 * the server would ever call them (SSRF), and a user holds a bounded number of devices.
 */
export class DeviceService {
  private readonly now: () => number;

  constructor(private readonly deps: DeviceServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  async register(device: RegisteringDevice, registration: DeviceRegistration): Promise<DeviceRegisterResult> {
    if (!device.chosen) {
      throw new CommandError('invalid_payload', 'connect with a deviceId (auth.deviceId) to register this device for push: it names the device across connections', { field: 'deviceId' });
    }
    const push: DevicePush = registration.platform === 'web' ? { platform: 'web', subscription: registration.push } : { platform: registration.platform, token: registration.push.token };
    if (push.platform === 'web') {
      const refusal = this.deps.checkEndpoint(push.subscription.endpoint);
      if (refusal !== null) throw new CommandError('invalid_payload', `push.endpoint: refused (${refusal}): a push service's https: URL is required`, { field: 'push.endpoint', reason: refusal });
    }
    const existing = await this.deps.devices.list(device.userId);
    const max = this.deps.maxDevices ?? MAX_DEVICES_PER_USER;
    const known = existing.find((d) => d.deviceId === device.deviceId);
    if (!known && existing.length >= max) {
      throw new CommandError('conflict', `you have ${existing.length} devices registered for push, the most allowed: unregister one first`, { field: 'deviceId', max });
    }
    const at = this.now();
    const devices = await this.deps.devices.register({ userId: device.userId, deviceId: device.deviceId, push, createdAt: known?.createdAt ?? at, updatedAt: at });
    return { deviceId: device.deviceId, platform: push.platform, devices };
  }

  async unregister(device: RegisteringDevice): Promise<DeviceUnregisterResult> {
    return { deviceId: device.deviceId, removed: await this.deps.devices.unregister(device.userId, device.deviceId) };
  }
}
