import type { DevicePush } from '../../protocol/types/devices.js';
import type { PushMessage } from '../../domain/notifications/push-collapse.js';

/** Where a push goes: one device's registration with its platform's push service. */
export type PushTarget = DevicePush;

/**
 * What the push service answered:
 * - `delivered`: accepted for delivery;
 * - `gone`: the registration no longer exists (404/410): remove it, never retry;
 * - `retry`: a temporary failure (429, 5xx, no answer): try again, after `retryAfterMs` when given;
 * - `rejected`: refused for good (another 4xx: a payload too large, bad credentials); not retried.
 */
export type PushOutcome =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'gone'; readonly status: number }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'rejected'; readonly status: number; readonly reason: string };

/** How long a push service may hold a push for an offline device, and how urgently to deliver it. */
export interface PushOptions {
  readonly ttlS: number;
  readonly urgency: 'very-low' | 'low' | 'normal' | 'high';
}

/**
 * The push port: one implementation per push service (Web Push, FCM, APNs). `send` never throws
 * for what the service answers; it throws only for a target of another platform (a wiring error).
 */
export interface PushProvider {
  readonly platform: PushTarget['platform'];
  send(target: PushTarget, message: PushMessage, options: PushOptions): Promise<PushOutcome>;
}

/** The JSON a device receives: ids and short words only (see domain/notifications/notification-text.ts). */
export function pushPayloadOf(message: PushMessage): string {
  return JSON.stringify({ type: message.type, title: message.title, body: message.body, data: message.data, count: message.count });
}

/** An outcome from an HTTP status of a push service (the mapping every provider shares). */
export function outcomeOfStatus(status: number, retryAfter: string | null | undefined, reason: string): PushOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 404 || status === 410) return { kind: 'gone', status };
  if (status === 429 || status >= 500) {
    const seconds = retryAfter ? Number(retryAfter) : Number.NaN;
    return Number.isFinite(seconds) && seconds >= 0 ? { kind: 'retry', reason, retryAfterMs: seconds * 1000 } : { kind: 'retry', reason };
  }
  return { kind: 'rejected', status, reason };
}
