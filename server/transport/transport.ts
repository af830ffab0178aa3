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
  /** Take the client address from `X-Forwarded-For`. */
  readonly trustProxy: boolean;
}

/**
 * A listening server that carries Socket.IO and the HTTP API: uWebSockets.js, or Node's http + ws.
 * Only the binding differs; routes, the gateway and the rooms are shared.
 */
export interface Transport {
  readonly name: TransportName;
  /** Attaches the Socket.IO server; call before {@link listen}. */
  attach(io: Server): void;
  /** Starts listening and resolves with the bound port (useful with port 0). */
  listen(host: string, port: number): Promise<number>;
  /** Stops accepting new connections; open ones stay until closed by Socket.IO. */
  stopListening(): Promise<void>;
  /** Closes every remaining connection. */
  close(): Promise<void>;
}

/** The client address of a request: the peer, or the first forwarded hop when the proxy is trusted. */
export function clientAddressOf(headers: Readonly<Record<string, string>>, peer: string, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers['x-forwarded-for']?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return peer;
}
