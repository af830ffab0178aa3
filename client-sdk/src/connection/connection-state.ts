/**
 * The connection's states.
 * - `disconnected`: created, not started.
 * - `connecting`: the first attempt is under way.
 * - `connected`: the socket is up and authenticated.
 * - `reconnecting`: the connection dropped or an attempt failed; the next attempt waits for its backoff.
 * - `closed`: closed by the app, or after a fatal error (bad token, unsupported protocol). Final.
 */
export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** What moves the machine. */
export type ConnectionEvent = 'start' | 'opened' | 'failed' | 'lost' | 'fatal' | 'close';

const TRANSITIONS: Record<ConnectionState, Partial<Record<ConnectionEvent, ConnectionState>>> = {
  disconnected: { start: 'connecting', close: 'closed', fatal: 'closed' },
  connecting: { opened: 'connected', failed: 'reconnecting', fatal: 'closed', close: 'closed' },
  connected: { lost: 'reconnecting', fatal: 'closed', close: 'closed' },
  reconnecting: { opened: 'connected', failed: 'reconnecting', fatal: 'closed', close: 'closed' },
  closed: {},
};

/** The state after `event` in `state`, or `null` when the event does not apply there. */
export function nextState(state: ConnectionState, event: ConnectionEvent): ConnectionState | null {
  return TRANSITIONS[state][event] ?? null;
}
