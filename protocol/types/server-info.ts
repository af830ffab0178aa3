import type { WireFormat } from '../wire/wire-format.js';

/**
 * `GET /v1/server`: what a client needs to know before it connects, so a tool can pick its wire
 * format and check its protocol version by itself.
 */
export interface ServerInfo {
  /** The protocol version this server speaks. */
  readonly protocolVersion: number;
  /** Every version a client may send in its handshake. */
  readonly supportedProtocolVersions: readonly number[];
  /** The Socket.IO parser clients must use: `msgpack` (binary frames) or `json`. */
  readonly wire: WireFormat;
}
