import { Emitter } from '@socket.io/component-emitter';
import { Decoder as SocketIoDecoder, Encoder as SocketIoEncoder, type Packet, PacketType } from 'socket.io-parser';
import { MAIN_NAMESPACE, RESERVED_EVENT_NAMES } from './reserved-events.js';

interface DecoderEvents {
  decoded: (packet: Packet) => void;
}

/** Socket.IO's own JSON encoder, unchanged. */
export const Encoder = SocketIoEncoder;

/**
 * Socket.IO's JSON decoder, plus a refusal of every name in {@link RESERVED_EVENT_NAMES}
 * (upstream does not reserve `error`) and of every namespace but `/`. A refused packet throws;
 * Socket.IO closes that connection.
 */
export class Decoder extends Emitter<Record<string, never>, Record<string, never>, DecoderEvents> {
  private readonly inner = new SocketIoDecoder();

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

  /** Feeds one frame (string, or a binary attachment) to the decoder. */
  add(chunk: unknown): void {
    this.inner.add(chunk);
  }

  /** Drops any half-reconstructed binary packet. */
  destroy(): void {
    this.inner.destroy();
  }
}
