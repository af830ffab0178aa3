import type { z } from 'zod';
import type { AckCallback } from './ack.js';
import { authRefreshSchema, type AuthRefreshResult } from './schemas/auth.js';
import {
  emptyPayloadSchema,
  type FriendCommandResult,
  type FriendsList,
  friendTargetSchema,
} from './schemas/friends.js';
import {
  presenceSetSchema,
  type PresenceSetResult,
  presenceUnwatchSchema,
  presenceWatchSchema,
  type UnwatchResult,
  type WatchResult,
} from './schemas/presence.js';
import {
  hugAckSchema,
  type HugAckResult,
  type HugHistoryPage,
  hugHistorySchema,
  hugReadSchema,
  type HugReadResult,
  type HugRequestAnswerResult,
  hugRequestAnswerSchema,
  type HugRequestResult,
  hugRequestSchema,
  hugSendSchema,
  type HugSendResult,
} from './schemas/hugs.js';
import {
  groupCreateSchema,
  type GroupHistoryPage,
  groupHistorySchema,
  type GroupHugView,
  groupInviteSchema,
  type GroupInviteResult,
  groupRefSchema,
  groupSqueezeSchema,
  type GroupSqueezeResult,
  timeSyncSchema,
  type TimeSyncResult,
} from './schemas/group-hugs.js';
import { type InboxPage, inboxSyncSchema } from './schemas/inbox.js';
import { type PrivacySettings, privacyUpdateSchema } from './schemas/privacy.js';
import { type Profile, profileGetSchema, profileUpdateSchema, userLookupSchema } from './schemas/profile.js';

/**
 * Every client→server command and the zod schema of its payload. The server validates each
 * payload with its schema before anything else; the SDK sends the schema's input type.
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
  'time:sync': timeSyncSchema,
} as const;

/** The name of a client→server command. */
export type CommandName = keyof typeof COMMAND_SCHEMAS;

/** Every command name, for dispatch tables and metrics labels. */
export const COMMAND_NAMES = Object.keys(COMMAND_SCHEMAS) as CommandName[];

/** What each command answers with in `{ ok: true, data }`. */
export interface CommandResults {
  'auth:refresh': AuthRefreshResult;
  'presence:watch': WatchResult;
  'presence:unwatch': UnwatchResult;
  'presence:set': PresenceSetResult;
  'friend:request': FriendCommandResult;
  'friend:accept': FriendCommandResult;
  'friend:decline': FriendCommandResult;
  'friend:remove': FriendCommandResult;
  'friend:block': FriendCommandResult;
  'friend:unblock': FriendCommandResult;
  'friends:list': FriendsList;
  'profile:get': Profile;
  'profile:update': Profile;
  'user:lookup': Profile;
  'privacy:get': PrivacySettings;
  'privacy:update': PrivacySettings;
  'hug:send': HugSendResult;
  'hug:ack': HugAckResult;
  'hug:read': HugReadResult;
  'hug:request': HugRequestResult;
  'hug:request:answer': HugRequestAnswerResult;
  'hug:history': HugHistoryPage;
  'inbox:sync': InboxPage;
  /** The new group hug (or the one this `clientId` made before). */
  'group:create': GroupHugView;
  'group:invite': GroupInviteResult;
  /** The full snapshot: diffs (`group:state`) follow from its version. */
  'group:join': GroupHugView;
  'group:decline': GroupHugView;
  'group:leave': GroupHugView;
  'group:start': GroupHugView;
  'group:cancel': GroupHugView;
  'group:get': GroupHugView;
  'group:squeeze': GroupSqueezeResult;
  'group:history': GroupHistoryPage;
  'time:sync': TimeSyncResult;
}

/** The payload a client sends for command `N` (the schema's input). */
export type CommandInput<N extends CommandName> = z.input<(typeof COMMAND_SCHEMAS)[N]>;

/** The payload a server handler receives for command `N`, after validation (the schema's output). */
export type CommandPayload<N extends CommandName> = z.output<(typeof COMMAND_SCHEMAS)[N]>;

/** The Socket.IO client→server event map: every command takes a payload and an ack. */
export type ClientToServerEvents = {
  [N in CommandName]: (payload: CommandInput<N>, ack: AckCallback<CommandResults[N]>) => void;
};

/** True when `name` is a known command. */
export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(COMMAND_SCHEMAS, name);
}
