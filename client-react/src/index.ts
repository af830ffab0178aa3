export { HugMoodProvider, useHugMoodClient, type HugMoodProviderProps } from './client-context.js';
export { useConnectionState, useMe } from './use-connection-state.js';
export { usePresence, type PresenceTarget } from './use-presence.js';
export { useHugs, useSendHug, useHugAnimation, type UseHugsOptions, type SendHugState } from './use-hugs.js';
export { useGroupHug, useGroupHugFrame, type GroupHugState, type GroupHugFrame } from './use-group-hug.js';
export { useMoods, useFriendMoods, type MoodsState } from './use-moods.js';
export { useNotifications, type NotificationsState } from './use-notifications.js';
export { useFeed } from './use-feed.js';
export type { LiveList } from './use-live-list.js';
