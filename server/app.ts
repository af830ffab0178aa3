import { moodClockOf } from './config/file-clock.js';
import type { Logger } from 'pino';
import { parserFor } from '../protocol/wire/wire-format.js';
import { LandingPendingWrites } from '../persistence/write-behind/landing-pending-writes.js';
import { FreshMoods } from '../persistence/write-behind/fresh-mood-reads.js';
import { relationshipOf } from '../domain/friendship.js';
import { hugsReceivedSince } from '../rooms/moods/hugs-received.js';
import { AccountExporter } from '../rooms/account/account-export.js';
import { FriendMoods } from '../rooms/moods/friend-moods.js';
import { CloseFriendMoods } from '../rooms/notifications/close-friend-moods.js';
import { GroupStartingNotices } from '../rooms/notifications/group-starting-notices.js';
import { ActivityLog } from '../rooms/feed/activity-log.js';
import { FreshActivities } from '../persistence/write-behind/fresh-activity-reads.js';
import { FeedService } from '../rooms/feed/feed-service.js';
import { MoodService } from '../rooms/moods/mood-service.js';
import { allRelationshipChanges } from '../rooms/social/relationship-changes.js';
import { freshReads } from '../persistence/write-behind/read-your-writes.js';
import { DurableWrites } from '../rooms/durable-writes.js';
import { NodeRequests } from '../rooms/cluster/node-requests.js';
import { GroupHugHost, type GroupNodeMethods } from '../rooms/group-hugs/group-hug-host.js';
import { GroupHugService } from '../rooms/group-hugs/group-hug-service.js';
import { groupHugSummary } from '../persistence/write-behind/write-operation.js';
import { MAX_GROUP_MEMBERS } from '../protocol/limits.js';
import { HugRequestService } from '../rooms/hugs/hug-request-service.js';
import { HugService } from '../rooms/hugs/hug-service.js';
import { InboxAppender } from '../rooms/inbox/inbox-appender.js';
import { InboxService } from '../rooms/inbox/inbox-service.js';
import { PresenceSweeper } from '../rooms/presence/presence-sweeper.js';
import { PresenceTracker } from '../rooms/presence/presence-tracker.js';
import { PresenceVisibility } from '../rooms/presence/presence-visibility.js';
import { PresenceWatch } from '../rooms/presence/presence-watch.js';
import { FriendsService } from '../rooms/social/friends-service.js';
import { PrivacyService } from '../rooms/social/privacy-service.js';
import { ProfileService } from '../rooms/social/profile-service.js';
import type { Config } from './config/config.js';
import { loadOrCreateDevSecret } from './config/dev-secret.js';
import { createDispatcher } from './gateway/command-dispatcher.js';
import { commandHandlers } from './gateway/command-handlers.js';
import { ConnectionCounter } from './gateway/connection-counter.js';
import { FloodGuard } from './gateway/flood-guard.js';
import { installSendBufferGuard } from './gateway/send-buffer-guard.js';
import { SessionExpiry } from './gateway/session-expiry.js';
import { connectionOf, createSocketServer, installGateway } from './gateway/socket-gateway.js';
import { SocketIoRoomPort } from './gateway/socket-io-room-port.js';
import { authRoutes } from './http/auth-routes.js';
import { serverInfoRoute } from './http/server-info-route.js';
import { exportRoutes } from './http/export-routes.js';
import { pushRoutes } from './http/push-routes.js';
import { openNotifications } from './notifications/notification-root.js';
import { pushProviders } from './push/push-providers.js';
import { loadOrCreateDevVapidKeys } from './config/dev-vapid-keys.js';
import type { VapidDetails } from './push/web-push-provider.js';
import { createRouter } from './http/http-router.js';
import { metricsRoute, opsRoutes } from './http/ops-routes.js';
import { AccessTokens } from './identity/access-tokens.js';
import { AuthService } from './identity/auth-service.js';
import { PasswordHasher } from './identity/password-hasher.js';
import { openClusterInfrastructure } from './infrastructure/cluster-infrastructure.js';
import { openEmbeddedInfrastructure } from './infrastructure/embedded-infrastructure.js';
import type { Infrastructure } from './infrastructure/infrastructure.js';
import { isDependencyUnavailable } from './infrastructure/unavailable-errors.js';
import { userRoom } from '../rooms/room-names.js';
import { watchLoopStalls } from './observability/loop-stall-watch.js';
import { Metrics } from './observability/metrics.js';
import { MemoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
import { NodeTransport } from './transport/node-transport.js';
import { selectTransport } from './transport/select-transport.js';
import type { TransportName } from './transport/transport.js';

/** A started server. */
export interface RunningApp {
  readonly port: number;
  readonly transport: TransportName;
  /** The port `/metrics` is served on (its own listener), or `null` when `METRICS_PORT` is unset. */
  readonly metricsPort: number | null;
  /** Graceful stop: refuse new work, tell clients, flush presence and the write queue, close. */
  stop(): Promise<void>;
}

/** The JWT secret: configured, or the persisted development secret with a loud warning. */
function jwtSecret(config: Config, log: Logger): string | null {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.jwksUrl) return null;
  const dev = loadOrCreateDevSecret(config.dataDir);
  log.warn(
    { file: dev.file, created: dev.created },
    '!!! USING A DEVELOPMENT JWT SECRET: it was generated on this machine and is stored in plain text. Set JWT_SECRET (or JWKS_URL) before exposing this server. !!!',
  );
  return dev.secret;
}

/** The Web Push identity: configured, or the persisted development pair (with a warning). */
function vapidIdentity(config: Config, log: Logger): VapidDetails {
  if (config.vapid) return config.vapid;
  const dev = loadOrCreateDevVapidKeys(config.dataDir);
  log.warn({ file: dev.file, created: dev.created }, 'using a development VAPID key pair for Web Push: set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT before exposing this server');
  return { ...dev.keys, subject: 'mailto:ops@hugmood.invalid' };
}

/** Opens the parts of the shape `config` asks for: the cluster with `REDIS_URL`, else embedded. */
function openInfrastructure(config: Config, log: Logger, metrics: Metrics): Promise<Infrastructure> {
  const { redis } = config;
  return redis ? openClusterInfrastructure({ ...config, redis }, log, metrics) : openEmbeddedInfrastructure(config, log, metrics);
}

/**
 * The composition root: the only place that picks implementations (through the shape's
 * {@link Infrastructure}) and wires them. Rooms and the gateway never learn which shape runs.
 */
export async function startApp(config: Config, log: Logger): Promise<RunningApp> {
  const metrics = new Metrics(config.nodeId);
  const infra = await openInfrastructure(config, log, metrics);
  const { store, queue, presence, limiter, keys, cursors } = infra;
  log.info({ shape: infra.shape, store: store.kind }, 'store ready');
  metrics.observeQueue(queue, config.queue.lagBoundMs);
  const writes = new DurableWrites(queue, infra.pending);
  // Reads that must see acknowledged writes go through the pending writes laid over the store.
  // Pending writes are read as they will land: with the account deletions the store knows of applied.
  const landing = new LandingPendingWrites(infra.pending, store.accounts);
  const fresh = freshReads(store, landing);

  const tokens = new AccessTokens({
    secret: jwtSecret(config, log),
    jwksUrl: config.jwksUrl,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    ttlS: config.accessTokenTtlS,
  });
  const perMinute = (name: string, n: number) => ({ name, capacity: n, refillPerSecond: n / 60 });
  const io = createSocketServer(config, parserFor(config.wire), metrics);
  const rooms = new SocketIoRoomPort(io, infra.shape !== 'embedded');
  const auth = new AuthService({
    store,
    tokens,
    passwords: new PasswordHasher(config.passwordScryptLogN),
    limiter,
    refreshTtlS: config.refreshTokenTtlS,
    loginRule: perMinute('login', config.rate.loginPerMin),
    requestRule: perMinute('auth', config.rate.authPerMin),
    reuseGraceMs: config.refreshReuseGraceMs,
    // A deleted account's sockets end on every node, each told why first.
    onAccountDeleted: (userId) => {
      rooms.emitAndDisconnect(userRoom(userId), 'session:ended', { reason: 'account_deleted', at: Date.now() });
      log.info({ userId }, 'account deleted');
    },
  });

  const visibility = new PresenceVisibility({ presence, rooms, users: store.users });
  const tracker = new PresenceTracker({ presence, rooms, users: store.users, queue, graceMs: config.presenceGraceMs, log });
  const watch = new PresenceWatch({
    presence,
    rooms,
    users: store.users,
    friendships: store.friendships,
    maxWatchedPerSocket: config.maxWatchedPerSocket,
  });
  const expiry = new SessionExpiry(config.tokenExpiryWarningS * 1000);
  const counter = new ConnectionCounter(config.maxConnectionsPerUser);
  const steps = metrics.instrumentSteps(infra.steps);
  // Whether a user has a live device on some node (a push waits while one is connected).
  const onlineAnywhere = async (userId: string) => ((await infra.presence.get([userId])).get(userId)?.devices ?? []).some((d) => !d.lingering);
  const freshMoods = new FreshMoods(store.moods, landing);
  const vapid = vapidIdentity(config, log);
  const push = pushProviders(config, vapid, log);
  const notifications = openNotifications({
    config,
    infra,
    pending: landing,
    steps,
    rooms,
    metrics,
    log,
    providers: push.providers,
    connected: onlineAnywhere,
    moods: freshMoods,
  });
  const { notifier } = notifications;
  const hugRule = { name: 'hug', capacity: config.rate.hugsBurst, refillPerSecond: config.rate.hugsPerMin / 60 };
  const hugDeps = {
    users: store.users,
    friendships: store.friendships,
    hugs: fresh.hugs,
    storedHugs: store.hugs,
    steps,
    inbox: new InboxAppender(steps),
    rooms,
    hugRule,
    // A socket of the recipient is on this node; (in a cluster) a device elsewhere is read in the step.
    connectedHere: (userId: string) => counter.count(userId) > 0,
    // For a replay answered from the store: whether the recipient has a live device on some node.
    onlineAnywhere,
    notifier,
    // Claims and once-markers cover the time writes can be pending; then the store answers.
    replayWindowMs: Math.max(60_000, 2 * config.queue.lagBoundMs),
  };
  const hugs = new HugService({
    ...hugDeps,
    // The feed is made below (it listens through the friends' mood rooms); a hug only asks it once the node serves.
    answerable: (viewerId, authorId, activityId) => feed.answerable(viewerId, authorId, activityId),
    onDelivered: (ms) => metrics.hugDelivery.observe(ms / 1000),
  });
  const connLimiter = new MemoryRateLimiter();
  const floodGuard = new FloodGuard({
    refusals: config.rateKick.refusals,
    windowMs: config.rateKick.windowMs,
    cooldownMs: config.rateKick.windowMs,
    onCut: (socket) => {
      metrics.connectionsCut.inc({ reason: 'rate_limited' });
      log.warn({ userId: socket.data.userId, socketId: socket.id, refusals: socket.data.refusals }, 'connection cut: it kept exceeding its rate limits');
    },
  });
  const requests = new NodeRequests<GroupNodeMethods>(infra.nodeTransport, log);
  const group = config.group;
  const startingNotices = new GroupStartingNotices(notifier);
  const groupHost = new GroupHugHost({
    nodeId: config.nodeId,
    directory: infra.groupDirectory,
    requests,
    rooms,
    rules: { leadMs: group.leadMs, emptyTimeoutMs: group.emptyTimeoutMs, maxMembers: MAX_GROUP_MEMBERS },
    leaseMs: group.leaseMs,
    pulseMs: group.pulseMs,
    retainMs: 24 * 3600 * 1000,
    tapBatchMs: group.tapBatchMs,
    forwardTimeoutMs: Math.max(250, Math.floor(group.leaseMs / 2)),
    sweepMs: Math.max(100, Math.min(1000, Math.floor(group.leaseMs / 8))),
    log,
    now: Date.now,
    persistSummary: (summary) => writes.write([groupHugSummary(summary)]),
    startingSoon: { noticeMs: group.startingNoticeMs, notify: (state) => void startingNotices.notify(state) },
    onTakeover: () => metrics.leaseHandovers.inc(),
  });
  metrics.countGroupActors = () => groupHost.actorCount;
  const groupHugs = new GroupHugService({
    users: store.users,
    friendships: store.friendships,
    host: groupHost,
    members: infra.groupDirectory,
    groupHugs: store.groupHugs,
    inbox: hugDeps.inbox,
    rooms,
    notifier,
  });
  // Tests may shift the clock of moods (MOOD_CLOCK_FILE) to live through days at once.
  const moodNow = moodClockOf(config);
  const friendMoods = new FriendMoods({ moods: freshMoods, users: store.users, friendIds: (userId) => store.friendships.friendIds(userId), rooms, now: moodNow });
  // Who may see whom changed: presence watchers and mood listeners follow at once.
  const changes = allRelationshipChanges([visibility, friendMoods]);
  const activities = new ActivityLog({ steps, rooms, users: store.users, replayWindowMs: hugDeps.replayWindowMs, now: moodNow });
  const relationship = async (viewerId: string, subjectId: string) => relationshipOf(await store.friendships.relation(viewerId, subjectId));
  const feed = new FeedService({
    activities: store.activities,
    fresh: new FreshActivities(store.activities, landing),
    groupHugs: store.groupHugs,
    moods: freshMoods,
    users: store.users,
    friendIds: (userId) => store.friendships.friendIds(userId),
    relationship,
    listen: (userId, socketId) => friendMoods.listen(userId, socketId),
  });
  const moods = new MoodService({
    moods: freshMoods,
    privacyOf: (userId) => store.users.privacyOf(userId),
    relationship,
    hugsReceived: (userId, from) => hugsReceivedSince(store, userId, from),
    steps,
    rooms,
    moodRule: { name: 'mood', capacity: config.rate.moodsBurst, refillPerSecond: config.rate.moodsPerMin / 60 },
    replayWindowMs: hugDeps.replayWindowMs,
    notifier,
    activities,
    closeFriends: new CloseFriendMoods({
      watchersOf: (userId) => store.notificationPreferences.closeWatchersOf(userId),
      relationship,
      notifier,
      onError: (error, watcherId) => log.warn({ err: error, watcherId }, "a close friend's mood notification could not be made"),
    }),
    now: moodNow,
  });
  const friends = new FriendsService({ users: store.users, friendships: store.friendships, rooms, changes, notifier, activities });
  const inbox = new InboxService({ inbox: fresh.inbox, hugs: fresh.hugs, requests: fresh.hugRequests, notifications: notifications.fresh });
  const exporter = new AccountExporter({ users: store.users, friends, moods, hugs, hugRequests: store.hugRequests, freshRequests: fresh.hugRequests, groupHugs, inbox });
  const handlers = commandHandlers({
    tokens,
    expiry,
    tracker,
    watch,
    friends,
    profiles: new ProfileService({ users: store.users, friendships: store.friendships, rooms }),
    privacy: new PrivacyService({ users: store.users, rooms, changes }),
    hugs,
    hugRequests: new HugRequestService({
      ...hugDeps,
      requests: fresh.hugRequests,
      hugService: hugs,
      requestTtlMs: config.hugRequestTtlS * 1000,
      keys,
      throttle: (senderId: string) => limiter.consume(senderId, hugRule),
    }),
    inbox,
    groupHugs,
    moods,
    friendMoods,
    notifications: notifications.service,
    devices: notifications.devices,
    feed,
    now: Date.now,
  });
  const dispatch = createDispatcher({
    handlers,
    limiter,
    connLimiter,
    connRule: { name: 'conn', capacity: config.rate.connBurst, refillPerSecond: config.rate.connPerS },
    userRule: { name: 'user', capacity: config.rate.userBurst, refillPerSecond: config.rate.userPerS },
    stepCharged: new Set(['hug:send', 'hug:ack', 'mood:record']),
    ownRules: {
      'group:squeeze': { name: 'squeeze', capacity: group.squeezesPerS, refillPerSecond: group.squeezesPerS },
      // A sync is 16 exchanges in a row, on every (re)connect and every minute.
      'time:sync': { name: 'time-sync', capacity: 48, refillPerSecond: 4 },
    },
    metrics,
    log,
    isUnavailable: isDependencyUnavailable,
    floodGuard,
  });

  let shuttingDown = false;
  const http = createRouter(
    [
      ...opsRoutes({ nodeId: config.nodeId, checkReady: () => infra.checkReady(), isShuttingDown: () => shuttingDown }),
      ...authRoutes(auth, tokens.canIssue),
      ...exportRoutes(auth, exporter),
      ...pushRoutes(vapid.publicKey),
      serverInfoRoute(config.wire),
    ],
    config.allowedOrigins,
    (error, request) => log.error({ err: error, path: request.path }, 'http request failed unexpectedly'),
  );
  const transport = selectTransport(
    config.transport,
    { http, maxBodyBytes: config.maxFrameBytes, trustedProxies: config.trustedProxies, sendBufferBytes: config.sendBufferBytes },
    log,
  );
  infra.attachAdapter(io);
  transport.attach(io);
  installSendBufferGuard(io, {
    maxBytes: config.sendBufferBytes,
    probe: transport.probe,
    onCut: (conn, bufferedBytes) => {
      metrics.connectionsCut.inc({ reason: 'slow_consumer' });
      log.warn({ remoteAddress: conn.remoteAddress, bufferedBytes }, 'connection cut: the client stopped reading (send buffer full)');
    },
  });
  installGateway(io, {
    tokens,
    users: store.users,
    counter,
    floodGuard,
    metrics,
    log,
    tracker,
    expiry,
    dispatch,
  });
  const sweeper = infra.presenceCluster
    ? new PresenceSweeper({
        cluster: infra.presenceCluster,
        heartbeatMs: Math.max(200, Math.floor(config.presenceNodeTimeoutMs / 5)),
        sweepMs: Math.min(1000, Math.max(200, Math.floor(config.presenceNodeTimeoutMs / 5))),
        quietMs: config.presenceNodeTimeoutMs,
        onSwept: (step) => tracker.swept(step),
        onHeartbeat: (at) => metrics.presenceHeartbeat.set(at / 1000),
        // The cluster took this node for dead (a long pause, a Redis outage): put its devices back.
        onSweptAlive: async () => {
          await Promise.all([...io.of('/').sockets.values()].map((socket) => tracker.connected(connectionOf(socket))));
        },
        log,
      })
    : null;
  await sweeper?.start();
  await requests.start();
  groupHost.start();
  // /metrics has a listener of its own, off the public port.
  const metricsListener = config.metrics
    ? new NodeTransport({
        http: createRouter([metricsRoute(metrics.registry)], config.allowedOrigins, (error) => log.error({ err: error }, 'metrics request failed')),
        maxBodyBytes: 1024,
        trustedProxies: 0,
      })
    : null;
  const metricsPort = config.metrics && metricsListener ? await metricsListener.listen(config.metrics.host, config.metrics.port) : null;
  const port = await transport.listen(config.host, config.port);
  const stopStallWatch = watchLoopStalls(log);

  const stop = async () => {
    shuttingDown = true;
    stopStallWatch();
    await transport.stopListening();
    io.emit('session:ended', { reason: 'server_shutdown', retryAfterMs: 1000, at: Date.now() });
    io.disconnectSockets(true);
    // Leases go back at once, so another node restores these group hugs without waiting.
    await groupHost.close();
    await requests.close();
    await tracker.flush();
    await sweeper?.stop();
    const pending = queue.stats().depth;
    if (infra.shape === 'embedded') await queue.drain();
    // In a cluster the writes are durable in Redis already; wait (bounded) for this node's own to land.
    else await queue.settled(Math.max(0, config.shutdownTimeoutMs - 2000));
    log.info({ drained: pending, remaining: queue.stats().depth, deadLetters: queue.stats().deadLetters }, 'write queue drained');
    await new Promise<void>((resolve) => {
      void io.close(() => resolve());
    });
    await transport.close();
    await metricsListener?.stopListening();
    await metricsListener?.close();
    expiry.close();
    notifications.close();
    await limiter.close();
    await connLimiter.close();
    await keys.close();
    await cursors.close();
    await infra.close();
    push.close();
  };
  return { port, transport: transport.name, metricsPort, stop };
}
