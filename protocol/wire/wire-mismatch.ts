import { type Packet, PacketType } from 'socket.io-parser';

/** The two wire formats, as the mismatch check names them (see `wire-format.ts`). */
export type WireName = 'msgpack' | 'json';

/**
 * Marks the CONNECT a server's decoder makes up when a client's first frame is of the other wire
 * format (text on the msgpack wire, binary on the JSON wire); its value is the client's wire. A
 * symbol, so no frame can carry it. The handshake refuses such a CONNECT with `wire_mismatch`.
 */
export const WIRE_MISMATCH: unique symbol = Symbol('hugmood.wire-mismatch');

/** The CONNECT standing for a first frame of `clientWire`. */
export function wireMismatchConnect(clientWire: WireName): Packet {
  return { type: PacketType.CONNECT, nsp: '/', data: { [WIRE_MISMATCH]: clientWire } };
}

/** The wire a made-up CONNECT's `auth` says the client speaks, or `null` for a real CONNECT. */
export function mismatchedWireOf(auth: unknown): WireName | null {
  if (typeof auth !== 'object' || auth === null) return null;
  const wire = (auth as { [WIRE_MISMATCH]?: unknown })[WIRE_MISMATCH];
  return wire === 'msgpack' || wire === 'json' ? wire : null;
}

/**
 * The client wire a `wire_mismatch` CONNECT_ERROR must be encoded in (so the client can read why
 * it was refused), or `null` for any other packet.
 */
export function wireOfMismatchRefusal(packet: Packet): WireName | null {
  if (packet.type !== PacketType.CONNECT_ERROR) return null;
  const details = (packet.data as { data?: { details?: { reason?: unknown; clientWire?: unknown } } } | undefined)?.data?.details;
  if (details?.reason !== 'wire_mismatch') return null;
  return details.clientWire === 'msgpack' || details.clientWire === 'json' ? details.clientWire : null;
}
