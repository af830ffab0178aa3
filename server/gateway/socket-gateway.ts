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

/**
 * Admits sockets through the handshake, then for each: joins its user room, registers its
 * device's presence, runs its token clock, and routes every event through the dispatcher. The
 * listeners are shared by every socket (they find theirs as `this`), so an idle connection carries
 * no closures of ours.
 */
/**
 * Sockets whose node does not yet receive their user room's messages (a Redis subscription on its
 * way; see `joinsWaitForSubscription`): their events wait for it, so a sync cannot miss a hug that
 * a live push also misses. Kept out of `socket.data`, which the adapter sends to other nodes.
 */
const joiningRoom = new WeakMap<HugSocket, Promise<void>>();

/** The longest a new socket's events wait for that subscription (it takes milliseconds when Redis is up). */
const JOIN_WAIT_MAX_MS = 1000;

export function installGateway(io: HugServer, deps: GatewayDeps): void {
  io.use(handshakeMiddleware(deps));
  function onEvent(this: HugSocket, event: unknown, ...args: unknown[]): void {
    const joining = joiningRoom.get(this);
    // In arrival order: callbacks on one promise run in the order they were added.
    if (joining) void joining.then(() => onEvent.call(this, event, ...args));
    else deps.dispatch({ socket: this, userId: this.data.userId, conn: connectionOf(this), watcher: this.data }, event, args);
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
    const joined = socket.join(userRoom(socket.data.userId));
    if (joined) {
      // Bounded: while Redis is away the confirmation waits for its return, and commands must be
      // answered (refused) meanwhile.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, JOIN_WAIT_MAX_MS)));
      const joining = Promise.race([
        joined.then(
          () => undefined,
          (error: unknown) => deps.log.warn({ err: error, userId: socket.data.userId }, 'joining the user room failed'),
        ),
        bound,
      ]).finally(() => clearTimeout(timer));
      joiningRoom.set(socket, joining);
      void joining.finally(() => joiningRoom.delete(socket));
    }
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
