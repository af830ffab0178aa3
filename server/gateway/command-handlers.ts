import { CommandError } from '../../domain/command-error.js';
import type { GroupHugService } from '../../rooms/group-hugs/group-hug-service.js';
import type { HugRequestService } from '../../rooms/hugs/hug-request-service.js';
import type { HugService } from '../../rooms/hugs/hug-service.js';
import type { InboxService } from '../../rooms/inbox/inbox-service.js';
import type { FriendMoods } from '../../rooms/moods/friend-moods.js';
import type { FeedService } from '../../rooms/feed/feed-service.js';
import type { MoodService } from '../../rooms/moods/mood-service.js';
import type { DeviceService, RegisteringDevice } from '../../rooms/notifications/device-service.js';
import type { NotificationService } from '../../rooms/notifications/notification-service.js';
import type { PresenceTracker } from '../../rooms/presence/presence-tracker.js';
import type { PresenceWatch } from '../../rooms/presence/presence-watch.js';
import type { FriendsService } from '../../rooms/social/friends-service.js';
import type { PrivacyService } from '../../rooms/social/privacy-service.js';
import type { ProfileService } from '../../rooms/social/profile-service.js';
import { type AccessTokens, TokenError } from '../identity/access-tokens.js';
import type { CommandContext, CommandHandlers } from './command-context.js';
import type { SessionExpiry } from './session-expiry.js';

/** The services the command handlers call. */
export interface CommandServices {
  readonly tokens: AccessTokens;
  readonly expiry: SessionExpiry;
  readonly tracker: PresenceTracker;
  readonly watch: PresenceWatch;
  readonly friends: FriendsService;
  readonly profiles: ProfileService;
  readonly privacy: PrivacyService;
  readonly hugs: HugService;
  readonly hugRequests: HugRequestService;
  readonly inbox: InboxService;
  readonly groupHugs: GroupHugService;
  readonly moods: MoodService;
  readonly friendMoods: FriendMoods;
  readonly notifications: NotificationService;
  readonly devices: DeviceService;
  readonly feed: FeedService;
  readonly now: () => number;
}

/** Binds every command to its service. Authorization happens in the services, per command. */
export function commandHandlers(s: CommandServices): CommandHandlers {
  return {
    'auth:refresh': async (ctx, { token }) => {
      let verified;
      try {
        verified = await s.tokens.verify(token);
      } catch (error) {
        if (error instanceof TokenError) throw new CommandError('unauthorized', error.message, { reason: error.reason });
        throw error;
      }
      if (verified.userId !== ctx.userId) throw new CommandError('forbidden', 'the token belongs to another user');
      s.expiry.renew(ctx.socket, verified.expiresAt);
      return { userId: verified.userId, expiresAt: verified.expiresAt };
    },
    'presence:watch': (ctx, { userIds }) => s.watch.watch(ctx.watcher, userIds),
    'presence:unwatch': (ctx, { userIds }) => Promise.resolve(s.watch.unwatch(ctx.watcher, userIds)),
    'presence:set': async (ctx, { status, activity }) => ({
      status: (await s.tracker.setStatus(ctx.conn, status, activity ?? null)).status,
    }),
    'friend:request': (ctx, { userId }) => s.friends.act(ctx.userId, userId, 'request'),
    'friend:accept': (ctx, { userId }) => s.friends.act(ctx.userId, userId, 'accept'),
    'friend:decline': (ctx, { userId }) => s.friends.act(ctx.userId, userId, 'decline'),
    'friend:remove': (ctx, { userId }) => s.friends.act(ctx.userId, userId, 'remove'),
    'friend:block': (ctx, { userId }) => s.friends.act(ctx.userId, userId, 'block'),
    'friend:unblock': (ctx, { userId }) => s.friends.act(ctx.userId, userId, 'unblock'),
    'friends:list': (ctx) => s.friends.list(ctx.userId),
    'profile:get': (ctx, { userId }) => s.profiles.get(ctx.userId, userId),
    'profile:update': (ctx, patch) => s.profiles.update(ctx.userId, patch),
    'user:lookup': (ctx, { username }) => s.profiles.lookup(ctx.userId, username),
    'privacy:get': (ctx) => s.privacy.get(ctx.userId),
    'privacy:update': (ctx, patch) => s.privacy.update(ctx.userId, patch),
    'hug:send': (ctx, { to, kind, message, clientId, context }) => s.hugs.send(ctx.userId, { to, kind, message: message || null, clientId, context }, ctx.userCharge ?? null),
    'hug:ack': (ctx, { hugIds }) => s.hugs.acknowledge(ctx.userId, hugIds, ctx.userCharge ?? null),
    'hug:read': (ctx, { hugId }) => s.hugs.markRead(ctx.userId, hugId),
    'hug:request': (ctx, { to, message, clientId }) => s.hugRequests.request(ctx.userId, to, message || null, clientId),
    'hug:request:answer': (ctx, answer) => s.hugRequests.answer(ctx.userId, answer),
    'hug:request:pending': (ctx) => s.hugRequests.pending(ctx.userId),
    'hug:unread': (ctx, { limit }) => s.hugs.unread(ctx.userId, limit),
    'hug:history': (ctx, { direction, before, limit }) => s.hugs.history(ctx.userId, direction, before, limit),
    'inbox:sync': (ctx, { after, limit }) => s.inbox.sync(ctx.userId, after, limit, ctx.socket.data.protocolVersion),
    'group:create': (ctx, request) => s.groupHugs.create(ctx.userId, request),
    'group:invite': (ctx, { groupId, userIds }) => s.groupHugs.invite(ctx.userId, groupId, userIds),
    'group:join': (ctx, { groupId }) => s.groupHugs.join(ctx.userId, groupId),
    'group:decline': (ctx, { groupId }) => s.groupHugs.decline(ctx.userId, groupId),
    'group:leave': (ctx, { groupId }) => s.groupHugs.leave(ctx.userId, groupId),
    'group:start': (ctx, { groupId }) => s.groupHugs.start(ctx.userId, groupId),
    'group:cancel': (ctx, { groupId }) => s.groupHugs.cancel(ctx.userId, groupId),
    'group:get': (ctx, { groupId }) => s.groupHugs.get(ctx.userId, groupId),
    'group:squeeze': (ctx, { groupId, intensity }) => s.groupHugs.squeeze(ctx.userId, groupId, intensity),
    'group:history': (ctx, { before, limit }) => s.groupHugs.history(ctx.userId, before, limit),
    'group:open': (ctx) => s.groupHugs.open(ctx.userId),
    'time:sync': () => Promise.resolve({ serverTime: s.now() }),
    'mood:record': (ctx, asked) => s.moods.record(ctx.userId, asked, ctx.userCharge ?? null),
    'mood:update': (ctx, asked) => s.moods.update(ctx.userId, asked),
    'mood:delete': (ctx, { moodId }) => s.moods.delete(ctx.userId, moodId),
    'mood:streak': (ctx, { userId, timeZone }) => s.moods.streak(ctx.userId, userId ?? ctx.userId, timeZone ?? 'UTC'),
    'mood:history': (ctx, { userId, before, limit }) => s.moods.history(ctx.userId, userId ?? ctx.userId, before, limit),
    'mood:summary': (ctx, { days }) => s.moods.summary(ctx.userId, days),
    'mood:friends': (ctx) => s.friendMoods.subscribe(ctx.userId, ctx.socket.id),
    'notification:list': (ctx, { before, limit, unreadOnly }) => s.notifications.list(ctx.userId, before, limit, unreadOnly ?? false),
    'notification:read': (ctx, read) => ('ids' in read ? s.notifications.readIds(ctx.userId, read.ids, ctx.socket.id) : s.notifications.readUpTo(ctx.userId, read.upTo, ctx.socket.id)),
    'notification:delete': (ctx, { ids }) => s.notifications.delete(ctx.userId, ids, ctx.socket.id),
    'notification:unread-count': (ctx) => s.notifications.unreadCount(ctx.userId),
    'notification:preferences:get': (ctx) => s.notifications.preferences(ctx.userId),
    'notification:preferences:update': (ctx, patch) => s.notifications.updatePreferences(ctx.userId, patch),
    'device:register': (ctx, registration) => s.devices.register(deviceOf(ctx), registration),
    'device:unregister': (ctx) => s.devices.unregister(deviceOf(ctx)),
    'feed:get': (ctx, { before, limit }) => s.feed.page(ctx.userId, before, limit, ctx.socket.id),
  };
}

/** The device a command comes from: the handshake's `deviceId`. */
function deviceOf(ctx: CommandContext): RegisteringDevice {
  return { userId: ctx.userId, deviceId: ctx.socket.data.deviceId, chosen: ctx.socket.data.deviceChosen };
}
