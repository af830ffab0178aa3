import type { AckCallback } from './ack.js';
import type { AuthRefreshResult } from './types/auth.js';
import type { CommandInputs } from './types/command-inputs.js';
import type { FriendCommandResult, FriendsList } from './types/friends.js';
import type { GroupHistoryPage, GroupHugView, GroupInviteResult, GroupMembership, GroupSqueezeResult, OpenGroupHugs, TimeSyncResult } from './types/group-hugs.js';
import type { HugAckResult, HugHistoryPage, HugReadResult, HugRequestAnswerResult, HugRequestResult, HugSendResult, HugUnreadPage, PendingHugRequests } from './types/hugs.js';
import type { InboxPage } from './types/inbox.js';
import type { FriendMoods, MoodDeleteResult, MoodEntry, MoodHistoryPage, MoodRecordResult, MoodStreakView, MoodSummaryResult } from './types/moods.js';
import type { DeviceRegisterResult, DeviceUnregisterResult } from './types/devices.js';
import type { FeedPage } from './types/feed.js';
import type { NotificationDeleteResult, NotificationPage, NotificationPreferences, NotificationReadResult, UnreadCount } from './types/notifications.js';
import type { PresenceSetResult, UnwatchResult, WatchResult } from './types/presence.js';
import type { PrivacySettings } from './types/privacy.js';
import type { Profile } from './types/profile.js';

/*
 * The command map as plain types: what the SDK (and its published types) builds on. The zod
 * schemas that check each payload on the server are in commands.ts, pinned to these types.
 */

/** The name of a client→server command. */
export type CommandName = keyof CommandInputs;

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
  'hug:unread': HugUnreadPage;
  'hug:request:pending': PendingHugRequests;
  'inbox:sync': InboxPage;
  /** The new group hug (or the one this `clientId` made before). */
  'group:create': GroupHugView;
  'group:invite': GroupInviteResult;
  /** The version and your entry, no lists: the snapshot is `group:get`'s, once per device. */
  'group:join': GroupMembership;
  'group:decline': GroupMembership;
  'group:leave': GroupMembership;
  'group:start': GroupHugView;
  'group:cancel': GroupHugView;
  'group:get': GroupHugView;
  'group:squeeze': GroupSqueezeResult;
  'group:history': GroupHistoryPage;
  'group:open': OpenGroupHugs;
  'time:sync': TimeSyncResult;
  'mood:record': MoodRecordResult;
  /** The mood as it is now. */
  'mood:update': MoodEntry;
  'mood:delete': MoodDeleteResult;
  'mood:streak': MoodStreakView;
  'mood:history': MoodHistoryPage;
  'mood:summary': MoodSummaryResult;
  /** Each friend whose moods show to you, with their latest mood and streak; you now hear their moods live. */
  'mood:friends': FriendMoods;
  'notification:list': NotificationPage;
  'notification:read': NotificationReadResult;
  'notification:delete': NotificationDeleteResult;
  'notification:unread-count': UnreadCount;
  'notification:preferences:get': NotificationPreferences;
  /** The preferences as they are now. */
  'notification:preferences:update': NotificationPreferences;
  'device:register': DeviceRegisterResult;
  'device:unregister': DeviceUnregisterResult;
  /** A page of your friends' activity; your connection now hears `feed:new`. */
  'feed:get': FeedPage;
}

/** The payload a client sends for command `N`. */
export type CommandInput<N extends CommandName> = CommandInputs[N];

/** The Socket.IO client→server event map: every command takes a payload and an ack. */
export type ClientToServerEvents = {
  [N in CommandName]: (payload: CommandInput<N>, ack: AckCallback<CommandResults[N]>) => void;
};
