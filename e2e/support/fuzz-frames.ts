import { Packr } from 'msgpackr';
import { Encoder as JsonEncoder, type Packet, PacketType } from 'socket.io-parser';
import { COMMAND_NAMES } from '../../protocol/commands.js';
import type { WireFormat } from '../../protocol/wire/wire-format.js';

/** One frame for the WebSocket: text or binary. */
export type Frame = string | Uint8Array;

const FIELDS = ['userIds', 'userId', 'to', 'kind', 'message', 'clientId', 'groupId', 'intensity', 'after', 'limit', 'status', 'activity', 'direction', 'before', 'title', 'invitees', 'durationMs', 'hugIds', 'hugId', 'requestId', 'accept', 'displayName', 'bio', 'avatarUrl', 'token', 'v', 'deviceId', 'deviceKind', '__proto__', 'constructor', 'prototype', 'toString'];
const STRINGS = ['', 'warm', 'bear', 'active', 'away', 'sent', 'g_xxxxxxxxxx', 'h_xxxxxxxxxx', '../../etc/passwd', '\u202egnp.exe', '\ud800', '\u0000', '%s%n', '{"$gt":""}', 'x'.repeat(300), '🤗'.repeat(40), 'constructor', '__proto__'];
const NUMBERS = [0, -1, 1, 0.5, 1.5, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e-308, Number.NaN, Number.POSITIVE_INFINITY];

/** Random frames and mutations of valid ones, for one wire format. */
export class FrameFuzzer {
  private readonly packr = new Packr({ useRecords: false });
  private readonly json = new JsonEncoder();

  constructor(
    private readonly wire: WireFormat,
    private readonly random: () => number,
  ) {}

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A random value: scalars from tricky pools, arrays and objects keyed by real field names. */
  value(depth = 0): unknown {
    const roll = this.int(depth > 4 ? 4 : 7);
    switch (roll) {
      case 0:
        return null;
      case 1:
        return this.random() < 0.5;
      case 2:
        return this.random() < 0.5 ? this.pick(NUMBERS) : this.int(1000);
      case 3:
        return this.random() < 0.7 ? this.pick(STRINGS) : String.fromCharCode(...Array.from({ length: this.int(40) }, () => this.int(0xffff)));
      case 4:
      case 5: {
        const out: Record<string, unknown> = {};
        for (let i = this.int(5); i > 0; i -= 1) out[this.pick(FIELDS)] = this.value(depth + 1);
        return out;
      }
      default:
        return Array.from({ length: this.int(6) }, () => this.value(depth + 1));
    }
  }

  /**
   * A well-formed event with random contents, of a real command (or an unknown name): the parser
   * passes it, so it reaches the dispatcher, the schemas and the handlers.
   */
  event(): Packet {
    const name = this.random() < 0.9 ? this.pick(COMMAND_NAMES) : this.pick(['x'.repeat(100), 'hug:sendd', 'unknown', 'profile:get ']);
    const args = this.random() < 0.9 ? [name, this.value()] : [name, ...Array.from({ length: this.int(4) }, () => this.value())];
    return { type: PacketType.EVENT, nsp: '/', data: args, ...(this.random() < 0.85 ? { id: this.int(10_000) } : {}) };
  }

  /** Any packet: events, CONNECTs with random auth (or to another namespace), random types and names. */
  packet(): Packet {
    const roll = this.int(10);
    if (roll === 0) return { type: PacketType.CONNECT, nsp: this.random() < 0.8 ? '/' : '/admin', data: this.value() as object };
    if (roll === 1) return { type: this.int(7), nsp: '/', data: this.value() };
    if (roll === 2) return { type: PacketType.EVENT, nsp: '/', data: [this.pick(['error', 'connect', 'disconnecting', 'newListener']), this.value()] };
    return this.event();
  }

  /** A packet as this wire frames it (Engine.IO message: binary, or text with the "4" prefix). */
  encode(packet: Packet): Frame {
    if (this.wire === 'msgpack') {
      const frame: Record<string, unknown> = { type: packet.type, nsp: packet.nsp };
      if (packet.data !== undefined) frame['data'] = packet.data;
      if (packet.id !== undefined) frame['id'] = packet.id;
      return this.packr.pack(frame);
    }
    return `4${String(this.json.encode(packet)[0])}`;
  }

  /** A frame as a broken or hostile client might send it: a packet's bytes mutated, or junk. */
  hostile(): Frame {
    return this.random() < 0.8 ? this.mutate(this.encode(this.packet())) : this.junk();
  }

  private mutate(frame: Frame): Frame {
    if (typeof frame === 'string') {
      const chars = [...frame];
      for (let n = 1 + this.int(4); n > 0; n -= 1) {
        const at = this.int(chars.length + 1);
        const op = this.int(4);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, this.pick(['[', ']', '{', '}', '"', '\\', ',', ':', '\u0000', '\ud800', '9', '-', 'e']));
        else if (op === 2) chars.length = Math.min(chars.length, at);
        else chars.splice(at, 0, ...chars.slice(0, this.int(20)));
      }
      return chars.join('');
    }
    const bytes = Array.from(frame);
    for (let n = 1 + this.int(4); n > 0; n -= 1) {
      const at = this.int(bytes.length + 1);
      const op = this.int(4);
      if (op === 0) bytes[at] = this.int(256);
      else if (op === 1) bytes.splice(at, 0, this.pick([0xc1, 0xd4, 0x72, 0xc7, 0xdd, 0xdf, 0xcf, 0xff, 0x00, 0x80, 0x90, 0xa0]));
      else if (op === 2) bytes.length = Math.min(bytes.length, at);
      else bytes.splice(at, 0, ...bytes.slice(0, this.int(16)));
    }
    return new Uint8Array(bytes);
  }

  private junk(): Frame {
    if (this.random() < 0.5) return new Uint8Array(Array.from({ length: this.int(200) }, () => this.int(256)));
    return this.pick(['1', '2', '3', '5', '6', '2probe', '40', '41', '4', '', '0{}', '9', '4\u0000']) + String.fromCharCode(...Array.from({ length: this.int(10) }, () => 32 + this.int(90)));
  }
}
