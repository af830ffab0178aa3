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

/**
 * The one Socket.IO namespace HugMood serves. Both wire formats refuse packets for any other, so
 * a CONNECT to an unknown namespace closes the connection instead of being answered again and again.
 */
export const MAIN_NAMESPACE = '/';
