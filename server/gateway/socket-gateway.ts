import type { IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { SocketIoParser } from '../../protocol/wire/wire-format.js';
import type { LogPort } from '../../rooms/log-port.js';
import type { DeviceConnection, PresenceTracker } from '../../rooms/presence/presence-tracker.js';
import { userRoom } from '../../rooms/room-names.js';
import type { Config } from '../config/config.js';
import type { Metrics } from '../observability/metrics.js';
import { isOriginAllowed } from '../security/origin-policy.js';
import type { Dispatch } from './command-dispatcher.js';
import type { HandshakeDeps } from './handshake.js';
import { handshakeMiddleware, releaseConnectionSlot } from './handshake.js';
import type { SessionExpiry } from './session-expiry.js';
import type { HugServer, HugSocket } from './socket-types.js';

/**
 * The Socket.IO server: WebSocket only (so no sticky sessions are needed), frames capped at
 * `MAX_FRAME_BYTES`, browser Origins checked before the upgrade.
 */
export function createSocketServer(config: Config, parser: SocketIoParser, metrics: Metrics): HugServer {
  return new Server({
    parser,
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: config.maxFrameBytes,
    pingInterval: config.pingIntervalMs,
    pingTimeout: config.pingTimeoutMs,
    connectTimeout: 10_000,
    allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
      const origin = req.headers.origin;
      if (isOriginAllowed(origin, config.allowedOrigins)) return callback(null, true);
      metrics.handshakeRefusals.inc({ reason: 'origin' });
      callback('origin not allowed', false);
    },
  });
}

/** What the gateway connects. */
export interface GatewayDeps extends HandshakeDeps {
  readonly tracker: PresenceTracker;
  readonly expiry: SessionExpiry;
  readonly dispatch: Dispatch;
  readonly log: LogPort;
  readonly metrics: Metrics;
}

/** The socket's device, as presence sees it. */
export function connectionOf(socket: HugSocket): DeviceConnection {
  const { userId, deviceId, deviceKind } = socket.data;
  return { userId, connId: socket.id, deviceId, kind: deviceKind };
}

/**
 * Lets the upgrade request go once the socket is admitted (Socket.IO's own advice for memory): the
 * origin was checked in `allowRequest` and the handshake read only `auth`, so nothing needs its
 * headers again, and each idle connection would otherwise keep the request and its headers alive.
 */
function forgetUpgradeRequest(socket: HugSocket): void {
  const conn = socket.conn as { request: unknown };
  conn.request = null;
  socket.handshake.headers = NO_HEADERS;
}

const NO_HEADERS = Object.freeze({});

/** The longest a new socket waits for its user room's subscription (it takes milliseconds when Redis is up). */
const JOIN_WAIT_MAX_MS = 1000;

/** A wait this long is logged (once per socket): Redis is slow or away. */
const JOIN_WAIT_LOGGED_MS = 100;

/**
 * Joins a socket to its user room before Socket.IO tells the client it is connected, once this node
 * receives the room's messages (a Redis subscription on its way; see `joinsWaitForSubscription`):
 * an app that acts on `connect` (a friend request sent to it right after, say) misses nothing. While
 * Redis is away the wait is bounded, and the socket connects regardless (its inbox sync, made on
 * every connect, recovers what it may miss meanwhile).
 */
async function joinUserRoom(socket: HugSocket, log: GatewayDeps['log']): Promise<void> {
  const joined = socket.join(userRoom(socket.data.userId));
  if (!joined) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, JOIN_WAIT_MAX_MS)));
  const slow = setTimeout(() => log.info({ userId: socket.data.userId, waitedMs: JOIN_WAIT_LOGGED_MS }, 'a new socket waits for its user room subscription'), JOIN_WAIT_LOGGED_MS);
  await Promise.race([joined.catch((error: unknown) => log.warn({ err: error, userId: socket.data.userId }, 'joining the user room failed')), bound]);
  clearTimeout(timer);
  clearTimeout(slow);
}

/**
 * Admits sockets through the handshake and into their user room, then for each: registers its
 * device's presence, runs its token clock, and routes every event through the dispatcher. The
 * listeners are shared by every socket (they find theirs as `this`), so an idle connection carries
 * no closures of ours.
 */
export function installGateway(io: HugServer, deps: GatewayDeps): void {
  io.use(handshakeMiddleware({ ...deps, beforeConnect: (socket) => joinUserRoom(socket, deps.log) }));
  function onEvent(this: HugSocket, event: unknown, ...args: unknown[]): void {
    deps.dispatch({ socket: this, userId: this.data.userId, conn: connectionOf(this), watcher: this.data }, event, args);
  }
  // Our parsers refuse a client-sent "error" event; this listener is the second line of defence,
  // since an unheard "error" on an EventEmitter would throw.
  function onError(this: HugSocket, error: Error): void {
    deps.log.warn({ err: error, userId: this.data.userId }, 'socket error');
  }
  function onDisconnect(this: HugSocket, reason: string): void {
    deps.metrics.connections.dec();
    releaseConnectionSlot(this, deps.counter);
    deps.expiry.stop(this);
    deps.tracker.disconnected(connectionOf(this));
    deps.log.debug({ userId: this.data.userId, socketId: this.id, reason }, 'socket disconnected');
  }
  io.on('connection', (socket) => {
    forgetUpgradeRequest(socket);
    deps.metrics.connections.inc();
    deps.expiry.track(socket);
    // In place of Socket.IO's own silent listener (which only keeps an unheard "error" from
    // throwing): one listener, so no listener array per socket.
    socket.removeAllListeners('error');
    socket.on('error', onError);
    socket.onAny(onEvent);
    socket.on('disconnect', onDisconnect);
    deps.tracker.connected(connectionOf(socket)).catch((error: unknown) => deps.log.error({ err: error, userId: socket.data.userId }, 'presence: connect failed'));
  });
}
