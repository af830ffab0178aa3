import type { RoomPort } from '../../rooms/room-port.js';
import type { ServerEventName, ServerEventPayload, ServerToClientEvents } from '../../protocol/server-events.js';
import type { HugServer } from './socket-types.js';

/** {@link RoomPort} on Socket.IO: each call is one adapter operation, so it reaches every node. */
export class SocketIoRoomPort implements RoomPort {
  /** `clustered`: other nodes share the rooms (an adapter that carries server-side messages). */
  constructor(
    private readonly io: HugServer,
    private readonly clustered: boolean,
  ) {
    if (clustered) io.on('room:emit-then', (room, event, payload, then) => this.emitThenHere(room, event, payload, then));
  }

  emit<E extends ServerEventName>(rooms: string | readonly string[], event: E, payload: ServerEventPayload<E>): void {
    const args = [payload] as Parameters<ServerToClientEvents[E]>;
    this.io.to(rooms as string | string[]).emit(event, ...args);
  }

  async join(target: string, rooms: readonly string[]): Promise<void> {
    const here = [...(this.io.sockets.adapter.rooms.get(target) ?? [])];
    // Other nodes' sockets join on their own nodes; this node's join here, where their promises wait
    // for a subscription still on its way (see joinsWaitForSubscription).
    if (this.clustered) this.io.in(target).except(here).socketsJoin(rooms as string[]);
    await Promise.all(here.map((id) => Promise.resolve(this.io.sockets.sockets.get(id)?.join(rooms as string[]))));
  }

  emitAndLeave<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void {
    this.emitThen(room, event, payload, 'leave');
  }

  emitAndDisconnect<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void {
    this.emitThen(room, event, payload, 'disconnect');
  }

  /** One message to each node, which emits to its sockets and then acts on them: nothing overtakes the event. */
  private emitThen(room: string, event: ServerEventName, payload: unknown, then: 'leave' | 'disconnect'): void {
    this.emitThenHere(room, event, payload, then);
    if (this.clustered) this.io.serverSideEmit('room:emit-then', room, event, payload, then);
  }

  private emitThenHere(room: string, event: ServerEventName, payload: unknown, then: 'leave' | 'disconnect'): void {
    const args = [payload] as Parameters<ServerToClientEvents[typeof event]>;
    this.io.local.to(room).emit(event, ...args);
    switch (then) {
      case 'leave':
        this.io.local.in(room).socketsLeave(room);
        return;
      case 'disconnect':
        this.io.local.in(room).disconnectSockets(true);
        return;
    }
  }

  leave(target: string, rooms: readonly string[]): void {
    for (const room of rooms) this.io.in(target).socketsLeave(room);
  }
}
