import { NOTIFICATION_TYPE_IDS, NOTIFICATION_TYPES, type NotificationChannel, type NotificationType } from '../../protocol/notification-types.js';
import type { NotificationPreferences, NotificationPreferencesPatch } from '../../protocol/types/notifications.js';

/**
 * What a new user starts with: each type on the channels its catalogue entry names, no quiet
 * hours, nobody muted or close, previews on, no push while a device is connected, no daily reminder.
 */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  channels: NOTIFICATION_TYPES,
  quietHours: null,
  mutedUserIds: [],
  closeUserIds: [],
  previews: true,
  pushWhileConnected: false,
  dailyReminder: null,
};

/** `prefs` with `patch` applied: channels per type and channel, everything else replaced as given. */
export function applyPreferencesPatch(prefs: NotificationPreferences, patch: NotificationPreferencesPatch): NotificationPreferences {
  const channels = Object.fromEntries(NOTIFICATION_TYPE_IDS.map((type) => [type, { ...prefs.channels[type], ...patch.channels?.[type] }])) as NotificationPreferences['channels'];
  return {
    channels,
    quietHours: patch.quietHours === undefined ? prefs.quietHours : patch.quietHours,
    mutedUserIds: patch.mutedUserIds === undefined ? prefs.mutedUserIds : [...new Set(patch.mutedUserIds)],
    closeUserIds: patch.closeUserIds === undefined ? prefs.closeUserIds : [...new Set(patch.closeUserIds)],
    previews: patch.previews ?? prefs.previews,
    pushWhileConnected: patch.pushWhileConnected ?? prefs.pushWhileConnected,
    dailyReminder: patch.dailyReminder === undefined ? prefs.dailyReminder : patch.dailyReminder,
  };
}

/**
 * The channels a notification of `type` caused by `actorId` (null: no one, e.g. a reminder) uses
 * for a user with `prefs`. A muted friend notifies of nothing; a friend's mood notifies only when
 * the friend is marked close.
 */
export function channelsFor(type: NotificationType, prefs: NotificationPreferences, actorId: string | null): NotificationChannel[] {
  if (actorId !== null && prefs.mutedUserIds.includes(actorId)) return [];
  if (type === 'friend-mood' && (actorId === null || !prefs.closeUserIds.includes(actorId))) return [];
  const settings = prefs.channels[type];
  return (['in_app', 'push', 'email'] as const).filter((channel) => settings[channel]);
}
