import { Emitter } from '@socket.io/component-emitter';
import { Decoder as SocketIoDecoder, Encoder as SocketIoEncoder, type Packet, PacketType } from 'socket.io-parser';
import { packPacket } from './msgpack-parser.js';
import { MAIN_NAMESPACE, RESERVED_EVENT_NAMES } from './reserved-events.js';
import { wireMismatchConnect, wireOfMismatchRefusal } from './wire-mismatch.js';

interface DecoderEvents {
  decoded: (packet: Packet) => void;
}

/**
 * Socket.IO's own JSON encoder. The one exception: the refusal of a client that spoke msgpack
 * (`wire_mismatch`) goes out as one MessagePack frame, the only form that client can read.
 */
export class Encoder extends SocketIoEncoder {
  override encode(packet: Packet): (string | Uint8Array)[] {
    if (wireOfMismatchRefusal(packet) === 'msgpack') return [packPacket(packet)];
    return super.encode(packet) as (string | Uint8Array)[];
  }
}

/**
 * Socket.IO's JSON decoder, plus a refusal of every name in {@link RESERVED_EVENT_NAMES}
 * (upstream does not reserve `error`) and of every namespace but `/`. A refused packet throws;
 * Socket.IO closes that connection.
 */
export class Decoder extends Emitter<Record<string, never>, Record<string, never>, DecoderEvents> {
  private readonly inner = new SocketIoDecoder();
  private first = true;

  constructor() {
    super();
    this.inner.on('decoded', (packet: Packet) => {
      if (packet.nsp !== MAIN_NAMESPACE) throw new Error('json parser: only the main namespace "/" is served');
      if (packet.type === PacketType.EVENT || packet.type === PacketType.BINARY_EVENT) {
        const name: unknown = (packet.data as unknown[])[0];
        if (typeof name === 'string' && RESERVED_EVENT_NAMES.has(name)) {
          throw new Error(`json parser: "${name}" is a reserved event name`);
        }
      }
      this.emitReserved('decoded', packet);
    });
  }

  /**
   * Feeds one frame (string, or a binary attachment) to the decoder. A first frame that is binary
   * comes from a client of the msgpack wire: it is decoded as a CONNECT marked for the handshake to
   * refuse with `wire_mismatch`, which that client can read.
   */
  add(chunk: unknown): void {
    const first = this.first;
    this.first = false;
    if (first && typeof chunk !== 'string') {
      this.emitReserved('decoded', wireMismatchConnect('msgpack'));
      return;
    }
    this.inner.add(chunk);
  }

  /** Drops any half-reconstructed binary packet. */
  destroy(): void {
    this.inner.destroy();
  }
}
