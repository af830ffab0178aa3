import type { ProtocolError } from './errors.js';

/** The answer to every client→server command: a result or a catalogued error. */
export type Ack<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ProtocolError };

/** The Socket.IO acknowledgement callback of a command whose result is `T`. */
export type AckCallback<T> = (response: Ack<T>) => void;
