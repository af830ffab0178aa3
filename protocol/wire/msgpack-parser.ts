import { Emitter } from '@socket.io/component-emitter';
import { type Options, Packr } from 'msgpackr';
import { Encoder as JsonEncoder, isPacketValid, type Packet, PacketType } from 'socket.io-parser';
import { decodePlainMsgpack } from './plain-msgpack.js';
import { MAIN_NAMESPACE, RESERVED_EVENT_NAMES } from './reserved-events.js';
import { wireMismatchConnect, wireOfMismatchRefusal } from './wire-mismatch.js';

// Plain MessagePack (no msgpackr records) so any MessagePack library can speak it; undefined
// properties are skipped, as JSON would drop them.
// `skipValues` is supported by msgpackr's packer but missing from its typings.
const packOptions: Options & { skipValues: unknown[] } = { useRecords: false, skipValues: [undefined], moreTypes: false };
const packr = new Packr(packOptions);
const jsonEncoder = new JsonEncoder();

/** One packet as a plain MessagePack frame (also what the JSON wire's encoder uses for a msgpack client's wire-mismatch refusal). */
export function packPacket(packet: Packet): Uint8Array {
  const frame: { type: PacketType; nsp: string; data?: unknown; id?: number } = { type: packet.type, nsp: packet.nsp };
  if (packet.data !== undefined) frame.data = packet.data as unknown;
  if (packet.id !== undefined) frame.id = packet.id;
  return packr.pack(frame);
}

interface DecoderEvents {
  decoded: (packet: Packet) => void;
}

/**
 * Encodes a Socket.IO packet as one binary MessagePack frame. Binary values travel natively, so
 * packets never need attachments. The one exception: the refusal of a client that spoke JSON
 * (`wire_mismatch`) goes out as JSON text, the only form that client can read.
 */
export class Encoder {
  /** Returns the frames of `packet`: always exactly one. */
  encode(packet: Packet): (Uint8Array | string)[] {
    if (wireOfMismatchRefusal(packet) === 'json') return jsonEncoder.encode(packet) as string[];
    return [packPacket(packet)];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new Error('msgpack parser: expected a binary frame');
}

/**
 * Decodes binary MessagePack frames into Socket.IO packets. Only plain MessagePack is read
 * ({@link decodePlainMsgpack}: no records, no extensions). Anything that is not a well-formed
 * packet, including a reserved event name or a binary-attachment packet type, throws; Socket.IO
 * then closes that one connection.
 */
export class Decoder extends Emitter<Record<string, never>, Record<string, never>, DecoderEvents> {
  private first = true;

  /**
   * Decodes one frame and emits `decoded`, or throws. A first frame of text comes from a client
   * of the JSON wire: it is decoded as a CONNECT marked for the handshake to refuse with
   * `wire_mismatch`, which that client can read.
   */
  add(chunk: unknown): void {
    const first = this.first;
    this.first = false;
    if (first && typeof chunk === 'string') {
      this.emitReserved('decoded', wireMismatchConnect('json'));
      return;
    }
    const value = decodePlainMsgpack(toBytes(chunk));
    if (!isRecord(value)) throw new Error('msgpack parser: a packet must be a map');
    const { type, nsp, data, id } = value;
    if (nsp !== MAIN_NAMESPACE) throw new Error('msgpack parser: only the main namespace "/" is served');
    if (type === PacketType.BINARY_EVENT || type === PacketType.BINARY_ACK) {
      throw new Error('msgpack parser: binary packet types are not used with msgpack');
    }
    if (type === PacketType.EVENT && Array.isArray(data) && typeof data[0] === 'string' && RESERVED_EVENT_NAMES.has(data[0])) {
      throw new Error(`msgpack parser: "${data[0]}" is a reserved event name`);
    }
    const packet: Packet = { type: type as PacketType, nsp };
    if (data !== undefined) packet.data = data;
    if (id !== undefined) packet.id = id as number;
    if (!isPacketValid(packet)) throw new Error('msgpack parser: invalid packet');
    this.emitReserved('decoded', packet);
  }

  /** Nothing is buffered between frames, so there is nothing to release. */
  destroy(): void {}
}
