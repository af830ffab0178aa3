import type { DeviceRegisterResult, DeviceUnregisterResult, WebPushSubscription } from '../../../protocol/types/devices.js';
import type { Commands } from '../commands.js';

/** What a browser's `PushSubscription` gives (`subscription.toJSON()`), or the subscription itself. */
export type WebPushSubscriptionLike = WebPushSubscription | { toJSON(): { endpoint?: string; keys?: Record<string, string> } };

/**
 * This device, registered for push while the app is closed. A device is the `deviceId` the client
 * connects with: registering again replaces its address; a user has at most 10.
 *
 * @example
 * ```ts
 * // In a browser, with the server's key from GET /v1/push/vapid-public-key:
 * const registration = await navigator.serviceWorker.register('/sw.js');
 * const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: vapidPublicKey });
 * await client.devices.registerWebPush(subscription);
 * ```
 */
export class DevicesApi {
  /** @internal */
  constructor(private readonly commands: Commands) {}

  /** Registers this browser's Web Push subscription (its endpoint must be a push service's `https:` URL). */
  registerWebPush(subscription: WebPushSubscriptionLike): Promise<DeviceRegisterResult> {
    const json = 'toJSON' in subscription ? subscription.toJSON() : subscription;
    const endpoint = json.endpoint;
    const p256dh = json.keys?.['p256dh'];
    const auth = json.keys?.['auth'];
    if (typeof endpoint !== 'string' || typeof p256dh !== 'string' || typeof auth !== 'string') {
      return Promise.reject(new TypeError('registerWebPush: a subscription with an endpoint and keys p256dh and auth is required'));
    }
    return this.commands.send('device:register', { platform: 'web', push: { endpoint, keys: { p256dh, auth } } });
  }

  /** Registers this app's FCM (`android`) or APNs (`ios`) registration token. */
  registerNative(platform: 'android' | 'ios', token: string): Promise<DeviceRegisterResult> {
    return this.commands.send('device:register', { platform, push: { token } });
  }

  /** Stops pushes to this device (at sign-out, say). */
  unregister(): Promise<DeviceUnregisterResult> {
    return this.commands.send('device:unregister', {});
  }
}
