import type { ServerEventName, ServerEventPayload } from '../protocol/server-events.js';

/**
 * The narrow port through which rooms and actors reach sockets. A room is a Socket.IO room; every
 * socket id is also a room holding just that socket. In a cluster each call reaches every node.
 *
 * Delivery is at-most-once per socket and ordered per room as the adapter orders it; nothing here
 * waits for clients.
 */
export interface RoomPort {
  /**
   * Emits `event` once to every socket in any of `rooms` (but the socket `except`, when given): one
   * encode, never a loop over sockets.
   */
  emit<E extends ServerEventName>(rooms: string | readonly string[], event: E, payload: ServerEventPayload<E>, except?: string): void;
  /**
   * Makes every socket in room `target` join `rooms`. Resolves once this node's sockets have joined
   * and this node receives the rooms' messages (with the sharded adapter, once Redis confirmed the
   * rooms' subscriptions): a snapshot read after that misses no change. Joining a room again waits
   * for its subscription too while that is still on its way. Sockets on other nodes join on their own.
   */
  join(target: string, rooms: readonly string[]): Promise<void>;
  /**
   * Emits `event` to every socket in `room`, then makes them leave it, in one message to each
   * node: no socket can leave before the event reaches it (a separate leave travels on another
   * channel and may overtake the emit).
   */
  emitAndLeave<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void;
  /**
   * Emits `event` to every socket in `room`, then disconnects them, in one message to each node (a
   * separate disconnect travels on another channel and may overtake the emit).
   */
  emitAndDisconnect<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void;
  /** Makes every socket in room `target` leave `rooms`. */
  leave(target: string, rooms: readonly string[]): void;
}
