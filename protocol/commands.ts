import type { z } from 'zod';
import type { CommandInput, CommandName, CommandResults } from './command-map.js';
import { authRefreshSchema } from './schemas/auth.js';
import { emptyPayloadSchema, friendTargetSchema } from './schemas/friends.js';
import { groupCreateSchema, groupHistorySchema, groupInviteSchema, groupRefSchema, groupSqueezeSchema, timeSyncSchema } from './schemas/group-hugs.js';
import { hugAckSchema, hugHistorySchema, hugReadSchema, hugRequestAnswerSchema, hugRequestSchema, hugSendSchema, hugUnreadSchema } from './schemas/hugs.js';
import { inboxSyncSchema } from './schemas/inbox.js';
import { moodDeleteSchema, moodFriendsSchema, moodHistorySchema, moodRecordSchema, moodStreakSchema, moodSummarySchema, moodUpdateSchema } from './schemas/moods.js';
import { deviceRegisterSchema } from './schemas/devices.js';
import { feedGetSchema } from './schemas/feed.js';
import { notificationDeleteSchema, notificationListSchema, notificationPreferencesPatchSchema, notificationReadSchema } from './schemas/notifications.js';
import { presenceSetSchema, presenceUnwatchSchema, presenceWatchSchema } from './schemas/presence.js';
import { privacyUpdateSchema } from './schemas/privacy.js';
import { profileGetSchema, profileUpdateSchema, userLookupSchema } from './schemas/profile.js';
import { assertSameShape, type SameShape } from './schemas/same-shape.js';

export type { ClientToServerEvents, CommandInput, CommandName, CommandResults } from './command-map.js';

/**
 * Every client→server command and the zod schema of its payload. The server validates each
 * payload with its schema before anything else; the SDK sends the schema's input type (written
 * out, zod-free, in `types/command-inputs.ts`).
 */
export const COMMAND_SCHEMAS = {
  'auth:refresh': authRefreshSchema,
  'presence:watch': presenceWatchSchema,
  'presence:unwatch': presenceUnwatchSchema,
  'presence:set': presenceSetSchema,
  'friend:request': friendTargetSchema,
  'friend:accept': friendTargetSchema,
  'friend:decline': friendTargetSchema,
  'friend:remove': friendTargetSchema,
  'friend:block': friendTargetSchema,
  'friend:unblock': friendTargetSchema,
  'friends:list': emptyPayloadSchema,
  'profile:get': profileGetSchema,
  'profile:update': profileUpdateSchema,
  'user:lookup': userLookupSchema,
  'privacy:get': emptyPayloadSchema,
  'privacy:update': privacyUpdateSchema,
  'hug:send': hugSendSchema,
  'hug:ack': hugAckSchema,
  'hug:read': hugReadSchema,
  'hug:request': hugRequestSchema,
  'hug:request:answer': hugRequestAnswerSchema,
  'hug:history': hugHistorySchema,
  'hug:unread': hugUnreadSchema,
  'hug:request:pending': emptyPayloadSchema,
  'inbox:sync': inboxSyncSchema,
  'group:create': groupCreateSchema,
  'group:invite': groupInviteSchema,
  'group:join': groupRefSchema,
  'group:decline': groupRefSchema,
  'group:leave': groupRefSchema,
  'group:start': groupRefSchema,
  'group:cancel': groupRefSchema,
  'group:get': groupRefSchema,
  'group:squeeze': groupSqueezeSchema,
  'group:history': groupHistorySchema,
  'group:open': emptyPayloadSchema,
  'time:sync': timeSyncSchema,
  'mood:record': moodRecordSchema,
  'mood:update': moodUpdateSchema,
  'mood:delete': moodDeleteSchema,
  'mood:streak': moodStreakSchema,
  'mood:history': moodHistorySchema,
  'mood:summary': moodSummarySchema,
  'mood:friends': moodFriendsSchema,
  'notification:list': notificationListSchema,
  'notification:read': notificationReadSchema,
  'notification:delete': notificationDeleteSchema,
  'notification:unread-count': emptyPayloadSchema,
  'notification:preferences:get': emptyPayloadSchema,
  'notification:preferences:update': notificationPreferencesPatchSchema,
  'device:register': deviceRegisterSchema,
  'device:unregister': emptyPayloadSchema,
  'feed:get': feedGetSchema,
} as const satisfies Record<CommandName, z.ZodType>;

// Every schema's input has the shape of the plain type the SDK sends (protocol/types/command-inputs.ts).
assertSameShape<{ [N in CommandName]: SameShape<z.input<(typeof COMMAND_SCHEMAS)[N]>, CommandInput<N>> }, { [N in CommandName]: true }>(true);

/** Every command has a result type, and nothing else does. */
assertSameShape<keyof CommandResults, CommandName>(true);

/** Every command name, for dispatch tables and metrics labels. */
export const COMMAND_NAMES = Object.keys(COMMAND_SCHEMAS) as CommandName[];

/** The payload a server handler receives for command `N`, after validation (the schema's output). */
export type CommandPayload<N extends CommandName> = z.output<(typeof COMMAND_SCHEMAS)[N]>;

/** True when `name` is a known command. */
export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(COMMAND_SCHEMAS, name);
}
