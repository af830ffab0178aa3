/**
 * Event names a peer may never send. Socket.IO reserves the first six; `error` is added because
 * a client-sent `error` event reaches the server socket's EventEmitter `error` channel, which
 * throws when nothing listens. Both wire formats refuse these at decode time.
 */
export const RESERVED_EVENT_NAMES: ReadonlySet<string> = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
  'error',
]);
