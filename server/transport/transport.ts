import type { Server } from 'socket.io';
import type { HttpHandler } from '../http/http-types.js';

/** The two transports. */
export type TransportName = 'uws' | 'node';

/** What every transport is given. */
export interface TransportOptions {
  /** The HTTP API, written once against the transport-neutral types. */
  readonly http: HttpHandler;
  /** Bodies larger than this are refused with 413 before they are read in full. */
  readonly maxBodyBytes: number;
  /** Proxies in front of this server trusted to append `X-Forwarded-For` hops; 0 uses the peer address. */
  readonly trustedProxies: number;
  /**
   * The send buffer the gateway allows a connection (`SEND_BUFFER_BYTES`). A transport that
   * drops output past a backpressure limit of its own keeps that limit well above this, so the
   * gateway's bound closes a slow connection before anything is dropped.
   */
  readonly sendBufferBytes?: number;
}

/** What a transport tells about the raw socket under one WebSocket connection. */
export interface WireSocketProbe {
  /** Bytes written to the connection that the operating system has not yet taken. */
  bufferedBytes(raw: unknown): number;
  /** Closes the connection at once, dropping whatever it still buffers. */
  terminate(raw: unknown): void;
}

/**
 * A listening server that carries Socket.IO and the HTTP API: uWebSockets.js, or Node's http + ws.
 * Only the binding differs; routes, the gateway and the rooms are shared.
 */
export interface Transport {
  readonly name: TransportName;
  /** Reads and closes this transport's raw WebSocket connections (for the send-buffer bound). */
  readonly probe: WireSocketProbe;
  /** Attaches the Socket.IO server; call before {@link listen}. */
  attach(io: Server): void;
  /** Starts listening and resolves with the bound port (useful with port 0). */
  listen(host: string, port: number): Promise<number>;
  /** Stops accepting new connections; open ones stay until closed by Socket.IO. */
  stopListening(): Promise<void>;
  /** Closes every remaining connection. */
  close(): Promise<void>;
}

/**
 * The client address of a request. Without trusted proxies it is the peer. Behind `trustedProxies`
 * proxies, each appends the address it was reached from to `X-Forwarded-For`, so the client's
 * address is the hop the outermost trusted proxy appended: the `trustedProxies`-th from the right.
 * Hops to its left were written by the client and are never believed. With fewer hops than
 * proxies (a proxy that does not append), the leftmost hop is all there is.
 */
export function clientAddressOf(headers: Readonly<Record<string, string>>, peer: string, trustedProxies: number): string {
  if (trustedProxies === 0) return peer;
  const hops = (headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  if (hops.length === 0) return peer;
  return hops[Math.max(0, hops.length - trustedProxies)] ?? peer;
}
