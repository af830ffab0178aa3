export { HugMoodClient, type HugMoodClientOptions } from './hugmood-client.js';
export type { ConnectionState } from './connection/connection-state.js';
export type { BackoffOptions } from './connection/backoff.js';
export { fullJitterDelay, DEFAULT_BACKOFF } from './connection/backoff.js';
export type { SocketFactory, TokenProvider, ClientSocket } from './connection/connection.js';
export type { Unsubscribe } from './emitter.js';
export type { Logger } from './logger.js';
export { randomDeviceId } from './device-id.js';
export { memoryStorage, webStorage, type StorageAdapter, type WebStorageLike } from './storage/storage-adapter.js';
export type { AuthOptions, PasswordAuth, RefreshTokenAuth } from './auth/auth-options.js';
export type { FetchLike } from './auth/auth-http.js';
export { PresenceApi, type AppState, type PresenceEntry, type PresenceEvents } from './presence/presence.js';
export { FriendsApi } from './friends.js';
export { ProfileApi, type ProfileChanges } from './profile.js';
export { PrivacyApi } from './privacy.js';
export { HugsApi, type HugsEvents, type ReceivedHug, type SendHugOptions } from './hugs/hugs.js';
export { createTimeline, type HugTimeline, type TimelineFrame } from './hugs/hug-timeline.js';
export { GroupHugsApi, type CreateGroupHugOptions, type GroupHugsEvents } from './group-hugs/group-hugs.js';
export { GroupHug, type GroupHugEvents } from './group-hugs/group-hug.js';
export { createGroupTimeline, type GroupTimeline, type GroupTimelinePhase } from './group-hugs/group-timeline.js';
export { MoodsApi, deviceTimeZone, type MoodsEvents, type RecordMoodOptions, type MoodChanges } from './moods/moods.js';
export type { FriendMoodState } from './moods/friend-mood-board.js';
export { NotificationsApi, NotificationPreferencesApi, type NotificationsEvents, type ReceivedNotification, type ListNotificationsOptions } from './notifications/notifications.js';
export { UnreadCount } from './notifications/unread-count.js';
export { DevicesApi, type WebPushSubscriptionLike } from './notifications/devices.js';
export { FeedApi, type FeedEvents, type FeedPageOptions } from './feed/feed.js';
export type { FeedItem, FeedItemType, FeedPage } from '../../protocol/types/feed.js';
export type { FeedNewEvent } from '../../protocol/server-events.js';
export { NOTIFICATION_TYPES, NOTIFICATION_TYPE_IDS, NOTIFICATION_CHANNELS, type NotificationType, type NotificationChannel, type ChannelSettings } from '../../protocol/notification-types.js';
export type {
  Notification,
  NotificationData,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesPatch,
  NotificationReadResult,
  NotificationDeleteResult,
  QuietHours,
  ClockTime,
  UnreadCount as UnreadCountResult,
} from '../../protocol/types/notifications.js';
export type { DevicePlatform, DeviceRegisterResult, DeviceUnregisterResult, WebPushSubscription } from '../../protocol/types/devices.js';
export type { NotificationNewEvent, NotificationReadStateEvent } from '../../protocol/server-events.js';
export { MOODS, MOOD_IDS, type MoodId, type MoodDefinition } from '../../protocol/mood-catalogue.js';
export type {
  MoodEntry,
  MoodVisibility,
  MoodStreakView,
  MoodRecordResult,
  MoodHistoryPage,
  MoodDeleteResult,
  FriendMood,
  FriendMoods,
} from '../../protocol/types/moods.js';
export type { MoodSummaryResult, Insight, NotEnoughData, LiftFigures, HugLift, Bucket, DayMood, TagEffect, TimeOfDay, SummaryPeriod } from '../../protocol/types/mood-summary.js';
export type { MoodFriendUpdateEvent, MoodFriendRemovedEvent, MoodFriendHiddenEvent } from '../../protocol/server-events.js';
export { ServerClock, type ServerClockOptions, type TimeExchange } from './clock/clock.js';
export { ClockEstimator, type ClockEstimate, type ClockSample } from './clock/clock-estimator.js';
export {
  HugMoodError,
  InvalidPayloadError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ConflictError,
  UnavailableError,
  InternalError,
  TimeoutError,
  ClientClosedError,
  ProtocolVersionError,
  WireMismatchError,
  type ClientErrorCode,
} from './errors.js';
export { PROTOCOL_VERSION } from '../../protocol/version.js';
export { HUG_KINDS, HUG_KIND_IDS, hugIntensityAt, type HugKind, type HugKindId } from '../../protocol/hug-kinds.js';
export { GROUP_LISTED_PARTICIPANTS } from '../../protocol/group-hug-constants.js';
export type { ErrorCode, ProtocolError } from '../../protocol/errors.js';
export type { CommandName, CommandInput, CommandResults, ClientToServerEvents } from '../../protocol/command-map.js';
export type { ServerToClientEvents, ServerEventName, ServerEventPayload } from '../../protocol/server-events.js';
export type { UserPresence, UserStatus, DeviceStatus, WatchResult, WatchDenial } from '../../protocol/types/presence.js';
export type { Profile } from '../../protocol/types/profile.js';
export type { PrivacySettings } from '../../protocol/types/privacy.js';
export type { FriendsList, FriendEntry, FriendshipState, FriendCommandResult } from '../../protocol/types/friends.js';
export type { TokenPair } from '../../protocol/types/auth.js';
export type {
  Hug,
  HugAnimation,
  HugContext,
  HugRequest,
  HugRequestStatus,
  HugSendResult,
  HugHistoryPage,
  HugRequestResult,
  HugRequestAnswerResult,
  HugUnreadPage,
  PendingHugRequests,
} from '../../protocol/types/hugs.js';
export type { InboxEntry, InboxPage, ReadReceipt, HugRequestAnswer } from '../../protocol/types/inbox.js';
export type { HugDeliveredEvent, HugReadStateEvent, GroupStateEvent, GroupPulseEvent, GroupCompleteEvent } from '../../protocol/server-events.js';
export type {
  GroupHugView,
  GroupHugSummary,
  GroupInvite,
  GroupInviteResult,
  GroupMembership,
  GroupMemberStatus,
  GroupHistoryPage,
  OpenGroupHugs,
  GroupCancelReason,
} from '../../protocol/types/group-hugs.js';
export { GROUP_HUG_CURVE, GROUP_HUG_DURATION, type GroupHugPhase } from '../../protocol/group-hug-constants.js';
export { DELETED_USER_ID } from '../../protocol/types/profile.js';
export type { DeviceKind } from '../../protocol/types/presence.js';
export type { HandshakeAuth } from '../../protocol/types/auth.js';
export type { SessionEndedEvent, SessionEndReason } from '../../protocol/server-events.js';
export type { WireFormat } from '../../protocol/wire/wire-format.js';
