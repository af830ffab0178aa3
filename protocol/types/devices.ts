/*
 * Devices registered for push, as client and server exchange them: plain types, no zod.
 */

/** A Web Push subscription, as a browser's `PushSubscription.toJSON()` gives it. */
export interface WebPushSubscription {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

/** Where one device is reached when the app is closed: a Web Push subscription, or an FCM or APNs token. */
export type DevicePush = { readonly platform: 'web'; readonly subscription: WebPushSubscription } | { readonly platform: 'android' | 'ios'; readonly token: string };

/**
 * `device:register`: where this device (the handshake's `deviceId`) is reached for push. A Web Push
 * subscription as the browser gives it, or an FCM or APNs registration token.
 */
export type DeviceRegistration = { platform: 'web'; push: { endpoint: string; keys: { p256dh: string; auth: string } } } | { platform: 'android' | 'ios'; push: { token: string } };

/** `device:register`: the device registered, and how many of yours are. */
export interface DeviceRegisterResult {
  readonly deviceId: string;
  readonly platform: DevicePlatform;
  readonly devices: number;
}

/** `device:unregister`: whether this device was registered. */
export interface DeviceUnregisterResult {
  readonly deviceId: string;
  readonly removed: boolean;
}

/** The platforms a device registers from. */
export type DevicePlatform = DevicePush['platform'];
