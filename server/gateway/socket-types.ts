import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents } from '../../protocol/commands.js';
import type { DeviceKind } from '../../protocol/ids.js';
import type { ServerToClientEvents } from '../../protocol/server-events.js';

/** Events between nodes (none yet; the cluster adds them). */
export type InterServerEvents = Record<string, never>;

/** What the handshake stores on each socket. */
export interface SocketData {
  userId: string;
  deviceId: string;
  deviceKind: DeviceKind;
  /** Epoch ms at which the socket's access token expires. */
  tokenExpiresAt: number;
}

/** The typed Socket.IO server: the protocol's event maps threaded through. */
export type HugServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The typed server-side socket. */
export type HugSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
