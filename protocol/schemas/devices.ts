import { z } from 'zod';
import type { DeviceRegistration } from '../types/devices.js';
import { webPushSubscriptionSchema } from './notifications.js';
import { assertSameShape } from './same-shape.js';

/** Longest FCM or APNs registration token, in characters (FCM's are about 160, APNs' 64 hex). */
export const MAX_PUSH_TOKEN = 4096;

/** An FCM or APNs registration token: opaque, printable, no spaces. */
const pushTokenSchema = z
  .string()
  .min(8)
  .max(MAX_PUSH_TOKEN)
  .regex(/^[A-Za-z0-9:_.-]+$/, 'must be a push registration token');

/** `device:register`: this device's Web Push subscription, or its FCM/APNs token. */
export const deviceRegisterSchema = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('web'), push: webPushSubscriptionSchema }).strict(),
  z.object({ platform: z.enum(['android', 'ios']), push: z.object({ token: pushTokenSchema }).strict() }).strict(),
]);
assertSameShape<z.input<typeof deviceRegisterSchema>, DeviceRegistration>(true);
