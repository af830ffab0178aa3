import type { Socket as EngineSocket } from 'engine.io';
import type { WireSocketProbe } from '../transport/transport.js';
import type { HugServer } from './socket-types.js';

/** What {@link installSendBufferGuard} is built from. */
export interface SendBufferGuardOptions {
  /** Unread bytes one connection may hold (queued by Engine.IO plus buffered by the transport). */
  readonly maxBytes: number;
  /** Reads and closes the transport's raw sockets. */
  readonly probe: WireSocketProbe;
  /** Hears each cut (metrics, logs). */
  readonly onCut?: (conn: EngineSocket, bufferedBytes: number) => void;
}

/** Bytes of packets Engine.IO queued for a connection since its last flush to the transport. */
const queued = new WeakMap<EngineSocket, number>();

/** The raw socket under an Engine.IO connection: the `ws` WebSocket or the uWebSockets.js one. */
function rawSocketOf(conn: EngineSocket): unknown {
  return (conn.transport as unknown as { socket?: unknown }).socket;
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof Uint8Array || data instanceof ArrayBuffer) return data.byteLength;
  return 0;
}

/**
 * Gives every connection a bounded send buffer. Each packet the server creates for a connection
 * is checked against what that connection already holds unread (Engine.IO's queue, which grows
 * while the `ws` transport waits for the socket to drain, plus what the transport itself
 * buffers, which uWebSockets.js lets grow up to its backpressure limit). Past `maxBytes` the
 * connection is closed at once, dropping what it held: a client that stopped reading reconnects
 * and recovers what it missed through its inbox sync, where waiting for it would cost the server
 * memory without bound (the `ws` transport) or silently drop frames (uWebSockets.js, past its
 * backpressure limit, which the uWS transport sets well above `maxBytes`).
 *
 * The listeners are shared by every connection (they find theirs as `this`), so an idle connection
 * costs one WeakMap entry at most.
 */
export function installSendBufferGuard(io: HugServer, options: SendBufferGuardOptions): void {
  function onPacketCreate(this: EngineSocket, packet: { data?: unknown }): void {
    // A writable transport takes the packet at once (uWS always is): only the transport's buffer counts.
    let held = 0;
    if (!this.transport.writable) {
      held = (queued.get(this) ?? 0) + sizeOf(packet.data);
      queued.set(this, held);
    }
    const raw = rawSocketOf(this);
    const buffered = held + (raw === undefined ? 0 : options.probe.bufferedBytes(raw));
    if (buffered <= options.maxBytes) return;
    queued.delete(this);
    options.onCut?.(this, buffered);
    if (raw === undefined) this.close(true);
    else options.probe.terminate(raw);
  }
  function onFlush(this: EngineSocket): void {
    // A flush hands Engine.IO's whole queue to the transport, whose own buffer then counts.
    queued.delete(this);
  }
  io.engine.on('connection', (conn: EngineSocket) => {
    conn.on('packetCreate', onPacketCreate);
    conn.on('flush', onFlush);
  });
}
