import type { RoomPort } from '../../rooms/room-port.js';
import type { ServerEventName, ServerEventPayload, ServerToClientEvents } from '../../protocol/server-events.js';
import type { HugServer } from './socket-types.js';

/** {@link RoomPort} on Socket.IO: each call is one adapter operation, so it reaches every node. */
export class SocketIoRoomPort implements RoomPort {
  constructor(private readonly io: HugServer) {}

  emit<E extends ServerEventName>(rooms: string | readonly string[], event: E, payload: ServerEventPayload<E>): void {
    const args = [payload] as Parameters<ServerToClientEvents[E]>;
    this.io.to(rooms as string | string[]).emit(event, ...args);
  }

  join(target: string, rooms: readonly string[]): void {
    this.io.in(target).socketsJoin(rooms as string[]);
  }

  leave(target: string, rooms: readonly string[]): void {
    for (const room of rooms) this.io.in(target).socketsLeave(room);
  }
}
