import type { ServerEventName, ServerEventPayload } from '../protocol/server-events.js';

/**
 * The narrow port through which rooms and actors reach sockets. A room is a Socket.IO room; every
 * socket id is also a room holding just that socket. In a cluster each call reaches every node.
 *
 * Delivery is at-most-once per socket and ordered per room as the adapter orders it; nothing here
 * waits for clients.
 */
export interface RoomPort {
  /** Emits `event` once to every socket in any of `rooms`: one encode, never a loop over sockets. */
  emit<E extends ServerEventName>(rooms: string | readonly string[], event: E, payload: ServerEventPayload<E>): void;
  /** Makes every socket in room `target` join `rooms`. */
  join(target: string, rooms: readonly string[]): void;
  /** Makes every socket in room `target` leave `rooms`. */
  leave(target: string, rooms: readonly string[]): void;
}
