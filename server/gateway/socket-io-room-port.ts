import type { RoomPort } from '../../rooms/room-port.js';
import type { ServerEventName, ServerEventPayload, ServerToClientEvents } from '../../protocol/server-events.js';
import type { HugServer, RoomMembershipChange } from './socket-types.js';

/**
 * {@link RoomPort} on Socket.IO: each emit is one adapter operation, so it reaches every node.
 * Joins and leaves act on this node's sockets at once; what they ask of the other nodes' sockets
 * goes to them as one message per turn, in order (a burst of group joins is not one broadcast each).
 */
export class SocketIoRoomPort implements RoomPort {
  private memberships: RoomMembershipChange[] = [];

  /** `clustered`: other nodes share the rooms (an adapter that carries server-side messages). */
  constructor(
    private readonly io: HugServer,
    private readonly clustered: boolean,
  ) {
    if (!clustered) return;
    io.on('room:emit-then', (room, event, payload, then) => this.emitThenHere(room, event, payload, then));
    io.on('room:memberships', (changes) => this.changeHere(changes));
  }

  emit<E extends ServerEventName>(rooms: string | readonly string[], event: E, payload: ServerEventPayload<E>, except?: string): void {
    const args = [payload] as Parameters<ServerToClientEvents[E]>;
    const to = this.io.to(rooms as string | string[]);
    (except === undefined ? to : to.except(except)).emit(event, ...args);
  }

  async join(target: string, rooms: readonly string[]): Promise<void> {
    const here = [...(this.io.sockets.adapter.rooms.get(target) ?? [])];
    // Other nodes' sockets join on their own nodes (a socket of this node is in no other node's
    // rooms: nothing to tell them); this node's join here, where their promises wait for a
    // subscription still on its way (see joinsWaitForSubscription).
    if (!this.io.sockets.sockets.has(target)) this.elsewhere(['join', target, rooms]);
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
    if (!this.clustered) return;
    // Joins and leaves queued earlier in this turn go first, on the same channel, so they stay in order.
    this.sendMemberships();
    this.io.serverSideEmit('room:emit-then', room, event, payload, then);
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
    this.io.local.in(target).socketsLeave(rooms as string[]);
    if (!this.io.sockets.sockets.has(target)) this.elsewhere(['leave', target, rooms]);
  }

  /** Queues a join or leave for the other nodes' sockets: one message at the end of the turn carries them all. */
  private elsewhere(change: RoomMembershipChange): void {
    if (!this.clustered) return;
    if (this.memberships.length === 0) setImmediate(() => this.sendMemberships());
    this.memberships.push(change);
  }

  /** Sends the queued joins and leaves to the other nodes, if any. */
  private sendMemberships(): void {
    if (this.memberships.length === 0) return;
    const changes = this.memberships;
    this.memberships = [];
    this.io.serverSideEmit('room:memberships', changes);
  }

  private changeHere(changes: readonly RoomMembershipChange[]): void {
    for (const [op, target, rooms] of changes) {
      const sockets = this.io.local.in(target);
      switch (op) {
        case 'join':
          sockets.socketsJoin(rooms as string[]);
          break;
        case 'leave':
          sockets.socketsLeave(rooms as string[]);
          break;
      }
    }
  }
}
