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

/** The platforms a device registers from. */
export type DevicePlatform = DevicePush['platform'];
