import type { NotificationType } from '../../protocol/notification-types.js';
import type { NotificationPreferences } from '../../protocol/types/notifications.js';
import { channelsFor } from './notification-preferences.js';
import { quietEndsAt } from './quiet-hours.js';

/** Why a notification is not pushed. */
export type PushSkip = 'channel-off' | 'muted-or-not-close' | 'device-connected' | 'no-device';

/** Whether to push a notification, and when: at once, or held back until quiet hours end. */
export type PushPlan = { readonly kind: 'push'; readonly at: number; readonly heldBack: boolean } | { readonly kind: 'skip'; readonly reason: PushSkip };

/** What {@link planPush} decides from. */
export interface PushSituation {
  readonly type: NotificationType;
  readonly prefs: NotificationPreferences;
  /** Who caused it (null: no one, e.g. a reminder). */
  readonly actorId: string | null;
  /** Whether any of the recipient's devices is connected now. */
  readonly connected: boolean;
  /** Whether the recipient has a push subscription. */
  readonly hasPushDevice: boolean;
  readonly at: number;
}

/**
 * The push rule: pushed only when the type's push channel is on for this actor, no device of the
 * recipient is connected (unless they asked for pushes anyway), and not in quiet hours, where it
 * waits until they end. Pure.
 */
export function planPush(s: PushSituation): PushPlan {
  if (!s.prefs.channels[s.type].push) return { kind: 'skip', reason: 'channel-off' };
  if (!channelsFor(s.type, s.prefs, s.actorId).includes('push')) return { kind: 'skip', reason: 'muted-or-not-close' };
  if (!s.hasPushDevice) return { kind: 'skip', reason: 'no-device' };
  if (s.connected && !s.prefs.pushWhileConnected) return { kind: 'skip', reason: 'device-connected' };
  const at = quietEndsAt(s.at, s.prefs.quietHours);
  return { kind: 'push', at, heldBack: at !== s.at };
}
