import type { IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { SocketIoParser } from '../../protocol/wire/wire-format.js';
import type { LogPort } from '../../rooms/log-port.js';
import type { PresenceTracker } from '../../rooms/presence/presence-tracker.js';
import { userRoom } from '../../rooms/room-names.js';
import type { Config } from '../config/config.js';
import type { Metrics } from '../observability/metrics.js';
import { isOriginAllowed } from '../security/origin-policy.js';
import type { Dispatch } from './command-dispatcher.js';
import type { HandshakeDeps } from './handshake.js';
import { handshakeMiddleware } from './handshake.js';
import type { SessionExpiry } from './session-expiry.js';
import type { HugServer } from './socket-types.js';

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

/**
 * Admits sockets through the handshake, then for each: joins its user room, registers its
 * device's presence, runs its token clock, and routes every event through the dispatcher.
 */
export function installGateway(io: HugServer, deps: GatewayDeps): void {
  io.use(handshakeMiddleware(deps));
  io.on('connection', (socket) => {
    const { userId, deviceId, deviceKind } = socket.data;
    const conn = { userId, connId: socket.id, deviceId, kind: deviceKind };
    const watcher = { userId, socketId: socket.id, watching: new Set<string>() };
    void socket.join(userRoom(userId));
    deps.metrics.connections.inc();
    deps.expiry.track(socket);
    // Our parsers refuse a client-sent "error" event; this listener is the second line of defence,
    // since an unheard "error" on an EventEmitter would throw.
    socket.on('error', (error) => deps.log.warn({ err: error, userId }, 'socket error'));
    socket.onAny((event: unknown, ...args: unknown[]) => deps.dispatch({ socket, userId, conn, watcher }, event, args));
    socket.on('disconnect', (reason) => {
      deps.metrics.connections.dec();
      deps.expiry.stop(socket);
      deps.tracker.disconnected(conn);
      deps.log.debug({ userId, socketId: socket.id, reason }, 'socket disconnected');
    });
    deps.tracker.connected(conn).catch((error: unknown) => deps.log.error({ err: error, userId }, 'presence: connect failed'));
  });
}
