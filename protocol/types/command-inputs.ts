import type { HugKindId } from '../hug-kinds.js';
import type { MoodId } from '../mood-catalogue.js';
import type { NotificationChannel, NotificationType } from '../notification-types.js';
import type { DeviceRegistration } from './devices.js';
import type { MoodVisibility } from './moods.js';
import type { PrivacySettings } from './privacy.js';
import type { DeviceStatus } from './presence.js';

/** A command that takes no arguments: send `{}`. */
export type NoArguments = Record<string, never>;

/** The target user of a friend command, or of `profile:get`. */
export interface UserTarget {
  userId: string;
}

/** The group hug a command acts on. */
export interface GroupTarget {
  groupId: string;
}

/**
 * What a client sends with each command: the input of the command's zod schema, written out as
 * plain types so the SDK's published types need no zod. `protocol/commands.ts` checks at compile
 * time that each one has the same shape as its schema's input.
 */
export interface CommandInputs {
  'auth:refresh': { token: string };
  'presence:watch': { userIds: string[] };
  'presence:unwatch': { userIds: string[] };
  'presence:set': { status: DeviceStatus; activity?: string | null | undefined };
  'friend:request': UserTarget;
  'friend:accept': UserTarget;
  'friend:decline': UserTarget;
  'friend:remove': UserTarget;
  'friend:block': UserTarget;
  'friend:unblock': UserTarget;
  'friends:list': NoArguments;
  'profile:get': UserTarget;
  'profile:update': { displayName?: string | undefined; avatarUrl?: string | null | undefined; bio?: string | undefined };
  'user:lookup': { username: string };
  'privacy:get': NoArguments;
  'privacy:update': { [K in keyof PrivacySettings]?: PrivacySettings[K] | undefined };
  'hug:send': { to: string; kind: HugKindId; message?: string | undefined; clientId: string; context?: { activityId: string } | undefined };
  'hug:ack': { hugIds: string[] };
  'hug:read': { hugId: string };
  'hug:request': { to: string; message?: string | undefined; clientId: string };
  'hug:request:answer': { requestId: string; accept: boolean; kind?: HugKindId | undefined; message?: string | undefined };
  'hug:history': { direction: 'sent' | 'received'; before?: string | undefined; limit?: number | undefined };
  'hug:unread': { limit?: number | undefined };
  'hug:request:pending': NoArguments;
  'inbox:sync': { after: number; limit?: number | undefined };
  'group:create': { title: string; invitees?: string[] | undefined; scheduledAt?: number | undefined; durationMs?: number | undefined; clientId: string };
  'group:invite': { groupId: string; userIds: string[] };
  'group:join': GroupTarget;
  'group:decline': GroupTarget;
  'group:leave': GroupTarget;
  'group:start': GroupTarget;
  'group:cancel': GroupTarget;
  'group:get': GroupTarget;
  'group:squeeze': { groupId: string; intensity: number };
  'group:history': { before?: string | undefined; limit?: number | undefined };
  'group:open': NoArguments;
  'time:sync': NoArguments;
  'mood:record': {
    mood: MoodId;
    intensity: number;
    valence?: number | undefined;
    arousal?: number | undefined;
    note?: string | undefined;
    tags?: string[] | undefined;
    visibility?: MoodVisibility | undefined;
    timeZone: string;
    clientId: string;
  };
  'mood:update': {
    moodId: string;
    mood?: MoodId | undefined;
    intensity?: number | undefined;
    valence?: number | undefined;
    arousal?: number | undefined;
    note?: string | null | undefined;
    tags?: string[] | undefined;
    visibility?: MoodVisibility | undefined;
  };
  'mood:delete': { moodId: string };
  'mood:streak': { userId?: string | undefined; timeZone?: string | undefined };
  'mood:history': { userId?: string | undefined; before?: string | undefined; limit?: number | undefined };
  'mood:summary': { days: 7 | 30 | 90 | 365 };
  'mood:friends': NoArguments;
  'notification:list': { before?: string | undefined; limit?: number | undefined; unreadOnly?: boolean | undefined };
  'notification:read': { ids: string[] } | { upTo: string };
  'notification:delete': { ids: string[] };
  'notification:unread-count': NoArguments;
  'notification:preferences:get': NoArguments;
  'notification:preferences:update': NotificationPreferencesInput;
  'device:register': DeviceRegistration;
  'device:unregister': NoArguments;
  'feed:get': { before?: string | undefined; limit?: number | undefined };
}

/** `notification:preferences:update`: the fields to change (channels per type and channel). */
export interface NotificationPreferencesInput {
  channels?: { [T in NotificationType]?: { [C in NotificationChannel]?: boolean | undefined } | undefined } | undefined;
  quietHours?: { start: string; end: string; timeZone: string } | null | undefined;
  mutedUserIds?: string[] | undefined;
  closeUserIds?: string[] | undefined;
  previews?: boolean | undefined;
  pushWhileConnected?: boolean | undefined;
  dailyReminder?: { time: string; timeZone: string } | null | undefined;
}
