import type { ServerEventName } from '../../protocol/server-events.js';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents } from '../../protocol/commands.js';
import type { DeviceKind } from '../../protocol/ids.js';
import type { ServerToClientEvents } from '../../protocol/server-events.js';

/** Events between nodes (server-side emits through the adapter; {@link SocketIoRoomPort} sends and handles them). */
export interface InterServerEvents {
  /**
   * Emit `event` to this node's sockets in `room`, then make them leave it or disconnect them
   * (`RoomPort.emitAndLeave`, `RoomPort.emitAndDisconnect`).
   */
  'room:emit-then': (room: string, event: ServerEventName, payload: unknown, then: 'leave' | 'disconnect') => void;
  /** This node's sockets in each `target` join or leave `rooms`, in order (`RoomPort.join`/`leave`, batched per turn). */
  'room:memberships': (changes: readonly RoomMembershipChange[]) => void;
}

/** One `RoomPort.join` or `leave` as it travels to the other nodes. */
export type RoomMembershipChange = readonly [op: 'join' | 'leave', target: string, rooms: readonly string[]];

/**
 * Everything the server keeps per socket, in one object (the handshake creates it): an idle
 * connection's cost is mostly Socket.IO's own, so ours stays flat. It doubles as the socket's
 * presence {@link Watcher}.
 */
export interface SocketData {
  userId: string;
  /** The socket's id (its own room). */
  socketId: string;
  deviceId: string;
  /** Whether the client named the device (`auth.deviceId`); if not, `deviceId` lives this connection only. */
  deviceChosen: boolean;
  deviceKind: DeviceKind;
  /** The protocol version the client spoke at the handshake (`auth.v`). */
  protocolVersion: number;
  /** Epoch ms at which the socket's access token expires. */
  tokenExpiresAt: number;
  /** The session-expiry clock: the deadline this socket waits for (0: none), and whether it was warned. */
  expiryDue: number;
  expiryWarned: boolean;
  /** Users this socket watches; `null` until its first `presence:watch`. */
  watching: Set<string> | null;
  /** Rate-limit refusals since `refusalsSince` (epoch ms): the flood guard's window. */
  refusals: number;
  refusalsSince: number;
  /** The user's connection slot is still counted for this socket (released once, on disconnect). */
  slotHeld: boolean;
}

/** The typed Socket.IO server: the protocol's event maps threaded through. */
export type HugServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The typed server-side socket. */
export type HugSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
