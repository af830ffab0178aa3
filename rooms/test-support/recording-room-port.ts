import type { ServerEventName, ServerEventPayload } from '../../protocol/server-events.js';
import type { RoomPort } from '../room-port.js';

/** One call made on the port. */
export type RoomCall =
  | { readonly op: 'emit'; readonly rooms: readonly string[]; readonly event: ServerEventName; readonly payload: unknown; readonly except?: string }
  | { readonly op: 'join' | 'leave'; readonly target: string; readonly rooms: readonly string[] }
  | { readonly op: 'disconnect'; readonly target: string };

/**
 * An in-memory {@link RoomPort} for testing actors without sockets (DESIGN.md: rooms reach
 * Socket.IO only through this port). It records calls and tracks which targets sit in which room.
 */
export class RecordingRoomPort implements RoomPort {
  readonly calls: RoomCall[] = [];
  readonly members = new Map<string, Set<string>>();

  emit<E extends ServerEventName>(rooms: string | readonly string[], event: E, payload: ServerEventPayload<E>, except?: string): void {
    this.calls.push({ op: 'emit', rooms: typeof rooms === 'string' ? [rooms] : [...rooms], event, payload, ...(except === undefined ? {} : { except }) });
  }

  join(target: string, rooms: readonly string[]): Promise<void> {
    this.calls.push({ op: 'join', target, rooms: [...rooms] });
    for (const room of rooms) {
      const set = this.members.get(room) ?? new Set<string>();
      set.add(target);
      this.members.set(room, set);
    }
    return Promise.resolve();
  }

  emitAndLeave<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void {
    this.emit(room, event, payload);
    this.leave(room, [room]);
  }

  emitAndDisconnect<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void {
    this.emit(room, event, payload);
    this.calls.push({ op: 'disconnect', target: room });
  }

  leave(target: string, rooms: readonly string[]): void {
    this.calls.push({ op: 'leave', target, rooms: [...rooms] });
    for (const room of rooms) this.members.get(room)?.delete(target);
  }

  /** The payloads of every emit of `event`. */
  emitted<E extends ServerEventName>(event: E): { rooms: readonly string[]; payload: ServerEventPayload<E> }[] {
    return this.calls.flatMap((c) => (c.op === 'emit' && c.event === event ? [{ rooms: c.rooms, payload: c.payload as ServerEventPayload<E> }] : []));
  }
}
